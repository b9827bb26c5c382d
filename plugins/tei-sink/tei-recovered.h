/* tei-recovered.h: recovered text in the TEI (see recto-recovery.h).
 *
 * Header: one <charDecl> per learned font map, with a <glyph> per code (its code point in @n,
 * the learned character in <mapping type="learned" cert>; a font whose bytes were decoded
 * again has its byte sequences in @n, "GBK B9 D8", and <mapping type="decoded">). Body: a run of recovered characters
 * becomes <seg type="recovered" resp="#stage.S" cert="…">, each character decoded through a
 * font map a <g ref="#fontmapN.xCODE"> (the glyph's declaration keeps the source's code, so
 * nothing is lost), each one read from the page image plain text, or, where it replaces a
 * character the source gave as text (a misread OCR layer), <choice><sic>…</sic><corr>…</corr>
 * </choice>; glyphs that could not be
 * recovered become <gap reason="unmapped-glyphs" quantity unit="glyph"> with their codes.
 *
 * Which characters of a block's text are recovered is found by walking the glyphs of the lines
 * the block was built from alongside its text (stages join and split text, so the walk skips
 * what it cannot match); a table's cells, pieces of its lines, are matched with the glyphs of
 * their row's lines, then of all its rows' lines, that no cell matched before. */
#pragma once

#include <recto/recto.h>

#include "tei-writer.h"

void tei_write_char_decls (TeiWriter *writer, RectoDocument *doc);

typedef struct _TeiGlyphCursor TeiGlyphCursor;

/* A cursor over the glyphs of @block's source lines, or NULL when none was recovered. A
 * table's cursor is over the lines of its rows, and matches each text of its cells with the
 * glyphs not matched yet, wherever they stand (a cell is pieces of lines, out of their order). */
TeiGlyphCursor *tei_glyph_cursor_new (RectoDocument *doc, const RectoBlock *block);
void tei_glyph_cursor_free (TeiGlyphCursor *cursor);
/* A table's cursor matches the cells of @row with its row's glyphs first. */
void tei_glyph_cursor_enter_row (TeiGlyphCursor *cursor, const RectoBlock *row);

/* Writes @text, marking the characters that @cursor finds recovered; plain without a cursor. */
void tei_write_recovered_text (TeiWriter *writer, TeiGlyphCursor *cursor, const char *text);
