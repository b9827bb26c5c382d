/* scan-symbols.c: see scan-symbols.h. */
#include "scan-symbols.h"
#include "bold-lines.h"
#include "glyph-shapes.h"
#include "number-lines.h"
#include "raised-marks.h"
#include "scanned-pages.h"
#include "line-ends.h"
#include "second-reading.h"
#include "stop-gaps.h"
#include "wide-latin.h"

#include <math.h>
#include <string.h>

/* Punctuation followed by this share of an em of room is full-width (widen_punctuation). */
#define FULL_WIDTH_ROOM 0.6

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

gboolean
scan_symbol_is_wide (gunichar c)
{
  return g_unichar_iswide (c) || g_unichar_iswide_cjk (c);
}

gboolean
scan_symbol_is_ideograph (gunichar c)
{
  return scan_symbol_is_wide (c) && g_unichar_type (c) == G_UNICODE_OTHER_LETTER;
}

gboolean
scan_symbol_is_latin_letter (gunichar c)
{
  return c < 0x80 && g_ascii_isalpha ((char) c);
}

gboolean
scan_symbol_is_digit (gunichar c)
{
  return c < 0x80 && g_ascii_isdigit ((char) c);
}

gboolean
scan_symbol_is_stop (gunichar c)
{
  return c != 0 && g_utf8_strchr ("，。、；：！？", -1, c) != NULL;
}

gboolean
scan_symbol_spaces_words (gunichar c)
{
  return !scan_symbol_is_wide (c) || g_unichar_get_script (c) == G_UNICODE_SCRIPT_HANGUL;
}

static gboolean
is_dash (gunichar c)
{
  return c == '-' || c == 0x2013 || c == 0x2014;
}

/* OCR reads Chinese text's full-width punctuation as ASCII. It is the full-width form next to
 * a Chinese character, or where it takes the room of one: the next symbol begins at least
 * @room after it ("图1：2023年", where an ASCII colon would take a third of an em). */
static gunichar
widen_punctuation (gunichar c, gunichar before, gunichar after, float advance, float room)
{
  if (c < 0x7F && strchr ("(),:;?!", (int) c) != NULL
      && (scan_symbol_is_wide (before) || scan_symbol_is_wide (after)
          || (room > 0 && advance >= room)))
    return c + 0xFEE0;
  return c;
}

/* Lengths, in ems of the line's type, between a hyphen's ink (about a quarter of an em) and an
 * en dash's (a half), and between an en dash's and an em dash's (a whole em). */
#define EN_DASH_LENGTH 0.42f
#define EM_DASH_LENGTH 0.8f
/* A bar thicker than this share of an em is not a dash (a misread box). */
#define DASH_THICKNESS 0.2f

/* The length of the dash @symbol's ink, in points, where its box is not the ink's (taller than
 * a bar of type @em): the lone bar (glyph_shape_lone_bar()) in its box, widened by
 * half an em either side, that crosses the box. The LSTM boxed the en dash of vol511-scanned's
 * "service area, 2020–21" in a 9-point caption 0.98 em wide and 6.7 points tall, another's
 * 0.4 em wide. 0 where there is none, or one that runs to the widened box's edge (a rule). */
static float
ink_length (const OcrSymbol *symbol, float em, const RectoImage *image, const RectoBox *area,
            double scale)
{
  RectoBox around = { symbol->x1 - em / 2, symbol->y1, symbol->x2 + em / 2, symbol->y2 };
  g_autoptr (RectoImage) glyph = glyph_shape_crop (image, area, scale, &around);
  double first = floor ((around.x1 - area->x1) * scale);
  guint from, to, left, right;

  if (glyph == NULL)
    return 0;
  from = (guint) MAX ((symbol->x1 - area->x1) * scale - first, 0);
  to = (guint) MAX ((symbol->x2 - area->x1) * scale - first, 0);
  if (!glyph_shape_lone_bar (glyph, from, to, (guint) (DASH_THICKNESS * em * scale), &left, &right)
      || left == 0 || right + 1 >= glyph->width)
    return 0;
  return (float) ((right - left + 1) / scale);
}

/* The Latin model reads most dashes as hyphens ("2020-21" for "2020–21"), the Chinese one some
 * en dashes as em dashes: a reader tells them by their length against the type. Only in a
 * line of Latin script, whose size comes from its
 * letters (scanned_line_size): in Chinese text a half-width hyphen's ink is as long as an en
 * dash's, and its dashes are full-width symbols of their own. Before the boxes are
 * straightened, while most are the ink's; of the others, the ink is measured in @image
 * (which shows @area at @scale pixels a point). */
static void
lengthen_dashes (GArray *symbols, guint from, guint to, const RectoImage *image,
                 const RectoBox *area, double scale)
{
  OcrSymbol *line = &g_array_index (symbols, OcrSymbol, from);
  float em;

  /* Dashes are wide in East Asian contexts only. */
  for (guint j = 0; j < to - from; j++)
    if (scan_symbol_is_wide (line[j].c) && !is_dash (line[j].c))
      return;
  em = scanned_line_size (line, to - from);
  for (guint j = 0; em > 0 && j < to - from; j++)
    {
      float length = line[j].x2 - line[j].x1;
      if (!is_dash (line[j].c))
        continue;
      if (line[j].y2 - line[j].y1 > DASH_THICKNESS * em
          && (length = ink_length (&line[j], em, image, area, scale)) == 0)
        continue;
      line[j].c = length >= EM_DASH_LENGTH * em   ? 0x2014
                  : length >= EN_DASH_LENGTH * em ? 0x2013
                                                  : '-';
    }
}

