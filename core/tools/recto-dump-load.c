/* recto-dump-load.c: reads a document back from its JSON dump (recto_dump_load() in
 * recto-dump.h), so that a stage can be run on a fixture without a PDF. Every key may be left
 * out; a value of the wrong type is an error that names its JSON path ("pages[0].lines[3].box"),
 * so a hand-written fixture is quick to fix. */
#include <json-glib/json-glib.h>

#include "recto-document-private.h"
#include "recto-dump.h"
#include "recto-dump-json.h"

static gboolean
load_glyphs (RectoDocument *doc, RectoPage *page, JsonObject *object, const char *path,
             GError **error)
{
  const char *chars = "";
  g_autofree gunichar *codes = NULL;
  g_autoptr (GArray) boxes = g_array_new (FALSE, TRUE, sizeof (RectoBox));
  g_autoptr (JsonArray) box_list = NULL;
  g_autoptr (JsonArray) spans = NULL;
  glong n_chars = 0;
  guint covered = 0;

  if (!dump_read_member (object, "chars", path, G_TYPE_STRING, &chars, error))
    return FALSE;
  codes = g_utf8_to_ucs4_fast (chars, -1, &n_chars);
  box_list = dump_read_array (object, "boxes", path, error);
  if (box_list == NULL)
    return FALSE;
  if (json_array_get_length (box_list) != 0 && json_array_get_length (box_list) != (guint) n_chars)
    {
      g_autofree char *where = g_strdup_printf ("%s.boxes", path);
      return dump_fail (error, where, "one box per character of chars, or none");
    }
  for (guint i = 0; i < json_array_get_length (box_list); i++)
    {
      g_autofree char *where = g_strdup_printf ("%s.boxes[%u]", path, i);
      RectoBox box = { 0 };
      gboolean has_box;
      if (!dump_read_box (json_array_get_element (box_list, i), where, &box, &has_box, error))
        return FALSE;
      g_array_append_val (boxes, box);
    }

  spans = dump_read_array (object, "spans", path, error);
  if (spans == NULL)
    return FALSE;
  if (json_array_get_length (spans) == 0 && n_chars > 0)
    {
      /* A fixture may give characters without styles: one span of unknown font. */
      recto_page_add_span (doc, page, NULL, 0, 0, codes, boxes->len > 0 ? &g_array_index (boxes, RectoBox, 0) : NULL,
                           (guint) n_chars);
      return TRUE;
    }
  for (guint i = 0; i < json_array_get_length (spans); i++)
    {
      g_autofree char *where = g_strdup_printf ("%s.spans[%u]", path, i);
      JsonObject *span = dump_element_object (spans, i, where, error);
      const char *font = NULL, *subset = NULL;
      double size = 0, flags = 0, first = covered, length = 0;

      if (span == NULL || !dump_read_style (span, where, &font, &size, &flags, error)
          || !dump_read_member (span, "subset", where, G_TYPE_STRING, &subset, error)
          || !dump_read_member (span, "first", where, G_TYPE_DOUBLE, &first, error)
          || !dump_read_member (span, "length", where, G_TYPE_DOUBLE, &length, error))
        return FALSE;
      if (first != covered || length < 1 || covered + length > n_chars)
        return dump_fail (error, where, "spans that cover chars in order, each from where the last ended");
      recto_page_add_span (doc, page, font, (float) size, (guint32) flags, codes + covered,
                           boxes->len > 0 ? &g_array_index (boxes, RectoBox, covered) : NULL,
                           (guint) length);
      if (subset != NULL)
        g_array_index (page->spans, RectoSpan, page->spans->len - 1).subset =
            recto_document_intern (doc, subset);
      covered += (guint) length;
    }
  if (covered != n_chars)
    {
      g_autofree char *where = g_strdup_printf ("%s.spans", path);
      return dump_fail (error, where, "spans that cover every character of chars");
    }
  return TRUE;
}

