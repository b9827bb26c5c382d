/* candidates.h: the lines near the top and bottom edges of each page, the only lines that may be
 * furniture, each with the shapes it may repeat from page to page. */
#pragma once

#include <recto/recto.h>

typedef struct
{
  double band;
  int lines;
  double tolerance;
} FurnitureConfig;

typedef enum
{
  EDGE_TOP,
  EDGE_BOTTOM,
} Edge;

/* A line near an edge of its page: where it is and the shape it repeats. */
typedef struct
{
  RectoLine *line;
  float center; /* the line's vertical centre, at hand: each candidate meets every other */
  guint page;
  Edge edge;
  guint depth; /* 0 for the line nearest the edge, 1 for the next */
  gboolean inner; /* beyond the band at the page's edge, within the band at the text's edge */
  char *shape;
  char *bare; /* the shape without a page number at one end */
  char *number; /* the page number it is, if its text is only that */
  gboolean slot; /* a running head or foot by its place and type alone */
  gboolean weak; /* repeated on one other page only, and not set apart from the text */
} Candidate;

/* How far in from the page's top and bottom edges the text of the document begins, as shares
 * of the page's height: the least over its pages. A book printed with its trim marks, or a
 * page with a wide margin, has its running heads below the band at the page's edge. The page
 * where it is least (top_page, bottom_page) also has the least over the other pages (next_top,
 * next_bottom; 0 when no other page has text). */
typedef struct
{
  double top, bottom;
  double next_top, next_bottom;
  guint top_page, bottom_page;
} Insets;

/* Frees what @candidate owns (a clear function for a GArray of candidates). */
void candidate_clear (Candidate *candidate);

/* Whether @text is empty or only white space. */
gboolean candidates_is_blank (const char *text);

/* The run of ASCII digits at the start (or, with @at_end, the end) of @text, set off from the
 * rest by a space or a non-digit, or NULL. Free with g_free(). */
char *candidates_edge_number (const char *text, gboolean at_end);

/* Appends @line of @page to @candidates, at @depth rows from @edge. */
void candidates_add (GArray *candidates, RectoLine *line, const RectoPage *page, Edge edge,
                     guint depth, gboolean inner);

Insets candidates_text_insets (RectoDocument *doc);

/* Appends the lines in the top and bottom bands of @page to @candidates, at most config->lines
 * rows from each edge. A band reaches config->band from the page's edge, or from the edge of
 * the document's text (@insets) where that is further in. The rows are found by position, not
 * by reading order: a table or a column may be read after the page number below it. Lines
 * that stand beyond every other page's text (a stamp the publisher's site put above one page's
 * running head) are candidates nearest the edge but no row: the rows are counted after them.
 * A text page goes to text_pages_collect(). */
void candidates_collect (const RectoPage *page, const FurnitureConfig *config, Insets insets,
                         GArray *candidates);

/* Appends the candidates of @page, a text page (no geometry), to @candidates: its first and
 * last lines with text; marks its decorated page numbers and the running lines beside them. */
void text_pages_collect (const RectoPage *page, GArray *candidates);
