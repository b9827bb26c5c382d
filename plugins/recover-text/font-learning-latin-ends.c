/* font-learning-latin-ends.c: the letters Poppler dropped in a row of narrow type (Latin,
 * Cyrillic, Greek), read by OCR: in the gaps between its glyphs, and at its ends, where Poppler
 * leaves out the glyphs whose codes read as white space (a line's first letters, a paragraph's
 * last full stop). The other rules of narrow type are font-learning-latin.c's. */
#include "font-learning-private.h"
#include "glyph-shapes.h"

#include <math.h>

/* How much room, in ems, a letter keeps beside its ink. */
#define SIDE_BEARING_EMS 0.1f

/* Narrows @gap of @row to the ink in it, but for ink that runs on from a side where a glyph
 * of the row stands (@glyphs: its overhang); FALSE, and @gap left as it is, where it shows no
 * other ink, or only in the top or bottom quarter of the row (a descender of the line above,
 * in the indent of a paragraph's first line). The room Poppler leaves for the letters it
 * dropped may take in a word space beside them ("by [th]e" in justified type, a third of the
 * room blank), and letters shared out over all of it would stand on the space, their ink
 * outside their shares. */
static gboolean
trim_to_ink (const TextRow *row, RectoBox *gap, GapSides glyphs)
{
  /* From a pixel beyond each side with a glyph: ink running on from there is the glyph's. */
  float pixel = 1 / row->scale;
  RectoBox room = { gap->x1 - (glyphs & GAP_GLYPH_BEFORE ? pixel : 0), gap->y1,
                    gap->x2 + (glyphs & GAP_GLYPH_AFTER ? pixel : 0), gap->y2 };
  g_autoptr (RectoImage) slot = NULL;
  guint first, last, top, bottom;
  float origin;

  /* A turned row's image is drawn in its own frame, not the page's. */
  if (row->image == NULL || row->turn != 0
      || (slot = glyph_shape_crop (row->image, &row->area, row->scale, &room)) == NULL)
    return FALSE;
  origin = row->area.x1 + floor ((room.x1 - row->area.x1) * row->scale) / row->scale;
  if (glyphs & GAP_GLYPH_BEFORE)
    glyph_shape_clear_left_edge (slot);
  if (glyphs & GAP_GLYPH_AFTER)
    glyph_shape_clear_right_edge (slot);
  if (!glyph_shape_ink_columns (slot, &first, &last) || !glyph_shape_ink_rows (slot, &top, &bottom)
      || 4 * (bottom + 1) <= slot->height || 4 * top >= 3 * slot->height)
    return FALSE;
  /* The letters' side bearings stay theirs: a full stop's share no wider than its dot is too
   * narrow to be looked at (learning_is_blank()). */
  gap->x1 = MAX (gap->x1, origin + first / row->scale - SIDE_BEARING_EMS * text_row_em (row));
  gap->x2 = MIN (gap->x2, origin + (last + 1) / row->scale + SIDE_BEARING_EMS * text_row_em (row));
  return gap->x2 > gap->x1;
}

/* Whether OCR's box for @symbol reaches into @box. */
static gboolean
symbol_within (const OcrSymbol *symbol, const RectoBox *box)
{
  return symbol->x1 < box->x2 && symbol->x2 > box->x1;
}

/* Whether @symbol was read on @ink, the ink of @gap, or across an edge of the gap: a letter of
 * the gap that begins before it (its ink cleared from the gap with the neighbour's it
 * touches). */
static gboolean
symbol_on_ink (const OcrSymbol *symbol, const RectoBox *ink, const RectoBox *gap)
{
  return symbol_within (symbol, ink)
         || (symbol_within (symbol, gap) && (symbol->x1 < gap->x1 || symbol->x2 > gap->x2));
}

/* OCR's box for a symbol narrower than this share of an em (a pixel or so of its image, drawn
 * at em-pixels 32) is a sliver, no letter's: a full stop is twice as wide. */
#define SLIVER_EMS 0.05f

/* OCR's box for a letter or digit narrower than this share of an em is narrower than any
 * letter's ink with its serifs (OCR boxes an "i" a quarter of an em wide). */
#define LETTER_SLIVER_EMS 0.15f

