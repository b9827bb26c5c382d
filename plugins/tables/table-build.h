/* table-build.h: the TABLE block of one grid, for the tables stage.
 *
 * Every glyph of every line the table claims goes into a cell (a line that strays past the
 * table's edge goes into the nearest cell), so the table keeps all of its lines' text; the
 * box-drawing characters of a text grid stay in their cell as the source's text regularised to
 * nothing (they draw rules, they are not read). Each line becomes a source of the row it starts
 * in (of each table it has text in: two tables side by side may share lines), and takes the
 * role RECTO_LINE_TABLE. */
#pragma once

#include "grid.h"

/* Which table of @grids (an index) each of @segments goes to, G_MAXUINT for none: a segment
 * inside a table goes to the first that holds it; the other segments of a line with one
 * inside go where the first of them went, so that a table's lines keep all their text. Free
 * with g_free(). */
guint *table_assign (const GArray *segments, const GPtrArray *grids);

/* Builds table @index of @grids on @page from the segments @owners gives it, and appends it to
 * the body. Returns NULL when it has no segment. */
RectoBlock *table_build (RectoDocument *doc, RectoPage *page, const GArray *segments,
                         const GPtrArray *grids, guint index, const guint *owners);
