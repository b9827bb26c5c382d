/* font-verdict.h: whether a font's text layer says what its glyphs show.
 *
 * Codes of a font whose glyphs carry characters that look valid (letters, digits, punctuation,
 * ideographs: not control characters or private-use codes) are sampled where OCR read their
 * glyphs. A code whose confident reading is another character disagrees. When most sampled
 * codes disagree the font's map is wrong: every glyph of it is a code, to be decoded through
 * the learned map. Otherwise the characters it gives are kept, and only its codes are decoded:
 * OCR's confusions ("◦" read as "o", "Ⅱ" as "I", "/" as "I") never replace a character the
 * text layer gives validly. */
#pragma once

#include <recto/recto.h>

/* Fewer sampled codes than this say nothing about a font. */
#define FONT_VERDICT_MIN_SAMPLED 3

/* Whether OCR's reading @read of a glyph agrees with the character @text its text layer gives:
 * the same after compatibility folding (full-width forms, ligatures, Roman numerals) and case. */
gboolean font_verdict_agrees (gunichar text, gunichar read);

/* Whether @disagreed of @sampled codes say the font's map is wrong. */
gboolean font_verdict_map_is_wrong (guint sampled, guint disagreed);
