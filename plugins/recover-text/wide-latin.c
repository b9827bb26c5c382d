/* wide-latin.c: see wide-latin.h. */
#include "wide-latin.h"
#include "scan-symbols.h"

/* The advance, in ems of the line's wide characters, of a run's letters on average from which
 * they are wide characters: Latin capitals average about 0.7 em, lowercase about 0.5, and only
 * W and M come near an em. */
#define WIDE_LETTER_EMS 0.85f
/* The least confidence of each letter of a wide run read again that shows it is letters. */
#define SURE_LETTER 0.9f

/* The median height of the wide letters of symbols @from to @to, or 0 where the line holds
 * fewer of them than Latin letters: a Latin line's stray ideograph says nothing. */
static float
wide_letters_em (const GArray *symbols, guint from, guint to)
{
  g_autoptr (GArray) heights = g_array_new (FALSE, FALSE, sizeof (double));
  guint latin = 0;

  for (guint j = from; j < to; j++)
    {
      const OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, j);
      double height = symbol->y2 - symbol->y1;
      if (scan_symbol_is_ideograph (symbol->c))
        g_array_append_val (heights, height);
      latin += scan_symbol_is_latin_letter (symbol->c);
    }
  if (heights->len < 2 || heights->len < latin)
    return 0;
  return (float) scan_symbols_median (heights);
}

/* Whether the run of letters @run to @end of @symbols, in the line @from to @to, read again
 * with its neighbours in a band of the line (@line_band), with the page's primary model alone,
 * gives the same letters, each SURE_LETTER sure. */
static gboolean
reads_as_letters (const GArray *symbols, guint from, guint to, guint run, guint end,
                  const RectoBox *line_band, float em, const RectoImage *image,
                  const RectoBox *area, double scale, OcrPool *pool, guint worker)
{
  RectoBox box = ocr_symbols_box (symbols, MAX (run, from + 1) - 1, MIN (end + 1, to));
  g_autoptr (GArray) again = NULL;
  guint k = run;

  box.x1 -= em / 4, box.x2 += em / 4;
  box.y1 = line_band->y1 - em / 4, box.y2 = line_band->y2 + em / 4;
  again = ocr_pool_read_line (pool, worker, image, area, scale, &box, OCR_LINE, TRUE);
  for (guint i = 0; again != NULL && i < again->len; i++)
    {
      const OcrSymbol *read = &g_array_index (again, OcrSymbol, i);
      if (!scan_symbol_is_latin_letter (read->c))
        continue;
      if (k == end || read->c != g_array_index (symbols, OcrSymbol, k).c
          || read->confidence < SURE_LETTER)
        return FALSE;
      k++;
    }
  return again != NULL && k == end;
}

void
wide_latin_doubt (GArray *symbols, guint from, guint to, const RectoImage *image,
                  const RectoBox *area, double scale, OcrPool *pool, guint worker)
{
  float em = wide_letters_em (symbols, from, to);
  RectoBox band = ocr_symbols_box (symbols, from, to);

  if (em <= 0)
    return;
  for (guint j = from; j < to;)
    {
      guint end = j;
      const OcrSymbol *first = &g_array_index (symbols, OcrSymbol, j);
      if (!scan_symbol_is_latin_letter (first->c))
        {
          j++;
          continue;
        }
      while (end < to && scan_symbol_is_latin_letter (g_array_index (symbols, OcrSymbol, end).c)
             && (end == j || !g_array_index (symbols, OcrSymbol, end).starts_word))
        end++;
      if (g_array_index (symbols, OcrSymbol, end - 1).x2 - first->x1
              >= WIDE_LETTER_EMS * em * (end - j)
          && !reads_as_letters (symbols, from, to, j, end, &band, em, image, area, scale, pool,
                                worker))
        for (guint k = j; k < end; k++)
          g_array_index (symbols, OcrSymbol, k).confidence = 0;
      j = end;
    }
}
