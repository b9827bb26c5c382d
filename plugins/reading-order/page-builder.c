/* page-builder.c: what rebuilding a page's lines needs at hand (a builder per thread, moved
 * from page to page), the measures of its glyphs, and the making of one line from glyphs in
 * reading order: its text with the spaces the source or the gaps give, its box and its style. */
#include "page-builder.h"

PageBuilder *
page_builder_new (const ReadingOrderConfig *config)
{
  PageBuilder *b = g_new0 (PageBuilder, 1);

  b->config = config;
  b->styles = g_array_new (FALSE, FALSE, sizeof (int));
  b->votes = g_array_new (FALSE, TRUE, sizeof (guint));
  return b;
}

void
page_builder_free (PageBuilder *b)
{
  g_free (b->span_of);
  g_free (b->placed);
  g_free (b->by_center);
  g_free (b->row);
  g_free (b->row_glyphs);
  g_free (b->row_spaces);
  g_free (b->sort_scratch);
  g_array_unref (b->styles);
  g_array_unref (b->votes);
  g_free (b->text);
  g_free (b);
}

static void
page_builder_reserve (PageBuilder *b, guint n_glyphs)
{
  if (n_glyphs <= b->capacity)
    return;
  b->capacity = n_glyphs;
  b->span_of = g_renew (int, b->span_of, n_glyphs);
  b->placed = g_renew (guint, b->placed, n_glyphs);
  b->by_center = g_renew (SortKey, b->by_center, n_glyphs);
  b->row = g_renew (SortKey, b->row, n_glyphs);
  b->row_glyphs = g_renew (guint, b->row_glyphs, n_glyphs);
  b->row_spaces = g_renew (gboolean, b->row_spaces, n_glyphs);
  b->sort_scratch = g_renew (SortKey, b->sort_scratch, n_glyphs);
}

/* Room in b->text for a line of @n_glyphs: a space and a character of at most six bytes (GLib
 * writes any value in UTF-8's original scheme) each. */
static char *
page_builder_reserve_text (PageBuilder *b, guint n_glyphs)
{
  gsize size = 7 * (gsize) n_glyphs + 1;

  if (size > b->text_size)
    {
      b->text_size = size;
      b->text = g_realloc (b->text, size);
    }
  return b->text;
}

/* Spans cover the glyphs in order: one pass over them gives every glyph its span. */
static void
map_spans (const RectoPage *page, int *span_of)
{
  for (guint glyph = 0; glyph < page->chars->len; glyph++)
    span_of[glyph] = -1;
  for (guint s = 0; s < page->spans->len; s++)
    {
      const RectoSpan *span = &g_array_index (page->spans, RectoSpan, s);
      guint end = MIN (span->first + span->length, page->chars->len);
      for (guint glyph = span->first; glyph < end; glyph++)
        span_of[glyph] = (int) s;
    }
}

/* Makes @b work on @page. */
void
page_builder_start (PageBuilder *b, RectoPage *page)
{
  b->page = page;
  b->stacked_runs = 0;
  b->chars = (const gunichar *) page->chars->data;
  b->boxes = (const RectoBox *) page->boxes->data;
  page_builder_reserve (b, page->chars->len);
  map_spans (page, b->span_of);
}

float
box_center_y (const RectoBox *box)
{
  return (box->y1 + box->y2) / 2;
}

float
box_height (const RectoBox *box)
{
  return MAX (box->y2 - box->y1, 0.1f);
}

/* The type size of @glyph (its box's height when the source gives no size). Boxes are a poor
 * measure across fonts: a CJK face's boxes are a third taller than a Latin face's. */
float
page_builder_glyph_size (const PageBuilder *b, guint glyph)
{
  int span = b->span_of[glyph];
  float size = span >= 0 ? g_array_index (b->page->spans, RectoSpan, span).size : 0;

  return size > 0 ? size : box_height (&b->boxes[glyph]);
}

gboolean
page_builder_glyph_hidden (const PageBuilder *b, guint glyph)
{
  int span = b->span_of[glyph];

  return span >= 0 && g_array_index (b->page->spans, RectoSpan, span).flags & RECTO_FONT_INVISIBLE;
}