/* The height of the taller of symbol @j's neighbours in its line, or 0. */
static float
neighbour_height (const GArray *symbols, guint j)
{
  float height = 0;

  if (j > 0 && !g_array_index (symbols, OcrSymbol, j).starts_line)
    height =
        g_array_index (symbols, OcrSymbol, j - 1).y2 - g_array_index (symbols, OcrSymbol, j - 1).y1;
  if (j + 1 < symbols->len && !g_array_index (symbols, OcrSymbol, j + 1).starts_line)
    height = MAX (height, g_array_index (symbols, OcrSymbol, j + 1).y2
                              - g_array_index (symbols, OcrSymbol, j + 1).y1);
  return height;
}

static gboolean
is_chinese_context (gunichar c)
{
  return scan_symbol_is_wide (c) || c == '(' || c == ')';
}

/* A bar in a heading's numeral slot at least this share of its neighbours' height long is
 * the numeral 一, not a hyphen. */
#define NUMERAL_BAR 0.5f

/* The symbol after @j in its line, or 0. */
static gunichar
next_in_line (const GArray *symbols, guint j)
{
  return j + 1 < symbols->len && !g_array_index (symbols, OcrSymbol, j + 1).starts_line
             ? g_array_index (symbols, OcrSymbol, j + 1).c
             : 0;
}

/* Whether symbol @j stands where the numeral of a Chinese heading does, before its words:
 * alone between parentheses ("（一）以…"), first in its line before an enumeration comma
 * ("一、坚持…"), or after 十 in either ("（十一）"). A dash has no use there. */
static gboolean
in_numeral_slot (const GArray *symbols, guint j)
{
  const OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, j);
  gunichar before = j > 0 && !symbol->starts_line ? symbol[-1].c : 0;
  gunichar after = next_in_line (symbols, j);
  gboolean opened = before == 0xFF08 /* （ */ || before == '(' || before == 0x5341 /* 十 */;
  gboolean closed = after == 0xFF09 /* ） */ || after == ')';
  gboolean enumerated = after == 0x3001 /* 、 */ && (before == 0 || before == 0x5341);

  return ((opened && closed) || enumerated)
         && scan_symbol_is_ideograph (next_in_line (symbols, j + 1));
}

/* A footnote ring in a line of Latin script stands at least this many x-heights tall, as tall
 * as the capitals (1.35) or more: OCR's boxes of round lowercase letters, an x-height tall,
 * passed for rings, and vol511-scanned came out "alleviat①n", "re①mmended", "f①m". */
#define MIN_LATIN_RING 1.2
/* A full stop's cell, in ems: from this far before its ink, this wide. */
#define STOP_BEARING 0.05f
#define STOP_CELL 0.8f
/* In a line of Chinese a ring's ink is at least this share of the ideographs' em. Pieces of
 * characters that OCR boxed alone are smaller (诉求's 求 boxed 0.32 em tall, read ⑧), and so
 * is a full stop, itself a small ring (98.0%。 came out 98.0%⑦). The rings' ink measured 0.83
 * to 0.92 em in three scanned sample volumes. */
#define MIN_HAN_RING 0.5f
/* OCR boxes a ring it reads as a Chinese character whole, about as wide as tall (measured
 * 0.96 to 1.04); a character's box narrower than this share of its height is a character's. */
#define MIN_WIDE_RING_WIDTH 0.85f
/* A ring read as a Chinese character whose box reaches this share of its height past the ring's
 * square holds the character after the ring too (measured: 1.08 and 7.16 ems past it), where
 * the next symbol starts as far past the square (measured 1.12 and 1.21 ems; 0.37 where the
 * ring was boxed alone, wider than its ink, over the next character). */
#define MERGED_REST 0.5f

/* The median height and middle of the Chinese characters' boxes of symbols @from to @to
 * (0 without any). Dashes are wide only in Chinese text, and no taller than a stroke. */
static void
measure_line (const GArray *symbols, guint from, guint to, float *em, float *middle)
{
  g_autoptr (GArray) heights = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) middles = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint j = from; j < to; j++)
    {
      const OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, j);
      double height = symbol->y2 - symbol->y1, centre = (symbol->y1 + symbol->y2) / 2.0;
      if (scan_symbol_is_wide (symbol->c) && !is_dash (symbol->c))
        g_array_append_val (heights, height), g_array_append_val (middles, centre);
    }
  *em = (float) scan_symbols_median (heights);
  *middle = (float) scan_symbols_median (middles);
}

/* What each symbol's line says of the rings in it: its x-height where it is in Latin script,
 * else 0; the em of its Chinese characters, 0 without any. And the cell a full stop in it is
 * looked at in: the em of its Chinese characters, or the page's in a line without any (a
 * paragraph's last line, "5.1%。"), about the line's middle. */
