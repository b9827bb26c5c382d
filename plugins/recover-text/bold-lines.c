/* bold-lines.c: see bold-lines.h. */
#include "bold-lines.h"
#include "glyph-shapes.h"
#include "scan-symbols.h"

/* A line whose ideographs' ink covers this many times the page's typical share is bold. */
#define BOLD_INK 1.3
/* A line whose strokes are this many times as wide as the page's typical line's is bold. */
#define BOLD_STROKE 1.3
/* Fewest ideographs whose ink alone tells a line's weight. The ink of fewer is as much their
 * strokes' count as their weight (a paragraph's last line, 盖 alone, filled 1.3 times the
 * page's typical share, "加顺畅。" 1.35 times), and so is the width of their strokes (the bold
 * "效。" that ends a heading measured 1.26 times the page's typical line's). */
#define MIN_SURE_IDEOGRAPHS 6

/* The mean length in pixels of the runs of ink in @image along its columns if @down, else
 * along its rows; 0 without ink. */
static double
mean_run (const RectoImage *image, gboolean down)
{
  guint64 ink = 0, runs = 0;
  guint lines = down ? image->width : image->height, length = down ? image->height : image->width;
  gsize step = down ? image->stride : 1, next_line = down ? 1 : image->stride;

  for (guint l = 0; l < lines; l++)
    for (guint k = 0; k < length; k++)
      {
        const guint8 *pixel = image->pixels + l * next_line + k * step;
        if (*pixel < GLYPH_SHAPE_INK)
          {
            ink++;
            runs += k == 0 || *(pixel - step) >= GLYPH_SHAPE_INK;
          }
      }
  return runs > 0 ? (double) ink / (double) runs : 0;
}

double
bold_lines_stroke_width (const RectoImage *image)
{
  return mean_run (image, FALSE);
}

/* The mean length of the runs of ink in @image along its rows or along its columns, whichever
 * is less: a stroke's width across it, where one ideograph's level strokes (案, 量) lengthen
 * its rows' runs and its upright strokes its columns'. */
static double
stroke_width_across (const RectoImage *image)
{
  return MIN (mean_run (image, FALSE), mean_run (image, TRUE));
}

/* The median share of ink in the boxes of the ideographs among symbols @from to @to, or -1
 * without any; how many there are in @count. */
static double
ideograph_ink_share (const GArray *symbols, guint from, guint to, const RectoImage *image,
                     const RectoBox *area, double scale, guint *count)
{
  g_autoptr (GArray) shares = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint j = from; j < to; j++)
    {
      const OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, j);
      RectoBox box = { symbol->x1, symbol->y1, symbol->x2, symbol->y2 };
      g_autoptr (RectoImage) glyph = NULL;
      double share;
      if (!scan_symbol_is_ideograph (symbol->c)
          || (glyph = glyph_shape_crop (image, area, scale, &box)) == NULL)
        continue;
      share = glyph_shape_ink_share (glyph);
      g_array_append_val (shares, share);
    }
  *count = shares->len;
  return shares->len > 0 ? scan_symbols_median (shares) : -1;
}

/* The stroke width of the box around symbols @from to @to (across the strokes, where @across),
 * or 0. */
static double
line_stroke_width (const GArray *symbols, guint from, guint to, const RectoImage *image,
                   const RectoBox *area, double scale, gboolean across)
{
  RectoBox box = ocr_symbols_box (symbols, from, to);
  g_autoptr (RectoImage) line = glyph_shape_crop (image, area, scale, &box);

  if (line == NULL)
    return 0;
  return across ? stroke_width_across (line) : bold_lines_stroke_width (line);
}

/* The most symbols a heading run into its paragraph's first line may take. */
#define MAX_LEAD 40

/* Whether symbol @j of @symbols ends a heading run into its line: a full stop or a colon, in
 * Latin type before a space ("Governance. Reserves…", not "21.8"). */
static gboolean
ends_lead (const GArray *symbols, guint j, guint to)
{
  gunichar c = g_array_index (symbols, OcrSymbol, j).c;

  if (c == 0x3002 /* 。 */ || c == 0xFF1A /* ： */)
    return TRUE;
  return (c == '.' || c == ':') && j + 1 < to
         && g_array_index (symbols, OcrSymbol, j + 1).starts_word;
}

/* Marks bold the symbols of a heading run into the line @from to @to, not bold itself: the
 * symbols up to its first full stop or colon, words (two letters at least: not a stop alone,
 * a scanned form's misread box "。"), when their strokes are BOLD_STROKE times as wide as the
 * rest of the line's ("Staffing. A public inquiry…", "（一）加强组织领导。全年…"). */
static void
find_bold_lead (GArray *symbols, guint from, guint to, const RectoImage *image,
                const RectoBox *area, double scale)
{
  double lead, rest;
  guint end = from, letters = 0;

  for (; end < to && end - from < MAX_LEAD && !ends_lead (symbols, end, to); end++)
    letters += g_unichar_isalpha (g_array_index (symbols, OcrSymbol, end).c);
  /* The rest holds as many symbols as the lead at least, to measure the line's own weight. */
  if (end == to || end - from >= MAX_LEAD || letters < 2 || to - (end + 1) <= end + 1 - from)
    return;
  lead = line_stroke_width (symbols, from, end + 1, image, area, scale, FALSE);
  rest = line_stroke_width (symbols, end + 1, to, image, area, scale, FALSE);
  if (rest > 0 && lead >= BOLD_STROKE * rest)
    for (guint j = from; j <= end; j++)
      g_array_index (symbols, OcrSymbol, j).bold = TRUE;
}

