/* tei-header.c: see tei-header.h. */
#include "tei-header.h"
#include "tei-recovered.h"

char *
tei_stage_id (const char *stage)
{
  return g_strconcat ("stage.", stage, NULL);
}

char *
tei_repair_id (const char *stage, const char *kind)
{
  return g_strconcat ("repair.", stage, ".", kind, NULL);
}

static const char *
title_of (RectoDocument *doc)
{
  const char *title = recto_document_get_metadata (doc, "title");
  return title != NULL ? title : recto_document_get_source_name (doc);
}

/* A <list type="gloss"> of label/item pairs. */
static void
write_gloss_list (TeiWriter *writer, guint n, const char *const *labels, const char *const *items)
{
  tei_writer_start (writer, "list", FALSE);
  tei_writer_attribute (writer, "type", "gloss");
  for (guint i = 0; i < n; i++)
    {
      tei_writer_element (writer, "label", labels[i]);
      tei_writer_element (writer, "item", items[i]);
    }
  tei_writer_end (writer);
}

static void
write_source_desc (TeiWriter *writer, RectoDocument *doc)
{
  guint n_pages = recto_document_get_n_pages (doc);
  guint n_metadata = recto_document_get_n_metadata (doc);
  guint64 size = recto_document_get_source_size (doc);

  tei_writer_start (writer, "sourceDesc", FALSE);
  tei_writer_start (writer, "bibl", FALSE);
  if (recto_document_get_metadata (doc, "title") != NULL)
    tei_writer_element (writer, "title", recto_document_get_metadata (doc, "title"));
  if (recto_document_get_metadata (doc, "author") != NULL)
    tei_writer_element (writer, "author", recto_document_get_metadata (doc, "author"));

  tei_writer_start (writer, "idno", TRUE);
  tei_writer_attribute (writer, "type", "filename");
  tei_writer_text (writer, recto_document_get_source_name (doc));
  tei_writer_end (writer);
  tei_writer_start (writer, "idno", TRUE);
  tei_writer_attribute (writer, "type", "SHA-256");
  tei_writer_text (writer, recto_document_get_source_sha256 (doc));
  tei_writer_end (writer);

  tei_writer_start (writer, "extent", FALSE);
  tei_writer_start (writer, "measure", TRUE);
  tei_writer_attribute (writer, "unit", "pages");
  tei_writer_attribute_printf (writer, "quantity", "%u", n_pages);
  g_autofree char *pages = g_strdup_printf ("%u %s", n_pages, n_pages == 1 ? "page" : "pages");
  tei_writer_text (writer, pages);
  tei_writer_end (writer);
  tei_writer_start (writer, "measure", TRUE);
  tei_writer_attribute (writer, "unit", "bytes");
  tei_writer_attribute_printf (writer, "quantity", "%" G_GUINT64_FORMAT, size);
  g_autofree char *bytes = g_strdup_printf ("%" G_GUINT64_FORMAT " bytes", size);
  tei_writer_text (writer, bytes);
  tei_writer_end (writer);
  tei_writer_end (writer);

  if (n_metadata > 0)
    {
      g_autofree const char **keys = g_new0 (const char *, n_metadata);
      g_autofree const char **values = g_new0 (const char *, n_metadata);
      for (guint i = 0; i < n_metadata; i++)
        recto_document_get_metadata_nth (doc, i, &keys[i], &values[i]);
      tei_writer_start (writer, "note", FALSE);
      tei_writer_attribute (writer, "type", "source-metadata");
      write_gloss_list (writer, n_metadata, keys, values);
      tei_writer_end (writer);
    }
  tei_writer_end (writer);
  tei_writer_end (writer);
}

