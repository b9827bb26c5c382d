/* text-source: reads a plain-text extraction (what other tools made of a volume, often with the
 * PDF since lost) into the same document the PDF path builds, without geometry: one page per
 * form feed, one line per line of text. Later stages repair what the text allows.
 *
 * The encoding is UTF-8 (with or without a byte-order mark), UTF-16 or UTF-32 (with a
 * byte-order mark or without), or GB18030 (which covers GBK and GB2312), found from the bytes
 * unless the `encoding` option says (text-decode.c). Bytes that cannot be read are kept as
 * U+FFFD and warned about; bytes in no encoding give an error naming the byte offset. */
#include <string.h>

#include <recto/recto.h>

#include "text-decode.h"

typedef struct
{
  int encoding;
} TextSourceConfig;

static const RectoOption text_source_options[] = {
  { .name = "encoding",
    .type = RECTO_OPTION_CHOICE,
    .default_value = "auto",
    .choices = "auto|utf-8|gb18030|utf-16",
    .blurb = "Character encoding of the text: auto finds UTF-8, UTF-16 or UTF-32 (by a "
             "byte-order mark or their NUL bytes) or GB18030 from the bytes; a few broken bytes in "
             "UTF-8 are kept as U+FFFD, with a warning",
    .offset = G_STRUCT_OFFSET (TextSourceConfig, encoding) },
  { NULL },
};

static const guint8 utf8_bom[] = { 0xEF, 0xBB, 0xBF };

/* Text has no control characters but tabs, line ends and form feeds; binary files have. */
static gboolean
has_control_bytes (const guint8 *data, gsize length)
{
  for (gsize i = 0; i < length; i++)
    if ((data[i] < 0x20 && data[i] != '\t' && data[i] != '\n' && data[i] != '\r' && data[i] != '\f')
        || data[i] == 0x7F)
      return TRUE;
  return FALSE;
}

/* Whether the first bytes look like text: no control bytes (outside UTF-16), and valid UTF-8 up
 * to a character that the cut may have split, or else high bytes that GB18030 may hold. */
static guint
text_source_probe (const char *name, const guint8 *head, gsize length)
{
  g_autofree char *lower_name = name != NULL ? g_ascii_strdown (name, -1) : NULL;
  gboolean named_text = lower_name != NULL && g_str_has_suffix (lower_name, ".txt");
  const char *end = NULL;

  if (text_decode_is_wide (head, length)
      || (length >= 3 && memcmp (head, utf8_bom, 3) == 0))
    return 80;
  if (has_control_bytes (head, length))
    return named_text ? 40 : 0;
  if (g_utf8_validate ((const char *) head, length, &end)
      || (const guint8 *) end + 4 > head + length)
    return 70;
  /* Not UTF-8: legacy Chinese text, or binary. Let the decoder tell. */
  return named_text ? 60 : 30;
}

/* Adds @text's lines to the document, a new page at every form feed. */
static void
add_lines (RectoDocument *doc, const char *text)
{
  g_auto (GStrv) pages = g_strsplit (text, "\f", -1);

  for (guint p = 0; pages[p] != NULL; p++)
    {
      RectoPage *page = recto_document_add_page (doc, 0, 0, NULL);
      g_auto (GStrv) lines = NULL;
      char *body = pages[p];
      gsize n;

      /* A form feed usually ends a line: the page's text starts after that line end. */
      if (p > 0 && *body == '\n')
        body++;
      n = strlen (body);
      if (n > 0 && body[n - 1] == '\n')
        body[n - 1] = '\0';
      if (*body == '\0' && pages[p + 1] == NULL && p > 0)
        {
          /* A final form feed opens no page of its own. */
          continue;
        }
      lines = g_strsplit (body, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        /* Leading white space stays: it is a paragraph's indent. */
        recto_page_add_line (page, g_strchomp (lines[i]), NULL);
    }
}

static gboolean
text_source_process (RectoStageContext *ctx, RectoDocument *doc, const void *config_data,
                     GError **error)
{
  const TextSourceConfig *config = config_data;
  GBytes *input = recto_stage_context_get_input (ctx);
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (input, &length);
  g_autofree char *text = text_decode (data, length, config->encoding, ctx, error);

  if (text == NULL)
    return FALSE;
  /* One line-end convention from here on. */
  {
    g_autoptr (GRegex) line_ends = g_regex_new ("\\r\\n?", 0, 0, NULL);
    g_autofree char *unix_text = g_regex_replace_literal (line_ends, text, -1, 0, "\n", 0, NULL);
    add_lines (doc, unix_text);
  }
  return TRUE;
}

static const RectoStageInfo text_source_info = {
  .abi_version = RECTO_STAGE_ABI_VERSION,
  .name = "text-source",
  .summary = "Reads a plain-text extraction (UTF-8, UTF-16, UTF-32 or GB18030): "
             "a page per form feed, a line per line, no geometry",
  .version = RECTO_VERSION,
  .license = "LGPL-2.1-or-later",
  .kind = RECTO_STAGE_SOURCE,
  .options = text_source_options,
  .config_size = sizeof (TextSourceConfig),
  .probe = text_source_probe,
  .process = text_source_process,
};

RECTO_STAGE_DEFINE (text_source_info)