typedef struct
{
  double x_height;
  float em;
  float cell_em, cell_middle;
} RingBounds;

/* The median middle of the boxes of symbols @from to @to. */
static float
line_middle (const GArray *symbols, guint from, guint to)
{
  g_autoptr (GArray) middles = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint j = from; j < to; j++)
    {
      const OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, j);
      double middle = (symbol->y1 + symbol->y2) / 2.0;
      g_array_append_val (middles, middle);
    }
  return (float) scan_symbols_median (middles);
}

static GArray *
line_ring_bounds (const GArray *symbols)
{
  GArray *bounds = g_array_sized_new (FALSE, TRUE, sizeof (RingBounds), symbols->len);
  g_autoptr (GArray) ems = g_array_new (FALSE, FALSE, sizeof (double));
  float page_em;

  for (guint from = 0, to; from < symbols->len; from = to)
    {
      RingBounds line = { 0, 0, 0, 0 };
      double baseline, em;
      to = ocr_symbols_line_end (symbols, from);
      if (!scan_symbols_latin_line (symbols, from, to, &line.x_height, &baseline))
        line.x_height = 0;
      measure_line (symbols, from, to, &line.em, &line.cell_middle);
      if ((em = line.em) > 0)
        g_array_append_val (ems, em);
      else
        line.cell_middle = line_middle (symbols, from, to);
      line.cell_em = line.em;
      for (guint j = from; j < to; j++)
        g_array_append_val (bounds, line);
    }
  page_em = (float) scan_symbols_median (ems);
  for (guint j = 0; j < bounds->len; j++)
    if (g_array_index (bounds, RingBounds, j).cell_em == 0)
      g_array_index (bounds, RingBounds, j).cell_em = page_em;
  return bounds;
}

/* The circled number @symbol is, 0 if it is none. @glyph is the square of its box's height
 * from its left edge (OCR may have read the ring's pieces as two symbols, "G)"), at @scale
 * pixels a point; @line bounds the ring's size. */
static gunichar
read_ring (const OcrSymbol *symbol, RectoImage *glyph, const RingBounds *line, double scale,
           OcrPool *pool, guint worker)
{
  float side = symbol->y2 - symbol->y1;
  guint top, bottom;

  /* A letter O, which OCR reads as O or 0, has a ring's shape ("O2O" came out ⑦2⑦). */
  if (symbol->c == 'O' || symbol->c == 'o' || symbol->c == '0')
    return 0;
  if (side < MIN_LATIN_RING * line->x_height)
    return 0;
  /* Past a narrow character's box the square reaches into the next glyph, which may be the
   * ring: "25万次①" was read "次四", and 次 became ① beside the 四. */
  if (scan_symbol_is_wide (symbol->c) && symbol->x2 - symbol->x1 < MIN_WIDE_RING_WIDTH * side)
    return 0;
  if (line->em > 0
      && (!glyph_shape_ink_rows (glyph, &top, &bottom)
          || (bottom - top + 1) / scale < MIN_HAN_RING * line->em))
    return 0;
  if (!glyph_shape_open_ring (glyph))
    return 0;
  return glyph_shape_circled (ocr_pool_read_number (pool, worker, glyph));
}

/* Makes symbol @j of @symbols the ring @circled, whose square is @square; @bounds keeps one
 * entry a symbol. */
static void
take_ring (GArray *symbols, GArray *bounds, guint j, gunichar circled, const RectoBox *square)
{
  OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, j);
  float side = square->y2 - square->y1;
  OcrSymbol rest = *symbol;
  RingBounds line = g_array_index (bounds, RingBounds, j);
  const OcrSymbol *next;

  symbol->c = circled;
  symbol->x2 = square->x2;
  /* The ring's other pieces, read as symbols of their own. */
  while (j + 1 < symbols->len && !g_array_index (symbols, OcrSymbol, j + 1).starts_line
         && g_array_index (symbols, OcrSymbol, j + 1).x1 < square->x2 - 0.1f * side)
    {
      g_array_remove_index (symbols, j + 1);
      g_array_remove_index (bounds, j + 1);
    }
  next = j + 1 < symbols->len && !g_array_index (symbols, OcrSymbol, j + 1).starts_line
             ? &g_array_index (symbols, OcrSymbol, j + 1)
             : NULL;
  /* OCR may box a ring and the Chinese character after it as one symbol, read as that
   * character: "①满意率" came out "①意率" when the ring took the symbol's place. The
   * character keeps the rest of the box, an em of it at most, where the next symbol leaves
   * room for it (a ring OCR boxed wide and read as "鲜", over the 本 it read beside it in
   * "③本文", is the ring alone). */
  if (scan_symbol_is_wide (rest.c) && rest.x2 - square->x2 >= MERGED_REST * side
      && (next == NULL || next->x1 - square->x2 >= MERGED_REST * side))
    {
      rest.x1 = square->x2;
      rest.x2 = MIN (rest.x2, square->x2 + side);
      rest.starts_line = rest.starts_word = FALSE;
      g_array_insert_val (symbols, j + 1, rest);
      g_array_insert_val (bounds, j + 1, line);
    }
}

