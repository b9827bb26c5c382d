/* line-ends.c: see line-ends.h. */
#include "line-ends.h"
#include "glyph-shapes.h"
#include "scan-symbols.h"

#include <string.h>

/* The widest blank, in ems of the line, from the line's end to a dropped character's ink (the
 * space after "图" in "图 1："). */
#define NEAREST 1.0f
/* The widest blank, in ems, within one character's ink (between the strokes of 川). */
#define INNER_BLANK 0.25f
/* A dropped character's ink is this many ems wide at least, and at most; with the stop after
 * it (its ink in the left half of the stop's em), at most this many. */
#define LEAST_WIDTH 0.4f
#define MOST_WIDTH 1.2f
#define MOST_WIDTH_WITH_STOP 1.6f
/* At most this many symbols are dropped at a line's end: a character and the stop after it. */
#define MOST_DROPPED 2
/* Its ink reaches at most this many ems above or below the line's band. */
#define OVERHANG 0.2f
/* The line's symbols read again with the ink, to show the reading is the line's. */
#define KNOWN 2
/* The least confidence of the character read for the ink. */
#define CONFIDENT 0.9f
/* How far, in ems, the box OCR gives a symbol read for the ink may stand beside the ink (its
 * boxes drift by a few points: a "；" boxed from 0.03 em past the ink's end). */
#define SLACK 0.5f

/* Whether a symbol of @symbols that is text reaches into @box's columns, its middle in @box's
 * rows (a neighbouring line's loose box may reach into them). */
static gboolean
is_covered (const GArray *symbols, const RectoBox *box)
{
  for (guint j = 0; j < symbols->len; j++)
    {
      const OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, j);
      float middle = (symbol->y1 + symbol->y2) / 2;
      if (symbol->c != 0 && !g_unichar_isspace (symbol->c) && symbol->x2 > box->x1
          && symbol->x1 < box->x2 && middle > box->y1 && middle < box->y2)
        return TRUE;
    }
  return FALSE;
}

/* How far, in rows of @inked (@n of them), the ink runs from row @from by steps of @step (1
 * or -1), over blanks of at most @blank rows; G_MAXUINT where it runs on to the end. */
static guint
ink_run_end (const gboolean *inked, guint n, guint from, int step, guint blank)
{
  guint end = from, blanks = 0;

  for (guint y = from; y < n; y += step)
    if (inked[y])
      end = y, blanks = 0;
    else if (++blanks > blank)
      return end;
  return G_MAXUINT;
}

/* Whether the ink in @ink's columns, around the middle of its rows (the line's band), stays in
 * the band but for OVERHANG ems: a character's does; a picture's or a rule's runs on. */
static gboolean
stays_in_band (const RectoImage *image, const RectoBox *area, double scale, const RectoBox *ink,
               float em)
{
  RectoBox box = { ink->x1, ink->y1 - em, ink->x2, ink->y2 + em };
  g_autoptr (RectoImage) column = glyph_shape_crop (image, area, scale, &box);
  g_autofree gboolean *inked = NULL;
  guint middle, blank = (guint) (INNER_BLANK * em * scale), top, bottom;

  if (column == NULL)
    return FALSE;
  inked = g_new (gboolean, column->height);
  glyph_shape_inked_rows (column, inked);
  middle = MIN ((guint) (((ink->y1 + ink->y2) / 2 - box.y1) * scale), column->height - 1);
  top = ink_run_end (inked, column->height, middle, -1, blank);
  bottom = ink_run_end (inked, column->height, middle, 1, blank);
  return top != G_MAXUINT && bottom != G_MAXUINT && box.y1 + top / scale >= ink->y1 - OVERHANG * em
         && box.y1 + (bottom + 1) / scale <= ink->y2 + OVERHANG * em;
}

/* Finds, beside the line @line (its box) on the side @before it or after it, the ink of one
 * character: at most NEAREST ems from the line, LEAST_WIDTH to MOST_WIDTH ems wide with no
 * blank wider than INNER_BLANK in it, blank beyond it, within the line's band. Sets @ink to
 * its box (page points). */
