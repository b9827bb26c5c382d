/* font-learning-votes.c: gives each unmapped code of a row read by OCR the vote of the symbol
 * aligned with its glyph (see font-learning.h), and hands what OCR read where no glyph stands to
 * font-learning-dropped.c. */
#include "font-learning-private.h"
#include "glyph-shapes.h"

/* How often the glyph of a code read as a bar is looked at, at most, to tell its dash. */
#define MAX_SHAPE_LOOKS 8

static void
vote (CodeVotes *votes, gunichar c, float weight)
{
  votes->readings++;
  for (guint i = 0; i < votes->candidates->len; i++)
    {
      Candidate *candidate = &g_array_index (votes->candidates, Candidate, i);
      if (candidate->c == c)
        {
          candidate->count++;
          candidate->weight += weight;
          return;
        }
    }
  g_array_append_val (votes->candidates, ((Candidate){ c, 1, weight }));
}

/* Looks at the shape of a code's glyph (glyph-shapes.h), in the image its row was read
 * from: a dash, a circled number, □ or √, which OCR misreads. */
static void
look_at_shape (Learning *learning, const TextRow *row, const RowItem *item, CodeVotes *votes)
{
  const RectoBox *box = &item->box;
  gboolean cells = learning_font_has_cells (learning, item->font);
  g_autoptr (RectoImage) glyph = NULL;

  votes->shape_looks++;
  if (row->image == NULL)
    return;
  glyph = glyph_shape_crop (row->image, &row->area, row->scale, box);
  if (glyph == NULL)
    return;
  if (glyph_shape_is_dash (glyph))
    votes->dash = learning_dash_of_width ((box->x2 - box->x1) / text_row_em (row), cells);
  else
    votes->wave = glyph_shape_is_wave (glyph);
  /* In CJK type, a form's choices, □ and √ (GB 2312 has no ✓), and "。" and "、". */
  if (!votes->dash && cells && glyph_shape_is_box (glyph))
    votes->sign = 0x25A1;
  else if (!votes->dash && cells && glyph_shape_is_check (glyph))
    votes->sign = 0x221A;
  else if (!votes->dash && cells && glyph_shape_is_full_stop (glyph))
    votes->sign = 0x3002;
  else if (!votes->dash && cells && glyph_shape_is_enumeration_comma (glyph))
    votes->sign = 0x3001;
  else if (!votes->dash && glyph_shape_open_ring (glyph))
    votes->sign = glyph_shape_circled (ocr_pool_read_number (learning->pool, 0, glyph));
}

/* OCR reads the full-width punctuation of Chinese text as ASCII ("：" as ":"): a glyph an em
 * wide is read as the full-width form. */
gunichar
learning_fit_width (gunichar c, const RectoBox *box, float em, gboolean narrow)
{
  if (!narrow && box->x2 - box->x1 >= 0.9f * em && c < 0x7F && g_unichar_ispunct (c))
    return c + 0xFEE0; /* the Halfwidth and Fullwidth Forms block */
  return c;
}

/* The cell of item @i of @items, a glyph (learning_glyph_cell()): its neighbour on the right
 * is the next item, unless that is a hole. */
static RectoBox
item_cell (const GArray *items, guint i)
{
  const RowItem *item = &g_array_index (items, RowItem, i);
  const RowItem *next = i + 1 < items->len ? &g_array_index (items, RowItem, i + 1) : NULL;

  if (next != NULL && next->kind == ITEM_HOLE)
    next = NULL;
  return learning_glyph_cell (&item->box, item->c, next != NULL ? &next->box : NULL,
                              next != NULL ? next->c : 0, NULL);
}

/* Readings a code needs before its leading one is expected of its glyphs, and the least share
 * of their weight that one has. */
#define EXPECT_READINGS 3
#define EXPECT_SHARE 0.6f

/* Notes in @item (a glyph of an unmapped code) what its code is read as so far, when the
 * readings agree: the alignment prefers it (row-alignment.h). */
