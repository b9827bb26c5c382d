/* pdf-source: reads a PDF's text layer with Poppler: every glyph with its box, runs of glyphs
 * sharing a font (spans), page sizes and labels, the document's metadata and outline.
 *
 * Poppler's page text includes the spaces it infers between words and a '\n' at each of its
 * line ends; the spaces are kept as glyphs (they carry word boundaries), the line ends are not
 * (lines are rebuilt from geometry by a later stage). */
#include <poppler.h>
#include <string.h>

#include <recto/recto.h>

typedef struct
{
  char *password;
  gboolean allow_damaged;
} PdfSourceConfig;

static const RectoOption pdf_source_options[] = {
  { .name = "password",
    .type = RECTO_OPTION_STRING,
    .blurb = "Password of an encrypted PDF (user or owner password)",
    .offset = G_STRUCT_OFFSET (PdfSourceConfig, password),
    .flags = RECTO_OPTION_SECRET },
  { .name = "allow-damaged",
    .type = RECTO_OPTION_BOOLEAN,
    .default_value = "false",
    .blurb = "Convert what Poppler can read of a truncated or damaged PDF instead of failing",
    .offset = G_STRUCT_OFFSET (PdfSourceConfig, allow_damaged) },
  { NULL },
};

/* The trailer's "%%EOF" must be near the end; without it the file was cut short, and Poppler
 * would silently reconstruct what it can (dropping pages). 1024 bytes is the PDF reference's
 * tolerance for trailing bytes. */
static gboolean
has_eof_marker (const guint8 *data, gsize length)
{
  gsize window = MIN (length, 1024);
  /* memmem, not a string search: the bytes before the marker are binary and may hold NULs. */
  return memmem (data + length - window, window, "%%EOF", 5) != NULL;
}

static gboolean
starts_like_pdf (const guint8 *data, gsize length)
{
  return memmem (data, MIN (length, 1024), "%PDF-", 5) != NULL;
}

static guint
pdf_source_probe (const char *name, const guint8 *head, gsize length)
{
  g_autofree char *lower_name = name != NULL ? g_ascii_strdown (name, -1) : NULL;

  if (starts_like_pdf (head, length))
    return 100;
  /* A file named .pdf is ours even if it is not a PDF, so the user hears exactly that. */
  if (lower_name != NULL && g_str_has_suffix (lower_name, ".pdf"))
    return 90;
  return 0;
}

