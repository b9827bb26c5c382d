/* reading-order: builds each page's lines from glyph geometry, not from the order in which the
 * content stream drew them: glyphs whose vertical centres agree form a row, in x order, so a
 * digit drawn in another font or after the rest of the line still lands in its place. Spaces
 * come from the source's own space glyphs, or from gaps between glyphs.
 *
 * Columns: rows are first cut at every wide gap. Where several cuts line up, the page has a
 * gutter; cuts elsewhere (a loose justified line) are joined again, and the glyphs on each
 * side of the gutter are grouped into rows anew, side by side rows being offset. Lines left and
 * right of the gutter between two full-width lines form a two-column zone, read left column
 * first; a page that fills only one column borrows its neighbour's gutter. Every line learns
 * its column's measure (left and right edges, from that column's lines across the document),
 * against which the paragraph stage judges indentation and line fill. */
#include <math.h>

#include <recto/recto.h>

#include "columns.h"

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

typedef struct
{
  const RectoBox *boxes;
} SortContext;

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
glyph_size (const RectoPage *page, guint glyph)
{
  int span = recto_page_find_span (page, glyph);
  float size = span >= 0 ? g_array_index (page->spans, RectoSpan, span).size : 0;

  return size > 0 ? size : height (&g_array_index (page->boxes, RectoBox, glyph));
}

static int
compare_by_center (gconstpointer a, gconstpointer b, gpointer data)
{
  const RectoBox *boxes = ((SortContext *) data)->boxes;
  const RectoBox *ba = &boxes[*(const guint *) a];
  const RectoBox *bb = &boxes[*(const guint *) b];
  float da = center_y (ba), db = center_y (bb);

  if (da != db)
    return da < db ? -1 : 1;
  if (ba->x1 != bb->x1)
    return ba->x1 < bb->x1 ? -1 : 1;
  return (int) *(const guint *) a - (int) *(const guint *) b;
}

