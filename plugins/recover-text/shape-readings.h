/* shape-readings.h: reads a learned font's doubtful codes by their glyphs' shape, from the
 * glyphs the document's good fonts draw.
 *
 * A table may be set in many small subsets without a Unicode map, each holding a handful of
 * glyphs numbered from 0x21 again: OCR sees each code once or twice, and reads a one-glyph font
 * ("A", "1", "α") badly or not at all, or a look-alike surely (及 as 钛). The same document
 * draws the same characters in its body in fonts with a good map. A doubtful code (no
 * character, one less sure than min-certainty, fewer readings than the votes option, or
 * readings that disagree) is compared with the good characters' glyphs (shape-glyphs.h): it
 * is most like one character, by a margin over the nearest other.
 *
 * The document's own codes set the bars: up to CALIBRATION codes OCR read surely are compared
 * the same way, ideographs and narrow characters apart (two kinds of shapes). A code's reading
 * counts only when it is as alike as half the sure codes whose shapes gave OCR's character
 * (at least MIN_AGREED of its kind), its margin is at least that of any sure code whose shape
 * gave another character as alike, and its margin exceeds what the best match falls short of
 * identity (l and I of a sans face, alike, tie: no reading). Its certainty is the share of the
 * sure codes past those bars whose shapes agreed with OCR, one more counted as not. Then:
 *  - a code without a certain character, or read only once, takes the shape's;
 *  - a code read surely the same way is confirmed: its certainty rises, its character stays;
 *  - a code read surely and often otherwise takes the shape's only where the match is
 *    near-identical (as alike as the best quarter of the sure codes);
 *  - so does a sure ideograph past the CALIBRATION sample, checked the same way against the
 *    good ideographs: OCR may read a look-alike surely every time (铁 for 钛 in GB/T 3620.1,
 *    three readings), a near-identical drawing of another character by a clear margin is
 *    stronger;
 *  - a letter or digit OCR read never takes a Latin character OCR did not also read it as
 *    (Latin shapes vary between faces and the sizes fonts claim), only a sign OCR's models
 *    lack (α read "o").
 * A mapping given a character so is from_shape (<mapping type="shape"> in the TEI header). */
#pragma once

#include "font-learning-private.h"

/* How the header describes the method. */
#define SHAPE_READINGS_METHOD                                                                      \
  "the glyph's image matches the glyphs of one character drawn by the document's fonts with a "   \
  "good map, clearly better than any other character's"

/* Reads the doubtful codes of @elected (ElectedFont) whose glyphs stand in @rows (TextRow) by
 * their shape, as above. Renders only when some code is doubtful. */
void shape_readings_fill (RectoDocument *doc, const GArray *surveys, const GArray *rows,
                          GArray *elected, const FontLearningOptions *options);
