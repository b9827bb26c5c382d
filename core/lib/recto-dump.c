/* recto-dump.c: see recto-dump.h. The format is documented in docs/dump-format.md; change it
 * only together with that page and the schema's version. */
#include "recto-dump.h"

#include "recto-json.h"

#define DUMP_SCHEMA "recto-dump/1"

static const char *const block_kinds[] = {
  [RECTO_BLOCK_BODY] = "body", [RECTO_BLOCK_DIV] = "div",       [RECTO_BLOCK_HEAD] = "head",
  [RECTO_BLOCK_P] = "p",       [RECTO_BLOCK_FIGURE] = "figure", [RECTO_BLOCK_LIST] = "list",
  [RECTO_BLOCK_ITEM] = "item", [RECTO_BLOCK_NOTE] = "note",     [RECTO_BLOCK_FW] = "fw",
  [RECTO_BLOCK_PB] = "pb",     [RECTO_BLOCK_GAP] = "gap",       [RECTO_BLOCK_TEXT] = "text",
  [RECTO_BLOCK_LB] = "lb",     [RECTO_BLOCK_AB] = "ab",         [RECTO_BLOCK_REG] = "reg",
  [RECTO_BLOCK_TABLE] = "table", [RECTO_BLOCK_ROW] = "row",     [RECTO_BLOCK_CELL] = "cell",
};

static const char *const line_roles[] = {
  [RECTO_LINE_BODY] = "body",     [RECTO_LINE_HEADER] = "header",
  [RECTO_LINE_FOOTER] = "footer", [RECTO_LINE_PAGE_NUMBER] = "page-number",
  [RECTO_LINE_NOTE] = "note",     [RECTO_LINE_TABLE] = "table",
  [RECTO_LINE_INVISIBLE] = "invisible",
};

const char *
recto_dump_block_kind_name (RectoBlockKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (block_kinds), NULL);
  return block_kinds[kind];
}

/* The index of @name in @names (@n of them), or -1. */
static int
name_index (const char *const *names, guint n, const char *name)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (names[i], name) == 0)
      return (int) i;
  return -1;
}

gboolean
recto_dump_block_kind_from_name (const char *name, RectoBlockKind *kind)
{
  int i = name_index (block_kinds, G_N_ELEMENTS (block_kinds), name);

  if (i < 0)
    return FALSE;
  *kind = (RectoBlockKind) i;
  return TRUE;
}

gboolean
recto_dump_line_role_from_name (const char *name, RectoLineRole *role)
{
  int i = name_index (line_roles, G_N_ELEMENTS (line_roles), name);

  if (i < 0)
    return FALSE;
  *role = (RectoLineRole) i;
  return TRUE;
}

/* A box as [x1, y1, x2, y2], exactly (the dump is lossless: a stage run on a dump read back
 * gives what it gives in the pipeline). */
static void
write_box (RectoJson *json, const RectoBox *box)
{
  const float edges[] = { box->x1, box->y1, box->x2, box->y2 };

  recto_json_begin_array (json);
  for (guint i = 0; i < G_N_ELEMENTS (edges); i++)
    recto_json_float (json, edges[i]);
  recto_json_end_array (json);
}

static void
write_style (RectoJson *json, const char *font, float size, guint32 flags)
{
  recto_json_member_string (json, "font", font);
  recto_json_member_float (json, "size", size);
  recto_json_member_int (json, "flags", flags);
}

static void
write_line (RectoJson *json, const RectoLine *line)
{
  recto_json_begin_object (json);
  recto_json_member_string (json, "text", line->text);
  recto_json_member_string (json, "role", line_roles[line->role]);
  recto_json_key (json, "box");
  if (line->has_box)
    write_box (json, &line->box);
  else
    recto_json_null (json);
  recto_json_key (json, "column");
  recto_json_begin_array (json);
  recto_json_float (json, line->column_x1);
  recto_json_float (json, line->column_x2);
  recto_json_end_array (json);
  write_style (json, line->font, line->size, line->flags);
  recto_json_key (json, "glyphs");
  recto_json_begin_array (json);
  for (guint i = 0; line->glyphs != NULL && i < line->glyphs->len; i++)
    recto_json_int (json, g_array_index (line->glyphs, guint, i));
  recto_json_end_array (json);
  recto_json_end_object (json);
}

static void
write_page (RectoJson *json, const RectoPage *page)
{
  g_autoptr (GString) text = g_string_new (NULL);

  recto_json_begin_object (json);
  recto_json_member_int (json, "index", page->index);
  recto_json_member_double (json, "width", page->width);
  recto_json_member_double (json, "height", page->height);
  recto_json_member_string (json, "label", page->label);
  recto_json_member_string (json, "printed_number", page->printed_number);
  for (guint i = 0; i < page->chars->len; i++)
    g_string_append_unichar (text, g_array_index (page->chars, gunichar, i));
  recto_json_member_string (json, "chars", text->str);
  recto_json_key (json, "boxes");
  recto_json_begin_array (json);
  for (guint i = 0; i < page->boxes->len; i++)
    write_box (json, &g_array_index (page->boxes, RectoBox, i));
  recto_json_end_array (json);
  recto_json_key (json, "spans");
  recto_json_begin_array (json);
  for (guint i = 0; i < page->spans->len; i++)
    {
      const RectoSpan *span = &g_array_index (page->spans, RectoSpan, i);
      recto_json_begin_object (json);
      write_style (json, span->font, span->size, span->flags);
      if (span->subset != span->font)
        recto_json_member_string (json, "subset", span->subset);
      recto_json_member_int (json, "first", span->first);
      recto_json_member_int (json, "length", span->length);
      recto_json_end_object (json);
    }
  recto_json_end_array (json);
  recto_json_key (json, "lines");
  recto_json_begin_array (json);
  for (guint i = 0; i < page->lines->len; i++)
    write_line (json, g_ptr_array_index (page->lines, i));
  recto_json_end_array (json);
  recto_json_end_object (json);
}

