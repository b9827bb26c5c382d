/* line-ends.h: glyphs Tesseract drops at the ends of a scanned line.
 *
 * Tesseract's line recogniser can leave out a line's first or last Chinese character, the more
 * so when a space sets it apart: the scanned report volume's figure captions came out "1：石冲
 * 镇…" for "图 1：石冲镇…" and "…资金申请流程" for "…资金申请流程图", from the page and from the
 * line read alone, at 200, 300 and 400 dpi alike; a crop of "图 1：" alone reads "图1：".
 * Where the ink of about one character stands in the line's band just before its first symbol
 * (or after its last), no symbol of the page covers it, and a reading of that ink together
 * with the line's first (last) two symbols gives those two symbols again and one Chinese
 * character for the ink, read with confidence, that character is put at the line's end.
 *
 * A character with a full-width stop after it ("率；", "动、" at a line's start, "力。" at a
 * paragraph's short last line's end) is dropped as well by the page's reading (the stop's
 * blank half sets the two apart as a word; the tesseract command reads the same page image
 * right). Their ink, up to 1.6 em, is read the same way, and goes in where it reads as a
 * character and a stop. */
#pragma once

#include "ocr-pool.h"

/* Reads the ink at the ends of @symbols' lines (OcrSymbol, page points) that no symbol covers,
 * from @image, which shows @area of the page at @scale pixels per point, on @worker's engines
 * of @pool. */
void line_ends_read (GArray *symbols, const RectoImage *image, const RectoBox *area, double scale,
                     OcrPool *pool, guint worker);
