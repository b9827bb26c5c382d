/* grid.c: see grid.h. Distances are in points; the tolerances below are a stroke's width and
 * the slack of a drawing, not measures of text. */
#include "grid.h"

#include <math.h>

#define TOUCH 2.5f /* rules that come this close touch */

void
grid_free (Grid *grid)
{
  if (grid == NULL)
    return;
  g_array_unref (grid->rows);
  g_array_unref (grid->cols);
  g_array_unref (grid->members);
  g_array_unref (grid->slots);
  g_free (grid->owner);
  g_free (grid);
}

/* ---- union-find over small index sets ---- */

static guint
find_root (guint *parent, guint i)
{
  while (parent[i] != i)
    i = parent[i] = parent[parent[i]];
  return i;
}

/* Joins two sets; the smaller index stays the root (top-left slot of a cell). */
static void
join (guint *parent, guint a, guint b)
{
  a = find_root (parent, a), b = find_root (parent, b);
  if (a != b)
    parent[MAX (a, b)] = MIN (a, b);
}

/* ---- edges ---- */

static void
add_edge (GArray *edges, float at)
{
  for (guint i = 0; i < edges->len; i++)
    if (fabsf (g_array_index (edges, float, i) - at) <= TOUCH)
      return;
  g_array_append_val (edges, at);
}

static int
compare_floats (gconstpointer a, gconstpointer b)
{
  float x = *(const float *) a, y = *(const float *) b;

  return (x > y) - (x < y);
}

/* How much of [from, to] the rules of @list at @pos cover. */
static float
covered (const GArray *list, float pos, float from, float to)
{
  float total = 0;

  for (guint i = 0; i < list->len; i++)
    {
      const Rule *r = &g_array_index (list, Rule, i);
      if (fabsf (r->pos - pos) <= TOUCH)
        total += MAX (0, MIN (r->to, to) - MAX (r->from, from));
    }
  return total;
}

static gboolean
inside (const RectoBox *box, const RectoBox *outer)
{
  float x = (box->x1 + box->x2) / 2, y = (box->y1 + box->y2) / 2;

  return x >= outer->x1 - 1 && x <= outer->x2 + 1 && y >= outer->y1 - 1 && y <= outer->y2 + 1;
}

static guint
edge_index (const GArray *edges, float at)
{
  guint n = edges->len - 1;

  for (guint i = 1; i < n; i++)
    if (at < g_array_index (edges, float, i))
      return i - 1;
  return n - 1;
}

guint
grid_row_at (const Grid *grid, float y)
{
  return edge_index (grid->rows, y);
}

guint
grid_cell_at (const Grid *grid, float x, float y)
{
  return grid->owner[edge_index (grid->rows, y) * grid->n_cols + edge_index (grid->cols, x)];
}

/* ---- columns from the text ---- */

/* The runs of [x1, x2] that the text of the bands with several segments of @members, among
 * those whose middle is below @below (@n_bands of them), leaves open for at least @gap points
 * down the whole table (one band in ten may cross): pairs of floats, start and end. */
static GArray *
open_runs (const GArray *segments, const GPtrArray *bands, const GArray *members, float x1,
           float x2, float gap, float below, guint *n_bands)
{
  GArray *runs = g_array_new (FALSE, FALSE, sizeof (float));
  guint n_bins = (guint) MAX (1, ceilf ((x2 - x1) * 2)) + 1, multi = 0;
  g_autofree guint *count = g_new0 (guint, n_bins);
  g_autofree guint *stamp = g_new0 (guint, n_bins);
  guint run = 0;

  for (guint b = 0; b < bands->len; b++)
    {
      const Band *band = g_ptr_array_index (bands, b);
      guint n_inside = 0;
      if ((band->y1 + band->y2) / 2 < below)
        continue;
      for (guint m = 0; m < band->members->len; m++)
        for (guint k = 0; k < members->len; k++)
          n_inside += g_array_index (members, guint, k) == g_array_index (band->members, guint, m);
      if (n_inside < 2)
        continue;
      multi++;
      for (guint m = 0; m < band->members->len; m++)
        {
          const Segment *s = &g_array_index (segments, Segment, g_array_index (band->members, guint, m));
          guint from = (guint) CLAMP ((s->box.x1 - x1) * 2, 0, n_bins - 1);
          guint to = (guint) CLAMP ((s->box.x2 - x1) * 2, 0, n_bins - 1);
          for (guint i = from; i <= to; i++)
            if (stamp[i] != b + 1)
              stamp[i] = b + 1, count[i]++;
        }
    }
  *n_bands = multi;
  for (guint i = 0; i < n_bins; i++)
    {
      gboolean open = count[i] <= multi / 10;
      if (open)
        run++;
      if (!open || i == n_bins - 1)
        {
          /* An open run between text on both sides is a gap between columns. */
          if (!open && run >= gap * 2 && i > run)
            {
              float from = x1 + (i - run) / 2.0f, to = x1 + i / 2.0f;
              g_array_append_val (runs, from);
              g_array_append_val (runs, to);
            }
          run = 0;
        }
    }
  return runs;
}

