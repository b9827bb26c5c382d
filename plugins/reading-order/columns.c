/* columns.c: see columns.h. */
#include "columns.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const ColumnGutter WHOLE_PAGE = { -1, -G_MAXFLOAT, G_MAXFLOAT };

/* How far, in type sizes, the left edge of a page's full-width lines must lie from the
 * document's for the page to keep a margin of its own (more than a first-line indent). */
#define OWN_MARGIN_SHIFT 1.0f
/* Full-width lines a page must hold before its own edges are taken: fewer say nothing of a
 * margin. */
#define OWN_MARGIN_LINES 10

float
columns_line_size (const RectoLine *line)
{
  return line->size > 0 ? line->size : line->box.y2 - line->box.y1;
}

gboolean
columns_in_band (const RectoLine *line, const ColumnGutter *gutter)
{
  float centre = (line->box.y1 + line->box.y2) / 2;

  if (!line->has_box)
    return gutter->top == -G_MAXFLOAT && gutter->bottom == G_MAXFLOAT;
  return centre >= gutter->top && centre <= gutter->bottom;
}

ColumnKind
columns_side (const RectoLine *line, const ColumnGutter *gutter)
{
  if (gutter->x < 0 || !line->has_box || !columns_in_band (line, gutter))
    return COLUMN_FULL;
  if (line->box.x2 <= gutter->x)
    return COLUMN_LEFT;
  if (line->box.x1 >= gutter->x)
    return COLUMN_RIGHT;
  return COLUMN_FULL;
}

static int
compare_floats (const void *a, const void *b)
{
  float fa = *(const float *) a, fb = *(const float *) b;
  return (fa > fb) - (fa < fb);
}

gboolean
columns_crosses (const RectoLine *line, const ColumnGutter *gutter)
{
  return columns_side (line, gutter) == COLUMN_FULL;
}

/* Whether some line of @left lies level with some line of @right (their boxes overlap in
 * height, however little: offset rows of two columns do). */
static gboolean
sides_meet (GPtrArray *left, GPtrArray *right)
{
  for (guint i = 0; i < left->len; i++)
    {
      const RectoLine *a = g_ptr_array_index (left, i);
      for (guint j = 0; j < right->len; j++)
        {
          const RectoLine *b = g_ptr_array_index (right, j);
          if (a->box.y1 < b->box.y2 && b->box.y1 < a->box.y2)
            return TRUE;
        }
    }
  return FALSE;
}

static void
append_all (GPtrArray *to, const GPtrArray *from)
{
  for (guint i = 0; i < from->len; i++)
    g_ptr_array_add (to, g_ptr_array_index (from, i));
}

/* Appends the pending zone to @ordered: the left column, then the right one, or, when no line
 * of one side lies level with a line of the other, the lines one below another as @zone holds
 * them, from the top (a running head and a title over a table whose column gap made the gutter
 * are single lines stacked, not two columns). */
static void
flush_zone (GPtrArray *ordered, GPtrArray *zone, GPtrArray *left, GPtrArray *right)
{
  if (sides_meet (left, right))
    {
      append_all (ordered, left);
      append_all (ordered, right);
    }
  else
    append_all (ordered, zone);
  g_ptr_array_set_size (zone, 0);
  g_ptr_array_set_size (left, 0);
  g_ptr_array_set_size (right, 0);
}

void
columns_order_zones (RectoPage *page, const ColumnGutter *gutter)
{
  g_autoptr (GPtrArray) ordered = g_ptr_array_sized_new (page->lines->len);
  g_autoptr (GPtrArray) left = g_ptr_array_new ();
  g_autoptr (GPtrArray) right = g_ptr_array_new ();
  g_autoptr (GPtrArray) zone = g_ptr_array_new ();

  for (guint i = 0; i < page->lines->len; i++)
    {
      RectoLine *line = g_ptr_array_index (page->lines, i);
      switch (columns_side (line, gutter))
        {
        case COLUMN_LEFT:
          g_ptr_array_add (left, line);
          g_ptr_array_add (zone, line);
          break;
        case COLUMN_RIGHT:
          g_ptr_array_add (right, line);
          g_ptr_array_add (zone, line);
          break;
        default:
          flush_zone (ordered, zone, left, right);
          g_ptr_array_add (ordered, line);
          break;
        }
    }
  flush_zone (ordered, zone, left, right);
  /* Same lines, new order: swap the pointers in place (the page owns the lines). */
  memcpy (page->lines->pdata, ordered->pdata, ordered->len * sizeof (gpointer));
}

