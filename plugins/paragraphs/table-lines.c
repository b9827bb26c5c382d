/* table-lines.c: see table-lines.h. A table's rows, captions and notes name their lines by page
 * and box (what a dump keeps), so the index is keyed by both. */
#include "table-lines.h"

#include <string.h>

struct _TableLines
{
  GHashTable *rows; /* "page:x1:y1:x2:y2" → GPtrArray of the RectoBlock* (rows, heads, notes)
                     * of tables that hold the line (two tables side by side may share one) */
};

static char *
line_key (guint page, const RectoBox *box)
{
  return g_strdup_printf ("%u:%a:%a:%a:%a", page, box->x1, box->y1, box->x2, box->y2);
}

static void
index_row (TableLines *lines, RectoBlock *row)
{
  for (guint i = 0; row->sources != NULL && i < row->sources->len; i++)
    {
      const RectoSourceRef *ref = &g_array_index (row->sources, RectoSourceRef, i);
      g_autofree char *key = NULL;
      GPtrArray *holders;
      if (!ref->has_box)
        continue;
      key = line_key (ref->page, &ref->box);
      holders = g_hash_table_lookup (lines->rows, key);
      if (holders == NULL)
        {
          holders = g_ptr_array_new ();
          g_hash_table_insert (lines->rows, g_steal_pointer (&key), holders);
        }
      g_ptr_array_add (holders, row);
    }
}

TableLines *
table_lines_take (RectoDocument *doc)
{
  RectoBlock *body = recto_document_get_body (doc);
  TableLines *lines = g_new0 (TableLines, 1);
  guint i = 0;

  lines->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify) g_ptr_array_unref);
  while (i < recto_block_get_n_children (body))
    {
      RectoBlock *table = recto_block_get_child (body, i);
      if (table->kind != RECTO_BLOCK_TABLE)
        {
          i++;
          continue;
        }
      for (guint j = 0; j < recto_block_get_n_children (table); j++)
        index_row (lines, recto_block_get_child (table, j));
      recto_block_unlink (table);
    }
  return lines;
}

void
table_lines_free (TableLines *lines)
{
  if (lines == NULL)
    return;
  g_hash_table_unref (lines->rows);
  g_free (lines);
}

const GPtrArray *
table_lines_rows (const TableLines *lines, guint page, const RectoLine *line)
{
  g_autofree char *key = NULL;

  if (!line->has_box)
    return NULL;
  key = line_key (page, &line->box);
  return g_hash_table_lookup (lines->rows, key);
}