static gboolean
load_line (RectoDocument *doc, RectoPage *page, JsonObject *object, const char *path,
           GError **error)
{
  const char *text = "", *role = "body", *font = NULL;
  double size = 0, flags = 0;
  RectoBox box = { 0 };
  gboolean has_box;
  RectoLine *line;
  g_autoptr (JsonArray) column = NULL;
  g_autoptr (JsonArray) glyphs = NULL;
  g_autofree char *box_path = g_strdup_printf ("%s.box", path);

  if (!dump_read_member (object, "text", path, G_TYPE_STRING, &text, error)
      || !dump_read_member (object, "role", path, G_TYPE_STRING, &role, error)
      || !dump_read_style (object, path, &font, &size, &flags, error)
      || !dump_read_box (dump_member (object, "box"), box_path, &box, &has_box, error))
    return FALSE;
  line = recto_page_add_line (page, text, has_box ? &box : NULL);
  if (!recto_dump_line_role_from_name (role, &line->role))
    {
      g_autofree char *where = g_strdup_printf ("%s.role", path);
      return dump_fail (error, where, "body, header, footer, page-number, note, table or invisible");
    }
  line->font = recto_document_intern (doc, font);
  line->size = (float) size;
  line->flags = (guint32) flags;

  column = dump_read_array (object, "column", path, error);
  if (column == NULL)
    return FALSE;
  if (json_array_get_length (column) == 2 && dump_is_number (json_array_get_element (column, 0))
      && dump_is_number (json_array_get_element (column, 1)))
    {
      line->column_x1 = (float) json_array_get_double_element (column, 0);
      line->column_x2 = (float) json_array_get_double_element (column, 1);
    }
  else if (json_array_get_length (column) != 0)
    {
      g_autofree char *where = g_strdup_printf ("%s.column", path);
      return dump_fail (error, where, "[x1, x2]");
    }

  glyphs = dump_read_array (object, "glyphs", path, error);
  if (glyphs == NULL)
    return FALSE;
  if (json_array_get_length (glyphs) > 0)
    line->glyphs = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < json_array_get_length (glyphs); i++)
    {
      JsonNode *glyph = json_array_get_element (glyphs, i);
      guint index;
      if (!dump_is_number (glyph) || json_node_get_double (glyph) < 0
          || json_node_get_double (glyph) >= page->chars->len)
        {
          g_autofree char *where = g_strdup_printf ("%s.glyphs[%u]", path, i);
          return dump_fail (error, where, "the index of one of the page's chars");
        }
      index = (guint) json_node_get_double (glyph);
      g_array_append_val (line->glyphs, index);
    }
  return TRUE;
}