/* The CJK Unified Ideographs, most glyphs of a Chinese volume: all wide, none white space. The
 * tests below answer for them without GLib's tables. */
static gboolean
is_cjk_ideograph (gunichar c)
{
  return c >= 0x4E00 && c <= 0x9FFF;
}

static gboolean
is_wide (gunichar c)
{
  return is_cjk_ideograph (c) || g_unichar_iswide (c);
}

/* Visible ASCII is not white space either. */
gboolean
glyph_is_space (gunichar c)
{
  return !(c > 0x20 && c < 0x7F) && !is_cjk_ideograph (c) && g_unichar_isspace (c);
}

gboolean
box_is_set (const RectoBox *box)
{
  return box->x2 > box->x1 || box->y2 > box->y1;
}

/* The span whose style (font, size, flags) most of @count glyphs share, or -1. Where a line has
 * CJK glyphs only they vote: digits and Latin words set in a Latin face inside Chinese text do
 * not make the line a Latin one. */
int
page_builder_dominant_span (PageBuilder *b, const guint *glyphs, guint count)
{
  const RectoSpan *spans = (const RectoSpan *) b->page->spans->data;
  GArray *styles = b->styles, *votes = b->votes;
  gboolean wide_only = FALSE;
  int best = -1;
  guint best_votes = 0;

  g_array_set_size (styles, 0);
  g_array_set_size (votes, 0);
  for (guint i = 0; i < count && !wide_only; i++)
    wide_only = is_wide (b->chars[glyphs[i]]);
  for (guint i = 0; i < count; i++)
    {
      int span = b->span_of[glyphs[i]];
      guint style;
      if (span < 0 || (wide_only && !is_wide (b->chars[glyphs[i]])))
        continue;
      for (style = 0; style < styles->len; style++)
        {
          const RectoSpan *a = &spans[g_array_index (styles, int, style)], *s = &spans[span];
          if (a->font == s->font && a->size == s->size && a->flags == s->flags)
            break;
        }
      if (style == styles->len)
        {
          g_array_append_val (styles, span);
          g_array_set_size (votes, styles->len);
        }
      if (++g_array_index (votes, guint, style) > best_votes)
        {
          best_votes = g_array_index (votes, guint, style);
          best = g_array_index (styles, int, style);
        }
    }
  return best;
}

/* Gives @line the style of @span, when there is one. */
void
line_set_style (const RectoPage *page, RectoLine *line, int span)
{
  const RectoSpan *style;

  if (span < 0)
    return;
  style = &g_array_index (page->spans, RectoSpan, span);
  line->font = style->font;
  line->size = style->size;
  line->flags = style->flags;
}

/* Makes one line of @count glyphs (indices into the page, in reading order): its text with
 * spaces where the source had them or the gaps suggest them, its box, and its style. */
void
page_builder_emit_line (PageBuilder *b, const guint *glyphs, const gboolean *space_before,
                        guint count, gboolean geometry)
{
  const RectoBox *boxes = b->boxes;
  RectoBox box = boxes[glyphs[0]];
  int span = page_builder_dominant_span (b, glyphs, count);
  char *end = page_builder_reserve_text (b, count);
  RectoLine *line;

  for (guint i = 0; i < count; i++)
    {
      const RectoBox *glyph_box = &boxes[glyphs[i]];

      if (geometry && i > 0)
        {
          const RectoBox *prev = &boxes[glyphs[i - 1]];
          if (space_before[i]
              || glyph_box->x1 - prev->x2
                     > b->config->space_gap * MIN (box_height (prev), box_height (glyph_box)))
            *end++ = ' ';
        }
      end += g_unichar_to_utf8 (b->chars[glyphs[i]], end);
      box.x1 = MIN (box.x1, glyph_box->x1);
      box.y1 = MIN (box.y1, glyph_box->y1);
      box.x2 = MAX (box.x2, glyph_box->x2);
      box.y2 = MAX (box.y2, glyph_box->y2);
    }

  *end = '\0';
  line = recto_page_add_line (b->page, b->text, geometry ? &box : NULL);
  line->glyphs = g_array_sized_new (FALSE, FALSE, sizeof (guint), count);
  g_array_append_vals (line->glyphs, glyphs, count);
  line_set_style (b->page, line, span);
}
