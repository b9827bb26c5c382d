/* font-learning.c: see font-learning.h. */
#include "font-learning.h"
#include "brackets.h"
#include "font-verdict.h"
#include "glyph-shapes.h"
#include "row-alignment.h"
#include "text-rows.h"

#include <math.h>
#include <string.h>

/* Rows are read in batches of this many, whatever the number of threads, so which rows get
 * read (it depends on the votes of earlier batches) never depends on the threads. */
#define ROWS_PER_BATCH 8

/* The votes for one code of one font. */
typedef struct
{
  guint occurrences;
  guint readings;
  guint blank; /* glyphs of it seen drawn with no ink (a space glyph) */
  GArray *candidates; /* Candidate */
  gboolean shape_seen; /* its glyph's shape was looked at (glyph-shapes.c) */
  gunichar dash; /* the glyph is a bar across its box: the dash its width says, or 0 */
  gunichar circled; /* the glyph is this circled number, or 0 */
} CodeVotes;

typedef struct
{
  gunichar c;
  guint count;
  float weight;
} Candidate;

/* A glyph the source drew without text, read by OCR in the hole it leaves. */
typedef struct
{
  guint page;
  guint before; /* the glyph it goes before */
  gunichar c;
  RectoBox box;
  float certainty;
} DroppedGlyph;

typedef struct
{
  RectoDocument *doc;
  const GArray *surveys;
  OcrPool *pool;
  const FontLearningOptions *options;
  GArray *rows; /* TextRow */
  GHashTable *votes; /* font → GHashTable (code → CodeVotes*) */
  const guint *batch; /* the rows being read */
  GArray *dropped; /* DroppedGlyph */
  /* Space glyphs (0x20) of unmapped fonts in the rows read: glyph_key() → SpaceGlyph. Poppler
   * gives a space for the spaces it puts between words and for the glyphs whose codes read as
   * white space (0x20, tab, line feed…): several codes, so no one map entry. Only the ink tells
   * a glyph from a space, and each such glyph is read where it stands. */
  GHashTable *spaces;
  GHashTable *inked_space_fonts; /* fonts with a space glyph drawn with ink */
} Learning;

/* Poppler may give one space for two or three glyphs side by side ("pr" of "provision"). */
#define SPACE_MAX_READINGS 3

typedef struct
{
  gboolean inked;
  guint n; /* symbols OCR read on it, left to right */
  gunichar c[SPACE_MAX_READINGS];
  float confidence; /* the least of theirs */
} SpaceGlyph;

static gpointer
glyph_key (guint page, guint glyph)
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

static CodeVotes *
votes_for (Learning *learning, const char *font, gunichar code)
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

/* A hole narrower than this share of an em is the space between words. */
#define HOLE_EMS 0.8f
/* Type whose median glyph is narrower than this share of an em is narrow (Latin); in it a
 * gap of NARROW_HOLE_EMS may be a letter Poppler dropped (an "i" is a quarter em wide), or a
 * word space: only ink tells them apart. */
#define NARROW_EMS 0.7f
#define NARROW_HOLE_EMS 0.2f
/* The most letters read in one gap of narrow type. */
#define NARROW_RUN_MAX 8
/* How far beyond a row's ends, in ems, OCR looks for glyphs drawn without text. */
#define EDGE_EMS TEXT_ROWS_GUTTER_EMS
/* OCR's readings of glyphs drawn without text are taken only from this confidence up: a
 * misreading would add a glyph that is not there. */
#define MIN_DROPPED_CONFIDENCE 0.5f
/* The least share of ink in an em where a glyph was drawn (a full stop has about 2 %). */
#define MIN_INK_SHARE 0.01

/* The font of glyph @glyph of @page, or NULL. */
static const char *
font_of (const RectoPage *page, guint glyph)
{
  int span = recto_page_find_span (page, glyph);
  return span >= 0 ? g_array_index (page->spans, RectoSpan, span).font : NULL;
}

