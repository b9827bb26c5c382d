/* columns.c: see columns.h. */
#include "columns.h"

#include <stdlib.h>
#include <string.h>

/* Rows split at a common gutter before a page counts as having two columns. */
#define MIN_GUTTER_ROWS 3
/* Most of a page's lines that may run across its gutter (titles, running heads). */
#define MAX_CROSSING_SHARE 0.3

typedef enum
{
  COLUMN_FULL,
  COLUMN_LEFT,
  COLUMN_RIGHT,
  N_COLUMN_KINDS
} ColumnKind;

static ColumnKind
column_of (const RectoLine *line, float gutter)
{
  if (gutter < 0 || !line->has_box)
    return COLUMN_FULL;
  if (line->box.x2 <= gutter)
    return COLUMN_LEFT;
  if (line->box.x1 >= gutter)
    return COLUMN_RIGHT;
  return COLUMN_FULL;
}

static int
compare_floats (const void *a, const void *b)
{
  float fa = *(const float *) a, fb = *(const float *) b;
  return (fa > fb) - (fa < fb);
}

/* How many of the @n @gaps cover @point, leaving out those less than a quarter as wide as
 * their median: such a gap is a gap within a line (the one-character gap after "表 1" in a
 * caption set over a table's wide gaps), not a gutter. A gutter's own gaps vary less: a short
 * line's gap is wider than a full line's, but where short lines are most, the gutter is placed
 * by the left column's longest line (columns_find_gutter). Sets *@lo and *@hi to where the
 * counted gaps overlap. @widths is scratch room for @n floats. */
static guint
count_covering (const RowGap *gaps, guint n, float point, float *widths, float *lo, float *hi)
{
  guint covering = 0, count = 0;
  float least;

  for (guint j = 0; j < n; j++)
    if (gaps[j].x1 <= point && gaps[j].x2 >= point)
      widths[covering++] = gaps[j].x2 - gaps[j].x1;
  if (covering == 0)
    return 0;
  qsort (widths, covering, sizeof (float), compare_floats);
  least = 0.25f * widths[covering / 2];
  *lo = -G_MAXFLOAT;
  *hi = G_MAXFLOAT;
  for (guint j = 0; j < n; j++)
    if (gaps[j].x1 <= point && gaps[j].x2 >= point && gaps[j].x2 - gaps[j].x1 >= least)
      {
        *lo = MAX (*lo, gaps[j].x1);
        *hi = MIN (*hi, gaps[j].x2);
        count++;
      }
  return count;
}

/* The centre of the x range covered by the most row gaps of @page, if at least MIN_GUTTER_ROWS
 * gaps cover it; -1 otherwise. The range is where the gaps that cover the best point overlap,
 * narrowed by the lines of the left column. */
float
columns_find_gutter (const RectoPage *page, const GArray *row_gaps)
{
  const RowGap *gaps = (const RowGap *) row_gaps->data;
  g_autofree float *widths = g_new (float, MAX (row_gaps->len, 1));
  float best_lo = 0, best_hi = -1, margin = G_MAXFLOAT, gutter;
  guint best_count = 0, crossing = 0;

  for (guint i = 0; i < row_gaps->len; i++)
    {
      /* Every maximal overlap reaches some gap's right end: try each as the point. Right ends
       * (where the right column starts) line up; left ends are ragged. */
      float lo, hi;
      guint count = count_covering (gaps, row_gaps->len, gaps[i].x2 - 0.01f, widths, &lo, &hi);

      if (count > best_count)
        {
          best_count = count;
          best_lo = lo;
          best_hi = hi;
        }
    }
  if (best_count < MIN_GUTTER_ROWS)
    return -1;
  /* Rows split by the gutter may all have ended short of the left column's edge: the left
   * column reaches as far as its longest line that starts at the left margin (give or take an
   * indent) and stops before the right column. */
  for (guint i = 0; i < page->lines->len; i++)
    {
      const RectoLine *line = g_ptr_array_index (page->lines, i);
      if (line->has_box)
        margin = MIN (margin, line->box.x1);
    }
  for (guint i = 0; i < page->lines->len; i++)
    {
      const RectoLine *line = g_ptr_array_index (page->lines, i);
      if (line->has_box && line->box.x1 < margin + 0.2f * (best_hi - margin)
          && line->box.x2 < best_hi)
        best_lo = MAX (best_lo, line->box.x2);
    }
  gutter = (best_lo + best_hi) / 2;
  /* Gaps that line up by chance (rivers of white space in justified text) leave most lines
   * running across; a real gutter has few lines across it. */
  for (guint i = 0; i < page->lines->len; i++)
    crossing += column_of (g_ptr_array_index (page->lines, i), gutter) == COLUMN_FULL;
  return crossing <= MAX_CROSSING_SHARE * page->lines->len ? gutter : -1;
}