static void
write_file_desc (TeiWriter *writer, RectoDocument *doc, const char *date)
{
  tei_writer_start (writer, "fileDesc", FALSE);
  tei_writer_start (writer, "titleStmt", FALSE);
  tei_writer_element (writer, "title", title_of (doc));
  tei_writer_end (writer);

  tei_writer_start (writer, "publicationStmt", FALSE);
  g_autofree char *statement = g_strdup_printf (
      "TEI encoding of %s, made by recto %s", recto_document_get_source_name (doc), RECTO_VERSION);
  tei_writer_start (writer, "p", TRUE);
  tei_writer_text (writer, statement);
  if (date != NULL)
    {
      tei_writer_text (writer, " on ");
      tei_writer_start (writer, "date", TRUE);
      tei_writer_attribute (writer, "when", date);
      tei_writer_text (writer, date);
      tei_writer_end (writer);
    }
  tei_writer_text (writer, ".");
  tei_writer_end (writer);
  tei_writer_end (writer);
  write_source_desc (writer, doc);
  tei_writer_end (writer);
}

static void
write_application (TeiWriter *writer, const RectoStageInfo *info, const char *const *option_values)
{
  g_autofree char *id = tei_stage_id (info->name);
  g_autoptr (GPtrArray) names = g_ptr_array_new ();

  tei_writer_start (writer, "application", FALSE);
  tei_writer_attribute (writer, "xml:id", id);
  tei_writer_attribute (writer, "ident", info->name);
  tei_writer_attribute (writer, "version", info->version);
  tei_writer_element (writer, "label", info->name);
  tei_writer_element (writer, "desc", info->summary);
  for (const RectoOption *o = info->options; o != NULL && o->name != NULL; o++)
    g_ptr_array_add (names, (gpointer) o->name);
  if (names->len > 0)
    {
      tei_writer_start (writer, "p", FALSE);
      write_gloss_list (writer, names->len, (const char *const *) names->pdata, option_values);
      tei_writer_end (writer);
    }
  tei_writer_end (writer);
}

static void
write_repair_taxonomy (TeiWriter *writer, RectoDocument *doc)
{
  gboolean open = FALSE;

  for (guint i = 0; i < recto_document_get_n_stages (doc); i++)
    {
      const RectoStageInfo *info = recto_document_get_stage (doc, i, NULL);
      for (const RectoRepairKind *r = info->repairs; r != NULL && r->id != NULL; r++)
        {
          guint count = recto_document_count_repairs (doc, info->name, r->id);
          g_autofree char *id = NULL;
          g_autofree char *description = NULL;
          if (count == 0)
            continue;
          if (!open)
            {
              tei_writer_start (writer, "classDecl", FALSE);
              tei_writer_start (writer, "taxonomy", FALSE);
              tei_writer_attribute (writer, "xml:id", "recto-repairs");
              open = TRUE;
            }
          id = tei_repair_id (info->name, r->id);
          description =
              g_strdup_printf ("%s (stage %s; %u in this file)", r->description, info->name, count);
          tei_writer_start (writer, "category", FALSE);
          tei_writer_attribute (writer, "xml:id", id);
          tei_writer_element (writer, "catDesc", description);
          tei_writer_end (writer);
        }
    }
  if (open)
    {
      tei_writer_end (writer);
      tei_writer_end (writer);
    }
}

/* One font's verdict, method and counts, as a gloss item. */
static char *
font_check_text (const RectoFontCheck *check)
{
  g_autofree char *context =
      check->from_context > 0
          ? g_strdup_printf (", of them from the document's good text %u", check->from_context)
          : g_strdup ("");
  g_autofree char *shape =
      check->from_shape > 0 ? g_strdup_printf (", of them from their shape %u", check->from_shape)
                            : g_strdup ("");
  return g_strdup_printf ("%s: %s (glyphs %u; codes compared with OCR %u, disagreeing %u; "
                          "recovered %u, re-decoded %u, re-read %u, replaced %u%s%s, left "
                          "unasserted %u; stage %s)",
                          recto_font_verdict_name (check->verdict), check->method, check->glyphs,
                          check->sampled, check->disagreed, check->recovered, check->redecoded,
                          check->reread, check->replaced, context, shape, check->unasserted,
                          check->stage != NULL ? check->stage : "?");
}

