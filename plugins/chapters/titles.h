/* titles.h: the titles that open a volume's contributed reports, and their front matter. */
#pragma once

#include <recto/recto.h>

/* The chapter stage's options. */
typedef struct
{
  int max_lines;
  gboolean use_outline;
} ChaptersConfig;

/* Type sizes against which a title must stand out. */
typedef struct
{
  float body; /* the body text's size */
  float largest_head; /* the largest heading's, a few outliers aside */
} Sizes;

/* The sizes a title must stand out against: the body's and the headings' set within pages'
 * text, a few outliers aside. */
Sizes titles_measure_sizes (RectoDocument *doc);

/* Whether @blocks[at] is a chapter's title: an outline entry, a block that stands out at the top
 * of a page (@top_of_page), or, without typography, a title line (text-titles.h). */
gboolean titles_is_title (RectoDocument *doc, const GPtrArray *blocks, guint at,
                          gboolean top_of_page, const Sizes *sizes, const ChaptersConfig *config);

/* Whether @next is the rest of the title @title, wrapped onto the next line and split from it. */
gboolean titles_continues (const RectoBlock *title, const RectoBlock *next);

/* Moves @next's text, children and sources onto the end of @title, marked as a repair. */
void titles_join (RectoDocument *doc, RectoBlock *title, RectoBlock *next);

/* Whether @block, just after a chapter's @title and its @subtitle (NULL when it has none yet),
 * with @next after it (or NULL), is a line of the title's front matter (its subtitle, its
 * author): one unnumbered line that ends no sentence, not bold and in another face than the
 * body text's; or, in a text without faces (a scan), a line that opens with a dash (the
 * subtitle), the line set under the subtitle at most half as far again from it as the subtitle
 * from the title, or, without a subtitle, a line in smaller type centred under the title, less
 * than its own height under it and nearer to it than to @next (its author). */
gboolean titles_is_front_line (RectoDocument *doc, const RectoBlock *block, const RectoBlock *title,
                               const RectoBlock *subtitle, const RectoBlock *next);

/* Whether @block opens with a dash, as a subtitle does ("——基于……的调查", "— a case study"). */
gboolean titles_opens_with_dash (const RectoBlock *block);
