/* recto-recovery.c: recovered glyphs, learned font maps and page images (recto-recovery.h). */
#include "recto-document-private.h"

/* The position of @glyph's record in @page->recovered, or where it would go. */
static guint
recovered_position (const RectoPage *page, guint glyph, gboolean *found)
{
  guint low = 0, high = page->recovered != NULL ? page->recovered->len : 0;

  *found = FALSE;
  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      guint at = g_array_index (page->recovered, RectoRecoveredGlyph, middle).glyph;
      if (at == glyph)
        {
          *found = TRUE;
          return middle;
        }
      if (at < glyph)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

void
recto_page_mark_recovered (RectoDocument *doc, RectoPage *page, guint glyph, gunichar original,
                           float certainty)
{
  RectoRecoveredGlyph record = {
    .glyph = glyph,
    .original = original,
    .certainty = CLAMP (certainty, 0.0f, 1.0f),
    .stage = doc->running != NULL ? recto_document_intern (doc, doc->running->name) : NULL,
  };
  gboolean found;
  guint position;

  g_return_if_fail (glyph < page->chars->len);
  if (page->recovered == NULL)
    page->recovered = g_array_new (FALSE, FALSE, sizeof (RectoRecoveredGlyph));
  position = recovered_position (page, glyph, &found);
  if (found)
    g_array_index (page->recovered, RectoRecoveredGlyph, position) = record;
  else
    g_array_insert_val (page->recovered, position, record);
}

void
recto_page_insert_recovered (RectoDocument *doc, RectoPage *page, guint at, gunichar c,
                             const RectoBox *box, float certainty)
{
  gboolean found;
  guint position;

  g_return_if_fail (at <= page->chars->len && page->lines->len == 0);
  g_array_insert_val (page->chars, at, c);
  g_array_insert_val (page->boxes, at, *box);
  for (guint s = 0; s < page->spans->len; s++)
    {
      RectoSpan *span = &g_array_index (page->spans, RectoSpan, s);
      /* The span that holds the glyph before @at grows (at the very start, the first one). */
      if (at == 0 ? s == 0 : (span->first < at && at <= span->first + span->length))
        span->length++;
      else if (span->first >= at)
        span->first++;
    }
  position = recovered_position (page, at, &found);
  for (guint i = position; page->recovered != NULL && i < page->recovered->len; i++)
    g_array_index (page->recovered, RectoRecoveredGlyph, i).glyph++;
  recto_page_mark_recovered (doc, page, at, 0, certainty);
}

void
recto_page_join_recovered (RectoDocument *doc, RectoPage *page, guint at, gunichar c,
                           gunichar original, float certainty)
{
  RectoBox *box, next;
  gboolean found;
  guint position;
  int span = recto_page_find_span (page, at);

  g_return_if_fail (at + 1 < page->chars->len && page->lines->len == 0);
  g_return_if_fail (span >= 0 && span == recto_page_find_span (page, at + 1));
  box = &g_array_index (page->boxes, RectoBox, at);
  next = g_array_index (page->boxes, RectoBox, at + 1);
  box->x1 = MIN (box->x1, next.x1);
  box->y1 = MIN (box->y1, next.y1);
  box->x2 = MAX (box->x2, next.x2);
  box->y2 = MAX (box->y2, next.y2);
  g_array_index (page->chars, gunichar, at) = c;
  g_array_remove_index (page->chars, at + 1);
  g_array_remove_index (page->boxes, at + 1);
  g_array_index (page->spans, RectoSpan, span).length--;
  for (guint s = (guint) span + 1; s < page->spans->len; s++)
    g_array_index (page->spans, RectoSpan, s).first--;
  position = recovered_position (page, at + 1, &found);
  if (found)
    g_array_remove_index (page->recovered, position);
  for (guint i = position; page->recovered != NULL && i < page->recovered->len; i++)
    g_array_index (page->recovered, RectoRecoveredGlyph, i).glyph--;
  recto_page_mark_recovered (doc, page, at, original, certainty);
}

const RectoRecoveredGlyph *
recto_page_get_recovered (const RectoPage *page, guint glyph)
{
  gboolean found;
  guint position = recovered_position (page, glyph, &found);

  return found ? &g_array_index (page->recovered, RectoRecoveredGlyph, position) : NULL;
}

guint
recto_page_get_n_recovered (const RectoPage *page)
{
  return page->recovered != NULL ? page->recovered->len : 0;
}

static int
compare_mapping (gconstpointer a, gconstpointer b)
{
  gunichar x = ((const RectoGlyphMapping *) a)->code, y = ((const RectoGlyphMapping *) b)->code;
  return (x > y) - (x < y);
}

static void
font_map_free (RectoFontMap *map)
{
  g_free (map->method);
  g_array_unref (map->mappings);
  g_free (map);
}

void
recto_document_add_font_map (RectoDocument *doc, const char *font, const char *method,
                             const RectoGlyphMapping *mappings, guint n_mappings)
{
  RectoFontMap *map = g_new0 (RectoFontMap, 1);

  map->font = recto_document_intern (doc, font);
  map->stage = doc->running != NULL ? recto_document_intern (doc, doc->running->name) : NULL;
  map->method = g_strdup (method);
  map->mappings = g_array_sized_new (FALSE, FALSE, sizeof (RectoGlyphMapping), n_mappings);
  g_array_append_vals (map->mappings, mappings, n_mappings);
  g_array_sort (map->mappings, compare_mapping);
  if (doc->font_maps == NULL)
    doc->font_maps = g_ptr_array_new_with_free_func ((GDestroyNotify) font_map_free);
  g_ptr_array_add (doc->font_maps, map);
}

void
recto_document_add_font_decoding (RectoDocument *doc, const char *font, const char *encoding,
                                  const char *method, const RectoGlyphMapping *mappings,
                                  guint n_mappings)
{
  RectoFontMap *map;

  recto_document_add_font_map (doc, font, method, mappings, n_mappings);
  map = g_ptr_array_index (doc->font_maps, doc->font_maps->len - 1);
  map->encoding = recto_document_intern (doc, encoding);
}

guint
recto_document_get_n_font_maps (const RectoDocument *doc)
{
  return doc->font_maps != NULL ? doc->font_maps->len : 0;
}

const RectoFontMap *
recto_document_get_font_map (const RectoDocument *doc, guint i)
{
  g_return_val_if_fail (i < recto_document_get_n_font_maps (doc), NULL);
  return g_ptr_array_index (doc->font_maps, i);
}

const RectoGlyphMapping *
recto_font_map_lookup (const RectoFontMap *map, gunichar code)
{
  RectoGlyphMapping key = { .code = code };
  guint index;

  if (!g_array_binary_search (map->mappings, &key, compare_mapping, &index))
    return NULL;
  return &g_array_index (map->mappings, RectoGlyphMapping, index);
}

const char *
recto_font_verdict_name (RectoFontVerdict verdict)
{
  static const char *const names[] = {
    "good", "missing-map", "wrong-map", "mojibake", "bad-ocr-layer", "no-text-layer", "unknown",
  };

  return verdict < G_N_ELEMENTS (names) ? names[verdict] : "unknown";
}

static void
font_check_free (RectoFontCheck *check)
{
  g_free (check->method);
  g_free (check);
}

void
recto_document_add_font_check (RectoDocument *doc, const RectoFontCheck *check)
{
  RectoFontCheck *copy = g_memdup2 (check, sizeof *check);

  copy->font = check->font != NULL ? recto_document_intern (doc, check->font) : NULL;
  copy->stage = doc->running != NULL ? recto_document_intern (doc, doc->running->name) : NULL;
  copy->method = g_strdup (check->method);
  if (doc->font_checks == NULL)
    doc->font_checks = g_ptr_array_new_with_free_func ((GDestroyNotify) font_check_free);
  g_ptr_array_add (doc->font_checks, copy);
}

guint
recto_document_get_n_font_checks (const RectoDocument *doc)
{
  return doc->font_checks != NULL ? doc->font_checks->len : 0;
}

const RectoFontCheck *
recto_document_get_font_check (const RectoDocument *doc, guint i)
{
  g_return_val_if_fail (i < recto_document_get_n_font_checks (doc), NULL);
  return g_ptr_array_index (doc->font_checks, i);
}

RectoImage *
recto_image_new (guint width, guint height)
{
  RectoImage *image = g_new0 (RectoImage, 1);

  image->width = width;
  image->height = height;
  image->stride = width;
  image->pixels = g_malloc0 ((gsize) width * height + 1);
  return image;
}

void
recto_image_free (RectoImage *image)
{
  if (image == NULL)
    return;
  g_free (image->pixels);
  g_free (image);
}

RectoImage *
recto_image_turn (const RectoImage *image, int turn)
{
  RectoImage *upright = recto_image_new (image->height, image->width);

  for (guint v = 0; v < upright->height; v++)
    for (guint u = 0; u < upright->width; u++)
      {
        guint x = turn < 0 ? v : image->width - 1 - v;
        guint y = turn < 0 ? image->height - 1 - u : u;
        upright->pixels[v * upright->stride + u] = image->pixels[y * image->stride + x];
      }
  return upright;
}

void
recto_document_set_renderer (RectoDocument *doc, RectoRenderFunc render, gpointer data,
                             GDestroyNotify destroy)
{
  if (doc->render_destroy != NULL)
    doc->render_destroy (doc->render_data);
  recto_document_clear_kept_pictures (doc);
  doc->render = render;
  doc->render_data = data;
  doc->render_destroy = destroy;
}

gboolean
recto_document_can_render (const RectoDocument *doc)
{
  return doc->render != NULL;
}

RectoImage *
recto_document_render (RectoDocument *doc, guint page, const RectoBox *area, double scale,
                       GError **error)
{
  RectoImage *image;

  if (doc->render == NULL)
    {
      g_set_error (error, RECTO_ERROR, RECTO_ERROR_FAILED,
                   "the source stage cannot draw its pages");
      return NULL;
    }
  g_mutex_lock (&doc->render_lock);
  image = recto_document_find_kept_picture (doc, page, area, scale);
  if (image == NULL)
    {
      image = doc->render (doc->render_data, page, area, scale, error);
      if (image != NULL)
        recto_document_keep_picture (doc, page, area, scale, image);
    }
  g_mutex_unlock (&doc->render_lock);
  return image;
}

void
recto_document_set_subset_finder (RectoDocument *doc, RectoSubsetFunc find, gpointer data,
                                  GDestroyNotify destroy)
{
  if (doc->subset_destroy != NULL)
    doc->subset_destroy (doc->subset_data);
  doc->find_subset = find;
  doc->subset_data = data;
  doc->subset_destroy = destroy;
}

gboolean
recto_document_find_subsets (RectoDocument *doc)
{
  if (doc->subsets_found || doc->find_subset == NULL)
    return doc->subsets_differ;
  /* The finder reads the source, as the renderer does: not at the same time. */
  g_mutex_lock (&doc->render_lock);
  for (guint p = 0; p < doc->pages->len; p++)
    {
      RectoPage *page = g_ptr_array_index (doc->pages, p);
      for (guint s = 0; s < page->spans->len; s++)
        {
          RectoSpan *span = &g_array_index (page->spans, RectoSpan, s);
          if (span->font == NULL)
            continue;
          const char *subset = doc->find_subset (doc->subset_data, p, span->first, span->font);
          span->subset = recto_document_intern (doc, subset);
          doc->subsets_differ = doc->subsets_differ || span->subset != span->font;
        }
    }
  doc->subsets_found = TRUE;
  g_mutex_unlock (&doc->render_lock);
  return doc->subsets_differ;
}

void
recto_document_clear_recovery (RectoDocument *doc)
{
  recto_document_set_renderer (doc, NULL, NULL, NULL);
  recto_document_set_subset_finder (doc, NULL, NULL, NULL);
  g_clear_pointer (&doc->font_maps, g_ptr_array_unref);
  g_clear_pointer (&doc->font_checks, g_ptr_array_unref);
}