/* Whether every band of @members above @heads_end holds two segments or more of them (heads,
 * not lines of text above the table that its rules took in). */
static gboolean
heads_are_rows (const GPtrArray *bands, const GArray *members, float heads_end)
{
  for (guint b = 0; b < bands->len; b++)
    {
      const Band *band = g_ptr_array_index (bands, b);
      guint n_inside = 0;
      if ((band->y1 + band->y2) / 2 >= heads_end)
        continue;
      for (guint m = 0; m < band->members->len; m++)
        for (guint k = 0; k < members->len; k++)
          n_inside += g_array_index (members, guint, k) == g_array_index (band->members, guint, m);
      if (n_inside == 1)
        return FALSE;
    }
  return TRUE;
}

/* Column edges inside [x1, x2], in the middle of each gap the text leaves open down the whole
 * table. Heads (the bands above @heads_end, the rule under them, each holding several
 * segments) are set centred or flush left
 * over figures set flush right and may cross a gap between the body's columns: a gap the body
 * leaves open and the whole table does not is an edge too, where no edge of the whole table
 * falls inside it (a head over a column the body leaves empty keeps its column). */
static void
text_columns (const GArray *segments, const GPtrArray *bands, const GArray *members, float x1,
              float x2, float gap, float heads_end, GArray *edges)
{
  guint n_all, n_body;
  g_autoptr (GArray) all = open_runs (segments, bands, members, x1, x2, gap, -G_MAXFLOAT, &n_all);
  g_autoptr (GArray) body = open_runs (segments, bands, members, x1, x2, gap, heads_end, &n_body);

  g_array_append_val (edges, x1);
  for (guint i = 0; i < all->len; i += 2)
    {
      float at = (g_array_index (all, float, i) + g_array_index (all, float, i + 1)) / 2;
      g_array_append_val (edges, at);
    }
  for (guint i = 0; n_body >= 2 && n_body < n_all && heads_are_rows (bands, members, heads_end)
                   && i < body->len;
       i += 2)
    {
      float from = g_array_index (body, float, i), to = g_array_index (body, float, i + 1);
      float at = (from + to) / 2;
      gboolean crossed = TRUE;
      for (guint e = 0; e < edges->len && crossed; e++)
        crossed = g_array_index (edges, float, e) < from || g_array_index (edges, float, e) > to;
      if (crossed)
        g_array_append_val (edges, at);
    }
  g_array_sort (edges, compare_floats);
  g_array_append_val (edges, x2);
}

/* ---- building a grid ---- */

static gboolean
segment_in_band (const Band *band, guint index)
{
  for (guint m = 0; m < band->members->len; m++)
    if (g_array_index (band->members, guint, m) == index)
      return TRUE;
  return FALSE;
}

/* The bands with a segment among @members, top to bottom. */
static GPtrArray *
bands_inside (const GPtrArray *bands, const GArray *members)
{
  GPtrArray *out = g_ptr_array_new ();

  for (guint b = 0; b < bands->len; b++)
    for (guint k = 0; k < members->len; k++)
      if (segment_in_band (g_ptr_array_index (bands, b), g_array_index (members, guint, k)))
        {
          g_ptr_array_add (out, g_ptr_array_index (bands, b));
          break;
        }
  return out;
}

/* Row edges: between the horizontal rules @hedges when each space holds one band (or @full),
 * else between bands, with the rules as edges too. */
static gboolean
choose_rows (Grid *grid, const GArray *hedges, const GPtrArray *inner, gboolean full)
{
  guint single = 0, several = 0;

  for (guint i = 0; i + 1 < hedges->len; i++)
    {
      float top = g_array_index (hedges, float, i), bottom = g_array_index (hedges, float, i + 1);
      guint n = 0;
      for (guint b = 0; b < inner->len; b++)
        {
          const Band *band = g_ptr_array_index (inner, b);
          float middle = (band->y1 + band->y2) / 2;
          n += middle > top && middle < bottom;
        }
      single += n == 1;
      several += n > 1;
    }
  if (hedges->len >= 3 && (full || (single >= 2 && single > several)))
    {
      g_array_append_vals (grid->rows, hedges->data, hedges->len);
      return TRUE;
    }
  g_array_append_val (grid->rows, grid->box.y1);
  for (guint b = 0; b + 1 < inner->len; b++)
    {
      const Band *upper = g_ptr_array_index (inner, b), *lower = g_ptr_array_index (inner, b + 1);
      float at = (upper->y2 + lower->y1) / 2;
      for (guint i = 0; i < hedges->len; i++)
        {
          float h = g_array_index (hedges, float, i);
          if (h > (upper->y1 + upper->y2) / 2 && h < (lower->y1 + lower->y2) / 2)
            at = h;
        }
      g_array_append_val (grid->rows, at);
    }
  g_array_append_val (grid->rows, grid->box.y2);
  return FALSE;
}

