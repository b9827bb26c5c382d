/* confirm-readings.h: a character the text layer gives validly is replaced only on two readings;
 * a reading the rows left doubtful is asserted only on two more.
 *
 * A row of text read once by OCR at em-pixels, with every language of the pool, misreads an
 * ideograph now and then, and the misreading moves with the resolution, the crop and the mix of
 * models ("8" for 荣 at 32 pixels an em with chi_sim+eng; 荣 alone at 48 with chi_sim). Where the
 * elected reading of a code disagrees with the valid character its glyphs carry, one glyph of the
 * code is read again on its own: cropped with half an em of margin (OCR misreads ink touching the
 * image's edge), at CONFIRM_EM_PIXELS or more an em, an em-wide (CJK) glyph with the first
 * language alone. When that agrees with the row's reading, the reading stands; otherwise the row
 * is read again the same way, and the reading two of the three agree on stands: a character
 * only one reading gave is not written (the glyph keeps its own). Of suspect fonts
 * (font-survey.h), only the codes whose characters would be replaced are read again: a font
 * without a usable map, or with a wrong one, is decoded by votes from many rows and by OCR's
 * verdict on the font as a whole (font-verdict.h); of those, a code read once unlike most of
 * the font's, or one its votes left less sure than min-certainty, is read again too (below). */
#pragma once

#include "font-learning-private.h"

/* The least pixels per em of the second readings (an ideograph's strokes, 1 to 2 pixels each
 * at 32, merge in dense characters). */
#define CONFIRM_EM_PIXELS 48

/* Confirms the elected @mappings (RectoGlyphMapping) of @survey's font that disagree with the
 * valid character their code gives: each keeps its character, takes the one two readings agree
 * on, or loses it (0: left a gap). Returns how many were read again. */
guint confirm_readings (Learning *learning, const FontSurvey *survey, GArray *mappings);

/* Reads again, glyph and row as above, the codes of @mappings (@survey's font, one without a
 * usable map) whose elected reading is less sure than min-certainty: rows read at em-pixels
 * that disagree (vol212-lost-body-text's 粤, read "粤" twice at 0.4 and "“" once) or are unsure
 * (a rare character read once). The code takes the character the two second readings agree
 * on, each at least min-certainty sure, at the lesser of their confidences, where a row read
 * it so too, and no other code of the font gives it surely: the two can agree on a look-alike
 * (愁 read "秘" alone at 0.76 and in its row at 0.88, beside the font's own 秘; on
 * vol111-lost-body-text 堂 read "党" at 0.93 and 0.97, which no row had read), and a font
 * draws each character with one glyph. Otherwise the code stays as elected. Returns how many
 * took a character. */
guint confirm_doubtful_readings (Learning *learning, const FontSurvey *survey, GArray *mappings);

/* Confirms the elected @mappings of @survey's font (one without a usable map) that one OCR
 * reading alone gave (a code drawn once, in one row) and that are not of the kind most of the
 * font's codes read twice or more read as (a sign in a Han font, a Han character in a font of
 * letters and figures), or whose font has too few such codes to tell (a chart's marks). OCR's confidence in such a single misreading can be high ("狼" for a "%" at 0.83,
 * "，" for "；"), so its glyph and its row are read again as above; a character neither agrees
 * with is not written (0: a gap), and its certainty falls to a third. A lone Han reading in a
 * Han font stands: a glyph read alone is read worse (Tesseract's single characters: 米 for 来).
 * Returns how many lost their character. */
guint confirm_lone_readings (Learning *learning, const FontSurvey *survey, GArray *mappings);
