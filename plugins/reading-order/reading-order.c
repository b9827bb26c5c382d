/* reading-order: builds each page's lines from glyph geometry, not from the order in which the
 * content stream drew them: glyphs whose vertical centres agree form a row, in x order, so a
 * digit drawn in another font or after the rest of the line still lands in its place. Spaces
 * come from the source's own space glyphs, or from gaps between glyphs.
 *
 * Columns: rows are first cut at every wide gap. Where several cuts line up (a much narrower
 * gap among them, a caption's, does not count), the page has a gutter; cuts elsewhere (a loose
 * justified line) are joined again, and the glyphs on each side of the gutter are grouped into
 * rows anew, side by side rows being offset. Lines left and right of the gutter between two
 * full-width lines form a two-column zone, read left column first; where most of a page runs
 * across (an abstract over the columns), the gutter runs down only the band of the zone
 * (gutters.c); a page that fills only one column borrows its neighbour's gutter. Every line
 * learns its column's measure (left and right edges, from that column's lines on the pages
 * whose gutter runs at the same place, or from the full-width lines across the document),
 * against which the paragraph stage judges indentation and line fill.
 *
 * Pages are rebuilt on as many threads as recto uses, in two passes: rows and gutters, then,
 * once every page knows its gutter (or has borrowed one), the columns. */
#include <math.h>

#include <recto/recto.h>

#include "columns.h"
#include "sort-keys.h"

typedef struct
{
  double space_gap;
  double split_gap;
} ReadingOrderConfig;

static const RectoOption reading_order_options[] = {
  { .name = "space-gap",
    .type = RECTO_OPTION_DOUBLE,
    .default_value = "0.2",
    .blurb = "Horizontal gap between glyphs, in glyph heights, from which a space is inserted",
    .offset = G_STRUCT_OFFSET (ReadingOrderConfig, space_gap),
    .minimum = 0.01,
    .maximum = 10 },
  { .name = "split-gap",
    .type = RECTO_OPTION_DOUBLE,
    .default_value = "0.8",
    .blurb = "Horizontal gap, in type sizes, from which one row of glyphs is two lines "
             "(a column gutter, or side-by-side blocks)",
    .offset = G_STRUCT_OFFSET (ReadingOrderConfig, split_gap),
    .minimum = 0.1,
    .maximum = 1000 },
  { NULL },
};

/* What rebuilding a page's lines needs at hand: the page, each of its glyphs' spans, and
 * scratch arrays with room for every glyph. Each thread has one and moves it from page to page,
 * rather than allocating and freeing every array for every page. */
typedef struct
{
  const ReadingOrderConfig *config;
  RectoPage *page;
  const gunichar *chars;
  const RectoBox *boxes;
  guint capacity; /* how many glyphs the arrays below have room for */
  int *span_of; /* each glyph's span, found in one pass rather than by a search per glyph */
  guint *placed; /* the glyphs with boxes */
  SortKey *by_center; /* the glyphs being grouped into rows, in the order rows are found in */
  SortKey *row; /* one row's glyphs, keyed by x */
  guint *row_glyphs; /* its glyphs other than white space, in x order */
  gboolean *row_spaces; /* whether the source put a space before each */
  SortKey *sort_scratch;
  GArray *styles; /* int: a span of each style a line's glyphs have */
  GArray *votes; /* guint: how many glyphs of the line have each style */
  char *text; /* a line's text */
  gsize text_size;
} PageBuilder;

static PageBuilder *
page_builder_new (const ReadingOrderConfig *config)
{
  PageBuilder *b = g_new0 (PageBuilder, 1);

  b->config = config;
  b->styles = g_array_new (FALSE, FALSE, sizeof (int));
  b->votes = g_array_new (FALSE, TRUE, sizeof (guint));
  return b;
}

static void
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
static void
page_builder_start (PageBuilder *b, RectoPage *page)
{
  b->page = page;
  b->chars = (const gunichar *) page->chars->data;
  b->boxes = (const RectoBox *) page->boxes->data;
  page_builder_reserve (b, page->chars->len);
  map_spans (page, b->span_of);
}