static void
expect_reading (Learning *learning, RowItem *item)
{
  const CodeVotes *votes;
  const Candidate *best = NULL;
  float total = 0;

  if (item->kind != ITEM_CODE || item->c == ' ')
    return;
  votes = learning_votes_for (learning, item->font, item->c);
  if (votes->readings < EXPECT_READINGS)
    return;
  for (guint i = 0; i < votes->candidates->len; i++)
    {
      const Candidate *candidate = &g_array_index (votes->candidates, Candidate, i);
      total += candidate->weight;
      if (best == NULL || candidate->weight > best->weight)
        best = candidate;
    }
  if (best != NULL && best->weight >= EXPECT_SHARE * total)
    /* OCR reads full-width punctuation as ASCII (learning_fit_width()). */
    item->expect = best->c >= 0xFF01 && best->c <= 0xFF5E ? best->c - 0xFEE0 : best->c;
}

/* Whether OCR took an em-wide glyph of CJK type (@item) for a Latin letter or digit (@symbol):
 * reading several languages, Tesseract reads a row that opens with Latin (a code column:
 * `TA0 工业纯钛`) with its Latin model to the end, Han words as letters ("Talk 2"). */
static gboolean
read_as_latin (const RowItem *item, const OcrSymbol *symbol, float em, gboolean narrow)
{
  return !narrow && item->kind == ITEM_CODE && item->box.x2 - item->box.x1 >= 0.9f * em
         && symbol->c < 0x80 && g_unichar_isalnum (symbol->c);
}

/* The symbols of @row's image read again with the first language alone, aligned with @items:
 * @pairs and @counts as row_alignment_align() gives them. NULL when the pool reads one
 * language only. */
static GArray *
read_again_primary (Learning *learning, const TextRow *row, const GArray *items, float em,
                    int *pairs, guint *counts)
{
  GArray *read = ocr_pool_read_image_primary (learning->pool, 0, row->image,
                                              (int) (row->scale * 72 + 0.5), OCR_LINE);
  GArray *symbols;

  if (read == NULL)
    return NULL;
  ocr_symbols_to_page (read, &row->area, row->scale);
  symbols = g_array_new (FALSE, FALSE, sizeof (OcrSymbol));
  for (guint j = 0; j < read->len; j++)
    {
      const OcrSymbol *symbol = &g_array_index (read, OcrSymbol, j);
      if (symbol->c != 0 && !g_unichar_isspace (symbol->c))
        g_array_append_val (symbols, *symbol);
    }
  g_array_unref (read);
  row_alignment_align (items, symbols, em, pairs, counts);
  return symbols;
}

/* The symbol read for item @i of @items: the one aligned with it, or, where that is a Latin
 * reading of a glyph of CJK type, the one the first language alone reads there (@again, read
 * on first need), or NULL. */
static const OcrSymbol *
symbol_for (Learning *learning, const TextRow *row, const GArray *items, guint i,
            const GArray *symbols, const int *pairs, float em, gboolean narrow, GArray **again,
            int **again_pairs)
{
  const RowItem *item = &g_array_index (items, RowItem, i);
  const OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, pairs[i]);

  if (!read_as_latin (item, symbol, em, narrow) || row->image == NULL)
    return symbol;
  if (*again_pairs == NULL)
    {
      g_autofree guint *counts = g_new (guint, items->len + 1);
      *again_pairs = g_new (int, items->len + 1);
      *again = read_again_primary (learning, row, items, em, *again_pairs, counts);
    }
  if (*again == NULL || (*again_pairs)[i] < 0)
    return NULL;
  return &g_array_index (*again, OcrSymbol, (*again_pairs)[i]);
}

/* @c, OCR's reading of @symbol in @row, or "l" where it read an "L" whose stem stands in the
 * middle of its foot (glyph_shape_stem_centred()). Looked at where the symbol's box, tight on
 * the ink OCR read, and the glyph's box @box meet: either may take in a neighbour, the glyph's
 * where its font's widths are wrong, the symbol's where OCR's boxes are loose. */
