/* recto-review-render.h: the page images of a review, drawn with Poppler and cairo, as JPEG,
 * on a thread of their own so that a conversion can run meanwhile (recto-review.h). */
#pragma once

#include <glib.h>

#include "recto-review-crop.h"

typedef struct _ReviewDrawing ReviewDrawing;

/* A page's image: written to the review folder or not, and what of the page it shows. */
typedef struct
{
  gboolean written;
  int width, height; /* the whole page's, in pixels */
  ReviewCrop crop; /* the part of it in the file, without the white paper round it */
} ReviewImage;

/* The file name of page @index's image inside the review folder: "pages/p0001.jpg". */
char *review_render_image_name (guint index);

/* Starts drawing each page of the PDF @pdf_path at @dpi into @dir/pages/ (made if needed), on
 * a thread that spreads the pages over recto's threads (recto-parallel.h), and returns at
 * once. */
ReviewDrawing *review_drawing_start (const char *pdf_path, const char *dir, double dpi);

/* Waits for @drawing to end and frees it. Returns an array of @n_pages ReviewImage (the images
 * of pages from @n_pages on, when the PDF has more pages than the TEI, are removed), or NULL with an error when Poppler could not open the PDF
 * (the review then shows lines, not images). */
GArray *review_drawing_finish (ReviewDrawing *drawing, guint n_pages, GError **error);

/* Stops @drawing at its next page, waits for it, removes the images it wrote and frees it. */
void review_drawing_cancel (ReviewDrawing *drawing);
