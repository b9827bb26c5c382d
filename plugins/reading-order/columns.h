/* columns.h: two-column zones and column measures, for reading-order. */
#pragma once

#include <recto/recto.h>

/* The horizontal gap between two lines cut from one row of glyphs. */
typedef struct
{
  float x1, x2;
} RowGap;

/* Rows split at a common gutter before a page counts as having two columns. */
#define MIN_GUTTER_ROWS 3

/* Which side of a gutter a line keeps to, if either. */
typedef enum
{
  COLUMN_FULL,
  COLUMN_LEFT,
  COLUMN_RIGHT,
  N_COLUMN_KINDS
} ColumnKind;

/* A page's gutter: where it runs across (x, -1 when the page has no columns) and the band of
 * the page it runs down: a line whose centre lies above @top or below @bottom is full-width
 * (the band is the whole page unless the columns sit under or over a block of full-width
 * text, such as a paper's abstract). */
typedef struct
{
  float x;
  float top, bottom;
  gboolean by_rows; /* the sides hold no runs of text, only lines each alone (a grid of
                       figures' captions): cut at the gutter, but read row by row */
} ColumnGutter;

/* @page's gutter, found from the gaps at which its rows were cut (at least a few of them must
 * line up), its x -1 when the page has no columns. */
ColumnGutter columns_find_gutter (const RectoPage *page, const GArray *row_gaps);

/* Whether @line lies in the band of the page that @gutter runs down (a line without a box does
 * when the band is the whole page). */
gboolean columns_in_band (const RectoLine *line, const ColumnGutter *gutter);

/* The side of @gutter @line keeps to: COLUMN_FULL when it reaches across, lies outside the
 * gutter's band, or has no box, or the page has no gutter. */
ColumnKind columns_side (const RectoLine *line, const ColumnGutter *gutter);

/* Whether @line reaches across @gutter (a full-width line: a running head, a title). */
gboolean columns_crosses (const RectoLine *line, const ColumnGutter *gutter);

/* Reorders @page's lines (top to bottom, left to right) so that each two-column zone, between
 * lines that cross @gutter, is read left column first; a zone none of whose lines on one side
 * lies level with a line on the other keeps its lines top to bottom. */
void columns_order_zones (RectoPage *page, const ColumnGutter *gutter);

/* Gives a page without a gutter of its own the gutter of a neighbouring page when every line
 * of it but the topmost and bottommost (furniture, maybe) keeps to one side of that gutter: the
 * last page of a two-column section may fill one column only. @gutters holds one ColumnGutter
 * per page; pages are not reordered here. */
void columns_borrow_gutters (RectoDocument *doc, GArray *gutters);

/* Sets every line's column_x1/column_x2: the measure of full-width lines across the document,
 * or of the page's left or right column across the pages whose gutters lie within 2 % of the
 * page width of each other. @gutters holds one ColumnGutter per page. */
void columns_set_measures (RectoDocument *doc, const GArray *gutters);
