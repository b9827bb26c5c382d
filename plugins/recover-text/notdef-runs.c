/* notdef-runs.c: see notdef-runs.h. */
#include "notdef-runs.h"

#include "han-words.h"

#include <stdlib.h>

/* A tenth: an ideograph's advance is its em in every CJK font; a font's default width (the
 * .notdef glyph's) is less, 750 or 500 thousandths where seen. Wider runs are tracking. */
#define ADVANCE_TOLERANCE 0.1f

static gboolean
is_ideograph (gunichar c)
{
  return han_words_is_ideograph (c) || (c >= 0x3400 && c <= 0x4DBF);
}

static int
compare_floats (const void *a, const void *b)
{
  float x = *(const float *) a, y = *(const float *) b;
  return (x > y) - (x < y);
}

/* The median of @widths (advances in ems), or @fallback when there are none. */
static float
median_or (GArray *widths, float fallback)
{
  if (widths->len == 0)
    return fallback;
  g_array_sort (widths, compare_floats);
  return g_array_index (widths, float, widths->len / 2);
}

static float
advance_of (const RectoPage *page, const RectoSpan *span, guint i)
{
  const RectoBox *box = &g_array_index (page->boxes, RectoBox, i);
  return (box->x2 - box->x1) / span->size;
}

/* The advance, in ems, of @font's ideographs over @doc that are not repeated, or an em. */
static float
font_advance (RectoDocument *doc, const char *font)
{
  g_autoptr (GArray) widths = g_array_new (FALSE, FALSE, sizeof (float));

  for (guint p = 0; p < recto_document_get_n_pages (doc); p++)
    {
      const RectoPage *page = recto_document_get_page (doc, p);
      const gunichar *chars = (const gunichar *) page->chars->data;
      for (guint s = 0; s < page->spans->len; s++)
        {
          const RectoSpan *span = &g_array_index (page->spans, RectoSpan, s);
          guint end = span->first + span->length;
          for (guint i = span->first; span->subset == font && span->size > 0 && i < end; i++)
            if (is_ideograph (chars[i]) && (i == span->first || chars[i - 1] != chars[i])
                && (i + 1 == end || chars[i + 1] != chars[i]))
              g_array_append_val (widths, ((float){ advance_of (page, span, i) }));
        }
    }
  return median_or (widths, 1.0f);
}

/* Whether glyphs [@from, @to) of @page stand side by side on one line, each box where the
 * last ends: their boxes are their advances. */
static gboolean
side_by_side (const RectoPage *page, const RectoSpan *span, guint from, guint to)
{
  const RectoBox *boxes = (const RectoBox *) page->boxes->data;

  for (guint i = from + 1; i < to; i++)
    if (ABS (boxes[i].x1 - boxes[i - 1].x2) > 0.05f * span->size
        || ABS (boxes[i].y1 - boxes[i - 1].y1) > 0.1f * span->size)
      return FALSE;
  return TRUE;
}

/* The advance, in ems, of the ideographs next to the run [@from, @to) of @span on its line
 * (tracking, condensed type), or 0 without one. */
static float
neighbour_advance (const RectoPage *page, const RectoSpan *span, guint from, guint to)
{
  const gunichar *chars = (const gunichar *) page->chars->data;
  float sum = 0;
  guint n = 0;

  if (from > span->first && is_ideograph (chars[from - 1]) && side_by_side (page, span, from - 1, from + 1))
    sum += advance_of (page, span, from - 1), n++;
  if (to < span->first + span->length && is_ideograph (chars[to]) && side_by_side (page, span, to - 1, to + 1))
    sum += advance_of (page, span, to), n++;
  return n > 0 ? sum / n : 0;
}

/* Whether the run [@from, @to) of one ideograph of @span is set narrower than its font's
 * ideographs: those next to it on its line, or else its font's in the document. */
static gboolean
is_notdef_run (RectoDocument *doc, GHashTable *font_advances, const RectoPage *page,
               const RectoSpan *span, guint from, guint to)
{
  float advance = 0, expected;
  gpointer known;

  if (span->size <= 0 || !side_by_side (page, span, from, to))
    return FALSE;
  for (guint i = from; i < to; i++)
    advance += advance_of (page, span, i) / (to - from);
  expected = neighbour_advance (page, span, from, to);
  /* Once per font: a document may hold many runs. */
  if (expected == 0 && g_hash_table_lookup_extended (font_advances, span->subset, NULL, &known))
    expected = *(float *) known;
  else if (expected == 0)
    {
      expected = font_advance (doc, span->subset);
      g_hash_table_insert (font_advances, (gpointer) span->subset, g_memdup2 (&expected, sizeof expected));
    }
  return advance < (1 - ADVANCE_TOLERANCE) * expected;
}

static void
record_check (RectoDocument *doc, const char *font, guint glyphs)
{
  g_autofree char *method = g_strdup_printf (
      "%u glyphs in runs of one ideograph repeated, set narrower than the font's "
      "ideographs: glyphs the font lacks (.notdef) given a character by its map; kept as "
      "codes", glyphs);
  RectoFontCheck check = { .font = font, .verdict = RECTO_FONT_WRONG_MAP, .method = method,
                           .glyphs = glyphs, .unasserted = glyphs };

  recto_document_add_font_check (doc, &check);
}

guint
notdef_runs_mark (RectoDocument *doc)
{
  g_autoptr (GHashTable) per_font = g_hash_table_new (NULL, NULL); /* font → glyphs marked */
  g_autoptr (GPtrArray) fonts = g_ptr_array_new (); /* in order of first mark */
  g_autoptr (GHashTable) font_advances = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  guint marked = 0;

  for (guint p = 0; p < recto_document_get_n_pages (doc); p++)
    {
      RectoPage *page = recto_document_get_page (doc, p);
      const gunichar *chars = (const gunichar *) page->chars->data;
      for (guint s = 0; s < page->spans->len; s++)
        {
          const RectoSpan *span = &g_array_index (page->spans, RectoSpan, s);
          guint end = span->first + span->length, to;
          for (guint from = span->first; from < end; from = to)
            {
              for (to = from + 1; to < end && chars[to] == chars[from]; to++)
                ;
              if (to - from < 2 || span->subset == NULL || !is_ideograph (chars[from])
                  || !is_notdef_run (doc, font_advances, page, span, from, to))
                continue;
              if (!g_hash_table_contains (per_font, span->subset))
                g_ptr_array_add (fonts, (gpointer) span->subset);
              for (guint i = from; i < to; i++)
                if (recto_page_get_recovered (page, i) == NULL)
                  {
                    recto_page_mark_recovered (doc, page, i, chars[i], 0);
                    g_hash_table_insert (per_font, (gpointer) span->subset,
                                         GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (per_font, span->subset)) + 1));
                    marked++;
                  }
            }
        }
    }
  for (guint i = 0; i < fonts->len; i++)
    if (g_hash_table_lookup (per_font, fonts->pdata[i]) != NULL)
      record_check (doc, fonts->pdata[i], GPOINTER_TO_UINT (g_hash_table_lookup (per_font, fonts->pdata[i])));
  return marked;
}