/* Whether all lines of @page but the first and last keep to one side of @gutter. */
static gboolean
fits_gutter (const RectoPage *page, const ColumnGutter *gutter)
{
  guint inside = 0;

  for (guint i = 1; i + 1 < page->lines->len; i++)
    {
      const RectoLine *line = g_ptr_array_index (page->lines, i);
      if (columns_side (line, gutter) == COLUMN_FULL)
        return FALSE;
      inside++;
    }
  return inside >= MIN_GUTTER_ROWS;
}

/* How far apart two pages' gutters may be, in page widths, for their columns to be the same. */
#define GUTTER_SLACK 0.02

void
columns_spread_labels (RectoDocument *doc, GArray *gutters)
{
  guint n_pages = gutters->len;

  /* Forwards, then backwards, as columns_borrow_gutters lends gutters. */
  for (int pass = 0; pass < 2; pass++)
    for (guint k = 1; k < n_pages; k++)
      {
        guint from = pass == 0 ? k - 1 : n_pages - k;
        guint to = pass == 0 ? k : n_pages - k - 1;
        const ColumnGutter *lender = &g_array_index (gutters, ColumnGutter, from);
        ColumnGutter *gutter = &g_array_index (gutters, ColumnGutter, to);
        float slack = GUTTER_SLACK * recto_document_get_page (doc, to)->width;
        if (lender->labels_at <= 0 || gutter->x < 0 || !gutter->untold
            || fabsf (gutter->x - lender->labels_at) > slack)
          continue;
        float top = gutter->labels_top, bottom = gutter->labels_bottom;
        *gutter = WHOLE_PAGE;
        gutter->labels_at = lender->labels_at;
        gutter->labels_top = top;
        gutter->labels_bottom = bottom;
      }
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
        /* The page lent to is in columns all down: the gutter runs down the whole of it. */
        ColumnGutter gutter = WHOLE_PAGE;
        RectoPage *page = recto_document_get_page (doc, to);
        gutter.x = g_array_index (gutters, ColumnGutter, from).x;
        gutter.by_rows = g_array_index (gutters, ColumnGutter, from).by_rows;
        /* A page of labels read with their rows has a gap, not a gutter. */
        if (gutter.x < 0 || g_array_index (gutters, ColumnGutter, to).x >= 0
            || g_array_index (gutters, ColumnGutter, to).labels_at > 0
            || page->turn != recto_document_get_page (doc, from)->turn
            || !fits_gutter (page, &gutter))
          continue;
        g_array_index (gutters, ColumnGutter, to) = gutter;
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

/* A page's gutter, and whether the page is turned (RectoPage.turn): what pages that share
 * their columns have alike. */
typedef struct
{
  float x;
  gboolean turned;
} PageGutter;

static int
compare_page_gutters (gconstpointer a, gconstpointer b, gpointer data)
{
  const PageGutter *gutters = data;
  const PageGutter *ga = &gutters[*(const guint *) a], *gb = &gutters[*(const guint *) b];
  if (ga->turned != gb->turned)
    return ga->turned - gb->turned;
  return (ga->x > gb->x) - (ga->x < gb->x);
}

/* Numbers the pages' gutters: pages whose gutters lie within GUTTER_SLACK of each other (in a
 * chain), and that are turned alike, share a number, from 0; a page without a gutter gets
 * G_MAXUINT. Returns how many numbers were given; @group_of gets one per page. */
static guint
group_gutters (RectoDocument *doc, const GArray *gutters, guint *group_of)
{
  const ColumnGutter *g = (const ColumnGutter *) gutters->data;
  g_autofree PageGutter *keys = g_new (PageGutter, MAX (gutters->len, 1));
  g_autoptr (GArray) pages = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n_groups = 0;

  for (guint p = 0; p < gutters->len; p++)
    {
      group_of[p] = G_MAXUINT;
      keys[p] = (PageGutter){ g[p].x, recto_document_get_page (doc, p)->turn != 0 };
      if (g[p].x >= 0)
        g_array_append_val (pages, p);
    }
  g_array_sort_with_data (pages, compare_page_gutters, keys);
  for (guint i = 0; i < pages->len; i++)
    {
      guint p = g_array_index (pages, guint, i);
      const PageGutter *before = i > 0 ? &keys[g_array_index (pages, guint, i - 1)] : NULL;
      float slack = GUTTER_SLACK * recto_document_get_page (doc, p)->width;
      if (before == NULL || before->turned != keys[p].turned || keys[p].x - before->x > slack)
        n_groups++;
      group_of[p] = n_groups - 1;
    }
  return n_groups;
}

/* The sample a line of @kind on @page, of gutter group @group, goes to: full-width lines share
 * one across the document's upright pages, and one across its turned pages (whose lines run
 * across the page's height: a table's rows), the columns one per group of pages with the same
 * gutter (a page whose gutter runs elsewhere, a table's, has other columns). */
static guint
sample_slot (const RectoPage *page, ColumnKind kind, guint group)
{
  if (kind == COLUMN_FULL)
    return page->turn != 0;
  return 2 + 2 * group + (kind == COLUMN_RIGHT);
}

/* Whether @line is a label and its text, read as one row across the gap after a column of
 * labels on its page (@gutter): it ends where its text does, which says nothing of the
 * measure. */
static gboolean
is_label_row (const RectoLine *line, const ColumnGutter *gutter)
{
  float centre = (line->box.y1 + line->box.y2) / 2;

  return gutter->labels_at > 0 && line->box.x1 < gutter->labels_at
         && line->box.x2 > gutter->labels_at && centre >= gutter->labels_top
         && centre <= gutter->labels_bottom;
}

/* Sets @x1 and @x2 to the edges of the lines of @page, a page without a gutter (@gutter), and
 * returns TRUE where they hold a margin of the page's own: facing pages mirror their margins
 * (a report's inner margin is the wider one), and a volume's pages may be set with other
 * margins, so the document's measure (@x1, @x2 on entry) would leave every line of a page set
 * further in indented from its column (paragraphs without a first-line indent would break at
 * every line). The page needs OWN_MARGIN_LINES lines, the edge its text keeps OWN_MARGIN_SHIFT
 * of their median type size right of the document's. (A page set further out needs no measure
 * of its own: its lines are not read as indented.) */
static gboolean
own_margin (const RectoPage *page, const ColumnGutter *gutter, float *x1, float *x2)
{
  g_autoptr (GArray) lefts = g_array_new (FALSE, FALSE, sizeof (float));
  g_autoptr (GArray) rights = g_array_new (FALSE, FALSE, sizeof (float));
  g_autoptr (GArray) sizes = g_array_new (FALSE, FALSE, sizeof (float));
  float size, left, right;

  /* A page with a gutter (columns, a table's) mixes its full-width lines with others: their
   * edges are no margin. */
  if (gutter->x >= 0)
    return FALSE;
  for (guint i = 0; i < page->lines->len; i++)
    {
      const RectoLine *line = g_ptr_array_index (page->lines, i);
      float line_size = columns_line_size (line);
      if (!line->has_box || is_label_row (line, gutter)
          || columns_side (line, gutter) != COLUMN_FULL)
        continue;
      g_array_append_val (lefts, line->box.x1);
      g_array_append_val (rights, line->box.x2);
      g_array_append_val (sizes, line_size);
    }
  if (lefts->len < OWN_MARGIN_LINES)
    return FALSE;
  size = percentile (sizes, 0.5);
  /* The page's left edge is its leftmost line's: a bullet or a heading left of a hanging
   * indent keeps the document's margin. */
  left = percentile (lefts, 0);
  right = percentile (rights, 0.75);
  /* The right edge kept (or moved right as far, facing pages mirrored), and the measure half
   * the document's at least: lines set centred (a cover's) draw their edges in from both
   * sides, and a few lines set right say nothing of a margin. */
  if (left - *x1 <= OWN_MARGIN_SHIFT * size || right < *x2 - OWN_MARGIN_SHIFT * size
      || right - left < (*x2 - *x1) / 2)
    return FALSE;
  *x1 = left;
  *x2 = right;
  return TRUE;
}

void
columns_set_measures (RectoDocument *doc, const GArray *gutters)
{
  guint n_pages = recto_document_get_n_pages (doc);
  g_autofree guint *group_of = g_new (guint, MAX (n_pages, 1));
  guint n_slots = 2 + 2 * group_gutters (doc, gutters, group_of);
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
      const ColumnGutter *gutter = &g_array_index (gutters, ColumnGutter, p);
      for (guint i = 0; i < page->lines->len; i++)
        {
          const RectoLine *line = g_ptr_array_index (page->lines, i);
          guint slot = sample_slot (page, columns_side (line, gutter), group_of[p]);
          if (!line->has_box || is_label_row (line, gutter))
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
      const ColumnGutter *gutter = &g_array_index (gutters, ColumnGutter, p);
      guint full = sample_slot (page, COLUMN_FULL, group_of[p]);
      float own_x1 = measure_x1[full], own_x2 = measure_x2[full];
      gboolean own = own_margin (page, gutter, &own_x1, &own_x2);
      for (guint i = 0; i < page->lines->len; i++)
        {
          RectoLine *line = g_ptr_array_index (page->lines, i);
          guint slot = sample_slot (page, columns_side (line, gutter), group_of[p]);
          line->column_x1 = own && slot == full ? own_x1 : measure_x1[slot];
          line->column_x2 = own && slot == full ? own_x2 : measure_x2[slot];
        }
    }
}
