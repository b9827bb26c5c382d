/* rules.c: see rules.h. */
#include "rules.h"

#include <math.h>
#include <string.h>

/* Grey levels below this are ink; a 0.5 pt rule drawn at 1.5 pixels per point stays well below. */
#define INK 176
/* A run of ink thicker than this (points) is a filled area, not a rule. */
#define MAX_THICKNESS 3.0f

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

/* Whitens the glyph boxes of @page on @image (drawn at @scale), so that only drawings stay. A
 * box reaches above and below the glyph's ink (ascent and descent), often onto the rules of a
 * tight table, so only its middle half is whitened: what ink is left of a glyph is far shorter
 * than a rule. Spaces are left alone. */
static void
blank_glyphs (RectoImage *image, const RectoPage *page, double scale)
{
  for (guint i = 0; i < page->boxes->len; i++)
    {
      const RectoBox *box = &g_array_index (page->boxes, RectoBox, i);
      int x1 = (int) floor (box->x1 * scale), x2 = (int) ceil (box->x2 * scale);
      float inset = (box->y2 - box->y1) * 0.25f;
      int y1 = (int) floor ((box->y1 + inset) * scale), y2 = (int) ceil ((box->y2 - inset) * scale);
      gunichar c = g_array_index (page->chars, gunichar, i);
      /* A space has no ink; its box often reaches across the rule between two cells. */
      if (rules_is_box_drawing (c) || g_unichar_isspace (c) || c == 0x3000)
        continue;
      x1 = MAX (x1, 0), y1 = MAX (y1, 0);
      x2 = MIN (x2, (int) image->width), y2 = MIN (y2, (int) image->height);
      for (int y = y1; y < y2; y++)
        if (x2 > x1)
          memset (image->pixels + (gsize) y * image->stride + x1, 255, (gsize) (x2 - x1));
    }
}

/* A rule being followed across rows (or columns) of pixels. */
typedef struct
{
  int from, to; /* pixel extent along the rule */
  int first, last; /* pixel rows (columns) it was seen on */
} Track;

/* Ends the tracks not seen at @at, keeping the thin ones as rules. */
static void
close_tracks (GArray *tracks, int at, GArray *out, double scale)
{
  guint i = 0;

  while (i < tracks->len)
    {
      Track *t = &g_array_index (tracks, Track, i);
      if (t->last >= at - 1)
        {
          i++;
          continue;
        }
      if ((t->last - t->first + 1) / scale <= MAX_THICKNESS)
        g_array_append_val (out, ((Rule){ (float) ((t->first + t->last + 1) / 2.0 / scale),
                                          (float) (t->from / scale),
                                          (float) ((t->to + 1) / scale) }));
      g_array_remove_index (tracks, i);
    }
}

/* The grey level of the pixel at @p along line @l of @pixels. */
static inline guint8
pixel_at (const guint8 *pixels, gsize stride, gboolean transpose, int l, int p)
{
  return transpose ? pixels[(gsize) p * stride + l] : pixels[(gsize) l * stride + p];
}

/* Whether the run [from, to] of line @l lies inside a filled area: most of its pixels that
 * the blanking left have ink on both sides, @away pixels across (a dark band with light text
 * on it, blanked into strips, is no rule). */
static gboolean
run_is_filled (const RectoImage *image, const guint8 *raw, gboolean transpose, int l, int from,
               int to, int away)
{
  int lines = transpose ? (int) image->width : (int) image->height;
  int visible = 0, inside = 0;

  if (l - away < 0 || l + away >= lines)
    return FALSE;
  for (int p = from; p <= to; p++)
    if (pixel_at (image->pixels, image->stride, transpose, l, p) < INK)
      {
        visible++;
        inside += pixel_at (raw, image->stride, transpose, l - away, p) < INK
                  && pixel_at (raw, image->stride, transpose, l + away, p) < INK;
      }
  return inside * 2 > visible;
}

/* Follows runs of ink at least @min_run pixels long along the image's rows (@transpose FALSE)
 * or columns (TRUE), joining runs of neighbouring rows with about the same extent. A run starts
 * and ends on ink that the blanking of glyphs left (@image) and goes on through ink it hid
 * (@raw, the picture as drawn): a rule crossing a glyph that strays onto it, or lying under a
 * glyph box much taller than its ink, stays whole; a glyph's own strokes, wholly inside its
 * box, are never a run, nor is a run inside a filled area. */
static void
find_runs (const RectoImage *image, const guint8 *raw, gboolean transpose, int min_run,
           double scale, GArray *out)
{
  int lines = transpose ? (int) image->width : (int) image->height;
  int length = transpose ? (int) image->height : (int) image->width;
  g_autoptr (GArray) tracks = g_array_new (FALSE, FALSE, sizeof (Track));
  int away = (int) ceil (MAX_THICKNESS * scale) + 1;

  for (int l = 0; l < lines; l++)
    {
      int start = -1, last = -1;
      for (int p = 0; p <= length; p++)
        {
          gboolean ink = p < length && pixel_at (image->pixels, image->stride, transpose, l, p) < INK;
          gboolean hidden = p < length && pixel_at (raw, image->stride, transpose, l, p) < INK;
          if (ink && start < 0)
            start = p;
          if (ink)
            last = p;
          if (ink || (start >= 0 && hidden))
            continue;
          if (start >= 0 && last + 1 - start >= min_run
              && !run_is_filled (image, raw, transpose, l, start, last, away))
            {
              guint t;
              for (t = 0; t < tracks->len; t++)
                {
                  Track *track = &g_array_index (tracks, Track, t);
                  if (track->last == l - 1 && abs (track->from - start) <= 2
                      && abs (track->to - last) <= 2)
                    {
                      track->last = l;
                      track->from = MIN (track->from, start);
                      track->to = MAX (track->to, last);
                      break;
                    }
                }
              if (t == tracks->len)
                g_array_append_val (tracks, ((Track){ start, last, l, l }));
            }
          start = -1;
        }
      close_tracks (tracks, l, out, scale);
    }
  close_tracks (tracks, lines + 2, out, scale);
}

gboolean
rules_add_drawn (Rules *rules, RectoDocument *doc, const RectoPage *page, double scale,
                 float min_length, GError **error)
{
  RectoBox area = { 0, 0, (float) page->width, (float) page->height };
  g_autoptr (RectoImage) image = recto_document_render (doc, page->index, &area, scale, error);
  int min_run = MAX (2, (int) (min_length * scale));
  g_autofree guint8 *raw = NULL;

  if (image == NULL)
    return FALSE;
  raw = g_memdup2 (image->pixels, (gsize) image->stride * image->height);
  blank_glyphs (image, page, scale);
  find_runs (image, raw, FALSE, min_run, scale, rules->horizontal);
  find_runs (image, raw, TRUE, min_run, scale, rules->vertical);
  return TRUE;
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
rules_merge (Rules *rules, float tolerance)
{
  g_array_sort (rules->horizontal, compare_rules);
  g_array_sort (rules->vertical, compare_rules);
  merge_list (rules->horizontal, tolerance);
  merge_list (rules->vertical, tolerance);
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
