/* scan-symbols.c: see scan-symbols.h. */
#include "scan-symbols.h"
#include "glyph-shapes.h"

#include <math.h>
#include <string.h>

/* A line whose ink covers this many times the page's typical share is bold. */
#define BOLD_INK 1.3

gboolean
scan_symbol_is_wide (gunichar c)
{
  return g_unichar_iswide (c) || g_unichar_iswide_cjk (c);
}

/* OCR reads Chinese text's full-width punctuation as ASCII: next to a Chinese character, it is
 * the full-width form. */
static gunichar
widen_punctuation (gunichar c, gunichar before, gunichar after)
{
  if (c < 0x7F && strchr ("(),:;?!", (int) c) != NULL && (scan_symbol_is_wide (before) || scan_symbol_is_wide (after)))
    return c + 0xFEE0;
  return c;
}

/* The height of the taller of symbol @j's neighbours in its line, or 0. */
static float
neighbour_height (const GArray *symbols, guint j)
{
  float height = 0;

  if (j > 0 && !g_array_index (symbols, OcrSymbol, j).starts_line)
    height = g_array_index (symbols, OcrSymbol, j - 1).y2 - g_array_index (symbols, OcrSymbol, j - 1).y1;
  if (j + 1 < symbols->len && !g_array_index (symbols, OcrSymbol, j + 1).starts_line)
    height = MAX (height, g_array_index (symbols, OcrSymbol, j + 1).y2
                              - g_array_index (symbols, OcrSymbol, j + 1).y1);
  return height;
}

/* What the shapes of the glyphs say where OCR misreads them (glyph-shapes.h): footnote rings
 * (whose pieces OCR may read as two symbols, "G)") and em dashes. */
static void
read_shapes (GArray *symbols, const RectoImage *image, const RectoBox *area, double scale,
             OcrPool *pool, guint worker)
{
  for (guint j = 0; j < symbols->len; j++)
    {
      OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, j);
      float side = symbol->y2 - symbol->y1;
      RectoBox square = { symbol->x1, symbol->y1, symbol->x1 + side, symbol->y2 };
      g_autoptr (RectoImage) glyph = glyph_shape_crop (image, area, scale, &square);
      gunichar circled;
      if (glyph == NULL)
        continue;
      if (symbol->c == 0x4E00 /* 一 */ || symbol->c == '-' || symbol->c == 0x2014)
        {
          /* A bar's box is as thin as the bar: the cell around it is as tall as the bar is
           * long (its neighbours tell how long that may be). */
          float length = MIN (symbol->x2 - symbol->x1, neighbour_height (symbols, j));
          float middle = (symbol->y1 + symbol->y2) / 2;
          RectoBox cell = { symbol->x1, middle - length / 2, symbol->x1 + length, middle + length / 2 };
          g_autoptr (RectoImage) bar = length > 0 ? glyph_shape_crop (image, area, scale, &cell) : NULL;
          if (bar != NULL && glyph_shape_is_dash (bar))
            symbol->c = 0x2014;
          continue;
        }
      if (glyph_shape_open_ring (glyph)
          && (circled = glyph_shape_circled (ocr_pool_read_number (pool, worker, glyph))) != 0)
        {
          symbol->c = circled;
          symbol->x2 = square.x2;
          /* The ring's other pieces, read as symbols of their own. */
          while (j + 1 < symbols->len && !g_array_index (symbols, OcrSymbol, j + 1).starts_line
                 && g_array_index (symbols, OcrSymbol, j + 1).x1 < square.x2 - 0.1f * side)
            g_array_remove_index (symbols, j + 1);
        }
    }
}

/* Ends each Chinese character's box where the next one begins: the LSTM's right edges run
 * over the next glyphs or stop short, and either would make the next stage see spaces. */
static void
close_boxes (GArray *symbols)
{
  for (guint j = 0; j + 1 < symbols->len; j++)
    {
      OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, j);
      const OcrSymbol *next = &g_array_index (symbols, OcrSymbol, j + 1);
      if (!next->starts_line && scan_symbol_is_wide (symbol->c) && scan_symbol_is_wide (next->c) && next->x1 > symbol->x1)
        symbol->x2 = next->x1;
    }
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

/* Marks bold lines: their ink covers clearly more of their box than the page's typical line
 * does (OCR says nothing of weight; headings are set in bold). */
