/* rule-symbols.h: what OCR reads in a scanned page's drawings and pictures is no text.
 *
 * Tesseract's layout analysis takes a chart's boxes and connectors, and a photograph, for
 * lines of text and reads letters in them: a flowchart of empty boxes came out as paragraphs
 * "|", "DT|", "记|" (a 200-dpi scan of vol212-clean, pp. 15, 39, 42), photographs as "CT"
 * (p. 50) and "C" (p. 21). Their ink is a drawing's: straight runs longer than any glyph's stroke
 * (RULE_EMS ems of the line's type, or of the page's where larger), and short strokes both
 * of whose ends lie on such rules (a connector between two boxes, a box's short side). A
 * symbol most of whose ink is so (MIN_DRAWN_SHARE) is dropped: a letter touching a rule (a
 * descender on an underline) keeps most of its ink off it. Dashes and rules of type ("——"
 * read "一一", "___") are level strokes by design and are kept. A symbol with no ink of its
 * own boxed wider than any glyph (MAX_GLYPH_EMS: a photograph's fill, paler than ink) goes too,
 * and so do the symbols without ink left in a line all of whose inked ones went (OCR boxed
 * them inside a chart's box). A short line (MAX_PICTURE_SYMBOLS) whose boxes show a ground
 * other than the page's paper (its commonest grey) and are not drawn on it in two tones, as
 * text is on a tinted panel, stands on a photograph's greys and goes too (image-line-ink.h
 * tells the tones). */
#pragma once

#include "ocr.h"

/* Drops the symbols of @symbols (OcrSymbol, in page points, read from @image, which shows
 * @area of the page at @scale pixels a point) read in its drawings and pictures. Returns how
 * many (spaces, which are not written, not counted). */
guint rule_symbols_drop (GArray *symbols, const RectoImage *image, const RectoBox *area,
                         double scale);