static float
center_y (const RectoBox *box)
{
  return (box->y1 + box->y2) / 2;
}

static float
height (const RectoBox *box)
{
  return MAX (box->y2 - box->y1, 0.1f);
}

/* The type size of @glyph (its box's height when the source gives no size). Boxes are a poor
 * measure across fonts: a CJK face's boxes are a third taller than a Latin face's. */
static float
glyph_size (const PageBuilder *b, guint glyph)
{
  int span = b->span_of[glyph];
  float size = span >= 0 ? g_array_index (b->page->spans, RectoSpan, span).size : 0;

  return size > 0 ? size : height (&b->boxes[glyph]);
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
static gboolean
is_space (gunichar c)
{
  return !(c > 0x20 && c < 0x7F) && !is_cjk_ideograph (c) && g_unichar_isspace (c);
}

static gboolean
has_box (const RectoBox *box)
{
  return box->x2 > box->x1 || box->y2 > box->y1;
}

/* The span whose style (font, size, flags) most of @count glyphs share, or -1. Where a line has
 * CJK glyphs only they vote: digits and Latin words set in a Latin face inside Chinese text do
 * not make the line a Latin one. */
static int
dominant_span (PageBuilder *b, const guint *glyphs, guint count)
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
static void
set_line_style (const RectoPage *page, RectoLine *line, int span)
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
static void
emit_line (PageBuilder *b, const guint *glyphs, const gboolean *space_before, guint count,
           gboolean geometry)
{
  const RectoBox *boxes = b->boxes;
  RectoBox box = boxes[glyphs[0]];
  int span = dominant_span (b, glyphs, count);
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
                     > b->config->space_gap * MIN (height (prev), height (glyph_box)))
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
  set_line_style (b->page, line, span);
}

/* Keeps the first @n glyphs of b->row (in x order) other than white space in b->row_glyphs, and
 * in b->row_spaces whether the source put a space before each; returns how many it kept. The
 * row's white-space glyphs only say where the source put a space: a justified line's spaces may
 * be narrower than the gap that would suggest one. */
static guint
collect_row_glyphs (PageBuilder *b, guint n)
{
  const RectoBox *boxes = b->boxes;
  const RectoBox *space = NULL; /* the last white-space glyph not yet followed */
  guint kept = 0;

  for (guint i = 0; i < n; i++)
    {
      guint glyph = b->row[i].glyph;
      /* A glyph set over a space (a superscript note mark after a full stop) is not after it. */
      gboolean after_space = space != NULL && boxes[glyph].x1 >= (space->x1 + space->x2) / 2;

      if (is_space (b->chars[glyph]))
        {
          /* A space squeezed to a sliver (justification before a note mark) separates nothing. */
          if (boxes[glyph].x2 - boxes[glyph].x1 >= 0.1f * glyph_size (b, glyph))
            space = &boxes[glyph];
          continue;
        }
      b->row_glyphs[kept] = glyph;
      b->row_spaces[kept++] = after_space;
      if (after_space)
        space = NULL;
    }
  return kept;
}

/* Sorts the first @n glyphs of b->row by x and emits them as lines, split where a gap is wide. */
static void
emit_row (PageBuilder *b, guint n, GArray *row_gaps, GArray *row_ids)
{
  guint row_id = row_ids->len > 0 ? g_array_index (row_ids, guint, row_ids->len - 1) + 1 : 0;
  const guint *glyphs = b->row_glyphs;
  guint n_glyphs, start = 0;

  sort_keys (b->row, n, b->sort_scratch);
  n_glyphs = collect_row_glyphs (b, n);
  for (guint i = 1; i <= n_glyphs; i++)
    {
      if (i < n_glyphs)
        {
          const RectoBox *prev = &b->boxes[glyphs[i - 1]];
          const RectoBox *box = &b->boxes[glyphs[i]];
          RowGap gap = { prev->x2, box->x1 };
          if (box->x1 - prev->x2 <= b->config->split_gap * glyph_size (b, glyphs[i - 1]))
            continue;
          g_array_append_val (row_gaps, gap);
        }
      emit_line (b, glyphs + start, b->row_spaces + start, i - start, TRUE);
      g_array_append_val (row_ids, row_id);
      start = i;
    }
}