static void
find_bold_lines (GArray *symbols, const RectoImage *image, const RectoBox *area, double scale)
{
  g_autoptr (GArray) shares = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
  double typical;

  for (guint j = 0; j <= symbols->len; j++)
    if (j == symbols->len || g_array_index (symbols, OcrSymbol, j).starts_line)
      g_array_append_val (starts, j);
  for (guint l = 0; l + 1 < starts->len; l++)
    {
      guint from = g_array_index (starts, guint, l), to = g_array_index (starts, guint, l + 1);
      RectoBox box = { G_MAXFLOAT, G_MAXFLOAT, -G_MAXFLOAT, -G_MAXFLOAT };
      g_autoptr (RectoImage) line = NULL;
      double share = 0;
      for (guint j = from; j < to; j++)
        {
          const OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, j);
          box.x1 = MIN (box.x1, symbol->x1), box.y1 = MIN (box.y1, symbol->y1);
          box.x2 = MAX (box.x2, symbol->x2), box.y2 = MAX (box.y2, symbol->y2);
        }
      line = to > from ? glyph_shape_crop (image, area, scale, &box) : NULL;
      if (line != NULL)
        share = glyph_shape_ink_share (line);
      g_array_append_val (shares, share);
    }
  if (shares->len == 0)
    return;
  {
    g_autoptr (GArray) sorted = g_array_copy (shares);
    g_array_sort (sorted, compare_doubles);
    typical = g_array_index (sorted, double, sorted->len / 2);
  }
  for (guint l = 0; l + 1 < starts->len; l++)
    if (g_array_index (shares, double, l) >= BOLD_INK * typical)
      for (guint j = g_array_index (starts, guint, l); j < g_array_index (starts, guint, l + 1); j++)
        g_array_index (symbols, OcrSymbol, j).bold = TRUE;
}

#define PERCENT_ALPHABET "0123456789.%"

/* Whether @word is @run (the characters of a run of symbols) less one digit next to its per
 * cent sign: what Tesseract's Chinese model reads out of the sign's circles ("94.99%",
 * "94.9%0" for "94.9%"). */
static gboolean
less_a_digit_at_percent (const char *run, const char *word)
{
  gsize n = strlen (run);

  if (strlen (word) + 1 != n)
    return FALSE;
  for (gsize k = 0; k < n; k++)
    if (g_ascii_isdigit (run[k]) && ((k + 1 < n && run[k + 1] == '%') || (k > 0 && run[k - 1] == '%'))
        && strncmp (run, word, k) == 0 && strcmp (run + k + 1, word + k) == 0)
      return TRUE;
  return FALSE;
}

/* Reads a number with a per cent sign again, alone, with the Latin model (digits, point and
 * per cent sign only), and drops the digit the Chinese model read out of the sign's circles when
 * that is the only difference. (Taking the Latin reading whole does worse: its crop holds
 * pieces of the neighbouring ideographs, which it reads as more digits.) */
static void
reread_percentages (GArray *symbols, const RectoImage *image, const RectoBox *area,
                    double scale, OcrPool *pool, guint worker)
{
  for (guint j = 0; j < symbols->len; j++)
    {
      const OcrSymbol *first = &g_array_index (symbols, OcrSymbol, j);
      g_autoptr (GString) run = g_string_new (NULL);
      g_autoptr (RectoImage) image_of_run = NULL;
      g_autofree char *word = NULL;
      RectoBox box = { first->x1 - 0.5f, first->y1 - 1, first->x2, first->y2 + 1 };
      guint end = j;
      if (first->c >= 0x80 || strchr (PERCENT_ALPHABET, (int) first->c) == NULL || first->c == 0)
        continue;
      for (; end < symbols->len; end++)
        {
          const OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, end);
          if (symbol->c >= 0x80 || symbol->c == 0 || strchr (PERCENT_ALPHABET, (int) symbol->c) == NULL
              || (end > j && symbol->starts_line))
            break;
          g_string_append_c (run, (char) symbol->c);
          box.y1 = MIN (box.y1, symbol->y1 - 1), box.y2 = MAX (box.y2, symbol->y2 + 1);
          box.x2 = MAX (box.x2, symbol->x2);
        }
      if (strchr (run->str, '%') != NULL
          && (image_of_run = glyph_shape_crop (image, area, scale, &box)) != NULL
          && (word = ocr_pool_read_word (pool, worker, image_of_run, PERCENT_ALPHABET)) != NULL
          && less_a_digit_at_percent (run->str, word))
        for (guint k = 0; k < run->len; k++)
          if (k >= strlen (word) || run->str[k] != word[k])
            {
              g_array_remove_index (symbols, j + k);
              end--;
              break;
            }
      j = MAX (end, j + 1) - 1;
    }
}

void
scan_symbols_correct (GArray *symbols, const RectoImage *image, const RectoBox *area, double scale,
                      OcrPool *pool, guint worker)
{
  reread_percentages (symbols, image, area, scale, pool, worker);
  read_shapes (symbols, image, area, scale, pool, worker);
  for (guint j = 0; j < symbols->len; j++)
    {
      OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, j);
      gunichar before = j > 0 ? g_array_index (symbols, OcrSymbol, j - 1).c : 0;
      gunichar after = j + 1 < symbols->len ? g_array_index (symbols, OcrSymbol, j + 1).c : 0;
      symbol->c = widen_punctuation (symbol->c, before, after);
    }
  close_boxes (symbols);
  find_bold_lines (symbols, image, area, scale);
}
