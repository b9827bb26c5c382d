/* font-learning.c: see font-learning.h. Reads the rows that need it and counts the votes; the
 * rules of narrow type are font-learning-latin.c's, the election and decoding
 * font-learning-map.c's. */
#include "font-learning-private.h"
#include "glyph-shapes.h"

#include <string.h>

/* Rows are read in batches of this many, whatever the number of threads, so which rows get
 * read (it depends on the votes of earlier batches) never depends on the threads. */
#define ROWS_PER_BATCH 8
/* How often the glyph of a code read as a bar is looked at, at most, to tell its dash. */
#define MAX_SHAPE_LOOKS 8

gpointer
learning_glyph_key (guint page, guint glyph)
{
  gint64 *key = g_new (gint64, 1);
  *key = ((gint64) page << 32) | glyph;
  return key;
}

static void
code_votes_free (CodeVotes *votes)
{
  g_array_unref (votes->candidates);
  g_free (votes);
}

CodeVotes *
learning_votes_for (Learning *learning, const char *font, gunichar code)
{
  GHashTable *codes = g_hash_table_lookup (learning->votes, font);
  CodeVotes *votes;

  if (codes == NULL)
    {
      codes = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) code_votes_free);
      g_hash_table_insert (learning->votes, (gpointer) font, codes);
    }
  votes = g_hash_table_lookup (codes, GUINT_TO_POINTER (code));
  if (votes == NULL)
    {
      votes = g_new0 (CodeVotes, 1);
      votes->candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
      g_hash_table_insert (codes, GUINT_TO_POINTER (code), votes);
    }
  return votes;
}

/* The font of glyph @glyph of @page, or NULL. */
const char *
learning_font_of (const RectoPage *page, guint glyph)
{
  int span = recto_page_find_span (page, glyph);
  return span >= 0 ? g_array_index (page->spans, RectoSpan, span).subset : NULL;
}

int
learning_compare_floats (gconstpointer a, gconstpointer b)
{
  float x = *(const float *) a, y = *(const float *) b;
  return (x > y) - (x < y);
}

/* Counts how often each code of the unmapped fonts occurs (in rows: every glyph with a box),
 * and notes each such font's narrow advance (learning->advances). */
static void
count_occurrences (Learning *learning)
{
  g_autoptr (GHashTable) widths =
      g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  GHashTableIter iter;
  gpointer key, list;

  for (guint r = 0; r < learning->rows->len; r++)
    {
      const TextRow *row = &g_array_index (learning->rows, TextRow, r);
      const RectoPage *page = recto_document_get_page (learning->doc, row->page);
      for (guint k = 0; k < row->glyphs->len; k++)
        {
          guint i = g_array_index (row->glyphs, guint, k);
          const char *font = learning_font_of (page, i);
          gunichar c = g_array_index (page->chars, gunichar, i);
          const RectoBox *box = &g_array_index (page->boxes, RectoBox, i);
          GArray *sizes;
          if (c == ' ' || !font_survey_needs_reading (learning->surveys, font, c))
            continue;
          learning_votes_for (learning, font, c)->occurrences++;
          if ((sizes = g_hash_table_lookup (widths, font)) == NULL)
            g_hash_table_insert (widths, (gpointer) font,
                                 sizes = g_array_new (FALSE, FALSE, sizeof (float)));
          g_array_append_val (sizes, ((float){ box->x2 - box->x1 }));
        }
    }
  g_hash_table_iter_init (&iter, widths);
  while (g_hash_table_iter_next (&iter, &key, &list))
    {
      GArray *sizes = list;
      g_array_sort (sizes, learning_compare_floats);
      g_hash_table_insert (
          learning->advances, key,
          g_memdup2 (&g_array_index (sizes, float, sizes->len / NARROW_SHARE), sizeof (float)));
    }
}

/* The advance of @font's narrow unmapped glyphs ("i", "t", "r"; in CJK type all are an em
 * wide): a NARROW_SHARE of its glyphs are narrower. 0 when none was seen. */
float
learning_font_advance (Learning *learning, const char *font)
{
  const float *advance = g_hash_table_lookup (learning->advances, font);
  return advance != NULL ? *advance : 0;
}

