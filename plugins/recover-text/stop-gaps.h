/* stop-gaps.h: Chinese characters Tesseract makes up in the blank half of a stop's cell.
 *
 * A full-width comma or full stop inks the left half of its em and leaves the right half
 * blank. In that blank, on the page and in the line read alone, Tesseract's Chinese model
 * writes a character that is not printed: the scanned report volume came out "。和群众满意度"
 * and "APP，和群众可通过" for "。群众满意度" and "APP，群众可通过", on six lines. Read from
 * just after the mark's ink, the same lines give "群众" without it. So a Chinese character read
 * with less than full confidence right after such a mark is read again in a crop that starts in the
 * blank after the mark; where that reading begins with the two symbols after the character,
 * and not with the character, the character is taken for made up and goes. */
#pragma once

#include "ocr-pool.h"

/* Drops the characters @symbols (OcrSymbol, page points, one page's reading) has made up after
 * full-width stops, reading them again from @image, which shows @area of the page at @scale
 * pixels per point, on @worker's engines of @pool. */
void stop_gaps_correct (GArray *symbols, const RectoImage *image, const RectoBox *area,
                        double scale, OcrPool *pool, guint worker);