/* Whether @symbol, a comma or a point (before a Chinese character or at the end of its line),
 * is a small ring low on the left of its cell (@line's): a full stop, which the Chinese model
 * reads as a comma or a point after a narrow sign (paragraphs of vol111-scanned ending
 * "5.1%," and "99.7%." for "…%。"). The cell starts STOP_BEARING ems before the symbol's box
 * and is STOP_CELL ems wide: short of the next character's ink. */
static gboolean
is_full_stop (const OcrSymbol *symbol, const RingBounds *line, const RectoImage *image,
              const RectoBox *area, double scale)
{
  float em = line->cell_em, middle = line->cell_middle;
  RectoBox cell = { symbol->x1 - STOP_BEARING * em, middle - em / 2,
                    symbol->x1 + (STOP_CELL - STOP_BEARING) * em, middle + em / 2 };
  g_autoptr (RectoImage) glyph = NULL;

  if (em <= 0
      || (symbol->c != ',' && symbol->c != '.' && symbol->c != 0xFF0C && symbol->c != 0xFF0E))
    return FALSE;
  glyph = glyph_shape_crop (image, area, scale, &cell);
  return glyph != NULL && glyph_shape_is_full_stop (glyph);
}

/* What the shapes of the glyphs say where OCR misreads them (glyph-shapes.h): footnote rings
 * (whose pieces OCR may read as two symbols, "G)"), em dashes, and 二 and 三 read as "=". */
static void
read_shapes (GArray *symbols, const RectoImage *image, const RectoBox *area, double scale,
             OcrPool *pool, guint worker)
{
  g_autoptr (GArray) bounds = line_ring_bounds (symbols);

  for (guint j = 0; j < symbols->len; j++)
    {
      OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, j);
      float side = symbol->y2 - symbol->y1;
      RectoBox square = { symbol->x1, symbol->y1, symbol->x1 + side, symbol->y2 };
      g_autoptr (RectoImage) glyph = glyph_shape_crop (image, area, scale, &square);
      gunichar circled;
      if ((j + 1 == symbols->len || symbol[1].starts_line || scan_symbol_is_ideograph (symbol[1].c))
          && is_full_stop (symbol, &g_array_index (bounds, RingBounds, j), image, area, scale))
        {
          symbol->c = 0x3002;
          continue;
        }
      if (glyph == NULL)
        continue;
      if (symbol->c == '='
          && (is_chinese_context (j > 0 ? g_array_index (symbols, OcrSymbol, j - 1).c : 0)
              || is_chinese_context (
                  j + 1 < symbols->len ? g_array_index (symbols, OcrSymbol, j + 1).c : 0)))
        {
          /* "（=）": an equals sign next to a Chinese character or a parenthesis (not yet
           * widened here) is the numeral 二 or 三. */
          RectoBox box = { symbol->x1, symbol->y1, symbol->x2, symbol->y2 };
          g_autoptr (RectoImage) numeral = glyph_shape_crop (image, area, scale, &box);
          guint bars = numeral != NULL ? glyph_shape_count_bars (numeral) : 0;
          if (bars == 2 || bars == 3)
            symbol->c = bars == 2 ? 0x4E8C /* 二 */ : 0x4E09 /* 三 */;
          continue;
        }
      if (symbol->c == 0x4E00 /* 一 */ || symbol->c == '-' || symbol->c == 0x2014)
        {
          if (in_numeral_slot (symbols, j)
              && symbol->x2 - symbol->x1 >= NUMERAL_BAR * neighbour_height (symbols, j))
            {
              symbol->c = 0x4E00; /* OCR reads a heading's 一 in a bold face as "—" */
              continue;
            }
          /* A bar's box is as thin as the bar: the cell around it is as tall as the bar is
           * long (its neighbours tell how long that may be). */
          float length = MIN (symbol->x2 - symbol->x1, neighbour_height (symbols, j));
          float middle = (symbol->y1 + symbol->y2) / 2;
          RectoBox cell = { symbol->x1, middle - length / 2, symbol->x1 + length,
                            middle + length / 2 };
          g_autoptr (RectoImage) bar =
              length > 0 ? glyph_shape_crop (image, area, scale, &cell) : NULL;
          if (bar != NULL && glyph_shape_is_dash (bar))
            symbol->c = 0x2014;
          continue;
        }
      circled =
          read_ring (symbol, glyph, &g_array_index (bounds, RingBounds, j), scale, pool, worker);
      if (circled != 0)
        take_ring (symbols, bounds, j, circled, &square);
    }
}

/* See scan-symbols.h. */
double
scan_symbols_median (GArray *values)
{
  if (values->len == 0)
    return 0;
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

float
scan_symbols_ideograph_em (const GArray *symbols, guint from, guint to)
{
  g_autoptr (GArray) heights = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint j = from; j < to; j++)
    {
      const OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, j);
      double height = symbol->y2 - symbol->y1;
      if (scan_symbol_is_ideograph (symbol->c))
        g_array_append_val (heights, height);
    }
  return (float) scan_symbols_median (heights);
}

