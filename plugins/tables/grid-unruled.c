/* grid-unruled.c: tables without rules, runs of bands whose segments keep to the same columns
 * (see grid-parts.h). */
#include "grid-parts.h"

#include <math.h>

/* A line of prose: its line's only segment, filling most of its column's measure. A measure
 * of a few type sizes is a table's column that reading-order took for a text column (a column
 * of six-digit codes), not one that prose is set in. */
gboolean
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

void
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
