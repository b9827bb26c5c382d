/* image-line-ink.c: see image-line-ink.h. */
#include "image-line-ink.h"
#include "scan-symbols.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Ink like text's, drawn as it is read: two tones, the background's (the commonest grey level)
 * and the ink's (the commonest level at least INK_CONTRAST from it), and between them only the
 * antialiased edges of strokes. A pixel more than TONE_WIDTH levels from both tones whose four
 * neighbours are within FLAT_WIDTH of it lies in a flat area of a third tone (a chart's bar, a
 * photograph's sky): at most MAX_THIRD_TONE of the strip may. The ink (pixels nearer the ink's
 * level than the background's) fills between MIN_INK and MAX_INK of the strip. */
#define INK_CONTRAST 96
#define TONE_WIDTH 40
#define FLAT_WIDTH 8
#define MAX_THIRD_TONE 0.02
#define MIN_INK 0.02
#define MAX_INK 0.5

static gboolean
is_ink (const LineTones *tones, int v)
{
  return abs (v - tones->ink) < abs (v - tones->background);
}

static gboolean
flat_third_tone (const RectoImage *image, const LineTones *tones, guint x, guint y)
{
  const guint8 *row = image->pixels + y * image->stride;
  int v = row[x];

  return abs (v - tones->background) > TONE_WIDTH && abs (v - tones->ink) > TONE_WIDTH && x > 0
         && x + 1 < image->width && y > 0 && y + 1 < image->height
         && abs (row[x - 1] - v) <= FLAT_WIDTH && abs (row[x + 1] - v) <= FLAT_WIDTH
         && abs (row[x - image->stride] - v) <= FLAT_WIDTH
         && abs (row[x + image->stride] - v) <= FLAT_WIDTH;
}

static void
count_levels (const RectoImage *image, guint64 histogram[256])
{
  for (guint y = 0; y < image->height; y++)
    for (guint x = 0; x < image->width; x++)
      histogram[image->pixels[y * image->stride + x]]++;
}

static int
commonest_level (const guint64 histogram[256])
{
  int commonest = 0;

  for (int v = 1; v < 256; v++)
    if (histogram[v] > histogram[commonest])
      commonest = v;
  return commonest;
}

int
image_line_ink_ground (const RectoImage *image)
{
  guint64 histogram[256] = { 0 };

  count_levels (image, histogram);
  return commonest_level (histogram);
}

/* Finds @image's two tones; FALSE when it has no ink. */
static gboolean
find_tones (const RectoImage *image, LineTones *tones)
{
  guint64 histogram[256] = { 0 };

  count_levels (image, histogram);
  tones->background = commonest_level (histogram), tones->ink = -1;
  for (int v = 0; v < 256; v++)
    if (abs (v - tones->background) >= INK_CONTRAST && histogram[v] > 0
        && (tones->ink < 0 || histogram[v] > histogram[tones->ink]))
      tones->ink = v;
  return tones->ink >= 0;
}

gboolean
image_line_ink_two_tones (const RectoImage *image, LineTones *tones, double *ink_share)
{
  guint64 total = (guint64) image->width * image->height, third = 0, ink = 0;

  *ink_share = 0;
  if (total == 0 || !find_tones (image, tones))
    return FALSE;
  for (guint y = 0; y < image->height; y++)
    for (guint x = 0; x < image->width; x++)
      {
        ink += is_ink (tones, image->pixels[y * image->stride + x]);
        third += flat_third_tone (image, tones, x, y);
      }
  g_debug ("image line: background %d, ink %d, third tone %.3f, ink share %.3f (%ux%u pixels)",
           tones->background, tones->ink, (double) third / total, (double) ink / total,
           image->width, image->height);
  *ink_share = (double) ink / total;
  return third <= MAX_THIRD_TONE * total;
}

gboolean
image_line_ink_is_text (const RectoImage *image, LineTones *tones)
{
  double ink;

  return image_line_ink_two_tones (image, tones, &ink) && ink >= MIN_INK && ink <= MAX_INK;
}

/* Of the ink, the share a reading must account for: the rest is a picture beside the words (a
 * logo's emblem) or words OCR did not see. Ink within SYMBOL_MARGIN pixels of a symbol's box is
 * its. A line of text holds at least MIN_SYMBOLS characters per height of its width (ideographs
 * an em apart give one, a title spaced out half that): fewer, each wider than the line is
 * high, are a picture read as letters (a logo's emblem and name read as two ideographs). */
#define MIN_INK_READ 0.85
#define SYMBOL_MARGIN 2
#define MIN_SYMBOLS 0.6

/* Whether @symbols (in @image's pixels) read @image as a line of text: MIN_SYMBOLS characters
 * a height of its width, whose boxes hold MIN_INK_READ of its ink. */
gboolean
image_line_ink_read (const RectoImage *image, const LineTones *tones, const GArray *symbols)
{
  g_autofree guint8 *covered = g_malloc0 ((gsize) image->width * image->height);
  guint64 ink = 0, read = 0;
  guint characters = 0;

  for (guint i = 0; i < symbols->len; i++)
    {
      const OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, i);
      int x1 = MAX (0, (int) symbol->x1 - SYMBOL_MARGIN),
          y1 = MAX (0, (int) symbol->y1 - SYMBOL_MARGIN);
      int x2 = MIN ((int) image->width, (int) ceilf (symbol->x2) + SYMBOL_MARGIN);
      int y2 = MIN ((int) image->height, (int) ceilf (symbol->y2) + SYMBOL_MARGIN);
      if (symbol->c == 0 || g_unichar_isspace (symbol->c))
        continue;
      characters++;
      for (int y = y1; y < y2; y++)
        memset (covered + (gsize) y * image->width + x1, 1, (gsize) MAX (0, x2 - x1));
    }
  for (guint y = 0; y < image->height; y++)
    for (guint x = 0; x < image->width; x++)
      if (is_ink (tones, image->pixels[y * image->stride + x]))
        ink++, read += covered[(gsize) y * image->width + x];
  g_debug ("image line: %u characters, %.3f of the ink read", characters,
           ink > 0 ? (double) read / ink : 0);
  return characters >= MIN_SYMBOLS * image->width / image->height && ink > 0
         && read >= MIN_INK_READ * ink;
}