/* Fewest short letters that tell a line's x-height and baseline. */
#define MIN_SHORT_LETTERS 3

static gboolean
is_short_letter (gunichar c)
{
  return c < 0x80 && c != 0 && strchr ("acemnorsuvwxz", (int) c) != NULL;
}

/* See scan-symbols.h. */
gboolean
scan_symbols_latin_line (const GArray *symbols, guint from, guint to, double *x_height,
                         double *baseline)
{
  g_autoptr (GArray) heights = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) feet = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint j = from; j < to; j++)
    {
      const OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, j);
      double height = symbol->y2 - symbol->y1, foot = symbol->y2;
      if (is_short_letter (symbol->c) && symbol->confidence > 0)
        g_array_append_val (heights, height), g_array_append_val (feet, foot);
    }
  if (heights->len < MIN_SHORT_LETTERS)
    return FALSE;
  *x_height = scan_symbols_median (heights);
  *baseline = scan_symbols_median (feet);
  return *x_height > 0;
}

/* Fits the box of each Chinese character of symbols @from to @to to the rows of its ink in
 * @image (which shows @area at @scale pixels a point). The LSTM boxes some characters as tall
 * as the band it found the line in, and more: "监督" of vol111-scanned's "踪监督。", 20 points
 * tall in a line of 14-point type, gave the line a type size of 19.5 points, and the paragraph
 * ended before it. A box is only shrunk, never grown (straighten_line() gives a character
 * whose box is one stroke, 一, its em back). */
static void
fit_to_ink (GArray *symbols, guint from, guint to, const RectoImage *image, const RectoBox *area,
            double scale)
{
  for (guint j = from; j < to; j++)
    {
      OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, j);
      RectoBox box = { symbol->x1, symbol->y1, symbol->x2, symbol->y2 };
      g_autoptr (RectoImage) glyph = NULL;
      guint top, bottom;
      double first_row;
      if (!scan_symbol_is_ideograph (symbol->c))
        continue;
      glyph = glyph_shape_crop (image, area, scale, &box);
      if (glyph == NULL || !glyph_shape_ink_rows (glyph, &top, &bottom))
        continue;
      first_row = floor ((symbol->y1 - area->y1) * scale);
      symbol->y1 = MAX (symbol->y1, (float) (area->y1 + (first_row + top) / scale));
      symbol->y2 = MIN (symbol->y2, (float) (area->y1 + (first_row + bottom + 1) / scale));
    }
}

/* Gives one line's boxes OCR's reading order: each box begins after the one before and ends
 * where the next begins (the LSTM's boxes overlap and swallow their neighbours: a "9" forty
 * points wide; the later stages order glyphs by their boxes). A Chinese character whose box
 * shrank to one stroke ("次" four points high at the foot of the line) gets an em of the line
 * back, so that it is not taken for a mark of its own. */
static void
straighten_line (GArray *symbols, guint from, guint to)
{
  const float step = 0.01f;
  float em, middle;

  measure_line (symbols, from, to, &em, &middle);
  for (guint j = from; j < to; j++)
    {
      OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, j);
      const OcrSymbol *before = j > from ? &g_array_index (symbols, OcrSymbol, j - 1) : NULL;
      if (em > 0 && scan_symbol_is_wide (symbol->c) && symbol->y2 - symbol->y1 < em / 2)
        {
          symbol->y1 = MIN (symbol->y1, middle - em / 2),
          symbol->y2 = MAX (symbol->y2, middle + em / 2);
          symbol->x1 = MIN (symbol->x1, MAX (symbol->x2 - em, before != NULL ? before->x2 : 0));
        }
      if (before != NULL && symbol->x1 < before->x1 + step)
        symbol->x1 = before->x1 + step;
      symbol->x2 = MAX (symbol->x2, symbol->x1 + step);
    }
  for (guint j = from; j + 1 < to; j++)
    {
      OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, j);
      symbol->x2 = MIN (symbol->x2, g_array_index (symbols, OcrSymbol, j + 1).x1);
    }
}

/* Ends each Chinese character's box, and each letter's inside a word, where the next one
 * begins: the LSTM's right edges run over the next glyphs or stop short, and either would make
 * the next stage see spaces (a letter's box is as tight as its ink: "Annu a l" at a glyph
 * height's fifth of room). The spaces between words are the reader's own (scanned-pages.c). */
static void
close_boxes (GArray *symbols)
{
  for (guint j = 0; j + 1 < symbols->len; j++)
    {
      OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, j);
      const OcrSymbol *next = &g_array_index (symbols, OcrSymbol, j + 1);
      gboolean same_word =
          !next->starts_word
          || (!scan_symbol_spaces_words (symbol->c) && !scan_symbol_spaces_words (next->c));
      if (!next->starts_line && same_word && next->x1 > symbol->x1)
        symbol->x2 = next->x1;
    }
}

/* The vertical extent of symbols @from to @to. */
static void
line_band (const GArray *symbols, guint from, guint to, float *top, float *bottom)
{
  *top = G_MAXFLOAT, *bottom = -G_MAXFLOAT;
  for (guint j = from; j < to; j++)
    {
      *top = MIN (*top, g_array_index (symbols, OcrSymbol, j).y1);
      *bottom = MAX (*bottom, g_array_index (symbols, OcrSymbol, j).y2);
    }
}