/* Counts how often each code of the unmapped fonts occurs (in rows: every glyph with a box). */
static void
count_occurrences (Learning *learning)
{
  for (guint r = 0; r < learning->rows->len; r++)
    {
      const TextRow *row = &g_array_index (learning->rows, TextRow, r);
      const RectoPage *page = recto_document_get_page (learning->doc, row->page);
      for (guint k = 0; k < row->glyphs->len; k++)
        {
          guint i = g_array_index (row->glyphs, guint, k);
          const char *font = font_of (page, i);
          gunichar c = g_array_index (page->chars, gunichar, i);
          if (c != ' ' && font_survey_needs_reading (learning->surveys, font, c))
            votes_for (learning, font, c)->occurrences++;
        }
    }
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
      const char *font = font_of (page, i);
      if (!font_survey_needs_reading (learning->surveys, font, chars[i]))
        continue;
      if (chars[i] == ' ' ? g_hash_table_contains (learning->inked_space_fonts, font)
                          : votes_for (learning, font, chars[i])->readings
                                    + votes_for (learning, font, chars[i])->blank
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
  row->symbols = ocr_pool_read_area (learning->pool, worker, learning->doc, row->page, &area,
                                     scale, OCR_LINE, &row->image);
}



static int
compare_floats (gconstpointer a, gconstpointer b)
{
  float x = *(const float *) a, y = *(const float *) b;
  return (x > y) - (x < y);
}

/* Whether the unmapped glyphs of @row are narrow (Latin, Cyrillic, Greek type: most letters half
 * an em wide or less) rather than each an em wide (CJK type): their median width is under
 * NARROW_EMS of the row's em. */
static gboolean
row_is_narrow (Learning *learning, const TextRow *row)
{
  const RectoPage *page = recto_document_get_page (learning->doc, row->page);
  const gunichar *chars = (const gunichar *) page->chars->data;
  const RectoBox *boxes = (const RectoBox *) page->boxes->data;
  g_autoptr (GArray) widths = g_array_new (FALSE, FALSE, sizeof (float));

  for (guint k = 0; k < row->glyphs->len; k++)
    {
      guint i = g_array_index (row->glyphs, guint, k);
      if (chars[i] != ' ' && font_survey_needs_reading (learning->surveys, font_of (page, i), chars[i]))
        g_array_append_val (widths, ((float){ boxes[i].x2 - boxes[i].x1 }));
    }
  if (widths->len == 0)
    return FALSE;
  g_array_sort (widths, compare_floats);
  return g_array_index (widths, float, widths->len / 2) < NARROW_EMS * text_row_em (row);
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
      const char *font = font_of (page, i);
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
          RowItem hole = { ITEM_HOLE, right->glyph, 0, NULL,
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
  g_autoptr (GArray) items = row_items (learning, row, row_is_narrow (learning, row));
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

/* The dash a bar @ems of an em wide is: an em dash (and 一's look-alike) fills its em; in
 * Latin type an en dash takes half an em, a hyphen a third (OCR reads all three as "-"). */
static gunichar
dash_of_width (float ems)
{
  return ems >= 0.8f ? 0x2014 /* — */ : ems >= 0.45f ? 0x2013 /* – */ : '-';
}

/* Looks once at the shape of a code's glyph (glyph-shapes.h), in the image its row was read
 * from: a dash, or a circled number, which OCR misreads. */
static void
look_at_shape (Learning *learning, const TextRow *row, const RectoBox *box, CodeVotes *votes)
{
  g_autoptr (RectoImage) glyph = NULL;

  votes->shape_seen = TRUE;
  if (row->image == NULL)
    return;
  glyph = glyph_shape_crop (row->image, &row->area, row->scale, box);
  if (glyph == NULL)
    return;
  if (glyph_shape_is_dash (glyph))
    votes->dash = dash_of_width ((box->x2 - box->x1) / text_row_em (row));
  if (!votes->dash && glyph_shape_open_ring (glyph))
    votes->circled = glyph_shape_circled (ocr_pool_read_number (learning->pool, 0, glyph));
}

/* OCR reads the full-width punctuation of Chinese text as ASCII ("：" as ":"): a glyph an em
 * wide is read as the full-width form. */
static gunichar
fit_width (gunichar c, const RectoBox *box, float em, gboolean narrow)
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

/* Whether a glyph at @box of @image (showing @area at @scale) is drawn with no ink: its box,
 * but for a tenth at each side (where a neighbour may overhang), is empty. Even a full-width
 * comma, small in the corner of its em, has ink there. A space Poppler gives (@space) may be
 * a sliver between words that a neighbour's overhang fills to a tenth of it: only its middle
 * half counts (a letter whose code reads as a space has ink there), and a sliver too narrow
 * to look at holds no glyph. */
static gboolean
is_blank (const RectoImage *image, const RectoBox *area, double scale, const RectoBox *box,
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
static void
drop_blank_items (Learning *learning, const TextRow *row, GArray *items, gboolean narrow)
{
  for (guint i = items->len; i-- > 0;)
    {
      const RowItem *item = &g_array_index (items, RowItem, i);
      gboolean blank;
      if (item->kind != ITEM_CODE || row->image == NULL)
        continue;
      blank = is_blank (row->image, &row->area, row->scale, &item->box, narrow && item->c == ' ');
      if (item->c == ' ')
        {
          SpaceGlyph *space = g_new0 (SpaceGlyph, 1);
          space->inked = !blank;
          g_hash_table_insert (learning->spaces, glyph_key (row->page, item->glyph), space);
          if (!blank)
            g_hash_table_add (learning->inked_space_fonts, (gpointer) item->font);
        }
      else if (blank)
        votes_for (learning, item->font, item->c)->blank++;
      if (blank)
        g_array_remove_index (items, i);
    }
}

/* Keeps what OCR read on the space glyph @item drawn with ink (drop_blank_items()): the symbol
 * aligned with it (@aligned, or -1) and the ones no item took that stand on it, left to right.
 * Only symbols that stand on the glyph: a neighbour's reading, aligned with it when OCR missed
 * the glyph, would double a letter. */
static void
read_space_glyph (Learning *learning, const TextRow *row, const RowItem *item,
                  const GArray *symbols, int aligned, gboolean *taken, float em, gboolean narrow)
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

/* Queues a glyph drawn without text at @box of @row, read as @symbol, to go before glyph
 * @before. */
static void
add_dropped (Learning *learning, const TextRow *row, guint before, const OcrSymbol *symbol,
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
      || (narrow && is_blank (row->image, &row->area, row->scale, box, TRUE))
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

/* Queues the @n symbols of @symbols at the indices @run, read in the gap @gap of a row of
 * narrow type, as glyphs drawn without text before glyph @before, each in its share of the
 * gap: OCR places Latin letters too loosely to say more. */
static void
add_dropped_run (Learning *learning, const TextRow *row, const GArray *symbols, const guint *run,
                 guint n, const RectoBox *gap, guint before)
{
  float width = (gap->x2 - gap->x1) / MAX (n, 1);

  for (guint k = 0; k < n; k++)
    {
      RectoBox slot = { gap->x1 + k * width, gap->y1, gap->x1 + (k + 1) * width, gap->y2 };
      add_dropped (learning, row, before, &g_array_index (symbols, OcrSymbol, run[k]), &slot, TRUE);
    }
}

/* The symbols no item took that stand within @gap of a row of narrow type, left to right, at
 * most as many as letters of a fifth of an em fit in it: the letters Poppler dropped there.
 * Marks them taken. */
static guint
narrow_gap_symbols (const GArray *symbols, gboolean *taken, const RectoBox *gap, float em,
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
static void
collect_narrow_edges (Learning *learning, const TextRow *row, const GArray *items,
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
      if ((n = narrow_gap_symbols (symbols, taken, &gap, em, run)) > 0)
        {
          gap.x1 = MAX (left, gap.x2 - n * (last->box.x2 - first->box.x1) / items->len);
          add_dropped_run (learning, row, symbols, run, n, &gap, first->glyph);
        }
    }
  if (right - last->box.x2 >= NARROW_HOLE_EMS * em)
    {
      RectoBox gap = { last->box.x2, last->box.y1, right, last->box.y2 };
      if ((n = narrow_gap_symbols (symbols, taken, &gap, em, run)) > 0)
        {
          /* The letters take their widths from the row's: as wide as its glyphs on average. */
          gap.x2 = MIN (right, gap.x1 + n * (last->box.x2 - first->box.x1) / items->len);
          add_dropped_run (learning, row, symbols, run, n, &gap, last->glyph + 1);
        }
    }
}

/* Symbols OCR read beyond the row's first or last glyph, one em after another within the
 * row's column, that no glyph took: glyphs drawn without text at the row's ends. Their boxes
 * are the ems they stand in (OCR's boxes are loose). */
static void
collect_edges (Learning *learning, const TextRow *row, const GArray *items, const GArray *symbols,
               const int *pairs, float em)
{
  g_autofree gboolean *taken = g_new0 (gboolean, symbols->len + 1);
  const RowItem *first, *last;
  float edge, left, right;

  if (items->len == 0)
    return;
  for (guint i = 0; i < items->len; i++)
    if (pairs[i] >= 0)
      taken[pairs[i]] = TRUE;
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
      add_dropped (learning, row, last->glyph + 1, symbol, &slot, FALSE);
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
      add_dropped (learning, row, first->glyph, symbol, &slot, FALSE);
      edge -= em;
    }
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
  g_autofree gboolean *taken = NULL;
  float em = text_row_em (row);
  gboolean narrow = row_is_narrow (learning, row);
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
  drop_blank_items (learning, row, items, narrow);
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
  row_alignment_align (items, symbols, em, pairs);
  taken = g_new0 (gboolean, symbols->len + 1);
  for (guint i = 0; i < items->len; i++)
    if (pairs[i] >= 0)
      taken[pairs[i]] = TRUE;
  for (guint i = 0; i < items->len; i++)
    {
      const RowItem *item = &g_array_index (items, RowItem, i);
      const OcrSymbol *symbol;
      if (item->kind == ITEM_CODE && item->c == ' ')
        read_space_glyph (learning, row, item, symbols, pairs[i], taken, em, narrow);
      if (pairs[i] < 0 || item->kind == ITEM_TEXT || item->c == ' ')
        continue;
      symbol = &g_array_index (symbols, OcrSymbol, pairs[i]);
      if (item->kind == ITEM_CODE)
        {
          CodeVotes *votes = votes_for (learning, item->font, item->c);
          if (!votes->shape_seen)
            look_at_shape (learning, row, &item->box, votes);
          vote (votes, fit_width (symbol->c, &item->box, em, narrow), symbol->confidence);
          read++;
        }
      else
        add_dropped (learning, row, item->glyph, symbol, &item->box, FALSE);
    }
  for (guint h = 0; h < holes->len; h++)
    {
      const RowItem *hole = &g_array_index (holes, RowItem, h);
      if ((n = narrow_gap_symbols (symbols, taken, &hole->box, em, run)) > 0)
        add_dropped_run (learning, row, symbols, run, n, &hole->box, hole->glyph);
    }
  if (narrow && items->len > 0)
    collect_narrow_edges (learning, row, items, symbols, taken, em);
  else
    collect_edges (learning, row, items, symbols, pairs, em);
  g_clear_pointer (&row->image, recto_image_free);
  return read;
}

/* Whether OCR's @c is one of the characters a bar across the em is read as. */
static gboolean
is_bar (gunichar c)
{
  return c == 0x4E00 /* 一 */ || c == 0x2014 || c == 0x2015 || c == 0x2013 || c == '-'
         || c == 0xFF0D || c == 0x2500 || c == '_';
}

/* The winning character of @votes and how sure it is: its share of the vote weight, times its
 * mean confidence, a little less when it was read only once. A code whose glyphs were mostly
 * seen with no ink is a space (certainty 1): what OCR aligned with it was its neighbours. */
static RectoGlyphMapping
elect (gunichar code, const CodeVotes *votes)
{
  RectoGlyphMapping mapping = { .code = code, .occurrences = votes->occurrences,
                                .readings = votes->readings };
  const Candidate *best = NULL;
  float total = 0;

  if (votes->blank > votes->readings)
    {
      mapping.character = ' ';
      mapping.certainty = 1;
      return mapping;
    }

  for (guint i = 0; i < votes->candidates->len; i++)
    {
      const Candidate *candidate = &g_array_index (votes->candidates, Candidate, i);
      total += candidate->weight;
      /* Ties go to the smaller code point, so the result does not depend on reading order. */
      if (best == NULL || candidate->weight > best->weight
          || (candidate->weight == best->weight && candidate->c < best->c))
        best = candidate;
    }
  if (votes->circled != 0)
    {
      /* Read from the glyph's shape, not from the votes, which misread it. */
      mapping.character = votes->circled;
      mapping.certainty = 0.9f;
      return mapping;
    }
  if (best == NULL || total <= 0)
    return mapping;
  mapping.character = votes->dash != 0 && is_bar (best->c) ? votes->dash : best->c;
  mapping.certainty = (best->weight / total) * (best->weight / best->count)
                      * (best->count >= 2 ? 1.0f : 0.9f);
  return mapping;
}

static int
compare_codes (gconstpointer a, gconstpointer b)
{
  gunichar x = *(const gunichar *) a, y = *(const gunichar *) b;
  return (x > y) - (x < y);
}

/* Decodes space glyph @i of @page if it is drawn with ink and OCR read a symbol on it: a glyph
 * whose code reads as white space, read where it stands (drop_blank_items()). A space between
 * words is left alone, and so is one with no symbol on it (a neighbour's ink in its box). */
static void
decode_space (Learning *learning, RectoPage *page, guint i, RectoFontCheck *check)
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
          DroppedGlyph dropped = { page->index, i + 1, space->c[k],
                                   { box->x1 + k * width, box->y1, box->x1 + (k + 1) * width, box->y2 },
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

/* Decodes the glyphs of @font through @map and marks them recovered: its codes, and, where
 * its map is @wrong, every glyph; a character the font gives validly is kept otherwise. Space
 * glyphs are decode_space()'s. A reading less certain than wanted was left out of the map
 * (character 0): its glyphs are marked unrecovered. Counts into @check. */
static void
decode_font (Learning *learning, const char *font, const RectoFontMap *map, gboolean wrong,
             RectoFontCheck *check, guint *blank)
{
  RectoDocument *doc = learning->doc;

  for (guint p = 0; p < recto_document_get_n_pages (doc); p++)
    {
      RectoPage *page = recto_document_get_page (doc, p);
      gunichar *chars = (gunichar *) page->chars->data;
      const RectoBox *boxes = (const RectoBox *) page->boxes->data;
      for (guint s = 0; s < page->spans->len; s++)
        {
          const RectoSpan *span = &g_array_index (page->spans, RectoSpan, s);
          if (span->font != font)
            continue;
          for (guint i = span->first; i < span->first + span->length; i++)
            {
              const RectoGlyphMapping *mapping;
              gunichar code = chars[i];
              gboolean is_code = font_survey_is_code (code, boxes[i].x2 - boxes[i].x1, span->size);
              if (code == ' ')
                decode_space (learning, page, i, check);
              if (code == ' ' || (!is_code && !wrong && !font_survey_is_rare (code)))
                continue;
              mapping = recto_font_map_lookup (map, code);
              /* A valid character (a digit or a Greek letter set an em wide, a rare one) stays
               * unless a certain reading says otherwise; a narrow reading of a glyph an em
               * wide ("8" for 荣) is OCR's, not the glyph's. */
              if (!wrong && !font_survey_is_code (code, 0, 0)
                  && (mapping == NULL || mapping->character == 0
                      || font_verdict_agrees (code, mapping->character)
                      || (!g_unichar_iswide (mapping->character)
                          && boxes[i].x2 - boxes[i].x1 >= 0.9f * span->size)))
                continue;
              if (mapping != NULL && mapping->character == ' ')
                {
                  /* A space glyph: the space between words is geometry's to say; one an em
                   * wide is the ideographic space of CJK type (a paragraph's indent). */
                  chars[i] = boxes[i].x2 - boxes[i].x1 >= 0.8f * span->size ? 0x3000 : ' ';
                  recto_page_mark_recovered (doc, page, i, code, 1);
                  (*blank)++;
                }
              else if (mapping != NULL && mapping->character != 0)
                {
                  chars[i] = mapping->character;
                  recto_page_mark_recovered (doc, page, i, code, mapping->certainty);
                  if (is_code)
                    check->recovered++;
                  else
                    check->replaced++;
                }
              else
                {
                  recto_page_mark_recovered (doc, page, i, code, 0);
                  check->unasserted++;
                }
            }
        }
    }
}

/* Puts right the parentheses OCR misread as angle brackets (brackets.h). */
static void
pair_brackets (GArray *mappings)
{
  BracketCensus census = { 0 };

  for (guint i = 0; i < mappings->len; i++)
    bracket_census_add (&census, g_array_index (mappings, RectoGlyphMapping, i).character);
  for (guint i = 0; i < mappings->len; i++)
    {
      RectoGlyphMapping *mapping = &g_array_index (mappings, RectoGlyphMapping, i);
      mapping->character = bracket_census_fix (&census, mapping->character);
    }
}

/* Samples the codes of a font that give valid-looking characters against their readings
 * (font-verdict.h); @mappings are the elected readings, certain ones only. */
static void
sample_agreement (const GArray *mappings, RectoFontCheck *check)
{
  for (guint i = 0; i < mappings->len; i++)
    {
      const RectoGlyphMapping *mapping = &g_array_index (mappings, RectoGlyphMapping, i);
      if (mapping->code == ' ' || font_survey_is_code (mapping->code, 0, 0)
          || mapping->character == 0 || mapping->character == ' ')
        continue;
      check->sampled++;
      check->disagreed += !font_verdict_agrees (mapping->code, mapping->character);
    }
}

/* Elects each code's reading; readings below the wanted certainty are not asserted. Returns
 * how many codes were left without a character for that. */
static guint
elect_all (Learning *learning, GHashTable *codes, GArray *mappings)
{
  g_autoptr (GArray) keys = g_array_new (FALSE, FALSE, sizeof (gunichar));
  GHashTableIter iter;
  gpointer key;
  guint uncertain = 0;

  g_hash_table_iter_init (&iter, codes);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_array_append_val (keys, ((gunichar){ GPOINTER_TO_UINT (key) }));
  /* Sorted: the map's order must not depend on the hash table's. */
  g_array_sort (keys, compare_codes);
  for (guint i = 0; i < keys->len; i++)
    {
      gunichar code = g_array_index (keys, gunichar, i);
      RectoGlyphMapping mapping = elect (code, g_hash_table_lookup (codes, GUINT_TO_POINTER (code)));
      g_array_append_val (mappings, mapping);
    }
  pair_brackets (mappings);
  for (guint i = 0; i < mappings->len; i++)
    {
      RectoGlyphMapping *mapping = &g_array_index (mappings, RectoGlyphMapping, i);
      if (mapping->character != 0 && mapping->certainty < learning->options->min_certainty)
        {
          mapping->character = 0; /* its certainty stays, for the header's note */
          uncertain++;
        }
    }
  return uncertain;
}

static void
record_map (Learning *learning, const FontSurvey *survey, GHashTable *codes,
            FontLearningReport *report)
{
  g_autoptr (GArray) mappings = g_array_new (FALSE, FALSE, sizeof (RectoGlyphMapping));
  g_autofree char *method = NULL;
  RectoFontCheck check = { .font = survey->font, .glyphs = survey->glyphs };
  guint uncertain = elect_all (learning, codes, mappings), learned = 0, blank = 0;
  gboolean wrong;

  for (guint i = 0; i < mappings->len; i++)
    learned += g_array_index (mappings, RectoGlyphMapping, i).character != 0;
  sample_agreement (mappings, &check);
  /* A suspect font's rare characters alone were read: they say nothing of the others. */
  wrong = survey->unmapped && font_verdict_map_is_wrong (check.sampled, check.disagreed);
  /* Nearly all its glyphs codes: it has no map at all, whatever the few others say. */
  check.verdict = wrong && survey->codes * 10 < survey->glyphs * 9 ? RECTO_FONT_WRONG_MAP
                                                                     : RECTO_FONT_MISSING_MAP;
  method = survey->suspect
      ? g_strdup_printf ("Rare characters (CJK Extension A, modifier letters…) read by OCR: %u "
                         "of %u such codes read surely enough (%s, %s); a character is replaced "
                         "only by a certain reading that disagrees with it",
                         learned, mappings->len, ocr_version (), learning->pool->languages)
      : g_strdup_printf (
      "%s: %u of %u glyph codes learned by a confidence-weighted vote over OCR readings (%s, "
      "%s) of %u of the %u text rows holding the font; %u codes read less surely than %.2f "
      "left without a character",
      check.verdict == RECTO_FONT_WRONG_MAP ? "Wrong Unicode map (its characters disagree with its glyphs)"
      : wrong ? "No usable Unicode map (its codes and the few characters it gives disagree with its glyphs)"
              : "No usable Unicode map",
      learned, mappings->len, ocr_version (), learning->pool->languages, report->rows_read,
      report->rows, uncertain, learning->options->min_certainty);
  recto_document_add_font_map (learning->doc, survey->font, method,
                               (const RectoGlyphMapping *) mappings->data, mappings->len);
  decode_font (learning, survey->font,
               recto_document_get_font_map (learning->doc,
                                            recto_document_get_n_font_maps (learning->doc) - 1),
               wrong, &check, &blank);
  if (survey->suspect)
    check.verdict = check.replaced > 0 ? RECTO_FONT_WRONG_MAP : RECTO_FONT_GOOD;
  check.method = g_strdup_printf ("%s. Decoded through the learned map: %s.", method,
                                  wrong ? "every glyph" : "the glyphs that carry codes; the "
                                  "characters it gives validly are kept");
  recto_document_add_font_check (learning->doc, &check);
  g_free (check.method);
  report->decoded += check.recovered;
  report->replaced += check.replaced;
  report->unresolved += check.unasserted;
  report->blank += blank;
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
        report->glyphs_read += count_votes (&learning, &g_array_index (learning.rows, TextRow, batch[i]));
      report->rows_read += n;
    }

  for (guint i = 0; i < surveys->len; i++)
    {
      const FontSurvey *survey = &g_array_index (surveys, FontSurvey, i);
      GHashTable *codes = g_hash_table_lookup (learning.votes, survey->font);
      if ((survey->unmapped || survey->suspect) && codes != NULL)
        record_map (&learning, survey, codes, report);
    }
  insert_dropped (&learning, report);
  g_array_unref (learning.dropped);
  g_array_unref (learning.rows);
  g_hash_table_unref (learning.votes);
  g_hash_table_unref (learning.spaces);
  g_hash_table_unref (learning.inked_space_fonts);
}

guint
font_learning_fix_lookalikes (RectoDocument *doc, const GArray *surveys)
{
  guint changed = 0;

  for (guint f = 0; f < surveys->len; f++)
    {
      const FontSurvey *survey = &g_array_index (surveys, FontSurvey, f);
      g_autoptr (GHashTable) seen = NULL; /* code → its position in mappings, plus one */
      g_autoptr (GArray) mappings = NULL;
      if (survey->unmapped || survey->lookalikes == 0)
        continue;
      seen = g_hash_table_new (NULL, NULL);
      mappings = g_array_new (FALSE, FALSE, sizeof (RectoGlyphMapping));
      for (guint p = 0; p < recto_document_get_n_pages (doc); p++)
        {
          RectoPage *page = recto_document_get_page (doc, p);
          gunichar *chars = (gunichar *) page->chars->data;
          for (guint s = 0; s < page->spans->len; s++)
            {
              const RectoSpan *span = &g_array_index (page->spans, RectoSpan, s);
              gunichar ideograph;
              if (span->font != survey->font)
                continue;
              for (guint i = span->first; i < span->first + span->length; i++)
                {
                  gunichar code = chars[i];
                  if (code < 0x2E80 || !font_survey_is_lookalike (code, &ideograph))
                    continue;
                  guint position = GPOINTER_TO_UINT (g_hash_table_lookup (seen, GUINT_TO_POINTER (code)));
                  chars[i] = ideograph;
                  /* A look-alike's reading is fixed by Unicode, not guessed. */
                  recto_page_mark_recovered (doc, page, i, code, 0.95f);
                  changed++;
                  if (position == 0)
                    {
                      g_array_append_val (mappings, ((RectoGlyphMapping){ code, ideograph, 0.95f }));
                      position = mappings->len;
                      g_hash_table_insert (seen, GUINT_TO_POINTER (code), GUINT_TO_POINTER (position));
                    }
                  g_array_index (mappings, RectoGlyphMapping, position - 1).occurrences++;
                }
            }
        }
      recto_document_add_font_map (doc, survey->font,
                                   "Radicals and compatibility ideographs given for unified "
                                   "ideographs (a broken map): read as the ideographs they stand "
                                   "for (Unicode compatibility decomposition)",
                                   (const RectoGlyphMapping *) mappings->data, mappings->len);
    }
  return changed;
}