gboolean
columns_crosses (const RectoLine *line, float gutter)
{
  return column_of (line, gutter) == COLUMN_FULL;
}

/* Appends the pending left column, then the right one, to @ordered. */
static void
flush_zone (GPtrArray *ordered, GPtrArray *left, GPtrArray *right)
{
  for (guint i = 0; i < left->len; i++)
    g_ptr_array_add (ordered, g_ptr_array_index (left, i));
  for (guint i = 0; i < right->len; i++)
    g_ptr_array_add (ordered, g_ptr_array_index (right, i));
  g_ptr_array_set_size (left, 0);
  g_ptr_array_set_size (right, 0);
}

void
columns_order_zones (RectoPage *page, float gutter)
{
  g_autoptr (GPtrArray) ordered = g_ptr_array_sized_new (page->lines->len);
  g_autoptr (GPtrArray) left = g_ptr_array_new ();
  g_autoptr (GPtrArray) right = g_ptr_array_new ();

  for (guint i = 0; i < page->lines->len; i++)
    {
      RectoLine *line = g_ptr_array_index (page->lines, i);
      switch (column_of (line, gutter))
        {
        case COLUMN_LEFT:
          g_ptr_array_add (left, line);
          break;
        case COLUMN_RIGHT:
          g_ptr_array_add (right, line);
          break;
        default:
          flush_zone (ordered, left, right);
          g_ptr_array_add (ordered, line);
          break;
        }
    }
  flush_zone (ordered, left, right);
  /* Same lines, new order: swap the pointers in place (the page owns the lines). */
  memcpy (page->lines->pdata, ordered->pdata, ordered->len * sizeof (gpointer));
}

/* Whether all lines of @page but the first and last keep to one side of @gutter. */
static gboolean
fits_gutter (const RectoPage *page, float gutter)
{
  guint inside = 0;

  for (guint i = 1; i + 1 < page->lines->len; i++)
    {
      const RectoLine *line = g_ptr_array_index (page->lines, i);
      if (column_of (line, gutter) == COLUMN_FULL)
        return FALSE;
      inside++;
    }
  return inside >= MIN_GUTTER_ROWS;
}

void
columns_borrow_gutters (RectoDocument *doc, GArray *gutters)
{
  guint n_pages = gutters->len;

  /* Forwards, then backwards, so that a gutter spreads to a run of pages either way. */
  for (int pass = 0; pass < 2; pass++)
    for (guint k = 1; k < n_pages; k++)
      {
        guint from = pass == 0 ? k - 1 : n_pages - k;
        guint to = pass == 0 ? k : n_pages - k - 1;
        float gutter = g_array_index (gutters, float, from);
        RectoPage *page = recto_document_get_page (doc, to);
        if (gutter < 0 || g_array_index (gutters, float, to) >= 0 || !fits_gutter (page, gutter))
          continue;
        g_array_index (gutters, float, to) = gutter;
      }
}

/* The value at @fraction of the sorted @values (which this sorts). */
static float
percentile (GArray *values, double fraction)
{
  qsort (values->data, values->len, sizeof (float), compare_floats);
  return g_array_index (values, float, (guint) (fraction * (values->len - 1)));
}

/* Edges of the lines of one column kind: the lower quartile of left edges (indented and centred
 * lines sit to the right of the margin) and the upper quartile of right edges (short last
 * lines fall to the left of it, hanging punctuation a little beyond). */
typedef struct
{
  GArray *x1, *x2;
} EdgeSample;

