/* context-readings.h: reads a learned font's doubtful codes from the document's own good text.
 *
 * A code OCR could not read surely (a sign its models lack: the β of "近β型", read "o" or "w")
 * is often one the document says elsewhere in a font with a map: a table's title in an
 * unmapped font repeats a sentence of the body ("表2为β型和近β型钛合金牌号及化学成分"). Each
 * place the code stands in its row is looked up in the good text (good-text.h): the known
 * characters around it (good, or decoded surely; other doubtful ones, and the code's other
 * places, match any character) must match a passage on both sides, at least as many of them as
 * the document's unique length (the least n at which half its good n-grams occur once: 4 in
 * GB/T 3620.1), two or more on each side unless one side alone is that long, and every passage
 * they match must give one character there. The longest such context decides; its certainty is
 * 1 / (1 + E), E the passages it would match by chance given its characters' frequencies in the
 * good text. Places that agree add up (1 − Π(1 − certainty)); one that disagrees leaves the
 * code as it was.
 *
 * A code without a certain reading (a gap) takes the context's character when it is at least
 * min-certainty sure; an ideograph, a letter or a digit, which OCR's models read well, only
 * where OCR read the glyph so at least once (a sign they lack, α, or misread, 、, needs no such
 * reading). A code OCR read surely keeps its reading unless the context's character is one OCR
 * also read it as and the context is surer than OCR: a look-alike OCR confused, never a
 * character OCR did not see. But a code whose reading another code of its font has too (a
 * twin, twin-readings.h: at most one of them is right) is as doubtful as a gap: GB/T 3620.1's
 * note font reads both its "、" and its "，" as ","; the good text's "TA0、TA1、TA2" gives the
 * "、". */
#pragma once

#include "font-learning-private.h"

/* How the header describes the method. */
#define CONTEXT_READINGS_METHOD                                                                    \
  "the characters around each place the code stands match a passage of the document's good "       \
  "text, which gives the character there"

/* Fills or corrects the mappings of @elected (ElectedFont) from the good text of @doc, as above;
 * a mapping so given is from_context. The places are the glyphs of @rows (TextRow: a line's
 * glyphs in reading order, the context not running past its ends); @surveys tell the fonts
 * found good. */
void context_readings_fill (RectoDocument *doc, const GArray *surveys, const GArray *rows,
                            GArray *elected, float min_certainty);
