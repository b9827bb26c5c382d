/* image-lines.h: lines of text drawn as images on pages that have a text layer.
 *
 * A title set as a picture leaves no text: the page's text layer holds its body, and the title
 * is lost (Qiandongnan's two-line title in ../shared/real; the links of a table of contents
 * drawn as pictures of their lines, pymupdf__test_3842 in ../shared/corpus). A row of images is taken
 * for a line of text when, measured against the page's own text:
 *  - it is about a line high: between MIN_HEIGHT and MAX_HEIGHT times the median height of the
 *    page's glyphs;
 *  - it is a strip: one image, or several side by side on one baseline (their bottoms within a
 *    sixth of their height, heights alike, gaps under a line's height), at least MIN_WIDTHS times
 *    as wide as high;
 *  - no glyph of the text layer lies on it (text over a picture is the layer's own), and it lies
 *    on no other image of the page (a piece of a larger picture);
 *  - drawn at em-pixels an em, its ink is like text's: two tones, background and ink, with few
 *    pixels between (a photograph's or a shaded chart's are spread over the greys), the ink a
 *    small share of the strip (ink_is_text() in image-lines.c).
 * Such a row is read by OCR as one line, framed in its background, in the document's script (its
 * first language alone, or the Latin model where the text layer is Latin), and added to the page
 * as a line of glyphs marked recovered, with no original; a symbol read less surely than
 * min-certainty is a gap, as is a letter whose ink is a dot's (leader dots). A reading whose
 * symbols leave ink outside their boxes, are too few for the strip's width or stand on several
 * baselines (a logo's emblem and name), or whose mean certainty is below min-certainty, is taken
 * for no text and the row left an image. Only such rows are drawn. */
#pragma once

#include "ocr-pool.h"

typedef struct
{
  guint page;
  RectoBox box; /* the row of images, in page points */
} ImageLine;

typedef struct
{
  guint candidates; /* rows of images shaped like lines of text */
  guint lines; /* of them, read as text */
  guint glyphs; /* glyphs read from them */
  guint unasserted; /* of them, read less surely than min_certainty: gaps */
  RectoPageList *pages; /* the pages of the lines read; NULL if none */
} ImageLinesReport;

/* The rows of images of @doc shaped like lines of text (ImageLine), by page; NULL when none.
 * Looks only at the geometry the source gave: nothing is drawn. */
GArray *image_lines_find (RectoDocument *doc);

/* Draws and reads @lines (from image_lines_find()) on @pool's engines, each at @em_pixels an em,
 * and adds those read as text to their pages. @report->pages is the caller's to free. */
void image_lines_read (RectoDocument *doc, const GArray *lines, OcrPool *pool, guint em_pixels,
                       float min_certainty, ImageLinesReport *report);
