/* run-in.h: headings run into the first line of their paragraph, told by weight. */
#pragma once

#include <recto/recto.h>

/* The length in bytes of the bold run that opens @block's first line and ends inside it, the
 * line going on in another weight (a run-in heading: "Governance. Reserves stood at…"), or 0
 * when the first line does not open in bold, is bold to its end, or its text is not its glyphs'. */
gsize run_in_bold_length (RectoDocument *doc, const RectoBlock *block);

/* Joins @next, the paragraph that goes on after @rest (what was left of a line once its run-in
 * heading was split off), onto the end of @rest, and takes @next out of the tree. */
void run_in_rejoin (RectoDocument *doc, RectoBlock *rest, RectoBlock *next);
