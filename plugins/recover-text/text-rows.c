/* text-rows.c: see text-rows.h. */
#include "text-rows.h"
#include "turned-rows.h"

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

/* From glyph @a to glyph @b of @page, a step: 1 down or up the page to a glyph whose box
 * touches its box (a line drawn rotated, or vertical writing: each glyph's box is its
 * advance), -1 across it, 0 neither (a glyph without a box, or the next line: lines' boxes
 * are apart by their leading). */
static int
step_of (const RectoPage *page, guint a, guint b)
{
  const RectoBox *x = &g_array_index (page->boxes, RectoBox, a);
  const RectoBox *y = &g_array_index (page->boxes, RectoBox, b);
  float dx = ABS ((y->x1 + y->x2) - (x->x1 + x->x2)) / 2;
  float dy = ABS ((y->y1 + y->y2) - (x->y1 + x->y2)) / 2;
  float touching = 1.02f * ((x->y2 - x->y1) + (y->y2 - y->y1)) / 2;

  if (g_array_index (page->chars, gunichar, b) == ' ' || y->x2 <= y->x1 || y->y2 <= y->y1)
    return 0;
  if (dy > 2 * dx && dy <= touching)
    return 1;
  return dx > 2 * dy && dx < 2 * MAX (x->x2 - x->x1, x->y2 - x->y1) ? -1 : 0;
}

/* Which way glyph @glyph of @page's line runs: 1 down the page (a rotated table, or vertical
 * writing: a band across the page would cut it into pieces of other lines, which OCR reads as
 * nonsense), -1 across, 0 unknown (no neighbour in the line: a table's one-glyph cell). It
 * steps down the page to a neighbour and across to none, or the other way. */
static int
direction_of (const RectoPage *page, guint glyph)
{
  int before = glyph > 0 ? step_of (page, glyph, glyph - 1) : 0;
  int after = glyph + 1 < page->chars->len ? step_of (page, glyph, glyph + 1) : 0;

  if ((before == 1 || after == 1) && before != -1 && after != -1)
    return 1;
  return before == -1 || after == -1 ? -1 : 0;
}

/* Marks in @down the glyphs of @page whose lines run down the page: those a neighbour says
 * so of, and those without one in a font whose lines on the page mostly run down. */
static void
find_lines_down (const RectoPage *page, gboolean *down)
{
  g_autoptr (GHashTable) votes = g_hash_table_new (NULL, NULL); /* font → down − across */
  g_autofree int *direction = g_new0 (int, page->chars->len + 1);

  for (guint i = 0; i < page->chars->len; i++)
    {
      const RectoSpan *span = span_of (page, i);
      direction[i] = direction_of (page, i);
      if (span != NULL && direction[i] != 0)
        g_hash_table_insert (votes, (gpointer) span->subset,
                             GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (votes, span->subset))
                                              + direction[i]));
    }
  for (guint i = 0; i < page->chars->len; i++)
    {
      const RectoSpan *span = direction[i] == 0 ? span_of (page, i) : NULL;
      down[i] = direction[i] == 1
                || (span != NULL && GPOINTER_TO_INT (g_hash_table_lookup (votes, span->subset)) > 0);
    }
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
  return span != NULL && font_survey_is_unmapped (surveys, span->subset);
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
                    || font_survey_needs_reading (surveys, span->subset,
                                                  g_array_index (page->chars, gunichar, i));
    }
  if (holds_codes)
    g_array_append_val (rows, row);
  else
    g_array_unref (row.glyphs);
}

/* The type size of glyph @glyph of @page, 0 where the source does not say. */
static float
size_of (const RectoPage *page, guint glyph)
{
  const RectoSpan *span = span_of (page, glyph);

  return span != NULL ? span->size : 0;
}

/* An em of the glyph at @box: poppler's boxes are about 1.4 ems tall. */
static float
box_em (const RectoBox *box)
{
  return MAX (box->y2 - box->y1, 1) * 0.7f;
}

/* Whether glyph @glyph of @page, after @last_glyph in a band, stands on another line than it:
 * a gap of a gutter parts them, or one of TEXT_ROWS_LINE_GAP_EMS between type of one size with
 * both the top and the bottom of the boxes moved the same way by TEXT_ROWS_SHIFT_EMS or more.
 * OCR reads nothing of a row that takes in two columns' lines set a third of an em apart (a
 * volume's "5. Introduce a single point of contact" beside "cases, and corrective action was
 * agreed": the letters Poppler gave as spaces in both were lost without a mark). Other type on
 * the same baseline has a box taller or shorter at both ends (a table's Han cell beside a Latin
 * one), not moved. */
static gboolean
starts_other_line (const RectoPage *page, guint last_glyph, guint glyph)
{
  const RectoBox *last = &g_array_index (page->boxes, RectoBox, last_glyph);
  const RectoBox *box = &g_array_index (page->boxes, RectoBox, glyph);
  float size = size_of (page, glyph), last_size = size_of (page, last_glyph);
  /* The em of the type, no less than its size (a producer's boxes may be a sliver of the
   * glyph). */
  float em = MAX (MIN (box_em (box), box_em (last)), MIN (size, last_size));
  float top = box->y1 - last->y1, bottom = box->y2 - last->y2;
  float gap = box->x1 - last->x2;
  /* Type of one size, as two columns' body text is: a smaller glyph beside a larger one may be
   * raised or lowered on the same line (GB/T 3620.1's table cells). */
  gboolean one_size = ABS (size - last_size) <= TEXT_ROWS_SIZE_SLACK * MAX (size, last_size);
  gboolean moved = one_size && (top > 0) == (bottom > 0)
                   && MIN (ABS (top), ABS (bottom)) >= TEXT_ROWS_SHIFT_EMS * em;

  return gap > TEXT_ROWS_GUTTER_EMS * box_em (box)
         || (moved && gap >= TEXT_ROWS_LINE_GAP_EMS * em);
}