static PopplerDocument *
open_document (GBytes *input, const PdfSourceConfig *config, RectoStageContext *ctx, GError **error)
{
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (input, &length);
  g_autoptr (GError) poppler_error = NULL;
  PopplerDocument *document;

  if (!starts_like_pdf (data, length))
    {
      g_set_error (error, RECTO_ERROR, RECTO_ERROR_INPUT_INVALID,
                   "not a PDF file (no %%PDF- header)");
      return NULL;
    }
  if (!has_eof_marker (data, length))
    {
      if (!config->allow_damaged)
        {
          g_set_error (error, RECTO_ERROR, RECTO_ERROR_INPUT_INVALID,
                       "truncated PDF (no %%%%EOF at its end); pdf-source allow-damaged=true "
                       "converts what is readable");
          return NULL;
        }
      recto_stage_context_warn (ctx, "truncated PDF (no %%%%EOF at its end): pages may be lost");
    }

  document = poppler_document_new_from_bytes (input, config->password, &poppler_error);
  if (document != NULL)
    return document;
  if (g_error_matches (poppler_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
    g_set_error (error, RECTO_ERROR, RECTO_ERROR_ENCRYPTED,
                 config->password != NULL
                     ? "encrypted PDF: the password given is wrong"
                     : "encrypted PDF: give its password with --pipeline 'pdf-source "
                       "password=…'");
  else
    g_set_error (error, RECTO_ERROR, RECTO_ERROR_INPUT_INVALID, "damaged PDF: %s",
                 poppler_error->message);
  return NULL;
}

static void
set_date (RectoDocument *doc, const char *key, GDateTime *date)
{
  g_autofree char *text = NULL;

  if (date == NULL)
    return;
  text = g_date_time_format_iso8601 (date);
  recto_document_set_metadata (doc, key, text);
  g_date_time_unref (date);
}

static void
read_metadata (PopplerDocument *document, RectoDocument *doc)
{
  struct
  {
    const char *key;
    char *(*get) (PopplerDocument *);
  } const fields[] = {
    { "title", poppler_document_get_title },
    { "author", poppler_document_get_author },
    { "subject", poppler_document_get_subject },
    { "keywords", poppler_document_get_keywords },
    { "creator", poppler_document_get_creator },
    { "producer", poppler_document_get_producer },
    { "pdf-version", poppler_document_get_pdf_version_string },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *value = fields[i].get (document);
      if (value != NULL)
        g_strstrip (value);
      recto_document_set_metadata (doc, fields[i].key, value);
    }
  set_date (doc, "created", poppler_document_get_creation_date_time (document));
  set_date (doc, "modified", poppler_document_get_modification_date_time (document));
}

/* The 0-based page an outline action leads to, or -1. */
static int
action_page (PopplerDocument *document, PopplerAction *action)
{
  PopplerDest *dest;
  int page;

  if (action == NULL || action->type != POPPLER_ACTION_GOTO_DEST || action->goto_dest.dest == NULL)
    return -1;
  dest = action->goto_dest.dest;
  if (dest->type != POPPLER_DEST_NAMED)
    return dest->page_num - 1;
  dest = poppler_document_find_dest (document, dest->named_dest);
  if (dest == NULL)
    return -1;
  page = dest->page_num - 1;
  poppler_dest_free (dest);
  return page;
}

static void
read_outline_level (PopplerDocument *document, PopplerIndexIter *iter, guint level,
                    RectoDocument *doc)
{
  do
    {
      PopplerAction *action = poppler_index_iter_get_action (iter);
      PopplerIndexIter *child;

      if (action != NULL && action->any.title != NULL)
        recto_document_add_outline_entry (doc, level, action->any.title,
                                          action_page (document, action));
      if (action != NULL)
        poppler_action_free (action);
      child = poppler_index_iter_get_child (iter);
      if (child != NULL)
        {
          read_outline_level (document, child, level + 1, doc);
          poppler_index_iter_free (child);
        }
    }
  while (poppler_index_iter_next (iter));
}

static void
read_outline (PopplerDocument *document, RectoDocument *doc)
{
  PopplerIndexIter *iter = poppler_index_iter_new (document);

  if (iter == NULL)
    return;
  read_outline_level (document, iter, 1, doc);
  poppler_index_iter_free (iter);
}

static guint32
font_flags (const PopplerTextAttributes *attributes)
{
  g_autofree char *lower =
      g_ascii_strdown (attributes->font_name != NULL ? attributes->font_name : "", -1);
  guint32 flags = 0;

  if (strstr (lower, "bold") || strstr (lower, "heavy") || strstr (lower, "black")
      || strstr (lower, "semibold") || strstr (lower, "demi"))
    flags |= RECTO_FONT_BOLD;
  if (strstr (lower, "italic") || strstr (lower, "oblique"))
    flags |= RECTO_FONT_ITALIC;
  if (attributes->is_underlined)
    flags |= RECTO_FONT_UNDERLINE;
  return flags;
}

/* Adds the glyphs [from, to) of the page text as one span, leaving out Poppler's line ends. */
static void
add_span (RectoDocument *doc, RectoPage *page, const PopplerTextAttributes *attributes,
          const gunichar *chars, const PopplerRectangle *rects, guint from, guint to,
          GArray *char_buffer, GArray *box_buffer)
{
  g_array_set_size (char_buffer, 0);
  g_array_set_size (box_buffer, 0);
  for (guint i = from; i < to; i++)
    {
      RectoBox box = { rects[i].x1, rects[i].y1, rects[i].x2, rects[i].y2 };
      if (chars[i] == '\n')
        continue;
      g_array_append_val (char_buffer, chars[i]);
      g_array_append_val (box_buffer, box);
    }
  recto_page_add_span (doc, page, attributes != NULL ? attributes->font_name : NULL,
                       attributes != NULL ? (float) attributes->font_size : 0,
                       attributes != NULL ? font_flags (attributes) : 0,
                       (const gunichar *) char_buffer->data, (const RectoBox *) box_buffer->data,
                       char_buffer->len);
}

static void
read_page_text (PopplerPage *ppage, RectoDocument *doc, RectoPage *page, RectoStageContext *ctx,
                GArray *char_buffer, GArray *box_buffer)
{
  g_autofree char *text = poppler_page_get_text (ppage);
  g_autofree PopplerRectangle *rects = NULL;
  g_autofree gunichar *chars = NULL;
  guint n_rects = 0;
  glong n_chars = 0;
  GList *attributes;
  guint next = 0;

  if (text == NULL || *text == '\0')
    return;
  chars = g_utf8_to_ucs4_fast (text, -1, &n_chars);
  if (!poppler_page_get_text_layout (ppage, &rects, &n_rects) || n_rects != (guint) n_chars)
    {
      recto_stage_context_warn (ctx,
                                "page %u: Poppler gave %u glyph boxes for %ld characters;"
                                " the text is kept without boxes",
                                page->index + 1, n_rects, n_chars);
      g_clear_pointer (&rects, g_free);
      rects = g_new0 (PopplerRectangle, n_chars);
    }

  /* Attribute runs cover the text in order; end_index is inclusive. Characters outside every
   * run (none are expected) still become glyphs, in a span without a font. */
  attributes = poppler_page_get_text_attributes (ppage);
  for (GList *l = attributes; l != NULL; l = l->next)
    {
      const PopplerTextAttributes *run = l->data;
      guint from = MAX ((guint) run->start_index, next);
      guint to = MIN ((guint) run->end_index + 1, (guint) n_chars);
      if (from > next)
        add_span (doc, page, NULL, chars, rects, next, from, char_buffer, box_buffer);
      if (to > from)
        add_span (doc, page, run, chars, rects, from, to, char_buffer, box_buffer);
      next = MAX (next, to);
    }
  if (next < (guint) n_chars)
    add_span (doc, page, NULL, chars, rects, next, n_chars, char_buffer, box_buffer);
  poppler_page_free_text_attributes (attributes);
}

static gboolean
pdf_source_process (RectoStageContext *ctx, RectoDocument *doc, const void *config_data,
                    GError **error)
{
  const PdfSourceConfig *config = config_data;
  PopplerDocument *document; /* Poppler 22 declares no autoptr cleanup for its types */
  g_autoptr (GArray) char_buffer = g_array_new (FALSE, FALSE, sizeof (gunichar));
  g_autoptr (GArray) box_buffer = g_array_new (FALSE, FALSE, sizeof (RectoBox));
  g_autoptr (GString) textless = g_string_new (NULL);
  guint n_textless = 0;
  int n_pages;

  document = open_document (recto_stage_context_get_input (ctx), config, ctx, error);
  if (document == NULL)
    return FALSE;
  read_metadata (document, doc);
  read_outline (document, doc);

  n_pages = poppler_document_get_n_pages (document);
  for (int i = 0; i < n_pages; i++)
    {
      PopplerPage *ppage = poppler_document_get_page (document, i);
      g_autofree char *label = NULL;
      double width = 0, height = 0;
      RectoPage *page;

      if (ppage == NULL)
        {
          recto_stage_context_warn (ctx, "page %d cannot be read; it is kept empty", i + 1);
          recto_document_add_page (doc, 0, 0, NULL);
          continue;
        }
      poppler_page_get_size (ppage, &width, &height);
      label = poppler_page_get_label (ppage);
      page = recto_document_add_page (doc, width, height, label);
      read_page_text (ppage, doc, page, ctx, char_buffer, box_buffer);
      g_object_unref (ppage);
      if (page->chars->len == 0)
        {
          g_string_append_printf (textless, "%s%d", n_textless > 0 ? ", " : "", i + 1);
          n_textless++;
        }
    }
  g_object_unref (document);
  if (n_pages == 0)
    recto_stage_context_warn (ctx, "the PDF has no pages");
  if (n_textless > 0)
    recto_stage_context_warn (ctx, "%u of %d pages have no text layer (pages %s)", n_textless,
                              n_pages, textless->str);
  return TRUE;
}

static const RectoStageInfo pdf_source_info = {
  .abi_version = RECTO_STAGE_ABI_VERSION,
  .name = "pdf-source",
  .summary = "Reads a PDF's text layer with Poppler: glyphs with boxes and fonts, page sizes "
             "and labels, metadata and outline",
  .version = RECTO_VERSION,
  .license = "LGPL-2.1-or-later",
  .kind = RECTO_STAGE_SOURCE,
  .options = pdf_source_options,
  .config_size = sizeof (PdfSourceConfig),
  .probe = pdf_source_probe,
  .process = pdf_source_process,
};

RECTO_STAGE_DEFINE (pdf_source_info)
