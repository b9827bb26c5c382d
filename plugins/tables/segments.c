/* segments.c: see segments.h. */
#include "segments.h"

#include "rules.h"

gunichar
segment_char (const RectoPage *page, const Segment *segment, guint i)
{
  return g_array_index (page->chars, gunichar, g_array_index (segment->line->glyphs, guint, i));
}

static const RectoBox *
glyph_box (const RectoPage *page, const RectoLine *line, guint i)
{
  return &g_array_index (page->boxes, RectoBox, g_array_index (line->glyphs, guint, i));
}

static gboolean
is_numeric_char (gunichar c)
{
  return g_unichar_isdigit (c) || g_utf8_strchr (",.%+-()（）％－—", -1, c) != NULL;
}

static void
close_segment (const RectoPage *page, GArray *out, Segment *s)
{
  gboolean digits = FALSE;

  if (s->end <= s->first)
    return;
  s->numeric = TRUE;
  s->rule = TRUE;
  for (guint i = s->first; i < s->end; i++)
    {
      gunichar c = segment_char (page, s, i);
      const RectoBox *box = glyph_box (page, s->line, i);
      s->numeric = s->numeric && is_numeric_char (c);
      s->rule = s->rule && rules_is_box_drawing (c);
      digits = digits || g_unichar_isdigit (c);
      if (i == s->first)
        s->box = *box;
      s->box.x1 = MIN (s->box.x1, box->x1), s->box.x2 = MAX (s->box.x2, box->x2);
      s->box.y1 = MIN (s->box.y1, box->y1), s->box.y2 = MAX (s->box.y2, box->y2);
    }
  s->numeric = s->numeric && digits;
  g_array_append_val (out, *s);
}

static gboolean
is_letter (gunichar c)
{
  return c < 0x80 && g_ascii_isalpha ((char) c);
}

/* Cuts @line into segments: at gaps of @gap sizes, where it goes back to the left, and around
 * box-drawing characters. Between
 * two Latin letters the gap must be twice as wide: justified text in a narrow column stretches
 * its word spaces that far. */
static void
cut_line (const RectoPage *page, const RectoLine *line, float gap, GArray *out)
{
  Segment s = { .line = line, .size = line->size > 0 ? line->size : 10 };
  float last_x2 = 0;
  gboolean last_rule = FALSE;
  gunichar last = 0;

  s.first = s.end = 0;
  for (guint i = 0; i < line->glyphs->len; i++)
    {
      gunichar c = g_array_index (page->chars, gunichar, g_array_index (line->glyphs, guint, i));
      const RectoBox *box = glyph_box (page, line, i);
      float needed;
      if (g_unichar_isspace (c) || c == 0x3000)
        continue;
      needed = gap * s.size * (is_letter (c) && is_letter (last) ? 2 : 1);
      /* A glyph that goes back to the left starts another piece (a line built across two
       * lines of a cell). */
      if (s.end > s.first
          && (box->x1 - last_x2 >= needed || box->x1 < last_x2 - s.size
              || rules_is_box_drawing (c) || last_rule))
        {
          close_segment (page, out, &s);
          s.first = i;
        }
      if (s.end <= s.first)
        s.first = i;
      s.end = i + 1;
      last_x2 = box->x2;
      last_rule = rules_is_box_drawing (c);
      last = c;
    }
  close_segment (page, out, &s);
}

GArray *
segments_find (const RectoPage *page, float gap)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (Segment));

  for (guint i = 0; i < page->lines->len; i++)
    {
      const RectoLine *line = g_ptr_array_index (page->lines, i);
      if (line->role == RECTO_LINE_BODY && line->has_box && line->glyphs != NULL)
        cut_line (page, line, gap, out);
    }
  return out;
}

/* Whether a vertical rule of @vertical stands between glyphs @a and @b (left to right) of one
 * line: past the middle of @a, short of the middle of @b, across the height of both. */
