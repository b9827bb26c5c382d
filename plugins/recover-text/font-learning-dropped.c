/* font-learning-dropped.c: the glyphs a source drew without text (see font-learning.h), read by
 * OCR in the holes they leave in a row and beyond its ends, kept once each and inserted into
 * their pages. */
#include "font-learning-private.h"
#include "glyph-shapes.h"

#include <stdlib.h>

gboolean
learning_uncovered_part (const RectoPage *page, const RectoBox *box, RectoBox *part)
{
  const RectoBox *boxes = (const RectoBox *) page->boxes->data;
  const gunichar *chars = (const gunichar *) page->chars->data;
  float x = (box->x1 + box->x2) / 2, y = (box->y1 + box->y2) / 2;
  float above = box->y1, below = box->y2; /* the uncovered part: from the foot of the glyphs
                                            * over its top edge to the head of those under its
                                            * bottom edge */

  for (guint i = 0; i < page->chars->len; i++)
    {
      if (chars[i] == ' ' || x <= boxes[i].x1 || x >= boxes[i].x2)
        continue;
      if (y > boxes[i].y1 && y < boxes[i].y2)
        return FALSE;
      if (boxes[i].y1 <= box->y1 && boxes[i].y2 > box->y1)
        above = MAX (above, boxes[i].y2);
      if (boxes[i].y2 >= box->y2 && boxes[i].y1 < box->y2)
        below = MIN (below, boxes[i].y1);
    }
  *part = (RectoBox) { box->x1, above, box->x2, below };
  return 2 * (below - above) > box->y2 - box->y1;
}

gboolean
learning_shows_other_glyphs (const RectoPage *page, const RectoBox *box)
{
  RectoBox part;

  return !learning_uncovered_part (page, box, &part);
}

/* The part of the row's image under @box, or NULL. */
static RectoImage *
row_slot (const TextRow *row, const RectoBox *box)
{
  return row->image != NULL ? glyph_shape_crop (row->image, &row->area, row->scale, box) : NULL;
}

/* Whether the row's image shows ink in @box: a glyph drawn without text is drawn; a gutter
 * between columns, which a row may span, is empty however OCR reads it. In CJK type (not
 * @narrow), where a glyph fills an em, the ink of a box wider than an em is measured in the em
 * it would fill: a line spaced out leaves holes an em and a half wide for the "、" Poppler
 * dropped from it, whose ink is 1 % of an em. In narrow type such a box is a word space or an
 * indent, whose specks are no glyph's (measured so, an English paragraph's indent gave "本"). */
static gboolean
has_ink (const TextRow *row, const RectoBox *box, gboolean narrow)
{
  g_autoptr (RectoImage) slot = row_slot (row, box);
  float ems = narrow ? 1 : MAX ((box->x2 - box->x1) / text_row_em (row), 1.0f);

  return slot != NULL && glyph_shape_ink_share (slot) * ems >= MIN_INK_SHARE;
}

/* Whether the row's image shows a letter's ink in @box: ink, and no rule crossing the row. */
static gboolean
has_letter_ink (const TextRow *row, const RectoBox *box)
{
  g_autoptr (RectoImage) slot = row_slot (row, box);
  return slot != NULL && glyph_shape_ink_share (slot) >= MIN_INK_SHARE
         && !glyph_shape_has_rule (slot);
}

/* Whether column @x of @image is inked from row @from to row @to (both kept), but for a
 * twentieth of them. */
static gboolean
inked_through (const RectoImage *image, guint x, guint from, guint to)
{
  guint inked = 0;

  for (guint y = from; y <= to; y++)
    inked += image->pixels[y * image->stride + x] < GLYPH_SHAPE_INK;
  return inked >= (to - from + 1) - (to - from + 1) / 20;
}

gboolean
learning_crosses_a_rule (const TextRow *row, const RectoBox *box)
{
  RectoBox band = { box->x1, row->area.y1, box->x2, row->area.y2 };
  g_autoptr (RectoImage) slot = glyph_shape_crop (row->image, &row->area, row->scale, &band);
  guint top, bottom;

  if (slot == NULL || slot->height == 0)
    return FALSE;
  /* The row's glyphs' height within the image. */
  top = (guint) MAX (0, (row->box.y1 - row->area.y1) * row->scale);
  bottom = MIN (slot->height - 1, (guint) MAX (0, (row->box.y2 - row->area.y1) * row->scale));
  for (guint x = 0; x < slot->width; x++)
    if (top < bottom && inked_through (slot, x, top, bottom)
        && (inked_through (slot, x, 0, top) || inked_through (slot, x, bottom, slot->height - 1)))
      return TRUE;
  return FALSE;
}

