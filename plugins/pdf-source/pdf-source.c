/* pdf-source: reads a PDF's text layer with Poppler: every glyph with its box, runs of glyphs
 * sharing a font (spans), page sizes and labels, the document's metadata and outline.
 *
 * Poppler's page text (text-layer.cc) includes the spaces it infers between words; they are kept
 * as glyphs (they carry word boundaries). Lines are rebuilt from geometry by a later stage.
 *
 * Pages are read on every thread recto_get_n_threads() allows, each thread with a
 * PopplerDocument and a TextLayer of its own (page-reader.c), and added to the document in page
 * order. */
#include <poppler.h>
#include <string.h>

#include <recto/recto.h>

#include "drawing-input.h"
#include "font-subsets.h"
#include "page-reader.h"
#include "page-renderer.h"

typedef struct
{
  char *password;
  gboolean allow_damaged;
  int max_outline_depth;
  int max_page_chars;
  int max_chars;
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
  { .name = "max-outline-depth",
    .type = RECTO_OPTION_INT,
    .default_value = "64",
    .minimum = 1,
    .maximum = 10000,
    .blurb = "Outline (bookmark) levels read; deeper entries are left out with a warning (a "
             "hostile outline nests 100,000 levels)",
    .offset = G_STRUCT_OFFSET (PdfSourceConfig, max_outline_depth) },
  { .name = "max-page-chars",
    .type = RECTO_OPTION_INT,
    .default_value = "1000000",
    .minimum = 1,
    .maximum = G_MAXINT,
    .blurb = "Characters one page may hold (a dense page holds a few thousand); a page with more "
             "fails the file (exit code 4), as a decompression bomb would",
    .offset = G_STRUCT_OFFSET (PdfSourceConfig, max_page_chars) },
  { .name = "max-chars",
    .type = RECTO_OPTION_INT,
    .default_value = "50000000",
    .minimum = 1,
    .maximum = G_MAXINT,
    .blurb = "Characters the whole PDF may hold (each takes some 60 bytes of memory with its box); "
             "more fails the file (exit code 4)",
    .offset = G_STRUCT_OFFSET (PdfSourceConfig, max_chars) },
  { NULL },
};

/* The trailer's "%%EOF" must be near the end; without it the file was cut short, and Poppler
 * would silently reconstruct what it can (dropping pages). 1024 bytes is the PDF reference's
 * tolerance for trailing bytes. */
static gboolean
has_eof_marker (const guint8 *data, gsize length)
{
  gsize window = MIN (length, 1024);
  /* memmem, not a string search: the bytes before the marker are binary and may hold NULs.
   * Empty input has no data pointer at all. */
  return length > 0 && memmem (data + length - window, window, "%%EOF", 5) != NULL;
}

static gboolean
starts_like_pdf (const guint8 *data, gsize length)
{
  return length > 0 && memmem (data, MIN (length, 1024), "%PDF-", 5) != NULL;
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

/* Opens @input with Poppler. With a password, through a memory stream: Poppler 22.12's
 * poppler_document_new_from_bytes() crashes when the password is wrong (its retry with the
 * password as UTF-8 casts a copy of its stream to a class the copy is not, and reads NULL);
 * poppler_document_new_from_stream() retries safely. */
static PopplerDocument *
new_document (GBytes *input, const char *password, GError **error)
{
  g_autoptr (GInputStream) stream = NULL;

  if (password == NULL)
    return poppler_document_new_from_bytes (input, NULL, error);
  stream = g_memory_input_stream_new_from_bytes (input);
  return poppler_document_new_from_stream (stream, (goffset) g_bytes_get_size (input), password,
                                           NULL, error);
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

  document = new_document (input, config->password, &poppler_error);
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

/* Reads one level of the outline and, below @max_depth, the levels under it; sets
 * *@cut when a deeper level was left out. */
static void
read_outline_level (PopplerDocument *document, PopplerIndexIter *iter, guint level,
                    guint max_depth, RectoDocument *doc, gboolean *cut)
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
      if (child != NULL && level >= max_depth)
        *cut = TRUE;
      else if (child != NULL)
        read_outline_level (document, child, level + 1, max_depth, doc, cut);
      if (child != NULL)
        poppler_index_iter_free (child);
    }
  while (poppler_index_iter_next (iter));
}

/* The outline, to @max_depth levels: deeper ones are left out with a warning, as a hostile
 * PDF nests them by the hundred thousand (each level costs a stack frame and Poppler a
 * walk). */
