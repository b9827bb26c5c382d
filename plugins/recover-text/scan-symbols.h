/* scan-symbols.h: what Tesseract gets wrong in the symbols of a scanned page, put right from
 * the page's image and the symbols' geometry before they become glyphs.
 *
 * Measured on the scanned variant of the sample volume (bench/ocr.sh): the Chinese model reads
 * digits out of a per cent sign's circles ("90.79%6" for "90.7%"), footnote rings as letters,
 * em dashes as 一, full-width punctuation as ASCII; its symbol boxes overlap, swallow their
 * neighbours or shrink to one stroke of the glyph, which would reorder the glyphs and break the
 * lines in the later stages; and it says nothing of weight. */
#pragma once

#include "ocr-pool.h"

/* Whether @c is set a full em wide (Chinese characters, full-width punctuation). */
gboolean scan_symbol_is_wide (gunichar c);

/* Whether @c is a letter set an em wide: a Chinese character, kana, a Hangul syllable (not
 * full-width punctuation, whose ink is a mark's). */
gboolean scan_symbol_is_ideograph (gunichar c);

/* Whether @c is a Latin letter of ASCII (what Tesseract's Latin model reads). */
gboolean scan_symbol_is_latin_letter (gunichar c);

/* Whether @c is an ASCII digit. */
gboolean scan_symbol_is_digit (gunichar c);

/* Whether @c is a full-width stop (，。、；：！？), whose ink stands in the left half of its em. */
gboolean scan_symbol_is_stop (gunichar c);

/* Whether @c is of a script that sets spaces between its words: any but Chinese and Japanese
 * (Korean, though its syllables are set an em wide, does). */
gboolean scan_symbol_spaces_words (gunichar c);

/* The median of @values (doubles; this sorts them), or 0 when there are none. */
double scan_symbols_median (GArray *values);

/* The median height of the Chinese characters (kana, Hangul) of symbols @from to @to of
 * @symbols; 0 without any. */
float scan_symbols_ideograph_em (const GArray *symbols, guint from, guint to);

/* The x-height and baseline of the line of @symbols (OcrSymbol, in page points) @from to @to,
 * the median height and foot of its short lowercase letters ("acemnorsuvwxz"); FALSE where it
 * has fewer than three, a line not in Latin script. */
gboolean scan_symbols_latin_line (const GArray *symbols, guint from, guint to, double *x_height,
                                  double *baseline);

/* The digits of @run (the characters of a run of symbols) that the Chinese model read out of
 * its per cent sign's circles ("90.79%6", "88.59%0", "1009%" for "90.7%", "88.5%", "100%"),
 * as confirmed by the Latin model's reading of the same run, @word: the digit just before the
 * sign, the digits just after it, or both, such that @run without them ends like @word. The
 * Latin reading's first character is not compared (the crop cuts into the first glyph), nor a
 * point it reads after the sign, and at least three characters must agree. Returns a mask of
 * the characters to drop (bit k for run[k]), or 0. */
guint32 scan_percent_sign_debris (const char *run, const char *word);

/* Corrects @symbols (OcrSymbol, in page points) read from @image, which shows @area of the
 * page at @scale pixels per point; rereads small pieces on @worker's engines of @pool. Marks
 * the symbols of bold lines. */
void scan_symbols_correct (GArray *symbols, const RectoImage *image, const RectoBox *area,
                           double scale, OcrPool *pool, guint worker);
