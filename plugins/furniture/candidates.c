/* candidates.c: the lines that may be furniture. On a page with geometry they are the lines in
 * the top and bottom bands, at most a few rows from each edge; each carries its shape (its text
 * with digits masked), its bare shape (without a page number it carries at one end) and the
 * page number it is, if its text is only that. */
#include "candidates.h"

#include <string.h>

void
candidate_clear (Candidate *candidate)
{
  g_free (candidate->shape);
  g_free (candidate->bare);
  g_free (candidate->number);
}

static float
center_y (const RectoLine *line)
{
  return (line->box.y1 + line->box.y2) / 2;
}

/* The run of ASCII digits at the start (or, with @at_end, the end) of @text, set off from the
 * rest by a space or a non-digit, or NULL. */
char *
candidates_edge_number (const char *text, gboolean at_end)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  gsize length = strlen (trimmed), start = 0, end = length;

  if (at_end)
    while (start < length && g_ascii_isdigit (trimmed[length - 1 - start]))
      start++;
  else
    while (end > 0 && g_ascii_isdigit (trimmed[length - end]))
      end--;
  if (at_end)
    return start > 0 && start < length && start <= 4 ? g_strdup (trimmed + length - start) : NULL;
  return end < length && end > 0 && length - end <= 4 ? g_strndup (trimmed, length - end) : NULL;
}

/* The shape of @text without the page number it carries at one end: "…所有内容 3" is shaped as
 * "…所有内容" on the pages that print their number on a line of its own. */
static char *
bare_shape (const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  g_autofree char *number = candidates_edge_number (trimmed, TRUE);
  gboolean at_end = number != NULL;

  if (number == NULL)
    number = candidates_edge_number (trimmed, FALSE);
  if (number == NULL)
    return recto_page_number_shape (trimmed);
  if (at_end)
    trimmed[strlen (trimmed) - strlen (number)] = '\0';
  return recto_page_number_shape (g_strstrip (at_end ? trimmed : trimmed + strlen (number)));
}

void
candidates_add (GArray *candidates, RectoLine *line, const RectoPage *page, Edge edge, guint depth,
                gboolean inner)
{
  Candidate candidate = {
    .line = line,
    .center = center_y (line),
    .page = page->index,
    .edge = edge,
    .depth = depth,
    .inner = inner,
    .shape = recto_page_number_shape (line->text),
    .bare = bare_shape (line->text),
    .number = recto_page_number_parse (line->text),
  };
  g_array_append_val (candidates, candidate);
}

