/* grid-build.c: fills a grid from its box: rows, columns, spanning cells and header rows (see
 * grid-parts.h). */
#include "grid-parts.h"

#include <math.h>

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
        if (ruled_cols && c > 0 && rule_coverage (rules->vertical, left, top, bottom) < 0.6f * (bottom - top))
          union_join (grid->owner, r * grid->n_cols + c - 1, r * grid->n_cols + c);
        if (drawn != NULL && r > 0 && g_array_index (drawn, gboolean, r) && rule_coverage (rules->horizontal, top, left, right) < 0.6f * (right - left))
          union_join (grid->owner, (r - 1) * grid->n_cols + c, r * grid->n_cols + c);
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
            union_join (grid->owner, r * grid->n_cols + c - 1, r * grid->n_cols + c);
        }
    }
  for (guint i = 0; i < n; i++)
    grid->owner[i] = union_root (grid->owner, i);
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

/* Finds @grid's cells from its rows and columns and puts each member segment in its cell.
 * Returns how many rows hold text in two cells of their own or more. */
static guint
place_members (Grid *grid, const Rules *rules, const GArray *segments, const GArray *drawn,
               gboolean full)
{
  g_autofree guint *filled = NULL;
  guint rows_with_two = 0;

  grid->n_rows = grid->rows->len - 1;
  grid->n_cols = grid->cols->len - 1;
  g_free (grid->owner);
  grid->owner = g_new (guint, grid->n_rows * grid->n_cols);
  find_spans (grid, rules, segments, drawn, full);
  filled = g_new0 (guint, grid->n_rows * grid->n_cols);
  g_array_set_size (grid->slots, 0);
  for (guint k = 0; k < grid->members->len; k++)
    {
      const Segment *s = &g_array_index (segments, Segment, g_array_index (grid->members, guint, k));
      guint r = edge_index (grid->rows, (s->box.y1 + s->box.y2) / 2);
      guint c = edge_index (grid->cols, (s->box.x1 + s->box.x2) / 2);
      guint slot = grid->owner[r * grid->n_cols + c];
      g_array_append_val (grid->slots, slot);
      if (!s->rule)
        filled[slot]++;
    }
  for (guint r = 0; r < grid->n_rows; r++)
    {
      guint n = 0;
      for (guint c = 0; c < grid->n_cols; c++)
        n += grid->owner[r * grid->n_cols + c] == r * grid->n_cols + c
             && filled[r * grid->n_cols + c] > 0;
      rows_with_two += n >= 2;
    }
  return rows_with_two;
}

/* Fills @grid, whose box is set, from the rules among @hrules/@vrules and the segments inside.
 * FALSE when what is there is no table (one column, one row, or text in one cell). */
gboolean
build_grid (Grid *grid, const RectoPage *page, const GArray *segments, const GPtrArray *bands,
            const Rules *rules, const GArray *hedges, const GArray *vedges,
            const GridConfig *config)
{
  g_autoptr (GPtrArray) inner = NULL;
  g_autoptr (GArray) drawn = g_array_new (FALSE, FALSE, sizeof (gboolean));
  gboolean full = vedges->len >= 3, ruled_rows;
  guint rows_with_two;
  float size = 0;

  for (guint i = 0; i < segments->len; i++)
    if (box_inside (&g_array_index (segments, Segment, i).box, &grid->box))
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
  if (grid->rows->len < 2 || grid->cols->len < 3)
    return FALSE;
  rows_with_two = place_members (grid, rules, segments, ruled_rows ? drawn : NULL, full);
  /* A frame ruled into columns but not into rows whose lines make no two rows of cells holds
   * one row, each cell's lines stacked in it (a boxed label printed over two lines beside its
   * value): one row with text in two cells is a table. */
  if (rows_with_two < 2 && full && hedges->len == 2 && grid->rows->len > 2)
    {
      gboolean yes = TRUE;
      ruled_rows = TRUE;
      g_array_set_size (grid->rows, 0);
      g_array_append_vals (grid->rows, hedges->data, hedges->len);
      g_array_set_size (drawn, 0);
      g_array_append_val (drawn, yes);
      g_array_append_val (drawn, yes);
      rows_with_two = 2 * place_members (grid, rules, segments, drawn, full);
    }
  (void) page;
  if (rows_with_two < 2)
    return FALSE;
  find_header (grid, segments, hedges, ruled_rows);
  return TRUE;
}

Grid *
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