/* Whether any unmapped glyph of @row has a code with fewer readings than wanted. */
static gboolean
row_needs_votes (Learning *learning, const TextRow *row)
{
  const RectoPage *page = recto_document_get_page (learning->doc, row->page);
  const gunichar *chars = (const gunichar *) page->chars->data;

  for (guint k = 0; k < row->glyphs->len; k++)
    {
      guint i = g_array_index (row->glyphs, guint, k);
      const char *font = learning_font_of (page, i);
      if (!font_survey_needs_reading (learning->surveys, font, chars[i]))
        continue;
      if (chars[i] == ' ' ? g_hash_table_contains (learning->inked_space_fonts, font)
                          : learning_votes_for (learning, font, chars[i])->readings
                                    + learning_votes_for (learning, font, chars[i])->blank
                                < learning->options->votes)
        return TRUE;
    }
  return FALSE;
}

static void
read_row (guint index, guint worker, gpointer data)
{
  Learning *learning = data;
  TextRow *row = &g_array_index (learning->rows, TextRow, learning->batch[index]);
  const RectoPage *page = recto_document_get_page (learning->doc, row->page);
  float size = text_row_em (row);
  double scale = learning->options->em_pixels / MAX (size, 1.0f);
  /* A margin of a third of an em (OCR reads a line badly when ink touches the image's edge),
   * and room at both ends for glyphs drawn without text, which the row's box leaves out. */
  float margin = size / 3, reach = EDGE_EMS * size;
  RectoBox area = {
    MAX (0, row->box.x1 - reach),
    MAX (0, row->box.y1 - margin),
    MIN ((float) page->width, row->box.x2 + reach),
    MIN ((float) page->height, row->box.y2 + margin),
  };

  row->area = area;
  row->scale = scale;
  row->symbols = ocr_pool_read_area (learning->pool, worker, learning->doc, row->page, &area, scale,
                                     OCR_LINE, &row->image);
}

/* The row's glyphs as items, left to right, with a hole item wherever two glyphs of an
 * unmapped font leave an em of empty space between them; in a row of narrow type (@narrow),
 * one hole for each gap of NARROW_HOLE_EMS or more, which may hold several letters. */
static GArray *
row_items (Learning *learning, const TextRow *row, gboolean narrow)
{
  const RectoPage *page = recto_document_get_page (learning->doc, row->page);
  const gunichar *chars = (const gunichar *) page->chars->data;
  const RectoBox *boxes = (const RectoBox *) page->boxes->data;
  GArray *items = g_array_new (FALSE, FALSE, sizeof (RowItem));
  float em = text_row_em (row);

  for (guint k = 0; k < row->glyphs->len; k++)
    {
      guint i = g_array_index (row->glyphs, guint, k);
      const char *font = learning_font_of (page, i);
      gboolean code = font_survey_needs_reading (learning->surveys, font, chars[i])
                      || (chars[i] == ' ' && font_survey_is_unmapped (learning->surveys, font));
      RowItem item = { code ? ITEM_CODE : ITEM_TEXT, i, chars[i], font, boxes[i] };
      g_array_append_val (items, item);
    }
  for (guint k = items->len; k > 1; k--)
    {
      const RowItem *left = &g_array_index (items, RowItem, k - 2);
      const RowItem *right = &g_array_index (items, RowItem, k - 1);
      float width = right->box.x1 - left->box.x2;
      guint n_holes;
      if (left->kind != ITEM_CODE && right->kind != ITEM_CODE)
        continue;
      n_holes = narrow ? 1 : (guint) (width / em + 0.2f);
      if (width < (narrow ? NARROW_HOLE_EMS : HOLE_EMS) * em || n_holes == 0)
        continue;
      for (guint h = n_holes; h > 0; h--)
        {
          float x1 = left->box.x2 + (h - 1) * width / n_holes;
          RowItem hole = { ITEM_HOLE,
                           right->glyph,
                           0,
                           NULL,
                           { x1, right->box.y1, x1 + width / n_holes, right->box.y2 } };
          g_array_insert_val (items, k - 1, hole);
        }
    }
  return items;
}

