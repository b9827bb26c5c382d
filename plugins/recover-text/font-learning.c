/* font-learning.c: see font-learning.h. */
#include "font-learning.h"
#include "brackets.h"
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
  GArray *candidates; /* Candidate */
  gboolean shape_seen; /* its glyph's shape was looked at (glyph-shapes.c) */
  gboolean dash; /* the glyph is a bar across its em */
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
} Learning;

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
          if (font_survey_is_unmapped (learning->surveys, font))
            votes_for (learning, font, g_array_index (page->chars, gunichar, i))->occurrences++;
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
      if (font_survey_is_unmapped (learning->surveys, font)
          && votes_for (learning, font, chars[i])->readings < learning->options->votes)
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



/* The row's glyphs as items, left to right, with a hole item wherever two glyphs of an
 * unmapped font leave an em of empty space between them. */
static GArray *
row_items (Learning *learning, const TextRow *row)
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
      gboolean code = font_survey_is_unmapped (learning->surveys, font);
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
      n_holes = (guint) (width / em + 0.2f);
      if (width < HOLE_EMS * em || n_holes == 0)
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
  g_autoptr (GArray) items = row_items (learning, row);
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

/* Looks once at the shape of a code's glyph (glyph-shapes.h), in the image its row was read
 * from: an em dash, or a circled number, which OCR misreads. */
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
  votes->dash = glyph_shape_is_dash (glyph);
  if (!votes->dash && glyph_shape_open_ring (glyph))
    votes->circled = glyph_shape_circled (ocr_pool_read_number (learning->pool, 0, glyph));
}

/* OCR reads the full-width punctuation of Chinese text as ASCII ("：" as ":"): a glyph an em
 * wide is read as the full-width form. */
static gunichar
fit_width (gunichar c, const RectoBox *box, float em)
{
  if (box->x2 - box->x1 >= 0.9f * em && c < 0x7F && g_unichar_ispunct (c))
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
static void
add_dropped (Learning *learning, const TextRow *row, guint before, const OcrSymbol *symbol,
             const RectoBox *box)
{
  guint page = row->page;
  DroppedGlyph dropped = { page, before, symbol->c, *box, symbol->confidence };

  /* The glyph fills an em, as the font's other glyphs: a narrow reading (a digit) is OCR's
   * second look at a neighbour. */
  if (symbol->confidence < MIN_DROPPED_CONFIDENCE || !g_unichar_iswide (symbol->c)
      || !has_ink (row, box)
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
      add_dropped (learning, row, last->glyph + 1, symbol, &slot);
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
      add_dropped (learning, row, first->glyph, symbol, &slot);
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
  g_autofree int *pairs = NULL;
  float em = text_row_em (row);
  guint read = 0;

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
  items = row_items (learning, row);
  pairs = g_new (int, items->len + 1);
  row_alignment_align (items, symbols, em, pairs);
  for (guint i = 0; i < items->len; i++)
    {
      const RowItem *item = &g_array_index (items, RowItem, i);
      const OcrSymbol *symbol;
      if (pairs[i] < 0 || item->kind == ITEM_TEXT)
        continue;
      symbol = &g_array_index (symbols, OcrSymbol, pairs[i]);
      if (item->kind == ITEM_CODE)
        {
          CodeVotes *votes = votes_for (learning, item->font, item->c);
          if (!votes->shape_seen)
            look_at_shape (learning, row, &item->box, votes);
          vote (votes, fit_width (symbol->c, &item->box, em), symbol->confidence);
          read++;
        }
      else
        add_dropped (learning, row, item->glyph, symbol, &item->box);
    }
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
 * mean confidence, a little less when it was read only once. */
static RectoGlyphMapping
elect (gunichar code, const CodeVotes *votes)
{
  RectoGlyphMapping mapping = { .code = code, .occurrences = votes->occurrences,
                                .readings = votes->readings };
  const Candidate *best = NULL;
  float total = 0;

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
  mapping.character = votes->dash && is_bar (best->c) ? 0x2014 /* — */ : best->c;
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

/* Decodes every glyph of @font through @map and marks it recovered. */
static void
decode_font (RectoDocument *doc, const char *font, const RectoFontMap *map,
             FontLearningReport *report)
{
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
              if (code == ' ' && !font_survey_is_space_code (code, &boxes[i], span->size))
                continue;
              mapping = recto_font_map_lookup (map, code);
              if (mapping != NULL && mapping->character != 0)
                {
                  chars[i] = mapping->character;
                  recto_page_mark_recovered (doc, page, i, code, mapping->certainty);
                  report->decoded++;
                }
              else
                {
                  recto_page_mark_recovered (doc, page, i, code, 0);
                  report->unresolved++;
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

static void
record_map (Learning *learning, const char *font, GHashTable *codes, FontLearningReport *report)
{
  g_autoptr (GArray) keys = g_array_new (FALSE, FALSE, sizeof (gunichar));
  g_autoptr (GArray) mappings = g_array_new (FALSE, FALSE, sizeof (RectoGlyphMapping));
  g_autofree char *method = NULL;
  guint learned = 0;
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, codes);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_array_append_val (keys, ((gunichar){ GPOINTER_TO_UINT (key) }));
  /* Sorted: the map's order must not depend on the hash table's. */
  g_array_sort (keys, compare_codes);
  for (guint i = 0; i < keys->len; i++)
    {
      gunichar code = g_array_index (keys, gunichar, i);
      RectoGlyphMapping mapping = elect (code, g_hash_table_lookup (codes, GUINT_TO_POINTER (code)));
      learned += mapping.character != 0;
      g_array_append_val (mappings, mapping);
    }
  pair_brackets (mappings);
  method = g_strdup_printf (
      "No usable Unicode map: %u of %u glyph codes learned by a confidence-weighted vote over "
      "OCR readings (%s, %s) of %u of the %u text rows holding the font",
      learned, mappings->len, ocr_version (), learning->pool->languages, report->rows_read,
      report->rows);
  recto_document_add_font_map (learning->doc, font, method,
                               (const RectoGlyphMapping *) mappings->data, mappings->len);
  decode_font (learning->doc, font,
               recto_document_get_font_map (learning->doc,
                                            recto_document_get_n_font_maps (learning->doc) - 1),
               report);
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
      if (survey->unmapped && codes != NULL)
        record_map (&learning, survey->font, codes, report);
    }
  insert_dropped (&learning, report);
  g_array_unref (learning.dropped);
  g_array_unref (learning.rows);
  g_hash_table_unref (learning.votes);
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
