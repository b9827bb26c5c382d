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
} FontLearningOptions;

typedef struct
{
  guint rows; /* rows holding glyphs of unmapped fonts */
  guint rows_read; /* of them, read by OCR */
  guint glyphs_read; /* glyphs of unmapped fonts given a reading */
  guint decoded; /* glyphs decoded through a learned map */
  guint unresolved; /* glyphs whose code no reading covers */
  guint inserted; /* glyphs drawn without text, read by OCR where they stand */
} FontLearningReport;

/* Learns a map for each unmapped font of @surveys, decodes the fonts' glyphs in @doc, marks
 * them recovered and records the maps. */
void font_learning_run (RectoDocument *doc, const GArray *surveys, OcrPool *pool,
                        const FontLearningOptions *options, FontLearningReport *report);

/* Reads glyphs in look-alike ranges (Kangxi radicals…) of fonts that have a map as the
 * ideographs they stand for, and records those maps. Returns how many glyphs it changed. */
guint font_learning_fix_lookalikes (RectoDocument *doc, const GArray *surveys);
