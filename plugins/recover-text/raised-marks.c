/* raised-marks.c: see raised-marks.h. */
#include "raised-marks.h"
#include "glyph-shapes.h"
#include "scan-symbols.h"

#include <math.h>
#include <string.h>

/* Shares of a line's x-height (the median height of its short lowercase letters), measured on
 * 200-dpi scans of vol511 (Noto Serif), of the English sample (Liberation Serif) and of a page
 * of DejaVu Serif and Sans with marks at 0.6 of the type size: a mark's ink ends 0.52 to 0.77
 * above the baseline and is 0.68 to 0.89 tall; a quote's is 0.36 to 0.48 tall, a degree
 * sign's 0.50 to 0.54. */
#define MIN_RAISE 0.35
#define MIN_HEIGHT 0.65
/* How far above the baseline a mark's ink is looked for: above a digit's height (1.35), below
 * the line above's descenders. */
#define REACH 1.6
/* How far beside its box a symbol's ink is looked for: OCR's boxes stray by a stroke or two. */
#define SIDE 0.5
/* Runs of raised ink this near are pieces of one glyph: a small "3" of vol511 drawn at 300 dpi
 * came apart where its strokes are lighter than ink, 2 pixels (0.09 x-heights) apart; a mark
 * and the quote after it ("⁹“Open", DejaVu Sans) stood 0.5 apart. */
#define PIECES_GAP 0.2
/* The first column of @box in an image that shows @area at @scale pixels a point (as
 * glyph_shape_crop() takes it), in points. */
static double
first_column (const RectoBox *box, const RectoBox *area, double scale)
{
  return area->x1 + floor ((box->x1 - area->x1) * scale) / scale;
}

/* A run of image columns: its first and how many, and how far it overlaps a symbol's box. */
typedef struct
{
  guint first, width;
  double overlap;
} ColumnRun;

/* Sets @ink to the box of the ink in columns @run (the first of them at @x0 points) between
 * @top and @bottom; FALSE when they hold none. The image shows @area at @scale pixels a
 * point. */
static gboolean
column_ink (const RectoImage *image, const RectoBox *area, double scale, const ColumnRun *run,
            double x0, float top, float bottom, RectoBox *ink)
{
  RectoBox columns = { (float) (x0 + run->first / scale), top,
                       (float) (x0 + (run->first + run->width) / scale), bottom };
  g_autoptr (RectoImage) crop = glyph_shape_crop (image, area, scale, &columns);
  double y0 = floor ((top - area->y1) * scale);
  guint first_row, last_row;

  if (crop == NULL || !glyph_shape_ink_rows (crop, &first_row, &last_row))
    return FALSE;
  *ink = columns;
  ink->y1 = (float) (area->y1 + (y0 + first_row) / scale);
  ink->y2 = (float) (area->y1 + (y0 + last_row + 1) / scale);
  return TRUE;
}

/* Whether symbol @j of a line has the shape of a mark: no letter, and ink about its box that
 * stands well above the line's @baseline, in columns without ink below it down to the baseline,
 * as tall as a digit set small. Sets *@mark to that ink's box, in points, and *@beside to
 * whether the box holds more such ink, another glyph (a quote after the mark). The ink is looked
 * for from REACH above the baseline, and a little to either side of the box: OCR boxes a mark glued
 * to the word before as tall as the word and over the word's full stop ("organisations.⁴"), and
 * a per cent sign at a line's end by its upper circle only, which read alone came back "0". The
 * image shows @area at @scale pixels a point. */
