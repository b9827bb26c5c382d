/* raised-marks.h: footnote marks on scanned pages in Latin script.
 *
 * A note's mark is printed small and raised, after the word that calls the note ("year.⁴") and
 * before the note at the page's foot ("⁴ Full-time equivalent posts…"). Read in its line, OCR
 * takes the small digit for the punctuation it resembles there ("‘Full—time", "?Figures",
 * "earlier.°", "year.*The" in vol511-scanned), or misses it beside a full stop; the notes of a
 * page then run into one another, and the text keeps stray quotes and degree signs. */
#pragma once

#include "ocr-pool.h"

/* Finds the marks among the symbols of each line of @symbols (OcrSymbol, in page points, their
 * boxes still OCR's own) read from @image, which shows @area of the page at @scale pixels per
 * point, and reads each again alone on @worker's Latin engine, as a digit or as what OCR read
 * it; a digit is taken. A mark is ink about a symbol that is no letter, with no ink under it
 * down to the line's baseline nor beside it, that ends well above the baseline and is as tall
 * as a digit set small (a quote or a degree sign is shorter), at a line's start or after the
 * word it is set on ("*provisional" opens a word: an asterisk). A mark is marked `raised` (its
 * glyph keeps its ink's box and its own size) and ends its word. */
void raised_marks_read (GArray *symbols, const RectoImage *image, const RectoBox *area,
                        double scale, OcrPool *pool, guint worker);
