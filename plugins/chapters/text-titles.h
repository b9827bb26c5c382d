/* text-titles.h: the titles of a text without typography, told by their words and what follows
 * them. */
#pragma once

#include <recto/recto.h>

/* Whether @a and @b are the same text, ASCII white space aside. */
gboolean text_titles_equal_but_spaces (const char *a, const char *b);

/* Whether @text, the text of @blocks[at], is a title line that opens a report. */
gboolean text_titles_is_title (const GPtrArray *blocks, guint at, const char *text);

/* Whether @block is a line with the text of the chapter's title @title again (its running
 * head). */
gboolean text_titles_repeat (const RectoBlock *block, const char *title);

/* The length in bytes of the running head that opens @blocks[at] over the chapter's title
 * wrapped onto the rest of the block and the @wrapped blocks after it, or 0. */
gsize text_titles_running_head (const GPtrArray *blocks, guint at, guint *wrapped);

/* How many blocks after the title @blocks[at] (its text @title) complete it, as its running head
 * on the next pages spells it out; 0 when they do not. */
guint text_titles_wrapped (const GPtrArray *blocks, guint at, const char *title);

/* How many blocks after the title @blocks[at] (its text @title) are its lines, wrapped apart
 * before its subtitle; 0 when no subtitle follows. */
guint text_titles_before_subtitle (const GPtrArray *blocks, guint at, const char *title);