static gboolean
is_raised (const GArray *symbols, guint j, double x_height, double baseline,
           const RectoImage *image, const RectoBox *area, double scale, RectoBox *mark,
           gboolean *beside)
{
  const OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, j);
  float side = (float) (SIDE * x_height), foot = (float) (baseline - MIN_RAISE * x_height);
  RectoBox above = { symbol->x1 - side, (float) (baseline - REACH * x_height), symbol->x2 + side,
                     foot };
  RectoBox below = { above.x1, foot, above.x2, (float) baseline };
  g_autoptr (RectoImage) upper = NULL;
  g_autoptr (RectoImage) lower = NULL;
  g_autofree gboolean *high = NULL;
  g_autofree gboolean *low = NULL;
  g_autoptr (GArray) runs = g_array_new (FALSE, FALSE, sizeof (ColumnRun));
  guint best = 0;
  double x0, best_overlap = 0;

  if (symbol->c == 0 || g_unichar_isalpha (symbol->c) || g_unichar_isspace (symbol->c))
    return FALSE;
  upper = glyph_shape_crop (image, area, scale, &above);
  lower = glyph_shape_crop (image, area, scale, &below);
  if (upper == NULL || lower == NULL || upper->width != lower->width)
    return FALSE;
  high = g_new (gboolean, upper->width), low = g_new (gboolean, upper->width);
  glyph_shape_inked_columns (upper, high);
  glyph_shape_inked_columns (lower, low);
  /* The runs of columns with ink above and none below, with no ink above on either side: the
   * ink of a glyph that reaches the baseline goes on beside such a run (the bar of a 7, the
   * upper ring of a per cent sign), a mark's does not. The mark is the one that overlaps the
   * symbol's box most. */
  x0 = first_column (&above, area, scale);
  for (guint x = 0, start = 0; x <= upper->width; x++)
    {
      ColumnRun run = { start, x - start, 0 };
      if (x < upper->width && high[x] && !low[x])
        continue;
      run.overlap = MIN (x0 + x / scale, symbol->x2) - MAX (x0 + start / scale, symbol->x1);
      if (x > start && start > 0 && x < upper->width && !high[start - 1] && !high[x])
        {
          ColumnRun *last = runs->len > 0 ? &g_array_index (runs, ColumnRun, runs->len - 1) : NULL;
          if (last != NULL && start - (last->first + last->width) < PIECES_GAP * x_height * scale)
            {
              /* Pieces of one glyph, a stroke between them drawn lighter than ink. */
              last->width = x - last->first;
              last->overlap =
                  MIN (x0 + x / scale, symbol->x2) - MAX (x0 + last->first / scale, symbol->x1);
            }
          else
            g_array_append_val (runs, run);
        }
      start = x + 1;
    }
  for (guint i = 0; i < runs->len; i++)
    if (g_array_index (runs, ColumnRun, i).overlap > best_overlap)
      best_overlap = g_array_index (runs, ColumnRun, i).overlap, best = i;
  if (best_overlap <= 0)
    return FALSE;
  if (!column_ink (image, area, scale, &g_array_index (runs, ColumnRun, best), x0, above.y1, foot,
                   mark))
    return FALSE;
  /* Raised ink as tall beside it in the symbol's box is the mark's next digit ("10" read as
   * one symbol); shorter, another glyph ("⁹“" read as "“"). */
  *beside = FALSE;
  for (guint i = 0; i < runs->len; i++)
    {
      const ColumnRun *other = &g_array_index (runs, ColumnRun, i);
      RectoBox piece;
      if (i == best || other->overlap <= other->width / scale / 2
          || !column_ink (image, area, scale, other, x0, above.y1, foot, &piece))
        continue;
      if (piece.y2 - piece.y1 < MIN_HEIGHT * x_height)
        {
          *beside = TRUE;
          continue;
        }
      mark->x1 = MIN (mark->x1, piece.x1), mark->x2 = MAX (mark->x2, piece.x2);
      mark->y1 = MIN (mark->y1, piece.y1), mark->y2 = MAX (mark->y2, piece.y2);
    }
  return mark->y2 - mark->y1 >= MIN_HEIGHT * x_height;
}

/* Whether the run of symbols @first to @last of the line @from to @to stands where a note's
 * mark does: opening the line (a note), or after the word it is set on, not opening a word it
 * is set before ("*provisional" is an asterisk). */
static gboolean
stands_as_mark (const GArray *symbols, guint first, guint last, guint from, guint to)
{
  return first == from || !g_array_index (symbols, OcrSymbol, first).starts_word || last + 1 == to
         || g_array_index (symbols, OcrSymbol, last + 1).starts_word;
}

/* A run of raised symbols: the first and last, the box of their ink and of the first's, in
 * points, and whether the first's box holds another glyph's raised ink beside the mark
 * (is_raised()). */
typedef struct
{
  guint first, last;
  RectoBox ink, first_ink;
  gboolean beside;
} Run;

/* Whether the first symbol of @run is a glyph of its own beside the mark, which OCR missed
 * and boxed with it: a full stop or comma ("period.²" read "period."), never a misread mark;
 * a symbol whose box holds less than half the mark's ink (the last digit of "2021³"); or one
 * whose box holds another glyph's raised ink as well ("⁹“Open" read "“Open"). */
static gboolean
first_is_other (const GArray *symbols, const Run *run)
{
  const OcrSymbol *first = &g_array_index (symbols, OcrSymbol, run->first);
  gunichar c = first->c;
  const RectoBox *ink = &run->first_ink;
  float overlap = MIN (first->x2, ink->x2) - MAX (first->x1, ink->x1);

  return c == '.' || c == ',' || c == ';' || c == ':' || overlap < 0.5f * (ink->x2 - ink->x1)
         || run->beside;
}

/* How many symbols of @run may be its mark: all but a first that is another glyph. */
static guint
run_mark_symbols (const GArray *symbols, const Run *run)
{
  return run->last + 1 - run->first - first_is_other (symbols, run);
}