/* Puts the @n @glyphs (indices of glyphs with boxes) in b->by_center in the order rows are
 * found in: by the vertical centre, then by x. */
static void
sort_by_center (PageBuilder *b, const guint *glyphs, guint n)
{
  for (guint i = 0; i < n; i++)
    {
      const RectoBox *box = &b->boxes[glyphs[i]];
      b->by_center[i] = (SortKey) { center_y (box), box->x1, glyphs[i] };
    }
  sort_keys (b->by_center, n, b->sort_scratch);
}

/* Groups the @n @glyphs (indices of glyphs with boxes) into rows of glyphs whose vertical
 * centres agree, and emits each row as lines. */
static void
build_rows (PageBuilder *b, const guint *glyphs, guint n, GArray *row_gaps, GArray *row_ids)
{
  guint row_length = 0;
  float row_center = 0, row_height = 0;

  sort_by_center (b, glyphs, n);
  for (guint i = 0; i < n; i++)
    {
      guint glyph = b->by_center[i].glyph;
      const RectoBox *box = &b->boxes[glyph];
      /* A font with wrong ascent and descent gives boxes far taller than its type: such a box
       * would swallow the next line into its row. */
      float glyph_height = MIN (height (box), 1.3f * glyph_size (b, glyph));

      if (row_length > 0
          && fabsf (center_y (box) - row_center) > 0.5f * MAX (glyph_height, row_height))
        {
          emit_row (b, row_length, row_gaps, row_ids);
          row_length = 0;
        }
      b->row[row_length++] = (SortKey) { box->x1, 0, glyph };
      /* The row's band is the running mean of its glyphs' centres and heights. */
      row_center += (center_y (box) - row_center) / row_length;
      row_height += (glyph_height - row_height) / row_length;
    }
  if (row_length > 0)
    emit_row (b, row_length, row_gaps, row_ids);
}

static void
build_lines (PageBuilder *b, GArray *row_gaps, GArray *row_ids)
{
  g_autoptr (GArray) unplaced = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n_placed = 0;

  /* White space without a box says nothing about where it belongs: it is dropped, and spaces
   * are inferred from the gaps between glyphs. */
  for (guint i = 0; i < b->page->chars->len; i++)
    if (has_box (&b->boxes[i]))
      b->placed[n_placed++] = i;
    else if (!is_space (b->chars[i]))
      g_array_append_val (unplaced, i);

  build_rows (b, b->placed, n_placed, row_gaps, row_ids);
  /* Glyphs without a box keep their source order, after the placed lines. */
  if (unplaced->len > 0)
    {
      guint row_id = G_MAXUINT;
      emit_line (b, (const guint *) unplaced->data, NULL, unplaced->len, FALSE);
      g_array_append_val (row_ids, row_id);
    }
}

/* Appends @from, the next piece of the same row, to @into. */
static void
merge_pieces (PageBuilder *b, RectoLine *into, const RectoLine *from)
{
  char *text = g_strconcat (into->text, " ", from->text, NULL);

  g_free (into->text);
  into->text = text;
  g_array_append_vals (into->glyphs, from->glyphs->data, from->glyphs->len);
  into->box.x1 = MIN (into->box.x1, from->box.x1);
  into->box.y1 = MIN (into->box.y1, from->box.y1);
  into->box.x2 = MAX (into->box.x2, from->box.x2);
  into->box.y2 = MAX (into->box.y2, from->box.y2);
  set_line_style (b->page, into,
                  dominant_span (b, (const guint *) into->glyphs->data, into->glyphs->len));
}

/* Rows were cut at every wide gap; a cut that is not the page's @gutter (a loose justified
 * line, a tab stop) is joined again. Works on the page's lines from @first on, whose rows
 * @row_ids gives. */
