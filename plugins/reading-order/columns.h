/* columns.h: two-column zones and column measures, for reading-order. */
#pragma once

#include <recto/recto.h>

/* The horizontal gap between two lines cut from one row of glyphs. */
typedef struct
{
  float x1, x2;
} RowGap;

/* The centre of @page's gutter, found from the gaps at which its rows were cut (at least a few
 * of them must line up), or -1 when the page has no columns. */
float columns_find_gutter (const RectoPage *page, const GArray *row_gaps);

/* Whether @line reaches across @gutter (a full-width line: a running head, a title). */
gboolean columns_crosses (const RectoLine *line, float gutter);

/* Reorders @page's lines (top to bottom, left to right) so that each two-column zone, between
 * lines that cross @gutter, is read left column first. */
void columns_order_zones (RectoPage *page, float gutter);

/* Gives a page without a gutter of its own the gutter of a neighbouring page when every line
 * of it but the topmost and bottommost (furniture, maybe) keeps to one side of that gutter: the
 * last page of a two-column section may fill one column only. @gutters holds one float per
 * page, -1 where there is none; pages are not reordered here. */
void columns_borrow_gutters (RectoDocument *doc, GArray *gutters);

/* Sets every line's column_x1/column_x2: the measure of full-width lines across the document,
 * or of the page's left or right column across the pages whose gutters lie within 2 % of the
 * page width of each other. @gutters holds one float per page. */
void columns_set_measures (RectoDocument *doc, const GArray *gutters);
