/* second-reading.h: lines of a scanned page read a second time, each on its own.
 *
 * Tesseract's page reading and its reading of one line cut out of the page fail differently.
 * The page's layout analysis picks the model per line and gives some Chinese lines to the Latin
 * model ("HERATERA" for "常态长效"); and in page mode the LSTM makes up Chinese characters that
 * are not printed ("和群众" for "群众", "341人个" for "341个"), which a line read alone does
 * not. Only doubtful lines are read twice (reading every line alone costs twice the time and
 * reads worse overall: measured 2.9 % CER against 1.5 % on the scanned sample volume). */
#pragma once

#include "ocr-pool.h"

/* Reads @symbols' doubtful lines again from @image (which shows @area of the page at @scale
 * pixels per point): a line of mostly Latin letters is replaced by the Chinese model's reading
 * when that finds more Chinese characters; a line with a symbol of low confidence loses the
 * wide symbols that the second reading lacks between two symbols both readings agree on. */
void second_reading_correct (GArray *symbols, const RectoImage *image, const RectoBox *area,
                             double scale, OcrPool *pool, guint worker);

/* Marks in @made_up the symbols of @line (n of them, a page reading) that @again (OcrSymbol, the
 * line read alone) lacks: runs of at most two wide symbols between two symbols that a longest
 * common subsequence of the two readings pairs, where @again has nothing between the pair.
 * Returns how many. */
guint second_reading_find_made_up (const OcrSymbol *line, guint n, const GArray *again,
                                   gboolean *made_up);
