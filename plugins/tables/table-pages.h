/* table-pages.h: tables across page breaks, for the tables stage. A table that ends its page
 * and one that opens the next with as many columns are one table, a row the page break cut
 * in two is one row, and so is a merged cell it cut. */
#pragma once

#include <recto/recto.h>

#include "grid.h"

/* Whether no body line of @page stands below @box (@below) or above it (a page number the
 * furniture stage missed aside). */
gboolean table_at_page_edge (const RectoPage *page, const RectoBox *box, gboolean below);

/* The most columns a row of @table covers (spanning cells counted by their columns). */
guint table_n_columns (const RectoBlock *table);

/* Moves the rows (and notes) of @next, built from @grid of the page's @segments, into @table:
 * the row that @next opens with into the last one of @table when the page break cut that row,
 * else each merged cell the page break cut into the cell of @table it goes on from; @next is
 * unlinked. */
void table_continue (RectoDocument *doc, RectoBlock *table, RectoBlock *next, const Grid *grid,
                     const GArray *segments);
