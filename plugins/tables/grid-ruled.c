/* grid-ruled.c: the tables the page's rules draw (see grid-parts.h). */
#include "grid-parts.h"

#include <math.h>

static gboolean
rules_touch (const Rule *h, const Rule *v)
{
  return v->pos >= h->from - TOUCH && v->pos <= h->to + TOUCH && h->pos >= v->from - TOUCH
         && h->pos <= v->to + TOUCH;
}

/* Whether horizontal rules @a and @b (below it) have the same extent, within a fiftieth of the
 * page's width. */
static gboolean
same_extent (const Rule *a, const Rule *b, const RectoPage *page)
{
  float slack = MAX (TOUCH, (float) page->width * 0.02f);

  return fabsf (a->from - b->from) <= slack && fabsf (a->to - b->to) <= slack;
}

/* Horizontal rules of one three-line table: rules of the same extent, @b below @a, with a row
 * of several segments between them and no line of prose (a band whose only segment inside the
 * rules' extent reaches across most of it): the rule under a running head lines up with a
 * table's. Only the segments inside the rules' extent count: the text of the page's other
 * column is beside the table. The rules stand no further apart than most of the page unless
 * @a is already in a table (the rule under its heads): a long table's body. */
static gboolean
rules_line_up (const Rule *a, const Rule *b, gboolean in_table, const RectoPage *page,
               const GArray *segments, const GPtrArray *bands)
{
  guint prose = 0, rows = 0;

  if (!in_table && b->pos - a->pos > page->height * 0.6)
    return FALSE;
  for (guint i = 0; i < bands->len; i++)
    {
      const Band *band = g_ptr_array_index (bands, i);
      float middle = (band->y1 + band->y2) / 2;
      const Segment *only = NULL;
      guint n = 0;
      if (middle <= a->pos || middle >= b->pos)
        continue;
      for (guint m = 0; m < band->members->len; m++)
        {
          const Segment *s = &g_array_index (segments, Segment, g_array_index (band->members, guint, m));
          float x = (s->box.x1 + s->box.x2) / 2;
          if (x >= a->from - TOUCH && x <= a->to + TOUCH)
            only = s, n++;
        }
      rows += n >= 2;
      prose += n == 1 && only->box.x2 - only->box.x1 >= 0.6f * (a->to - a->from);
    }
  return rows >= 1 && prose == 0;
}

/* Joins each open (unframed) horizontal rule of @rules to a rule below it with the same extent
 * when the two line up. A rule that opens a table pairs only with the next one (the rule under
 * a running head or a divider must not pass over a table's top rule to the rule under its
 * heads); a rule already in a table may pass over rules to the next that lines up (a row
 * that only names a group of rows stands between its rules). Never over a framed table's rule
 * across their extent (another table between them). */
static void
join_lined_up (guint *parent, const Rules *rules, const gboolean *framed, const RectoPage *page,
               const GArray *segments, const GPtrArray *bands)
{
  guint nh = rules->horizontal->len;

  for (guint i = 0; i < nh; i++)
    {
      gboolean in_table = union_root (parent, i) != i;
      for (guint j = i + 1; j < nh && !framed[i]; j++)
        {
          const Rule *a = &g_array_index (rules->horizontal, Rule, i);
          const Rule *b = &g_array_index (rules->horizontal, Rule, j);
          if (framed[j] && b->from < a->to && b->to > a->from)
            break;
          if (framed[j] || !same_extent (a, b, page))
            continue;
          if (rules_line_up (a, b, in_table, page, segments, bands))
            {
              union_join (parent, i, j);
              break;
            }
          if (!in_table)
            break;
        }
    }
}

/* Groups the rules into connected sets; returns the root of each rule (horizontal first). */
guint *
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
          union_join (parent, i, nh + j);
          framed[i] = TRUE;
        }
  /* Rules that vertical rules hold together need no lining up; lining up is for the open
   * tables (three-line, rules across only), and never joins a framed table to another rule. */
  join_lined_up (parent, rules, framed, page, segments, bands);
  for (guint i = 0; i < nh + nv; i++)
    parent[i] = union_root (parent, i);
  return parent;
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
      if (t == s || t->rule || !box_inside (&t->box, box) || t->box.x1 >= s->box.x2
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
        n += box_inside (&g_array_index (segments, Segment, g_array_index (band->members, guint, m)).box, box);
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
Grid *
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
          edges_add (hedges, r->pos);
          box.x1 = MIN (box.x1, r->from), box.x2 = MAX (box.x2, r->to);
          box.y1 = MIN (box.y1, r->pos), box.y2 = MAX (box.y2, r->pos);
        }
      else
        {
          edges_add (vedges, r->pos);
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
