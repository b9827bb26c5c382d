/* close-lines.c: see close-lines.h. */
#include "close-lines.h"
#include "glyph-shapes.h"
#include "turned-rows.h"

#include <math.h>
#include <string.h>

/* Whether glyph @glyph of @page is one of @row's. */
static gboolean
in_row (const TextRow *row, guint glyph)
{
  for (guint k = 0; k < row->glyphs->len; k++)
    if (g_array_index (row->glyphs, guint, k) == glyph)
      return TRUE;
  return FALSE;
}

static gboolean
inked (const RectoImage *image, guint x, guint y)
{
  return image->pixels[(gsize) y * image->stride + x] < GLYPH_SHAPE_INK;
}

/* A stretch of another line in a row's image: the pixel columns @x1 to @x2 (not kept) its
 * glyphs' boxes span, and how far into the rows they reach from their side (@reach). */
typedef struct
{
  guint x1, x2;
  int reach;
} OtherLine;

/* Whitens the ink of @image in rows @y1 to @y2 (kept) and columns @x1 to @x2 (not kept) that
 * touches no ink outside those rows: a glyph of another line that reaches over into them, cut
 * off from the rest of it. */
static void
whiten_cut_ink (RectoImage *image, guint x1, guint x2, guint y1, guint y2)
{
  guint width = x2 - x1, rows = y2 - y1 + 1;
  g_autofree guint8 *seen = g_new0 (guint8, (gsize) width * rows);
  g_autoptr (GArray) piece = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint start = 0; start < width * rows; start++)
    {
      gboolean alone = TRUE; /* touches no ink outside the rows */
      if (seen[start] || !inked (image, x1 + start % width, y1 + start / width))
        continue;
      g_array_set_size (piece, 0);
      g_array_append_val (piece, start);
      seen[start] = 1;
      for (guint k = 0; k < piece->len; k++)
        {
          guint at = g_array_index (piece, guint, k), x = x1 + at % width, y = y1 + at / width;
          for (int dy = -1; dy <= 1; dy++)
            for (int dx = -1; dx <= 1; dx++)
              {
                int nx = (int) x + dx, ny = (int) y + dy;
                if (nx < 0 || nx >= (int) image->width || ny < 0 || ny >= (int) image->height
                    || !inked (image, nx, ny))
                  continue;
                if (ny < (int) y1 || ny > (int) y2 || nx < (int) x1 || nx >= (int) x2)
                  {
                    alone = FALSE;
                    continue;
                  }
                guint next = (guint) (ny - (int) y1) * width + (guint) nx - x1;
                if (!seen[next])
                  seen[next] = 1, g_array_append_val (piece, next);
              }
        }
      for (guint k = 0; alone && k < piece->len; k++)
        {
          guint at = g_array_index (piece, guint, k);
          image->pixels[(gsize) (y1 + at / width) * image->stride + x1 + at % width] = 255;
        }
    }
}

/* Whether column @x of @image is inked from row @y1 to row @y2 (not kept) but for a twentieth
 * of them (learning_crosses_a_rule()): a rule crossing them. */
static gboolean
inked_through (const RectoImage *image, guint x, int y1, int y2)
{
  int blank = 0;

  for (int y = y1; y < y2; y++)
    blank += !inked (image, x, (guint) y);
  return blank <= (y2 - y1) / 20;
}

/* Whether a rule crosses @image from top to bottom: a table's. */
static gboolean
crossed_by_a_rule (const RectoImage *image)
{
  for (guint x = 0; x < image->width; x++)
    if (inked_through (image, x, 0, (int) image->height))
      return TRUE;
  return FALSE;
}

/* Whitens rows @y1 to @y2 (@y2 not kept) of @image in columns @x1 to @x2 (not kept). */
static void
whiten_rows (RectoImage *image, guint x1, guint x2, int y1, int y2)
{
  y1 = MAX (y1, 0), y2 = MIN (y2, (int) image->height);
  for (int y = y1; y < y2 && x2 > x1; y++)
    memset (image->pixels + (gsize) y * image->stride + x1, 255, x2 - x1);
}

/* Widens @line over the columns of @box, a glyph's box, and sets how far it reaches (@reach). */
static void
take_in (OtherLine *line, const RectoBox *box, const RectoBox *area, double scale,
         const RectoImage *image, int reach)
{
  guint x1 = (guint) MAX (0.0, (box->x1 - area->x1) * scale),
        x2 = (guint) MIN ((double) image->width, ceil ((box->x2 - area->x1) * scale));

  line->x1 = MIN (line->x1, x1), line->x2 = MAX (line->x2, x2);
  line->reach = reach;
}

