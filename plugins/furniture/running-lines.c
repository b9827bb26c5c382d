/* running-lines.c: whether a candidate is a running head, foot or page number: its shape comes
 * back at the same height on other pages, or, nearest the edge, it stands where the running
 * lines stand and is set as they are, or has the shape of a running line found elsewhere. */
#include "running-lines.h"

#include <math.h>

static gboolean
is_roman (const Candidate *c)
{
  return !g_ascii_isdigit (c->number[0]);
}

/* Whether @a and @b are arabic page numbers of one sequence: they differ as their pages do (a
 * table's last figure at the foot of two pages does not). */
static gboolean
in_sequence (const Candidate *a, const Candidate *b)
{
  return !is_roman (a) && !is_roman (b)
         && g_ascii_strtoll (b->number, NULL, 10) - g_ascii_strtoll (a->number, NULL, 10)
                == (gint64) b->page - (gint64) a->page;
}

/* Whether @b, on another page, repeats @a: the same shape or bare shape at about the same
 * height, or, for a page number, a number as running_lines_repeat() says. */
static gboolean
repeats_as (const Candidate *a, const Candidate *b, const FurnitureConfig *config)
{
  if (b->page == a->page)
    return FALSE;
  if (a->number != NULL && b->number != NULL && a->depth == 0 && in_sequence (a, b))
    return TRUE;
  if (b->edge != a->edge || fabsf (b->center - a->center) > config->tolerance)
    return FALSE;
  return a->number != NULL
             ? b->number != NULL && (is_roman (a) || is_roman (b) || in_sequence (a, b))
             : g_str_equal (a->shape, b->shape) || g_str_equal (a->bare, b->bare);
}

/* How many of the candidates that @group lists repeat @a, counted up to @needed; with
 * @other_bare, only those whose bare shape is not @a's (counted already). */
static guint
count_repeats (const Candidate *a, const GArray *candidates, const GArray *group,
               gboolean other_bare, guint needed, const FurnitureConfig *config)
{
  guint pages = 0;

  for (guint k = 0; group != NULL && k < group->len && pages < needed; k++)
    {
      const Candidate *b = &g_array_index (candidates, Candidate, g_array_index (group, guint, k));
      if ((!other_bare || !g_str_equal (a->bare, b->bare)) && repeats_as (a, b, config))
        pages++;
    }
  return pages;
}

/* The space between @line and the next line of @page towards the page's middle, or
 * G_MAXFLOAT when there is none. */
static float
clearance (const RectoPage *page, const RectoLine *line, Edge edge)
{
  float space = G_MAXFLOAT;

  for (guint i = 0; i < page->lines->len; i++)
    {
      const RectoLine *other = g_ptr_array_index (page->lines, i);
      float gap = edge == EDGE_TOP ? other->box.y1 - line->box.y2 : line->box.y1 - other->box.y2;
      if (other != line && other->has_box && !candidates_is_blank (other->text) && gap >= 0)
        space = MIN (space, gap);
    }
  return space;
}

/* Whether @a's shape comes back at about the same height on other pages: on one other page
 * for the line nearest the edge; on more for a line further in, which is more likely text that
 * happens to repeat (the last line of a note that two pages share). Page numbers repeat as
 * any number at the same height (roman front matter, then arabic), or, nearest the edge, as a
 * number of their sequence at either edge and any height: pages put it in another corner (a
 * chapter's first page, a landscape page).
 *
 * A line that only one other page of a longer document repeats may be a title that the pages of
 * one table (or figure) repeat over it: it is a running line here only where it stands apart
 * from the text under it, by its own height at least, as a running head does (a table's title
 * sits on the table's first lines); else @weak says so, and running_lines_in_place() may still
 * find it one. */
gboolean
running_lines_repeat (const RectoPage *page, const Candidate *a, const GArray *candidates,
                      const CandidateIndex *index, guint n_pages, const FurnitureConfig *config,
                      gboolean *weak)
{
  guint needed = a->depth == 0 && !a->inner ? 1 : MAX (2, n_pages / 10);
  guint wanted = n_pages > 2 ? MAX (needed, 2) : needed;
  guint pages;

  /* Only a number repeats a number, and only a line of its shape or bare shape another line. */
  if (a->number != NULL)
    return count_repeats (a, candidates, candidate_index_numbers (index), FALSE, needed, config)
           >= needed;
  pages = count_repeats (a, candidates, candidate_index_of_bare (index, a->bare), FALSE, wanted,
                         config);
  if (pages < wanted)
    pages += count_repeats (a, candidates, candidate_index_of_shape (index, a->shape), TRUE,
                            wanted - pages, config);
  if (pages >= wanted)
    return TRUE;
  if (pages < needed)
    return FALSE;
  *weak = clearance (page, a->line, a->edge) < a->line->box.y2 - a->line->box.y1;
  return !*weak;
}