/* Whether each segment of @band among @members lies in another column, and one in the first. */
static gboolean
band_is_full_row (const Band *band, const GArray *segments, const GArray *cols)
{
  guint64 seen = 0;
  guint n = 0;

  for (guint m = 0; m < band->members->len; m++)
    {
      const Segment *s = &g_array_index (segments, Segment, g_array_index (band->members, guint, m));
      float middle = (s->box.x1 + s->box.x2) / 2;
      guint c;
      if (s->rule || middle < g_array_index (cols, float, 0)
          || middle > g_array_index (cols, float, cols->len - 1))
        continue;
      c = MIN (edge_index (cols, middle), 63);
      n += (seen & (G_GUINT64_CONSTANT (1) << c)) == 0;
      seen |= G_GUINT64_CONSTANT (1) << c;
    }
  return n >= 2 && (seen & 1) != 0;
}

/* How many of @inner's bands have their middle between @top and @bottom. */
static guint
bands_between (const GPtrArray *inner, float top, float bottom)
{
  guint n = 0;

  for (guint b = 0; b < inner->len; b++)
    {
      const Band *band = g_ptr_array_index (inner, b);
      float middle = (band->y1 + band->y2) / 2;
      n += middle > top && middle < bottom;
    }
  return n;
}

/* A fully ruled table may leave out the rules between its body rows: a space between rules
 * whose every band fills a row (a label and another column) holds that many rows. Not when
 * three spaces or more hold several lines: that table rules its rows, and those are cells of
 * several lines. The new edges are marked not drawn in @drawn. */
static void
split_ruled_rows (Grid *grid, const GArray *segments, const GPtrArray *inner, GArray *drawn)
{
  g_autoptr (GArray) rows = g_array_new (FALSE, FALSE, sizeof (float));
  guint several = 0;

  for (guint r = 0; r + 1 < grid->rows->len; r++)
    several += bands_between (inner, g_array_index (grid->rows, float, r),
                              g_array_index (grid->rows, float, r + 1)) >= 2;
  for (guint r = 0; r + 1 < grid->rows->len; r++)
    {
      float top = g_array_index (grid->rows, float, r), bottom = g_array_index (grid->rows, float, r + 1);
      g_autoptr (GPtrArray) within = g_ptr_array_new ();
      gboolean split = several < 3;
      gboolean yes = TRUE, no = FALSE;
      g_array_append_val (rows, top);
      g_array_append_val (drawn, yes);
      for (guint b = 0; b < inner->len; b++)
        {
          const Band *band = g_ptr_array_index (inner, b);
          float middle = (band->y1 + band->y2) / 2;
          if (middle > top && middle < bottom)
            {
              g_ptr_array_add (within, (gpointer) band);
              split = split && band_is_full_row (band, segments, grid->cols);
            }
        }
      for (guint b = 0; split && within->len >= 2 && b + 1 < within->len; b++)
        {
          const Band *upper = g_ptr_array_index (within, b), *lower = g_ptr_array_index (within, b + 1);
          float at = (upper->y2 + lower->y1) / 2;
          g_array_append_val (rows, at);
          g_array_append_val (drawn, no);
        }
    }
  g_array_append_val (rows, g_array_index (grid->rows, float, grid->rows->len - 1));
  g_array_set_size (grid->rows, 0);
  g_array_append_vals (grid->rows, rows->data, rows->len);
}

/* Joins the slots whose rule between them is missing (for ruled rows and columns) and the slots
 * a segment's text crosses. */
