/* tei-body.c: see tei-body.h. Each block kind maps to one TEI element; a block that a stage
 * repaired carries resp (the stage's application) and ana (the repair categories), so every
 * repair is visible in the text. */
#include "tei-body.h"

#include <string.h>

#include "tei-header.h"
#include "tei-recovered.h"

static char *
surface_id (guint page)
{
  return g_strdup_printf ("page%u", page + 1);
}

static gboolean
has_geometry (const RectoPage *page)
{
  return page->width > 0 && page->height > 0;
}

static void
write_coordinate (TeiWriter *writer, const char *name, double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  tei_writer_attribute (writer, name, g_ascii_formatd (buffer, sizeof buffer, "%.2f", value));
}

void
tei_write_facsimile (TeiWriter *writer, RectoDocument *doc, TeiZones *zones)
{
  guint n_pages = recto_document_get_n_pages (doc);
  gboolean open = FALSE;

  for (guint i = 0; i < n_pages; i++)
    {
      const RectoPage *page = recto_document_get_page (doc, i);
      g_autofree char *id = surface_id (i);
      if (!has_geometry (page))
        continue;
      if (!open)
        {
          tei_writer_start (writer, "facsimile", FALSE);
          open = TRUE;
        }
      tei_writer_start (writer, "surface", FALSE);
      tei_writer_attribute (writer, "xml:id", id);
      tei_writer_attribute (writer, "n", page->label);
      write_coordinate (writer, "ulx", 0);
      write_coordinate (writer, "uly", 0);
      /* A turned page (RectoPage.turn) has its size as printed. */
      write_coordinate (writer, "lrx", page->turn != 0 ? page->height : page->width);
      write_coordinate (writer, "lry", page->turn != 0 ? page->width : page->height);
      tei_zones_write (zones, writer, i);
      tei_writer_end (writer);
    }
  if (open)
    tei_writer_end (writer);
}

static const char *
element_name (RectoBlockKind kind, gboolean *mixed)
{
  *mixed = TRUE;
  switch (kind)
    {
    case RECTO_BLOCK_BODY:
      *mixed = FALSE;
      return "body";
    case RECTO_BLOCK_DIV:
      *mixed = FALSE;
      return "div";
    case RECTO_BLOCK_FIGURE:
      *mixed = FALSE;
      return "figure";
    case RECTO_BLOCK_LIST:
      *mixed = FALSE;
      return "list";
    case RECTO_BLOCK_HEAD:
      return "head";
    case RECTO_BLOCK_P:
      return "p";
    case RECTO_BLOCK_ITEM:
      return "item";
    case RECTO_BLOCK_NOTE:
      return "note";
    case RECTO_BLOCK_FW:
      return "fw";
    case RECTO_BLOCK_PB:
      return "pb";
    case RECTO_BLOCK_GAP:
      return "gap";
    case RECTO_BLOCK_LB:
      return "lb";
    case RECTO_BLOCK_AB:
      return "ab";
    case RECTO_BLOCK_REG:
      return "choice";
    case RECTO_BLOCK_TABLE:
      *mixed = FALSE;
      return "table";
    case RECTO_BLOCK_ROW:
      *mixed = FALSE;
      return "row";
    case RECTO_BLOCK_CELL:
      return "cell";
    case RECTO_BLOCK_TEXT:
      return NULL;
    }
  return NULL;
}

/* resp and ana for a repaired block: each distinct stage and repair kind once, in the order the
 * repairs were made. */
static void
write_repair_attributes (TeiWriter *writer, const RectoBlock *block)
{
  g_autoptr (GString) resp = g_string_new (NULL);
  g_autoptr (GString) ana = g_string_new (NULL);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (block->repairs == NULL)
    return;
  for (guint i = 0; i < block->repairs->len; i++)
    {
      const RectoRepair *repair = g_ptr_array_index (block->repairs, i);
      g_autofree char *stage_ref = tei_stage_id (repair->stage);
      g_autofree char *repair_ref = tei_repair_id (repair->stage, repair->kind);
      if (!g_hash_table_contains (seen, repair->stage))
        {
          g_hash_table_add (seen, (gpointer) repair->stage);
          g_string_append_printf (resp, "%s#%s", resp->len > 0 ? " " : "", stage_ref);
        }
      if (strstr (ana->str, repair_ref) == NULL)
        g_string_append_printf (ana, "%s#%s", ana->len > 0 ? " " : "", repair_ref);
    }
  tei_writer_attribute (writer, "resp", resp->str);
  tei_writer_attribute (writer, "ana", ana->str);
}

