/* font-learning.c: see font-learning.h. Picks the rows that need reading and reads them in
 * batches; the votes are counted in font-learning-votes.c, the glyphs drawn without text kept in
 * font-learning-dropped.c, the rules of narrow type are font-learning-latin.c's, the election and
 * decoding font-learning-map.c's. */
#include "font-learning-private.h"
#include "context-readings.h"
#include "echo-rows.h"
#include "shape-readings.h"

#include <string.h>

/* Rows are read in batches of this many, whatever the number of threads, so which rows get
 * read (it depends on the votes of earlier batches) never depends on the threads. */
#define ROWS_PER_BATCH 8

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

RectoBox
learning_glyph_cell (const RectoBox *box, gunichar code, const RectoBox *next, gunichar next_code,
                     gboolean *bounded)
{
  RectoBox cell = *box;
  float middle = next != NULL ? (next->y1 + next->y2) / 2 : 0;
  gboolean beside = next != NULL && next_code != code && next->x1 > box->x1
                    && middle > box->y1 && middle < box->y2;

  if (beside && next->x1 < box->x2)
    cell.x2 = next->x1;
  if (bounded != NULL)
    *bounded = beside && next->x1 <= box->x2 + CELL_TOUCH_EMS * (box->y2 - box->y1);
  return cell;
}

int
learning_compare_floats (gconstpointer a, gconstpointer b)
{
  float x = *(const float *) a, y = *(const float *) b;
  return (x > y) - (x < y);
}

/* A font's narrow advance: in points, and in ems of its rows. */
typedef struct
{
  float points;
  float ems;
} Advance;

/* The NARROW_SHARE quantile of @values, which it sorts. */
static float
narrow_quantile (GArray *values)
{
  g_array_sort (values, learning_compare_floats);
  return g_array_index (values, float, values->len / NARROW_SHARE);
}

/* Counts how often each code of the unmapped fonts occurs (in rows: every glyph with a box),
 * and notes each such font's narrow advance (learning->advances). */
static void
count_occurrences (Learning *learning)
{
  g_autoptr (GHashTable) widths =
      g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  g_autoptr (GHashTable) ems =
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
          RectoBox box = text_row_glyph_box (row, page, i);
          GArray *sizes, *ratios;
          if (c == ' ' || !font_survey_needs_reading (learning->surveys, font, c))
            continue;
          learning_votes_for (learning, font, c)->occurrences++;
          if ((sizes = g_hash_table_lookup (widths, font)) == NULL)
            {
              g_hash_table_insert (widths, (gpointer) font,
                                   sizes = g_array_new (FALSE, FALSE, sizeof (float)));
              g_hash_table_insert (ems, (gpointer) font,
                                   g_array_new (FALSE, FALSE, sizeof (float)));
            }
          ratios = g_hash_table_lookup (ems, font);
          g_array_append_val (sizes, ((float){ box.x2 - box.x1 }));
          g_array_append_val (ratios, ((float){ (box.x2 - box.x1) / text_row_em (row) }));
        }
    }
  g_hash_table_iter_init (&iter, widths);
  while (g_hash_table_iter_next (&iter, &key, &list))
    {
      Advance advance = { narrow_quantile (list),
                          narrow_quantile (g_hash_table_lookup (ems, key)) };
      g_hash_table_insert (learning->advances, key, g_memdup2 (&advance, sizeof advance));
    }
}

/* The advance of @font's narrow unmapped glyphs ("i", "t", "r"; in CJK type all are an em
 * wide): a NARROW_SHARE of its glyphs are narrower. 0 when none was seen. */
float
learning_font_advance (Learning *learning, const char *font)
{
  const Advance *advance = g_hash_table_lookup (learning->advances, font);
  return advance != NULL ? advance->points : 0;
}

gboolean
learning_font_has_cells (Learning *learning, const char *font)
{
  const Advance *advance = g_hash_table_lookup (learning->advances, font);
  return advance != NULL && advance->ems >= CELL_EMS;
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

void
learning_trim_first_symbol (GArray *symbols, const RectoBox *area, float em)
{
  for (guint j = 0; j < symbols->len; j++)
    {
      OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, j);
      if (symbol->c == 0 || g_unichar_isspace (symbol->c))
        continue;
      if (symbol->x1 <= area->x1 + 0.5f && symbol->x2 - symbol->x1 > em)
        symbol->x1 = symbol->x2 - em;
      return;
    }
}

