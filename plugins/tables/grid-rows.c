/* grid-rows.c: a table's rows, from its horizontal rules or its bands (see grid-parts.h). */
#include "grid-parts.h"

#include <math.h>

static gboolean
segment_in_band (const Band *band, guint index)
{
  for (guint m = 0; m < band->members->len; m++)
    if (g_array_index (band->members, guint, m) == index)
      return TRUE;
  return FALSE;
}

/* The bands with a segment among @members, top to bottom. */
GPtrArray *
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
gboolean
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
void
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
