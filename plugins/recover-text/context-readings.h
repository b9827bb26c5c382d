/* context-readings.h: reads a learned font's doubtful codes from the document's own good text.
 *
 * A code OCR could not read surely (a sign its models lack: the α of "近α型", read "o" or "w")
 * is often one the document says elsewhere in a font with a map: a table's title in an
 * unmapped font repeats a sentence of the body ("表1为工业纯钛、α型和近α型钛…"). Each place the
 * code stands is looked up in the good text (the characters the text layer gives validly and recto
 * keeps, in the pages' glyph order, white space left out, compared after compatibility folding: "．" is "."): the known
 * characters around it (decoded surely, or good), with the doubtful ones beside it taken as
 * any character, must match a passage of the good text on both sides, and every passage they
 * match must give one character there. The longest such context is taken, down to the length
 * at which most of the document's good text is unique (the least n at which half its n-grams
 * occur once: about 4 characters in Chinese, more in English), and its certainty is
 * 1 / (1 + E), E the passages it would match by chance given its characters' frequencies in the
 * good text. Places that agree add up (1 − Π(1 − certainty)); one that disagrees leaves the code
 * as it was.
 *
 * A code without a certain reading (a gap) takes the context's character when it is at least
 * min-certainty sure. A code OCR read surely keeps its reading unless the context's character is
 * one OCR also read it as (钛 read mostly 铁, once 钛; "L" read "l") and the context is surer than
 * OCR: a look-alike OCR confused, never a character OCR did not see. */
#pragma once

#include "font-learning-private.h"

/* How the header describes the method. */
#define CONTEXT_READINGS_METHOD                                                                   \
  "the characters around each place the code stands match a passage of the document's good "     \
  "text, which gives the character there"

/* Fills or corrects the mappings of @elected (ElectedFont) from the good text of @doc, as above;
 * a mapping so given is from_context. The places are the glyphs of @rows (TextRow: a line's
 * glyphs in reading order, the context not running past its ends); @surveys tell the fonts
 * found good. */
void context_readings_fill (RectoDocument *doc, const GArray *surveys, const GArray *rows,
                            GArray *elected, float min_certainty);
