/* inkless-text.h: glyphs of a page that a reader cannot see, flagged RECTO_FONT_INVISIBLE. */
#pragma once

#include "page-reader.h"

/* Whether any glyph of @text was drawn without ink (render mode 3, or an opacity of 0). */
gboolean inkless_text_any (const PageText *text);

/* Splits @text's runs where the glyphs the page does not show begin and end, and flags those
 * runs RECTO_FONT_INVISIBLE: glyphs cut away by their clip or painted over by a fill drawn after
 * them, and glyphs drawn without ink but for those over an image of the page (@text->images,
 * which must be listed when inkless_text_any()): a scan's OCR layer is drawn in mode 3 over the
 * picture of its text, which shows it. */
void inkless_text_mark (PageText *text);