static void
write_block_attributes (TeiWriter *writer, RectoDocument *doc, TeiZones *zones,
                        const RectoBlock *block)
{
  switch (block->kind)
    {
    case RECTO_BLOCK_PB:
      tei_writer_attribute (writer, "n", block->n);
      if (block->page >= 0 && (guint) block->page < recto_document_get_n_pages (doc)
          && has_geometry (recto_document_get_page (doc, block->page)))
        {
          g_autofree char *id = surface_id (block->page);
          tei_writer_attribute_printf (writer, "facs", "#%s", id);
        }
      break;
    case RECTO_BLOCK_GAP:
      tei_writer_attribute (writer, "reason", block->type);
      tei_writer_attribute (writer, "extent", block->n);
      break;
    case RECTO_BLOCK_HEAD:
      tei_writer_attribute (writer, "type", block->type);
      tei_writer_attribute (writer, "n", block->n);
      break;
    case RECTO_BLOCK_ITEM:
      tei_writer_attribute (writer, "n", block->n);
      break;
    case RECTO_BLOCK_LB:
      /* A word broken over two lines: the hyphen the break added is kept in @rend. */
      tei_writer_attribute (writer, "break", "no");
      tei_writer_attribute (writer, "rend", block->n);
      break;
    case RECTO_BLOCK_ROW:
      tei_writer_attribute (writer, "role", block->type);
      break;
    case RECTO_BLOCK_CELL:
      tei_writer_attribute (writer, "role", block->type);
      if (block->cols > 1)
        tei_writer_attribute_printf (writer, "cols", "%u", block->cols);
      if (block->rows > 1)
        tei_writer_attribute_printf (writer, "rows", "%u", block->rows);
      break;
    case RECTO_BLOCK_DIV:
    case RECTO_BLOCK_AB:
    case RECTO_BLOCK_TABLE:
    case RECTO_BLOCK_FIGURE:
    case RECTO_BLOCK_NOTE:
      /* The note's marker ("1", "①"), which the page prints before its text. */
      tei_writer_attribute (writer, "type", block->type);
      tei_writer_attribute (writer, "n", block->n);
      break;
    case RECTO_BLOCK_LIST:
    case RECTO_BLOCK_FW:
      tei_writer_attribute (writer, "type", block->type);
      break;
    default:
      /* TEI gives body, p and the rest no @type. */
      break;
    }
  tei_writer_attribute (writer, "facs", tei_zones_facs (zones, block));
  write_repair_attributes (writer, block);
}

static void write_block (TeiWriter *writer, RectoDocument *doc, TeiZones *zones,
                         const RectoBlock *block, TeiGlyphCursor *cursor, const char *language);

/* The source's text stays as it was, in orig; the stage's reading of it is the reg, which
 * carries the repair. */
static void
write_regularisation (TeiWriter *writer, RectoDocument *doc, TeiZones *zones,
                      const RectoBlock *block, TeiGlyphCursor *cursor)
{
  tei_writer_start (writer, "choice", TRUE);
  tei_writer_start (writer, "orig", TRUE);
  for (guint i = 0; i < recto_block_get_n_children (block); i++)
    write_block (writer, doc, zones, recto_block_get_child (block, i), cursor, NULL);
  tei_writer_end (writer);
  tei_writer_start (writer, "reg", TRUE);
  write_repair_attributes (writer, block);
  tei_writer_text (writer, block->text);
  tei_writer_end (writer);
  tei_writer_end (writer);
}

/* Two language tags of one language ("zh-Hans" and "zh"). */
static gboolean
same_language (const char *a, const char *b)
{
  gsize n = strcspn (a, "-");
  return n == strcspn (b, "-") && strncmp (a, b, n) == 0;
}

/* Writes xml:lang on a block of text whose own text is plainly in another language than
 * @language, the one around it (an English abstract in a Chinese thesis, a Japanese quotation).
 * Returns the block's language, for its children. */
