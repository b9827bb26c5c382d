/* ocr-languages.h: the Tesseract models a document is read with, chosen by its own script.
 *
 * chi_sim reads kana as ideographs (こ as 二, し as L) and traditional characters as their
 * simplified forms (費 as 费) at full confidence: on damaged copies of a Japanese and a
 * traditional Chinese report, half the glyphs learned so were wrong. With the languages
 * option at "auto" (its default), the document's text that needs no reading (its good fonts)
 * tells its language (recto-language.h); where it is too little, the names of the fonts to be
 * read do (MS-Mincho, MingLiU, Batang…); a scan has neither, and Tesseract's script detection
 * looks at its first pages (it tells kana and Hangul, not simplified from traditional Chinese).
 * Japanese is read with jpn, traditional Chinese with
 * chi_tra, Korean with kor, each with eng; anything else with chi_sim+eng. A model Tesseract
 * lacks falls back to chi_sim+eng, said in a warning. */
#pragma once

#include <recto/recto.h>

/* The value of the languages option that asks for the choice. */
#define OCR_LANGUAGES_AUTO "auto"

/* The languages for the fallback, and where nothing tells. */
#define OCR_LANGUAGES_DEFAULT "chi_sim+eng"

/* The languages to read @doc with: @asked, unless it is OCR_LANGUAGES_AUTO; then chosen from
 * the text of @doc's fonts that @surveys (FontSurvey) need not read, or from the names of those
 * it must, or else from the script Tesseract sees on its first pages without a text layer (drawn
 * at @scan_dpi when they fit in @max_pixels). Sets *@why to a sentence for a warning when the choice is not the default (the
 * language found, and whether its model was missing), else NULL. Models are looked for in
 * @datapath (NULL: Tesseract's own). Free the result with g_free(). */
char *ocr_languages_choose (RectoDocument *doc, const GArray *surveys, const char *asked,
                            const char *datapath, guint scan_dpi, guint64 max_pixels,
                            char **why);
