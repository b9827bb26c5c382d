/* page-flow.h: page breaks and furniture in the flow of blocks. */
#pragma once

#include "builder.h"

/* Moves what waits (page breaks, furniture, notes) into @parent. */
void page_flow_flush (Builder *b, RectoBlock *parent);

/* Queues a <pb> for @page (its printed number, when a stage found it). */
void page_flow_open_page (Builder *b, const RectoPage *page);

/* Queues the page's <pb> and, for a page with geometry, its furniture as <fw>. */
void page_flow_begin_page (Builder *b, const RectoPage *page);

/* Queues @line of @page, furniture in a text page, in its place (@first: the page's first line
 * with text); a page number below the first line ends the page. */
void page_flow_add_text_furniture (Builder *b, const RectoPage *page, const RectoLine *line,
                                   gboolean first);