/* One line's letters stand on one baseline: at least ON_BASELINE of those without a descender
 * (and its ideographs and digits) end within BASELINE_SPREAD of the line's height of their
 * median bottom. A block of several lines read as one (a logo's name in three rows beside its
 * emblem) ends its symbols on each row's baseline. */
#define ON_BASELINE 0.75
#define BASELINE_SPREAD 0.15

static gboolean
stands_on_baseline (gunichar c)
{
  return g_unichar_isalnum (c) && (c >= 0x80 || strchr ("gjpqyQ", (int) c) == NULL);
}

/* Whether the letters of @symbols (in @image's pixels) stand on one baseline. */
gboolean
image_line_one_baseline (const GArray *symbols, const RectoImage *image)
{
  g_autoptr (GArray) bottoms = g_array_new (FALSE, FALSE, sizeof (double));
  double median;
  guint on = 0;

  for (guint i = 0; i < symbols->len; i++)
    {
      const OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, i);
      double bottom = symbol->y2;
      if (stands_on_baseline (symbol->c))
        g_array_append_val (bottoms, bottom);
    }
  if (bottoms->len == 0)
    return FALSE;
  median = scan_symbols_median (bottoms);
  for (guint i = 0; i < bottoms->len; i++)
    on += fabs (g_array_index (bottoms, double, i) - median) <= BASELINE_SPREAD * image->height;
  g_debug ("image line: %u of %u letters on the baseline", on, bottoms->len);
  return on >= ON_BASELINE * bottoms->len;
}

/* A letter or digit whose ink stands less than DOT_HEIGHT of the line's height is a dot (the
 * LSTM reads a row of leader dots as "ccsesse…" with certainties of 0.75 to 0.9): its reading is
 * not asserted. An ideograph is not judged so (一 is one flat stroke). */
#define DOT_HEIGHT 0.2

/* How many rows of @image between @y1 and @y2 hold ink between @x1 and @x2. */
static int
ink_rows (const RectoImage *image, const LineTones *tones, int x1, int y1, int x2, int y2)
{
  int first = -1, last = -1;

  for (int y = MAX (0, y1); y < MIN ((int) image->height, y2); y++)
    for (int x = MAX (0, x1); x < MIN ((int) image->width, x2); x++)
      if (is_ink (tones, image->pixels[y * image->stride + x]))
        {
          first = first < 0 ? y : first, last = y;
          break;
        }
  return first < 0 ? 0 : last - first + 1;
}

/* Takes the certainty from the letters and digits of @symbols whose ink is a dot's. */
void
image_line_doubt_dots (GArray *symbols, const RectoImage *image, const LineTones *tones)
{
  for (guint i = 0; i < symbols->len; i++)
    {
      OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, i);
      if (symbol->c < 0x250 && g_unichar_isalnum (symbol->c)
          && ink_rows (image, tones, (int) symbol->x1, (int) symbol->y1, (int) ceilf (symbol->x2),
                       (int) ceilf (symbol->y2))
                 < DOT_HEIGHT * image->height)
        symbol->confidence = 0;
    }
}