/* The unmapped font of glyph @before of @page or of the glyph before it: the font a glyph drawn
 * without text there belongs to. NULL when neither is unmapped. */
static const char *
unmapped_font_near (Learning *learning, guint page, guint before)
{
  const RectoPage *source = recto_document_get_page (learning->doc, page);

  for (guint i = before + 1; i-- > before - MIN (before, 1);)
    if (i < source->chars->len
        && font_survey_is_unmapped (learning->surveys, learning_font_of (source, i)))
      return learning_font_of (source, i);
  return NULL;
}

GPtrArray *
learning_dropped_new (guint n_pages)
{
  GPtrArray *queues = g_ptr_array_new_full (n_pages, (GDestroyNotify) g_array_unref);

  for (guint p = 0; p < n_pages; p++)
    g_ptr_array_add (queues, g_array_new (FALSE, FALSE, sizeof (DroppedGlyph)));
  return queues;
}

GArray *
learning_dropped_on (Learning *learning, guint page)
{
  return g_ptr_array_index (learning->dropped, page);
}

/* Whether a glyph drawn without text is already queued at the middle of @box (read twice: a
 * hole of its row, and again past the end of another row). */
static gboolean
already_dropped (Learning *learning, guint page, const RectoBox *box)
{
  const GArray *queue = learning_dropped_on (learning, page);
  float x = (box->x1 + box->x2) / 2, y = (box->y1 + box->y2) / 2;

  for (guint i = 0; i < queue->len; i++)
    {
      const DroppedGlyph *other = &g_array_index (queue, DroppedGlyph, i);
      if (x > other->box.x1 && x < other->box.x2 && y > other->box.y1 && y < other->box.y2)
        return TRUE;
    }
  return FALSE;
}

/* The mark of CJK type a glyph in @box of @row that OCR read as "." or "," is: "。" or "、" where
 * its shape says so (glyph-shapes.h), else UNREAD_GLYPH: OCR reads "。", "．", "、" and "，"
 * so, whichever it is (a "、" that vol313-lost-body-text dropped, read "."). */
static gunichar
cjk_point (const TextRow *row, const RectoBox *box)
{
  g_autoptr (RectoImage) glyph = row_slot (row, box);

  if (glyph != NULL && glyph_shape_is_full_stop (glyph))
    return 0x3002;
  if (glyph != NULL && glyph_shape_is_enumeration_comma (glyph))
    return 0x3001;
  return UNREAD_GLYPH;
}

/* How many ems of its row either side of a glyph's ink are read with it again. */
#define AGAIN_CONTEXT_EMS 2.0f

/* Reads the ink at @ink of @row (@em) again with AGAIN_CONTEXT_EMS of the row either side;
 * sets *@on_ink to the one symbol that stands on it, and returns whether one did. */
static gboolean
read_with_neighbours (Learning *learning, const TextRow *row, const RectoBox *ink, float em,
                      OcrSymbol *on_ink)
{
  RectoBox box = { ink->x1 - AGAIN_CONTEXT_EMS * em, row->box.y1 - em / 4,
                   ink->x2 + AGAIN_CONTEXT_EMS * em, row->box.y2 + em / 4 };
  g_autoptr (GArray) again = NULL;
  gboolean found = FALSE;

  if (row->image == NULL
      || (again = ocr_pool_read_line (learning->pool, 0, row->image, &row->area, row->scale, &box,
                                      OCR_LINE, FALSE))
             == NULL)
    return FALSE;
  for (guint j = 0; j < again->len; j++)
    {
      const OcrSymbol *symbol = &g_array_index (again, OcrSymbol, j);
      float middle = (symbol->x1 + symbol->x2) / 2;
      if (symbol->c == 0 || g_unichar_isspace (symbol->c) || middle <= ink->x1 || middle >= ink->x2)
        continue;
      if (found)
        return FALSE;
      *on_ink = *symbol, found = TRUE;
    }
  return found;
}

