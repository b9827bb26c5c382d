/* line-measures.c: see line-measures.h. The glyphs of a line are at hand while its edges are
 * measured; the paragraph stage, reading lines one after the other, would fetch them anew. */
#include "line-measures.h"

#include "median.h"
#include "text-lines.h"

/* What measuring lines needs: the glyphs' fonts, and room for one line's edges. Each thread
 * has one and moves it from page to page. */
typedef struct
{
  const RectoPage *page;
  const char **font_of; /* each glyph's font: one pass over the spans, not a search per glyph */
  guint font_of_size;
  float *tops, *bottoms; /* one line's */
  guint edges_size;
} EdgeMeter;

/* The font of a glyph outside every span: no line's font, not even an unknown (NULL) one. */
static const char outside_spans[] = "";

static void
edge_meter_free (EdgeMeter *meter)
{
  g_free (meter->font_of);
  g_free (meter->tops);
  g_free (meter->bottoms);
  g_free (meter);
}

/* Makes @meter measure the lines of @page. */
static void
edge_meter_start (EdgeMeter *meter, const RectoPage *page)
{
  guint n_glyphs = page->chars->len;

  meter->page = page;
  if (n_glyphs > meter->font_of_size)
    {
      meter->font_of_size = n_glyphs;
      meter->font_of = g_renew (const char *, meter->font_of, n_glyphs);
    }
  for (guint glyph = 0; glyph < n_glyphs; glyph++)
    meter->font_of[glyph] = outside_spans;
  for (guint s = 0; s < page->spans->len; s++)
    {
      const RectoSpan *span = &g_array_index (page->spans, RectoSpan, s);
      guint end = MIN (span->first + span->length, n_glyphs);
      for (guint glyph = span->first; glyph < end; glyph++)
        meter->font_of[glyph] = span->font;
    }
}

float
line_type_size (const RectoLine *line)
{
  if (line->size > 0)
    return line->size;
  return MAX (line->box.y2 - line->box.y1, 1.0f);
}

gboolean
char_is_cjk (gunichar c)
{
  return g_unichar_iswide (c) || g_unichar_iswide_cjk (c);
}

static float
first_unit_width (const RectoPage *page, const RectoLine *line)
{
  const gunichar *chars = (const gunichar *) page->chars->data;
  const RectoBox *boxes = (const RectoBox *) page->boxes->data;
  const guint *glyphs;
  guint start = 0, n;

  if (line->glyphs == NULL || line->glyphs->len == 0)
    return 0;
  glyphs = (const guint *) line->glyphs->data;
  /* Opening quotes and brackets may not end a line: they go with what follows. */
  while (start + 1 < line->glyphs->len && text_lines_is_opening (chars[glyphs[start]]))
    start++;
  n = start + 1;
  if (char_is_cjk (chars[glyphs[start]]))
    while (n < line->glyphs->len && g_unichar_ispunct (chars[glyphs[n]]))
      n++;
  else
    /* Glyphs carry no white space: a word ends at a gap wider than a hair. */
    while (n < line->glyphs->len && !char_is_cjk (chars[glyphs[n]])
           && boxes[glyphs[n]].x1 - boxes[glyphs[n - 1]].x2 < 0.1f * line_type_size (line))
      n++;
  return boxes[glyphs[n - 1]].x2 - boxes[glyphs[0]].x1;
}

/* The median top and bottom edges of @line's glyphs in its own face. */
static void
measure_edges (EdgeMeter *meter, const RectoLine *line, LineMeasures *measures)
{
  const RectoBox *boxes = (const RectoBox *) meter->page->boxes->data;
  guint n = 0;

  measures->top = line->box.y1;
  measures->bottom = line->box.y2;
  if (line->glyphs == NULL)
    return;
  if (line->glyphs->len > meter->edges_size)
    {
      meter->edges_size = line->glyphs->len;
      meter->tops = g_renew (float, meter->tops, meter->edges_size);
      meter->bottoms = g_renew (float, meter->bottoms, meter->edges_size);
    }
  for (guint i = 0; i < line->glyphs->len; i++)
    {
      guint glyph = g_array_index (line->glyphs, guint, i);
      if (meter->font_of[glyph] != line->font)
        continue;
      meter->tops[n] = boxes[glyph].y1;
      meter->bottoms[n++] = boxes[glyph].y2;
    }
  if (n > 0)
    {
      measures->top = median_of_floats (meter->tops, n);
      measures->bottom = median_of_floats (meter->bottoms, n);
    }
}

/* What the threads measuring the pages share; each writes only its page's slot. */
typedef struct
{
  RectoDocument *doc;
  GPtrArray *meters; /* an EdgeMeter per thread */
  GPtrArray *measures;
} Measuring;

static void
measure_page (guint index, guint worker, gpointer data)
{
  Measuring *measuring = data;
  const RectoPage *page = recto_document_get_page (measuring->doc, index);
  EdgeMeter *meter = g_ptr_array_index (measuring->meters, worker);
  GArray *measures = g_array_sized_new (FALSE, FALSE, sizeof (LineMeasures), page->lines->len);

  edge_meter_start (meter, page);
  g_array_set_size (measures, page->lines->len);
  for (guint i = 0; i < page->lines->len; i++)
    {
      const RectoLine *line = g_ptr_array_index (page->lines, i);
      LineMeasures *line_measures = &g_array_index (measures, LineMeasures, i);
      measure_edges (meter, line, line_measures);
      line_measures->first_unit_width = first_unit_width (page, line);
    }
  measuring->measures->pdata[index] = measures;
}

GPtrArray *
line_measures_take (RectoDocument *doc)
{
  guint n_pages = recto_document_get_n_pages (doc);
  guint n_threads = recto_get_n_threads ();
  g_autoptr (GPtrArray) meters = g_ptr_array_new_full (n_threads, (GDestroyNotify) edge_meter_free);
  Measuring measuring = { doc, meters,
                          g_ptr_array_new_full (n_pages, (GDestroyNotify) g_array_unref) };

  for (guint i = 0; i < n_threads; i++)
    g_ptr_array_add (meters, g_new0 (EdgeMeter, 1));
  g_ptr_array_set_size (measuring.measures, n_pages); /* every slot is filled below */
  recto_parallel_for (n_pages, measure_page, &measuring);
  return measuring.measures;
}

const LineMeasures *
line_measures_get (const GPtrArray *measures, guint page, guint line)
{
  return &g_array_index ((GArray *) g_ptr_array_index (measures, page), LineMeasures, line);
}

float
line_measures_pitch (const LineMeasures *prev, const LineMeasures *line)
{
  float tops = line->top - prev->top;
  float bottoms = line->bottom - prev->bottom;

  return MIN (tops, bottoms);
}