/* The digits Tesseract reads @run of @symbols as, alone (the run's ink), offered the digits and
 * what it read the run as in its line; NULL unless it reads digits only, no more than the run
 * has symbols that may be the mark (OCR may read one small digit as two: "'!" for "¹"), and
 * one where that is none (see set_digits()). */
static char *
read_as_digits (const GArray *symbols, const Run *run, const RectoImage *image,
                const RectoBox *area, double scale, OcrPool *pool, guint worker)
{
  g_autoptr (GString) alphabet = g_string_new ("0123456789");
  g_autoptr (RectoImage) glyphs = glyph_shape_crop (image, area, scale, &run->ink);
  g_autofree char *read = NULL;

  for (guint j = run->first; j <= run->last; j++)
    g_string_append_unichar (alphabet, g_array_index (symbols, OcrSymbol, j).c);
  read = glyphs != NULL ? ocr_pool_read_word (pool, worker, glyphs, alphabet->str) : NULL;
  if (read == NULL || *read == '\0' || strspn (read, "0123456789") != strlen (read)
      || strlen (read) > MAX (run_mark_symbols (symbols, run), 1))
    return NULL;
  return g_steal_pointer (&read);
}

/* Puts the raised @digits in place of the symbols of @run, side by side in the run's ink; a
 * first symbol that is another glyph (first_is_other()) stays, the digits on the side of it
 * the ink is. Returns the index after the run's last symbol. */
static guint
set_digits (GArray *symbols, const Run *run, const char *digits)
{
  guint n = (guint) strlen (digits), keep = first_is_other (symbols, run);
  OcrSymbol *first = &g_array_index (symbols, OcrSymbol, run->first);
  gboolean before = keep && run->ink.x1 + run->ink.x2 < first->x1 + first->x2;
  guint at = run->first + (keep && !before);
  OcrSymbol mark = *first;
  float width = (run->ink.x2 - run->ink.x1) / n;

  if (before)
    first->starts_word = first->starts_line = FALSE; /* the digits take its place in the line */
  else if (keep)
    mark.starts_word = mark.starts_line = FALSE;
  g_array_remove_range (symbols, run->first + keep, run->last + 1 - (run->first + keep));
  for (guint k = 0; k < n; k++)
    {
      mark.c = (gunichar) digits[k];
      mark.x1 = run->ink.x1 + k * width, mark.x2 = mark.x1 + width;
      mark.y1 = run->ink.y1, mark.y2 = run->ink.y2;
      mark.raised = TRUE;
      g_array_insert_val (symbols, at + k, mark);
      mark.starts_word = mark.starts_line = FALSE;
    }
  return run->first + keep + n;
}

void
raised_marks_read (GArray *symbols, const RectoImage *image, const RectoBox *area, double scale,
                   OcrPool *pool, guint worker)
{
  for (guint from = 0, to; from < symbols->len; from = to)
    {
      double x_height, baseline;
      to = ocr_symbols_line_end (symbols, from);
      if (!scan_symbols_latin_line (symbols, from, to, &x_height, &baseline))
        continue;
      for (guint j = from; j < to; j++)
        {
          Run run = { j, j, { 0 }, { 0 }, FALSE };
          RectoBox ink;
          gboolean beside;
          g_autofree char *digits = NULL;
          if (!is_raised (symbols, j, x_height, baseline, image, area, scale, &run.ink,
                          &run.beside))
            continue;
          run.first_ink = run.ink;
          while (run.last + 1 < to && !g_array_index (symbols, OcrSymbol, run.last + 1).starts_word
                 && is_raised (symbols, run.last + 1, x_height, baseline, image, area, scale, &ink,
                               &beside))
            {
              run.last++;
              run.ink.x1 = MIN (run.ink.x1, ink.x1), run.ink.y1 = MIN (run.ink.y1, ink.y1);
              run.ink.x2 = MAX (run.ink.x2, ink.x2), run.ink.y2 = MAX (run.ink.y2, ink.y2);
            }
          if (stands_as_mark (symbols, run.first, run.last, from, to)
              && (digits = read_as_digits (symbols, &run, image, area, scale, pool, worker))
                     != NULL)
            {
              guint end = set_digits (symbols, &run, digits);
              to = to + end - (run.last + 1);
              run.last = end - 1;
            }
          j = run.last;
        }
      /* A mark ends its word: the text goes on after a space, as a text layer has it. */
      for (guint j = from + 1; j < to; j++)
        {
          OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, j);
          if (g_array_index (symbols, OcrSymbol, j - 1).raised && !symbol->raised
              && g_unichar_isalnum (symbol->c))
            symbol->starts_word = TRUE;
        }
    }
}
