/* recto-review.h: writes a static review of a conversion (`recto review`): DIR/index.html with
 * its script and style, DIR/data.js (the pages, boxes, repairs and warnings), and
 * DIR/pages/pNNNN.jpg (each page drawn with Poppler). It opens from file:// without a server or
 * network. Geometry comes from the TEI's facsimile zones (recto-review-model.h). */
#pragma once

#include <glib.h>

/* The page images' resolution unless asked otherwise: enough to read a line by, small enough
 * for a 400-page volume. */
#define RECTO_REVIEW_DPI 90

typedef struct
{
  const char *input; /* the converted file: a PDF is drawn, other sources show lines */
  const char *tei; /* its TEI, as recto wrote it */
  const char *dir; /* made if needed */
  double dpi; /* of the page images */
  const GPtrArray *warnings; /* char*, the conversion's warnings, or NULL when unknown */
} RectoReviewRequest;

gboolean recto_review_write (const RectoReviewRequest *request, GError **error);