/* Whether OCR's box for @symbol, in type of @em, says nothing of where it read it: a sliver,
 * or a letter boxed narrower than any letter (vol511-lost-body-text's "[pil]ot", its "p" boxed
 * 0.7 point wide beside the ink, came out "ilot"). */
static gboolean
boxed_nowhere (const OcrSymbol *symbol, float em)
{
  float width = symbol->x2 - symbol->x1;

  return width < SLIVER_EMS * em
         || (g_unichar_isalnum (symbol->c) && width < LETTER_SLIVER_EMS * em);
}

/* How far, in ems, one row's reading of a gap may end beyond another's and still lie within
 * it. */
#define SAME_END_EMS 0.1f

/* The letters already read and queued to go before glyph @before of @page on the line of @span
 * and reaching into it: their indices in the page's queue (learning_dropped_on()), left to
 * right, with the span they take (@from, @to). */
static GArray *
queued_in_gap (Learning *learning, guint page, guint before, const RectoBox *span, float *from,
               float *to)
{
  const GArray *queue = learning_dropped_on (learning, page);
  GArray *queued = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean reaches = FALSE;

  *from = G_MAXFLOAT, *to = -G_MAXFLOAT;
  for (guint i = 0; i < queue->len; i++)
    {
      const DroppedGlyph *glyph = &g_array_index (queue, DroppedGlyph, i);
      if (glyph->before != before || glyph->c == UNREAD_GLYPH || glyph->box.y1 >= span->y2
          || glyph->box.y2 <= span->y1)
        continue;
      g_array_append_val (queued, i);
      *from = MIN (*from, glyph->box.x1), *to = MAX (*to, glyph->box.x2);
      reaches |= glyph->box.x1 < span->x2 && glyph->box.x2 > span->x1;
    }
  if (!reaches)
    g_array_set_size (queued, 0);
  return queued;
}

/* The most letters the end of @a (@n_a symbols) and the start of @b (@n_b) share. */
static guint
shared_letters (const OcrSymbol *a, guint n_a, const OcrSymbol *b, guint n_b)
{
  for (guint k = MIN (n_a, n_b); k > 0; k--)
    {
      guint same = 0;
      while (same < k && a[n_a - k + same].c == b[same].c)
        same++;
      if (same == k)
        return k;
    }
  return 0;
}

/* Takes the glyphs @queued (indices, ascending) out of the queue of @page. */
static void
unqueue (Learning *learning, guint page, const GArray *queued)
{
  for (guint i = queued->len; i-- > 0;)
    g_array_remove_index (learning_dropped_on (learning, page), g_array_index (queued, guint, i));
}

/* Merges @letters (@n of them, read over @span) with a reading of the same gap queued before
 * glyph @before of @page: the gap of a line Poppler gave as two rows is read as a hole of one
 * and past the end of the other, each row's reading its own, the letters shared out
 * differently over it (vol511's "95,097 [appli]cations", read "ap" past a row's end, cut short
 * by its room, and "appli" in the hole, came out "appplications"). A reading that holds the
 * other and more letters takes its place; one within the other adds nothing (@n set to 0);
 * where they overlap and share letters there, the two become one reading over both spans,
 * which takes the other's place. Readings that share nothing are left to
 * learning_add_dropped(), which keeps one glyph at each place. */
static void
merge_with_queued (Learning *learning, guint page, guint before, OcrSymbol *letters, guint *n,
                   RectoBox *span, float slack)
{
  float from, to;
  g_autoptr (GArray) queued = queued_in_gap (learning, page, before, span, &from, &to);
  OcrSymbol other[NARROW_RUN_MAX];
  guint n_other = queued->len, k;

  if (n_other == 0 || n_other > NARROW_RUN_MAX)
    return;
  if (from >= span->x1 - slack && to <= span->x2 + slack && *n > n_other)
    {
      unqueue (learning, page, queued);
      return;
    }
  if ((from >= span->x1 - slack && to <= span->x2 + slack)
      || (span->x1 >= from - slack && span->x2 <= to + slack))
    {
      *n = 0;
      return;
    }
  for (guint i = 0; i < n_other; i++)
    {
      const DroppedGlyph *glyph = &g_array_index (learning_dropped_on (learning, page),
                                                  DroppedGlyph, g_array_index (queued, guint, i));
      other[i] = (OcrSymbol){ .c = glyph->c, .confidence = glyph->certainty };
    }
  if (span->x1 > from && (k = shared_letters (other, n_other, letters, *n)) > 0
      && n_other + *n - k <= NARROW_RUN_MAX)
    {
      /* The other's letters, then this reading's past those they share. */
      memmove (letters + n_other, letters + k, (*n - k) * sizeof (OcrSymbol));
      memcpy (letters, other, n_other * sizeof (OcrSymbol));
      *n += n_other - k;
      span->x1 = from, span->x2 = MAX (span->x2, to);
      unqueue (learning, page, queued);
    }
  else if (span->x1 < from && (k = shared_letters (letters, *n, other, n_other)) > 0
           && n_other + *n - k <= NARROW_RUN_MAX)
    {
      memcpy (letters + *n - k, other, n_other * sizeof (OcrSymbol));
      *n += n_other - k;
      span->x2 = to, span->x1 = MIN (span->x1, from);
      unqueue (learning, page, queued);
    }
}