static gboolean
rule_between (const GArray *vertical, const RectoBox *a, const RectoBox *b)
{
  float left = a->x1 + 0.75f * (a->x2 - a->x1), right = b->x1 + 0.25f * (b->x2 - b->x1);
  float middle = (MAX (a->y1, b->y1) + MIN (a->y2, b->y2)) / 2;

  for (guint i = 0; i < vertical->len; i++)
    {
      const Rule *r = &g_array_index (vertical, Rule, i);
      if (r->pos > left && r->pos < right && r->from <= middle && r->to >= middle)
        return TRUE;
    }
  return FALSE;
}

GArray *
segments_cut_at_rules (const RectoPage *page, const GArray *segments, const GArray *vertical)
{
  GArray *out = g_array_sized_new (FALSE, FALSE, sizeof (Segment), segments->len);

  for (guint k = 0; k < segments->len; k++)
    {
      Segment s = g_array_index (segments, Segment, k);
      guint end = s.end, last = G_MAXUINT;
      for (guint i = s.first; i < end; i++)
        {
          gunichar c = segment_char (page, &s, i);
          if (g_unichar_isspace (c) || c == 0x3000)
            continue;
          if (last != G_MAXUINT
              && rule_between (vertical, glyph_box (page, s.line, last), glyph_box (page, s.line, i)))
            {
              s.end = last + 1;
              close_segment (page, out, &s);
              s.first = i;
            }
          last = i;
        }
      s.end = end;
      close_segment (page, out, &s);
    }
  return out;
}

static void
band_free (gpointer data)
{
  Band *band = data;

  g_array_unref (band->members);
  g_free (band);
}

static int
compare_by_middle (gconstpointer a, gconstpointer b, gpointer data)
{
  const GArray *segments = data;
  const Segment *s = &g_array_index (segments, Segment, *(const guint *) a);
  const Segment *t = &g_array_index (segments, Segment, *(const guint *) b);
  float m = s->box.y1 + s->box.y2, n = t->box.y1 + t->box.y2;

  if (m != n)
    return m < n ? -1 : 1;
  return (s->box.x1 > t->box.x1) - (s->box.x1 < t->box.x1);
}

static int
compare_by_left (gconstpointer a, gconstpointer b, gpointer data)
{
  const GArray *segments = data;
  const Segment *s = &g_array_index (segments, Segment, *(const guint *) a);
  const Segment *t = &g_array_index (segments, Segment, *(const guint *) b);

  return (s->box.x1 > t->box.x1) - (s->box.x1 < t->box.x1);
}

GPtrArray *
bands_find (const GArray *segments)
{
  GPtrArray *bands = g_ptr_array_new_with_free_func (band_free);
  g_autoptr (GArray) order = g_array_sized_new (FALSE, FALSE, sizeof (guint), segments->len);
  Band *band = NULL;

  for (guint i = 0; i < segments->len; i++)
    g_array_append_val (order, i);
  g_array_sort_with_data (order, compare_by_middle, (gpointer) segments);
  for (guint i = 0; i < order->len; i++)
    {
      guint index = g_array_index (order, guint, i);
      const Segment *s = &g_array_index (segments, Segment, index);
      float height = s->box.y2 - s->box.y1;
      if (s->rule)
        continue;
      if (band != NULL)
        {
          float overlap = MIN (band->y2, s->box.y2) - MAX (band->y1, s->box.y1);
          if (overlap < 0.5f * MIN (height, band->y2 - band->y1))
            band = NULL;
        }
      if (band == NULL)
        {
          band = g_new0 (Band, 1);
          band->y1 = s->box.y1, band->y2 = s->box.y2;
          band->members = g_array_new (FALSE, FALSE, sizeof (guint));
          g_ptr_array_add (bands, band);
        }
      band->y1 = MIN (band->y1, s->box.y1), band->y2 = MAX (band->y2, s->box.y2);
      g_array_append_val (band->members, index);
    }
  for (guint b = 0; b < bands->len; b++)
    {
      Band *each = g_ptr_array_index (bands, b);
      g_array_sort_with_data (each->members, compare_by_left, (gpointer) segments);
    }
  return bands;
}