gboolean
learning_read_capital_again (Learning *learning, const TextRow *row, const RectoBox *ink, float em,
                             gunichar *c, float *confidence)
{
  OcrSymbol on_ink;

  if (*c >= 0x80 || !g_unichar_isupper (*c)
      || !read_with_neighbours (learning, row, ink, em, &on_ink) || on_ink.c >= 0x80
      || !g_unichar_islower (on_ink.c))
    return FALSE;
  *c = on_ink.c, *confidence = on_ink.confidence;
  return TRUE;
}

/* The character of a glyph of CJK type drawn without text at @box of @row, which the row's
 * reading gave as narrow, not a point (@symbol): the one symbol standing on its ink read again
 * with its neighbours (AGAIN_CONTEXT_EMS), where that is a character East Asian type sets an em
 * wide (an ideograph, a full-width mark, a quotation mark), else the mark of CJK type its shape
 * says it is, else 0. Such a glyph fills an em, as the font's others; the row's reading gave
 * vol313-lost-body-text's "、" of "代表提、政府办" as "B", another as "D". A narrow reading
 * neither look confirms is no glyph's (OCR's look at a neighbour, or at noise in a figure). */
static gunichar
wide_reading (Learning *learning, const TextRow *row, const RectoBox *box, OcrSymbol *symbol)
{
  float em = text_row_em (row);
  OcrSymbol on_ink;
  gunichar c;

  if (read_with_neighbours (learning, row, box, em, &on_ink))
    {
      c = on_ink.c == '.' || on_ink.c == ',' ? cjk_point (row, box)
                                             : learning_fit_width (on_ink.c, box, em, FALSE);
      /* UNREAD_GLYPH is wide by Unicode's count; here it means the shape showed no point. */
      if (c != UNREAD_GLYPH && g_unichar_iswide_cjk (c))
        {
          symbol->confidence = on_ink.confidence;
          return c;
        }
    }
  c = cjk_point (row, box);
  return c != UNREAD_GLYPH ? c : 0;
}

/* learning_add_unread() for a hole whose box is known to show no other glyph's. */
static void
queue_unread (Learning *learning, const TextRow *row, guint before, const RectoBox *box)
{
  DroppedGlyph dropped = { before, UNREAD_GLYPH, *box, 0, NULL };

  if (box->x2 - box->x1 > text_row_em (row) || !has_letter_ink (row, box)
      || learning_is_blank (row->image, &row->area, row->scale, box, TRUE)
      || already_dropped (learning, row->page, box))
    return;
  g_array_append_val (learning_dropped_on (learning, row->page), dropped);
}

/* Queues a glyph drawn without text at @box of @row, read as @symbol, to go before glyph
 * @before. */