/* Queues the @n symbols of @symbols at the indices @run, read in the gap @gap of a row of
 * narrow type (a glyph of the row at its sides @glyphs), as glyphs drawn without text before
 * glyph @before, each in its share of the gap's ink (trim_to_ink()): OCR places Latin letters
 * too loosely to say more. A symbol read off that ink, beside one read on it, is no glyph's: a
 * mark OCR sees in a wide word space of justified type ("rated :the"), the edge of the next
 * column read past the room a row's end leaves for its letters. Another row's reading of the
 * gap, queued already, is merged with this one (merge_with_queued()). */
void
learning_add_dropped_run (Learning *learning, const TextRow *row, const GArray *symbols,
                          const guint *run, guint n, const RectoBox *gap, GapSides glyphs,
                          guint before)
{
  RectoBox ink = *gap;
  gboolean trimmed = trim_to_ink (row, &ink, glyphs);
  OcrSymbol letters[NARROW_RUN_MAX];
  guint n_letters = 0, placed = 0;
  float width;

  for (guint k = 0; k < n && trimmed; k++)
    placed += symbol_on_ink (&g_array_index (symbols, OcrSymbol, run[k]), &ink, gap);
  /* With none on the ink, OCR placed the letters off it: each symbol is taken for one. A box
   * narrower than any letter says nothing of where OCR read it (vol511's "and [a]ll", its "a"
   * boxed a third of a point wide beside the ink): its symbol is taken too (boxed_nowhere()). */
  for (guint k = 0; k < n && n_letters < NARROW_RUN_MAX; k++)
    {
      const OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, run[k]);
      if (placed == 0 || symbol_on_ink (symbol, &ink, gap)
          || boxed_nowhere (symbol, text_row_em (row)))
        letters[n_letters++] = *symbol;
    }
  merge_with_queued (learning, row->page, before, letters, &n_letters, &ink,
                     SAME_END_EMS * text_row_em (row));
  if (n_letters == 0)
    return;
  width = (ink.x2 - ink.x1) / n_letters;
  for (guint k = 0; k < n_letters; k++)
    {
      RectoBox slot = { ink.x1 + k * width, ink.y1, ink.x1 + (k + 1) * width, ink.y2 };
      learning_add_dropped (learning, row, before, &letters[k], &slot, TRUE);
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
          learning_add_dropped_run (learning, row, symbols, run, n, &gap, GAP_GLYPH_AFTER,
                                    first_glyph);
        }
    }
  if (right - end >= NARROW_HOLE_EMS * em)
    {
      RectoBox gap = { end, last->box.y1, right, last->box.y2 };
      if ((n = learning_narrow_gap_symbols (symbols, taken, &gap, em, run)) > 0)
        {
          /* The letters take at most the room of as many of the row's glyphs, on average,
           * from where its ink begins (a word space may stand before them); they stand where
           * that room has ink (a full stop, narrow, at its left end). */
          float room = n * (last->box.x2 - first->box.x1) / items->len;
          RectoBox ink = { gap.x1, gap.y1, MIN (right, gap.x1 + room), gap.y2 };
          if (trim_to_ink (row, &ink, GAP_GLYPH_BEFORE))
            gap.x1 = ink.x1;
          gap.x2 = MIN (right, gap.x1 + room);
          learning_add_dropped_run (learning, row, symbols, run, n, &gap, GAP_GLYPH_BEFORE,
                                    after_glyph);
        }
    }
}
