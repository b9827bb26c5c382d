/* glyph-shapes.c: see glyph-shapes.h. */
#include "glyph-shapes.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Grey lighter than this is the fringe anti-aliasing leaves round a neighbour's stroke. */
#define FAINT_INK 224
/* A ring is a thin stroke, drawn in grey where it is thinner than a pixel: lighter ink counts. */
#define RING_INK 200
#define SECTORS 24
/* A row of a glyph whose ink runs this share of the glyph's width is part of a bar. */
#define BAR_LENGTH 0.4

RectoImage *
glyph_shape_crop (const RectoImage *image, const RectoBox *area, double scale, const RectoBox *box)
{
  int x1 = (int) floor ((box->x1 - area->x1) * scale),
      y1 = (int) floor ((box->y1 - area->y1) * scale);
  int x2 = (int) ceil ((box->x2 - area->x1) * scale),
      y2 = (int) ceil ((box->y2 - area->y1) * scale);
  RectoImage *crop;

  x1 = CLAMP (x1, 0, (int) image->width);
  x2 = CLAMP (x2, 0, (int) image->width);
  y1 = CLAMP (y1, 0, (int) image->height);
  y2 = CLAMP (y2, 0, (int) image->height);
  if (x2 - x1 < 4 || y2 - y1 < 4)
    return NULL;
  crop = recto_image_new ((guint) (x2 - x1), (guint) (y2 - y1));
  for (int y = y1; y < y2; y++)
    memcpy (crop->pixels + (gsize) (y - y1) * crop->stride,
            image->pixels + (gsize) y * image->stride + x1, (gsize) (x2 - x1));
  return crop;
}

/* The bounding box of @glyph's pixels darker than @ink; FALSE when it has none. */
static gboolean
ink_box (const RectoImage *glyph, guint8 ink, guint *left, guint *top, guint *right, guint *bottom)
{
  *left = glyph->width, *right = 0, *top = glyph->height, *bottom = 0;
  for (guint y = 0; y < glyph->height; y++)
    for (guint x = 0; x < glyph->width; x++)
      if (glyph->pixels[y * glyph->stride + x] < ink)
        {
          *left = MIN (*left, x);
          *right = MAX (*right, x);
          *top = MIN (*top, y);
          *bottom = MAX (*bottom, y);
        }
  return *right >= *left;
}

RectoImage *
glyph_shape_framed (const RectoImage *glyph, guint margin)
{
  RectoImage *framed = recto_image_new (glyph->width + 2 * margin, glyph->height + 2 * margin);

  memset (framed->pixels, 255, framed->stride * framed->height);
  for (guint y = 0; y < glyph->height; y++)
    memcpy (framed->pixels + (y + margin) * framed->stride + margin,
            glyph->pixels + y * glyph->stride, glyph->width);
  return framed;
}

gboolean
glyph_shape_ink_columns (const RectoImage *glyph, guint *left, guint *right)
{
  guint top, bottom;
  return ink_box (glyph, GLYPH_SHAPE_INK, left, &top, right, &bottom);
}

gboolean
glyph_shape_ink_rows (const RectoImage *glyph, guint *top, guint *bottom)
{
  guint left, right;
  return ink_box (glyph, GLYPH_SHAPE_INK, &left, top, &right, bottom);
}

void
glyph_shape_inked_columns (const RectoImage *glyph, gboolean *inked)
{
  for (guint x = 0; x < glyph->width; x++)
    {
      inked[x] = FALSE;
      for (guint y = 0; y < glyph->height && !inked[x]; y++)
        inked[x] = glyph->pixels[y * glyph->stride + x] < GLYPH_SHAPE_INK;
    }
}

void
glyph_shape_inked_rows (const RectoImage *glyph, gboolean *inked)
{
  for (guint y = 0; y < glyph->height; y++)
    {
      inked[y] = FALSE;
      for (guint x = 0; x < glyph->width && !inked[y]; x++)
        inked[y] = glyph->pixels[y * glyph->stride + x] < GLYPH_SHAPE_INK;
    }
}

void
glyph_shape_clear_left_edge (RectoImage *glyph)
{
  for (guint y = 0; y < glyph->height; y++)
    for (guint x = 0; x < glyph->width && glyph->pixels[y * glyph->stride + x] < GLYPH_SHAPE_INK; x++)
      glyph->pixels[y * glyph->stride + x] = 255;
}

void
glyph_shape_clear_right_edge (RectoImage *glyph)
{
  for (guint y = 0; y < glyph->height; y++)
    for (guint x = glyph->width; x-- > 0 && glyph->pixels[y * glyph->stride + x] < GLYPH_SHAPE_INK;)
      glyph->pixels[y * glyph->stride + x] = 255;
}

