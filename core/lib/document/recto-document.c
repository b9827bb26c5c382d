/* recto-document.c: the document, its provenance and its physical layer (pages, glyphs,
 * spans, lines). The logical layer lives in recto-block.c, the body style measured on the
 * lines in recto-body-style.c. */
#include "recto-document-private.h"

static void
outline_entry_free (RectoOutlineEntry *entry)
{
  g_free (entry->title);
  g_free (entry);
}

static void
line_free (RectoLine *line)
{
  g_free (line->text);
  if (line->glyphs != NULL)
    g_array_unref (line->glyphs);
  g_free (line);
}

static void
page_free (RectoPage *page)
{
  g_free (page->label);
  g_free (page->printed_number);
  g_array_unref (page->chars);
  g_array_unref (page->boxes);
  g_array_unref (page->spans);
  g_ptr_array_unref (page->lines);
  g_clear_pointer (&page->images, g_array_unref);
  g_clear_pointer (&page->recovered, g_array_unref);
  g_free (page);
}

static void
stage_record_free (RectoStageRecord *record)
{
  g_strfreev (record->option_values);
  g_free (record);
}

RectoDocument *
recto_document_new (void)
{
  RectoDocument *doc = g_new0 (RectoDocument, 1);

  doc->strings = g_string_chunk_new (4096);
  doc->metadata_keys = g_ptr_array_new_with_free_func (g_free);
  doc->metadata_values = g_ptr_array_new_with_free_func (g_free);
  doc->outline = g_ptr_array_new_with_free_func ((GDestroyNotify) outline_entry_free);
  doc->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) page_free);
  doc->stages = g_ptr_array_new_with_free_func ((GDestroyNotify) stage_record_free);
  doc->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) recto_block_free);
  doc->body = recto_block_new (doc, RECTO_BLOCK_BODY);
  g_mutex_init (&doc->render_lock);
  return doc;
}

void
recto_document_free (RectoDocument *doc)
{
  if (doc == NULL)
    return;
  recto_document_clear_recovery (doc);
  g_mutex_clear (&doc->render_lock);
  g_ptr_array_unref (doc->blocks);
  g_ptr_array_unref (doc->stages);
  g_ptr_array_unref (doc->pages);
  g_ptr_array_unref (doc->outline);
  g_ptr_array_unref (doc->metadata_values);
  g_ptr_array_unref (doc->metadata_keys);
  g_free (doc->source_sha256);
  g_free (doc->source_name);
  g_string_chunk_free (doc->strings);
  g_free (doc);
}

const char *
recto_document_intern (RectoDocument *doc, const char *string)
{
  if (string == NULL)
    return NULL;
  return g_string_chunk_insert_const (doc->strings, string);
}

void
recto_document_set_source (RectoDocument *doc, const char *name, const char *sha256, guint64 size)
{
  g_free (doc->source_name);
  g_free (doc->source_sha256);
  doc->source_name = g_strdup (name);
  doc->source_sha256 = g_strdup (sha256);
  doc->source_size = size;
}

const char *
recto_document_get_source_name (const RectoDocument *doc)
{
  return doc->source_name;
}

const char *
recto_document_get_source_sha256 (const RectoDocument *doc)
{
  return doc->source_sha256;
}

guint64
recto_document_get_source_size (const RectoDocument *doc)
{
  return doc->source_size;
}

void
recto_document_set_metadata (RectoDocument *doc, const char *key, const char *value)
{
  g_return_if_fail (key != NULL);
  if (value == NULL || *value == '\0')
    return;
  for (guint i = 0; i < doc->metadata_keys->len; i++)
    if (g_str_equal (g_ptr_array_index (doc->metadata_keys, i), key))
      {
        g_free (g_ptr_array_index (doc->metadata_values, i));
        g_ptr_array_index (doc->metadata_values, i) = g_strdup (value);
        return;
      }
  g_ptr_array_add (doc->metadata_keys, g_strdup (key));
  g_ptr_array_add (doc->metadata_values, g_strdup (value));
}

const char *
recto_document_get_metadata (const RectoDocument *doc, const char *key)
{
  for (guint i = 0; i < doc->metadata_keys->len; i++)
    if (g_str_equal (g_ptr_array_index (doc->metadata_keys, i), key))
      return g_ptr_array_index (doc->metadata_values, i);
  return NULL;
}

guint
recto_document_get_n_metadata (const RectoDocument *doc)
{
  return doc->metadata_keys->len;
}

void
recto_document_get_metadata_nth (const RectoDocument *doc, guint i, const char **key,
                                 const char **value)
{
  g_return_if_fail (i < doc->metadata_keys->len);
  *key = g_ptr_array_index (doc->metadata_keys, i);
  *value = g_ptr_array_index (doc->metadata_values, i);
}

void
recto_document_add_outline_entry (RectoDocument *doc, guint level, const char *title, int page)
{
  RectoOutlineEntry *entry = g_new0 (RectoOutlineEntry, 1);

  entry->level = level;
  entry->title = g_strdup (title != NULL ? title : "");
  entry->page = page;
  g_ptr_array_add (doc->outline, entry);
}

guint
recto_document_get_n_outline_entries (const RectoDocument *doc)
{
  return doc->outline->len;
}

