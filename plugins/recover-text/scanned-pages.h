/* scanned-pages.h: gives image-only pages (scans) a text layer read by OCR.
 *
 * A page is taken for a scan when it has (almost) no text but draws images over a good part
 * of itself. It is drawn whole at the scan resolution and read with Tesseract's page layout
 * analysis, and drawn and read again where its text is far from the size Tesseract reads best
 * (scanned_page_read()); each symbol becomes a glyph with its box, each line a span whose type
 * size is estimated from the line's height, so the later stages rebuild lines, paragraphs and
 * headings as for any page. Every glyph is marked recovered, with no original (the source had
 * none). */
#pragma once

#include "ocr-pool.h"

/* Tesseract reads a line best when its capitals, or its ideographs, stand about this many
 * pixels tall (its author's advice; vol111-scanned, 14-point Chinese, drawn at 150, 200, 250,
 * 300 and 400 dpi, its ideographs 26 to 70 pixels tall, came out with 0.63, 0.75, 0.85, 1.30 and
 * 2.34 % of its characters wrong; vol511-scanned, 11-point English, 0.76 % at 200 dpi, its
 * capitals 22 pixels tall, and 0.64 % at 300, 33 pixels). */
#define SCANNED_BEST_GLYPH_PIXELS 32

typedef struct
{
  guint pages; /* pages taken for scans */
  guint dpi; /* the resolution they were first drawn at */
  guint redrawn; /* of them, drawn again at the size Tesseract reads best (scanned_page_read) */
  guint least_dpi, most_dpi; /* the resolutions those were drawn again at */
  guint glyphs; /* glyphs read from them */
  guint unasserted; /* of them, read less surely than min_certainty: marked unrecovered */
  guint marks; /* of them, footnote marks read again alone as digits (raised-marks.h) */
  guint drawn; /* symbols read from drawings, not written (rule-symbols.h) */
  float min_certainty;
  RectoPageList *too_large; /* pages left unread, too large to draw; NULL if none */
} ScannedPagesReport;

/* The type size of a line of @n symbols (in page points), from the heights of its ideographs,
 * or else of its short lowercase letters, or else of its capitals and digits. */
float scanned_line_size (const OcrSymbol *symbols, guint n);

/* Whether the letters of @symbols (OcrSymbol) are (almost) all Latin: a page the Latin model
 * alone reads better. */
gboolean scanned_page_is_latin (const GArray *symbols);

/* Draws page @page_index of @doc whole at @dpi and reads it on @worker's engines of @pool. A page
 * whose typical line, so read, is far from the size Tesseract reads best (capitals or ideographs
 * about 32 pixels tall) is drawn again at that size, within @max_pixels, and read again; a page
 * in Latin script is read again with the Latin model alone. Returns OcrSymbol in page points,
 * or NULL; with @image, hands over the image last read, and with @scale, its pixels a point. */
GArray *scanned_page_read (OcrPool *pool, guint worker, RectoDocument *doc, guint page_index,
                           guint dpi, guint64 max_pixels, RectoImage **image, double *scale);

/* The median type size, in points, of the lines of @symbols (OcrSymbol, in page points; as
 * scanned_line_size() gives them); 0 without any. */
double scanned_page_type_size (const GArray *symbols);

/* Whether @page drawn whole at @dpi takes at most @max_pixels pixels (about five bytes each
 * while Tesseract reads it). */
gboolean scanned_page_fits (const RectoPage *page, guint dpi, guint64 max_pixels);

/* Adds the line of @n @symbols (in page points) to @page as a span, with a space glyph between
 * two words of Latin script (Chinese words are not spaced), every glyph marked recovered with
 * no original. A symbol read less surely than @min_certainty is marked unrecovered (the sink
 * writes a gap, not the reading) and counted in @unasserted. Returns the glyphs added. */
guint scanned_line_add (RectoDocument *doc, RectoPage *page, const OcrSymbol *symbols, guint n,
                        float min_certainty, guint *unasserted);

/* Whether @page looks like a scan. */
gboolean scanned_page_detect (const RectoPage *page);

/* Reads the scans of @doc at @dpi, their large lines again at @em_pixels an em (large-lines.h);
 * a symbol read less surely than @min_certainty is not written as text. A scan that would take more
 * than @max_pixels pixels at @dpi is not drawn: it is listed in @report->too_large (which the
 * caller frees). */
void scanned_pages_read (RectoDocument *doc, OcrPool *pool, guint dpi, guint em_pixels,
                         guint64 max_pixels, float min_certainty, ScannedPagesReport *report);
