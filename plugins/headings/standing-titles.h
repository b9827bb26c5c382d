/* standing-titles.h: a title set in the body's own type, told by the space around it alone: a
 * short line of words that opens the text of its page, set off from the paragraph under it by a
 * blank line or more ("令和７年度富士市一般会計予算" over the resolution it titles). */
#pragma once

#include <recto/recto.h>

/* Whether @body's child @at is such a title: a paragraph of one line, at most MAX_CHARS
 * characters of words, filling at most part of its column, not a sentence, a caption nor a
 * label; the first block of its page's text (after its page break and furniture); and over
 * @next, a paragraph of two lines at least on its page in the same size, whose first line stands
 * below it by GAP_PITCHES of that paragraph's own line pitch at least. */
gboolean standing_title (RectoBlock *body, guint at, const RectoBlock *next);
