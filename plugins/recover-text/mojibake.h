/* mojibake.h: multi-byte text shown through single-byte fonts, decoded again.
 *
 * Old Chinese, Japanese and Korean producers wrote GB2312/GBK, Big5, Shift-JIS or EUC-KR text
 * through a single-byte font (WinAnsi, a CJK name, often not embedded): each byte is a glyph,
 * and the text layer gives Latin-1 letters ("Ä¿Â¼" for "目录"). A font is a candidate when
 * most of its glyphs are such letters (bytes 0x80–0xFF). Its bytes, in content order (before
 * any stage reorders glyphs and breaks the pairs), are decoded in each encoding; one is chosen
 * when nearly all its high bytes decode, most of them to the encoding's common characters, and
 * by its plausibility: how many of the characters are among the language's most frequent ones,
 * how many the document's other fonts also give, and whether the font's name says the
 * encoding. Genuine Latin-1 text (French, German) is never most of a font's glyphs, and its
 * accented letters stand among ASCII ones, which no encoding reads as common characters.
 *
 * Each decoded pair of glyphs becomes one glyph (recto_page_join_recovered) marked with its
 * bytes. A pair's certainty is shared by the readings as good as it: WinAnsi gives a bullet
 * for its unused codes too, so a bullet may be any of six bytes. A high byte that decodes in no
 * pair, or a pair less certain than min-certainty, is left unasserted (a gap with its codes). */
#pragma once

#include <recto/recto.h>

#include "font-survey.h"

/* Decodes the fonts of @doc found to be mojibake, records their checks and decodings, and sets
 * their surveys' redecoded flag. Returns the number of fonts decoded. */
guint mojibake_run (RectoDocument *doc, GArray *surveys, float min_certainty,
                    RectoStageContext *ctx);