static void
read_row (guint index, guint worker, gpointer data)
{
  Learning *learning = data;
  TextRow *row = &g_array_index (learning->rows, TextRow, learning->batch[index]);
  const RectoPage *page = recto_document_get_page (learning->doc, row->page);
  float size = text_row_em (row), width, height;
  double scale = learning->options->em_pixels * (row->echo ? ECHO_SCALE : 1) / MAX (size, 1.0f);
  /* A margin of a third of an em (OCR reads a line badly when ink touches the image's edge),
   * and room at both ends for glyphs drawn without text, which the row's box leaves out. */
  float margin = size / 3, reach = EDGE_EMS * size, left, right;
  /* Latin type sets its lines close, its descenders and ascenders in each other's images; a
   * row of CJK type, whose glyphs keep to their ems, is read as drawn (GB/T 3620.1's space
   * glyph of "GB/T 4698", whose box takes in the lines above and below, read "K" alone). */
  gboolean narrow;
  RectoBox area;

  /* In CJK type, a run of glyphs drawn without text at a line's end may be longer than the
   * reach: the image then takes in the row's column, to its edges. */
  text_rows_column_edges (learning->rows, row, &left, &right);
  if ((narrow = learning_row_is_narrow (learning, row)))
    left = row->box.x1, right = row->box.x2;
  text_row_frame_size (row, page, &width, &height);
  area = (RectoBox){
    MAX (0, MIN (row->box.x1 - reach, left - margin)),
    MAX (0, row->box.y1 - margin),
    MIN (width, MAX (row->box.x2 + reach, right + margin)),
    MIN (height, row->box.y2 + margin),
  };
  row->area = area;
  row->scale = scale;
  row->symbols =
      text_row_read (learning->pool, worker, learning->doc, row, &area, scale, narrow, &row->image);
  if (row->symbols != NULL)
    learning_trim_first_symbol (row->symbols, &area, size);
}

/* The row's glyphs as items, left to right, with a hole item wherever two glyphs of an
 * unmapped font leave an em of empty space between them; in a row of narrow type (@narrow),
 * one hole for each gap of NARROW_HOLE_EMS or more, which may hold several letters. */
GArray *
learning_row_items (Learning *learning, const TextRow *row, gboolean narrow)
{
  const RectoPage *page = recto_document_get_page (learning->doc, row->page);
  const gunichar *chars = (const gunichar *) page->chars->data;
  GArray *items = g_array_new (FALSE, FALSE, sizeof (RowItem));
  float em = text_row_em (row);

  for (guint k = 0; k < row->glyphs->len; k++)
    {
      guint i = g_array_index (row->glyphs, guint, k);
      const char *font = learning_font_of (page, i);
      gboolean code = font_survey_needs_reading (learning->surveys, font, chars[i])
                      || (chars[i] == ' ' && font_survey_is_unmapped (learning->surveys, font));
      RowItem item = { code ? ITEM_CODE : ITEM_TEXT, i, chars[i], font,
                       text_row_glyph_box (row, page, i) };
      g_array_append_val (items, item);
    }
  for (guint k = items->len; k > 1; k--)
    {
      /* Copies: inserting a hole moves the array. */
      const RowItem left = g_array_index (items, RowItem, k - 2);
      const RowItem right = g_array_index (items, RowItem, k - 1);
      float width = right.box.x1 - left.box.x2;
      guint n_holes;
      if (left.kind != ITEM_CODE && right.kind != ITEM_CODE)
        continue;
      n_holes = narrow ? 1 : (guint) (width / em + 0.2f);
      if (width < (narrow ? NARROW_HOLE_EMS : HOLE_EMS) * em || n_holes == 0)
        continue;
      for (guint h = n_holes; h > 0; h--)
        {
          float x1 = left.box.x2 + (h - 1) * width / n_holes;
          RowItem hole = { ITEM_HOLE,
                           right.glyph,
                           0,
                           NULL,
                           { x1, right.box.y1, x1 + width / n_holes, right.box.y2 } };
          g_array_insert_val (items, k - 1, hole);
        }
    }
  return items;
}

/* Whether a glyph of @row is of a font whose space glyphs are drawn with ink. */
static gboolean
has_inked_space_font (Learning *learning, const TextRow *row)
{
  const RectoPage *page = recto_document_get_page (learning->doc, row->page);

  for (guint k = 0; k < row->glyphs->len; k++)
    if (g_hash_table_contains (learning->inked_space_fonts,
                               learning_font_of (page, g_array_index (row->glyphs, guint, k))))
      return TRUE;
  return FALSE;
}

