/* rule-symbols.c: see rule-symbols.h. */
#include "rule-symbols.h"
#include "glyph-shapes.h"
#include "image-line-ink.h"
#include "scanned-pages.h"

#include <math.h>
#include <stdlib.h>

/* A straight run of ink this many ems of the type long is a rule: no glyph's stroke but a
 * dash's is so long (a Chinese character's level stroke spans at most its em). */
#define RULE_EMS 1.5
/* A symbol this much of whose ink is a drawing's was read from the drawing. */
#define MIN_DRAWN_SHARE 0.75
/* No glyph's box is this many ems wide (a dash's, kept, may be two). */
#define MAX_GLYPH_EMS 3
/* A line of this many symbols at most is judged by its ground: a picture's letters are few. */
#define MAX_PICTURE_SYMBOLS 3
/* A ground this many grey levels from the page's paper is not paper. */
#define MIN_GROUND_CONTRAST 40
/* A stroke ends on a rule where one of its last pixels this many lies on one: a thin rule is
 * drawn a pixel or two thick, its edge pixels grey. */
#define END_PIXELS 3

static gboolean
is_ink (const RectoImage *image, int x, int y)
{
  return x >= 0 && y >= 0 && x < (int) image->width && y < (int) image->height
         && image->pixels[(gsize) y * image->stride + x] < GLYPH_SHAPE_INK;
}

/* The ends of the run of ink through (@x, @y) along its row if @level, else its column: the
 * first and last pixel's column (row) in @first and @last; followed no further than @rule
 * pixels each way (a run that long is a rule whatever its ends), which bounds the cost of a
 * photograph's dark fill. */
static void
run_ends (const RectoImage *image, int x, int y, gboolean level, int rule, int *first, int *last)
{
  int dx = level ? 1 : 0, dy = level ? 0 : 1, k;

  for (k = 1; k <= rule && is_ink (image, x - k * dx, y - k * dy); k++)
    ;
  *first = (level ? x : y) - k + 1;
  for (k = 1; k <= rule && is_ink (image, x + k * dx, y + k * dy); k++)
    ;
  *last = (level ? x : y) + k - 1;
}

static gboolean
on_rule (const RectoImage *image, int x, int y, gboolean level, int rule)
{
  int first, last;

  if (!is_ink (image, x, y))
    return FALSE;
  run_ends (image, x, y, level, rule, &first, &last);
  return last - first + 1 >= rule;
}

/* Whether the last pixels at one end of an upright stroke (@level FALSE: its column @x, from
 * row @end towards @step) or of a level one lie on a rule across it. */
static gboolean
ends_on_rule (const RectoImage *image, int x, int y, gboolean level, int end, int step, int rule)
{
  for (int k = 0; k < END_PIXELS; k++)
    if (level ? on_rule (image, end + k * step, y, FALSE, rule)
              : on_rule (image, x, end + k * step, TRUE, rule))
      return TRUE;
  return FALSE;
}

/* Whether the ink at (@x, @y) is a drawing's: on a rule at least @rule pixels long, or on a
 * stroke both of whose ends lie on rules across it (a connector between a chart's boxes, the
 * short side of a box). */
static gboolean
is_drawn (const RectoImage *image, int x, int y, int rule)
{
  for (int level = 0; level <= 1; level++)
    {
      int first, last;
      run_ends (image, x, y, level, rule, &first, &last);
      if (last - first + 1 >= rule
          || (ends_on_rule (image, x, y, level, first, 1, rule)
              && ends_on_rule (image, x, y, level, last, -1, rule)))
        return TRUE;
    }
  return FALSE;
}

/* The share of the ink in @symbol's box that is a drawing's; -1 without ink. */
static double
drawn_share (const OcrSymbol *symbol, const RectoImage *image, const RectoBox *area, double scale,
             int rule)
{
  int x1 = (int) floor ((symbol->x1 - area->x1) * scale),
      y1 = (int) floor ((symbol->y1 - area->y1) * scale),
      x2 = (int) ceil ((symbol->x2 - area->x1) * scale),
      y2 = (int) ceil ((symbol->y2 - area->y1) * scale);
  guint64 ink = 0, drawn = 0;

  for (int y = MAX (y1, 0); y < MIN (y2, (int) image->height); y++)
    for (int x = MAX (x1, 0); x < MIN (x2, (int) image->width); x++)
      if (is_ink (image, x, y))
        {
          ink++;
          drawn += is_drawn (image, x, y, rule);
        }
  return ink > 0 ? (double) drawn / (double) ink : -1;
}

/* Whether @c is a dash or a rule of type, whose ink is a level stroke: "——", a Chinese dash
 * two ems long, OCR may read as "一一". */