/* Whether @row has a hole (only OCR can read what it lost) or an unmapped glyph whose code has
 * fewer readings than wanted. */
static gboolean
row_is_needed (Learning *learning, const TextRow *row)
{
  g_autoptr (GArray) items = row_items (learning, row, learning_row_is_narrow (learning, row));
  float em = text_row_em (row), left, right;

  for (guint i = 0; i < items->len; i++)
    if (g_array_index (items, RowItem, i).kind == ITEM_HOLE)
      return TRUE;
  /* An em of room at either end, within its column: a glyph drawn without text may stand
   * there (or it is a paragraph's first or last line). */
  text_rows_column_edges (learning->rows, row, &left, &right);
  if (right - row->box.x2 >= HOLE_EMS * em || row->box.x1 - left >= HOLE_EMS * em)
    return TRUE;
  return row_needs_votes (learning, row);
}

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
 * from: a dash, or a circled number, which OCR misreads. */
static void
look_at_shape (Learning *learning, const TextRow *row, const RectoBox *box, CodeVotes *votes)
{
  g_autoptr (RectoImage) glyph = NULL;

  votes->shape_looks++;
  if (row->image == NULL)
    return;
  glyph = glyph_shape_crop (row->image, &row->area, row->scale, box);
  if (glyph == NULL)
    return;
  if (glyph_shape_is_dash (glyph))
    votes->dash = learning_dash_of_width ((box->x2 - box->x1) / text_row_em (row));
  if (!votes->dash && glyph_shape_open_ring (glyph))
    votes->circled = glyph_shape_circled (ocr_pool_read_number (learning->pool, 0, glyph));
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

/* Whether some glyph of @page stands at the middle of @box: then what OCR read there is that
 * glyph (of another row), not a glyph drawn without text. */
static gboolean
covers_a_glyph (const RectoPage *page, const RectoBox *box)
{
  const RectoBox *boxes = (const RectoBox *) page->boxes->data;
  const gunichar *chars = (const gunichar *) page->chars->data;
  float x = (box->x1 + box->x2) / 2, y = (box->y1 + box->y2) / 2;

  for (guint i = 0; i < page->chars->len; i++)
    if (chars[i] != ' ' && x > boxes[i].x1 && x < boxes[i].x2 && y > boxes[i].y1 && y < boxes[i].y2)
      return TRUE;
  return FALSE;
}

/* Whether the row's image shows ink in @box: a glyph drawn without text is drawn; a gutter
 * between columns, which a row may span, is empty however OCR reads it. */
static gboolean
has_ink (const TextRow *row, const RectoBox *box)
{
  g_autoptr (RectoImage) slot = NULL;

  if (row->image == NULL)
    return FALSE;
  slot = glyph_shape_crop (row->image, &row->area, row->scale, box);
  return slot != NULL && glyph_shape_ink_share (slot) >= MIN_INK_SHARE;
}

/* Queues a glyph drawn without text at @box of @row, read as @symbol, to go before glyph
 * @before. */
void
learning_add_dropped (Learning *learning, const TextRow *row, guint before, const OcrSymbol *symbol,
                      const RectoBox *box, gboolean narrow)
{
  guint page = row->page;
  DroppedGlyph dropped = { page, before, symbol->c, *box, symbol->confidence };

  /* In CJK type the glyph fills an em, as the font's other glyphs: a narrow reading (a digit)
   * is OCR's second look at a neighbour. */
  if (symbol->confidence < MAX (MIN_DROPPED_CONFIDENCE, learning->options->min_certainty)
      || (!narrow && !g_unichar_iswide (symbol->c))
      || !has_ink (row, box)
      /* A letter has ink in the middle of its share of a gap; a wide word space of justified
       * text has none there, only its neighbours' edges. */
      || (narrow && learning_is_blank (row->image, &row->area, row->scale, box, TRUE))
      || covers_a_glyph (recto_document_get_page (learning->doc, page), box))
    return;
  /* Read twice (a hole of the row, and again past the end of another row)? Keep one. */
  for (guint i = 0; i < learning->dropped->len; i++)
    {
      const DroppedGlyph *other = &g_array_index (learning->dropped, DroppedGlyph, i);
      float x = (box->x1 + box->x2) / 2, y = (box->y1 + box->y2) / 2;
      if (other->page == page && x > other->box.x1 && x < other->box.x2 && y > other->box.y1
          && y < other->box.y2)
        return;
    }
  g_array_append_val (learning->dropped, dropped);
}

/* Symbols OCR read beyond the row's first or last glyph, one em after another within the
 * row's column, that no glyph took: glyphs drawn without text at the row's ends. Their boxes
 * are the ems they stand in (OCR's boxes are loose). */
static void
collect_edges (Learning *learning, const TextRow *row, const GArray *items, const GArray *symbols,
               const int *pairs, const guint *counts, float em)
{
  g_autofree gboolean *taken = g_new0 (gboolean, symbols->len + 1);
  const RowItem *first, *last;
  float edge, left, right;

  if (items->len == 0)
    return;
  for (guint i = 0; i < items->len; i++)
    for (guint k = 0; k < counts[i]; k++)
      taken[pairs[i] + k] = TRUE;
  text_rows_column_edges (learning->rows, row, &left, &right);
  last = &g_array_index (items, RowItem, items->len - 1);
  edge = last->box.x2;
  for (guint j = 0; j < symbols->len && edge + em <= right + 0.3f * em; j++)
    {
      const OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, j);
      float middle = row_alignment_symbol_middle (symbol, em);
      RectoBox slot = { edge, last->box.y1, edge + em, last->box.y2 };
      if (taken[j] || middle < edge)
        continue;
      if (middle > edge + em)
        break;
      learning_add_dropped (learning, row, last->glyph + 1, symbol, &slot, FALSE);
      edge += em;
    }
  first = &g_array_index (items, RowItem, 0);
  edge = first->box.x1;
  for (guint j = symbols->len; j > 0 && edge - em >= left - 0.3f * em; j--)
    {
      const OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, j - 1);
      float middle = row_alignment_symbol_middle (symbol, em);
      RectoBox slot = { edge - em, first->box.y1, edge, first->box.y2 };
      if (taken[j - 1] || middle > edge)
        continue;
      if (middle < edge - em)
        break;
      learning_add_dropped (learning, row, first->glyph, symbol, &slot, FALSE);
      edge -= em;
    }
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