/* How far apart two pages' gutters may be, in page widths, for their columns to be the same. */
#define GUTTER_SLACK 0.02

static int
compare_page_gutters (gconstpointer a, gconstpointer b, gpointer data)
{
  const float *gutters = data;
  float ga = gutters[*(const guint *) a], gb = gutters[*(const guint *) b];
  return (ga > gb) - (ga < gb);
}

/* Numbers the pages' gutters: pages whose gutters lie within GUTTER_SLACK of each other (in a
 * chain) share a number, from 0; a page without a gutter gets G_MAXUINT. Returns how many
 * numbers were given; @group_of gets one per page. */
static guint
group_gutters (RectoDocument *doc, const GArray *gutters, guint *group_of)
{
  const float *g = (const float *) gutters->data;
  g_autoptr (GArray) pages = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n_groups = 0;

  for (guint p = 0; p < gutters->len; p++)
    {
      group_of[p] = G_MAXUINT;
      if (g[p] >= 0)
        g_array_append_val (pages, p);
    }
  g_array_sort_with_data (pages, compare_page_gutters, (gpointer) g);
  for (guint i = 0; i < pages->len; i++)
    {
      guint p = g_array_index (pages, guint, i);
      float slack = GUTTER_SLACK * recto_document_get_page (doc, p)->width;
      if (i == 0 || g[p] - g[g_array_index (pages, guint, i - 1)] > slack)
        n_groups++;
      group_of[p] = n_groups - 1;
    }
  return n_groups;
}

/* The sample a line of @kind on a page of gutter group @group goes to: full-width lines share
 * one across the document, the columns one per group of pages with the same gutter (a page
 * whose gutter runs elsewhere, a table's, has other columns). */
static guint
sample_slot (ColumnKind kind, guint group)
{
  return kind == COLUMN_FULL ? 0 : 1 + 2 * group + (kind == COLUMN_RIGHT);
}

void
columns_set_measures (RectoDocument *doc, const GArray *gutters)
{
  guint n_pages = recto_document_get_n_pages (doc);
  g_autofree guint *group_of = g_new (guint, MAX (n_pages, 1));
  guint n_slots = 1 + 2 * group_gutters (doc, gutters, group_of);
  g_autofree EdgeSample *samples = g_new (EdgeSample, n_slots);
  g_autofree float *measure_x1 = g_new0 (float, n_slots);
  g_autofree float *measure_x2 = g_new0 (float, n_slots);

  for (guint k = 0; k < n_slots; k++)
    {
      samples[k].x1 = g_array_new (FALSE, FALSE, sizeof (float));
      samples[k].x2 = g_array_new (FALSE, FALSE, sizeof (float));
    }
  for (guint p = 0; p < n_pages; p++)
    {
      const RectoPage *page = recto_document_get_page (doc, p);
      float gutter = g_array_index (gutters, float, p);
      for (guint i = 0; i < page->lines->len; i++)
        {
          const RectoLine *line = g_ptr_array_index (page->lines, i);
          guint slot = sample_slot (column_of (line, gutter), group_of[p]);
          if (!line->has_box)
            continue;
          g_array_append_val (samples[slot].x1, line->box.x1);
          g_array_append_val (samples[slot].x2, line->box.x2);
        }
    }
  for (guint k = 0; k < n_slots; k++)
    {
      if (samples[k].x1->len > 0)
        {
          measure_x1[k] = percentile (samples[k].x1, 0.25);
          measure_x2[k] = percentile (samples[k].x2, 0.75);
        }
      g_array_unref (samples[k].x1);
      g_array_unref (samples[k].x2);
    }
  for (guint p = 0; p < n_pages; p++)
    {
      const RectoPage *page = recto_document_get_page (doc, p);
      float gutter = g_array_index (gutters, float, p);
      for (guint i = 0; i < page->lines->len; i++)
        {
          RectoLine *line = g_ptr_array_index (page->lines, i);
          guint slot = sample_slot (column_of (line, gutter), group_of[p]);
          line->column_x1 = measure_x1[slot];
          line->column_x2 = measure_x2[slot];
        }
    }
}
