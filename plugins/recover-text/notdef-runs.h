/* notdef-runs.h: runs of one ideograph repeated, drawn with a glyph the font lacks.
 *
 * A glyph a font does not have (GID 0, .notdef: a non-embedded font, a broken subset) may be
 * given a character by the ToUnicode map all the same, the map's entry for code 0: every such
 * glyph of a string then reads as that one character ("佛佛佛佛佛佛" for a consignor's name,
 * "纸纸" for a packing field). Chinese repeats an ideograph on purpose ("人人", "常常"), so the
 * repetition alone says nothing; what gives the .notdef glyph away is its advance, the font's
 * default width, where an ideograph's advance is an em. A run of two or more of one ideograph
 * whose glyphs are narrower, by a tenth or more, than the ideographs of its font (those next to
 * it on its line, which share its tracking, or else its font's unrepeated ones in the
 * document, or else an em) is not text: its glyphs are kept as codes, written as gaps. Nothing
 * is read by OCR: the page shows what the font draws for a glyph it lacks. */
#pragma once

#include <recto/recto.h>

/* Marks the glyphs of @doc's runs of a repeated ideograph set narrower than their font's
 * ideographs as not recovered, and records one check per font. Returns how many glyphs it
 * marked. */
guint notdef_runs_mark (RectoDocument *doc);
