/* font-learning-latin.c: the rules of font learning for narrow type (Latin, Cyrillic, Greek:
 * most letters half an em wide or less). In it a gap between glyphs may be a word space or a
 * letter Poppler dropped, and Poppler gives a space for glyphs whose codes read as white space:
 * only the ink and what OCR read where the glyph stands tell them apart. Dashes take their
 * kind from their width. */
#include "font-learning-private.h"
#include "glyph-shapes.h"

static int
compare_floats (gconstpointer a, gconstpointer b)
{
  float x = *(const float *) a, y = *(const float *) b;
  return (x > y) - (x < y);
}

/* Whether the unmapped glyphs of @row are narrow (Latin, Cyrillic, Greek type: most letters half
 * an em wide or less) rather than each an em wide (CJK type): their median width is under
 * NARROW_EMS of the row's em. */
gboolean
learning_row_is_narrow (Learning *learning, const TextRow *row)
{
  const RectoPage *page = recto_document_get_page (learning->doc, row->page);
  const gunichar *chars = (const gunichar *) page->chars->data;
  const RectoBox *boxes = (const RectoBox *) page->boxes->data;
  g_autoptr (GArray) widths = g_array_new (FALSE, FALSE, sizeof (float));

  for (guint k = 0; k < row->glyphs->len; k++)
    {
      guint i = g_array_index (row->glyphs, guint, k);
      if (chars[i] != ' '
          && font_survey_needs_reading (learning->surveys, learning_font_of (page, i), chars[i]))
        g_array_append_val (widths, ((float){ boxes[i].x2 - boxes[i].x1 }));
    }
  if (widths->len == 0)
    return FALSE;
  g_array_sort (widths, compare_floats);
  return g_array_index (widths, float, widths->len / 2) < NARROW_EMS * text_row_em (row);
}

/* The dash a bar @ems of an em wide is: an em dash (and 一's look-alike) fills its em; in
 * Latin type an en dash takes half an em, a hyphen a third (OCR reads all three as "-"). */
gunichar
learning_dash_of_width (float ems)
{
  return ems >= 0.8f ? 0x2014 /* — */ : ems >= 0.45f ? 0x2013 /* – */ : '-';
}

/* Whether a glyph at @box of @image (showing @area at @scale) is drawn with no ink: its box,
 * but for a tenth at each side (where a neighbour may overhang), is empty. Even a full-width
 * comma, small in the corner of its em, has ink there. A space Poppler gives (@space) may be
 * a sliver between words that a neighbour's overhang fills to a tenth of it: only its middle
 * half counts (a letter whose code reads as a space has ink there), and a sliver too narrow
 * to look at holds no glyph. */
gboolean
learning_is_blank (const RectoImage *image, const RectoBox *area, double scale, const RectoBox *box,
                   gboolean space)
{
  float inset = (box->x2 - box->x1) / (space ? 4 : 10);
  RectoBox middle = { box->x1 + inset, box->y1, box->x2 - inset, box->y2 };
  g_autoptr (RectoImage) slot = NULL;

  if (image == NULL)
    return FALSE;
  if (middle.x2 > middle.x1)
    slot = glyph_shape_crop (image, area, scale, &middle);
  if (slot == NULL)
    return space;
  return glyph_shape_ink_share (slot) < MIN_INK_SHARE / 10;
}

/* Takes the glyphs of @items drawn with no ink out of them: nothing OCR read is theirs. Counts
 * them for their codes, and notes which space glyphs are glyphs and which are spaces. */
void
learning_drop_blank_items (Learning *learning, const TextRow *row, GArray *items, gboolean narrow)
{
  for (guint i = items->len; i-- > 0;)
    {
      const RowItem *item = &g_array_index (items, RowItem, i);
      gboolean blank;
      if (item->kind != ITEM_CODE || row->image == NULL)
        continue;
      blank = learning_is_blank (row->image, &row->area, row->scale, &item->box,
                                 narrow && item->c == ' ');
      if (item->c == ' ')
        {
          SpaceGlyph *space = g_new0 (SpaceGlyph, 1);
          space->inked = !blank;
          g_hash_table_insert (learning->spaces, learning_glyph_key (row->page, item->glyph),
                               space);
          if (!blank)
            g_hash_table_add (learning->inked_space_fonts, (gpointer) item->font);
        }
      else if (blank)
        learning_votes_for (learning, item->font, item->c)->blank++;
      if (blank)
        g_array_remove_index (items, i);
    }
}

/* Keeps what OCR read on the space glyph @item drawn with ink (learning_drop_blank_items()): the
 * symbol aligned with it (@aligned, or -1) and the ones no item took that stand on it, left to
 * right. Only symbols that stand on the glyph: a neighbour's reading, aligned with it when OCR
 * missed the glyph, would double a letter. */
