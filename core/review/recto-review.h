/* recto-review.h: writes a static review of a conversion (`recto review`): DIR/index.html with
 * its script and style, DIR/data.js (the pages, boxes, repairs and warnings), and
 * DIR/pages/pNNNN.jpg (each page drawn with Poppler). It opens from file:// without a server or
 * network. Geometry comes from the TEI's facsimile zones (recto-review-model.h). */
#pragma once

#include <glib.h>

/* The page images' resolution unless asked otherwise: enough to read a line by (a CJK body
 * character about 10 pixels high, a footnote's still legible), small enough for a 400-page
 * volume to be drawn while it converts. The page shows the image at 90 dpi, a little enlarged;
 * --dpi 90 draws it at that size. */
#define RECTO_REVIEW_DPI 72

/* A PDF's pages being drawn for a review, on threads of their own: a command starts drawing
 * before it converts, so that the pages are drawn while the conversion runs. */
typedef struct _ReviewDrawing RectoReviewDrawing;

typedef struct
{
  const char *input; /* the converted file: a PDF is drawn, other sources show lines */
  const char *tei; /* its TEI, as recto wrote it */
  const char *dir; /* made if needed */
  double dpi; /* of the page images */
  const GPtrArray *warnings; /* char*, the conversion's warnings when @tei was just converted
                              * from @input; NULL when unknown (@tei given: its source is
                              * checked) */
  RectoReviewDrawing *drawing; /* @input's pages, drawn since recto_review_start_drawing(),
                                * or NULL to draw them now; recto_review_write() takes it */
} RectoReviewRequest;

/* Starts drawing @input's pages at @dpi into @dir/pages/ and returns at once; NULL when @input
 * is not a PDF (a text source has no pages to draw). The pages are drawn on
 * recto_get_n_threads() threads besides the caller's. */
RectoReviewDrawing *recto_review_start_drawing (const char *input, const char *dir, double dpi);

/* Stops a drawing that no review will show (the conversion failed) and frees it. */
void recto_review_cancel_drawing (RectoReviewDrawing *drawing);

gboolean recto_review_write (const RectoReviewRequest *request, GError **error);
