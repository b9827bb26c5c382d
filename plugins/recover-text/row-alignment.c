/* row-alignment.c: see row-alignment.h. */
#include "row-alignment.h"

#include <math.h>

float
row_alignment_symbol_middle (const OcrSymbol *symbol, float em)
{
  return symbol->x1 + MIN (symbol->x2 - symbol->x1, em) / 2;
}

/* The cost of reading @symbol for @item: a glyph with text should be read as itself; any
 * reading fits a code or a hole; and the further apart they stand, the worse. */
static float
match_cost (const RowItem *item, const OcrSymbol *symbol, float em)
{
  float distance = fabsf ((item->box.x1 + item->box.x2) / 2 - row_alignment_symbol_middle (symbol, em));
  float cost = 0.5f * MIN (1.0f, distance / em);

  if (item->kind == ITEM_TEXT && g_unichar_toupper (item->c) != g_unichar_toupper (symbol->c))
    cost += 1;
  return cost;
}

void
row_alignment_align (const GArray *items, const GArray *symbols, float em, int *pairs)
{
  guint n = items->len, m = symbols->len;
  g_autofree float *cost = g_new (float, (gsize) (n + 1) * (m + 1));
  const float skip_item = 1.0f, skip_hole = 0.6f, skip_symbol = 1.0f;
#define COST(i, j) cost[(gsize) (i) * (m + 1) + (j)]

  COST (0, 0) = 0;
  for (guint j = 1; j <= m; j++)
    COST (0, j) = j * skip_symbol;
  for (guint i = 1; i <= n; i++)
    {
      const RowItem *item = &g_array_index (items, RowItem, i - 1);
      float skip = item->kind == ITEM_HOLE ? skip_hole : skip_item;
      COST (i, 0) = COST (i - 1, 0) + skip;
      for (guint j = 1; j <= m; j++)
        {
          float pair = COST (i - 1, j - 1)
                       + match_cost (item, &g_array_index (symbols, OcrSymbol, j - 1), em);
          COST (i, j) = MIN (pair, MIN (COST (i - 1, j) + skip, COST (i, j - 1) + skip_symbol));
        }
    }
  for (guint i = 0; i < n; i++)
    pairs[i] = -1;
  for (guint i = n, j = m; i > 0 && j > 0;)
    {
      const RowItem *item = &g_array_index (items, RowItem, i - 1);
      float skip = item->kind == ITEM_HOLE ? skip_hole : skip_item;
      float pair = COST (i - 1, j - 1)
                   + match_cost (item, &g_array_index (symbols, OcrSymbol, j - 1), em);
      if (COST (i, j) == pair)
        {
          pairs[i - 1] = (int) (j - 1);
          i--, j--;
        }
      else if (COST (i, j) == COST (i - 1, j) + skip)
        i--;
      else
        j--;
    }
#undef COST
}