#define PERCENT_ALPHABET "0123456789.%"

/* See scan-symbols.h. */
guint32
scan_percent_sign_debris (const char *run, const char *word)
{
  const char *sign = strchr (run, '%');
  g_autofree char *tail = NULL;
  gsize n = strlen (run), k = sign != NULL ? (gsize) (sign - run) : 0, after = k + 1;
  guint32 before_mask = 0, after_mask = 0;
  const guint32 masks[3][2] = { { 1, 0 }, { 0, 1 }, { 1, 1 } };

  if (sign == NULL || n > 31 || strlen (word) < 4)
    return 0;
  tail = g_strdup (word + 1);
  if (g_str_has_suffix (tail, "."))
    tail[strlen (tail) - 1] = '\0';
  if (strlen (tail) < 3 || g_str_has_suffix (run, tail))
    return 0;
  if (k > 0 && g_ascii_isdigit (run[k - 1]))
    before_mask = 1u << (k - 1);
  for (; after < n && g_ascii_isdigit (run[after]); after++)
    after_mask |= 1u << after;
  for (guint m = 0; m < G_N_ELEMENTS (masks); m++)
    {
      guint32 drop = (masks[m][0] ? before_mask : 0) | (masks[m][1] ? after_mask : 0);
      g_autoptr (GString) kept = g_string_new (NULL);
      if ((masks[m][0] && before_mask == 0) || (masks[m][1] && after_mask == 0))
        continue;
      for (gsize i = 0; i < n; i++)
        if (!(drop & (1u << i)))
          g_string_append_c (kept, run[i]);
      if (g_str_has_suffix (kept->str, tail))
        return drop;
    }
  return 0;
}

/* Reads a number with a per cent sign again, alone, with the Latin model (digits, point and
 * per cent sign only), and drops the digits the Chinese model read out of the sign's circles
 * where the Latin model confirms it (scan_percent_sign_debris). (Taking the Latin reading whole
 * does worse: its crop holds pieces of the neighbouring ideographs, which it reads as more digits.)
 */
static void
reread_percentages (GArray *symbols, const RectoImage *image, const RectoBox *area, double scale,
                    OcrPool *pool, guint worker)
{
  for (guint j = 0; j < symbols->len; j++)
    {
      const OcrSymbol *first = &g_array_index (symbols, OcrSymbol, j);
      g_autoptr (GString) run = g_string_new (NULL);
      g_autoptr (RectoImage) image_of_run = NULL;
      g_autofree char *word = NULL;
      guint32 debris = 0;
      RectoBox box = { first->x1 - 0.5f, first->y1 - 1, first->x2, first->y2 + 1 };
      guint end = j;
      if (first->c >= 0x80 || strchr (PERCENT_ALPHABET, (int) first->c) == NULL || first->c == 0)
        continue;
      for (; end < symbols->len; end++)
        {
          const OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, end);
          if (symbol->c >= 0x80 || symbol->c == 0
              || strchr (PERCENT_ALPHABET, (int) symbol->c) == NULL
              || (end > j && symbol->starts_line))
            break;
          g_string_append_c (run, (char) symbol->c);
          box.y1 = MIN (box.y1, symbol->y1 - 1), box.y2 = MAX (box.y2, symbol->y2 + 1);
          box.x2 = MAX (box.x2, symbol->x2);
        }
      /* The crop reaches back to the symbol before, half the run's height at most: the box of
       * a run's first digit may start inside its ink ("6.49%" read "4%" from its boxes). */
      if (j > 0 && !first->starts_line)
        box.x1 = MIN (box.x1, MAX (first[-1].x2, first->x1 - (box.y2 - box.y1) / 2));
      if (strchr (run->str, '%') != NULL
          && (image_of_run = glyph_shape_crop (image, area, scale, &box)) != NULL
          && (word = ocr_pool_read_word (pool, worker, image_of_run, PERCENT_ALPHABET)) != NULL
          && (debris = scan_percent_sign_debris (run->str, word)) != 0)
        {
          /* The sign's glyph spans the boxes of its debris. */
          OcrSymbol *sign =
              &g_array_index (symbols, OcrSymbol, j + (strchr (run->str, '%') - run->str));
          for (guint k = 0; k < run->len; k++)
            if (debris & (1u << k))
              {
                const OcrSymbol *piece = &g_array_index (symbols, OcrSymbol, j + k);
                sign->x1 = MIN (sign->x1, piece->x1), sign->x2 = MAX (sign->x2, piece->x2);
              }
          for (guint k = run->len; k-- > 0;)
            if (debris & (1u << k))
              {
                g_array_remove_index (symbols, j + k);
                end--;
              }
        }
      j = MAX (end, j + 1) - 1;
    }
}

/* Joins lines that OCR cut out of one printed line: the next line goes on at the same height,
 * less than an em of it to the right of the line's end ("（3）" and "完善意见…", which then
 * tell the parenthesis it is full-width). */