/* Whether @row, of CJK type, has a space glyph of an unmapped font wide enough to be a glyph
 * whose code reads as white space, which only OCR can read. The font's first one may stand in a
 * row nothing else sends to OCR, where it stayed a space (vol313-lost-body-text's "在" of
 * "。在CGTN", code 0x20, the only one of its kind in 26 pages). */
static gboolean
has_wide_space_glyph (Learning *learning, const TextRow *row)
{
  const RectoPage *page = recto_document_get_page (learning->doc, row->page);
  const gunichar *chars = (const gunichar *) page->chars->data;
  float em = text_row_em (row);

  for (guint k = 0; k < row->glyphs->len; k++)
    {
      guint i = g_array_index (row->glyphs, guint, k);
      RectoBox box;
      if (chars[i] != ' '
          || !font_survey_is_unmapped (learning->surveys, learning_font_of (page, i)))
        continue;
      box = text_row_glyph_box (row, page, i);
      if (box.x2 - box.x1 >= CJK_SPACE_GLYPH_EMS * em)
        return TRUE;
    }
  return FALSE;
}

/* Whether @row has a hole (only OCR can read what it lost) or an unmapped glyph whose code has
 * fewer readings than wanted. */
static gboolean
row_is_needed (Learning *learning, const TextRow *row)
{
  gboolean narrow = learning_row_is_narrow (learning, row);
  g_autoptr (GArray) items = learning_row_items (learning, row, narrow);
  float em = text_row_em (row), left, right;

  for (guint i = 0; i < items->len; i++)
    if (g_array_index (items, RowItem, i).kind == ITEM_HOLE)
      return TRUE;
  /* An em of room at either end, within its column: a glyph drawn without text may stand
   * there (or it is a paragraph's first or last line). In narrow type, where a font's codes
   * that read as white space are glyphs, Poppler leaves those out at a row's ends however
   * little room they take (learning_collect_narrow_edges()). */
  text_rows_column_edges (learning->rows, row, &left, &right);
  if (right - row->box.x2 >= HOLE_EMS * em || row->box.x1 - left >= HOLE_EMS * em
      || (narrow ? has_inked_space_font (learning, row) : has_wide_space_glyph (learning, row)))
    return TRUE;
  return row_needs_votes (learning, row);
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
    .dropped = learning_dropped_new (recto_document_get_n_pages (doc)),
    .ballots = g_array_new (FALSE, FALSE, sizeof (Ballot)),
    .spaces = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free),
    .inked_space_fonts = g_hash_table_new (NULL, NULL),
    .advances = g_hash_table_new_full (NULL, NULL, NULL, g_free),
    .word_spaces = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref),
  };
  GArray *elected; /* ElectedFont */
  guint next = 0;

  memset (report, 0, sizeof *report);
  learning.rows = text_rows_find (doc, surveys);
  learning_join_split_rows (&learning);
  echo_rows_mark (doc, learning.rows);
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
            learning_count_votes (&learning, &g_array_index (learning.rows, TextRow, batch[i]));
      report->rows_read += n;
    }

  learning_settle_word_spaces (&learning);
  report->rows_misread = learning_take_back_misread_rows (&learning);
  learning.numbered_wrong = learning_numbered_fonts_wrong (&learning);
  elected = g_array_new (FALSE, FALSE, sizeof (ElectedFont));
  for (guint i = 0; i < surveys->len; i++)
    {
      const FontSurvey *survey = &g_array_index (surveys, FontSurvey, i);
      GHashTable *codes = g_hash_table_lookup (learning.votes, survey->font);
      ElectedFont font;
      if (!(survey->unmapped || survey->suspect) || codes == NULL)
        continue;
      learning_elect_font (&learning, survey, codes, &font);
      g_array_append_val (elected, font);
    }
  context_readings_fill (doc, surveys, learning.rows, elected, options->min_certainty);
  shape_readings_fill (doc, surveys, learning.rows, elected, options);
  for (guint i = 0; i < elected->len; i++)
    {
      learning_record_map (&learning, &g_array_index (elected, ElectedFont, i), report);
      g_array_unref (g_array_index (elected, ElectedFont, i).mappings);
    }
  g_array_unref (elected);
  learning_insert_dropped (&learning, report);
  g_ptr_array_unref (learning.dropped);
  g_array_unref (learning.ballots);
  g_array_unref (learning.rows);
  g_hash_table_unref (learning.votes);
  g_hash_table_unref (learning.spaces);
  g_hash_table_unref (learning.inked_space_fonts);
  g_hash_table_unref (learning.advances);
  g_hash_table_unref (learning.word_spaces);
}