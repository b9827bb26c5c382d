/* row-alignment.c: see row-alignment.h. */
#include "row-alignment.h"

#include <math.h>
#include <string.h>

float
row_alignment_symbol_middle (const OcrSymbol *symbol, float em)
{
  return symbol->x1 + MIN (symbol->x2 - symbol->x1, em) / 2;
}

/* Whether @c is a Latin letter or a figure. */
static gboolean
is_latin_alnum (gunichar c)
{
  return g_unichar_isdigit (c)
         || (g_unichar_isalpha (c) && g_unichar_get_script (c) == G_UNICODE_SCRIPT_LATIN);
}

/* Whether a code read as @expected so far is unlikely to be @read: a letter or figure read for
 * a punctuation mark (OCR misses small marks), or a mark for a Latin letter or figure (OCR sees
 * marks in serifs and word spaces; a Han character it reads as a sign often, 一 as "="). */
static gboolean
kind_differs (gunichar expected, gunichar read)
{
  return (g_unichar_ispunct (expected) && g_unichar_isalnum (read))
         || (is_latin_alnum (expected) && g_unichar_ispunct (read));
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
    return cost + 1;
  /* A code read as another symbol so far: a reading off by one glyph, where OCR's boxes are
   * loose, costs more than one in place; a letter or figure for a code read as a punctuation
   * mark, or a mark for a code read as a Latin letter or figure, as much as a glyph with text
   * read otherwise. OCR misses small marks ("." after "year"), and the mark would take its
   * neighbour's letter (the "r", which Poppler dropped); it sees marks that are not there (a
   * "‘" before "The"), and the letter would take the mark and its neighbour the letter (the
   * "h", which Poppler gave as a space, read "Th"). */
  if (item->expect != 0 && item->expect != symbol->c)
    cost += kind_differs (item->expect, symbol->c) ? 1.0f : 0.5f;
  /* The row is one image: a glyph drawn twice in it is read the same, as a glyph with text is
   * read as its text. */
  if (item->same != 0 && item->same != symbol->c)
    cost += 1;
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

#define SKIP_ITEM 1.0f
#define SKIP_HOLE 0.6f
#define SKIP_SYMBOL 1.0f
#define AT(i, j) ((gsize) (i) * (m + 1) + (j))

/* The cost of leaving @item unread: a glyph held to its code's reading in the row (@same) left
 * unread is read otherwise. */
static float
skip_item_cost (const RowItem *item)
{
  return item->kind == ITEM_HOLE ? SKIP_HOLE : SKIP_ITEM + (item->same != 0);
}

/* Fills @cost[AT (i, j)], the least cost of reading the first i items with the first j symbols,
 * and @how, how (i, j) was reached: the symbols item i - 1 took (0: it was skipped), or -1: symbol
 * j - 1 was skipped. */
static void
fill_forward (const GArray *items, const GArray *symbols, float em, float *cost, int *how)
{
  guint n = items->len, m = symbols->len;

  cost[AT (0, 0)] = 0;
  for (guint j = 1; j <= m; j++)
    {
      const OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, j - 1);
      cost[AT (0, j)] = cost[AT (0, j - 1)] + skip_symbol_cost (items, 0, symbol, em, SKIP_SYMBOL);
      how[AT (0, j)] = -1;
    }
  for (guint i = 1; i <= n; i++)
    {
      const RowItem *item = &g_array_index (items, RowItem, i - 1);
      float skip = skip_item_cost (item);
      guint most = MAX (item->most, 1);
      cost[AT (i, 0)] = cost[AT (i - 1, 0)] + skip, how[AT (i, 0)] = 0;
      for (guint j = 1; j <= m; j++)
        {
          const OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, j - 1);
          float skip_j = skip_symbol_cost (items, i, symbol, em, SKIP_SYMBOL);
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
}

/* Aligns @items with @symbols into @pairs and @counts. */
static void
align_once (const GArray *items, const GArray *symbols, float em, int *pairs, guint *counts)
{
  guint n = items->len, m = symbols->len;
  g_autofree float *cost = g_new (float, (gsize) (n + 1) * (m + 1));
  g_autofree int *how = g_new (int, (gsize) (n + 1) * (m + 1));

  fill_forward (items, symbols, em, cost, how);
  for (guint i = 0; i < n; i++)
    pairs[i] = -1, counts[i] = 0;
  for (guint i = n, j = m; i > 0;)
    {
      int k = how[AT (i, j)];
      if (k < 0)
        j--;
      else
        {
          if (k > 0)
            pairs[i - 1] = (int) (j - k), counts[i - 1] = k;
          i--, j -= k;
        }
    }
}

static gboolean
same_code (const RowItem *a, const RowItem *b)
{
  return a->kind == ITEM_CODE && b->kind == ITEM_CODE && a->c == b->c && a->c != ' '
         && g_strcmp0 (a->font, b->font) == 0;
}

/* The reading most glyphs of the code of item @a of @items take in the alignment @pairs (of
 * those most take, the first glyph's), how many glyphs it has (@read) and how many of them are
 * read otherwise or left unread (@other). */
static gunichar
code_reading (const GArray *items, const GArray *symbols, const int *pairs, guint a, guint *read,
              guint *other)
{
  const RowItem *code = &g_array_index (items, RowItem, a);
  gunichar reading = 0;
  guint most = 0;

  *read = 0;
  for (guint b = a; b < items->len; b++)
    {
      gunichar c;
      guint agreeing = 0;
      if (!same_code (code, &g_array_index (items, RowItem, b)))
        continue;
      (*read)++; /* a glyph left unread is read otherwise */
      if (pairs[b] < 0)
        continue;
      c = g_array_index (symbols, OcrSymbol, pairs[b]).c;
      for (guint d = a; d < items->len; d++)
        agreeing += same_code (code, &g_array_index (items, RowItem, d)) && pairs[d] >= 0
                    && g_array_index (symbols, OcrSymbol, pairs[d]).c == c;
      if (agreeing > most)
        most = agreeing, reading = c;
    }
  *other = *read - most;
  return reading;
}

/* Whether item @a of @items is the first glyph of its code in the row. */
static gboolean
first_of_code (const GArray *items, guint a)
{
  const RowItem *item = &g_array_index (items, RowItem, a);

  if (item->kind != ITEM_CODE || item->c == ' ')
    return FALSE;
  for (guint b = 0; b < a; b++)
    if (same_code (item, &g_array_index (items, RowItem, b)))
      return FALSE;
  return TRUE;
}

/* How many glyphs of the codes drawn more than once in the row the alignment @pairs of @items
 * reads otherwise than most glyphs of their code; each such code's glyphs in @hold (a copy of
 * @items, or NULL) are held to that reading (their @same). */
static guint
disagreements (const GArray *items, const GArray *symbols, const int *pairs, GArray *hold)
{
  guint total = 0, read, other;

  for (guint a = 0; a < items->len; a++)
    {
      gunichar reading;
      if (!first_of_code (items, a))
        continue;
      reading = code_reading (items, symbols, pairs, a, &read, &other);
      total += other;
      for (guint b = a; hold != NULL && other > 0 && b < items->len; b++)
        if (same_code (&g_array_index (items, RowItem, a), &g_array_index (items, RowItem, b)))
          g_array_index (hold, RowItem, b).same = reading;
    }
  return total;
}

void
row_alignment_align (const GArray *items, const GArray *symbols, float em, int *pairs,
                     guint *counts)
{
  guint n = items->len, wrong;
  g_autofree guint *scratch = NULL;
  g_autofree int *held = NULL;
  g_autofree guint *held_counts = NULL;
  g_autoptr (GArray) holding = NULL;

  if (counts == NULL)
    counts = scratch = g_new (guint, n + 1);
  align_once (items, symbols, em, pairs, counts);
  /* OCR's boxes drift: after a glyph it read as two symbols (an α read "oe", a sign its models
   * lack), the boxes of the next symbols may stand a glyph further on, so that the alignment by
   * position reads each glyph as the one before it, and leaves out a symbol further on. A code
   * drawn twice in the row and read otherwise at each place says so: the row is aligned again
   * with the glyphs of each such code held to the reading most of them take (the first one's,
   * where none leads), which stands where it leaves fewer such disagreements. */
  holding = g_array_copy ((GArray *) items);
  wrong = disagreements (items, symbols, pairs, holding);
  if (wrong == 0)
    return;
  held = g_new (int, n + 1);
  held_counts = g_new (guint, n + 1);
  align_once (holding, symbols, em, held, held_counts);
  if (disagreements (items, symbols, held, NULL) < wrong)
    {
      memcpy (pairs, held, n * sizeof (int));
      memcpy (counts, held_counts, n * sizeof (guint));
    }
}

#undef AT