/* What each font's text layer was found to be, checked against its glyphs, and the counts of
 * what became of the glyphs: a <p> with the totals and a gloss list font by font. */
static void
write_font_checks (TeiWriter *writer, RectoDocument *doc)
{
  guint n = recto_document_get_n_font_checks (doc);
  g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  RectoFontCheck total = { 0 };
  g_autofree char *summary = NULL;

  if (n == 0)
    return;
  for (guint i = 0; i < n; i++)
    {
      const RectoFontCheck *check = recto_document_get_font_check (doc, i);
      total.recovered += check->recovered;
      total.redecoded += check->redecoded;
      total.reread += check->reread;
      total.replaced += check->replaced;
      total.unasserted += check->unasserted;
      total.from_context += check->from_context;
      total.from_shape += check->from_shape;
      g_ptr_array_add (labels, check->font != NULL ? recto_text_escape_bytes (check->font)
                                                   : g_strdup ("(no font: read from the page image)"));
      g_ptr_array_add (items, font_check_text (check));
    }
  summary = g_strdup_printf ("Text layer checked font by font: glyphs recovered %u, re-decoded "
                             "%u, re-read %u, replaced %u, left unasserted %u.%s%s",
                             total.recovered, total.redecoded, total.reread, total.replaced,
                             total.unasserted,
                             total.from_context > 0 ? " Some recovered or replaced glyphs were "
                                                      "read from the document's good text (see "
                                                      "each font)."
                                                    : "",
                             total.from_shape > 0 ? " Some recovered or replaced glyphs were read "
                                                    "from their shape, matched with glyphs of "
                                                    "fonts with a good map (see each font)."
                                                  : "");
  tei_writer_start (writer, "p", FALSE);
  tei_writer_attribute (writer, "xml:id", "font-checks");
  tei_writer_element (writer, "note", summary);
  write_gloss_list (writer, n, (const char *const *) labels->pdata,
                    (const char *const *) items->pdata);
  tei_writer_end (writer);
}

static void
write_encoding_desc (TeiWriter *writer, RectoDocument *doc)
{
  tei_writer_start (writer, "encodingDesc", FALSE);
  tei_writer_start (writer, "appInfo", FALSE);
  tei_writer_start (writer, "application", FALSE);
  tei_writer_attribute (writer, "ident", "recto");
  tei_writer_attribute (writer, "version", RECTO_VERSION);
  tei_writer_element (writer, "label", "recto");
  tei_writer_end (writer);
  for (guint i = 0; i < recto_document_get_n_stages (doc); i++)
    {
      const char *const *values = NULL;
      const RectoStageInfo *info = recto_document_get_stage (doc, i, &values);
      write_application (writer, info, values);
    }
  tei_writer_end (writer);
  write_repair_taxonomy (writer, doc);
  tei_write_char_decls (writer, doc);
  write_font_checks (writer, doc);
  tei_writer_end (writer);
}

static const char *
language_name (const char *tag)
{
  static const char *const names[][2] = {
    { "zh", "Chinese" },
    { "zh-Hans", "Chinese (simplified)" },
    { "zh-Hant", "Chinese (traditional)" },
    { "ja", "Japanese" },
    { "ko", "Korean" },
    { "en", "English" },
    { "und", "Undetermined" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (names[i][0], tag))
      return names[i][1];
  return tag;
}

void
tei_write_header (TeiWriter *writer, RectoDocument *doc, const char *language, const char *date)
{
  tei_writer_start (writer, "teiHeader", FALSE);
  write_file_desc (writer, doc, date);
  write_encoding_desc (writer, doc);
  tei_writer_start (writer, "profileDesc", FALSE);
  tei_writer_start (writer, "langUsage", FALSE);
  tei_writer_start (writer, "language", TRUE);
  tei_writer_attribute (writer, "ident", language);
  tei_writer_text (writer, language_name (language));
  tei_writer_end (writer);
  tei_writer_end (writer);
  tei_writer_end (writer);
  tei_writer_end (writer);
}
