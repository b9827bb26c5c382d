/* standing-lines.h: on a turned page (RectoPage.turn: given in the frame of its turned text),
 * the lines that stand across that frame, its few glyphs drawn upright on the page as printed
 * (a running head, a page number beside a table turned to fit the page): each becomes one line,
 * read in the order it was drawn, rather than a glyph a row. */
#pragma once

#include "page-builder.h"

/* Marks in @standing (one per glyph of b->page) the glyphs of the page's standing lines: runs
 * of glyphs drawn one after another (white space between them aside), each touching the next
 * above or below it. Returns how many it marked; none on a page that is not turned. */
guint standing_lines_find (PageBuilder *b, gboolean *standing);

/* Adds to the page a line for each run of glyphs @standing marks (in drawing order, with a space
 * where the source drew one), appending a row of its own for each to @row_ids. */
void standing_lines_emit (PageBuilder *b, const gboolean *standing, GArray *row_ids);
