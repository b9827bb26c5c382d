/* rule-symbols.h: what OCR reads in a scanned page's drawings is no text.
 *
 * Tesseract's layout analysis takes a chart's boxes and connectors, and a photograph's dark
 * fill, for lines of text and reads letters in them: a flowchart of empty boxes came out as
 * paragraphs "|", "DT|", "记|" (a 200-dpi scan of vol212-clean, pp. 15, 39, 42), a photograph
 * as "CT" (p. 50). Their ink is a drawing's: straight runs longer than any glyph's stroke
 * (RULE_EMS ems of the line's type, or of the page's where larger), and short strokes both
 * of whose ends lie on such rules (a connector between two boxes, a box's short side). A
 * symbol most of whose ink is so (MIN_DRAWN_SHARE) is dropped: a letter touching a rule (a
 * descender on an underline) keeps most of its ink off it. Dashes and rules of type ("——"
 * read "一一", "___") are level strokes by design and are kept. A symbol with no ink of its
 * own boxed wider than any glyph (MAX_GLYPH_EMS: a photograph's fill, paler than ink) goes too,
 * and so do the symbols without ink left in a line all of whose inked ones went (OCR boxed
 * them inside a chart's box). */
#pragma once

#include "ocr.h"

/* Drops the symbols of @symbols (OcrSymbol, in page points, read from @image, which shows
 * @area of the page at @scale pixels a point) whose ink is a drawing's. Returns how many. */
guint rule_symbols_drop (GArray *symbols, const RectoImage *image, const RectoBox *area,
                         double scale);