/* Whitens @line, a line above (@above) or below the band of @image from pixel row @top to
 * @bottom (not kept): the image beyond the band, and the ink cut off so inside it. */
static void
clear_line (RectoImage *image, const OtherLine *line, gboolean above, int top, int bottom)
{
  if (line->x2 <= line->x1)
    return;
  if (above && top > 0 && line->reach > top)
    {
      whiten_rows (image, line->x1, line->x2, 0, top);
      if (top < (int) image->height)
        whiten_cut_ink (image, line->x1, line->x2, (guint) top,
                        (guint) MIN (line->reach, (int) image->height) - 1);
    }
  if (!above && bottom < (int) image->height && line->reach < bottom)
    {
      whiten_rows (image, line->x1, line->x2, bottom, (int) image->height);
      if (bottom > 0)
        whiten_cut_ink (image, line->x1, line->x2, (guint) MAX (line->reach, 0),
                        (guint) bottom - 1);
    }
}

/* Where a glyph of another line stands across the row: anywhere, or beside its glyphs, an em
 * or more from them. */
typedef enum
{
  STRETCH_ALL,
  STRETCH_LEFT,
  STRETCH_RIGHT,
  N_STRETCHES
} Stretch;

/* Widens the line above or below the row (@above, @below) in @stretch over @box, the box of a
 * glyph of that line. */
static void
take_in_glyph (OtherLine *above, OtherLine *below, Stretch stretch, const TextRow *row,
               const RectoBox *box, const RectoBox *area, double scale, const RectoImage *image)
{
  if ((box->y1 + box->y2) / 2 < row->box.y1)
    take_in (&above[stretch], box, area, scale, image,
             MAX (above[stretch].reach, (int) ceil ((box->y2 - area->y1) * scale)));
  else
    take_in (&below[stretch], box, area, scale, image,
             MIN (below[stretch].reach, (int) ((box->y1 - area->y1) * scale)));
}

void
close_lines_clear (const TextRow *row, const RectoPage *page, const RectoBox *area, double scale,
                   RectoImage *image)
{
  int top = (int) ((row->box.y1 - area->y1) * scale),
      bottom = (int) ceil ((row->box.y2 - area->y1) * scale);
  float em = text_row_em (row);
  OtherLine above[N_STRETCHES], below[N_STRETCHES];

  if (crossed_by_a_rule (image))
    return;
  for (guint k = 0; k < N_STRETCHES; k++)
    {
      above[k] = (OtherLine){ image->width, 0, top };
      below[k] = (OtherLine){ image->width, 0, bottom };
    }
  for (guint i = 0; i < page->boxes->len; i++)
    {
      RectoBox box = text_row_glyph_box (row, page, i);
      float middle = (box.y1 + box.y2) / 2;
      Stretch beside = box.x2 <= row->box.x1 - em   ? STRETCH_LEFT
                       : box.x1 >= row->box.x2 + em ? STRETCH_RIGHT
                                                    : STRETCH_ALL;
      if ((middle >= row->box.y1 && middle <= row->box.y2) || box.x2 <= area->x1
          || box.x1 >= area->x2 || box.y2 <= area->y1 || box.y1 >= area->y2 || in_row (row, i))
        continue;
      take_in_glyph (above, below, STRETCH_ALL, row, &box, area, scale, image);
      if (beside != STRETCH_ALL)
        take_in_glyph (above, below, beside, row, &box, area, scale, image);
    }
  /* Boxes that reach over more than a quarter of the band are no measure of where their ink
   * stands (a Type 3 font's): the row's own glyphs may stand wholly within their reach. An em
   * or more beside the row's glyphs, such a reach is another column's line, set on another
   * baseline (vol511-lost-body-text's "that all 6", beside "of net" half a line lower, read
   * "\"that", its letters boxed at one point and so lost); nearer, the lines of a lone glyph's
   * row, read from its shape (tests/test-shape-readings.py). */
  int most = (bottom - top) / 4;
  if (above[STRETCH_ALL].reach - top <= most)
    clear_line (image, &above[STRETCH_ALL], TRUE, top, bottom);
  else
    for (Stretch k = STRETCH_LEFT; k <= STRETCH_RIGHT; k++)
      clear_line (image, &above[k], TRUE, top, bottom);
  if (bottom - below[STRETCH_ALL].reach <= most)
    clear_line (image, &below[STRETCH_ALL], FALSE, top, bottom);
  else
    for (Stretch k = STRETCH_LEFT; k <= STRETCH_RIGHT; k++)
      clear_line (image, &below[k], FALSE, top, bottom);
}