static gboolean
is_level_stroke (gunichar c)
{
  return c == '-' || c == '_' || c == '~' || c == 0x4E00 /* 一 */ || c == 0x30FC /* ー */
         || (c >= 0x2010 && c <= 0x2015) || c == 0xFF3F /* ＿ */ || c == 0xFF5E /* ～ */;
}

/* Removes symbol @j of @symbols, handing on the start of its line and word. */
static void
remove_symbol (GArray *symbols, guint j)
{
  OcrSymbol gone = g_array_index (symbols, OcrSymbol, j);

  g_array_remove_index (symbols, j);
  if (j < symbols->len)
    {
      OcrSymbol *next = &g_array_index (symbols, OcrSymbol, j);
      next->starts_line |= gone.starts_line;
      next->starts_word |= gone.starts_word;
    }
}

/* Drops symbols @from to @to, a line; returns how many were not spaces. */
static guint
drop_line (GArray *symbols, guint from, guint to)
{
  guint dropped = 0;

  for (guint j = to; j-- > from;)
    {
      dropped += !g_unichar_isspace (g_array_index (symbols, OcrSymbol, j).c);
      remove_symbol (symbols, j);
    }
  return dropped;
}

/* Whether @symbol, in a line set in @em pixels (an em of its type), was read from a drawing:
 * most of its ink is a drawing's, or it has no ink and its box is wider than a glyph's (a
 * photograph's fill, paler than ink). Its share of such ink in @share (-1 without ink). The
 * LSTM may box a symbol that has ink over several of its neighbours. */
static gboolean
is_drawn_symbol (const OcrSymbol *symbol, const RectoImage *image, const RectoBox *area,
                 double scale, double em, double *share)
{
  *share = drawn_share (symbol, image, area, scale, (int) ceil (RULE_EMS * em));
  return *share >= MIN_DRAWN_SHARE
         || (*share < 0 && (symbol->x2 - symbol->x1) * scale > MAX_GLYPH_EMS * em);
}

/* Drops from symbols @from to @to, one line, those read from a drawing, and then those with
 * no ink of their own (OCR's box set inside a chart's box) where every symbol with ink was
 * dropped. Returns how many. */
static guint
drop_drawn (GArray *symbols, guint from, guint to, const RectoImage *image, const RectoBox *area,
            double scale, double em)
{
  gboolean drawn = FALSE, inked = FALSE;
  guint dropped = 0;

  for (guint j = to; j-- > from;)
    {
      const OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, j);
      double share = -1;
      if (g_unichar_isspace (symbol->c))
        continue; /* Tesseract's own, not written (scanned_line_add()) */
      if (!is_level_stroke (symbol->c) && is_drawn_symbol (symbol, image, area, scale, em, &share))
        {
          remove_symbol (symbols, j);
          drawn = TRUE, dropped++, to--;
        }
      else
        inked |= is_level_stroke (symbol->c) || share >= 0;
    }
  if (drawn && !inked)
    dropped += drop_line (symbols, from, to);
  return dropped;
}

/* Whether symbols @from to @to, a line, stand on a picture: the ground their boxes show is
 * not the page's @paper, and they are not drawn on it in two tones as text is on a tinted
 * panel, but in the greys of a photograph. */
static gboolean
on_picture (const GArray *symbols, guint from, guint to, const RectoImage *image,
            const RectoBox *area, double scale, int paper)
{
  RectoBox box = ocr_symbols_box (symbols, from, to);
  g_autoptr (RectoImage) ground = glyph_shape_crop (image, area, scale, &box);
  LineTones tones = { .background = paper }; /* what an empty crop shows */
  double ink;

  return ground != NULL && !image_line_ink_two_tones (ground, &tones, &ink)
         && abs (tones.background - paper) > MIN_GROUND_CONTRAST;
}

guint
rule_symbols_drop (GArray *symbols, const RectoImage *image, const RectoBox *area, double scale)
{
  double page_em = scanned_page_type_size (symbols);
  int paper = image_line_ink_ground (image);
  guint dropped = 0;

  if (page_em <= 0)
    return 0;
  for (guint from = 0; from < symbols->len;)
    {
      guint to = ocr_symbols_line_end (symbols, from), before = symbols->len;
      /* In ems of the line's type, or of the page's where larger: a line read from a chart's
       * connectors alone measures only them. */
      double line_em = scanned_line_size (&g_array_index (symbols, OcrSymbol, from), to - from);
      dropped += drop_drawn (symbols, from, to, image, area, scale, MAX (page_em, line_em) * scale);
      to -= before - symbols->len;
      if (to > from && to - from <= MAX_PICTURE_SYMBOLS
          && on_picture (symbols, from, to, image, area, scale, paper))
        {
          dropped += drop_line (symbols, from, to);
          to = from;
        }
      from = to;
    }
  return dropped;
}