/* For each of @n sectors round (@cx, @cy), how far from it the farthest (@farthest) or the
 * nearest ink of @glyph as light as RING_INK within [@left, @right] × [@top, @bottom] stands:
 * 0 (farthest) or G_MAXDOUBLE (nearest) in a sector without ink. */
static void
sector_reach (const RectoImage *glyph, guint left, guint top, guint right, guint bottom, double cx,
              double cy, int n, gboolean farthest, double *reach)
{
  for (int s = 0; s < n; s++)
    reach[s] = farthest ? 0 : G_MAXDOUBLE;
  for (guint y = top; y <= bottom; y++)
    for (guint x = left; x <= right; x++)
      if (glyph->pixels[y * glyph->stride + x] < RING_INK)
        {
          double dx = x + 0.5 - cx, dy = y + 0.5 - cy, d = sqrt (dx * dx + dy * dy);
          int sector = (int) ((atan2 (dy, dx) + G_PI) / (2 * G_PI) * n) % n;
          reach[sector] = farthest ? MAX (reach[sector], d) : MIN (reach[sector], d);
        }
}

gboolean
glyph_shape_open_ring (RectoImage *glyph)
{
  double reach[SECTORS];
  double inner = 0, outer = G_MAXDOUBLE, limit, cx, cy;
  guint left, top, right, bottom, width, height;

  /* A ring's ink is as tall as it is wide; its centre is the ink's. */
  if (!ink_box (glyph, RING_INK, &left, &top, &right, &bottom))
    return FALSE;
  width = right - left + 1, height = bottom - top + 1;
  if (width < 8 || height < 0.85 * width || height > 1.18 * width)
    return FALSE;
  cx = (left + right + 1) / 2.0, cy = (top + bottom + 1) / 2.0;
  /* The outermost ink in each direction from the centre: a ring has ink in every direction,
   * all at about one distance (a square frame, like 口's, reaches 1.4 times further at its
   * corners than at its sides). */
  sector_reach (glyph, left, top, right, bottom, cx, cy, SECTORS, TRUE, reach);
  for (int s = 0; s < SECTORS; s++)
    {
      inner = MAX (inner, reach[s]);
      outer = MIN (outer, reach[s]);
    }
  if (outer <= 0.3 * width / 2 || inner > 1.15 * outer)
    return FALSE;
  /* Blank everything from a little inside the ring outwards; what is left is the number. */
  limit = 0.72 * outer;
  for (guint y = 0; y < glyph->height; y++)
    for (guint x = 0; x < glyph->width; x++)
      {
        double dx = x + 0.5 - cx, dy = y + 0.5 - cy;
        if (sqrt (dx * dx + dy * dy) > limit)
          glyph->pixels[y * glyph->stride + x] = 255;
      }
  return TRUE;
}

double
glyph_shape_ink_share (const RectoImage *glyph)
{
  guint ink = 0;

  for (guint y = 0; y < glyph->height; y++)
    for (guint x = 0; x < glyph->width; x++)
      ink += glyph->pixels[y * glyph->stride + x] < GLYPH_SHAPE_INK;
  return glyph->width * glyph->height > 0 ? (double) ink / (glyph->width * glyph->height) : 0;
}

double
glyph_shape_ink_coverage (const RectoImage *glyph)
{
  double dark = 0;

  for (guint y = 0; y < glyph->height; y++)
    for (guint x = 0; x < glyph->width; x++)
      if (glyph->pixels[y * glyph->stride + x] < FAINT_INK)
        dark += 255 - glyph->pixels[y * glyph->stride + x];
  return glyph->width * glyph->height > 0 ? dark / (255.0 * glyph->width * glyph->height) : 0;
}

gboolean
glyph_shape_has_rule (const RectoImage *glyph)
{
  for (guint x = 0; x < glyph->width; x++)
    {
      guint y = 0;
      while (y < glyph->height && glyph->pixels[y * glyph->stride + x] < GLYPH_SHAPE_INK)
        y++;
      if (glyph->height > 0 && y == glyph->height)
        return TRUE;
    }
  return FALSE;
}

static int
compare_guint (gconstpointer a, gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;
  return (x > y) - (x < y);
}