static int
compare_by_x (gconstpointer a, gconstpointer b, gpointer data)
{
  const RectoBox *boxes = ((SortContext *) data)->boxes;
  const RectoBox *ba = &boxes[*(const guint *) a];
  const RectoBox *bb = &boxes[*(const guint *) b];

  if (ba->x1 != bb->x1)
    return ba->x1 < bb->x1 ? -1 : 1;
  return (int) *(const guint *) a - (int) *(const guint *) b;
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
dominant_span (const RectoPage *page, const guint *glyphs, guint count)
{
  const gunichar *chars = (const gunichar *) page->chars->data;
  const RectoSpan *spans = (const RectoSpan *) page->spans->data;
  g_autoptr (GArray) styles = g_array_new (FALSE, FALSE, sizeof (int)); /* a span of each */
  g_autoptr (GArray) votes = g_array_new (FALSE, TRUE, sizeof (guint));
  gboolean wide_only = FALSE;
  int best = -1;
  guint best_votes = 0;

  for (guint i = 0; i < count && !wide_only; i++)
    wide_only = g_unichar_iswide (chars[glyphs[i]]);
  for (guint i = 0; i < count; i++)
    {
      int span = recto_page_find_span (page, glyphs[i]);
      guint style;
      if (span < 0 || (wide_only && !g_unichar_iswide (chars[glyphs[i]])))
        continue;
      for (style = 0; style < styles->len; style++)
        {
          const RectoSpan *a = &spans[g_array_index (styles, int, style)], *b = &spans[span];
          if (a->font == b->font && a->size == b->size && a->flags == b->flags)
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

/* Makes one line of @count glyphs (indices into the page, in reading order): its text with
 * spaces where the source had them or the gaps suggest them, its box, and its style. */
static void
emit_line (RectoPage *page, const guint *glyphs, const gboolean *space_before, guint count,
           const ReadingOrderConfig *config, gboolean geometry)
{
  const gunichar *chars = (const gunichar *) page->chars->data;
  const RectoBox *boxes = (const RectoBox *) page->boxes->data;
  g_autoptr (GString) text = g_string_new (NULL);
  RectoBox box = boxes[glyphs[0]];
  int span = dominant_span (page, glyphs, count);
  RectoLine *line;

  for (guint i = 0; i < count; i++)
    {
      const RectoBox *b = &boxes[glyphs[i]];

      if (geometry && i > 0)
        {
          const RectoBox *prev = &boxes[glyphs[i - 1]];
          if (space_before[i]
              || b->x1 - prev->x2 > config->space_gap * MIN (height (prev), height (b)))
            g_string_append_c (text, ' ');
        }
      g_string_append_unichar (text, chars[glyphs[i]]);
      box.x1 = MIN (box.x1, b->x1);
      box.y1 = MIN (box.y1, b->y1);
      box.x2 = MAX (box.x2, b->x2);
      box.y2 = MAX (box.y2, b->y2);
    }

  line = recto_page_add_line (page, text->str, geometry ? &box : NULL);
  line->glyphs = g_array_sized_new (FALSE, FALSE, sizeof (guint), count);
  g_array_append_vals (line->glyphs, glyphs, count);
  if (span >= 0)
    {
      const RectoSpan *style = &g_array_index (page->spans, RectoSpan, span);
      line->font = style->font;
      line->size = style->size;
      line->flags = style->flags;
    }
}

/* Sorts one row of glyphs by x and emits it as lines, split where a gap is wide. The row's
 * white-space glyphs only say where the source put a space: a justified line's spaces may be
 * narrower than the gap that would suggest one. */
static void
emit_row (RectoPage *page, GArray *row, const ReadingOrderConfig *config, GArray *row_gaps,
          GArray *row_ids)
{
  guint row_id = row_ids->len > 0 ? g_array_index (row_ids, guint, row_ids->len - 1) + 1 : 0;
  const gunichar *chars = (const gunichar *) page->chars->data;
  const RectoBox *boxes = (const RectoBox *) page->boxes->data;
  SortContext sort = { boxes };
  g_autoptr (GArray) glyphs = g_array_sized_new (FALSE, FALSE, sizeof (guint), row->len);
  g_autoptr (GArray) spaces = g_array_sized_new (FALSE, FALSE, sizeof (gboolean), row->len);
  const RectoBox *space = NULL; /* the last white-space glyph not yet followed */
  guint start = 0;

  g_array_sort_with_data (row, compare_by_x, &sort);
  for (guint i = 0; i < row->len; i++)
    {
      guint glyph = g_array_index (row, guint, i);
      /* A glyph set over a space (a superscript note mark after a full stop) is not after it. */
      gboolean after_space = space != NULL && boxes[glyph].x1 >= (space->x1 + space->x2) / 2;

      if (g_unichar_isspace (chars[glyph]))
        {
          /* A space squeezed to a sliver (justification before a note mark) separates nothing. */
          if (boxes[glyph].x2 - boxes[glyph].x1 >= 0.1f * glyph_size (page, glyph))
            space = &boxes[glyph];
          continue;
        }
      g_array_append_val (glyphs, glyph);
      g_array_append_val (spaces, after_space);
      if (after_space)
        space = NULL;
    }
  for (guint i = 1; i <= glyphs->len; i++)
    {
      if (i < glyphs->len)
        {
          guint glyph_before = g_array_index (glyphs, guint, i - 1);
          const RectoBox *prev = &boxes[glyph_before];
          const RectoBox *b = &boxes[g_array_index (glyphs, guint, i)];
          RowGap gap = { prev->x2, b->x1 };
          if (b->x1 - prev->x2 <= config->split_gap * glyph_size (page, glyph_before))
            continue;
          g_array_append_val (row_gaps, gap);
        }
      emit_line (page, (const guint *) glyphs->data + start,
                 (const gboolean *) spaces->data + start, i - start, config, TRUE);
      g_array_append_val (row_ids, row_id);
      start = i;
    }
}

/* Groups @placed (glyph indices with boxes, which this sorts) into rows of glyphs whose
 * vertical centres agree, and emits each row as lines. */
static void
build_rows (RectoPage *page, const ReadingOrderConfig *config, GArray *placed, GArray *row_gaps,
            GArray *row_ids)
{
  const RectoBox *boxes = (const RectoBox *) page->boxes->data;
  g_autoptr (GArray) row = g_array_new (FALSE, FALSE, sizeof (guint));
  SortContext sort = { boxes };
  float row_center = 0, row_height = 0;

  g_array_sort_with_data (placed, compare_by_center, &sort);
  for (guint i = 0; i < placed->len; i++)
    {
      guint glyph = g_array_index (placed, guint, i);
      const RectoBox *b = &boxes[glyph];

      if (row->len > 0 && fabsf (center_y (b) - row_center) > 0.5f * MAX (height (b), row_height))
        {
          emit_row (page, row, config, row_gaps, row_ids);
          g_array_set_size (row, 0);
        }
      g_array_append_val (row, glyph);
      /* The row's band is the running mean of its glyphs' centres and heights. */
      row_center += (center_y (b) - row_center) / row->len;
      row_height += (height (b) - row_height) / row->len;
    }
  if (row->len > 0)
    emit_row (page, row, config, row_gaps, row_ids);
}

static void
build_lines (RectoPage *page, const ReadingOrderConfig *config, GArray *row_gaps, GArray *row_ids)
{
  const gunichar *chars = (const gunichar *) page->chars->data;
  const RectoBox *boxes = (const RectoBox *) page->boxes->data;
  g_autoptr (GArray) placed = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) unplaced = g_array_new (FALSE, FALSE, sizeof (guint));

  /* White space without a box says nothing about where it belongs: it is dropped, and spaces
   * are inferred from the gaps between glyphs. */
  for (guint i = 0; i < page->chars->len; i++)
    if (has_box (&boxes[i]))
      g_array_append_val (placed, i);
    else if (!g_unichar_isspace (chars[i]))
      g_array_append_val (unplaced, i);

  build_rows (page, config, placed, row_gaps, row_ids);
  /* Glyphs without a box keep their source order, after the placed lines. */
  if (unplaced->len > 0)
    {
      guint row_id = G_MAXUINT;
      emit_line (page, (const guint *) unplaced->data, NULL, unplaced->len, config, FALSE);
      g_array_append_val (row_ids, row_id);
    }
}

/* Appends @from, the next piece of the same row, to @into. */
static void
merge_pieces (const RectoPage *page, RectoLine *into, const RectoLine *from)
{
  char *text = g_strconcat (into->text, " ", from->text, NULL);
  int span;

  g_free (into->text);
  into->text = text;
  g_array_append_vals (into->glyphs, from->glyphs->data, from->glyphs->len);
  into->box.x1 = MIN (into->box.x1, from->box.x1);
  into->box.y1 = MIN (into->box.y1, from->box.y1);
  into->box.x2 = MAX (into->box.x2, from->box.x2);
  into->box.y2 = MAX (into->box.y2, from->box.y2);
  span = dominant_span (page, (const guint *) into->glyphs->data, into->glyphs->len);
  if (span >= 0)
    {
      const RectoSpan *style = &g_array_index (page->spans, RectoSpan, span);
      into->font = style->font;
      into->size = style->size;
      into->flags = style->flags;
    }
}

/* Rows were cut at every wide gap; a cut that is not the page's @gutter (a loose justified
 * line, a tab stop) is joined again. Works on the page's lines from @first on, whose rows
 * @row_ids gives. */
static void
rejoin_pieces (RectoPage *page, guint first, const GArray *row_ids, float gutter)
{
  guint kept = first;

  for (guint i = first + 1; i < page->lines->len; i++)
    {
      RectoLine *prev = g_ptr_array_index (page->lines, kept);
      RectoLine *line = g_ptr_array_index (page->lines, i);
      guint row = g_array_index (row_ids, guint, i - first);
      gboolean same_row = row == g_array_index (row_ids, guint, i - first - 1) && row != G_MAXUINT;
      gboolean at_gutter = gutter >= 0 && prev->box.x2 <= gutter && line->box.x1 >= gutter;

      if (same_row && !at_gutter)
        {
          merge_pieces (page, prev, line);
          continue;
        }
      kept++;
      /* Swap rather than copy: the page frees what ends up beyond the kept lines. */
      page->lines->pdata[i] = page->lines->pdata[kept];
      page->lines->pdata[kept] = line;
    }
  if (page->lines->len > first)
    g_ptr_array_set_size (page->lines, kept + 1);
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
rebuild_columns (RectoPage *page, const ReadingOrderConfig *config, float gutter)
{
  const gunichar *chars = (const gunichar *) page->chars->data;
  const RectoBox *boxes = (const RectoBox *) page->boxes->data;
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
        && !(g_unichar_isspace (chars[i]) && boxes[i].x2 - boxes[i].x1 <= 0))
      g_array_append_val ((boxes[i].x1 + boxes[i].x2) / 2 < gutter ? left : right, i);
  for (guint side = 0; side < 2; side++)
    {
      g_autoptr (GArray) row_ids = g_array_new (FALSE, FALSE, sizeof (guint));
      guint first = page->lines->len;

      build_rows (page, config, sides[side], row_gaps, row_ids);
      /* No gutter inside a column: every cut row is whole again. */
      rejoin_pieces (page, first, row_ids, -1);
    }
  g_ptr_array_sort (page->lines, compare_lines_by_top);
}

static gboolean
reading_order_process (RectoStageContext *ctx, RectoDocument *doc, const void *config,
                       GError **error)
{
  guint n_pages = recto_document_get_n_pages (doc);
  g_autoptr (GArray) gutters = g_array_sized_new (FALSE, FALSE, sizeof (float), n_pages);
  g_autoptr (GPtrArray) row_ids = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr (GArray) row_gaps = g_array_new (FALSE, FALSE, sizeof (RowGap));

  for (guint i = 0; i < n_pages; i++)
    {
      RectoPage *page = recto_document_get_page (doc, i);
      GArray *ids = g_array_new (FALSE, FALSE, sizeof (guint));
      float gutter = -1;

      /* A source without glyphs (plain text) brings its own lines. */
      if (page->chars->len > 0)
        {
          recto_page_clear_lines (page);
          g_array_set_size (row_gaps, 0);
          build_lines (page, config, row_gaps, ids);
          gutter = columns_find_gutter (page, row_gaps);
        }
      g_array_append_val (gutters, gutter);
      g_ptr_array_add (row_ids, ids);
    }
  columns_borrow_gutters (doc, gutters);
  for (guint i = 0; i < n_pages; i++)
    {
      RectoPage *page = recto_document_get_page (doc, i);
      float gutter = g_array_index (gutters, float, i);
      if (page->chars->len == 0)
        continue;
      rejoin_pieces (page, 0, g_ptr_array_index (row_ids, i), gutter);
      if (gutter >= 0)
        {
          rebuild_columns (page, config, gutter);
          columns_order_zones (page, gutter);
        }
    }
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