static void
find_spans (Grid *grid, const Rules *rules, const GArray *segments, const GArray *drawn,
            gboolean ruled_cols)
{
  guint n = grid->n_rows * grid->n_cols;

  for (guint i = 0; i < n; i++)
    grid->owner[i] = i;
  for (guint r = 0; r < grid->n_rows; r++)
    for (guint c = 0; c < grid->n_cols; c++)
      {
        float top = g_array_index (grid->rows, float, r), bottom = g_array_index (grid->rows, float, r + 1);
        float left = g_array_index (grid->cols, float, c), right = g_array_index (grid->cols, float, c + 1);
        if (ruled_cols && c > 0 && covered (rules->vertical, left, top, bottom) < 0.6f * (bottom - top))
          join (grid->owner, r * grid->n_cols + c - 1, r * grid->n_cols + c);
        if (drawn != NULL && r > 0 && g_array_index (drawn, gboolean, r) && covered (rules->horizontal, top, left, right) < 0.6f * (right - left))
          join (grid->owner, (r - 1) * grid->n_cols + c, r * grid->n_cols + c);
      }
  for (guint k = 0; k < grid->members->len; k++)
    {
      const Segment *s = &g_array_index (segments, Segment, g_array_index (grid->members, guint, k));
      guint r = edge_index (grid->rows, (s->box.y1 + s->box.y2) / 2);
      if (s->rule)
        continue;
      for (guint c = 1; c < grid->n_cols; c++)
        {
          float edge = g_array_index (grid->cols, float, c);
          if (s->box.x1 < edge - 1.5f && s->box.x2 > edge + 1.5f)
            join (grid->owner, r * grid->n_cols + c - 1, r * grid->n_cols + c);
        }
    }
  for (guint i = 0; i < n; i++)
    grid->owner[i] = find_root (grid->owner, i);
}

/* Header rows: the rows above a rule across the table's top part (three-line tables), else the
 * rows above the first with a number in it, when later rows hold numbers. */
static void
find_header (Grid *grid, const GArray *segments, const GArray *hedges, gboolean ruled_rows)
{
  guint first_numeric = grid->n_rows;
  g_autofree gboolean *numeric = g_new0 (gboolean, grid->n_rows);
  g_autofree guint *texts = g_new0 (guint, grid->n_rows);
  guint label_text = 0, label_rows = 0;

  for (guint k = 0; k < grid->members->len; k++)
    {
      const Segment *s = &g_array_index (segments, Segment, g_array_index (grid->members, guint, k));
      guint slot = g_array_index (grid->slots, guint, k);
      guint r = slot / grid->n_cols;
      numeric[r] = numeric[r] || s->numeric;
      if (slot % grid->n_cols == 0 && !s->rule)
        texts[r]++, label_text += !s->numeric;
    }
  for (guint r = 0; r < grid->n_rows; r++)
    if (numeric[r] && first_numeric == grid->n_rows)
      first_numeric = r;
  grid->header_rows = 0;
  if (!ruled_rows && hedges->len >= 3)
    {
      float rule = g_array_index (hedges, float, 1);
      while (grid->header_rows < grid->n_rows - 1
             && g_array_index (grid->rows, float, grid->header_rows + 1) <= rule + TOUCH)
        grid->header_rows++;
      if (grid->header_rows == grid->n_rows - 1)
        grid->header_rows = 0;
    }
  if (grid->header_rows == 0 && first_numeric < grid->n_rows && first_numeric <= 3
      && first_numeric + 1 < grid->n_rows)
    grid->header_rows = first_numeric;
  for (guint r = grid->header_rows; r < grid->n_rows; r++)
    label_rows += texts[r] > 0;
  grid->label_column = first_numeric < grid->n_rows && label_rows > 0
                       && label_text >= (label_rows * 4 + 4) / 5;
}

/* Fills @grid, whose box is set, from the rules among @hrules/@vrules and the segments inside.
 * FALSE when what is there is no table (one column, one row, or text in one cell). */
