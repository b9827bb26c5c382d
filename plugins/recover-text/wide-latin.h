/* wide-latin.h: Latin letters read where a line of Chinese, Japanese or Korean shows wide
 * characters.
 *
 * The mixed models (chi_sim+eng, kor+eng) give a word of a wide script to the Latin model now
 * and then, which reads it as letters at high confidence: "tS" for the bold 삶을 of a Korean
 * heading. A Latin letter is at most about an em wide (W, M) and most are half that; a run of
 * letters that takes a whole em or so each is the ink of wide characters, whatever the letters
 * read. Its symbols lose their confidence, so they are kept unasserted, not written. */
#pragma once

#include "ocr.h"

/* Takes the confidence from the runs of Latin letters of symbols @from to @to of @symbols (one
 * line, in reading order, boxes ending where the next begins) that are set as wide as the
 * line's wide letters are high, in a line of more wide letters (Han, kana, Hangul) than Latin
 * ones. */
void wide_latin_doubt (GArray *symbols, guint from, guint to);
