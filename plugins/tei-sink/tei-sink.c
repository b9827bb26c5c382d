/* tei-sink: writes the document as TEI P5 XML with libxml2: a header with the source's
 * fingerprint and the provenance of every stage, a facsimile of page surfaces with a zone for
 * each block, and the body from the block tree. The output depends only on the document and the options (a date appears
 * only when SOURCE_DATE_EPOCH asks for one), so re-runs give identical bytes. */
#include <string.h>

#include <libxml/parser.h>

#include <recto/recto.h>

#include "tei-body.h"
#include "tei-header.h"
#include "tei-writer.h"

typedef struct
{
  char *language;
  gboolean zones;
} TeiSinkConfig;

static const RectoOption tei_sink_options[] = {
  { .name = "language",
    .type = RECTO_OPTION_STRING,
    .default_value = "auto",
    .blurb = "Main language of the text as a BCP 47 tag, or 'auto' to tell Chinese, Japanese, "
             "Korean and English apart by script and common words",
    .offset = G_STRUCT_OFFSET (TeiSinkConfig, language) },
  { .name = "zones",
    .type = RECTO_OPTION_BOOLEAN,
    .default_value = "true",
    .blurb = "Give each block a facsimile zone per page and column it covers (its box on the "
             "page, in points) and point at it with @facs; what `recto review` draws",
    .offset = G_STRUCT_OFFSET (TeiSinkConfig, zones) },
  { NULL },
};

/* Guesses the main language from the glyphs, or from the lines of a page without glyphs (a
 * text input's) (recto-language.h). */
static const char *
guess_language (RectoDocument *doc)
{
  RectoScriptCounts counts = { 0 };

  for (guint i = 0; i < recto_document_get_n_pages (doc); i++)
    {
      const RectoPage *page = recto_document_get_page (doc, i);
      recto_language_count (&counts, (const gunichar *) page->chars->data, page->chars->len);
      for (guint j = 0; page->chars->len == 0 && j < page->lines->len; j++)
        recto_language_count_text (&counts,
                             ((const RectoLine *) g_ptr_array_index (page->lines, j))->text);
    }
  return recto_language_decide (&counts, 0);
}

/* The date SOURCE_DATE_EPOCH asks for (YYYY-MM-DD, UTC), or NULL. */
static char *
requested_date (RectoStageContext *ctx)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  g_autoptr (GDateTime) date = NULL;
  char *end = NULL;
  gint64 seconds;

  if (epoch == NULL || *epoch == '\0')
    return NULL;
  seconds = g_ascii_strtoll (epoch, &end, 10);
  date = *end == '\0' ? g_date_time_new_from_unix_utc (seconds) : NULL;
  if (date == NULL)
    {
      recto_stage_context_warn (ctx, "SOURCE_DATE_EPOCH '%s' is not a time; no date written",
                                epoch);
      return NULL;
    }
  /* %Y would not pad years before 1000; TEI's @when wants four digits. */
  return g_strdup_printf ("%04d-%02d-%02d", g_date_time_get_year (date),
                          g_date_time_get_month (date), g_date_time_get_day_of_month (date));
}

/* A BCP 47 tag in its common shape: a 2-3 letter language, then subtags of 1-8 letters or digits
 * ("zh", "zh-Hans", "en-GB", "yue-Hant-HK"); enough to keep junk out of xml:lang. */
static gboolean
is_language_tag (const char *tag)
{
  g_auto (GStrv) parts = g_strsplit (tag, "-", -1);
  gsize first = strlen (parts[0]);

  if (first < 2 || first > 3)
    return FALSE;
  for (guint i = 0; parts[i] != NULL; i++)
    {
      gsize n = strlen (parts[i]);
      if (n < 1 || n > 8)
        return FALSE;
      for (const char *c = parts[i]; *c != '\0'; c++)
        if (!(i == 0 ? g_ascii_isalpha (*c) : g_ascii_isalnum (*c)))
          return FALSE;
    }
  return TRUE;
}

static gboolean
tei_sink_process (RectoStageContext *ctx, RectoDocument *doc, const void *config_data,
                  GError **error)
{
  const TeiSinkConfig *config = config_data;
  gboolean automatic = g_str_equal (config->language, "auto");
  const char *language = automatic ? guess_language (doc) : config->language;
  g_autofree char *date = NULL;
  g_autoptr (TeiZones) zones = NULL;
  TeiWriter *writer;

  if (!automatic && !is_language_tag (language))
    {
      g_set_error (error, RECTO_ERROR, RECTO_ERROR_USAGE,
                   "option 'language': '%s' is not a language tag such as 'zh' or 'en-GB'",
                   language);
      return FALSE;
    }
  date = requested_date (ctx);
  writer = tei_writer_new (recto_stage_context_get_output (ctx));

  tei_writer_start (writer, "TEI", FALSE);
  tei_writer_attribute (writer, "xmlns", "http://www.tei-c.org/ns/1.0");
  tei_writer_attribute (writer, "xml:lang", language);
  tei_write_header (writer, doc, language, date);
  if (config->zones)
    zones = tei_zones_new (doc);
  tei_write_facsimile (writer, doc, zones);
  tei_write_text (writer, doc, zones, language);
  tei_writer_end (writer);
  if (!tei_writer_finish (writer, error))
    {
      g_prefix_error (error, "cannot write the TEI: ");
      return FALSE;
    }
  return TRUE;
}

static const RectoStageInfo tei_sink_info = {
  .abi_version = RECTO_STAGE_ABI_VERSION,
  .name = "tei-sink",
  .summary = "Writes TEI P5 XML: header with source checksum and stage provenance, page "
             "surfaces, and the text with every repair marked",
  .version = RECTO_VERSION,
  .license = "LGPL-2.1-or-later",
  .kind = RECTO_STAGE_SINK,
  .options = tei_sink_options,
  .config_size = sizeof (TeiSinkConfig),
  .process = tei_sink_process,
};

RECTO_STAGE_DEFINE (tei_sink_info)

/* libxml2 is loaded and unloaded with this module. Initialising it when the module is opened
 * and cleaning up when it is closed (GModule calls these two hooks) releases its global state,
 * instead of leaving it behind as unreachable memory. */
G_MODULE_EXPORT const char *g_module_check_init (GModule *module);
G_MODULE_EXPORT void g_module_unload (GModule *module);

const char *
g_module_check_init (GModule *module)
{
  xmlInitParser ();
  return NULL;
}

void
g_module_unload (GModule *module)
{
  xmlCleanupParser ();
}
