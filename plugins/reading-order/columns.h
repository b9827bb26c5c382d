/* columns.h: two-column zones and column measures, for reading-order. */
#pragma once

#include <recto/recto.h>

/* The horizontal gap between two lines cut from one row of glyphs. */
typedef struct
{
  float x1, x2;
} RowGap;

/* Reorders @page's lines (built top to bottom, left to right) so that each two-column zone is
 * read left column first, given the gaps at which rows were split. Returns the gutter's centre
 * in @gutter (or -1 when the page has no columns), for columns_set_measures(). */
void columns_order_page (RectoPage *page, const GArray *row_gaps, float *gutter);

/* Gives a page without a gutter of its own the gutter of a neighbouring page when every line
 * of it but the topmost and bottommost (furniture, maybe) keeps to one side of that gutter: the
 * last page of a two-column section may fill one column only. @gutters holds one float per
 * page, -1 where there is none. */
void columns_borrow_gutters (RectoDocument *doc, GArray *gutters);

/* Sets every line's column_x1/column_x2: the measure of full-width lines across the document,
 * or of the page's left or right column. @gutters holds one float per page. */
void columns_set_measures (RectoDocument *doc, const GArray *gutters);