static void
write_block (RectoJson *json, const RectoBlock *block)
{
  recto_json_begin_object (json);
  recto_json_member_string (json, "kind", recto_dump_block_kind_name (block->kind));
  if (block->kind == RECTO_BLOCK_TEXT)
    {
      recto_json_member_string (json, "text", block->text);
      recto_json_end_object (json);
      return;
    }
  recto_json_member_string (json, "type", block->type);
  recto_json_member_string (json, "n", block->n);
  recto_json_member_int (json, "level", block->level);
  recto_json_member_int (json, "page", block->page);
  if (block->kind == RECTO_BLOCK_REG)
    recto_json_member_string (json, "text", block->text);
  if (block->kind == RECTO_BLOCK_CELL)
    {
      recto_json_member_int (json, "cols", MAX (block->cols, 1));
      recto_json_member_int (json, "rows", MAX (block->rows, 1));
    }
  recto_json_member_string (json, "stage", block->stage);
  write_style (json, block->font, block->size, block->flags);
  recto_json_key (json, "all_bold");
  recto_json_boolean (json, block->all_bold);
  recto_json_key (json, "sources");
  recto_json_begin_array (json);
  for (guint i = 0; block->sources != NULL && i < block->sources->len; i++)
    {
      const RectoSourceRef *ref = &g_array_index (block->sources, RectoSourceRef, i);
      recto_json_begin_object (json);
      recto_json_member_int (json, "page", ref->page);
      recto_json_key (json, "box");
      if (ref->has_box)
        write_box (json, &ref->box);
      else
        recto_json_null (json);
      recto_json_end_object (json);
    }
  recto_json_end_array (json);
  recto_json_key (json, "repairs");
  recto_json_begin_array (json);
  for (guint i = 0; block->repairs != NULL && i < block->repairs->len; i++)
    {
      const RectoRepair *repair = g_ptr_array_index (block->repairs, i);
      recto_json_begin_object (json);
      recto_json_member_string (json, "stage", repair->stage);
      recto_json_member_string (json, "kind", repair->kind);
      recto_json_member_string (json, "detail", repair->detail);
      recto_json_end_object (json);
    }
  recto_json_end_array (json);
  recto_json_key (json, "children");
  recto_json_begin_array (json);
  for (guint i = 0; i < recto_block_get_n_children (block); i++)
    write_block (json, recto_block_get_child (block, i));
  recto_json_end_array (json);
  recto_json_end_object (json);
}

char *
recto_dump_to_json (RectoDocument *doc, const char *after_stage)
{
  RectoJson *json = recto_json_new (TRUE);

  recto_json_begin_object (json);
  recto_json_member_string (json, "schema", DUMP_SCHEMA);
  recto_json_member_string (json, "after_stage", after_stage);
  recto_json_key (json, "source");
  recto_json_begin_object (json);
  recto_json_member_string (json, "name", recto_document_get_source_name (doc));
  recto_json_member_string (json, "sha256", recto_document_get_source_sha256 (doc));
  recto_json_member_int (json, "size", (gint64) recto_document_get_source_size (doc));
  recto_json_end_object (json);
  recto_json_key (json, "metadata");
  recto_json_begin_object (json);
  for (guint i = 0; i < recto_document_get_n_metadata (doc); i++)
    {
      const char *key, *value;
      recto_document_get_metadata_nth (doc, i, &key, &value);
      recto_json_key (json, key);
      recto_json_string (json, value);
    }
  recto_json_end_object (json);
  recto_json_key (json, "pages");
  recto_json_begin_array (json);
  for (guint i = 0; i < recto_document_get_n_pages (doc); i++)
    write_page (json, recto_document_get_page (doc, i));
  recto_json_end_array (json);
  recto_json_key (json, "body");
  write_block (json, recto_document_get_body (doc));
  recto_json_end_object (json);
  return recto_json_free_to_string (json);
}

gboolean
recto_dump_write (RectoDocument *doc, const char *after_stage, const char *path, GError **error)
{
  g_autofree char *text = recto_dump_to_json (doc, after_stage);

  /* g_file_set_contents writes a temporary file and renames it: no partial dump. */
  g_autoptr (GError) write_error = NULL;

  if (!g_file_set_contents (path, text, -1, &write_error))
    {
      g_set_error (error, RECTO_ERROR, RECTO_ERROR_OUTPUT, "cannot write the dump: %s",
                   write_error->message);
      return FALSE;
    }
  return TRUE;
}
