/* echo-rows.c: see echo-rows.h. */
#include "echo-rows.h"

#include "font-learning-private.h"

/* What tells @row's glyphs from other rows': each glyph's font (RectoSpan.subset, interned)
 * and code. */
static char *
key_of (RectoDocument *doc, const TextRow *row)
{
  const RectoPage *page = recto_document_get_page (doc, row->page);
  GString *key = g_string_new (NULL);

  for (guint k = 0; k < row->glyphs->len; k++)
    {
      guint i = g_array_index (row->glyphs, guint, k);
      g_string_append_printf (key, "%p:%X ", (const void *) learning_font_of (page, i),
                              g_array_index (page->chars, gunichar, i));
    }
  return g_string_free (key, FALSE);
}

guint
echo_rows_mark (RectoDocument *doc, GArray *rows)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint echoes = 0;

  for (guint r = 0; r < rows->len; r++)
    {
      TextRow *row = &g_array_index (rows, TextRow, r);
      char *key = key_of (doc, row);
      row->echo = g_hash_table_contains (seen, key);
      echoes += row->echo;
      if (row->echo)
        g_free (key);
      else
        g_hash_table_add (seen, key);
    }
  return echoes;
}