static void
read_outline (PopplerDocument *document, guint max_depth, RectoDocument *doc,
              RectoStageContext *ctx)
{
  PopplerIndexIter *iter = poppler_index_iter_new (document);
  gboolean cut = FALSE;

  if (iter == NULL)
    return;
  read_outline_level (document, iter, 1, max_depth, doc, &cut);
  poppler_index_iter_free (iter);
  if (cut)
    recto_stage_context_warn (ctx,
                              "the outline nests deeper than %u levels: its entries below "
                              "are left out (pdf-source max-outline-depth)",
                              max_depth);
}

/* Pages are read in chunks of this many per thread: enough that a slow page does not leave
 * the other threads idle for long, few enough that only a handful of pages wait in memory
 * beside the document. */
#define PAGES_PER_THREAD 4

typedef struct
{
  GBytes *input;
  const char *password;
  /* One document per worker: Poppler objects must never be shared between threads. [0] is
   * the stage's own (only one thread uses a slot at a time); the others open on first use. */
  PopplerDocument **documents;
  TextLayer **layers; /* the same PDF, opened for its text layer, one per worker likewise */
  guint n_documents;
  PageText *texts; /* the chunk's pages */
  int first; /* the chunk's first page */
  glong max_page_chars;
} PageReading;

/* A recto_parallel_for() function: reads page first + @index into its slot, and nothing else. */
static void
read_page (guint index, guint worker, gpointer data)
{
  PageReading *reading = data;
  PopplerDocument **document;
  TextLayer **layer;

  if (reading->texts[index].read)
    return; /* the first page, read before the threads start */
  if (worker >= reading->n_documents)
    return; /* cannot happen; the calling thread reads the page */
  document = &reading->documents[worker];
  layer = &reading->layers[worker];
  if (*document == NULL)
    *document = new_document (reading->input, reading->password, NULL);
  if (*layer == NULL)
    *layer = text_layer_open (reading->input, reading->password);
  /* The first document opened, so these should: if not, the calling thread reads the page
   * after the chunk, and the result is the same. */
  if (*document != NULL && *layer != NULL)
    page_text_read (&reading->texts[index], *document, *layer, reading->first + (int) index,
                    reading->max_page_chars);
}

/* Whether @text keeps within the bounds on characters (@config): else sets an error. */
static gboolean
check_bounds (const PageText *text, guint64 *total, const PdfSourceConfig *config, GError **error)
{
  if (text->too_many_chars > 0)
    {
      g_set_error (error, RECTO_ERROR, RECTO_ERROR_INPUT_INVALID,
                   "page %d holds %ld characters, more than a page may (pdf-source "
                   "max-page-chars=%d)",
                   text->index + 1, text->too_many_chars, config->max_page_chars);
      return FALSE;
    }
  *total += text->chars != NULL ? text->chars->len : 0;
  if (*total > (guint64) config->max_chars)
    {
      g_set_error (error, RECTO_ERROR, RECTO_ERROR_INPUT_INVALID,
                   "the PDF holds more than %d characters by page %d (pdf-source max-chars)",
                   config->max_chars, text->index + 1);
      return FALSE;
    }
  return TRUE;
}

/* Lists the images of every page of @doc that has text and whose images were not listed: some
 * page is a scan under an OCR engine's text layer, which recover-text checks. */
static void
add_all_images (RectoDocument *doc, PopplerDocument *document)
{
  for (guint p = 0; p < recto_document_get_n_pages (doc); p++)
    {
      RectoPage *page = recto_document_get_page (doc, p);
      if (page->images == NULL && page->chars->len > 0)
        page_images_add (page, document);
    }
}

/* Reads every page of @document into @doc, over recto_get_n_threads() threads, adding the
 * pages and their warnings in page order, so the output does not depend on the threads. Fails
 * when a page, or the whole, holds more characters than @config allows. Notes in @span_names
 * the spans the font scan cannot tell apart (page_text_add()). */
