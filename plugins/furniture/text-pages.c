/* text-pages.c: furniture candidates of a text page (a plain-text source, no geometry), where
 * the only edges are the first and last lines with text, and an extraction that lost its form
 * feeds leaves page numbers, and the running lines beside them, between the pages' texts. */
#include "candidates.h"

/* The most lines of bare figures between a page number and the running line beside it. */
#define MAX_FIGURE_LINES 2

/* The next line with text after line @i of @page going by @step (+1 or -1), or -1. */
static int
next_text_line (const RectoPage *page, int i, int step)
{
  for (i += step; i >= 0 && i < (int) page->lines->len; i += step)
    if (!candidates_is_blank (((RectoLine *) g_ptr_array_index (page->lines, i))->text))
      return i;
  return -1;
}

/* Whether @text has a letter or an ideograph: a line of bare figures beside a page number is
 * more likely a table's or a lost sentence's numbers than a running head. */
static gboolean
has_letters (const char *text)
{
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (g_unichar_isalpha (g_utf8_get_char (text)))
      return TRUE;
  return FALSE;
}

/* The line with letters next to the page number at line @number of @page, going by @step
 * (+1: the next page's first line, -1: this page's last), if it is still body text; and in
 * @key its text with the side it stands on. Up to MAX_FIGURE_LINES lines of bare figures may
 * stand between: what is left of a lost sentence ("44" between "- 69 -" and the running head
 * of vol111-seedlike's p. 70). */
static RectoLine *
beside_number (const RectoPage *page, int number, int step, char **key)
{
  int i = number;
  RectoLine *line = NULL;
  g_autofree char *text = NULL;

  for (guint seen = 0; seen <= MAX_FIGURE_LINES; seen++)
    {
      i = next_text_line (page, i, step);
      line = i >= 0 ? g_ptr_array_index (page->lines, i) : NULL;
      if (line == NULL || line->role != RECTO_LINE_BODY || has_letters (line->text))
        break;
    }
  if (line == NULL || line->role != RECTO_LINE_BODY || !has_letters (line->text))
    return NULL;
  text = g_strstrip (g_strdup (line->text));
  *key = g_strdup_printf ("%+d %s", step, text);
  return line;
}

/* A text page that holds many pages (an extraction without form feeds): the line just after a
 * page number opens the next page and the line just before it closes its page. A text that
 * stands there beside a good share of the page numbers (the volume's title, repeated as its
 * running head) is furniture; a chapter's running head, which comes back on a few pages only,
 * is left to the chapter stage, which knows the chapter's title. */
static void
mark_text_running_lines (const RectoPage *page)
{
  g_autoptr (GArray) numbers = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr (GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint needed;

  for (guint i = 0; i < page->lines->len; i++)
    if (((RectoLine *) g_ptr_array_index (page->lines, i))->role == RECTO_LINE_PAGE_NUMBER)
      g_array_append_val (numbers, i);
  needed = MAX (3, numbers->len / 4);
  if (numbers->len < needed)
    return;
  for (guint n = 0; n < numbers->len; n++)
    for (int step = -1; step <= 1; step += 2)
      {
        char *key = NULL;
        if (beside_number (page, g_array_index (numbers, int, n), step, &key) != NULL)
          g_hash_table_insert (
              counts, key,
              GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + 1));
      }
  for (guint n = 0; n < numbers->len; n++)
    for (int step = -1; step <= 1; step += 2)
      {
        g_autofree char *key = NULL;
        RectoLine *line = beside_number (page, g_array_index (numbers, int, n), step, &key);
        if (line != NULL && GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) >= needed)
          line->role = step > 0 ? RECTO_LINE_HEADER : RECTO_LINE_FOOTER;
      }
}

/* A text page (no geometry) has its first and last lines with text as edges. A decorated page
 * number ("- 12 -", "Page 12") is one wherever it stands: an extraction that lost its form
 * feeds leaves page numbers between the pages' texts. */
void
text_pages_collect (const RectoPage *page, GArray *candidates)
{
  int first = -1, last = -1;

  for (guint i = 0; i < page->lines->len; i++)
    {
      RectoLine *line = g_ptr_array_index (page->lines, i);
      if (candidates_is_blank (line->text))
        continue;
      if (first < 0)
        first = (int) i;
      last = (int) i;
      if (recto_page_number_is_decorated (line->text))
        line->role = RECTO_LINE_PAGE_NUMBER;
    }
  if (first < 0)
    return;
  mark_text_running_lines (page);
  candidates_add (candidates, g_ptr_array_index (page->lines, first), page, EDGE_TOP, 0, FALSE);
  if (last != first)
    candidates_add (candidates, g_ptr_array_index (page->lines, last), page, EDGE_BOTTOM, 0, FALSE);
}
