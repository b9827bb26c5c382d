/* grid.h: table regions of one page and their grids, for the tables stage.
 *
 * A ruled table is a group of rules that touch or line up (full grids, three-line tables,
 * tables ruled only across); an unruled table is a run of bands whose segments stand in the
 * same columns over several rows. A grid's rows come from its horizontal rules where each space
 * between them holds one row of text (or the table is fully ruled), else from the bands; its
 * columns come from its vertical rules, else from the gaps that the text leaves open down the
 * table. A cell spans where the rule between two slots is missing or its text crosses it. */
#pragma once

#include "rules.h"
#include "segments.h"

typedef struct
{
  RectoBox box;
  GArray *rows; /* float: n_rows + 1 edges, top to bottom */
  GArray *cols; /* float: n_cols + 1 edges, left to right */
  guint n_rows, n_cols;
  guint *owner; /* n_rows × n_cols: the slot (row * n_cols + col) of the cell covering each */
  guint header_rows; /* rows of column heads at the top */
  gboolean label_column; /* the first column labels the rows */
  GArray *members; /* guint: the page's segments inside, each in... */
  GArray *slots; /* guint: ...the slot of the cell it is in (same order) */
} Grid;

typedef struct
{
  float column_gap; /* the narrowest gap between unruled columns, in type sizes */
  guint min_rows; /* the fewest rows an unruled table has */
} GridConfig;

void grid_free (Grid *grid);

/* Whether @band has two segments or more that are not lines of prose (a line's only segment,
 * filling most of its column's measure): a row of a table, not lines side by side in columns. */
gboolean band_looks_tabular (const Band *band, const GArray *segments);

/* The row at @y; points above or below go to the nearest. */
guint grid_row_at (const Grid *grid, float y);
/* The slot (row * n_cols + col) of the cell at (@x, @y); points outside go to the nearest. */
guint grid_cell_at (const Grid *grid, float x, float y);

/* The tables of @page, top to bottom (Grid*; free the array with g_ptr_array_unref()). */
GPtrArray *grids_find (const RectoPage *page, const GArray *segments, const GPtrArray *bands,
                       const Rules *rules, const GridConfig *config);
