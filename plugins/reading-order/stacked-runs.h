/* stacked-runs.h: runs of text drawn over other runs of text on another baseline, in one row. */
#pragma once

#include "page-builder.h"

/* Of the @n keys of b->row, sorted by x, moves to the end those of the runs drawn over a run of
 * the row that comes before them in the page's glyph order (a chart's axis labels set closer
 * than their size: "380%" over "360%"), keeping the order of each part; returns how many it
 * moved, 0 when no run of the row stands over another. A run is a word's glyphs, one after the
 * other in the page's order and along one line, two or more of them; two runs stand over each other where their
 * glyphs, of one font and size, overlap most of each other's box, one moved up or down from the other by
 * STACKED_OFFSET of their size or more (a box that is only taller reaches above and below the
 * other: a Latin font's among CJK glyphs, on the same line). A word drawn twice a little apart
 * along its line (bold made so; Poppler gives it once where the offset is small) is no such
 * pair. */
guint stacked_runs_set_apart (PageBuilder *b, guint n);
