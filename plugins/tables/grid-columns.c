/* grid-columns.c: the columns of a table without vertical rules, from the gaps its text leaves
 * open (see grid-parts.h). */
#include "grid-parts.h"

#include <math.h>

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
          guint from, to;
          /* Text beside the table (the page's other column) leaves no mark on its edge. */
          if (s->box.x2 <= x1 || s->box.x1 >= x2)
            continue;
          from = (guint) CLAMP ((s->box.x1 - x1) * 2, 0, n_bins - 1);
          to = (guint) CLAMP ((s->box.x2 - x1) * 2, 0, n_bins - 1);
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
void
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