static gboolean
find_ink (const RectoImage *image, const RectoBox *area, double scale, const RectoBox *line,
          float em, gboolean before, RectoBox *ink)
{
  float reach = (NEAREST + MOST_WIDTH_WITH_STOP + INNER_BLANK) * em;
  RectoBox search = { before ? line->x1 - reach : line->x2, line->y1,
                      before ? line->x1 : line->x2 + reach, line->y2 };
  g_autoptr (RectoImage) band = glyph_shape_crop (image, area, scale, &search);
  g_autofree gboolean *inked = NULL;
  guint first = G_MAXUINT, last = 0, blank = 0, d;
  float edge = before ? line->x1 : line->x2;

  if (band == NULL)
    return FALSE;
  inked = g_new (gboolean, band->width);
  glyph_shape_inked_columns (band, inked);
  /* d counts the columns outward from the line's end; ink that touches the end is its last
   * symbol's, reaching past the symbol's box. */
  for (d = 0; d < band->width && inked[before ? band->width - 1 - d : d]; d++)
    ;
  for (; d < band->width; d++)
    if (inked[before ? band->width - 1 - d : d])
      first = MIN (first, d), last = d, blank = 0;
    else if (first != G_MAXUINT && ++blank > INNER_BLANK * em * scale)
      break;
  if (first == G_MAXUINT || d == band->width || first > NEAREST * em * scale
      || last + 1 - first < LEAST_WIDTH * em * scale
      || last + 1 - first > MOST_WIDTH_WITH_STOP * em * scale)
    return FALSE;
  ink->x1 = before ? edge - (last + 1) / scale : edge + first / scale;
  ink->x2 = before ? edge - first / scale : edge + (last + 1) / scale;
  ink->y1 = line->y1, ink->y2 = line->y2;
  return stays_in_band (image, area, scale, ink, em);
}

static gunichar
fold_width (gunichar c)
{
  return c >= 0xFF01 && c <= 0xFF5E ? c - 0xFEE0 : c;
}

/* Whether @reading, from @at on, reads symbols @from to @to of @symbols again. */
static gboolean
reads_again (const GArray *reading, guint at, const GArray *symbols, guint from, guint to)
{
  for (guint j = from; j < to; j++, at++)
    if (fold_width (g_array_index (reading, OcrSymbol, at).c)
        != fold_width (g_array_index (symbols, OcrSymbol, j).c))
      return FALSE;
  return TRUE;
}

/* Whether @c, as OCR reads it (a full-width stop now and then as its ASCII form), is a stop. */
static gboolean
reads_as_stop (gunichar c)
{
  return scan_symbol_is_stop (c) || (c > ' ' && c < 0x7F && scan_symbol_is_stop (c + 0xFEE0));
}

/* Whether the @n symbols @read, read for @ink on a line @em tall, are a character read with
 * confidence, alone where the ink is one character's width, else with a stop after it, each
 * in the ink but for SLACK ems. */
static gboolean
is_dropped_reading (const OcrSymbol *read, guint n, const RectoBox *ink, float em)
{
  if (!scan_symbol_is_ideograph (read[0].c) || (n == 1 && ink->x2 - ink->x1 > MOST_WIDTH * em)
      || (n == 2 && !reads_as_stop (read[1].c)))
    return FALSE;
  for (guint j = 0; j < n; j++)
    if (read[j].confidence < CONFIDENT || read[j].x2 <= ink->x1 - SLACK * em
        || read[j].x1 >= ink->x2 + SLACK * em)
      return FALSE;
  return TRUE;
}

