/* rules-drawn.c: the rules found on a picture of the page (see rules.h): long thin runs of ink
 * left when the known glyphs are blanked, and hairlines inside a frame of them. */
#include "rules.h"

#include <math.h>
#include <string.h>

/* Grey levels below this are ink; a 0.5 pt rule drawn at 1.5 pixels per point stays well below. */
#define INK 176
/* A hairline (a filled rule a tenth of a point thick) drawn at 1.5 pixels per point covers a
 * fifth of a pixel: light grey, below this level even when it straddles two rows of pixels. */
#define FAINT 240
/* Rules whose ends come this close (points) meet. */
#define MEET 2.5f
/* A run of ink thicker than this (points) is a filled area, not a rule. */
#define MAX_THICKNESS 3.0f

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
        g_array_append_val (out,
                            ((Rule){ (float) ((t->first + t->last + 1) / 2.0 / scale),
                                     (float) (t->from / scale), (float) ((t->to + 1) / scale) }));
      g_array_remove_index (tracks, i);
    }
}

/* A picture of the page as a scan reads it, line by line along its rows: the grey levels left
 * when the glyphs are blanked (@pixels) and as drawn (@raw), @stride bytes a line. A scan of the
 * page's columns reads the picture turned, so that it too reads memory in order. */
typedef struct
{
  const guint8 *pixels, *raw;
  int lines, length;
  gsize stride;
} Picture;

/* Whether the run [from, to] of line @l lies inside a filled area: most of its pixels that
 * the blanking left have ink on both sides, @away pixels across (a dark band with light text
 * on it, blanked into strips, is no rule). */
static gboolean
run_is_filled (const Picture *picture, int l, int from, int to, int away, guint8 ink)
{
  const guint8 *line = picture->pixels + (gsize) l * picture->stride;
  const guint8 *above, *below;
  int visible = 0, inside = 0;

  if (l - away < 0 || l + away >= picture->lines)
    return FALSE;
  above = picture->raw + (gsize) (l - away) * picture->stride;
  below = picture->raw + (gsize) (l + away) * picture->stride;
  for (int p = from; p <= to; p++)
    if (line[p] < ink)
      {
        visible++;
        inside += above[p] < ink && below[p] < ink;
      }
  return inside * 2 > visible;
}

/* The first pixel of @line from @p on darker than @ink (at least 128), or @length: eight at a
 * time across light ones, as most of a page is. */
static inline int
next_dark (const guint8 *line, int p, int length, guint8 ink)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);

  for (; p + 8 <= length; p += 8)
    {
      guint64 dark;
      memcpy (&dark, line + p, sizeof dark);
      /* 255 - grey: whether a byte of it exceeds 255 - @ink (the bit hack "hasmore"). */
      dark = ~dark;
      if ((((dark + ones * (guint64) (127 - (255 - ink))) | dark) & (ones * 128)) != 0)
        break;
    }
  while (p < length && line[p] >= ink)
    p++;
  return p;
}

/* The pixels a scan looks at: lines (rows, or columns when turned) and the stretch along
 * each, ends excluded. */
typedef struct
{
  int lines_from, lines_to, along_from, along_to;
} Window;

/* Follows runs of ink (grey levels below @ink) at least @min_run pixels long along the lines of
 * @picture (the page's rows, or its columns when turned), joining runs of neighbouring lines with
 * about the same extent. A run starts and ends on ink that the blanking of glyphs left and, when
 * @through_glyphs, goes on through ink it hid (the picture as drawn): a rule crossing a glyph
 * that strays onto it, or lying under a glyph box much taller than its ink, stays whole; a
 * glyph's own strokes, wholly inside its box, are never a run, nor is a run inside a filled
 * area. Light runs never go through glyphs: the light edges of a glyph's strokes would. Only
 * the pixels of @window are looked at. */
