/* recto-review-crop.c: see recto-review-crop.h. The rows above and below the content are found
 * by whole-row tests; on the rows between, only the margins found so far are tested again, so a
 * text page costs little more than one pass over its blank rows. */
#include "recto-review-crop.h"

#define WHITE 0xffffffu

static gboolean
is_white (guint32 pixel)
{
  return (pixel & WHITE) == WHITE; /* RGB24's top byte is unused */
}

/* Whether pixels @from to @to (excluded) of @row are white. They are ANDed sixteen at a time
 * into sixteen lanes, a loop of fixed length that gcc vectorizes at -O2 (the plain loop is
 * not). */
static gboolean
span_is_white (const guint32 *row, int from, int to)
{
  guint32 lanes[16];
  guint32 all = WHITE;
  int x = from;

  for (int k = 0; k < 16; k++)
    lanes[k] = WHITE;
  for (; x + 16 <= to; x += 16)
    for (int k = 0; k < 16; k++)
      lanes[k] &= row[x + k];
  for (; x < to; x++)
    all &= row[x];
  for (int k = 0; k < 16; k++)
    all &= lanes[k];
  return is_white (all);
}

static const guint32 *
row_at (const unsigned char *data, int stride, int y)
{
  return (const guint32 *) (data + (gsize) y * (gsize) stride);
}

/* Widens [*@left, *@right] to take in the pixels of @row that are not white. */
static void
widen_to_row (const guint32 *row, int width, int *left, int *right)
{
  if (!span_is_white (row, 0, *left))
    for (int x = 0; x < *left; x++)
      if (!is_white (row[x]))
        {
          *left = x;
          break;
        }
  if (!span_is_white (row, *right + 1, width))
    for (int x = width - 1; x > *right; x--)
      if (!is_white (row[x]))
        {
          *right = x;
          break;
        }
}

ReviewCrop
review_crop_content (cairo_surface_t *surface)
{
  const unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int top = 0, bottom = height - 1, left = width, right = -1;

  cairo_surface_flush (surface);
  while (top < height && span_is_white (row_at (data, stride, top), 0, width))
    top++;
  if (top == height)
    return (ReviewCrop) { 0, 0, 1, 1 };
  while (span_is_white (row_at (data, stride, bottom), 0, width))
    bottom--;
  for (int y = top; y <= bottom; y++)
    widen_to_row (row_at (data, stride, y), width, &left, &right);
  return (ReviewCrop) { left, top, right - left + 1, bottom - top + 1 };
}
