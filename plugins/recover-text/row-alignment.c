/* row-alignment.c: see row-alignment.h. */
#include "row-alignment.h"

#include <math.h>

float
row_alignment_symbol_middle (const OcrSymbol *symbol, float em)
{
  return symbol->x1 + MIN (symbol->x2 - symbol->x1, em) / 2;
}

/* The cost of reading @symbol for @item, standing at @middle of it: a glyph with text should
 * be read as itself; any reading fits a code or a hole; and the further apart they stand, the
 * worse. */
static float
match_cost (const RowItem *item, float middle, const OcrSymbol *symbol, float em)
{
  float distance = fabsf (middle - row_alignment_symbol_middle (symbol, em));
  float cost = 0.5f * MIN (1.0f, distance / em);

  if (item->kind == ITEM_TEXT && g_unichar_toupper (item->c) != g_unichar_toupper (symbol->c))
    cost += 1;
  /* A code read as another symbol so far: a reading off by one glyph, where OCR's boxes are
   * loose, costs more than one in place. */
  else if (item->expect != 0 && item->expect != symbol->c)
    cost += 0.5f;
  return cost;
}

/* The cost of reading the @k symbols of @symbols before @end for @item, each in its share of
 * the item's box, left to right. */
static float
run_cost (const RowItem *item, const GArray *symbols, guint end, guint k, float em)
{
  float share = (item->box.x2 - item->box.x1) / k, cost = 0;

  for (guint t = 0; t < k; t++)
    cost += match_cost (item, item->box.x1 + (t + 0.5f) * share,
                        &g_array_index (symbols, OcrSymbol, end - k + t), em);
  return cost;
}

/* The cost of leaving @symbol unread after the first @i items of @items: none for a symbol that
 * stands beyond the row's first or last glyph (OCR reads past a row's ends, where the
 * neighbouring row's glyphs may stand: its glyph drawn without text, or its letter of a word the
 * rows split), still to be read before the first item or after the last; @skip elsewhere. A
 * symbol forced onto an end item shifts the readings of the items after it by one. */
static float
skip_symbol_cost (const GArray *items, guint i, const OcrSymbol *symbol, float em, float skip)
{
  float middle = row_alignment_symbol_middle (symbol, em);

  if (items->len == 0)
    return skip;
  if (i == 0 && middle < g_array_index (items, RowItem, 0).box.x1)
    return 0;
  if (i == items->len && middle > g_array_index (items, RowItem, items->len - 1).box.x2)
    return 0;
  return skip;
}

void
row_alignment_align (const GArray *items, const GArray *symbols, float em, int *pairs,
                     guint *counts)
{
  guint n = items->len, m = symbols->len;
  g_autofree float *cost = g_new (float, (gsize) (n + 1) * (m + 1));
  /* How (i, j) was reached: the symbols item i - 1 took (0: it was skipped), or -1: symbol j - 1
   * was skipped. */
  g_autofree int *how = g_new (int, (gsize) (n + 1) * (m + 1));
  const float skip_item = 1.0f, skip_hole = 0.6f, skip_symbol = 1.0f;
#define AT(i, j) ((gsize) (i) * (m + 1) + (j))

  cost[AT (0, 0)] = 0;
  for (guint j = 1; j <= m; j++)
    {
      const OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, j - 1);
      cost[AT (0, j)] = cost[AT (0, j - 1)] + skip_symbol_cost (items, 0, symbol, em, skip_symbol);
      how[AT (0, j)] = -1;
    }
  for (guint i = 1; i <= n; i++)
    {
      const RowItem *item = &g_array_index (items, RowItem, i - 1);
      float skip = item->kind == ITEM_HOLE ? skip_hole : skip_item;
      guint most = MAX (item->most, 1);
      cost[AT (i, 0)] = cost[AT (i - 1, 0)] + skip, how[AT (i, 0)] = 0;
      for (guint j = 1; j <= m; j++)
        {
          const OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, j - 1);
          float skip_j = skip_symbol_cost (items, i, symbol, em, skip_symbol);
          cost[AT (i, j)] = cost[AT (i - 1, j)] + skip, how[AT (i, j)] = 0;
          if (cost[AT (i, j - 1)] + skip_j < cost[AT (i, j)])
            cost[AT (i, j)] = cost[AT (i, j - 1)] + skip_j, how[AT (i, j)] = -1;
          for (guint k = 1; k <= most && k <= j; k++)
            {
              float run = cost[AT (i - 1, j - k)] + run_cost (item, symbols, j, k, em);
              if (run < cost[AT (i, j)])
                cost[AT (i, j)] = run, how[AT (i, j)] = (int) k;
            }
        }
    }
  for (guint i = 0; i < n; i++)
    {
      pairs[i] = -1;
      if (counts != NULL)
        counts[i] = 0;
    }
  for (guint i = n, j = m; i > 0;)
    {
      int k = how[AT (i, j)];
      if (k < 0)
        j--;
      else
        {
          if (k > 0)
            {
              pairs[i - 1] = (int) (j - k);
              if (counts != NULL)
                counts[i - 1] = k;
            }
          i--, j -= k;
        }
    }
#undef AT
}
