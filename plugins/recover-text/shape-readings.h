/* shape-readings.h: reads a learned font's doubtful codes by their glyphs' shape, from the
 * glyphs the document's good fonts draw.
 *
 * A table may be set in many small subsets without a Unicode map, each holding a handful of
 * glyphs numbered from 0x21 again: OCR sees each code once or twice, and reads a one-glyph
 * font ("A", "1", "α") badly or not at all, or a look-alike surely (及 as 钛). The same document
 * sets the same characters in its body in fonts with a good map. Each doubtful code (no
 * character, one less sure than min-certainty, or fewer readings than wanted) is drawn where it
 * stands, and so are up to REFERENCES glyphs of each character of the good fonts (fonts with a
 * map that no stage doubts); each glyph's ink is scaled to a grid, keeping its size in ems.
 *
 * The document's own statistics set the bar: the similarities between glyphs of one good
 * character (the same shape drawn twice) and between a glyph and the nearest other character.
 * A code takes a character only when its glyphs are as like that character's as two glyphs of
 * one character usually are (the median of those similarities) and clearly less like any other
 * character's: the second best lies below by at least the spread of same-character
 * similarities (己/已, l/I/1 in a sans face stay apart: a tie is no reading). Then:
 *  - a code without a certain character takes the shape's;
 *  - a code read surely the same way is confirmed (its certainty rises);
 *  - a code read surely otherwise takes the shape's only where the match is near-identical (at
 *    least the same-character similarities' upper quartile): OCR misreads a look-alike; a shape
 *    drawn twice does not change.
 * A mapping so given is from_shape (<mapping type="shape"> in the TEI header). */
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