gboolean
glyph_shape_is_dash (const RectoImage *glyph)
{
  guint left, top, right, bottom, width, tallest = 0;
  g_autofree guint *columns = NULL;

  if (!ink_box (glyph, GLYPH_SHAPE_INK, &left, &top, &right, &bottom))
    return FALSE;
  width = right - left + 1;
  if (width < 0.75 * glyph->width || bottom - top + 1 > 0.2 * glyph->width)
    return FALSE;
  /* A bar as thick at its ends as in its middle: 一 ends in a serif (Song, Fangsong and Kai
   * faces) and is drawn thicker than the dash's rule. */
  columns = g_new0 (guint, width);
  for (guint x = left; x <= right; x++)
    for (guint y = top; y <= bottom; y++)
      columns[x - left] += glyph->pixels[y * glyph->stride + x] < GLYPH_SHAPE_INK;
  for (guint i = 0; i < width; i++)
    tallest = MAX (tallest, columns[i]);
  qsort (columns, width, sizeof (guint), compare_guint);
  return tallest <= 1.5 * MAX (columns[width / 2], 1)
         && columns[width / 2] <= 0.06 * glyph->width + 1;
}

static gboolean
is_ink (const RectoImage *glyph, guint x, guint y)
{
  return glyph->pixels[(gsize) y * glyph->stride + x] < GLYPH_SHAPE_INK;
}

/* Whether column @x of @glyph, inked in row @y, is a bar's there: its ink through that row
 * is no more than @max_thickness rows, and it has none elsewhere but the row either side (the
 * grey fringe anti-aliasing draws). */
static gboolean
is_bar_column (const RectoImage *glyph, guint x, guint y, guint max_thickness)
{
  guint top = y, bottom = y;

  while (top > 0 && is_ink (glyph, x, top - 1))
    top--;
  while (bottom + 1 < glyph->height && is_ink (glyph, x, bottom + 1))
    bottom++;
  if (bottom - top + 1 > max_thickness)
    return FALSE;
  for (guint row = 0; row < glyph->height; row++)
    if ((row + 1 < top || row > bottom + 1) && is_ink (glyph, x, row))
      return FALSE;
  return TRUE;
}

gboolean
glyph_shape_lone_bar (const RectoImage *glyph, guint from, guint to, guint max_thickness,
                      guint *left, guint *right)
{
  guint longest = 0;

  /* Along each row, the stretches of columns that are a bar's; a neighbour's stroke that
   * touches a dash (an en dash has no side bearings in Arial) ends its stretch. */
  for (guint y = 0; y < glyph->height; y++)
    for (guint a = 0; a < glyph->width;)
      {
        guint b = a;
        if (!is_ink (glyph, a, y) || !is_bar_column (glyph, a, y, max_thickness))
          {
            a++;
            continue;
          }
        while (b + 1 < glyph->width && is_ink (glyph, b + 1, y)
               && is_bar_column (glyph, b + 1, y, max_thickness))
          b++;
        if (b - a + 1 > longest && b >= from && a <= to)
          longest = b - a + 1, *left = a, *right = b;
        a = b + 1;
      }
  return longest > 0;
}

gboolean
glyph_shape_is_wave (const RectoImage *glyph)
{
  guint left, top, right, bottom, width, n = 0, highest = 0, lowest = 0;
  g_autofree double *middles = NULL;
  g_autofree guint *thickness = NULL;
  double low = G_MAXDOUBLE, high = -G_MAXDOUBLE;

  if (!ink_box (glyph, GLYPH_SHAPE_INK, &left, &top, &right, &bottom))
    return FALSE;
  width = right - left + 1;
  if (width < 0.4 * glyph->width || bottom - top + 1 > 0.5 * width)
    return FALSE;
  /* Each column's ink: its middle row and how thick it is. */
  middles = g_new0 (double, width);
  thickness = g_new0 (guint, width);
  for (guint x = left; x <= right; x++)
    {
      double sum = 0;
      guint ink = 0;
      for (guint y = top; y <= bottom; y++)
        if (glyph->pixels[y * glyph->stride + x] < GLYPH_SHAPE_INK)
          sum += y, ink++;
      middles[n] = ink > 0 ? sum / ink : -1;
      thickness[n++] = ink;
    }
  for (guint i = 0; i < n; i++)
    {
      if (middles[i] < 0)
        return FALSE; /* two signs, not one stroke */
      if (middles[i] < low)
        low = middles[i], highest = i;
      if (middles[i] > high)
        high = middles[i], lowest = i;
    }
  qsort (thickness, n, sizeof (guint), compare_guint);
  /* Its middle line rises and falls by more than its stroke is thick, its crest and its trough
   * both inside it: a slanted stroke has them at its ends, a bar (一, a dash) none at all. */
  return high - low >= MAX (thickness[n / 2], 1) && highest > n / 8 && highest < n - n / 8
         && lowest > n / 8 && lowest < n - n / 8;
}

