/* font-learning-latin-ends.c: the letters Poppler dropped in a row of narrow type (Latin,
 * Cyrillic, Greek), read by OCR: in the gaps between its glyphs, and at its ends, where Poppler
 * leaves out the glyphs whose codes read as white space (a line's first letters, a paragraph's
 * last full stop). The other rules of narrow type are font-learning-latin.c's. */
#include "font-learning-private.h"
#include "glyph-shapes.h"

#include <math.h>

/* Queues the @n symbols of @symbols at the indices @run, read in the gap @gap of a row of
 * narrow type, as glyphs drawn without text before glyph @before, each in its share of the
 * gap: OCR places Latin letters too loosely to say more. */
void
learning_add_dropped_run (Learning *learning, const TextRow *row, const GArray *symbols,
                          const guint *run, guint n, const RectoBox *gap, guint before)
{
  float width = (gap->x2 - gap->x1) / MAX (n, 1);

  for (guint k = 0; k < n; k++)
    {
      RectoBox slot = { gap->x1 + k * width, gap->y1, gap->x1 + (k + 1) * width, gap->y2 };
      learning_add_dropped (learning, row, before, &g_array_index (symbols, OcrSymbol, run[k]),
                            &slot, TRUE);
    }
}

/* The symbols no item took that stand within @gap of a row of narrow type, left to right, at
 * most as many as letters of a fifth of an em fit in it: the letters Poppler dropped there.
 * Marks them taken. */
guint
learning_narrow_gap_symbols (const GArray *symbols, gboolean *taken, const RectoBox *gap, float em,
                             guint *run)
{
  guint n = 0, most = MAX (1, (guint) ((gap->x2 - gap->x1) / (NARROW_HOLE_EMS * em)));

  for (guint j = 0; j < symbols->len && n < most && n < NARROW_RUN_MAX; j++)
    {
      const OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, j);
      float middle = (symbol->x1 + symbol->x2) / 2;
      if (taken[j] || middle < gap->x1 - 0.25f * em || middle > gap->x2 + 0.25f * em)
        continue;
      taken[j] = TRUE;
      run[n++] = j;
    }
  return n;
}

/* Centres @gap, the room after a row's last glyph that letters of the row's width would take,
 * on its ink, but for ink at its left edge that runs on from the glyph before it (an overhang):
 * Poppler's row ends before a glyph whose code reads as white space, and a full stop there has
 * its ink at the left end of that room, where the look at the middle of each letter's share
 * (learning_add_dropped()) would not see it. Left as it is where no such ink is seen. */
static void
fit_to_ink (const TextRow *row, RectoBox *gap)
{
  float width = gap->x2 - gap->x1, middle;
  g_autoptr (RectoImage) slot = NULL;
  g_autofree gboolean *inked = NULL;
  float origin;
  guint first = 0, last;

  /* From a pixel before the room: ink running on from there is an overhang. */
  RectoBox room = { gap->x1 - 1 / row->scale, gap->y1, gap->x2, gap->y2 };

  if (row->image == NULL
      || (slot = glyph_shape_crop (row->image, &row->area, row->scale, &room)) == NULL)
    return;
  origin = row->area.x1 + floor ((room.x1 - row->area.x1) * row->scale) / row->scale;
  glyph_shape_clear_left_edge (slot);
  inked = g_new (gboolean, slot->width);
  glyph_shape_inked_columns (slot, inked);
  while (first < slot->width && !inked[first])
    first++;
  for (last = slot->width; last > first && !inked[last - 1];)
    last--;
  if (first >= last)
    return;
  middle = origin + (first + last) / 2.0f / row->scale;
  gap->x1 = middle - width / 2;
  gap->x2 = middle + width / 2;
}

/* How far past a row's last glyph, in ems, letters Poppler dropped are looked for at least. */
#define ROW_END_EMS 1.0f

/* Reads the letters Poppler dropped at the ends of a row of narrow type: the symbols no item
 * took between the row's first glyph and its column's left edge, and between its last glyph
 * and the right edge. The row's glyphs include those drawn with no ink (a font's own word
 * space), which @items leave out. */
void
learning_collect_narrow_edges (Learning *learning, const TextRow *row, const GArray *items,
                               const GArray *symbols, gboolean *taken, float em)
{
  const RowItem *first = &g_array_index (items, RowItem, 0);
  const RowItem *last = &g_array_index (items, RowItem, items->len - 1);
  guint first_glyph = g_array_index (row->glyphs, guint, 0),
        after_glyph = g_array_index (row->glyphs, guint, row->glyphs->len - 1) + 1;
  float start = MIN (first->box.x1, row->box.x1), end = MAX (last->box.x2, row->box.x2);
  guint run[NARROW_RUN_MAX], n;
  float left, right;

  text_rows_column_edges (learning->rows, row, &left, &right);
  /* Poppler ends a row before the glyphs whose codes read as white space at its end, and
   * starts it after those at its start (the full stop of a paragraph's last line, a row too
   * short to have its column's edges): an em beyond either end is the row's own, rows on a
   * line standing further apart than that (text-rows.h). */
  left = MIN (left, start - ROW_END_EMS * em);
  right = MAX (right, end + ROW_END_EMS * em);
  if (start - left >= NARROW_HOLE_EMS * em)
    {
      RectoBox gap = { left, first->box.y1, start, first->box.y2 };
      if ((n = learning_narrow_gap_symbols (symbols, taken, &gap, em, run)) > 0)
        {
          /* They stand from where OCR saw the first of them begin (it places left edges
           * well; letters of the row's average width may not reach there, or reach over
           * another row's glyphs on the line). */
          float begin = g_array_index (symbols, OcrSymbol, run[0]).x1;
          gap.x1 = MAX (left, MIN (begin, gap.x2 - n * NARROW_HOLE_EMS * em));
          learning_add_dropped_run (learning, row, symbols, run, n, &gap, first_glyph);
        }
    }
  if (right - end >= NARROW_HOLE_EMS * em)
    {
      RectoBox gap = { end, last->box.y1, right, last->box.y2 };
      if ((n = learning_narrow_gap_symbols (symbols, taken, &gap, em, run)) > 0)
        {
          /* The letters take their widths from the row's: as wide as its glyphs on average;
           * they stand where that room has ink (a full stop, narrow, at its left end). */
          gap.x2 = MIN (right, gap.x1 + n * (last->box.x2 - first->box.x1) / items->len);
          fit_to_ink (row, &gap);
          learning_add_dropped_run (learning, row, symbols, run, n, &gap, after_glyph);
        }
    }
}