/* Gives each code of @row the vote of the symbol aligned with it, and keeps what OCR read in
 * its holes as glyphs to insert. */
static guint
count_votes (Learning *learning, TextRow *row)
{
  g_autoptr (GArray) items = NULL;
  g_autoptr (GArray) symbols = NULL;
  g_autoptr (GArray) holes = NULL;
  g_autofree int *pairs = NULL;
  g_autofree guint *counts = NULL;
  g_autofree gboolean *taken = NULL;
  float em = text_row_em (row);
  gboolean narrow = learning_row_is_narrow (learning, row);
  guint read = 0, run[NARROW_RUN_MAX], n;

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
  items = row_items (learning, row, narrow);
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
  for (guint i = 0; i < items->len; i++)
    {
      const RowItem *item = &g_array_index (items, RowItem, i);
      const OcrSymbol *symbol;
      if (item->kind == ITEM_CODE && item->c == ' ')
        learning_read_space_glyph (learning, row, item, symbols, pairs[i], counts[i], em, narrow);
      if (pairs[i] < 0 || item->kind == ITEM_TEXT || item->c == ' ')
        continue;
      symbol = &g_array_index (symbols, OcrSymbol, pairs[i]);
      if (item->kind == ITEM_CODE)
        {
          CodeVotes *votes = learning_votes_for (learning, item->font, item->c);
          /* In narrow type a bar is looked at again until a look says what dash it is: the
           * first glyph looked at may be cropped badly (a neighbour's ink in its box). */
          if (votes->shape_looks == 0
              || (narrow && votes->dash == 0 && learning_is_bar (symbol->c)
                  && votes->shape_looks < MAX_SHAPE_LOOKS))
            look_at_shape (learning, row, &item->box, votes);
          vote (votes, learning_fit_width (symbol->c, &item->box, em, narrow), symbol->confidence);
          read++;
        }
      else
        learning_add_dropped (learning, row, item->glyph, symbol, &item->box, FALSE);
    }
  for (guint h = 0; h < holes->len; h++)
    {
      const RowItem *hole = &g_array_index (holes, RowItem, h);
      if ((n = learning_narrow_gap_symbols (symbols, taken, &hole->box, em, run)) > 0)
        learning_add_dropped_run (learning, row, symbols, run, n, &hole->box, hole->glyph);
    }
  if (narrow && items->len > 0)
    learning_collect_narrow_edges (learning, row, items, symbols, taken, em);
  else
    collect_edges (learning, row, items, symbols, pairs, counts, em);
  g_clear_pointer (&row->image, recto_image_free);
  return read;
}