/* Whether @a and @b are set alike: the same font (when known) and the same size. */
static gboolean
same_type (const RectoLine *a, const RectoLine *b)
{
  return a->font == b->font && fabsf (a->size - b->size) <= 0.05f * MAX (a->size, b->size);
}

/* Whether @a, the line nearest its edge, stands where the running heads (or feet) stand and
 * is set as they are, on enough other pages: a running head that names the chapter is printed
 * on only one page when the chapter has only one page of its side, so its text cannot repeat,
 * but its place and type do. Body lines that open a page take that place too: a running head
 * is set apart from the text, in a type other than the body's, and stands clear of the line
 * after it by at least its own height. */
gboolean
running_lines_in_slot (RectoDocument *doc, const Candidate *a, const GArray *candidates,
                       guint n_pages, float body_size, const char *body_font,
                       const FurnitureConfig *config)
{
  const RectoLine *line = a->line;

  if (a->depth != 0 || a->number != NULL || line->role != RECTO_LINE_BODY)
    return FALSE;
  if (line->font == body_font && fabsf (line->size - body_size) <= 0.05f * body_size)
    return FALSE;
  if (clearance (recto_document_get_page (doc, a->page), line, a->edge)
      < line->box.y2 - line->box.y1)
    return FALSE;
  return running_lines_in_place (a, candidates, n_pages, config);
}

gboolean
running_lines_in_place (const Candidate *a, const GArray *candidates, guint n_pages,
                        const FurnitureConfig *config)
{
  guint needed = MAX (2, n_pages / 10), pages = 0;
  guint last_page = G_MAXUINT;

  for (guint i = 0; i < candidates->len && pages < needed; i++)
    {
      const Candidate *b = &g_array_index (candidates, Candidate, i);
      RectoLineRole role = a->edge == EDGE_TOP ? RECTO_LINE_HEADER : RECTO_LINE_FOOTER;
      if (b->page == a->page || b->page == last_page || b->edge != a->edge || b->line->role != role
          || fabsf (b->center - a->center) > config->tolerance || !same_type (a->line, b->line))
        continue;
      pages++;
      last_page = b->page;
    }
  return pages >= needed;
}

/* Whether @a, the line nearest its edge, stands over the place of the running heads (or feet)
 * found so far, nearer the edge and across their width, and is set as they are, on enough
 * other pages (as in_place), in a type other than the body's (@body_size, @body_font): a
 * journal's first article page sets its head higher than the other pages do, with the volume
 * and issue where they print the page number. The text of a page does not stand beyond its
 * running head, so this needs no space under it; a cover's short line in their type above
 * their place (a standard's "ICS 77.120.50") does not span them. */
gboolean
running_lines_above_slot (const Candidate *a, const GArray *candidates, guint n_pages,
                          float body_size, const char *body_font, const FurnitureConfig *config)
{
  const RectoLine *line = a->line;
  RectoLineRole role = a->edge == EDGE_TOP ? RECTO_LINE_HEADER : RECTO_LINE_FOOTER;
  guint needed = MAX (2, n_pages / 10), pages = 0;
  guint last_page = G_MAXUINT;

  if (a->depth != 0 || a->number != NULL || line->role != RECTO_LINE_BODY)
    return FALSE;
  if (line->font == body_font && fabsf (line->size - body_size) <= 0.05f * body_size)
    return FALSE;
  for (guint i = 0; i < candidates->len && pages < needed; i++)
    {
      const Candidate *b = &g_array_index (candidates, Candidate, i);
      float further_in = a->edge == EDGE_TOP ? b->center - a->center : a->center - b->center;
      if (b->page == a->page || b->page == last_page || b->edge != a->edge || b->line->role != role
          || further_in <= config->tolerance || !same_type (line, b->line)
          || line->box.x1 > b->line->box.x1 + config->tolerance
          || line->box.x2 < b->line->box.x2 - config->tolerance)
        continue;
      pages++;
      last_page = b->page;
    }
  return pages >= needed;
}

/* Whether @a, the line nearest its edge and not furniture by its height, has the shape of a
 * running head (or foot) found on two other pages: a title page sets its foot elsewhere. */
gboolean
running_lines_repeat_text (const Candidate *a, const GArray *candidates,
                           const CandidateIndex *index)
{
  const GArray *same = candidate_index_of_bare (index, a->bare);
  guint pages = 0, last_page = G_MAXUINT;
  RectoLineRole role = a->edge == EDGE_TOP ? RECTO_LINE_HEADER : RECTO_LINE_FOOTER;

  if (a->depth != 0 || a->number != NULL || a->line->role != RECTO_LINE_BODY)
    return FALSE;
  for (guint k = 0; same != NULL && k < same->len && pages < 2; k++)
    {
      const Candidate *b = &g_array_index (candidates, Candidate, g_array_index (same, guint, k));
      if (b->page == a->page || b->page == last_page || b->edge != a->edge || b->line->role != role)
        continue;
      pages++;
      last_page = b->page;
    }
  return pages >= 2;
}
