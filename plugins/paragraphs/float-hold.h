/* float-hold.h: a paragraph broken off by a float at the head of the next column or page. */
#pragma once

#include "builder.h"

/* Holds the open block when @line, of @page, which does not go on with it, is the first line
 * of a float that broke it off: the block's last line broke off a sentence and filled its
 * measure at the foot of its column or page, and @line, at the head of another column or page,
 * is set smaller (a chart's labels, its caption). While a block is held, notes whether @line
 * (a line of the float, or of a table) is a caption. */
void float_hold_check (Builder *b, const RectoPage *page, const RectoLine *line);

/* Whether @line of @page, with @measures, the first after the float's lines (those set
 * smaller, and its caption), goes on with the held paragraph, when a caption came among those
 * lines: then that becomes the open block again, with the
 * page breaks and furniture that came between moved into it after its text is joined to take
 * @line's, and the float's blocks stay after it. Either way the paragraph is held no longer,
 * nor past the page after its own. */
gboolean float_hold_resume (Builder *b, const RectoPage *page, const RectoLine *line,
                            const LineMeasures *measures);