static gboolean
build_grid (Grid *grid, const RectoPage *page, const GArray *segments, const GPtrArray *bands,
            const Rules *rules, const GArray *hedges, const GArray *vedges,
            const GridConfig *config)
{
  g_autoptr (GPtrArray) inner = NULL;
  g_autoptr (GArray) drawn = g_array_new (FALSE, FALSE, sizeof (gboolean));
  gboolean full = vedges->len >= 3, ruled_rows;
  g_autofree guint *filled = NULL;
  guint n_filled = 0, rows_with_two = 0;
  float size = 0;

  for (guint i = 0; i < segments->len; i++)
    if (inside (&g_array_index (segments, Segment, i).box, &grid->box))
      {
        g_array_append_val (grid->members, i);
        size = MAX (size, g_array_index (segments, Segment, i).size);
      }
  if (grid->members->len < 2)
    return FALSE;
  inner = bands_inside (bands, grid->members);
  if (inner->len == 0)
    return FALSE;
  ruled_rows = choose_rows (grid, hedges, inner, full);
  if (full)
    g_array_append_vals (grid->cols, vedges->data, vedges->len);
  else
    text_columns (segments, bands, grid->members, grid->box.x1, grid->box.x2,
                  config->column_gap * size,
                  hedges->len >= 3 ? g_array_index (hedges, float, 1) : -G_MAXFLOAT, grid->cols);
  if (ruled_rows && full)
    split_ruled_rows (grid, segments, inner, drawn);
  else if (ruled_rows)
    for (guint r = 0; r < grid->rows->len; r++)
      g_array_append_val (drawn, ruled_rows);
  grid->n_rows = grid->rows->len - 1;
  grid->n_cols = grid->cols->len - 1;
  if (grid->n_rows < 1 || grid->n_cols < 2)
    return FALSE;
  grid->owner = g_new (guint, grid->n_rows * grid->n_cols);
  find_spans (grid, rules, segments, ruled_rows ? drawn : NULL, full);
  filled = g_new0 (guint, grid->n_rows * grid->n_cols);
  for (guint k = 0; k < grid->members->len; k++)
    {
      const Segment *s = &g_array_index (segments, Segment, g_array_index (grid->members, guint, k));
      guint r = edge_index (grid->rows, (s->box.y1 + s->box.y2) / 2);
      guint c = edge_index (grid->cols, (s->box.x1 + s->box.x2) / 2);
      guint slot = grid->owner[r * grid->n_cols + c];
      g_array_append_val (grid->slots, slot);
      if (!s->rule && filled[slot]++ == 0)
        n_filled++;
    }
  for (guint r = 0; r < grid->n_rows; r++)
    {
      guint n = 0;
      for (guint c = 0; c < grid->n_cols; c++)
        n += grid->owner[r * grid->n_cols + c] == r * grid->n_cols + c
             && filled[r * grid->n_cols + c] > 0;
      rows_with_two += n >= 2;
    }
  (void) page;
  if (rows_with_two < 2)
    return FALSE;
  find_header (grid, segments, hedges, ruled_rows);
  return TRUE;
}

static Grid *
grid_new (const RectoBox *box)
{
  Grid *grid = g_new0 (Grid, 1);

  grid->box = *box;
  grid->rows = g_array_new (FALSE, FALSE, sizeof (float));
  grid->cols = g_array_new (FALSE, FALSE, sizeof (float));
  grid->members = g_array_new (FALSE, FALSE, sizeof (guint));
  grid->slots = g_array_new (FALSE, FALSE, sizeof (guint));
  return grid;
}

/* ---- ruled regions ---- */

static gboolean segment_is_prose (const Segment *s);

static gboolean
rules_touch (const Rule *h, const Rule *v)
{
  return v->pos >= h->from - TOUCH && v->pos <= h->to + TOUCH && h->pos >= v->from - TOUCH
         && h->pos <= v->to + TOUCH;
}

/* Horizontal rules of one three-line table: the same extent, one above the other, not too far,
 * with a row of several segments between them and no line of prose (a band of one segment
 * across most of the rule): the rule under a running head lines up with a table's. */
static gboolean
rules_line_up (const Rule *a, const Rule *b, const RectoPage *page, const GArray *segments,
               const GPtrArray *bands)
{
  float slack = MAX (TOUCH, (float) page->width * 0.02f);
  guint prose = 0, rows = 0;

  if (!(fabsf (a->from - b->from) <= slack && fabsf (a->to - b->to) <= slack
        && fabsf (a->pos - b->pos) <= page->height * 0.6))
    return FALSE;
  for (guint i = 0; i < bands->len; i++)
    {
      const Band *band = g_ptr_array_index (bands, i);
      const Segment *s = &g_array_index (segments, Segment, g_array_index (band->members, guint, 0));
      if (band->y1 < MIN (a->pos, b->pos) || band->y2 > MAX (a->pos, b->pos))
        continue;
      rows += band->members->len >= 2;
      prose += band->members->len == 1 && s->box.x2 - s->box.x1 >= 0.6f * (a->to - a->from);
    }
  return rows >= 1 && prose == 0;
}