static int
compare_dropped (gconstpointer a, gconstpointer b)
{
  const DroppedGlyph *x = a, *y = b;
  if (x->page != y->page)
    return (x->page > y->page) - (x->page < y->page);
  if (x->before != y->before)
    return (x->before < y->before) - (x->before > y->before);
  return (x->box.x1 < y->box.x1) - (x->box.x1 > y->box.x1);
}

/* Inserts the dropped glyphs, from the end of each page backwards so that the glyph indices
 * still to use do not move, and the holes before one glyph right to left. */
static void
insert_dropped (Learning *learning, FontLearningReport *report)
{
  g_array_sort (learning->dropped, compare_dropped);
  for (guint i = 0; i < learning->dropped->len; i++)
    {
      const DroppedGlyph *dropped = &g_array_index (learning->dropped, DroppedGlyph, i);
      RectoPage *page = recto_document_get_page (learning->doc, dropped->page);
      recto_page_insert_recovered (learning->doc, page, dropped->before, dropped->c, &dropped->box,
                                   dropped->certainty);
      report->inserted++;
    }
}

void
font_learning_run (RectoDocument *doc, const GArray *surveys, OcrPool *pool,
                   const FontLearningOptions *options, FontLearningReport *report)
{
  Learning learning = {
    .doc = doc,
    .surveys = surveys,
    .pool = pool,
    .options = options,
    .votes = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_hash_table_unref),
    .dropped = g_array_new (FALSE, FALSE, sizeof (DroppedGlyph)),
    .spaces = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free),
    .inked_space_fonts = g_hash_table_new (NULL, NULL),
    .advances = g_hash_table_new_full (NULL, NULL, NULL, g_free),
  };
  guint next = 0;

  memset (report, 0, sizeof *report);
  learning.rows = text_rows_find (doc, surveys);
  count_occurrences (&learning);
  report->rows = learning.rows->len;
  while (next < learning.rows->len && pool->error == NULL)
    {
      guint batch[ROWS_PER_BATCH], n = 0;
      for (; next < learning.rows->len && n < ROWS_PER_BATCH; next++)
        if (row_is_needed (&learning, &g_array_index (learning.rows, TextRow, next)))
          batch[n++] = next;
      learning.batch = batch;
      recto_parallel_for (n, read_row, &learning);
      for (guint i = 0; i < n; i++)
        report->glyphs_read +=
            count_votes (&learning, &g_array_index (learning.rows, TextRow, batch[i]));
      report->rows_read += n;
    }

  for (guint i = 0; i < surveys->len; i++)
    {
      const FontSurvey *survey = &g_array_index (surveys, FontSurvey, i);
      GHashTable *codes = g_hash_table_lookup (learning.votes, survey->font);
      if ((survey->unmapped || survey->suspect) && codes != NULL)
        learning_record_map (&learning, survey, codes, report);
    }
  insert_dropped (&learning, report);
  g_array_unref (learning.dropped);
  g_array_unref (learning.rows);
  g_hash_table_unref (learning.votes);
  g_hash_table_unref (learning.spaces);
  g_hash_table_unref (learning.inked_space_fonts);
  g_hash_table_unref (learning.advances);
}