/* What one line's ink says of its weight. */
typedef struct
{
  guint from, to;   /* its symbols */
  guint ideographs; /* how many of them are ideographs */
  double share;     /* the median share of ink in its ideographs' boxes, -1 without any */
  double stroke;    /* its strokes' width along the rows */
  double across;    /* and across the strokes, with ideographs */
} LineInk;

/* The page's typical line with ideographs, and without. */
typedef struct
{
  double share, stroke, across, latin_stroke;
} TypicalInk;

/* Whether symbols @from to @to of @symbols hold a letter, a figure or an ideograph. */
static gboolean
holds_text (const GArray *symbols, guint from, guint to)
{
  for (guint j = from; j < to; j++)
    if (g_unichar_isalnum (g_array_index (symbols, OcrSymbol, j).c))
      return TRUE;
  return FALSE;
}

typedef enum
{
  WEIGHT_LIGHT,
  WEIGHT_BOLD,
  WEIGHT_UNSURE,
} Weight;

/* What @line's own ink says of its weight against the page's @typical lines. A line of Chinese
 * is bold by its ink, or by its strokes: the LSTM's boxes of some lines are as tall as two
 * lines, which thins the ink in them ("（二）民生实事问效于民。" in a serif bold: ink 0.235
 * against 0.21, strokes 8.0 pixels against 5.3). A short line of Chinese is bold where both
 * its ink and its strokes' width across them say so, light where neither does, and unsure
 * where they differ. */
static Weight
weigh (const LineInk *line, const TypicalInk *typical)
{
  gboolean inked, stroked;

  if (line->share < 0)
    return typical->latin_stroke > 0 && line->stroke >= BOLD_STROKE * typical->latin_stroke
               ? WEIGHT_BOLD
               : WEIGHT_LIGHT;
  if (line->ideographs < MIN_SURE_IDEOGRAPHS)
    {
      inked = typical->share > 0 && line->share >= BOLD_INK * typical->share;
      stroked = typical->across > 0 && line->across >= BOLD_STROKE * typical->across;
      return inked != stroked ? WEIGHT_UNSURE : inked ? WEIGHT_BOLD : WEIGHT_LIGHT;
    }
  return (typical->share > 0 && line->share >= BOLD_INK * typical->share)
                 || (typical->stroke > 0 && line->stroke >= BOLD_STROKE * typical->stroke)
             ? WEIGHT_BOLD
             : WEIGHT_LIGHT;
}

void
bold_lines_find (GArray *symbols, const RectoImage *image, const RectoBox *area, double scale)
{
  g_autoptr (GArray) lines = g_array_new (FALSE, FALSE, sizeof (LineInk));
  g_autoptr (GArray) shares = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) strokes = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) across = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) latin_strokes = g_array_new (FALSE, FALSE, sizeof (double));
  TypicalInk typical;
  gboolean bold = FALSE; /* the line before */

  for (guint from = 0, to; from < symbols->len; from = to)
    {
      LineInk line = { .from = from };
      line.to = to = ocr_symbols_line_end (symbols, from);
      /* A chart's rules, which OCR reads as a line of blanks, are no line of text: their
       * runs of ink, hundreds of pixels long, would make every line of the page light. */
      if (!holds_text (symbols, from, to))
        continue;
      line.share = ideograph_ink_share (symbols, from, to, image, area, scale, &line.ideographs);
      line.stroke = line_stroke_width (symbols, from, to, image, area, scale, FALSE);
      if (line.share >= 0)
        {
          line.across = line_stroke_width (symbols, from, to, image, area, scale, TRUE);
          g_array_append_val (shares, line.share);
          g_array_append_val (strokes, line.stroke);
          g_array_append_val (across, line.across);
        }
      else
        g_array_append_val (latin_strokes, line.stroke);
      g_array_append_val (lines, line);
    }
  typical.share = scan_symbols_median (shares);
  typical.stroke = scan_symbols_median (strokes);
  typical.across = scan_symbols_median (across);
  typical.latin_stroke = scan_symbols_median (latin_strokes);
  for (guint l = 0; l < lines->len; l++)
    {
      const LineInk *line = &g_array_index (lines, LineInk, l);
      Weight weight = weigh (line, &typical);
      /* A short line its ink leaves unsure of ends the line before it, a paragraph or a
       * heading, and is set as that is. */
      if (weight == WEIGHT_UNSURE)
        weight = bold ? WEIGHT_BOLD : WEIGHT_LIGHT;
      bold = weight == WEIGHT_BOLD;
      if (bold)
        for (guint j = line->from; j < line->to; j++)
          g_array_index (symbols, OcrSymbol, j).bold = TRUE;
      else
        find_bold_lead (symbols, line->from, line->to, image, area, scale);
    }
}