/* Groups the rules into connected sets; returns the root of each rule (horizontal first). */
static guint *
group_rules (const Rules *rules, const RectoPage *page, const GArray *segments,
             const GPtrArray *bands)
{
  guint nh = rules->horizontal->len, nv = rules->vertical->len;
  guint *parent = g_new (guint, nh + nv + 1);

  g_autofree gboolean *framed = g_new0 (gboolean, nh + 1);

  for (guint i = 0; i < nh + nv; i++)
    parent[i] = i;
  for (guint i = 0; i < nh; i++)
    for (guint j = 0; j < nv; j++)
      if (rules_touch (&g_array_index (rules->horizontal, Rule, i),
                       &g_array_index (rules->vertical, Rule, j)))
        {
          join (parent, i, nh + j);
          framed[i] = TRUE;
        }
  /* Rules that vertical rules hold together need no lining up; lining up is for the open
   * tables (three-line, rules across only), and never joins a framed table to another rule. */
  for (guint i = 0; i < nh; i++)
    for (guint j = i + 1; j < nh && !framed[i]; j++)
      if (!framed[j]
          && rules_line_up (&g_array_index (rules->horizontal, Rule, i),
                            &g_array_index (rules->horizontal, Rule, j), page, segments, bands))
        {
          join (parent, i, j);
          break;
        }
  for (guint i = 0; i < nh + nv; i++)
    parent[i] = find_root (parent, i);
  return parent;
}

static gboolean
overlaps_any (const GPtrArray *grids, const RectoBox *box)
{
  for (guint i = 0; i < grids->len; i++)
    {
      const RectoBox *other = &((const Grid *) g_ptr_array_index (grids, i))->box;
      if (box->x1 < other->x2 && box->x2 > other->x1 && box->y1 < other->y2 && box->y2 > other->y1)
        return TRUE;
    }
  return FALSE;
}

/* Whether a segment of the table in @box stands under @s (shares some of its width), and none
 * stands under both @s and @left (the head before it: two heads over one column are not a row
 * of heads). */
static gboolean
over_table (const GArray *segments, const Segment *s, const Segment *left, const RectoBox *box)
{
  gboolean under = FALSE;

  for (guint i = 0; i < segments->len; i++)
    {
      const Segment *t = &g_array_index (segments, Segment, i);
      if (t == s || t->rule || !inside (&t->box, box) || t->box.x1 >= s->box.x2
          || t->box.x2 <= s->box.x1)
        continue;
      if (left != NULL && t->box.x1 < left->box.x2 && t->box.x2 > left->box.x1)
        return FALSE;
      under = TRUE;
    }
  return under;
}

/* The most segments one band holds inside @box. */
static guint
widest_row (const GArray *segments, const GPtrArray *bands, const RectoBox *box)
{
  guint most = 0;

  for (guint b = 0; b < bands->len; b++)
    {
      const Band *band = g_ptr_array_index (bands, b);
      guint n = 0;
      for (guint m = 0; m < band->members->len; m++)
        n += inside (&g_array_index (segments, Segment, g_array_index (band->members, guint, m)).box, box);
      most = MAX (most, n);
    }
  return most;
}

/* The top of a header row that stands just above an open table's top rule (the rule under
 * the heads of a three-line table whose upper rule is not drawn), or @box's top: the band
 * nearest above the rule, no further from it than its own height, with two segments or more
 * inside the rule's extent, each over a column of its own, none reaching out of it and
 * none a line of prose, and more than half as many as the table's widest row (a caption
 * set in two pieces, "表 3.1  变量定义", is not its heads). */
static float
header_above (const GArray *segments, const GPtrArray *bands, const RectoBox *box)
{
  const Band *best = NULL;
  const Segment *left = NULL;
  guint n = 0;

  for (guint b = 0; b < bands->len; b++)
    {
      const Band *band = g_ptr_array_index (bands, b);
      if (band->y2 <= box->y1 + TOUCH && band->y1 < box->y1
          && box->y1 - band->y2 <= band->y2 - band->y1 && (best == NULL || band->y2 > best->y2))
        best = band;
    }
  for (guint m = 0; best != NULL && m < best->members->len; m++)
    {
      const Segment *s = &g_array_index (segments, Segment, g_array_index (best->members, guint, m));
      if (s->box.x2 <= box->x1 || s->box.x1 >= box->x2)
        continue; /* beside the table */
      if (s->rule || s->box.x1 < box->x1 - TOUCH || s->box.x2 > box->x2 + TOUCH
          || segment_is_prose (s) || !over_table (segments, s, left, box))
        return box->y1;
      left = s;
      n++;
    }
  return n >= 2 && 2 * n > widest_row (segments, bands, box) ? best->y1 - 1 : box->y1;
}