void
learning_read_space_glyph (Learning *learning, const TextRow *row, const RowItem *item,
                           const GArray *symbols, int aligned, gboolean *taken, float em,
                           gboolean narrow)
{
  gint64 key = ((gint64) row->page << 32) | item->glyph;
  SpaceGlyph *space = g_hash_table_lookup (learning->spaces, &key);

  if (space == NULL || !space->inked)
    return;
  space->confidence = 1;
  for (guint j = 0; j < symbols->len && space->n < SPACE_MAX_READINGS; j++)
    {
      const OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, j);
      float middle = row_alignment_symbol_middle (symbol, em);
      /* In narrow type OCR places a letter loosely: the one aligned with the glyph is its. */
      if (!(narrow && (int) j == aligned)
          && (taken[j] || middle < item->box.x1 - 0.25f * em || middle > item->box.x2 + 0.25f * em))
        continue;
      taken[j] = TRUE;
      space->c[space->n++] = symbol->c;
      space->confidence = MIN (space->confidence, symbol->confidence);
    }
}

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

/* Reads the letters Poppler dropped at the ends of a row of narrow type: the symbols no item
 * took between the row's first glyph and its column's left edge, and between its last glyph
 * and the right edge. */
void
learning_collect_narrow_edges (Learning *learning, const TextRow *row, const GArray *items,
                               const GArray *symbols, gboolean *taken, float em)
{
  const RowItem *first = &g_array_index (items, RowItem, 0);
  const RowItem *last = &g_array_index (items, RowItem, items->len - 1);
  guint run[NARROW_RUN_MAX], n;
  float left, right;

  text_rows_column_edges (learning->rows, row, &left, &right);
  if (first->box.x1 - left >= NARROW_HOLE_EMS * em)
    {
      RectoBox gap = { left, first->box.y1, first->box.x1, first->box.y2 };
      if ((n = learning_narrow_gap_symbols (symbols, taken, &gap, em, run)) > 0)
        {
          gap.x1 = MAX (left, gap.x2 - n * (last->box.x2 - first->box.x1) / items->len);
          learning_add_dropped_run (learning, row, symbols, run, n, &gap, first->glyph);
        }
    }
  if (right - last->box.x2 >= NARROW_HOLE_EMS * em)
    {
      RectoBox gap = { last->box.x2, last->box.y1, right, last->box.y2 };
      if ((n = learning_narrow_gap_symbols (symbols, taken, &gap, em, run)) > 0)
        {
          /* The letters take their widths from the row's: as wide as its glyphs on average. */
          gap.x2 = MIN (right, gap.x1 + n * (last->box.x2 - first->box.x1) / items->len);
          learning_add_dropped_run (learning, row, symbols, run, n, &gap, last->glyph + 1);
        }
    }
}

/* Decodes space glyph @i of @page if it is drawn with ink and OCR read a symbol on it: a glyph
 * whose code reads as white space, read where it stands (learning_drop_blank_items()). A space
 * between words is left alone, and so is one with no symbol on it (a neighbour's ink in its box).
 */
void
learning_decode_space (Learning *learning, RectoPage *page, guint i, RectoFontCheck *check)
{
  gint64 key = ((gint64) page->index << 32) | i;
  const SpaceGlyph *space = g_hash_table_lookup (learning->spaces, &key);

  if (space == NULL || !space->inked || space->n == 0)
    return;
  if (space->confidence >= learning->options->min_certainty)
    {
      RectoBox *box = &g_array_index (page->boxes, RectoBox, i);
      float width = (box->x2 - box->x1) / space->n;
      /* The glyph takes the first reading; the others become glyphs after it, each in its
       * share of the box (inserted with the glyphs drawn without text). */
      for (guint k = space->n; k-- > 1;)
        {
          DroppedGlyph dropped = { page->index,
                                   i + 1,
                                   space->c[k],
                                   { box->x1 + k * width, box->y1, box->x1 + (k + 1) * width,
                                     box->y2 },
                                   space->confidence };
          g_array_append_val (learning->dropped, dropped);
        }
      box->x2 = box->x1 + width;
      g_array_index (page->chars, gunichar, i) = space->c[0];
      recto_page_mark_recovered (learning->doc, page, i, ' ', space->confidence);
      check->reread++;
    }
  else
    {
      /* Not a space: a glyph whose character is not known (the sink writes a gap). */
      g_array_index (page->chars, gunichar, i) = 0xFFFD;
      recto_page_mark_recovered (learning->doc, page, i, ' ', 0);
      check->unasserted++;
    }
}