static gboolean
load_page (RectoDocument *doc, JsonObject *object, const char *path, GError **error)
{
  double width = 0, height = 0;
  const char *label = NULL, *printed_number = NULL;
  g_autoptr (JsonArray) lines = NULL;
  RectoPage *page;

  if (!dump_read_member (object, "width", path, G_TYPE_DOUBLE, &width, error)
      || !dump_read_member (object, "height", path, G_TYPE_DOUBLE, &height, error)
      || !dump_read_member (object, "label", path, G_TYPE_STRING, &label, error)
      || !dump_read_member (object, "printed_number", path, G_TYPE_STRING, &printed_number, error))
    return FALSE;
  page = recto_document_add_page (doc, width, height, label);
  page->printed_number = g_strdup (printed_number);
  if (!load_glyphs (doc, page, object, path, error))
    return FALSE;
  lines = dump_read_array (object, "lines", path, error);
  if (lines == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (lines); i++)
    {
      g_autofree char *where = g_strdup_printf ("%s.lines[%u]", path, i);
      JsonObject *line = dump_element_object (lines, i, where, error);
      if (line == NULL || !load_line (doc, page, line, where, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
load_provenance (RectoDocument *doc, RectoBlock *block, JsonObject *object, const char *path,
                 GError **error)
{
  g_autoptr (JsonArray) sources = dump_read_array (object, "sources", path, error);
  g_autoptr (JsonArray) repairs = NULL;

  if (sources == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (sources); i++)
    {
      g_autofree char *where = g_strdup_printf ("%s.sources[%u]", path, i);
      g_autofree char *box_path = g_strdup_printf ("%s.box", where);
      JsonObject *source = dump_element_object (sources, i, where, error);
      double page = 0;
      RectoBox box = { 0 };
      gboolean has_box;
      if (source == NULL || !dump_read_member (source, "page", where, G_TYPE_DOUBLE, &page, error)
          || !dump_read_box (dump_member (source, "box"), box_path, &box, &has_box, error))
        return FALSE;
      recto_block_add_source (block, (guint) page, has_box ? &box : NULL);
    }
  repairs = dump_read_array (object, "repairs", path, error);
  if (repairs == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (repairs); i++)
    {
      g_autofree char *where = g_strdup_printf ("%s.repairs[%u]", path, i);
      JsonObject *repair = dump_element_object (repairs, i, where, error);
      const char *stage = NULL, *kind = NULL, *detail = NULL;
      if (repair == NULL || !dump_read_member (repair, "stage", where, G_TYPE_STRING, &stage, error)
          || !dump_read_member (repair, "kind", where, G_TYPE_STRING, &kind, error)
          || !dump_read_member (repair, "detail", where, G_TYPE_STRING, &detail, error))
        return FALSE;
      if (stage == NULL || kind == NULL)
        return dump_fail (error, where, "a repair with a stage and a kind");
      recto_block_add_repair_record (doc, block, stage, kind, detail);
    }
  return TRUE;
}

static gboolean load_children (RectoDocument *doc, RectoBlock *parent, JsonObject *object,
                               const char *path, GError **error);

/* Fills @block (already made, of the kind the JSON names) from @object. */
static gboolean
load_block_fields (RectoDocument *doc, RectoBlock *block, JsonObject *object, const char *path,
                   GError **error)
{
  const char *text = NULL, *type = NULL, *n = NULL, *stage = NULL, *font = NULL;
  double level = 0, page = -1, size = 0, flags = 0, cols = 1, rows = 1;

  if (!dump_read_member (object, "text", path, G_TYPE_STRING, &text, error))
    return FALSE;
  if (block->kind == RECTO_BLOCK_TEXT || block->kind == RECTO_BLOCK_REG)
    block->text = g_strdup (text != NULL ? text : "");
  if (block->kind == RECTO_BLOCK_TEXT)
    return TRUE;
  if (!dump_read_member (object, "type", path, G_TYPE_STRING, &type, error)
      || !dump_read_member (object, "n", path, G_TYPE_STRING, &n, error)
      || !dump_read_member (object, "level", path, G_TYPE_DOUBLE, &level, error)
      || !dump_read_member (object, "page", path, G_TYPE_DOUBLE, &page, error)
      || !dump_read_member (object, "stage", path, G_TYPE_STRING, &stage, error)
      || !dump_read_style (object, path, &font, &size, &flags, error)
      || !dump_read_member (object, "all_bold", path, G_TYPE_BOOLEAN, &block->all_bold, error)
      || !dump_read_member (object, "cols", path, G_TYPE_DOUBLE, &cols, error)
      || !dump_read_member (object, "rows", path, G_TYPE_DOUBLE, &rows, error))
    return FALSE;
  if (block->kind == RECTO_BLOCK_CELL)
    {
      block->cols = (guint) CLAMP (cols, 1, G_MAXUINT16);
      block->rows = (guint) CLAMP (rows, 1, G_MAXUINT16);
    }
  block->type = recto_document_intern (doc, type);
  recto_block_set_n (block, n);
  block->level = (int) level;
  block->page = (int) page;
  block->stage = recto_document_intern (doc, stage);
  block->font = recto_document_intern (doc, font);
  block->size = (float) size;
  block->flags = (guint32) flags;
  return load_provenance (doc, block, object, path, error)
         && load_children (doc, block, object, path, error);
}

static gboolean
load_children (RectoDocument *doc, RectoBlock *parent, JsonObject *object, const char *path,
               GError **error)
{
  g_autoptr (JsonArray) children = dump_read_array (object, "children", path, error);

  if (children == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (children); i++)
    {
      g_autofree char *where = g_strdup_printf ("%s.children[%u]", path, i);
      JsonObject *child = dump_element_object (children, i, where, error);
      const char *kind_name = NULL;
      RectoBlockKind kind;

      if (child == NULL || !dump_read_member (child, "kind", where, G_TYPE_STRING, &kind_name, error))
        return FALSE;
      if (!recto_dump_block_kind_from_name (kind_name, &kind) || kind == RECTO_BLOCK_BODY)
        {
          g_autofree char *kind_path = g_strdup_printf ("%s.kind", where);
          return dump_fail (error, kind_path, "a block kind: div, head, p, ab, figure, list, item, "
                                         "note, fw, pb, gap, lb, reg, table, row, cell or text");
        }
      if (!load_block_fields (doc, recto_block_append (doc, parent, kind), child, where, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
load_document (RectoDocument *doc, JsonObject *root, GError **error)
{
  const char *schema = NULL;
  JsonNode *source = dump_member (root, "source");
  JsonNode *metadata = dump_member (root, "metadata");
  JsonNode *body = dump_member (root, "body");
  g_autoptr (JsonArray) pages = NULL;

  if (!dump_read_member (root, "schema", "$", G_TYPE_STRING, &schema, error))
    return FALSE;
  if (schema != NULL && !g_str_equal (schema, "recto-dump/1"))
    return dump_fail (error, "$.schema", "\"recto-dump/1\" (this recto reads no other version)");
  if (source != NULL)
    {
      const char *name = NULL, *sha256 = NULL;
      double size = 0;
      JsonObject *fields;
      if (!JSON_NODE_HOLDS_OBJECT (source))
        return dump_fail (error, "$.source", "an object");
      fields = json_node_get_object (source);
      if (!dump_read_member (fields, "name", "$.source", G_TYPE_STRING, &name, error)
          || !dump_read_member (fields, "sha256", "$.source", G_TYPE_STRING, &sha256, error)
          || !dump_read_member (fields, "size", "$.source", G_TYPE_DOUBLE, &size, error))
        return FALSE;
      recto_document_set_source (doc, name, sha256, (guint64) size);
    }
  if (metadata != NULL)
    {
      g_autoptr (GList) keys = NULL;
      if (!JSON_NODE_HOLDS_OBJECT (metadata))
        return dump_fail (error, "$.metadata", "an object");
      keys = json_object_get_members (json_node_get_object (metadata));
      for (GList *key = keys; key != NULL; key = key->next)
        {
          const char *value = NULL;
          if (!dump_read_member (json_node_get_object (metadata), key->data, "$.metadata",
                            G_TYPE_STRING, &value, error))
            return FALSE;
          recto_document_set_metadata (doc, key->data, value);
        }
    }
  pages = dump_read_array (root, "pages", "$", error);
  if (pages == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (pages); i++)
    {
      g_autofree char *where = g_strdup_printf ("$.pages[%u]", i);
      JsonObject *page = dump_element_object (pages, i, where, error);
      if (page == NULL || !load_page (doc, page, where, error))
        return FALSE;
    }
  if (body == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (body))
    return dump_fail (error, "$.body", "an object");
  return load_provenance (doc, recto_document_get_body (doc), json_node_get_object (body),
                          "$.body", error)
         && load_children (doc, recto_document_get_body (doc), json_node_get_object (body),
                           "$.body", error);
}

RectoDocument *
recto_dump_load (const char *text, gssize length, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autoptr (RectoDocument) doc = recto_document_new ();
  g_autoptr (GError) parse_error = NULL;
  JsonNode *root;

  if (!json_parser_load_from_data (parser, text, length, &parse_error))
    {
      g_set_error (error, RECTO_ERROR, RECTO_ERROR_INPUT_INVALID, "not JSON: %s",
                   parse_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      dump_fail (error, "$", "an object");
      return NULL;
    }
  if (!load_document (doc, json_node_get_object (root), error))
    return NULL;
  return g_steal_pointer (&doc);
}
