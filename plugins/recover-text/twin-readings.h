/* twin-readings.h: two codes of one font read as one character.
 *
 * A font's encoding gives each character one glyph. When OCR reads two codes of a learned font
 * as the same character and their glyphs are drawn otherwise, at most one reading is right:
 * GB/T 3620.1's table fonts read the "L" of "ELI" as "l" beside the font's own "l" of "Al", the
 * "O" of a column head as "9" beside the font's "9", and "、" as "," beside its ",". Each
 * reading alone looks sure (0.66 to 0.99); only the pair says one is wrong.
 *
 * twin_readings_mark() marks every code whose asserted character another code of its font
 * also has (RectoGlyphMapping.twin), which makes it doubtful to shape-glyphs.h: its glyphs are
 * drawn. twin_readings_settle() then compares the drawings of the codes of each character
 * with that of the best-supported one (the most readings times their certainty):
 *  - a code drawn like it (as alike as TWIN_SAME_DRAWING: one glyph under two codes, as some
 *    producers encode it) keeps its character;
 *  - a code drawn otherwise loses it (0: a gap, its twin naming the best), unless its shape
 *    then reads it as another character (shape-readings.h);
 *  - the best keeps it where its support is TWIN_CLEAR_SUPPORT times that of every twin drawn
 *    otherwise, and loses it too where not: of two readings about as well supported, nothing
 *    says which is right (GB/T 3620.1's "9", 1.92 against the "O" read "9" at 1.91; the
 *    likeness of the two to the document's good "9"s, 0.29 and 0.50, chose the wrong one).
 * A code whose glyphs could not be drawn keeps its reading: nothing says the drawings differ.
 * Nor does a code read TWIN_MANY_READINGS times or more lose it: a font may hold two glyphs of
 * one character (a ligature's part, a contextual form), and its drawing where it touches its
 * neighbour takes in the neighbour's ink (the "f" of "ff" an em wide, in the lost-body-text
 * volumes, read "f" 350 times); the misreadings it is for are of glyphs drawn a few times
 * (GB/T 3620.1's, 1 to 6; the lost-body-text volumes' 棠 read 党 and 潮 read 测, once or twice,
 * each beside the font's own). */
#pragma once

#include "shape-glyphs.h"

/* Two codes whose glyphs are at least this alike (shape_match()) are drawn alike. */
#define TWIN_SAME_DRAWING 0.9f
/* The best-supported code keeps the character only with this many times a twin's support. */
#define TWIN_CLEAR_SUPPORT 2.0f
/* A code read as its character this often keeps it whatever its twins. */
#define TWIN_MANY_READINGS 10

/* Marks the codes of @elected's fonts (ElectedFont) whose character, asserted (at least
 * @min_certainty sure), another code of the font also has: each code's twin is its own code
 * until twin_readings_settle() says otherwise. Returns how many codes are marked. */
guint twin_readings_mark (GArray *elected, float min_certainty);

/* Settles the marked codes among @targets (ShapeTarget, drawn) as above. */
void twin_readings_settle (GArray *targets);

/* Unmarks every code of @elected that has a character (settled, or never drawn). */
void twin_readings_unmark_kept (GArray *elected);
