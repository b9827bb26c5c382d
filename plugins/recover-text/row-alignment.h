/* row-alignment.h: which symbol OCR read for which glyph of a row. The row is a sequence of
 * items, left to right: glyphs with their own text (OCR should read them the same), glyphs of
 * an unmapped font (any reading fits) and holes where a glyph was drawn without text. They are
 * aligned with OCR's symbols by dynamic programming: an edit distance whose substitution cost
 * is a mismatch of text plus the distance between item and symbol. An item may take a run of
 * symbols, each in its share of the item's box (Poppler gives one space for a run of glyphs
 * whose codes read as white space); each symbol goes to one item at most, and a symbol that
 * stands beyond the row's first or last glyph is left unread at no cost (OCR reads past a row's
 * ends). */
#pragma once

#include "ocr.h"

typedef enum
{
  ITEM_TEXT, /* a glyph with its own text, which OCR should read the same */
  ITEM_CODE, /* a glyph of an unmapped font: any reading fits */
  ITEM_HOLE, /* an empty place a glyph wide: a reading there is a glyph Poppler dropped */
} ItemKind;

typedef struct
{
  ItemKind kind;
  guint glyph; /* ITEM_HOLE: the glyph after the hole */
  gunichar c;
  const char *font;
  RectoBox box;
  guint most; /* the most symbols it may take (0 or 1: one) */
  gunichar expect; /* ITEM_CODE: what its code is read as so far, or 0 */
  gunichar same; /* ITEM_CODE: the reading its code is held to in the row, or 0 (set within
                  * row_alignment_align() only) */
} RowItem;

/* Where @symbol stands: Tesseract's LSTM places a symbol's left edge well, but its right edge
 * often runs over the next glyphs; so the middle of the em (at most) from its left edge. */
float row_alignment_symbol_middle (const OcrSymbol *symbol, float em);

/* Sets pairs[i] to the index in @symbols of the (first) symbol read for item i of @items, or
 * -1, and counts[i] (@counts may be NULL) to how many symbols from there it took. Where a code
 * drawn more than once in the row is read otherwise at its places, the row is aligned again with
 * its glyphs held to one reading, and that alignment is taken when it leaves fewer such
 * disagreements: OCR's boxes drift, its readings of one glyph in one image do not. */
void row_alignment_align (const GArray *items, const GArray *symbols, float em, int *pairs,
                          guint *counts);
