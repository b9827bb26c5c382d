/* stop-gaps.c: see stop-gaps.h. */
#include "stop-gaps.h"
#include "glyph-shapes.h"
#include "scan-symbols.h"

/* A character after a stop read with less confidence than this is read again (on the scanned
 * report volume the made-up ones had 0.83 to 0.97, nine in ten printed ones 0.98 or more). */
#define DOUBT 0.98f
/* The crop read again starts this many ems of blank before the ink after the stop... */
#define LEAD 0.15f
/* ...and is this many ems wide: the two symbols after the doubtful one and some of the next. */
#define WIDTH 3.0f

/* Finds the blank after the stop @stop's ink: the widest run of blank columns in the line's
 * @band within an em of the stop's box (OCR's boxes of a line drift by up to an em), twice LEAD
 * ems wide at least, ink after it. Sets @start to LEAD ems into it, where the crop read again
 * begins. (Where the widest blank is the one before the stop, the crop holds the stop and its
 * reading begins with it: nothing is taken for made up.) */
static gboolean
find_blank (const OcrSymbol *stop, const RectoBox *band, float em, const RectoImage *image,
            const RectoBox *area, double scale, float *start)
{
  RectoBox window = { stop->x1 - em, band->y1, stop->x2 + em, band->y2 };
  g_autoptr (RectoImage) crop = glyph_shape_crop (image, area, scale, &window);
  g_autofree gboolean *inked = NULL;
  guint widest = 0, widest_end = 0, run = 0;

  if (crop == NULL)
    return FALSE;
  inked = g_new (gboolean, crop->width);
  glyph_shape_inked_columns (crop, inked);
  for (guint x = 0; x < crop->width; x++)
    {
      run = inked[x] ? 0 : run + 1;
      if (run > widest)
        widest = run, widest_end = x + 1;
    }
  if (widest < 2 * LEAD * em * scale || widest_end == crop->width)
    return FALSE;
  *start = window.x1 + (widest_end - widest) / scale + LEAD * em;
  return TRUE;
}

/* Whether symbol @j of the line that ends at @to, after a stop, is made up: the line's band
 * from the blank after the stop's ink on, read alone by the Chinese model, gives the two
 * symbols after @j first (and so not @j, unless @j is the one after it again, as in "人人",
 * which is left as read). */
static gboolean
is_made_up (const GArray *symbols, guint j, guint to, const RectoBox *band, float em,
            const RectoImage *image, const RectoBox *area, double scale, OcrPool *pool,
            guint worker)
{
  const OcrSymbol *stop = &g_array_index (symbols, OcrSymbol, j - 1);
  const OcrSymbol *symbol = stop + 1;
  g_autoptr (GArray) again = NULL;
  const OcrSymbol *first;
  RectoBox box;
  float start;

  if (j + 2 >= to || symbol->c == symbol[1].c
      || !find_blank (stop, band, em, image, area, scale, &start))
    return FALSE;
  box = (RectoBox){ start, band->y1 - em / 4, start + WIDTH * em, band->y2 + em / 4 };
  again = ocr_pool_read_line (pool, worker, image, area, scale, &box, OCR_LINE, TRUE);
  if (again == NULL || again->len < 2)
    return FALSE;
  first = &g_array_index (again, OcrSymbol, 0);
  return first[0].c == symbol[1].c && first[1].c == symbol[2].c;
}

void
stop_gaps_correct (GArray *symbols, const RectoImage *image, const RectoBox *area, double scale,
                   OcrPool *pool, guint worker)
{
  for (guint from = 0; from < symbols->len; from = ocr_symbols_line_end (symbols, from))
    {
      guint to = ocr_symbols_line_end (symbols, from);
      float em = scan_symbols_ideograph_em (symbols, from, to);
      RectoBox band = ocr_symbols_box (symbols, from, to);
      for (guint j = from + 1; em > 0 && j < to; j++)
        {
          const OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, j);
          if (scan_symbol_is_ideograph (symbol->c) && symbol->confidence < DOUBT
              && scan_symbol_is_stop (symbol[-1].c)
              && is_made_up (symbols, j, to, &band, em, image, area, scale, pool, worker))
            {
              g_array_remove_index (symbols, j);
              to--;
            }
        }
    }
}