static void
rejoin_pieces (PageBuilder *b, guint first, const GArray *row_ids, const ColumnGutter *gutter)
{
  GPtrArray *lines = b->page->lines;
  guint kept = first;

  for (guint i = first + 1; i < lines->len; i++)
    {
      RectoLine *prev = g_ptr_array_index (lines, kept);
      RectoLine *line = g_ptr_array_index (lines, i);
      guint row = g_array_index (row_ids, guint, i - first);
      gboolean same_row = row == g_array_index (row_ids, guint, i - first - 1) && row != G_MAXUINT;
      gboolean at_gutter = gutter->x >= 0 && prev->box.x2 <= gutter->x && line->box.x1 >= gutter->x
                           && !columns_crosses (line, gutter);

      if (same_row && !at_gutter)
        {
          merge_pieces (b, prev, line);
          continue;
        }
      kept++;
      /* Swap rather than copy: the page frees what ends up beyond the kept lines. */
      lines->pdata[i] = lines->pdata[kept];
      lines->pdata[kept] = line;
    }
  if (lines->len > first)
    g_ptr_array_set_size (lines, kept + 1);
}

static int
compare_lines_by_top (gconstpointer a, gconstpointer b)
{
  const RectoLine *la = *(RectoLine *const *) a, *lb = *(RectoLine *const *) b;

  if (la->box.y1 != lb->box.y1)
    return la->box.y1 < lb->box.y1 ? -1 : 1;
  return (la->box.x1 > lb->box.x1) - (la->box.x1 < lb->box.x1);
}

/* Rows found across the whole page mix the two columns where their baselines are offset, and
 * may then lose a glyph to the other column's row. On a page with a gutter, the glyphs of lines
 * that keep to one side are grouped into rows again, each side on its own. */
static void
rebuild_columns (PageBuilder *b, const ColumnGutter *gutter)
{
  static const ColumnGutter no_gutter = { -1, 0, 0 };
  RectoPage *page = b->page;
  const gunichar *chars = b->chars;
  const RectoBox *boxes = b->boxes;
  g_autofree gboolean *in_full_line = g_new0 (gboolean, page->chars->len);
  g_autoptr (GArray) left = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) right = g_array_new (FALSE, FALSE, sizeof (guint));
  GArray *sides[] = { left, right };
  g_autoptr (GArray) row_gaps = g_array_new (FALSE, FALSE, sizeof (RowGap));
  guint kept = 0;

  for (guint i = 0; i < page->lines->len; i++)
    {
      RectoLine *line = g_ptr_array_index (page->lines, i);
      if (line->glyphs != NULL && line->has_box && columns_crosses (line, gutter))
        for (guint j = 0; j < line->glyphs->len; j++)
          in_full_line[g_array_index (line->glyphs, guint, j)] = TRUE;
    }
  /* Full-width lines stay; the others are dropped and made again from their side's glyphs. */
  for (guint i = 0; i < page->lines->len; i++)
    {
      RectoLine *line = g_ptr_array_index (page->lines, i);
      if (!line->has_box || columns_crosses (line, gutter))
        {
          page->lines->pdata[i] = page->lines->pdata[kept];
          page->lines->pdata[kept++] = line;
        }
    }
  g_ptr_array_set_size (page->lines, kept);
  for (guint i = 0; i < page->chars->len; i++)
    if (has_box (&boxes[i]) && !in_full_line[i]
        && !(is_space (chars[i]) && boxes[i].x2 - boxes[i].x1 <= 0))
      g_array_append_val ((boxes[i].x1 + boxes[i].x2) / 2 < gutter->x ? left : right, i);
  for (guint side = 0; side < 2; side++)
    {
      g_autoptr (GArray) row_ids = g_array_new (FALSE, FALSE, sizeof (guint));
      guint first = page->lines->len;

      build_rows (b, (const guint *) sides[side]->data, sides[side]->len, row_gaps, row_ids);
      /* No gutter inside a column: every cut row is whole again. */
      rejoin_pieces (b, first, row_ids, &no_gutter);
    }
  g_ptr_array_sort (page->lines, compare_lines_by_top);
}