/* The mean column of the ink in rows [@from, @to) of @glyph, or -1 when they hold none. */
static double
ink_middle (const RectoImage *glyph, guint from, guint to)
{
  double sum = 0;
  guint n = 0;

  for (guint y = from; y < to; y++)
    for (guint x = 0; x < glyph->width; x++)
      if (glyph->pixels[y * glyph->stride + x] < GLYPH_SHAPE_INK)
        sum += x, n++;
  return n > 0 ? sum / n : -1;
}

gboolean
glyph_shape_stem_centred (const RectoImage *glyph)
{
  guint left, top, right, bottom, height;
  double stem;

  if (!ink_box (glyph, GLYPH_SHAPE_INK, &left, &top, &right, &bottom))
    return FALSE;
  height = bottom - top + 1;
  /* The stem: the ink of the glyph's middle fifth of rows; the foot spans the whole ink box. */
  stem = ink_middle (glyph, top + 2 * height / 5, top + 3 * height / 5);
  return stem >= 0 && right > left && stem - left >= (right - left) / 3.0
         && right - stem >= (right - left) / 3.0;
}

guint
glyph_shape_count_bars (const RectoImage *glyph)
{
  guint left, top, right, bottom, bars = 0;
  gboolean in_bar = FALSE;

  if (!ink_box (glyph, GLYPH_SHAPE_INK, &left, &top, &right, &bottom))
    return 0;
  for (guint y = top; y <= bottom; y++)
    {
      guint ink = 0;
      gboolean bar;
      for (guint x = left; x <= right; x++)
        ink += glyph->pixels[y * glyph->stride + x] < GLYPH_SHAPE_INK;
      /* The shortest bar, 三's middle one, is about half as long as the longest. */
      bar = ink >= BAR_LENGTH * (right - left + 1);
      bars += bar && !in_bar;
      in_bar = bar;
    }
  return bars;
}

/* How many pixels of row @y (@vertical FALSE) or column @y (TRUE) of @glyph, from @from to @to,
 * hold ink as light as RING_INK. */
static guint
line_ink (const RectoImage *glyph, gboolean vertical, guint y, guint from, guint to)
{
  guint n = 0;

  for (guint x = from; x <= to; x++)
    n += (vertical ? glyph->pixels[x * glyph->stride + y] : glyph->pixels[y * glyph->stride + x])
         < RING_INK;
  return n;
}

gboolean
glyph_shape_is_box (const RectoImage *glyph)
{
  guint left, top, right, bottom, w, h;

  if (!ink_box (glyph, RING_INK, &left, &top, &right, &bottom))
    return FALSE;
  w = right - left + 1, h = bottom - top + 1;
  if (h < 0.6 * glyph->width || (w > h ? w - h : h - w) > 0.12 * MAX (w, h))
    return FALSE;
  /* Its sides run from corner to corner: 口's strokes overrun its corners (its feet, its
   * shoulder), or stop short of them. */
  if (line_ink (glyph, FALSE, top, left, right) < 0.9 * w
      || line_ink (glyph, FALSE, bottom, left, right) < 0.9 * w
      || line_ink (glyph, TRUE, left, top, bottom) < 0.9 * h
      || line_ink (glyph, TRUE, right, top, bottom) < 0.9 * h)
    return FALSE;
  for (guint y = top + h / 4; y <= bottom - h / 4; y++)
    if (line_ink (glyph, FALSE, y, left + w / 4, right - w / 4) > 0)
      return FALSE;
  return TRUE;
}

gboolean
glyph_shape_is_check (const RectoImage *glyph)
{
  guint left, top, right, bottom, w, h, arm = G_MAXUINT, stem = G_MAXUINT, vertex = 0, lowest = 0;
  guint crossed = 0;

  if (!ink_box (glyph, GLYPH_SHAPE_INK, &left, &top, &right, &bottom))
    return FALSE;
  w = right - left + 1, h = bottom - top + 1;
  if (w < 4 || h < 0.4 * glyph->width)
    return FALSE;
  for (guint x = left; x <= right; x++)
    {
      guint runs = 0;
      for (guint y = top; y <= bottom; y++)
        if (glyph->pixels[y * glyph->stride + x] < GLYPH_SHAPE_INK)
          {
            runs += y == top || glyph->pixels[(y - 1) * glyph->stride + x] >= GLYPH_SHAPE_INK;
            if (x < left + w / 5)
              arm = MIN (arm, y);
            if (x > right - w / 5)
              stem = MIN (stem, y);
            if (y > lowest)
              lowest = y, vertex = x;
          }
      crossed += runs > 1;
    }
  /* Two strokes, each column crossing one of them (an ideograph's columns cross several); the
   * short arm starts low on the left, the long stroke at the top on the right, and they meet
   * at the foot left of the middle: a "v" has both arms at the top, a "/" its foot at its left
   * end. */
  return crossed <= w / 10 && arm >= top + 0.35 * h && stem <= top + 0.15 * h
         && vertex >= left + 0.15 * w && vertex <= left + 0.6 * w;
}

