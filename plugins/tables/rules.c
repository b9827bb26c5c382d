/* rules.c: see rules.h. */
#include "rules.h"

#include <math.h>

void
rules_init (Rules *rules)
{
  rules->horizontal = g_array_new (FALSE, FALSE, sizeof (Rule));
  rules->vertical = g_array_new (FALSE, FALSE, sizeof (Rule));
}

void
rules_clear (Rules *rules)
{
  g_clear_pointer (&rules->horizontal, g_array_unref);
  g_clear_pointer (&rules->vertical, g_array_unref);
}

gboolean
rules_is_box_drawing (gunichar c)
{
  return c >= 0x2500 && c <= 0x257F;
}

/* Whether box-drawing character @c has an arm to the left or right (horizontal), and up or down
 * (vertical). The block's plain lines are listed; every other character is a corner, tee or
 * cross, with arms both ways. */
static void
box_arms (gunichar c, gboolean *horizontal, gboolean *vertical)
{
  static const gunichar flat[] = { 0x2500, 0x2501, 0x2504, 0x2505, 0x2508, 0x2509,
                                   0x254C, 0x254D, 0x2550, 0x2574, 0x2576, 0x2578,
                                   0x257A, 0x257C, 0x257E };
  static const gunichar upright[] = { 0x2502, 0x2503, 0x2506, 0x2507, 0x250A, 0x250B, 0x254E,
                                      0x254F, 0x2551, 0x2575, 0x2577, 0x2579, 0x257B, 0x257D,
                                      0x257F };

  *horizontal = *vertical = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (flat); i++)
    if (c == flat[i])
      *vertical = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (upright); i++)
    if (c == upright[i])
      *horizontal = FALSE;
}

/* Corners and tees stop at the glyph's middle on the sides they have no arm. */
static const char box_left_edge[] = "┌┍┎┏├┝┞┟┠┡┢┣└┕┖┗╒╓╔╞╟╠╘╙╚╭╰";
static const char box_right_edge[] = "┐┑┒┓┤┥┦┧┨┩┪┫┘┙┚┛╕╖╗╡╢╣╛╜╝╮╯";
static const char box_top_edge[] = "┌┍┎┏┐┑┒┓┬┭┮┯┰┱┲┳╒╓╔╕╖╗╤╥╦╭╮";
static const char box_bottom_edge[] = "└┕┖┗┘┙┚┛┴┵┶┷┸┹┺┻╘╙╚╛╜╝╧╨╩╰╯";

static gboolean
in_set (const char *set, gunichar c)
{
  return g_utf8_strchr (set, -1, c) != NULL;
}

void
rules_add_box_drawing (Rules *rules, const RectoPage *page)
{
  for (guint i = 0; i < page->chars->len; i++)
    {
      gunichar c = g_array_index (page->chars, gunichar, i);
      const RectoBox *box = &g_array_index (page->boxes, RectoBox, i);
      float height = box->y2 - box->y1;
      float x = (box->x1 + box->x2) / 2, y = (box->y1 + box->y2) / 2;
      gboolean horizontal, vertical;
      if (!rules_is_box_drawing (c))
        continue;
      box_arms (c, &horizontal, &vertical);
      if (horizontal)
        g_array_append_val (rules->horizontal,
                            ((Rule){ y, in_set (box_left_edge, c) ? x : box->x1,
                                     in_set (box_right_edge, c) ? x : box->x2 }));
      /* Lines of a text grid rarely touch: a vertical stroke reaches into the leading. */
      if (vertical)
        g_array_append_val (rules->vertical,
                            ((Rule){ x, in_set (box_top_edge, c) ? y : box->y1 - height * 0.4f,
                                     in_set (box_bottom_edge, c) ? y : box->y2 + height * 0.4f }));
    }
}

static int
compare_rules (gconstpointer a, gconstpointer b)
{
  const Rule *r = a, *s = b;

  if (fabsf (r->pos - s->pos) > 0.001f)
    return r->pos < s->pos ? -1 : 1;
  return (r->from > s->from) - (r->from < s->from);
}

/* Joins the rules of @list that continue one another; @list sorted. */
static void
merge_list (GArray *list, float tolerance)
{
  guint kept = 0;

  for (guint i = 0; i < list->len; i++)
    {
      Rule *r = &g_array_index (list, Rule, i);
      gboolean joined = FALSE;
      /* Earlier rules near this position: join with one that reaches this one. */
      for (guint k = kept; k-- > 0;)
        {
          Rule *s = &g_array_index (list, Rule, k);
          if (r->pos - s->pos > tolerance)
            break;
          if (r->from <= s->to + tolerance && r->to >= s->from - tolerance)
            {
              s->from = MIN (s->from, r->from);
              s->to = MAX (s->to, r->to);
              joined = TRUE;
              break;
            }
        }
      if (!joined)
        g_array_index (list, Rule, kept++) = *r;
    }
  g_array_set_size (list, kept);
}


void
rules_merge_list (GArray *list, float tolerance)
{
  g_array_sort (list, compare_rules);
  merge_list (list, tolerance);
}

void
rules_merge (Rules *rules, float tolerance)
{
  rules_merge_list (rules->horizontal, tolerance);
  rules_merge_list (rules->vertical, tolerance);
}

static gboolean
spanned (const GArray *horizontal, const RectoBox *box, gboolean above, float reach)
{
  for (guint i = 0; i < horizontal->len; i++)
    {
      const Rule *r = &g_array_index (horizontal, Rule, i);
      float gap = above ? box->y1 - r->pos : r->pos - box->y2;
      if (gap >= -1 && gap <= reach && r->from <= box->x1 + 1 && r->to >= box->x2 - 1)
        return TRUE;
    }
  return FALSE;
}

gboolean
rules_enclose (const Rules *rules, const RectoBox *box, float reach)
{
  gboolean crossed = FALSE, left = FALSE, right = FALSE;

  for (guint i = 0; i < rules->vertical->len && !crossed; i++)
    {
      const Rule *r = &g_array_index (rules->vertical, Rule, i);
      if (r->from > box->y1 || r->to < box->y2)
        continue;
      crossed = r->pos > box->x1 + 1 && r->pos < box->x2 - 1;
      left = left || (r->pos <= box->x1 + 1 && r->pos >= box->x1 - reach);
      right = right || (r->pos >= box->x2 - 1 && r->pos <= box->x2 + reach);
    }
  return (crossed || (left && right)) && spanned (rules->horizontal, box, TRUE, reach)
         && spanned (rules->horizontal, box, FALSE, reach);
}
