/* rows.h: a page's glyphs grouped into rows and cut into lines, and the lines of each column
 * of a page with a gutter grouped anew. */
#pragma once

#include "columns.h"
#include "page-builder.h"

/* Rebuilds the page's lines from its glyphs: a line for each piece of a row cut at a wide gap
 * (the gap appended to @row_gaps), each line's row appended to @row_ids (G_MAXUINT for the line
 * of glyphs without boxes, which comes last in source order). */
void rows_build_lines (PageBuilder *b, GArray *row_gaps, GArray *row_ids);

/* Joins again the pieces of the page's rows, from line @first on (their rows in @row_ids), that
 * were cut anywhere but at @gutter, or at it in a row among rows that run across it (a blank
 * in the row). */
void rows_rejoin_pieces (PageBuilder *b, guint first, const GArray *row_ids,
                         const ColumnGutter *gutter);

/* On a page with @gutter, groups the glyphs of the lines that keep to one side into rows again,
 * each side on its own, and sorts the page's lines by their tops. */
void rows_rebuild_columns (PageBuilder *b, const ColumnGutter *gutter);
