/* grid.c: see grid.h. The grid's shared helpers (grid-parts.h) and the search of a page's tables:
 * ruled ones first (grid-ruled.c), then unruled ones among the bands left (grid-unruled.c). */
#include "grid-parts.h"

#include <math.h>

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

guint
union_root (guint *parent, guint i)
{
  while (parent[i] != i)
    i = parent[i] = parent[parent[i]];
  return i;
}

/* Joins two sets; the smaller index stays the root (top-left slot of a cell). */
void
union_join (guint *parent, guint a, guint b)
{
  a = union_root (parent, a), b = union_root (parent, b);
  if (a != b)
    parent[MAX (a, b)] = MIN (a, b);
}

/* ---- edges ---- */

void
edges_add (GArray *edges, float at)
{
  for (guint i = 0; i < edges->len; i++)
    if (fabsf (g_array_index (edges, float, i) - at) <= TOUCH)
      return;
  g_array_append_val (edges, at);
}

int
compare_floats (gconstpointer a, gconstpointer b)
{
  float x = *(const float *) a, y = *(const float *) b;

  return (x > y) - (x < y);
}

/* How much of [from, to] the rules of @list at @pos cover. */
float
rule_coverage (const GArray *list, float pos, float from, float to)
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

gboolean
box_inside (const RectoBox *box, const RectoBox *outer)
{
  float x = (box->x1 + box->x2) / 2, y = (box->y1 + box->y2) / 2;

  return x >= outer->x1 - 1 && x <= outer->x2 + 1 && y >= outer->y1 - 1 && y <= outer->y2 + 1;
}

guint
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

/* Whether @box overlaps a grid of @grids. */
gboolean
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

/* ---- the page's tables ---- */

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