static void
join_split_lines (GArray *symbols)
{
  for (guint from = 0, to; from < symbols->len;)
    {
      float top, bottom, next_top, next_bottom, overlap;
      OcrSymbol *next;
      to = ocr_symbols_line_end (symbols, from);
      if (to >= symbols->len)
        break;
      next = &g_array_index (symbols, OcrSymbol, to);
      line_band (symbols, from, to, &top, &bottom);
      line_band (symbols, to, ocr_symbols_line_end (symbols, to), &next_top, &next_bottom);
      overlap = MIN (bottom, next_bottom) - MAX (top, next_top);
      if (overlap >= 0.5f * MIN (bottom - top, next_bottom - next_top)
          && next->x1 >= g_array_index (symbols, OcrSymbol, to - 1).x2 - 1
          && next->x1 - g_array_index (symbols, OcrSymbol, to - 1).x2 < bottom - top)
        next->starts_line = FALSE; /* and look at the longer line again */
      else
        from = to;
    }
}

/* Makes the two halves of each pair of parentheses in symbols @from to @to agree: OCR reads a
 * full-width one as ASCII or as an angle bracket ("《5）", "（2)"). An opening 〈 or 《 closed
 * by a parenthesis is a parenthesis; one full-width half makes the other full-width. */
static void
pair_parentheses (GArray *symbols, guint from, guint to)
{
  for (guint j = from; j < to; j++)
    {
      OcrSymbol *open = &g_array_index (symbols, OcrSymbol, j);
      OcrSymbol *close = NULL;
      if (open->c != '(' && open->c != 0xFF08 && open->c != 0x3008 && open->c != 0x300A)
        continue;
      for (guint k = j + 1; k < to && close == NULL; k++)
        {
          gunichar c = g_array_index (symbols, OcrSymbol, k).c;
          if (c == ')' || c == 0xFF09 || c == 0x3009 || c == 0x300B)
            close = &g_array_index (symbols, OcrSymbol, k);
        }
      if (close == NULL || (close->c != ')' && close->c != 0xFF09))
        continue;
      if (open->c == 0x3008 || open->c == 0x300A || open->c == 0xFF08 || close->c == 0xFF09)
        open->c = 0xFF08, close->c = 0xFF09;
    }
}

/* The number of runs of inked columns in @box of the page (@image shows @area at @scale);
 * where @inner, of those that touch neither of its sides (the glyphs wholly in it). */
static guint
count_ink_runs (const RectoImage *image, const RectoBox *area, double scale, const RectoBox *box,
                gboolean inner)
{
  g_autoptr (RectoImage) crop = glyph_shape_crop (image, area, scale, box);
  g_autofree gboolean *inked = NULL;
  guint runs = 0;

  if (crop == NULL)
    return 0;
  inked = g_new (gboolean, crop->width);
  glyph_shape_inked_columns (crop, inked);
  for (guint x = 0, end; x < crop->width; x = end)
    {
      for (end = x; end < crop->width && inked[end] == inked[x];)
        end++;
      runs += inked[x] && (!inner || (x > 0 && end < crop->width));
    }
  return runs;
}

/* Whether symbol @j of @symbols is an echo: it repeats the one before or after it in its line,
 * narrower, and its box starts where that one's does (within a pixel), and the ink of the run
 * of narrow symbols (figures, letters) they stand in holds fewer glyphs, apart, than the run
 * has symbols. The LSTM gave one stretch of ink two readings: "S5566" for "S566" on a scan of
 * vol212, the first "5" boxed 155.7 to 158.9 points, the second 155.7 to 162.0. Its boxes of
 * figures printed twice nest too, but start apart ("2236": 243.0 and 243.9; its "22" touch,
 * three glyphs of ink apart), and the ink of most counts them all ("111"). */
static gboolean
is_echo (const GArray *symbols, guint j, const RectoImage *image, const RectoBox *area,
         double scale)
{
  const OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, j), *twin = NULL;
  guint from = j, to = j + 1;
  RectoBox run;

  for (int side = -1; side <= 1 && twin == NULL; side += 2)
    {
      const OcrSymbol *other = symbol + side;
      if ((side < 0 && (j == 0 || symbol->starts_line))
          || (side > 0 && (j + 1 == symbols->len || symbol[1].starts_line)))
        continue;
      if (other->c == symbol->c && !scan_symbol_is_wide (symbol->c)
          && !g_unichar_isspace (symbol->c) && fabsf (symbol->x1 - other->x1) * scale <= 1
          && symbol->x2 - symbol->x1 < other->x2 - other->x1)
        twin = other;
    }
  if (twin == NULL)
    return FALSE;
  while (from > 0 && !g_array_index (symbols, OcrSymbol, from).starts_line
         && g_unichar_isalnum (g_array_index (symbols, OcrSymbol, from - 1).c)
         && !scan_symbol_is_wide (g_array_index (symbols, OcrSymbol, from - 1).c))
    from--;
  while (to < symbols->len && !g_array_index (symbols, OcrSymbol, to).starts_line
         && g_unichar_isalnum (g_array_index (symbols, OcrSymbol, to).c)
         && !scan_symbol_is_wide (g_array_index (symbols, OcrSymbol, to).c))
    to++;
  run = ocr_symbols_box (symbols, from, to);
  return count_ink_runs (image, area, scale, &run, FALSE) < to - from;
}