void
learning_add_dropped (Learning *learning, const TextRow *row, guint before, const OcrSymbol *symbol,
                      const RectoBox *box, gboolean narrow)
{
  guint page = row->page;
  OcrSymbol again = *symbol;
  RectoBox own;

  /* A turned row's holes are left as they are; the other refusals here do not depend on the
   * reading, so they come before a glyph is read again. */
  if (row->turn != 0 || !has_ink (row, box, narrow) || learning_crosses_a_rule (row, box)
      /* A letter has ink in the middle of its share of a gap; a wide word space of justified
       * text has none there, only its neighbours' edges. */
      || (narrow && learning_is_blank (row->image, &row->area, row->scale, box, TRUE))
      || !learning_uncovered_part (recto_document_get_page (learning->doc, page), box, &own))
    return;
  /* A reading is taken only from ink no other glyph's box covers: where lines are set close,
   * the descenders of the line above reach into the box (vol511-lost-body-text's paragraph
   * indents, read "~" and "\""). Ink under other boxes alone may still be a glyph's (Type 3
   * fonts box their glyphs taller than the lines' pitch): it is no reading, but a hole that
   * shows a letter's ink is marked unread (learning_add_unread()). */
  if (!has_ink (row, &own, narrow)
      || (narrow && learning_is_blank (row->image, &row->area, row->scale, &own, TRUE)))
    {
      queue_unread (learning, row, before, box);
      return;
    }
  if (narrow
      && learning_read_capital_again (learning, row, box, text_row_em (row), &again.c,
                                      &again.confidence))
    symbol = &again;

  /* OCR reads the full-width punctuation of CJK type as ASCII ("：" as ":"); a "." or "," is
   * the mark its shape says, or a gap (cjk_point()). */
  gboolean point = symbol->c == '.' || symbol->c == ',';
  gunichar c = point ? (narrow ? symbol->c : cjk_point (row, box))
                     : learning_fit_width (symbol->c, box, text_row_em (row), narrow);
  /* In narrow type a letter is narrower than an em: a wide reading of its ink is OCR's guess
   * at another script (vol612-lost-body-text's "[fr]amework", read "位"). */
  if (narrow && g_unichar_iswide (c) && box->x2 - box->x1 < 0.9f * text_row_em (row))
    {
      queue_unread (learning, row, before, box);
      return;
    }
  /* In CJK type the glyph fills an em, as the font's other glyphs. */
  if (!narrow && !point && !g_unichar_iswide (c))
    {
      if ((c = wide_reading (learning, row, box, &again)) == 0)
        return;
      symbol = &again;
    }
  DroppedGlyph dropped = { before, c, *box, c == UNREAD_GLYPH ? 0 : symbol->confidence,
                           unmapped_font_near (learning, page, before) };

  if (symbol->confidence < MAX (MIN_DROPPED_CONFIDENCE, learning->options->min_certainty))
    return;
  if (!already_dropped (learning, page, box))
    g_array_append_val (learning_dropped_on (learning, page), dropped);
}

/* @c in its half-width form, where it has one among the full-width forms of ASCII. */
static gunichar
half_width (gunichar c)
{
  return c >= 0xFF01 && c <= 0xFF5E ? c - 0xFEE0 : c;
}

gboolean
learning_symbol_doubled (const GArray *symbols, const gboolean *taken, guint j)
{
  const OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, j);

  for (guint k = 0; k < symbols->len; k++)
    {
      const OcrSymbol *other = &g_array_index (symbols, OcrSymbol, k);
      float overlap = MIN (symbol->x2, other->x2) - MAX (symbol->x1, other->x1),
            narrower = MIN (symbol->x2 - symbol->x1, other->x2 - other->x1),
            wider = MAX (symbol->x2 - symbol->x1, other->x2 - other->x1);
      if (k != j && !taken[k] && other->c != 0 && half_width (other->c) != half_width (symbol->c)
          && !g_unichar_isspace (other->c) && overlap > 0.5f * narrower && wider <= 2 * narrower)
        return TRUE;
    }
  return FALSE;
}

/* Queues a glyph drawn without text at @box of @row, a hole of narrow type that shows a letter's
 * ink but that OCR gave no symbol (the row's symbols slid against its glyphs, and a neighbour
 * took this one's): a gap, never a space, so that no glyph of the page is lost unmarked. A
 * table's rule crossing the row is ink but no glyph; a hole wider than a letter's em may be
 * the gutter between two columns a row runs across, ink of the next column's first letters at
 * its end. */
void
learning_add_unread (Learning *learning, const TextRow *row, guint before, const RectoBox *box)
{
  if (!learning_shows_other_glyphs (recto_document_get_page (learning->doc, row->page), box))
    queue_unread (learning, row, before, box);
}

/* Whether OCR's reading of a row, @symbols before the @n-th, leaves a parenthesis open. */
static gboolean
leaves_open (const GArray *symbols, guint n)
{
  int depth = 0;

  for (guint j = 0; j < n; j++)
    {
      gunichar c = g_array_index (symbols, OcrSymbol, j).c;
      depth += c == '(' || c == 0xFF08 /* （ */;
      depth -= depth > 0 && (c == ')' || c == 0xFF09 /* ） */);
    }
  return depth > 0;
}

/* Queues the half-width ")" OCR read just past the last glyph of @row, a row of CJK type, where
 * the source drew it without text (csrc's "采矿业(B)", the ")" of a code that reads as white
 * space, which Poppler drops at the line's end), in the half em after @edge (or up to @offset
 * further, where OCR sets its symbols so far right, symbol_offset()); returns the edge past it.
 * Half an em wide, it may stand past the column's edge where the row is its column's widest,
 * and the wide "）" the font's map may give another code is not this glyph. Taken only where
 * the row's reading leaves a parenthesis open. */