/* What the two passes over the pages share. Each call of a pass writes only its own page and
 * its own slots. */
typedef struct
{
  RectoDocument *doc;
  GPtrArray *builders; /* a PageBuilder per thread */
  GArray *gutters; /* ColumnGutter per page: its x -1 where it has no columns */
  GPtrArray *row_ids; /* GArray of guint per page: the row each of its lines was cut from */
} Layout;

/* The first pass: rebuilds the lines of page @index from its glyphs, a line for each piece of
 * a row cut at a wide gap, and finds the page's gutter from those cuts. */
static void
find_rows (guint index, guint worker, gpointer data)
{
  Layout *layout = data;
  RectoPage *page = recto_document_get_page (layout->doc, index);
  PageBuilder *b = g_ptr_array_index (layout->builders, worker);
  GArray *row_ids = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) row_gaps = g_array_new (FALSE, FALSE, sizeof (RowGap));

  layout->row_ids->pdata[index] = row_ids;
  g_array_index (layout->gutters, ColumnGutter, index) = (ColumnGutter) { -1, 0, 0 };
  /* A source without glyphs (plain text) brings its own lines. */
  if (page->chars->len == 0)
    return;
  page_builder_start (b, page);
  recto_page_clear_lines (page);
  build_lines (b, row_gaps, row_ids);
  g_array_index (layout->gutters, ColumnGutter, index) = columns_find_gutter (page, row_gaps);
}

/* The second pass, once every page has its gutter: joins the pieces of page @index's rows
 * again except at its gutter, and reads a two-column page column by column. */
static void
arrange_columns (guint index, guint worker, gpointer data)
{
  Layout *layout = data;
  RectoPage *page = recto_document_get_page (layout->doc, index);
  const ColumnGutter *gutter = &g_array_index (layout->gutters, ColumnGutter, index);
  PageBuilder *b = g_ptr_array_index (layout->builders, worker);

  if (page->chars->len == 0)
    return;
  page_builder_start (b, page);
  rejoin_pieces (b, 0, g_ptr_array_index (layout->row_ids, index), gutter);
  if (gutter->x >= 0)
    {
      rebuild_columns (b, gutter);
      if (!gutter->by_rows)
        columns_order_zones (page, gutter);
    }
}

static gboolean
reading_order_process (RectoStageContext *ctx, RectoDocument *doc, const void *config,
                       GError **error)
{
  guint n_pages = recto_document_get_n_pages (doc);
  guint n_threads = recto_get_n_threads ();
  g_autoptr (GPtrArray) builders =
      g_ptr_array_new_full (n_threads, (GDestroyNotify) page_builder_free);
  g_autoptr (GArray) gutters = g_array_sized_new (FALSE, FALSE, sizeof (ColumnGutter), n_pages);
  g_autoptr (GPtrArray) row_ids = g_ptr_array_new_full (n_pages, (GDestroyNotify) g_array_unref);
  Layout layout = { doc, builders, gutters, row_ids };

  for (guint i = 0; i < n_threads; i++)
    g_ptr_array_add (builders, page_builder_new (config));
  /* Every slot is filled by the first pass. */
  g_array_set_size (gutters, n_pages);
  g_ptr_array_set_size (row_ids, n_pages);
  recto_parallel_for (n_pages, find_rows, &layout);
  columns_borrow_gutters (doc, gutters);
  recto_parallel_for (n_pages, arrange_columns, &layout);
  columns_set_measures (doc, gutters);
  return TRUE;
}

static const RectoStageInfo reading_order_info = {
  .abi_version = RECTO_STAGE_ABI_VERSION,
  .name = "reading-order",
  .summary = "Builds lines from glyph geometry (not content-stream order), with spaces from "
             "glyph gaps, ordered top to bottom",
  .version = RECTO_VERSION,
  .license = "LGPL-2.1-or-later",
  .kind = RECTO_STAGE_REPAIR,
  .options = reading_order_options,
  .config_size = sizeof (ReadingOrderConfig),
  .process = reading_order_process,
};

RECTO_STAGE_DEFINE (reading_order_info)
