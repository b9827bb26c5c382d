/* body-window.h: the body rebuilt as the headings stage reads it, so that its work stays linear
 * in the number of blocks.
 *
 * The stage splits headings off their paragraphs and joins blocks to headings, by the block's
 * index in the body. Done in place in a body of many thousand blocks, each such insert or
 * removal moves every block after it: quadratic time (128,000 headings took 18 s, 200,000 well
 * over a minute). So the body's blocks are taken out first (from the end, which costs nothing)
 * and put back in order as the stage reaches them, a few ahead of the block it reads: its
 * inserts and removals then happen at the body's end, and its look at the blocks ahead (the
 * next block, the next that is not page furniture) finds them in the body as before. */
#pragma once

#include <recto/recto.h>

typedef struct _BodyWindow BodyWindow;

/* Takes @body's blocks out, to be put back by body_window_fill(). */
BodyWindow *body_window_new (RectoBlock *body);
/* Puts back blocks until the body holds three beyond index @i, the last of them no page
 * furniture, note or gap (or every block is back). */
void body_window_fill (BodyWindow *window, guint i);
/* The block that is, or will be, at index @i of the body, or NULL past its end. */
RectoBlock *body_window_peek (BodyWindow *window, guint i);
/* Puts every block left back, and frees @window. */
void body_window_free (BodyWindow *window);

/* The block after the one at @at that is not page furniture, a page break, a note or a gap, or
 * NULL. */
const RectoBlock *body_window_next_in_text (BodyWindow *window, guint at);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BodyWindow, body_window_free)
