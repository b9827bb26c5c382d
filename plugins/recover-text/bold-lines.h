/* bold-lines.h: which lines of a scanned page are set in bold. OCR says nothing of weight, and
 * headings are set in bold, so the ink decides, against the page's own typical line:
 *
 * - a line with ideographs by the median share of ink in its ideographs' boxes (a bold
 *   ideograph fills more of its em), which neither spacing nor punctuation changes; or by the
 *   width of its strokes against the page's typical line with ideographs, where the LSTM's
 *   boxes are too tall and thin that share of ink. A short line (a paragraph's last line, a
 *   heading's) by its ink and its strokes' width across them together: each alone says as much
 *   of so few ideographs' strokes' count and direction as of their weight. Where the two
 *   differ, the line is set as the line before it, which it ends;
 * - a line of Latin script (or digits) by the width of its strokes: the mean length of its
 *   runs of ink along the pixel rows. Its share of ink would mislead: a short bold heading in a
 *   sans-serif face fills its box less than a justified line of a serif body face does. */
#pragma once

#include "ocr.h"

/* The mean length in pixels of the horizontal runs of ink in @image, or 0 without ink. */
double bold_lines_stroke_width (const RectoImage *image);

/* Marks the symbols of the bold lines of @symbols (OcrSymbol, in page points), read from
 * @image, which shows @area of the page at @scale pixels per point. */
void bold_lines_find (GArray *symbols, const RectoImage *image, const RectoBox *area, double scale);
