/* standing-titles.h: titles told by where they stand on their page, not by their type alone: a
 * short line of words in the body's own type that opens the text of its page, set off from the
 * paragraph under it by a blank line or more ("令和７年度富士市一般会計予算" over the resolution
 * it titles); and the one line over a page of tables. */
#pragma once

#include <recto/recto.h>

/* Whether @body's child @at is such a title: a paragraph of one line, at most MAX_CHARS
 * characters of words, filling at most part of its column, not a sentence, a caption nor a
 * label; the first block of its page's text (after its page break and furniture); and over
 * @next, a paragraph of two lines at least on its page in the same size, whose first line stands
 * below it by GAP_PITCHES of that paragraph's own line pitch at least. */
gboolean standing_title (RectoBlock *body, guint at, const RectoBlock *next);
/* Whether @body's child @at is the title of a page of tables: the page's only text beside its
 * tables (and furniture), above them all, one or two lines set TABLE_TITLE_RATIO larger than the
 * body (@body_size) at least, that read as a title ("术语定义 Terms and Definitions" over a
 * table of terms). The tables stage may have put the table before it: the page's lines tell
 * where its tables stand. */
gboolean table_page_title (RectoDocument *doc, RectoBlock *body, guint at, float body_size);