/* Reads @ink with the KNOWN symbols of the line @from to @to next to it (@before the line or
 * after it), with the Chinese model alone (the mixed models read "图 1：" cut out so as
 * "Al i:"); puts the symbols read for the ink in @read and returns how many (0: none). The crop
 * reaches an em past the known symbols, into the next one: the reading must give the known
 * symbols again and the ink's character (or the character and the stop after it, "率；" of
 * "…服务效率；二是…", which Tesseract's page reading drops as a word of its own) right
 * beside them, whatever it gives of that next one. Where it gives the known symbols and nothing
 * for the ink ("流程" for "流程图" again), the ink is read alone. */
static guint
read_ink (const GArray *symbols, guint from, guint to, const RectoBox *ink, gboolean before,
          float em, const RectoImage *image, const RectoBox *area, double scale, OcrPool *pool,
          guint worker, OcrSymbol read[MOST_DROPPED])
{
  guint known = MIN (KNOWN, to - from), start = before ? from : to - known, n, count = 0;
  const OcrSymbol *inner = &g_array_index (symbols, OcrSymbol, before ? start + known - 1 : start);
  RectoBox box = { before ? ink->x1 - em / 2 : inner->x1 - em, ink->y1 - em / 4,
                   before ? inner->x2 + em : ink->x2 + em / 2, ink->y2 + em / 4 };
  RectoBox alone = { ink->x1 - em / 2, ink->y1 - em / 4, ink->x2 + em / 2, ink->y2 + em / 4 };
  g_autoptr (GArray) reading = NULL;

  reading = ocr_pool_read_line (pool, worker, image, area, scale, &box, OCR_LINE, TRUE);
  if (reading == NULL || (n = reading->len) < known)
    return 0;
  for (guint extra = 1; count == 0 && extra <= MOST_DROPPED; extra++)
    if (n >= known + extra
        && reads_again (reading, before ? extra : n - extra - known, symbols, start, start + known))
      {
        count = extra;
        memcpy (read, &g_array_index (reading, OcrSymbol, before ? 0 : n - extra),
                count * sizeof *read);
      }
  if (count == 0 && reads_again (reading, before ? 0 : n - known, symbols, start, start + known))
    {
      g_array_unref (reading);
      reading = ocr_pool_read_line (pool, worker, image, area, scale, &alone, OCR_GLYPH, TRUE);
      if (reading == NULL || reading->len != 1)
        return 0;
      count = 1;
      read[0] = g_array_index (reading, OcrSymbol, 0);
    }
  if (count == 0 || !is_dropped_reading (read, count, ink, em))
    return 0;
  return count;
}

/* Reads the ink beside the line @from to @to (@before it or after it) and puts the symbols read
 * for it in the line. Returns how many it put. */
static guint
read_line_end (GArray *symbols, guint from, guint to, gboolean before, const RectoImage *image,
               const RectoBox *area, double scale, OcrPool *pool, guint worker)
{
  RectoBox line = ocr_symbols_box (symbols, from, to), ink;
  float em = scan_symbols_ideograph_em (symbols, from, to);
  OcrSymbol read[MOST_DROPPED];
  guint count;

  if (em <= 0 || !find_ink (image, area, scale, &line, em, before, &ink)
      || is_covered (symbols, &ink)
      || (count = read_ink (symbols, from, to, &ink, before, em, image, area, scale, pool, worker,
                            read))
             == 0)
    return 0;
  for (guint j = 0; j < count; j++)
    {
      read[j].starts_line = before && j == 0, read[j].starts_word = j == 0;
      read[j].bold = read[j].raised = FALSE;
    }
  if (before)
    g_array_index (symbols, OcrSymbol, from).starts_line = FALSE;
  g_array_insert_vals (symbols, before ? from : to, read, count);
  return count;
}

void
line_ends_read (GArray *symbols, const RectoImage *image, const RectoBox *area, double scale,
                OcrPool *pool, guint worker)
{
  for (guint from = 0; from < symbols->len; from = ocr_symbols_line_end (symbols, from))
    {
      guint to = ocr_symbols_line_end (symbols, from);
      to += read_line_end (symbols, from, to, TRUE, image, area, scale, pool, worker);
      read_line_end (symbols, from, to, FALSE, image, area, scale, pool, worker);
    }
}