static float
collect_closing_parenthesis (Learning *learning, const TextRow *row, const RowItem *last,
                             const GArray *symbols, const gboolean *taken, float edge, float em,
                             float offset)
{
  for (guint j = 0; j < symbols->len; j++)
    {
      const OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, j);
      float middle = row_alignment_symbol_middle (symbol, em);
      RectoBox slot = { edge, last->box.y1, edge + em / 2, last->box.y2 };
      if (taken[j] || middle < edge)
        continue;
      if (symbol->c != ')' || middle - MAX (offset, 0) > slot.x2 || !leaves_open (symbols, j)
          || learning_symbol_doubled (symbols, taken, j))
        break;
      /* narrow: a glyph of half an em, not a CJK one filling its em */
      learning_add_dropped (learning, row, last->glyph + 1, symbol, &slot, TRUE);
      return already_dropped (learning, row->page, &slot) ? slot.x2 : edge;
    }
  return edge;
}

/* How many of a row's glyphs nearest an end measure where OCR sets its symbols there. */
#define OFFSET_GLYPHS 5
/* A symbol wider than this many ems is not one glyph of CJK type: OCR set its box over two (the
 * 委会 of a dropped 常委会), or read a drawn line (cookbook__1's arrow after a figure's
 * "目标代价网络", read "一" 2.2 ems wide). */
#define MAX_GLYPH_EMS 1.5f

/* How far right of their glyphs OCR set the symbols it read for the glyphs of @items (RowItem)
 * nearest the row's end (@at_end) or start: the median over up to OFFSET_GLYPHS glyphs that
 * took one symbol each (@pairs, @counts: the alignment) about as wide as a glyph of CJK type
 * (half an em of @em to one and a half: OCR gives some symbols a box of a sliver, or of two
 * glyphs), at most half an em either way. OCR's boxes stand off the glyphs by a few points, by
 * as much along a row (Putuo's "作" 4 points right of its glyph, and the "部" Poppler dropped
 * after it, read 13 points past the row's end, beyond the em where it stands). */
static float
symbol_offset (const GArray *items, const GArray *symbols, const int *pairs, const guint *counts,
               float em, gboolean at_end)
{
  float offsets[OFFSET_GLYPHS];
  guint n = 0;

  for (guint k = 0; k < items->len && n < OFFSET_GLYPHS; k++)
    {
      guint i = at_end ? items->len - 1 - k : k;
      const RowItem *item = &g_array_index (items, RowItem, i);
      const OcrSymbol *symbol;
      if (counts[i] != 1 || pairs[i] < 0)
        continue;
      symbol = &g_array_index (symbols, OcrSymbol, pairs[i]);
      if (symbol->x2 - symbol->x1 < em / 2 || symbol->x2 - symbol->x1 > MAX_GLYPH_EMS * em)
        continue;
      offsets[n++] = row_alignment_symbol_middle (symbol, em) - (item->box.x1 + item->box.x2) / 2;
    }
  if (n == 0)
    return 0;
  qsort (offsets, n, sizeof (float), learning_compare_floats);
  return CLAMP (offsets[n / 2], -em / 2, em / 2);
}

/* How much further than its em a symbol past a row's end may stand, OCR setting the row's
 * symbols @offset off their glyphs: as much, for a symbol of a glyph's width; none for one too
 * wide for a glyph (MAX_GLYPH_EMS), which stands where it always did (the arrow it let in was
 * written "一"; breaking off there lost the 委会 OCR read as one). */
static float
reach (const OcrSymbol *symbol, float offset, float em)
{
  return symbol->x2 - symbol->x1 <= MAX_GLYPH_EMS * em ? offset : 0;
}

/* Whether symbol @j of @symbols comes in OCR's order after (@step 1) or before (-1) symbol @end,
 * the reading of the row's last (first) glyph, and is another character: not a second reading
 * of that glyph. */
static gboolean
read_past (const GArray *symbols, guint j, int end, int step)
{
  return end >= 0 && ((int) j - end) * step > 0
         && g_array_index (symbols, OcrSymbol, j).c != g_array_index (symbols, OcrSymbol, end).c;
}