static gboolean
read_pages (PopplerDocument *document, GBytes *input, const PdfSourceConfig *config,
            RectoDocument *doc, RectoStageContext *ctx, GHashTable *span_names,
            GError **error)
{
  int n_pages = poppler_document_get_n_pages (document);
  /* Never more threads, each with a document of its own, than pages. */
  guint n_threads = CLAMP ((guint) MAX (n_pages, 0), 1, recto_get_n_threads ());
  guint chunk = PAGES_PER_THREAD * n_threads;
  g_autofree PopplerDocument **documents = g_new0 (PopplerDocument *, n_threads);
  g_autofree TextLayer **layers = g_new0 (TextLayer *, n_threads);
  g_autofree PageText *texts = g_new0 (PageText, chunk);
  PageReading reading = {
    .input = input,
    .password = config->password,
    .documents = documents,
    .layers = layers,
    .n_documents = n_threads,
    .texts = texts,
    .max_page_chars = config->max_page_chars,
  };
  g_autoptr (RectoPageList) textless = recto_page_list_new ();
  guint64 total = 0;
  gboolean ok = TRUE, scans_under_text = FALSE;

  documents[0] = document;
  layers[0] = text_layer_open (input, config->password);
  if (layers[0] == NULL)
    {
      g_set_error (error, RECTO_ERROR, RECTO_ERROR_INPUT_INVALID,
                   "damaged PDF: Poppler opened it once, not for its text layer");
      return FALSE;
    }
  /* Poppler 22.12 makes process-wide state the first time it lays out a page (GfxState's
   * shared sRGB and XYZ colour profiles) without a lock: the calling thread reads the first
   * page alone, so that the threads find that state made. */
  if (n_pages > 0)
    page_text_read (&texts[0], document, layers[0], 0, config->max_page_chars);
  for (int first = 0; ok && first < n_pages; first += (int) chunk)
    {
      guint n = MIN (chunk, (guint) (n_pages - first));

      reading.first = first;
      recto_parallel_for (n, read_page, &reading);
      for (guint i = 0; i < n; i++)
        {
          PageText *text = &texts[i];
          RectoPage *page;

          if (!text->read)
            page_text_read (text, document, layers[0], first + (int) i, config->max_page_chars);
          ok = ok && check_bounds (text, &total, config, error);
          scans_under_text = scans_under_text || page_text_under_scan (text);
          if (ok)
            {
              page = page_text_add (text, doc, ctx, span_names);
              if (text->readable && page->chars->len == 0)
                recto_page_list_add (textless, (guint) first + i + 1);
            }
          page_text_clear (text);
        }
    }
  for (guint w = 1; w < n_threads; w++)
    g_clear_object (&documents[w]);
  for (guint w = 0; w < n_threads; w++)
    g_clear_pointer (&layers[w], text_layer_free);
  if (!ok)
    return FALSE;
  if (scans_under_text)
    add_all_images (doc, document);

  if (n_pages == 0)
    recto_stage_context_warn (ctx, "the PDF has no pages");
  if (recto_page_list_get_count (textless) > 0)
    {
      g_autofree char *named = recto_page_list_describe (textless);
      recto_stage_context_warn (ctx, "%u of %d pages have no text layer (%s)",
                                recto_page_list_get_count (textless), n_pages, named);
    }
  return TRUE;
}

static gboolean
pdf_source_process (RectoStageContext *ctx, RectoDocument *doc, const void *config_data,
                    GError **error)
{
  const PdfSourceConfig *config = config_data;
  GBytes *input = recto_stage_context_get_input (ctx);
  PopplerDocument *document; /* Poppler 22 declares no autoptr cleanup for its types */
  PopplerDocument *drawing = NULL;
  g_autoptr (GBytes) drawing_input = NULL;
  GHashTable *span_names;

  document = open_document (input, config, ctx, error);
  if (document == NULL)
    return FALSE;
  read_metadata (document, doc);
  read_outline (document, (guint) config->max_outline_depth, doc, ctx);
  /* Pages are read and drawn from the same pages made cheaper to lay out, where they can be. */
  drawing_input = drawing_input_new (input);
  if (drawing_input != NULL)
    drawing = new_document (drawing_input, config->password, NULL);
  if (drawing != NULL
      && poppler_document_get_n_pages (drawing) != poppler_document_get_n_pages (document))
    g_clear_object (&drawing); /* cannot be, but then the PDF is read as it is */
  span_names = font_subsets_span_names_new ();
  if (!read_pages (drawing != NULL ? drawing : document, drawing != NULL ? drawing_input : input,
                   config, doc, ctx, span_names, error))
    {
      g_hash_table_unref (span_names);
      g_clear_object (&drawing);
      g_object_unref (document);
      return FALSE;
    }
  /* Stages that read text from the page image (recover-text) draw through the document. */
  page_renderer_install (doc, drawing != NULL ? drawing : document);
  /* and recover-text tells apart the subsets of one font name, when it has a font to repair. */
  font_subsets_install (doc, document, span_names);
  g_clear_object (&drawing);
  g_object_unref (document);
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