static const char *
write_block_language (TeiWriter *writer, const RectoBlock *block, const char *language)
{
  RectoScriptCounts counts = { 0 };
  g_autofree char *text = NULL;
  const char *own;

  if (language == NULL
      || (block->kind != RECTO_BLOCK_P && block->kind != RECTO_BLOCK_HEAD
          && block->kind != RECTO_BLOCK_ITEM && block->kind != RECTO_BLOCK_NOTE
          && block->kind != RECTO_BLOCK_AB))
    return language;
  text = recto_block_get_text (block);
  recto_language_count_text (&counts, text);
  /* A few words are too few to tell (a name, a unit, a code). */
  own = recto_language_decide (&counts, 6);
  if (own == NULL || same_language (own, language))
    return language;
  /* Han without kana or hangul may be Japanese kanji or Korean hanja: no sign of Chinese. */
  if (same_language (own, "zh")
      && (same_language (language, "ja") || same_language (language, "ko")))
    return language;
  tei_writer_attribute (writer, "xml:lang", own);
  return own;
}

/* @cursor walks the glyphs of the lines the nearest block with sources was built from, to find
 * recovered text (tei-recovered.h); NULL when none of them was recovered. @language: the
 * language around the block. */
static void
write_block (TeiWriter *writer, RectoDocument *doc, TeiZones *zones, const RectoBlock *block,
             TeiGlyphCursor *cursor, const char *language)
{
  gboolean mixed;
  const char *name = element_name (block->kind, &mixed);
  TeiGlyphCursor *own = NULL;

  if (block->kind == RECTO_BLOCK_TEXT)
    {
      tei_write_recovered_text (writer, cursor, block->text);
      return;
    }
  if (block->kind == RECTO_BLOCK_REG)
    {
      write_regularisation (writer, doc, zones, block, cursor);
      return;
    }
  /* A table's rows go by its cursor. */
  if (block->kind == RECTO_BLOCK_TABLE
      || (block->kind != RECTO_BLOCK_ROW && block->sources != NULL && block->sources->len > 0))
    cursor = own = tei_glyph_cursor_new (doc, block);
  if (block->kind == RECTO_BLOCK_ROW)
    tei_glyph_cursor_enter_row (cursor, block);
  tei_writer_start (writer, name, mixed);
  write_block_attributes (writer, doc, zones, block);
  language = write_block_language (writer, block, language);
  for (guint i = 0; i < recto_block_get_n_children (block); i++)
    write_block (writer, doc, zones, recto_block_get_child (block, i), cursor, language);
  tei_writer_end (writer);
  tei_glyph_cursor_free (own);
}

/* TEI wants at least one paragraph-level block or division in a body (heads, figures and the
 * floating elements do not count); a document without one gets a paragraph that says so with a
 * gap, rather than an invalid file. */
static gboolean
body_has_content (const RectoBlock *body)
{
  for (guint i = 0; i < recto_block_get_n_children (body); i++)
    switch (recto_block_get_child (body, i)->kind)
      {
      case RECTO_BLOCK_P:
      case RECTO_BLOCK_AB:
      case RECTO_BLOCK_LIST:
      case RECTO_BLOCK_TABLE:
      case RECTO_BLOCK_DIV:
        return TRUE;
      default:
        break;
      }
  return FALSE;
}

void
tei_write_text (TeiWriter *writer, RectoDocument *doc, TeiZones *zones, const char *language)
{
  RectoBlock *body = recto_document_get_body (doc);

  tei_writer_start (writer, "text", FALSE);
  if (body_has_content (body))
    write_block (writer, doc, zones, body, NULL, language);
  else
    {
      tei_writer_start (writer, "body", FALSE);
      for (guint i = 0; i < recto_block_get_n_children (body); i++)
        write_block (writer, doc, zones, recto_block_get_child (body, i), NULL, language);
      tei_writer_start (writer, "p", TRUE);
      tei_writer_start (writer, "gap", TRUE);
      tei_writer_attribute (writer, "reason", "no-text");
      tei_writer_end (writer);
      tei_writer_end (writer);
      tei_writer_end (writer);
    }
  tei_writer_end (writer);
}