/* The table of the rules in set @root, or NULL. */
static Grid *
ruled_grid (const RectoPage *page, const GArray *segments, const GPtrArray *bands,
            const Rules *rules, const guint *roots, guint root, const GridConfig *config)
{
  guint nh = rules->horizontal->len;
  g_autoptr (GArray) hedges = g_array_new (FALSE, FALSE, sizeof (float));
  g_autoptr (GArray) vedges = g_array_new (FALSE, FALSE, sizeof (float));
  RectoBox box = { G_MAXFLOAT, G_MAXFLOAT, -G_MAXFLOAT, -G_MAXFLOAT };
  Grid *grid;

  for (guint i = 0; i < nh + rules->vertical->len; i++)
    {
      const Rule *r = i < nh ? &g_array_index (rules->horizontal, Rule, i)
                             : &g_array_index (rules->vertical, Rule, i - nh);
      if (roots[i] != root)
        continue;
      if (i < nh)
        {
          add_edge (hedges, r->pos);
          box.x1 = MIN (box.x1, r->from), box.x2 = MAX (box.x2, r->to);
          box.y1 = MIN (box.y1, r->pos), box.y2 = MAX (box.y2, r->pos);
        }
      else
        {
          add_edge (vedges, r->pos);
          box.x1 = MIN (box.x1, r->pos), box.x2 = MAX (box.x2, r->pos);
          box.y1 = MIN (box.y1, r->from), box.y2 = MAX (box.y2, r->to);
        }
    }
  if (hedges->len < 2 || box.x2 - box.x1 < 30)
    return NULL;
  g_array_sort (hedges, compare_floats);
  g_array_sort (vedges, compare_floats);
  /* The frame's sides are edges even where the table draws none. */
  if (vedges->len > 0 && g_array_index (vedges, float, 0) > box.x1 + TOUCH)
    g_array_prepend_val (vedges, box.x1);
  if (vedges->len > 0 && g_array_index (vedges, float, vedges->len - 1) < box.x2 - TOUCH)
    g_array_append_val (vedges, box.x2);
  if (vedges->len < 3)
    {
      float top = header_above (segments, bands, &box);
      if (top < box.y1)
        {
          box.y1 = top;
          g_array_prepend_val (hedges, top);
        }
    }
  grid = grid_new (&box);
  if (!build_grid (grid, page, segments, bands, rules, hedges, vedges, config))
    g_clear_pointer (&grid, grid_free);
  return grid;
}

/* ---- unruled regions ---- */

/* A line of prose: its line's only segment, filling most of its column's measure. A measure
 * of a few type sizes is a table's column that reading-order took for a text column (a column
 * of six-digit codes), not one that prose is set in. */
static gboolean
segment_is_prose (const Segment *s)
{
  const RectoLine *line = s->line;
  float measure = line->column_x2 - line->column_x1;
  gboolean whole_line = s->box.x1 <= line->box.x1 + 0.5f && s->box.x2 >= line->box.x2 - 0.5f;

  return whole_line && measure >= 8 * s->size && s->box.x2 - s->box.x1 >= 0.7f * measure;
}

gboolean
band_looks_tabular (const Band *band, const GArray *segments)
{
  guint n = 0;

  for (guint m = 0; m < band->members->len; m++)
    {
      const Segment *s = &g_array_index (segments, Segment, g_array_index (band->members, guint, m));
      n += !s->rule && !segment_is_prose (s);
    }
  return n >= 2;
}

static gboolean
band_is_candidate (const Band *band, const GArray *segments, const GPtrArray *grids)
{
  for (guint m = 0; m < band->members->len; m++)
    if (overlaps_any (grids, &g_array_index (segments, Segment,
                                             g_array_index (band->members, guint, m)).box))
      return FALSE;
  return band_looks_tabular (band, segments);
}

/* How many rows of @grid hold a cell spanning columns. */
static guint
rows_with_spans (const Grid *grid)
{
  guint n = 0;

  for (guint r = 0; r < grid->n_rows; r++)
    for (guint c = 1; c < grid->n_cols; c++)
      if (grid->owner[r * grid->n_cols + c] == grid->owner[r * grid->n_cols + c - 1])
        {
          n++;
          break;
        }
  return n;
}

/* A line of the text column that most segments of bands [first, end) stand in: a table set
 * in one column of a page of two does not take the lines of the other. */
static const RectoLine *
home_column (const GArray *segments, const GPtrArray *bands, guint first, guint end)
{
  const RectoLine *best = NULL;
  guint best_n = 0;

  for (guint b = first; b < end; b++)
    {
      const Band *band = g_ptr_array_index (bands, b);
      for (guint m = 0; m < band->members->len; m++)
        {
          const RectoLine *line =
              g_array_index (segments, Segment, g_array_index (band->members, guint, m)).line;
          guint n = 0;
          for (guint c = first; c < end; c++)
            {
              const Band *other = g_ptr_array_index (bands, c);
              for (guint k = 0; k < other->members->len; k++)
                n += g_array_index (segments, Segment, g_array_index (other->members, guint, k))
                         .line->column_x1
                     == line->column_x1;
            }
          if (n > best_n)
            best = line, best_n = n;
        }
    }
  return best;
}