/* Directions a small ring is looked at from its centre in: a ring of 5 pixels has ink in each. */
#define STOP_SECTORS 8
/* How closely the ink of "、" follows one line down to the right (a correlation). */
#define ENUMERATION_SLANT 0.6

gboolean
glyph_shape_is_full_stop (const RectoImage *glyph)
{
  double nearest[STOP_SECTORS], cx, cy, radius;
  guint left, top, right, bottom, w, h;

  if (!ink_box (glyph, RING_INK, &left, &top, &right, &bottom))
    return FALSE;
  w = right - left + 1, h = bottom - top + 1;
  if (w < 5 || w > 0.4 * glyph->width || h < 0.8 * w || h > 1.25 * w)
    return FALSE;
  cx = (left + right + 1) / 2.0, cy = (top + bottom + 1) / 2.0;
  /* Low in its cell, left of the middle: "°" stands high, "◦" and a full-width "ｏ" in the
   * middle. */
  if (top < glyph->height / 2 || cx > 0.45 * glyph->width)
    return FALSE;
  /* The nearest ink in each direction from the centre: a ring's is about its radius away all
   * round; a dot (．) has ink at its centre, a "c" none on its open side. */
  radius = MIN (w, h) / 2.0;
  sector_reach (glyph, left, top, right, bottom, cx, cy, STOP_SECTORS, FALSE, nearest);
  for (int s = 0; s < STOP_SECTORS; s++)
    if (nearest[s] > radius || nearest[s] < 0.4 * radius)
      return FALSE;
  return TRUE;
}

/* The columns [*@left, *@right] of @glyph's first run of inked columns, when nothing else is
 * inked up to its middle: a sign at the left of its cell, and beyond the middle at most the next
 * glyph's ink, where a producer boxes every glyph an em wide (GB/T 3620.1's "、" before α). */
static gboolean
left_part (const RectoImage *glyph, guint *left, guint *right)
{
  g_autofree gboolean *inked = g_new (gboolean, glyph->width);
  guint x = 0;

  glyph_shape_inked_columns (glyph, inked);
  while (x < glyph->width && !inked[x])
    x++;
  if (x == glyph->width)
    return FALSE;
  *left = x;
  while (x < glyph->width && inked[x])
    x++;
  *right = x - 1;
  for (; x <= glyph->width / 2 && x < glyph->width; x++)
    if (inked[x])
      return FALSE;
  return TRUE;
}

gboolean
glyph_shape_is_enumeration_comma (const RectoImage *glyph)
{
  guint left, right, top = glyph->height, bottom = 0, n = 0;
  double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0, cov, r;

  if (!left_part (glyph, &left, &right) || right - left + 1 < 3
      || right - left + 1 > 0.4 * glyph->width)
    return FALSE;
  for (guint y = 0; y < glyph->height; y++)
    for (guint x = left; x <= right; x++)
      if (glyph->pixels[y * glyph->stride + x] < GLYPH_SHAPE_INK)
        {
          top = MIN (top, y), bottom = MAX (bottom, y);
          sx += x, sy += y, sxx += (double) x * x, syy += (double) y * y, sxy += (double) x * y;
          n++;
        }
  /* Short, and low in its cell, as "。" is. */
  if (bottom - top + 1 > 0.4 * glyph->height || top < glyph->height / 3)
    return FALSE;
  /* One stroke down to the right: its ink's columns and rows rise together. A "，" falls from
   * its head down to the left, a "." has no slant. */
  cov = sxy / n - (sx / n) * (sy / n);
  r = cov
      / sqrt (MAX (sxx / n - (sx / n) * (sx / n), 1e-9)
              * MAX (syy / n - (sy / n) * (sy / n), 1e-9));
  return r >= ENUMERATION_SLANT;
}

gunichar
glyph_shape_circled (int number)
{
  return number >= 1 && number <= 20 ? 0x2460 + (gunichar) (number - 1) : 0;
}
