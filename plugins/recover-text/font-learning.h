/* font-learning.h: learns the code → character map of fonts without a usable Unicode map.
 *
 * The glyphs of such a font carry codes, consistent across the volume. The rows of text that
 * hold them are drawn and read by OCR, one row at a time, only until every code has been read
 * often enough; each reading of a glyph is a vote for its code, weighted by the OCR's
 * confidence, and a row is read only while it holds a code that still needs votes. Every glyph
 * of the font is then decoded through the winning characters: OCR's one-off errors are
 * outvoted, and most of the volume is never read by OCR at all. */
#pragma once

#include "font-survey.h"
#include "ocr-pool.h"

typedef struct
{
  guint em_pixels; /* how many pixels an em is drawn at for OCR */
  guint votes; /* readings a code needs before its rows are no longer read */
  float min_certainty; /* a reading less certain than this is not written as text */
} FontLearningOptions;

typedef struct
{
  guint rows; /* rows holding glyphs of unmapped fonts */
  guint rows_read; /* of them, read by OCR */
  guint rows_misread; /* of those, misread as a whole: their readings left out of the votes */
  guint glyphs_read; /* glyphs of unmapped fonts given a reading */
  guint decoded; /* glyphs decoded through a learned map, their codes carrying no character */
  guint replaced; /* glyphs of fonts with a wrong map whose valid-looking character was replaced */
  guint unresolved; /* glyphs left without a character: no reading, or none certain enough */
  guint blank; /* glyphs drawn with no ink (a font's space glyph): left as spaces */
  guint inserted; /* glyphs drawn without text, read by OCR where they stand */
  guint unread; /* of them, left gaps: their ink is there, but OCR gave them no symbol */
  guint from_context; /* glyphs decoded through codes read from the document's good text */
} FontLearningReport;

/* Learns a map for each unmapped font of @surveys, checks the characters the font does give
 * against their readings (font-verdict.h), decodes the fonts' glyphs in @doc, marks them
 * recovered and records the maps and each font's check. Only readings at least
 * options->min_certainty sure are written as text; the others are marked unrecovered (gaps).
 * A glyph drawn with no ink is a space, whatever OCR aligned with it. */
void font_learning_run (RectoDocument *doc, const GArray *surveys, OcrPool *pool,
                        const FontLearningOptions *options, FontLearningReport *report);

/* Reads glyphs in look-alike ranges (Kangxi radicals…) of fonts that have a map as the
 * ideographs they stand for, and records those maps. Returns how many glyphs it changed. */
guint font_learning_fix_lookalikes (RectoDocument *doc, const GArray *surveys);
