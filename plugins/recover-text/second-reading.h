/* second-reading.h: lines of a scanned page read a second time, each on its own.
 *
 * Tesseract's page reading and its reading of one line cut out of the page fail differently.
 * The page's layout analysis picks the model per line and gives some Chinese lines to the Latin
 * model ("HERATERA" for "常态长效"); and in page mode the LSTM makes up Chinese characters that
 * are not printed ("和群众" for "群众", "341人个" for "341个"), which a line read alone does
 * not. Only doubtful lines are read twice (reading every line alone costs twice the time and
 * reads worse overall: measured 2.9 % CER against 1.5 % on the scanned sample volume), and
 * Latin letters among Chinese that the line read alone still reads as letters a third time,
 * with the Chinese model alone (the mixed models read "全覆盖。" as "SPER." on the page and as
 * "PA.TER" in the line alone; the Chinese model reads it). */
#pragma once

#include "ocr-pool.h"

/* Reads @symbols' doubtful lines again from @image (which shows @area of the page at @scale
 * pixels per point): a line of mostly Latin letters is replaced by the Chinese model's reading
 * when that finds more Chinese characters; a line with a symbol of low confidence, or with
 * Latin letters among more wide characters, is reconciled with its second reading
 * (second_reading_reconcile()). */
void second_reading_correct (GArray *symbols, const RectoImage *image, const RectoBox *area,
                             double scale, OcrPool *pool, guint worker);

/* Reads the ink in @box (page points) once more, as one character alone, into @symbol; FALSE
 * where it reads as nothing. */
typedef gboolean (*SecondReadingGlyph) (const RectoBox *box, gpointer data, OcrSymbol *symbol);

/* Reconciles symbols @from to @to of @symbols (one line of a page reading) with @again
 * (OcrSymbol, the line read alone), between the symbols a longest common subsequence of the two
 * readings pairs: a run of at most two wide symbols between two pairs where @again has nothing
 * is made up and goes; a whole run of Latin letters and ASCII signs, no figure (between pairs
 * that are no letters, or a pair and the line's end), where @again has Chinese characters and
 * no letter, is the Latin model's reading of Chinese ink ("SPER." for "全覆盖。"), and
 * @again's symbols take its place; an ideograph read otherwise one for one is read a third
 * time alone (@read_glyph with @data; NULL: not read), and the reading it agrees with stands,
 * else @again's where the page's is doubtful and it is not; one or two digits only @again has,
 * beside a digit where the page reading leaves room for them, go in. Returns the line's new
 * end. */
guint second_reading_reconcile (GArray *symbols, guint from, guint to, const GArray *again,
                                SecondReadingGlyph read_glyph, gpointer data);
