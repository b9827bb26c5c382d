/* wide-latin.h: Latin letters read where a line of Chinese, Japanese or Korean shows wide
 * characters.
 *
 * The mixed models (chi_sim+eng, kor+eng) give a word of a wide script to the Latin model now
 * and then, which reads it as letters at high confidence: "tS" for the bold 삶을 of a Korean
 * heading. A Latin letter is at most about an em wide (W, M) and most are half that; a run of
 * letters that takes a whole em or so each is the ink of wide characters, whatever the letters
 * read. Its symbols lose their confidence, so they are kept unasserted, not written.
 *
 * But a wide Latin font's capitals are that wide too: DejaVu Serif's N and QQ beside Noto Serif
 * CJK take 0.87 and 1.08 of the line's ideographs' height each ("1+6+N", "手机QQ群" of a
 * scanned report volume, lost as gaps on nearly every page that has them). So a run found wide
 * is read again with its two neighbours, in the line's band, with the page's primary model
 * alone (the Chinese, Japanese or Korean one), which reads a wide script's ink as that script:
 * where that gives the run's letters again, every one SURE_LETTER sure, they are letters and
 * keep their confidence. */
#pragma once

#include "ocr-pool.h"

/* Takes the confidence from the runs of Latin letters of symbols @from to @to of @symbols (one
 * line, in reading order, boxes ending where the next begins) that are set as wide as the
 * line's wide letters are high, in a line of more wide letters (Han, kana, Hangul) than Latin
 * ones, unless the primary model reads them as the same letters again, from @image (showing
 * @area of the page at @scale pixels per point) on @worker's engines of @pool. */
void wide_latin_doubt (GArray *symbols, guint from, guint to, const RectoImage *image,
                       const RectoBox *area, double scale, OcrPool *pool, guint worker);
