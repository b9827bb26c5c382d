/* grid-parts.h: what the files of the grid (grid.h) share among themselves.
 *
 * grid.c holds the helpers below and the search of a page's tables; grid-ruled.c finds the
 * tables the rules draw, grid-unruled.c those of aligned text; grid-build.c fills a grid from
 * its box, with its rows from grid-rows.c and, where no vertical rules stand, its columns from
 * grid-columns.c. Distances are in points; TOUCH is a stroke's width and the slack of a
 * drawing, not a measure of text. */
#pragma once

#include "grid.h"

#define TOUCH 2.5f /* rules that come this close touch */

/* Union-find over small index sets (a grid's slots, a page's rules). */
guint union_root (guint *parent, guint i);
/* Joins two sets; the smaller index stays the root (top-left slot of a cell). */
void union_join (guint *parent, guint a, guint b);

/* Adds @at to @edges unless an edge already stands within TOUCH of it. */
void edges_add (GArray *edges, float at);
/* For g_array_sort() of floats, smallest first. */
int compare_floats (gconstpointer a, gconstpointer b);
/* How much of [from, to] the rules of @list at @pos cover. */
float rule_coverage (const GArray *list, float pos, float from, float to);
/* Whether @box's middle lies in @outer (a point of slack). */
gboolean box_inside (const RectoBox *box, const RectoBox *outer);
/* The space of @edges (sorted) that @at falls in; points outside go to the nearest. */
guint edge_index (const GArray *edges, float at);
/* Whether @box overlaps a grid of @grids. */
gboolean overlaps_any (const GPtrArray *grids, const RectoBox *box);

/* A line of prose: its line's only segment, filling most of its column's measure. */
gboolean segment_is_prose (const Segment *s);

/* An empty grid over @box; free with grid_free(). */
Grid *grid_new (const RectoBox *box);
/* Fills @grid, whose box is set, from the horizontal and vertical rule edges @hedges/@vedges
 * (sorted) and the segments inside. FALSE when what is there is no table (one column, one row,
 * or text in one cell). */
gboolean build_grid (Grid *grid, const RectoPage *page, const GArray *segments,
                     const GPtrArray *bands, const Rules *rules, const GArray *hedges,
                     const GArray *vedges, const GridConfig *config);

/* The bands with a segment among @members, top to bottom. */
GPtrArray *bands_inside (const GPtrArray *bands, const GArray *members);
/* Row edges of @grid: between the horizontal rules @hedges when each space holds one band of
 * @inner (or @full), else between bands, with the rules as edges too. TRUE for ruled rows. */
gboolean choose_rows (Grid *grid, const GArray *hedges, const GPtrArray *inner, gboolean full);
/* Splits the spaces between the rules of a fully ruled table that hold several full rows;
 * appends to @drawn (gboolean) whether each new row edge is a drawn rule. */
void split_ruled_rows (Grid *grid, const GArray *segments, const GPtrArray *inner, GArray *drawn);

/* Appends to @edges the column edges of [x1, x2] from the gaps the text of @members leaves open
 * at least @gap points wide; @heads_end is the rule under the heads (-G_MAXFLOAT for none). */
void text_columns (const GArray *segments, const GPtrArray *bands, const GArray *members, float x1,
                   float x2, float gap, float heads_end, GArray *edges);

/* Groups the rules into connected sets; returns the root of each rule (horizontal first). */
guint *group_rules (const Rules *rules, const RectoPage *page, const GArray *segments,
                    const GPtrArray *bands);
/* The table of the rules in set @root, or NULL. */
Grid *ruled_grid (const RectoPage *page, const GArray *segments, const GPtrArray *bands,
                  const Rules *rules, const guint *roots, guint root, const GridConfig *config);

/* Adds to @grids the unruled tables among the bands that no grid of @grids overlaps. */
void find_unruled (const RectoPage *page, const GArray *segments, const GPtrArray *bands,
                   const Rules *rules, const GridConfig *config, GPtrArray *grids);