static gunichar
lower_l (const TextRow *row, const OcrSymbol *symbol, const RectoBox *box, gunichar c)
{
  RectoBox both = { MAX (symbol->x1, box->x1), MAX (symbol->y1, box->y1),
                    MIN (symbol->x2, box->x2), MIN (symbol->y2, box->y2) };
  g_autoptr (RectoImage) glyph = NULL;

  if (c != 'L' || row->image == NULL || both.x2 <= both.x1 || both.y2 <= both.y1)
    return c;
  glyph = glyph_shape_crop (row->image, &row->area, row->scale, &both);
  return glyph != NULL && glyph_shape_stem_centred (glyph) ? 'l' : c;
}

/* The hole of @holes (RowItem) that @symbol stands in, or NULL. */
static const RectoBox *
hole_of (const GArray *holes, const OcrSymbol *symbol, float em)
{
  float middle = row_alignment_symbol_middle (symbol, em);

  for (guint h = 0; h < holes->len; h++)
    {
      const RectoBox *hole = &g_array_index (holes, RowItem, h).box;
      if (middle > hole->x1 && middle < hole->x2)
        return hole;
    }
  return NULL;
}

/* Whether symbol @j of @symbols, at an end of the run a space glyph at @ink took, is a letter
 * of the run a hole of @holes holds: it stands in the hole, off the ink, beside symbol @beside
 * of the hole that no glyph took (@taken). */
static gboolean
hole_letter (const GArray *holes, const GArray *symbols, const gboolean *taken, guint j, int beside,
             const RectoBox *ink, float em)
{
  const OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, j);
  const RectoBox *hole = hole_of (holes, symbol, em);

  return hole != NULL && (symbol->x2 <= ink->x1 || symbol->x1 >= ink->x2) && beside >= 0
         && (guint) beside < symbols->len && !taken[beside]
         && hole_of (holes, &g_array_index (symbols, OcrSymbol, beside), em) == hole;
}

void
learning_leave_holes_their_letters (const GArray *items, const GArray *holes, const GArray *symbols,
                                    int *pairs, guint *counts, gboolean *taken, float em)
{
  for (guint i = 0; i < items->len; i++)
    {
      const RowItem *item = &g_array_index (items, RowItem, i);
      if (item->kind != ITEM_CODE || item->c != ' ')
        continue;
      while (counts[i] > 0
             && hole_letter (holes, symbols, taken, pairs[i], pairs[i] - 1, &item->box, em))
        taken[pairs[i]] = FALSE, pairs[i]++, counts[i]--;
      while (counts[i] > 0
             && hole_letter (holes, symbols, taken, pairs[i] + counts[i] - 1, pairs[i] + counts[i],
                             &item->box, em))
        taken[pairs[i] + counts[i] - 1] = FALSE, counts[i]--;
      if (counts[i] == 0)
        pairs[i] = -1;
    }
}

/* Gives each code of @row the vote of the symbol aligned with it, and keeps what OCR read in
 * its holes as glyphs to insert. */
