/* recto-page-list.c: see recto-page-list.h. */
#include <recto/recto-page-list.h>

typedef struct
{
  guint first, last;
} PageRange;

struct _RectoPageList
{
  GArray *ranges; /* PageRange, ascending */
  guint count;
};

RectoPageList *
recto_page_list_new (void)
{
  RectoPageList *list = g_new0 (RectoPageList, 1);
  list->ranges = g_array_new (FALSE, FALSE, sizeof (PageRange));
  return list;
}

void
recto_page_list_free (RectoPageList *list)
{
  if (list == NULL)
    return;
  g_array_unref (list->ranges);
  g_free (list);
}

void
recto_page_list_add (RectoPageList *list, guint number)
{
  PageRange *last = list->ranges->len > 0
                        ? &g_array_index (list->ranges, PageRange, list->ranges->len - 1)
                        : NULL;

  g_return_if_fail (last == NULL || number >= last->last);
  if (last != NULL && number == last->last)
    return;
  list->count++;
  if (last != NULL && number == last->last + 1)
    last->last = number;
  else
    g_array_append_val (list->ranges, ((PageRange){ number, number }));
}

guint
recto_page_list_get_count (const RectoPageList *list)
{
  return list->count;
}

char *
recto_page_list_describe (const RectoPageList *list)
{
  GString *text;
  guint listed = 0;

  if (list->count == 0)
    return g_strdup ("no page");
  text = g_string_new (list->count > 1 ? "pages " : "page ");
  for (guint i = 0; i < MIN (list->ranges->len, RECTO_PAGE_LIST_MAX_RANGES); i++)
    {
      const PageRange *range = &g_array_index (list->ranges, PageRange, i);
      g_string_append_printf (text, "%s%u", i > 0 ? ", " : "", range->first);
      if (range->last > range->first)
        g_string_append_printf (text, "-%u", range->last);
      listed += range->last - range->first + 1;
    }
  if (listed < list->count)
    g_string_append_printf (text, " and %u more", list->count - listed);
  return g_string_free (text, FALSE);
}