gboolean
candidates_is_blank (const char *text)
{
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static int
compare_top (gconstpointer a, gconstpointer b)
{
  const RectoLine *x = *(RectoLine *const *) a, *y = *(RectoLine *const *) b;
  return (x->box.y1 > y->box.y1) - (x->box.y1 < y->box.y1);
}

static int
compare_bottom (gconstpointer a, gconstpointer b)
{
  return compare_top (b, a);
}

/* Takes @inset, page @page's, into the least (@least, on page @least_page) and the least
 * over the other pages (@next); @seen counts the pages taken so far. */
static void
take_inset (double inset, guint page, guint seen, double *least, guint *least_page, double *next)
{
  if (seen == 0 || inset < *least)
    {
      *next = seen == 0 ? 0 : *least;
      *least = inset;
      *least_page = page;
    }
  else if (seen == 1 || inset < *next)
    *next = inset;
}

Insets
candidates_text_insets (RectoDocument *doc)
{
  Insets insets = { 1, 1, 0, 0, G_MAXUINT, G_MAXUINT };
  guint seen = 0;

  for (guint i = 0; i < recto_document_get_n_pages (doc); i++)
    {
      const RectoPage *page = recto_document_get_page (doc, i);
      double top = 1, bottom = 1;
      gboolean text = FALSE;
      for (guint j = 0; page->height > 0 && j < page->lines->len; j++)
        {
          const RectoLine *line = g_ptr_array_index (page->lines, j);
          if (!line->has_box || line->role == RECTO_LINE_INVISIBLE
              || candidates_is_blank (line->text))
            continue;
          top = MIN (top, MAX (line->box.y1, 0) / page->height);
          bottom = MIN (bottom, MAX (page->height - line->box.y2, 0) / page->height);
          text = TRUE;
        }
      if (!text)
        continue;
      take_inset (top, i, seen, &insets.top, &insets.top_page, &insets.next_top);
      take_inset (bottom, i, seen, &insets.bottom, &insets.bottom_page, &insets.next_bottom);
      seen++;
    }
  return insets;
}

/* Adds the lines of @band (sorted from the edge inwards) that lie in the first config->lines
 * rows from the edge; lines on one row (a page number beside a running foot) share a depth.
 * @edge_band: how far from the page's edge the band at the page's edge reaches; @beyond: how
 * far every other page's text stands from the edge (a line nearer the edge is no row). */
static void
add_band (GPtrArray *band, const RectoPage *page, Edge edge, double edge_band, double beyond,
          const FurnitureConfig *config, GArray *candidates)
{
  guint depth = 0;
  const RectoLine *row = NULL; /* the first line of the current row */

  for (guint i = 0; i < band->len; i++)
    {
      RectoLine *line = g_ptr_array_index (band, i);
      gboolean inner =
          edge == EDGE_TOP ? line->box.y2 > edge_band : line->box.y1 < page->height - edge_band;
      if (edge == EDGE_TOP ? line->box.y2 <= beyond : line->box.y1 >= page->height - beyond)
        {
          candidates_add (candidates, line, page, edge, 0, inner);
          continue;
        }
      if (row != NULL
          && (edge == EDGE_TOP ? line->box.y1 >= row->box.y2 : line->box.y2 <= row->box.y1))
        {
          if (++depth >= (guint) config->lines)
            break;
          row = line;
        }
      if (row == NULL)
        row = line;
      candidates_add (candidates, line, page, edge, depth, inner);
    }
}

/* The lines in the top and bottom bands of @page, at most config->lines rows from each edge.
 * A band reaches config->band from the page's edge, or from the edge of the document's text
 * (@insets) where that is further in. The rows are found by position, not by reading order: a
 * table or a column may be read after the page number below it. A line beyond every other
 * page's text is no row. */
void
candidates_collect (const RectoPage *page, const FurnitureConfig *config, Insets insets,
                    GArray *candidates)
{
  double band = config->band * page->height;
  double top_band = (insets.top + config->band) * page->height;
  double bottom_band = (insets.bottom + config->band) * page->height;
  double beyond_top =
      (page->index == insets.top_page ? insets.next_top : insets.top) * page->height;
  double beyond_bottom =
      (page->index == insets.bottom_page ? insets.next_bottom : insets.bottom) * page->height;
  g_autoptr (GPtrArray) top = g_ptr_array_new ();
  g_autoptr (GPtrArray) bottom = g_ptr_array_new ();

  if (page->height <= 0)
    {
      text_pages_collect (page, candidates);
      return;
    }
  for (guint i = 0; i < page->lines->len; i++)
    {
      RectoLine *line = g_ptr_array_index (page->lines, i);
      if (!line->has_box || line->role == RECTO_LINE_INVISIBLE
          || candidates_is_blank (line->text))
        continue;
      if (line->box.y2 <= top_band)
        g_ptr_array_add (top, line);
      else if (line->box.y1 >= page->height - bottom_band)
        g_ptr_array_add (bottom, line);
    }
  g_ptr_array_sort (top, compare_top);
  g_ptr_array_sort (bottom, compare_bottom);
  add_band (top, page, EDGE_TOP, band, beyond_top, config, candidates);
  add_band (bottom, page, EDGE_BOTTOM, band, beyond_bottom, config, candidates);
}
