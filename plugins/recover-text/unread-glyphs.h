/* unread-glyphs.h: glyphs no reading gave a character, kept as codes.
 *
 * A glyph marked recovered with certainty 0 and its character unchanged is written by the sink
 * as a gap that keeps its code: nothing is lost, and nothing is asserted. Each function records
 * one check per font it marked glyphs of, and returns how many glyphs it marked; glyphs a
 * stage already recovered are left as they are. */
#pragma once

#include "font-survey.h"

/* Marks every glyph of the unmapped fonts of @surveys: the source cannot draw its pages (a
 * text file) to read them. An implausible font's characters are valid: unread, they stay as
 * they are. */
guint unread_glyphs_mark_unmapped (RectoDocument *doc, const GArray *surveys);

/* Marks the glyphs of the numbered fonts of @surveys that OCR left as they were (in lines
 * running down the page, which it does not read), unless OCR found the font's characters good:
 * a numbered font's codes are not characters. */
guint unread_glyphs_mark_numbered (RectoDocument *doc, const GArray *surveys);