/* Cuts a band of glyphs on one baseline into rows at column gutters. */
static void
cut_band (GArray *rows, const GArray *surveys, const RectoPage *page, Placed *band, guint n)
{
  guint from = 0, last;

  qsort (band, n, sizeof (Placed), compare_by_x);
  last = band[0].glyph; /* the glyph reaching furthest right so far */
  for (guint k = 1; k <= n; k++)
    {
      if (k < n && !starts_other_line (page, last, band[k].glyph))
        {
          if (g_array_index (page->boxes, RectoBox, band[k].glyph).x2
              > g_array_index (page->boxes, RectoBox, last).x2)
            last = band[k].glyph;
          continue;
        }
      add_row (rows, surveys, page, band, from, k);
      from = k;
      if (k < n)
        last = band[k].glyph;
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
      g_autofree gboolean *down = g_new (gboolean, page->chars->len + 1);
      g_autoptr (GArray) turned = g_array_new (FALSE, FALSE, sizeof (guint));
      guint from = 0;

      find_lines_down (page, down);
      for (guint i = 0; i < page->chars->len; i++)
        if (down[i] && takes_part (surveys, page, i))
          g_array_append_val (turned, i);
        else if (takes_part (surveys, page, i))
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
      turned_rows_add (rows, surveys, page, (const guint *) turned->data, turned->len);
    }
  return rows;
}

/* The extent of the rows of @rows on @row's page, turned as it is, that share most of its width
 * and of theirs. */
static void
shared_edges (const GArray *rows, const TextRow *row, float *left, float *right)
{
  *left = row->box.x1;
  *right = row->box.x2;
  for (guint i = 0; i < rows->len; i++)
    {
      const TextRow *other = &g_array_index (rows, TextRow, i);
      float overlap = MIN (other->box.x2, row->box.x2) - MAX (other->box.x1, row->box.x1);
      float wider = MAX (other->box.x2 - other->box.x1, row->box.x2 - row->box.x1);
      if (other->page != row->page || other->turn != row->turn || overlap < 0.6f * wider)
        continue;
      *left = MIN (*left, other->box.x1);
      *right = MAX (*right, other->box.x2);
    }
}

/* Whether another row of @rows stands on @row's line, between @left and @right. */
static gboolean
shares_its_line (const GArray *rows, const TextRow *row, float left, float right)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const TextRow *other = &g_array_index (rows, TextRow, i);
      float shared = MIN (other->box.y2, row->box.y2) - MAX (other->box.y1, row->box.y1);
      float lower = MIN (other->box.y2 - other->box.y1, row->box.y2 - row->box.y1);
      if (other != row && other->page == row->page && other->turn == row->turn
          && shared >= lower / 2 && other->box.x1 < right && other->box.x2 > left)
        return TRUE;
    }
  return FALSE;
}

/* How far in from its column's left edge a paragraph's last line may start: a paragraph's
 * first line is set in two ems, and Poppler may have dropped a glyph before it. */
#define LAST_LINE_INDENT_EMS 3.5f

void
text_rows_column_edges (const GArray *rows, const TextRow *row, float *left, float *right)
{
  const TextRow *nearest = NULL;
  float distance = G_MAXFLOAT, column_left, column_right;

  shared_edges (rows, row, left, right);
  if (*left < row->box.x1 || *right > row->box.x2)
    return;
  /* A row no other shares most of the width with is short: a paragraph's last line, whose
   * column starts where that of the nearest row above or below that holds most of it does, the
   * line before it (vol313-lost-body-text's "在全市推广。" lost its first glyph, which Poppler
   * dropped); its right end is the paragraph's, with a blank past it, where OCR reads noise.
   * Not so a short row set in further than such a line starts (centred: a heading,
   * "(资料性附录)"), or one beside another row on its line within that column: the rest of a
   * line the rows split (at a glyph whose code reads as white space: vol612-lost-body-text's
   * "launched in Ash" and "pe in May"), whose room it is. */
  for (guint i = 0; i < rows->len; i++)
    {
      const TextRow *other = &g_array_index (rows, TextRow, i);
      float overlap = MIN (other->box.x2, row->box.x2) - MAX (other->box.x1, row->box.x1);
      float apart = MAX (other->box.y1 - row->box.y2, row->box.y1 - other->box.y2);
      if (other == row || other->page != row->page || other->turn != row->turn
          || overlap < 0.6f * (row->box.x2 - row->box.x1) || apart >= distance)
        continue;
      nearest = other, distance = apart;
    }
  if (nearest == NULL)
    return;
  shared_edges (rows, nearest, &column_left, &column_right);
  if (row->box.x1 - column_left <= LAST_LINE_INDENT_EMS * text_row_em (row)
      && !shares_its_line (rows, row, column_left, column_right))
    *left = column_left;
}