/* Queues symbol @j of @symbols as the glyph drawn without text in @slot of @row, before glyph
 * @before: a gap where it is a second reading of ink another symbol read. */
static void
add_at_end (Learning *learning, const TextRow *row, guint before, const GArray *symbols,
            const gboolean *taken, guint j, const RectoBox *slot)
{
  if (learning_symbol_doubled (symbols, taken, j))
    learning_add_unread (learning, row, before, slot);
  else
    learning_add_dropped (learning, row, before, &g_array_index (symbols, OcrSymbol, j), slot,
                          FALSE);
}

/* The glyphs drawn without text at one end of @row: past it (@step 1) from @edge, the end of its
 * last glyph @end, to the column's edge @limit, or before it (-1) from @edge, the start of its
 * first, back to @limit; @end_read is the symbol @end took (-1: none), @offset how far OCR set
 * the symbols of the row's glyphs off them (symbol_offset()). As learning_collect_edges() reads
 * them. */
static void
collect_end (Learning *learning, const TextRow *row, const RowItem *end, guint before,
             const GArray *symbols, const gboolean *taken, int end_read, float edge, float limit,
             float offset, float em, int step)
{
  g_autofree guint *beyond = g_new (guint, symbols->len + 1);
  guint n = 0, room = (guint) MAX (0.0f, (limit - edge) * step / em + 0.3f);
  gboolean placed = FALSE; /* a symbol went to an em at this end */
  gboolean in_order = TRUE;

  /* OCR's order, outwards from the row: as many symbols read beyond its end glyph's as there
   * are ems of room, each of a glyph's width and within that room, take them in that order. */
  for (int j = end_read + step; end_read >= 0 && j >= 0 && j < (int) symbols->len; j += step)
    {
      const OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, j);
      float middle = row_alignment_symbol_middle (symbol, em);
      if (taken[j] || (limit - middle) * step < -0.3f * em)
        continue;
      /* Not a run of glyphs, none is taken so: a symbol too wide for a glyph, or standing past
       * the room, or reading as the end glyph does (a second reading of it). */
      in_order &= symbol->x2 - symbol->x1 <= MAX_GLYPH_EMS * em && (middle - edge) * step <= room * em
                  && symbol->c != g_array_index (symbols, OcrSymbol, end_read).c;
      beyond[n++] = (guint) j;
    }
  if (in_order && n > 0 && n == room)
    {
      for (guint t = 0; t < n; t++, edge += step * em)
        {
          RectoBox slot = { MIN (edge, edge + step * em), end->box.y1, MAX (edge, edge + step * em),
                            end->box.y2 };
          add_at_end (learning, row, before, symbols, taken, beyond[t], &slot);
        }
      return;
    }
  for (int j = step > 0 ? 0 : (int) symbols->len - 1;
       j >= 0 && j < (int) symbols->len && (limit - edge) * step + 0.3f * em >= em; j += step)
    {
      const OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, j);
      float middle = row_alignment_symbol_middle (symbol, em);
      float out = reach (symbol, step > 0 ? MAX (offset, 0) : MIN (offset, 0), em);
      RectoBox slot = { MIN (edge, edge + step * em), end->box.y1, MAX (edge, edge + step * em),
                        end->box.y2 };
      if (taken[j] || ((middle - edge) * step < 0 && !placed && !read_past (symbols, j, end_read, step)))
        continue;
      if ((middle - out - edge) * step > em)
        break;
      add_at_end (learning, row, before, symbols, taken, j, &slot);
      edge += step * em;
      placed = TRUE;
    }
}

/* Symbols OCR read beyond the row's first or last glyph, one em after another within the
 * row's column, that no glyph took: glyphs drawn without text at the row's ends. Their boxes
 * are the ems they stand in (OCR's boxes are loose). A symbol belongs to an em where its middle
 * is in it, or beyond it by no more than OCR sets the symbols of the glyphs at that end off
 * them (symbol_offset(), reach()): a "、" whose ink keeps to its em's near side must not be
 * moved out. But OCR's boxes drift by as much as an em, its reading order does not: where it
 * read as many symbols beyond the row's end glyph's, in the column, as there are ems of room,
 * they take them in that order (vol212's "即2名常委会", 常委 dropped at a line's start, 委 boxed
 * half a point wide at 常's end); a symbol read before the one the row's first glyph took
 * (after the one its last took) stands before it (after it) whatever its box says (its "列席常
 * 委会会议": the second 会 boxed over 议); and once one is taken, the next in OCR's order goes
 * to the next em though its box drifted back over the em just filled (its "常委会围绕": 围 boxed
 * within 绕's em). */
