/* drawn-readings.c: see drawn-readings.h. */
#include "drawn-readings.h"

/* The font of glyph @glyph of @page, or NULL. */
static const char *
font_of (const RectoPage *page, guint glyph)
{
  int span = recto_page_find_span (page, glyph);
  return span >= 0 ? g_array_index (page->spans, RectoSpan, span).subset : NULL;
}

/* Whether glyph @j of @page was decoded through a code of its own (not read where it stands)
 * as @c, and stands beside @box on its line (boxes are about 1.4 ems tall: within 0.4 em). */
static gboolean
decoded_as (const RectoPage *page, guint j, gunichar c, const RectoBox *box)
{
  const RectoRecoveredGlyph *record = recto_page_get_recovered (page, j);
  const RectoBox *other = &g_array_index (page->boxes, RectoBox, j);
  float height = box->y2 - box->y1;

  return record != NULL && record->original != 0 && record->original != ' '
         && record->certainty > 0 && g_array_index (page->chars, gunichar, j) == c
         && other->y1 < box->y2 && box->y1 < other->y2
         && MAX (other->x1 - box->x2, box->x1 - other->x2) < 0.3f * height;
}

guint
drawn_readings_check (RectoDocument *doc, const GArray *surveys)
{
  guint marked = 0;

  for (guint p = 0; p < recto_document_get_n_pages (doc); p++)
    {
      RectoPage *page = recto_document_get_page (doc, p);
      gunichar *chars = (gunichar *) page->chars->data;
      for (guint r = 0; page->recovered != NULL && r < page->recovered->len; r++)
        {
          RectoRecoveredGlyph record = g_array_index (page->recovered, RectoRecoveredGlyph, r);
          guint i = record.glyph;
          const RectoBox *box = &g_array_index (page->boxes, RectoBox, i);
          if (record.original != 0 || record.certainty <= 0
              || !font_survey_is_unmapped (surveys, font_of (page, i))
              || !((i + 1 < page->chars->len && decoded_as (page, i + 1, chars[i], box))
                   || (i > 0 && decoded_as (page, i - 1, chars[i], box))))
            continue;
          chars[i] = 0xFFFD;
          recto_page_mark_recovered (doc, page, i, record.original, 0);
          marked++;
        }
    }
  return marked;
}