const RectoOutlineEntry *
recto_document_get_outline_entry (const RectoDocument *doc, guint i)
{
  g_return_val_if_fail (i < doc->outline->len, NULL);
  return g_ptr_array_index (doc->outline, i);
}

RectoPage *
recto_document_add_page (RectoDocument *doc, double width, double height, const char *label)
{
  RectoPage *page = g_new0 (RectoPage, 1);

  page->index = doc->pages->len;
  page->width = width;
  page->height = height;
  page->label = g_strdup (label);
  page->chars = g_array_new (FALSE, FALSE, sizeof (gunichar));
  page->boxes = g_array_new (FALSE, TRUE, sizeof (RectoBox)); /* zeroed: see add_span */
  page->spans = g_array_new (FALSE, FALSE, sizeof (RectoSpan));
  page->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) line_free);
  g_ptr_array_add (doc->pages, page);
  return page;
}

void
recto_page_add_image (RectoPage *page, const RectoBox *box)
{
  if (page->images == NULL)
    page->images = g_array_new (FALSE, FALSE, sizeof (RectoBox));
  g_array_append_val (page->images, *box);
}

guint
recto_document_get_n_pages (const RectoDocument *doc)
{
  return doc->pages->len;
}

RectoPage *
recto_document_get_page (const RectoDocument *doc, guint index)
{
  g_return_val_if_fail (index < doc->pages->len, NULL);
  return g_ptr_array_index (doc->pages, index);
}

void
recto_page_add_span (RectoDocument *doc, RectoPage *page, const char *font, float size,
                     guint32 flags, const gunichar *chars, const RectoBox *boxes, guint length)
{
  RectoSpan span = {
    .font = recto_document_intern (doc, font),
    .size = size,
    .flags = flags,
    .first = page->chars->len,
    .length = length,
  };

  if (length == 0)
    return;
  span.subset = span.font; /* until recto_document_find_subsets() tells the subsets apart */
  g_array_append_vals (page->chars, chars, length);
  if (boxes != NULL)
    g_array_append_vals (page->boxes, boxes, length);
  else
    g_array_set_size (page->boxes, page->chars->len); /* zero boxes: no geometry */
  g_array_append_val (page->spans, span);
}

RectoLine *
recto_page_add_line (RectoPage *page, const char *text, const RectoBox *box)
{
  RectoLine *line = g_new0 (RectoLine, 1);

  line->text = g_strdup (text != NULL ? text : "");
  if (box != NULL)
    {
      line->box = *box;
      line->has_box = TRUE;
    }
  g_ptr_array_add (page->lines, line);
  return line;
}

void
recto_page_clear_lines (RectoPage *page)
{
  g_ptr_array_set_size (page->lines, 0);
}

RectoBox
recto_box_turn (const RectoBox *box, int turn, double width, double height)
{
  float w = (float) width, h = (float) height;

  /* Read up the page, a letter's top points left: along the line is up, down a letter is
   * right. Read down, the other way about. */
  if (turn < 0)
    return (RectoBox){ h - box->y2, box->x1, h - box->y1, box->x2 };
  if (turn > 0)
    return (RectoBox){ box->y1, w - box->x2, box->y2, w - box->x1 };
  return *box;
}

RectoBox
recto_page_printed_box (const RectoPage *page, const RectoBox *box)
{
  /* The frame's width is the printed page's height. */
  float w = (float) page->height, h = (float) page->width;

  if (page->turn < 0)
    return (RectoBox){ box->y1, h - box->x2, box->y2, h - box->x1 };
  if (page->turn > 0)
    return (RectoBox){ w - box->y2, box->x1, w - box->y1, box->x2 };
  return *box;
}

int
recto_page_find_span (const RectoPage *page, guint glyph)
{
  const RectoSpan *spans = (const RectoSpan *) page->spans->data;
  guint low = 0, high = page->spans->len;

  /* Spans cover the glyphs in order, so a binary search on their first glyph finds it. */
  while (low < high)
    {
      guint mid = low + (high - low) / 2;
      if (glyph < spans[mid].first)
        high = mid;
      else if (glyph >= spans[mid].first + spans[mid].length)
        low = mid + 1;
      else
        return (int) mid;
    }
  return -1;
}

void
recto_document_add_stage (RectoDocument *doc, const RectoStageInfo *info, GStrv option_values)
{
  RectoStageRecord *record = g_new0 (RectoStageRecord, 1);

  record->info = info;
  record->option_values = option_values;
  g_ptr_array_add (doc->stages, record);
}

guint
recto_document_get_n_stages (const RectoDocument *doc)
{
  return doc->stages->len;
}

const RectoStageInfo *
recto_document_get_stage (const RectoDocument *doc, guint i, const char *const **option_values)
{
  const RectoStageRecord *record;

  g_return_val_if_fail (i < doc->stages->len, NULL);
  record = g_ptr_array_index (doc->stages, i);
  if (option_values != NULL)
    *option_values = (const char *const *) record->option_values;
  return record->info;
}

void
recto_document_set_running_stage (RectoDocument *doc, const RectoStageInfo *info)
{
  doc->running = info;
}
