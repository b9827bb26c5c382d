/* number-lines.c: see number-lines.h. */
#include "number-lines.h"
#include "glyph-shapes.h"
#include "scan-symbols.h"

#include <string.h>

/* Dashes, points and spaces that decorate a page number. */
static gboolean
is_decoration (gunichar c)
{
  return g_unichar_isspace (c) || c == '-' || c == '.' || c == 0x2014 || c == 0x2013
         || c == 0x2212 || c == 0x4E00 /* 一, the Chinese model's dash */ || c == 0x00B7;
}

gboolean
number_lines_find (const GArray *symbols, guint from, guint to, guint *first, guint *after)
{
  guint decoration = 0;

  *first = *after = to;
  for (guint j = from; j < to; j++)
    {
      gunichar c = g_array_index (symbols, OcrSymbol, j).c;
      if (scan_symbol_is_digit (c) && *first == to)
        *first = j, *after = j + 1;
      else if (scan_symbol_is_digit (c) && *after == j)
        *after = j + 1;
      else if (scan_symbol_is_digit (c) || !is_decoration (c)
               || ++decoration > NUMBER_LINE_MAX_DECORATION)
        return FALSE;
    }
  return *first < to && *after - *first <= NUMBER_LINE_MAX_DIGITS;
}

void
number_lines_reread (GArray *symbols, const RectoImage *image, const RectoBox *area,
                     double scale, OcrPool *pool, guint worker)
{
  for (guint from = 0, to; from < symbols->len; from = to)
    {
      RectoBox box;
      g_autoptr (RectoImage) crop = NULL;
      g_autofree char *digits = NULL;
      guint first, after;
      float margin;
      to = ocr_symbols_line_end (symbols, from);
      if (!number_lines_find (symbols, from, to, &first, &after))
        continue;
      box = ocr_symbols_box (symbols, first, after);
      /* A margin of a quarter of the digits' height: Tesseract reads a glyph that touches the
       * edge of its image badly. */
      margin = (box.y2 - box.y1) / 4;
      box.x1 -= margin, box.y1 -= margin, box.x2 += margin, box.y2 += margin;
      if ((crop = glyph_shape_crop (image, area, scale, &box)) == NULL
          || (digits = ocr_pool_read_word (pool, worker, crop, "0123456789")) == NULL
          || strlen (digits) != after - first || strspn (digits, "0123456789") != after - first)
        continue;
      for (guint j = first; j < after; j++)
        g_array_index (symbols, OcrSymbol, j).c = (gunichar) digits[j - first];
    }
}
