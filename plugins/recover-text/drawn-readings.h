/* drawn-readings.h: checks what OCR read for the glyphs of unmapped fonts that Poppler drew
 * without text (their codes read as a tab or a line feed), each read in the hole it leaves.
 *
 * Where OCR squeezes its symbols' boxes, the symbols slide by one against the glyphs: the
 * first rows read, before any code has readings to prefer, give a glyph with a code of its own
 * the symbol of its neighbour, and its own symbol falls into the hole beside it ("Water" read
 * "Waa er": the a's symbol in the hole before the a, the t's on the a). Such a reading is the
 * letter its neighbour's code is decoded as; so a reading in a hole that is the very letter of
 * the decoded glyph beside it is not certain (a glyph's symbol read twice, or a real double
 * letter: nothing tells them apart), and it is not written: the glyph stays a gap. */
#pragma once

#include "font-survey.h"

/* Marks unasserted (a gap: character U+FFFD, certainty 0) each glyph of the unmapped fonts of
 * @surveys drawn without text and read as the letter of a glyph beside it on its line that
 * was decoded through its code. Returns how many it marked. */
guint drawn_readings_check (RectoDocument *doc, const GArray *surveys);
