/* text-rows.c: see text-rows.h. */
#include "text-rows.h"

#include <stdlib.h>

typedef struct
{
  guint glyph;
  float middle; /* the box's vertical middle */
  float x1;
} Placed;

static void
text_row_clear (gpointer data)
{
  TextRow *row = data;
  g_clear_pointer (&row->glyphs, g_array_unref);
  g_clear_pointer (&row->symbols, g_array_unref);
  g_clear_pointer (&row->image, recto_image_free);
}

float
text_row_em (const TextRow *row)
{
  return row->size > 0 ? row->size : row->box.y2 - row->box.y1;
}

static int
compare_by_middle (gconstpointer a, gconstpointer b)
{
  const Placed *x = a, *y = b;
  if (x->middle != y->middle)
    return (x->middle > y->middle) - (x->middle < y->middle);
  return (x->glyph > y->glyph) - (x->glyph < y->glyph);
}

static int
compare_by_x (gconstpointer a, gconstpointer b)
{
  const Placed *x = a, *y = b;
  if (x->x1 != y->x1)
    return (x->x1 > y->x1) - (x->x1 < y->x1);
  return (x->glyph > y->glyph) - (x->glyph < y->glyph);
}

static const RectoSpan *
span_of (const RectoPage *page, guint glyph)
{
  int span = recto_page_find_span (page, glyph);
  return span >= 0 ? &g_array_index (page->spans, RectoSpan, span) : NULL;
}

/* Whether glyph @glyph of @page takes part in rows: it has a box, and it is not a space
 * (except in an unmapped font, where code 0x20 may be a glyph: its ink tells). */
static gboolean
takes_part (const GArray *surveys, const RectoPage *page, guint glyph)
{
  const RectoBox *box = &g_array_index (page->boxes, RectoBox, glyph);
  gunichar c = g_array_index (page->chars, gunichar, glyph);
  const RectoSpan *span = span_of (page, glyph);

  if (box->x2 <= box->x1 || box->y2 <= box->y1)
    return FALSE;
  if (c != ' ')
    return TRUE;
  return span != NULL && font_survey_is_unmapped (surveys, span->font);
}

/* Adds the row of @band's glyphs [from, to) (sorted left to right) to @rows if it holds
 * glyphs of an unmapped font. */
static void
add_row (GArray *rows, const GArray *surveys, const RectoPage *page, const Placed *band,
         guint from, guint to)
{
  TextRow row = { .page = page->index, .glyphs = g_array_new (FALSE, FALSE, sizeof (guint)) };
  gboolean holds_codes = FALSE;

  row.box = g_array_index (page->boxes, RectoBox, band[from].glyph);
  for (guint k = from; k < to; k++)
    {
      guint i = band[k].glyph;
      const RectoBox *box = &g_array_index (page->boxes, RectoBox, i);
      const RectoSpan *span = span_of (page, i);
      g_array_append_val (row.glyphs, i);
      row.box.x1 = MIN (row.box.x1, box->x1);
      row.box.y1 = MIN (row.box.y1, box->y1);
      row.box.x2 = MAX (row.box.x2, box->x2);
      row.box.y2 = MAX (row.box.y2, box->y2);
      if (span == NULL)
        continue;
      row.size = MAX (row.size, span->size);
      holds_codes = holds_codes
                    || font_survey_needs_reading (surveys, span->font,
                                                  g_array_index (page->chars, gunichar, i));
    }
  if (holds_codes)
    g_array_append_val (rows, row);
  else
    g_array_unref (row.glyphs);
}

/* Cuts a band of glyphs on one baseline into rows at column gutters. */
static void
cut_band (GArray *rows, const GArray *surveys, const RectoPage *page, Placed *band, guint n)
{
  guint from = 0;
  float right;

  qsort (band, n, sizeof (Placed), compare_by_x);
  right = g_array_index (page->boxes, RectoBox, band[0].glyph).x2;
  for (guint k = 1; k <= n; k++)
    {
      const RectoBox *box = k < n ? &g_array_index (page->boxes, RectoBox, band[k].glyph) : NULL;
      /* An em from the glyph's box: poppler's boxes are about 1.4 ems tall. */
      float em = MAX (box != NULL ? box->y2 - box->y1 : 0, 1) * 0.7f;
      if (box != NULL && box->x1 - right <= TEXT_ROWS_GUTTER_EMS * em)
        {
          right = MAX (right, box->x2);
          continue;
        }
      add_row (rows, surveys, page, band, from, k);
      from = k;
      if (box != NULL)
        right = box->x2;
    }
}

GArray *
text_rows_find (RectoDocument *doc, const GArray *surveys)
{
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (TextRow));

  g_array_set_clear_func (rows, text_row_clear);
  for (guint p = 0; p < recto_document_get_n_pages (doc); p++)
    {
      const RectoPage *page = recto_document_get_page (doc, p);
      g_autoptr (GArray) placed = g_array_new (FALSE, FALSE, sizeof (Placed));
      float top = 0, bottom = -1;
      guint from = 0;

      for (guint i = 0; i < page->chars->len; i++)
        if (takes_part (surveys, page, i))
          {
            const RectoBox *box = &g_array_index (page->boxes, RectoBox, i);
            g_array_append_val (placed, ((Placed){ i, (box->y1 + box->y2) / 2, box->x1 }));
          }
      /* Bands: glyphs whose middles fall within the height the band has so far. */
      g_array_sort (placed, compare_by_middle);
      for (guint k = 0; k <= placed->len; k++)
        {
          const Placed *glyph = k < placed->len ? &g_array_index (placed, Placed, k) : NULL;
          const RectoBox *box =
              glyph != NULL ? &g_array_index (page->boxes, RectoBox, glyph->glyph) : NULL;
          if (glyph != NULL && glyph->middle >= top && glyph->middle <= bottom)
            {
              top = MIN (top, box->y1);
              bottom = MAX (bottom, box->y2);
              continue;
            }
          if (k > from)
            cut_band (rows, surveys, page, &g_array_index (placed, Placed, from), k - from);
          from = k;
          if (box != NULL)
            top = box->y1, bottom = box->y2;
        }
    }
  return rows;
}

void
text_rows_column_edges (const GArray *rows, const TextRow *row, float *left, float *right)
{
  *left = row->box.x1;
  *right = row->box.x2;
  for (guint i = 0; i < rows->len; i++)
    {
      const TextRow *other = &g_array_index (rows, TextRow, i);
      float overlap = MIN (other->box.x2, row->box.x2) - MAX (other->box.x1, row->box.x1);
      float wider = MAX (other->box.x2 - other->box.x1, row->box.x2 - row->box.x1);
      if (other->page != row->page || overlap < 0.6f * wider)
        continue;
      *left = MIN (*left, other->box.x1);
      *right = MAX (*right, other->box.x2);
    }
}