guint
learning_count_votes (Learning *learning, TextRow *row)
{
  g_autoptr (GArray) items = NULL;
  g_autoptr (GArray) symbols = NULL;
  g_autoptr (GArray) holes = NULL;
  g_autofree int *pairs = NULL;
  g_autofree guint *counts = NULL;
  g_autofree gboolean *taken = NULL;
  g_autoptr (GArray) again = NULL;
  g_autofree int *again_pairs = NULL;
  float em = text_row_em (row);
  gboolean narrow = learning_row_is_narrow (learning, row);
  guint read = 0, run[NARROW_RUN_MAX], n;
  gunichar c;

  if (row->symbols == NULL)
    return 0;
  symbols = g_array_new (FALSE, FALSE, sizeof (OcrSymbol));
  for (guint j = 0; j < row->symbols->len; j++)
    {
      const OcrSymbol *symbol = &g_array_index (row->symbols, OcrSymbol, j);
      if (symbol->c != 0 && !g_unichar_isspace (symbol->c))
        g_array_append_val (symbols, *symbol);
    }
  g_clear_pointer (&row->symbols, g_array_unref);
  items = learning_row_items (learning, row, narrow);
  learning_drop_blank_items (learning, row, items, narrow);
  for (guint i = 0; i < items->len; i++)
    expect_reading (learning, &g_array_index (items, RowItem, i));
  /* The gaps of narrow type are left out of the alignment, which they would pull symbols into
   * from the glyphs around them (most are word spaces): each takes what no glyph took. */
  holes = g_array_new (FALSE, FALSE, sizeof (RowItem));
  for (guint i = items->len; narrow && i-- > 0;)
    if (g_array_index (items, RowItem, i).kind == ITEM_HOLE)
      {
        g_array_prepend_val (holes, g_array_index (items, RowItem, i));
        g_array_remove_index (items, i);
      }
  pairs = g_new (int, items->len + 1);
  counts = g_new (guint, items->len + 1);
  row_alignment_align (items, symbols, em, pairs, counts);
  taken = g_new0 (gboolean, symbols->len + 1);
  for (guint i = 0; i < items->len; i++)
    for (guint k = 0; k < counts[i]; k++)
      taken[pairs[i] + k] = TRUE;
  if (narrow)
    learning_leave_holes_their_letters (items, holes, symbols, pairs, counts, taken, em);
  for (guint i = 0; i < items->len; i++)
    {
      const RowItem *item = &g_array_index (items, RowItem, i);
      const OcrSymbol *symbol;
      RectoBox cell;
      if (item->kind == ITEM_CODE && item->c == ' ')
        learning_read_space_glyph (learning, row, item, symbols, pairs[i], counts[i], em, narrow);
      if (pairs[i] < 0 || item->kind == ITEM_TEXT || item->c == ' ')
        continue;
      symbol = &g_array_index (symbols, OcrSymbol, pairs[i]);
      if (item->kind == ITEM_CODE)
        {
          symbol = symbol_for (learning, row, items, i, symbols, pairs, em, narrow, &again,
                               &again_pairs);
          if (symbol == NULL)
            continue;
          CodeVotes *votes = learning_votes_for (learning, item->font, item->c);
          /* In narrow type a bar is looked at again until a look says what dash it is: the
           * first glyph looked at may be cropped badly (a neighbour's ink in its box). */
          if (votes->shape_looks == 0
              || (narrow && votes->dash == 0 && learning_is_bar (symbol->c)
                  && votes->shape_looks < MAX_SHAPE_LOOKS))
            look_at_shape (learning, row, item, votes);
          cell = item_cell (items, i);
          c = learning_fit_width (symbol->c, &cell, em, narrow);
          c = lower_l (row, symbol, &item->box, c);
          vote (votes, c, symbol->confidence);
          learning_ballot (learning, row, votes, c, symbol->confidence);
          read++;
        }
      else if (learning_symbol_doubled (symbols, taken, pairs[i]))
        learning_add_unread (learning, row, item->glyph, &item->box);
      else
        learning_add_dropped (learning, row, item->glyph, symbol, &item->box, FALSE);
    }
  for (guint h = 0; h < holes->len; h++)
    {
      const RowItem *hole = &g_array_index (holes, RowItem, h);
      if ((n = learning_narrow_gap_symbols (symbols, taken, &hole->box, em, run)) > 0)
        learning_add_dropped_run (learning, row, symbols, run, n, &hole->box,
                                  GAP_GLYPH_BEFORE | GAP_GLYPH_AFTER, hole->glyph);
      else
        learning_add_unread (learning, row, hole->glyph, &hole->box);
    }
  if (narrow && items->len > 0)
    learning_collect_narrow_edges (learning, row, items, symbols, taken, em);
  else
    learning_collect_edges (learning, row, items, symbols, pairs, counts, em);
  g_clear_pointer (&row->image, recto_image_free);
  return read;
}
