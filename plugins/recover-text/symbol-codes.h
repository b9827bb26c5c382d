/* symbol-codes.h: the private-use codes of Wingdings, read as the symbols they show.
 *
 * A symbol-encoded TrueType font (Wingdings) gives each glyph as U+F000 plus its byte: a
 * private-use code point, which is no character to a reader or a search ("" for the ◆ that
 * starts a list item). Its bytes have a fixed meaning, Microsoft's Wingdings chart, and
 * Unicode has most of its bullets, arrows, check marks and circled numbers: those are read as
 * their Unicode symbols, with a map the header declares, the way look-alike radicals are. A
 * code without a Unicode symbol stays a code, written as a gap. Other symbol fonts (Symbol,
 * the mathematics fonts) are left as they are. */
#pragma once

#include "font-survey.h"

/* Reads the private-use codes of @surveys' Wingdings fonts in @doc as their symbols, marks
 * them recovered (the ones without a symbol not asserted), records each font's map and
 * check, and sets the survey's symbols_read. Returns how many glyphs it marked. */
guint symbol_codes_read (RectoDocument *doc, GArray *surveys);

/* The Unicode symbol of Wingdings byte @byte, or 0 when it has none here. */
gunichar symbol_codes_wingdings (guint byte);