void
learning_collect_edges (Learning *learning, const TextRow *row, const GArray *items,
                        const GArray *symbols, const int *pairs, const guint *counts, float em)
{
  g_autofree gboolean *taken = g_new0 (gboolean, symbols->len + 1);
  const RowItem *first, *last;
  float edge, left, right, offset;
  int first_read, last_read; /* the first and last symbols the row's end glyphs took, or -1 */

  if (items->len == 0)
    return;
  first = &g_array_index (items, RowItem, 0);
  last = &g_array_index (items, RowItem, items->len - 1);
  first_read = counts[0] > 0 ? pairs[0] : -1;
  last_read = counts[items->len - 1] > 0 ? pairs[items->len - 1] + (int) counts[items->len - 1] - 1
                                         : -1;
  for (guint i = 0; i < items->len; i++)
    for (guint k = 0; k < counts[i]; k++)
      taken[pairs[i] + k] = TRUE;
  text_rows_column_edges (learning->rows, row, &left, &right);
  offset = symbol_offset (items, symbols, pairs, counts, em, TRUE);
  edge = collect_closing_parenthesis (learning, row, last, symbols, taken, last->box.x2, em,
                                      offset);
  collect_end (learning, row, last, last->glyph + 1, symbols, taken, last_read, edge, right, offset,
               em, 1);
  collect_end (learning, row, first, first->glyph, symbols, taken, first_read, first->box.x1, left,
               symbol_offset (items, symbols, pairs, counts, em, FALSE), em, -1);
}

static int
compare_dropped (gconstpointer a, gconstpointer b)
{
  const DroppedGlyph *x = a, *y = b;
  if (x->before != y->before)
    return (x->before < y->before) - (x->before > y->before);
  return (x->box.x1 < y->box.x1) - (x->box.x1 > y->box.x1);
}

/* Whether the map learned for @font gives @c to one of its codes (learning_held_elsewhere():
 * HELD_CERTAINTY sure, read twice or more). A font (a subset) draws a character with one glyph, of one code: a glyph drawn
 * without text, whose code reads as white space, is not one the map gives; OCR read it as its
 * neighbour, or misread it. */
static gboolean
map_gives (RectoDocument *doc, const char *font, gunichar c)
{
  for (guint m = 0; m < recto_document_get_n_font_maps (doc); m++)
    {
      const RectoFontMap *map = recto_document_get_font_map (doc, m);
      if (map->font == font && map->encoding == NULL
          && learning_held_elsewhere (map->mappings, G_MAXUINT, c, HELD_CERTAINTY, 2))
        return TRUE;
    }
  return FALSE;
}

/* Inserts the dropped glyphs, from the end of each page backwards so that the glyph indices
 * still to use do not move, and the holes before one glyph right to left. One read as a
 * character its font's map gives another code is a glyph all the same (its ink was seen), but
 * not that character: a gap (vol212's 常 of "代表常态化", read 和 where OCR's boxes drifted by an
 * em, was lost without a mark). */
void
learning_insert_dropped (Learning *learning, FontLearningReport *report)
{
  for (guint p = 0; p < learning->dropped->len; p++)
    {
      GArray *queue = learning_dropped_on (learning, p);
      RectoPage *page = recto_document_get_page (learning->doc, p);
      g_array_sort (queue, compare_dropped);
      for (guint i = 0; i < queue->len; i++)
        {
          const DroppedGlyph *dropped = &g_array_index (queue, DroppedGlyph, i);
          gboolean misread =
              dropped->font != NULL && map_gives (learning->doc, dropped->font, dropped->c);
          recto_page_insert_recovered (learning->doc, page, dropped->before,
                                       misread ? UNREAD_GLYPH : dropped->c, &dropped->box,
                                       misread ? 0 : dropped->certainty);
          report->inserted++;
          if (misread || dropped->c == UNREAD_GLYPH)
            report->unread++;
        }
    }
}
