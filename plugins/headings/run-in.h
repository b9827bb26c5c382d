/* run-in.h: headings run into the first line of their paragraph, told by weight or by text. */
#pragma once

#include <recto/recto.h>

/* The length in bytes of the bold run that opens @block's first line and ends inside it, the
 * line going on in another weight (a run-in heading: "Governance. Reserves stood at…"), or 0
 * when the first line does not open in bold, is bold to its end, or its text is not its glyphs'. */
gsize run_in_bold_length (RectoDocument *doc, const RectoBlock *block);

/* Joins @next, the paragraph that goes on after @rest (what was left of a line once its run-in
 * heading was split off), onto the end of @rest, and takes @next out of the tree. */
void run_in_rejoin (RectoDocument *doc, RectoBlock *rest, RectoBlock *next);

/* The length in bytes of a heading run into the start of @block in a CJK scheme, told by its
 * text alone ("（一）加强组织领导。" then the paragraph), with its scheme in @numbering and its
 * number in @label; or 0. */
gsize run_in_by_text (const RectoBlock *block, RectoNumbering *numbering, char **label);

/* The length of a heading run into @block's first line, told by its bold run, with its scheme in
 * @numbering and its number (if any) in @label; or 0. */
gsize run_in_by_weight (RectoDocument *doc, const RectoBlock *block, RectoNumbering *numbering,
                        char **label);

/* After a run-in heading was split off @rest (at @at of @body), joins the paragraph's next block
 * back onto @rest when @rest's line ran to the column's end. */
void run_in_rejoin_rest (RectoDocument *doc, RectoBlock *body, RectoBlock *rest, guint at);
