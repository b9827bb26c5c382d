/* number-lines.c: see number-lines.h. */
#include "number-lines.h"
#include "glyph-shapes.h"

#include <string.h>

gboolean
number_lines_is_number (const GArray *symbols, guint from, guint to)
{
  if (to <= from || to - from > NUMBER_LINE_MAX_DIGITS)
    return FALSE;
  for (guint j = from; j < to; j++)
    {
      gunichar c = g_array_index (symbols, OcrSymbol, j).c;
      if (c >= 0x80 || !g_ascii_isdigit ((char) c))
        return FALSE;
    }
  return TRUE;
}

void
number_lines_reread (GArray *symbols, const RectoImage *image, const RectoBox *area,
                     double scale, OcrPool *pool, guint worker)
{
  for (guint from = 0, to; from < symbols->len; from = to)
    {
      RectoBox box = { G_MAXFLOAT, G_MAXFLOAT, -G_MAXFLOAT, -G_MAXFLOAT };
      g_autoptr (RectoImage) crop = NULL;
      g_autofree char *digits = NULL;
      float margin;
      to = ocr_symbols_line_end (symbols, from);
      if (!number_lines_is_number (symbols, from, to))
        continue;
      for (guint j = from; j < to; j++)
        {
          const OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, j);
          box.x1 = MIN (box.x1, symbol->x1), box.y1 = MIN (box.y1, symbol->y1);
          box.x2 = MAX (box.x2, symbol->x2), box.y2 = MAX (box.y2, symbol->y2);
        }
      /* A margin of a quarter of the digits' height: Tesseract reads a glyph that touches the
       * edge of its image badly. */
      margin = (box.y2 - box.y1) / 4;
      box.x1 -= margin, box.y1 -= margin, box.x2 += margin, box.y2 += margin;
      if ((crop = glyph_shape_crop (image, area, scale, &box)) == NULL
          || (digits = ocr_pool_read_word (pool, worker, crop, "0123456789")) == NULL
          || strlen (digits) != to - from || strspn (digits, "0123456789") != to - from)
        continue;
      for (guint j = from; j < to; j++)
        g_array_index (symbols, OcrSymbol, j).c = (gunichar) digits[j - from];
    }
}