/* Whether @line is a line of prose of another text column than @home's: it stands beside that
 * column and fills most of its own (a measure of many type sizes), however many pieces it was
 * cut into. */
static gboolean
other_column_prose (const RectoLine *line, const RectoLine *home)
{
  float measure = line->column_x2 - line->column_x1;

  return home->column_x2 > home->column_x1
         && (line->column_x1 >= home->column_x2 || line->column_x2 <= home->column_x1)
         && measure >= 8 * line->size && line->box.x2 - line->box.x1 >= 0.7f * measure;
}

/* An unruled table from bands [first, end): its columns must hold short segments (not the
 * lines of two columns of prose), numbers or at least three columns, and few cells spanning
 * columns. */
static Grid *
unruled_grid (const RectoPage *page, const GArray *segments, const GPtrArray *bands, guint first,
              guint end, const Rules *rules, const GridConfig *config)
{
  RectoBox box = { G_MAXFLOAT, G_MAXFLOAT, -G_MAXFLOAT, -G_MAXFLOAT };
  g_autoptr (GArray) none = g_array_new (FALSE, FALSE, sizeof (float));
  float width = 0;
  guint n = 0, numeric = 0;
  Grid *grid;

  const RectoLine *home = home_column (segments, bands, first, end);

  for (guint b = first; b < end; b++)
    {
      const Band *band = g_ptr_array_index (bands, b);
      for (guint m = 0; m < band->members->len; m++)
        {
          const Segment *s = &g_array_index (segments, Segment, g_array_index (band->members, guint, m));
          /* Prose beside the table (a main column beside a side column) stays out of it, and
           * so do the lines of prose of the page's other text column. */
          if (segment_is_prose (s) || other_column_prose (s->line, home))
            continue;
          box.x1 = MIN (box.x1, s->box.x1), box.x2 = MAX (box.x2, s->box.x2);
          box.y1 = MIN (box.y1, s->box.y1), box.y2 = MAX (box.y2, s->box.y2);
          width += s->box.x2 - s->box.x1;
          numeric += s->numeric;
          n++;
        }
    }
  if (n == 0 || width / n > page->width * 0.25)
    return NULL;
  grid = grid_new (&box);
  /* Text whose gaps do not line up (justified lines, references) makes columns that its
   * words cross in row after row. */
  if (!build_grid (grid, page, segments, bands, rules, none, none, config)
      || (grid->n_cols < 3 && numeric * 4 < n) || rows_with_spans (grid) * 4 > grid->n_rows)
    g_clear_pointer (&grid, grid_free);
  return grid;
}

static void
find_unruled (const RectoPage *page, const GArray *segments, const GPtrArray *bands,
              const Rules *rules, const GridConfig *config, GPtrArray *grids)
{
  guint first = 0;

  while (first < bands->len)
    {
      guint end = first;
      while (end < bands->len && band_is_candidate (g_ptr_array_index (bands, end), segments, grids))
        {
          if (end > first)
            {
              const Band *above = g_ptr_array_index (bands, end - 1);
              const Band *band = g_ptr_array_index (bands, end);
              if (band->y1 - above->y2 > 2.0f * (band->y2 - band->y1))
                break;
            }
          end++;
        }
      if (end - first >= config->min_rows)
        {
          Grid *grid = unruled_grid (page, segments, bands, first, end, rules, config);
          if (grid != NULL)
            g_ptr_array_add (grids, grid);
        }
      first = MAX (end, first + 1);
    }
}

static int
compare_grids (gconstpointer a, gconstpointer b)
{
  const Grid *g = *(Grid *const *) a, *h = *(Grid *const *) b;

  return (g->box.y1 > h->box.y1) - (g->box.y1 < h->box.y1);
}

GPtrArray *
grids_find (const RectoPage *page, const GArray *segments, const GPtrArray *bands,
            const Rules *rules, const GridConfig *config)
{
  GPtrArray *grids = g_ptr_array_new_with_free_func ((GDestroyNotify) grid_free);
  guint nh = rules->horizontal->len, nv = rules->vertical->len;
  g_autofree guint *roots = group_rules (rules, page, segments, bands);

  for (guint i = 0; i < nh + nv; i++)
    if (roots[i] == i)
      {
        Grid *grid = ruled_grid (page, segments, bands, rules, roots, i, config);
        if (grid != NULL && !overlaps_any (grids, &grid->box))
          g_ptr_array_add (grids, grid);
        else
          grid_free (grid);
      }
  find_unruled (page, segments, bands, rules, config, grids);
  g_ptr_array_sort (grids, compare_grids);
  return grids;
}
