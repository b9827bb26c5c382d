/* table-lines.h: the tables an earlier stage (tables) made, for the paragraph stage to place.
 *
 * The tables stage leaves each table in the body and gives the lines it claimed the role
 * RECTO_LINE_TABLE; the paragraph stage, which builds the body afresh, takes the tables out and
 * puts each back where its first line stands in the flow. */
#pragma once

#include <recto/recto.h>

typedef struct _TableLines TableLines;

/* Unlinks every TABLE block from the body of @doc and indexes the rows by their source lines.
 * Free with table_lines_free(). */
TableLines *table_lines_take (RectoDocument *doc);
void table_lines_free (TableLines *lines);

/* The children of tables (rows, captions, notes) that @line of page @page belongs to (two
 * tables side by side may share a line), or NULL. */
const GPtrArray *table_lines_rows (const TableLines *lines, guint page, const RectoLine *line);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TableLines, table_lines_free)
