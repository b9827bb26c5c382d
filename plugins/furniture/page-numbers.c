/* page-numbers.c: the printed number of a page whose number is not a line of its own: carried
 * at one end of a running head or foot, or the first of a spread's two numbers. */
#include "page-numbers.h"

#include <string.h>

/* A running head or foot that carries the page number at one end ("監察院公報……第 97 期 8",
 * "10 제414회-환경노동제1차"): the number is the page's when the same line on another page ends
 * in the number of that page's place in the sequence. */
char *
page_numbers_carried (const Candidate *a, const GArray *candidates, const CandidateIndex *index)
{
  const GArray *same = candidate_index_of_shape (index, a->shape);

  for (int at_end = 0; at_end <= 1; at_end++)
    {
      g_autofree char *number = candidates_edge_number (a->line->text, at_end);
      if (number == NULL)
        continue;
      for (guint k = 0; same != NULL && k < same->len; k++)
        {
          const Candidate *b =
              &g_array_index (candidates, Candidate, g_array_index (same, guint, k));
          g_autofree char *other = NULL;
          if (b->page == a->page || b->edge != a->edge || b->line->role == RECTO_LINE_BODY)
            continue;
          other = candidates_edge_number (b->line->text, at_end);
          if (other != NULL
              && g_ascii_strtoll (other, NULL, 10) - g_ascii_strtoll (number, NULL, 10)
                     == (gint64) b->page - (gint64) a->page)
            return g_steal_pointer (&number);
        }
    }
  return NULL;
}

/* The number of a page that prints two pages side by side (a spread of a table set across
 * facing pages): its head or foot is nothing but two page numbers in a usual form, the second
 * one more than the first ("- 12 -      - 13 -"). The page is numbered by its first half. NULL
 * for any other text. */
char *
page_numbers_spread (const char *text)
{
  for (const char *p = strchr (text, ' '); p != NULL; p = strchr (p + 1, ' '))
    {
      g_autofree char *left = g_strndup (text, p - text);
      g_autofree char *first = recto_page_number_parse (left);
      g_autofree char *second = first != NULL ? recto_page_number_parse (p + 1) : NULL;
      if (second != NULL && g_ascii_isdigit (first[0]) && g_ascii_isdigit (second[0])
          && g_ascii_strtoll (second, NULL, 10) == g_ascii_strtoll (first, NULL, 10) + 1)
        return g_steal_pointer (&first);
    }
  return NULL;
}