static void
find_runs (const Picture *picture, guint8 ink, gboolean through_glyphs, int min_run, double scale,
           const Window *window, GArray *out)
{
  int lines = MIN (window->lines_to, picture->lines);
  int length = MIN (window->along_to, picture->length);
  g_autoptr (GArray) tracks = g_array_new (FALSE, FALSE, sizeof (Track));
  int away = (int) ceil (MAX_THICKNESS * scale) + 1;

  for (int l = MAX (0, window->lines_from); l < lines; l++)
    {
      const guint8 *line = picture->pixels + (gsize) l * picture->stride;
      const guint8 *drawn = picture->raw + (gsize) l * picture->stride;
      int start = -1, last = -1;
      for (int p = MAX (0, window->along_from); p <= length; p++)
        {
          gboolean inked, hidden;
          if (start < 0)
            p = next_dark (line, p, length, ink);
          inked = p < length && line[p] < ink;
          hidden = through_glyphs && p < length && drawn[p] < ink;
          if (inked && start < 0)
            start = p;
          if (inked)
            last = p;
          if (inked || (start >= 0 && hidden))
            continue;
          if (start >= 0 && last + 1 - start >= min_run
              && !run_is_filled (picture, l, start, last, away, ink))
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

/* Swaps, between rows @a and @b (eight pixels each, as words), the bytes that @mask selects in
 * @b with those @shift bits above them in @a. */
static inline void
swap_across (guint64 *a, guint64 *b, int shift, guint64 mask)
{
  guint64 t = ((*a >> shift) ^ *b) & mask;

  *b ^= t;
  *a ^= t << shift;
}

/* The 8 × 8 pixels at @in (@in_stride bytes a row) turned into @out (@out_stride bytes a row):
 * its rows read as words, whose bytes cross the diagonal in three steps (single bytes between
 * neighbouring rows, pairs between rows two apart, fours between rows four apart): half the
 * instructions of moving the 64 pixels one by one. */
static inline void
turn_block (const guint8 *in, gsize in_stride, guint8 *out, gsize out_stride)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x00ff00ff00ff00ff);
  const guint64 twos = G_GUINT64_CONSTANT (0x0000ffff0000ffff);
  const guint64 fours = G_GUINT64_CONSTANT (0x00000000ffffffff);
  guint64 r[8];

  for (int i = 0; i < 8; i++)
    {
      memcpy (&r[i], in + (gsize) i * in_stride, sizeof r[i]);
      r[i] = GUINT64_FROM_LE (r[i]);
    }
  swap_across (&r[0], &r[1], 8, ones), swap_across (&r[2], &r[3], 8, ones);
  swap_across (&r[4], &r[5], 8, ones), swap_across (&r[6], &r[7], 8, ones);
  swap_across (&r[0], &r[2], 16, twos), swap_across (&r[1], &r[3], 16, twos);
  swap_across (&r[4], &r[6], 16, twos), swap_across (&r[5], &r[7], 16, twos);
  swap_across (&r[0], &r[4], 32, fours), swap_across (&r[1], &r[5], 32, fours);
  swap_across (&r[2], &r[6], 32, fours), swap_across (&r[3], &r[7], 32, fours);
  for (int i = 0; i < 8; i++)
    {
      guint64 word = GUINT64_TO_LE (r[i]);
      memcpy (out + (gsize) i * out_stride, &word, sizeof word);
    }
}

/* @pixels (@width by @height, @stride bytes a row) turned: its columns as rows. */
static guint8 *
turn (const guint8 *pixels, int width, int height, gsize stride)
{
  guint8 *turned = g_malloc ((gsize) width * height);
  const int tile = 32; /* a square of pixels read and written together, for the caches */
  int width8 = width & ~7, height8 = height & ~7;

  for (int y0 = 0; y0 < height8; y0 += tile)
    for (int x0 = 0; x0 < width8; x0 += tile)
      for (int y = y0; y < MIN (y0 + tile, height8); y += 8)
        for (int x = x0; x < MIN (x0 + tile, width8); x += 8)
          turn_block (pixels + (gsize) y * stride + x, stride, turned + (gsize) x * height + y,
                      (gsize) height);
  /* The last columns and rows, fewer than eight, one pixel at a time. */
  for (int y = 0; y < height; y++)
    for (int x = y < height8 ? width8 : 0; x < width; x++)
      turned[(gsize) x * height + y] = pixels[(gsize) y * stride + x];
  return turned;
}

/* Whether an end of @r, at @end along it, meets a rule of @across (perpendicular to it). */
static gboolean
end_meets (const Rule *r, float end, const GArray *across)
{
  for (guint i = 0; i < across->len; i++)
    {
      const Rule *a = &g_array_index (across, Rule, i);
      if (fabsf (a->pos - end) <= MEET && r->pos >= a->from - MEET && r->pos <= a->to + MEET)
        return TRUE;
    }
  return FALSE;
}

/* Whether @r lies along a rule of @along (the light edge of a rule drawn in ink). */
static gboolean
beside_rule (const Rule *r, const GArray *along)
{
  for (guint i = 0; i < along->len; i++)
    {
      const Rule *a = &g_array_index (along, Rule, i);
      if (fabsf (a->pos - r->pos) <= MEET && r->from < a->to && r->to > a->from)
        return TRUE;
    }
  return FALSE;
}

/* Whether rules of @along reach over the whole extent of @r on both its sides (above and
 * below a horizontal one; left and right of a vertical one): a frame around it. */
static gboolean
framed_by (const Rule *r, const GArray *along)
{
  gboolean before = FALSE, after = FALSE;

  for (guint i = 0; i < along->len; i++)
    {
      const Rule *a = &g_array_index (along, Rule, i);
      if (a->from > r->from + MEET || a->to < r->to - MEET)
        continue;
      before = before || a->pos < r->pos - MEET;
      after = after || a->pos > r->pos + MEET;
    }
  return before && after;
}

/* The hairlines of @faint (joined where they continue one another): light runs inside a frame
 * of rules drawn in ink (@along, parallel to them), both ends meeting a rule across them
 * (@across, or a light run of @faint_across), lying along no rule of @along: the inner rules
 * of a table drawn thinner than its frame. A light run outside such a frame (a picture's
 * shading) or beside a rule (its light edge) stays out. */
static GArray *
hairlines (const GArray *faint, const GArray *along, const GArray *across,
           const GArray *faint_across)
{
  GArray *kept = g_array_new (FALSE, FALSE, sizeof (Rule));

  for (guint i = 0; i < faint->len; i++)
    {
      const Rule *r = &g_array_index (faint, Rule, i);
      if (!beside_rule (r, along) && framed_by (r, along)
          && (end_meets (r, r->from, across) || end_meets (r, r->from, faint_across))
          && (end_meets (r, r->to, across) || end_meets (r, r->to, faint_across)))
        g_array_append_val (kept, *r);
    }
  return kept;
}

/* Sets @rows to the pixels (rows of them) of the box around every ink rule of @rules, with room
 * for rules meeting at its edges: every hairline lies in it (inside a frame), and so does every
 * part of a light run it may meet. FALSE where the box is empty. */
static gboolean
frame_window (const Rules *rules, double scale, int width, int height, Window *rows)
{
  float x1 = G_MAXFLOAT, y1 = G_MAXFLOAT, x2 = -G_MAXFLOAT, y2 = -G_MAXFLOAT;

  for (guint i = 0; i < rules->horizontal->len; i++)
    {
      const Rule *r = &g_array_index (rules->horizontal, Rule, i);
      x1 = MIN (x1, r->from), x2 = MAX (x2, r->to), y1 = MIN (y1, r->pos), y2 = MAX (y2, r->pos);
    }
  for (guint i = 0; i < rules->vertical->len; i++)
    {
      const Rule *r = &g_array_index (rules->vertical, Rule, i);
      y1 = MIN (y1, r->from), y2 = MAX (y2, r->to), x1 = MIN (x1, r->pos), x2 = MAX (x2, r->pos);
    }
  if (x2 < x1 || y2 < y1)
    return FALSE;
  rows->lines_from = MAX (0, (int) floor ((y1 - 2 * MEET) * scale));
  rows->lines_to = MIN (height, (int) ceil ((y2 + 2 * MEET) * scale) + 1);
  rows->along_from = MAX (0, (int) floor ((x1 - 2 * MEET) * scale));
  rows->along_to = MIN (width, (int) ceil ((x2 + 2 * MEET) * scale) + 1);
  return TRUE;
}

gboolean
rules_add_drawn (Rules *rules, RectoDocument *doc, const RectoPage *page, double scale,
                 float min_length, GError **error)
{
  RectoBox area = { 0, 0, (float) page->width, (float) page->height };
  g_autoptr (RectoImage) image = recto_document_render (doc, page->index, &area, scale, error);
  int min_run = MAX (2, (int) (min_length * scale));
  g_autoptr (GArray) faint_h = g_array_new (FALSE, FALSE, sizeof (Rule));
  g_autoptr (GArray) faint_v = g_array_new (FALSE, FALSE, sizeof (Rule));
  g_autoptr (GArray) thin_h = NULL, thin_v = NULL;
  g_autofree guint8 *raw = NULL, *turned = NULL, *turned_raw = NULL;
  Picture across, down;
  Window rows, columns;

  if (image == NULL)
    return FALSE;
  rows = (Window){ 0, (int) image->height, 0, (int) image->width };
  columns = (Window){ 0, (int) image->width, 0, (int) image->height };
  raw = g_memdup2 (image->pixels, (gsize) image->stride * image->height);
  blank_glyphs (image, page, scale);
  turned = turn (image->pixels, (int) image->width, (int) image->height, image->stride);
  turned_raw = turn (raw, (int) image->width, (int) image->height, image->stride);
  across = (Picture){ image->pixels, raw, (int) image->height, (int) image->width, image->stride };
  down = (Picture){ turned, turned_raw, (int) image->width, (int) image->height, image->height };
  find_runs (&across, INK, TRUE, min_run, scale, &rows, rules->horizontal);
  find_runs (&down, INK, TRUE, min_run, scale, &columns, rules->vertical);
  /* A hairline lies inside a frame of two ink rules along it: without two in either
   * direction the page has none, and its two light scans are spared; with them, only the
   * rules' extent is scanned. */
  if ((rules->horizontal->len < 2 && rules->vertical->len < 2)
      || !frame_window (rules, scale, (int) image->width, (int) image->height, &rows))
    return TRUE;
  columns = (Window){ rows.along_from, rows.along_to, rows.lines_from, rows.lines_to };
  /* Hairlines are drawn in pieces from one crossing rule to the next: half the length of a
   * rule, each. */
  find_runs (&across, FAINT, FALSE, MAX (2, min_run / 2), scale, &rows, faint_h);
  find_runs (&down, FAINT, FALSE, MAX (2, min_run / 2), scale, &columns, faint_v);
  rules_merge_list (faint_h, 1.5f);
  rules_merge_list (faint_v, 1.5f);
  thin_h = hairlines (faint_h, rules->horizontal, rules->vertical, faint_v);
  thin_v = hairlines (faint_v, rules->vertical, rules->horizontal, faint_h);
  g_array_append_vals (rules->horizontal, thin_h->data, thin_h->len);
  g_array_append_vals (rules->vertical, thin_v->data, thin_v->len);
  return TRUE;
}
