/* frame-lines.h: lines that run out of a ruled table's frame, for the tables stage.
 *
 * A line built across a ruled table's side (a boxed bill number "의안 | 25318" whose label's
 * first line stands level with "발의연월일 : 2023. 11. 9." beyond the box) is two lines: its
 * part inside the frame, which the table takes, and its part beyond the rule drawing the
 * frame's side, which stays in the text. */
#pragma once

#include "grid.h"

/* Cuts each body line of @page whose segments lie part inside a table of @grids drawn by
 * @rules and part beyond a side of its frame, a vertical rule, into two lines (the second just
 * after the first in the page's lines), and points the segments of @segments at their line. A
 * line whose text is not its glyphs' characters stays whole. */
void frame_lines_split (RectoPage *page, GArray *segments, const GPtrArray *grids,
                        const Rules *rules);
