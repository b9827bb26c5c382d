/* recto-review-render.h: the page images of a review, drawn with Poppler and cairo, as JPEG. */
#pragma once

#include <glib.h>

/* The file name of page @index's image inside the review folder: "pages/p0001.jpg". */
char *review_render_image_name (guint index);

/* Draws each page of the PDF @pdf_path at @dpi into @dir/pages/ (made if needed), using
 * recto's threads (recto-parallel.h). Returns an array of @n_pages gboolean, TRUE where the
 * page's image was written, or NULL with an error when @pdf_path is not a PDF Poppler can open
 * (a text source, say: the review then shows lines, not images). */
GArray *review_render_pages (const char *pdf_path, const char *dir, double dpi, guint n_pages,
                             GError **error);