/* Drops the echoes among @symbols (is_echo()). */
static void
drop_echoes (GArray *symbols, const RectoImage *image, const RectoBox *area, double scale)
{
  for (guint j = 0; j < symbols->len;)
    {
      OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, j);
      if (!is_echo (symbols, j, image, area, scale))
        {
          j++;
          continue;
        }
      if (j + 1 < symbols->len && !symbol[1].starts_line)
        symbol[1].starts_line |= symbol->starts_line, symbol[1].starts_word |= symbol->starts_word;
      g_array_remove_index (symbols, j);
    }
}

/* Whether @c opens a bracket. */
static gboolean
is_opening_bracket (gunichar c)
{
  return c != 0 && g_utf8_strchr ("（(〈《「『【〔[", -1, c) != NULL;
}

/* Whether symbols @j and @j + 1 of @symbols are two opening brackets in a line, between two
 * other symbols of it, and the ink between those two (the ink touching their boxes is theirs)
 * holds one glyph. */
static gboolean
is_doubled_bracket (const GArray *symbols, guint j, const RectoImage *image,
                    const RectoBox *area, double scale)
{
  const OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, j);
  RectoBox between;

  if (j == 0 || j + 2 >= symbols->len || symbol[0].starts_line || symbol[1].starts_line
      || symbol[2].starts_line || !is_opening_bracket (symbol[0].c)
      || !is_opening_bracket (symbol[1].c))
    return FALSE;
  between = ocr_symbols_box (symbols, j, j + 2);
  between.x1 = symbol[-1].x2, between.x2 = symbol[2].x1;
  return between.x2 > between.x1 && count_ink_runs (image, area, scale, &between, TRUE) == 1;
}

/* Drops the first of two opening brackets in a row where the ink between the symbols either
 * side of them holds one glyph: the line read alone gave one bracket's ink two readings
 * ("政村《〈社区)" for "政村（社区）" on a scan of vol313, which came out "（（社区）"). Two
 * brackets printed in a row are two arcs of ink apart. */
static void
drop_doubled_brackets (GArray *symbols, const RectoImage *image, const RectoBox *area,
                       double scale)
{
  for (guint j = 0; j + 1 < symbols->len;)
    {
      OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, j);
      if (!is_doubled_bracket (symbols, j, image, area, scale))
        {
          j++;
          continue;
        }
      symbol[1].starts_word |= symbol->starts_word;
      g_array_remove_index (symbols, j);
    }
}

static gboolean
has_wide (const GArray *symbols)
{
  for (guint j = 0; j < symbols->len; j++)
    if (scan_symbol_is_wide (g_array_index (symbols, OcrSymbol, j).c))
      return TRUE;
  return FALSE;
}

void
scan_symbols_correct (GArray *symbols, const RectoImage *image, const RectoBox *area, double scale,
                      OcrPool *pool, guint worker)
{
  /* A page in Latin script, which the Latin model read (scanned-pages.c), has no Chinese to
   * read again, nor full-width punctuation: its curly quotes and en dashes are wide only in
   * Chinese type, and the room after a comma is a word space. Read again with the Chinese
   * model, its lines came back "Was", "了y" and "，" for "was", "by" and ",". */
  gboolean latin = scanned_page_is_latin (symbols);

  drop_echoes (symbols, image, area, scale);
  if (!latin && has_wide (symbols))
    {
      second_reading_correct (symbols, image, area, scale, pool, worker);
      line_ends_read (symbols, image, area, scale, pool, worker);
      stop_gaps_correct (symbols, image, area, scale, pool, worker);
      drop_doubled_brackets (symbols, image, area, scale);
    }
  reread_percentages (symbols, image, area, scale, pool, worker);
  number_lines_reread (symbols, image, area, scale, pool, worker);
  read_shapes (symbols, image, area, scale, pool, worker);
  raised_marks_read (symbols, image, area, scale, pool, worker);
  join_split_lines (symbols);
  for (guint from = 0; from < symbols->len; from = ocr_symbols_line_end (symbols, from))
    {
      guint to = ocr_symbols_line_end (symbols, from);
      float em, middle;
      lengthen_dashes (symbols, from, to, image, area, scale);
      fit_to_ink (symbols, from, to, image, area, scale);
      straighten_line (symbols, from, to);
      measure_line (symbols, from, to, &em, &middle);
      wide_latin_doubt (symbols, from, to, image, area, scale, pool, worker);
      for (guint j = from; !latin && j < to; j++)
        {
          OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, j);
          gunichar before = j > 0 ? g_array_index (symbols, OcrSymbol, j - 1).c : 0;
          const OcrSymbol *next = j + 1 < to ? &g_array_index (symbols, OcrSymbol, j + 1) : NULL;
          symbol->c =
              widen_punctuation (symbol->c, before, next != NULL ? next->c : 0,
                                 next != NULL ? next->x1 - symbol->x1 : 0, FULL_WIDTH_ROOM * em);
        }
      pair_parentheses (symbols, from, to);
    }
  close_boxes (symbols);
  bold_lines_find (symbols, image, area, scale);
}
