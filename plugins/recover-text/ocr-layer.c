/* ocr-layer.c: see ocr-layer.h. */
#include "ocr-layer.h"
#include "font-verdict.h"
#include "han-words.h"
#include "scanned-pages.h"

#include <string.h>

/* Fewer glyphs than this and the page is a scan with a stray text layer (scanned-pages.c). */
#define MIN_GLYPHS 8
/* Of a page's glyphs, the share that must lie on its large images. */
#define MIN_SHARE_ON_SCAN 0.9
/* Pages read to judge the layer before the rest are. */
#define SAMPLE_PAGES 2
/* OCR misreads about one glyph in a hundred of a clean print at the scan resolution; a layer
 * whose glyphs disagree with it more than this was misread. */
#define MAX_SHARE_DISAGREEING 0.05

static gboolean
box_contains (const RectoBox *box, float x, float y)
{
  return x >= box->x1 && x <= box->x2 && y >= box->y1 && y <= box->y2;
}

/* Whether @page's text lies on images that cover half of it or more. */
static gboolean
text_over_scan (const RectoPage *page)
{
  double page_area = page->width * page->height;
  guint glyphs = 0, on_scan = 0;

  if (page->chars->len < MIN_GLYPHS || page->images == NULL || page_area <= 0)
    return FALSE;
  for (guint i = 0; i < page->chars->len; i++)
    {
      const RectoBox *glyph = &g_array_index (page->boxes, RectoBox, i);
      float x = (glyph->x1 + glyph->x2) / 2, y = (glyph->y1 + glyph->y2) / 2;
      if (g_unichar_isspace (g_array_index (page->chars, gunichar, i)))
        continue;
      glyphs++;
      for (guint j = 0; j < page->images->len; j++)
        {
          const RectoBox *image = &g_array_index (page->images, RectoBox, j);
          if ((double) (image->x2 - image->x1) * (image->y2 - image->y1) >= page_area / 2
              && box_contains (image, x, y))
            {
              on_scan++;
              break;
            }
        }
    }
  return glyphs >= MIN_GLYPHS && on_scan >= MIN_SHARE_ON_SCAN * glyphs;
}

gboolean
ocr_layer_present (RectoDocument *doc)
{
  for (guint p = 0; p < recto_document_get_n_pages (doc); p++)
    if (text_over_scan (recto_document_get_page (doc, p)))
      return TRUE;
  return FALSE;
}

typedef struct
{
  RectoDocument *doc;
  OcrPool *pool;
  guint dpi;
  guint64 max_pixels;
  const guint *pages;
  GArray **symbols; /* per page read */
} LayerReading;

static void
read_page (guint index, guint worker, gpointer data)
{
  LayerReading *reading = data;

  reading->symbols[index] =
      scanned_page_read (reading->pool, worker, reading->doc, reading->pages[index], reading->dpi,
                         reading->max_pixels, NULL, NULL);
}

/* Reads pages @pages[@from] to @pages[@to - 1] into @symbols. */
static void
read_pages (RectoDocument *doc, OcrPool *pool, guint dpi, guint64 max_pixels, const GArray *pages,
            GArray **symbols, guint from, guint to)
{
  LayerReading reading = {
    .doc = doc, .pool = pool, .dpi = dpi, .max_pixels = max_pixels,
    .pages = (const guint *) pages->data + from, .symbols = symbols + from
  };

  recto_parallel_for (to - from, read_page, &reading);
}

static gboolean
is_latin_letter (gunichar c)
{
  return c < 0x250 && g_unichar_isalpha (c);
}

/* How well @c fits between @before and @after: digits among digits, letters among letters,
 * ideographs in common words. */
static int
fit (gunichar before, gunichar c, gunichar after)
{
  if (g_unichar_isdigit (c))
    return g_unichar_isdigit (before) + g_unichar_isdigit (after);
  if (is_latin_letter (c))
    return is_latin_letter (before) + is_latin_letter (after);
  if (han_words_is_ideograph (c))
    return han_words_is_common_pair (before, c) + han_words_is_common_pair (c, after);
  return 0;
}

/* Whether @read fits between @before and @after better than @text, the layer's character:
 * fitting better, or as well where both are ideographs or the reading is punctuation in the
 * place of an ideograph (a permuted or misread ideograph). OCR's own confusions go the other
 * ways: a dash read as "一", a bracket as another, "0" as "O". */
static gboolean
fits_better (gunichar before, gunichar text, gunichar read, gunichar after)
{
  int by_text = fit (before, text, after), by_read = fit (before, read, after);

  if (by_read != by_text)
    return by_read > by_text;
  return han_words_is_ideograph (text) && (han_words_is_ideograph (read) || g_unichar_ispunct (read));
}

/* Per font of the layer: its glyphs on the pages read, and what became of them. */
typedef struct
{
  guint glyphs, paired, disagreed, replaced;
} FontTally;

static FontTally *
tally_of (GHashTable *tallies, const char *font)
{
  FontTally *tally = g_hash_table_lookup (tallies, font);

  if (tally == NULL)
    {
      tally = g_new0 (FontTally, 1);
      g_hash_table_insert (tallies, (gpointer) font, tally);
    }
  return tally;
}

/* The glyphs of @page not yet @claimed, not white space and of a font with a map, whose centres
 * lie in the band of the line of @symbols (@n of them; an em beyond its ends), from left to
 * right. */
static GArray *
glyphs_of_line (const RectoPage *page, const GArray *surveys, const OcrSymbol *symbols, guint n,
                const gboolean *claimed)
{
  GArray *glyphs = g_array_new (FALSE, FALSE, sizeof (guint));
  RectoBox band = { symbols[0].x1, symbols[0].y1, symbols[0].x2, symbols[0].y2 };
  float em;

  for (guint j = 1; j < n; j++)
    {
      band.x1 = MIN (band.x1, symbols[j].x1), band.y1 = MIN (band.y1, symbols[j].y1);
      band.x2 = MAX (band.x2, symbols[j].x2), band.y2 = MAX (band.y2, symbols[j].y2);
    }
  em = band.y2 - band.y1;
  band.x1 -= em, band.x2 += em;
  for (guint i = 0; i < page->chars->len; i++)
    {
      const RectoBox *box = &g_array_index (page->boxes, RectoBox, i);
      int span = recto_page_find_span (page, i);
      const char *font = span >= 0 ? g_array_index (page->spans, RectoSpan, span).subset : NULL;
      if (!claimed[i] && !g_unichar_isspace (g_array_index (page->chars, gunichar, i))
          && font != NULL && !font_survey_is_unmapped (surveys, font)
          && box_contains (&band, (box->x1 + box->x2) / 2, (box->y1 + box->y2) / 2))
        g_array_append_val (glyphs, i);
    }
  /* Insertion sort by the glyphs' left edges: a line's glyphs come nearly in order. */
  for (guint a = 1; a < glyphs->len; a++)
    for (guint b = a; b > 0; b--)
      {
        guint *g = (guint *) glyphs->data;
        if (g_array_index (page->boxes, RectoBox, g[b - 1]).x1
            <= g_array_index (page->boxes, RectoBox, g[b]).x1)
          break;
        guint t = g[b - 1];
        g[b - 1] = g[b], g[b] = t;
      }
  return glyphs;
}

/* Aligns @text (@n characters) with @read (@m) by edit distance (a character OCR reads as
 * the text's costs nothing, another one, one more or one less costs one). Returns the index
 * in @read paired with each of @text, -1 where none is. */
static int *
align (const gunichar *text, guint n, const gunichar *read, guint m)
{
  g_autofree guint *cost = g_new (guint, (gsize) (n + 1) * (m + 1));
  int *pairs = g_new (int, MAX (n, 1));
  guint i = n, j = m;

#define COST(a, b) cost[(gsize) (a) * (m + 1) + (b)]
  for (guint a = 0; a <= n; a++)
    for (guint b = 0; b <= m; b++)
      if (a == 0 || b == 0)
        COST (a, b) = a + b;
      else
        COST (a, b) = MIN (COST (a - 1, b - 1) + !font_verdict_agrees (text[a - 1], read[b - 1]),
                           MIN (COST (a - 1, b), COST (a, b - 1)) + 1);
  while (i > 0 || j > 0)
    if (i > 0 && j > 0
        && COST (i, j) == COST (i - 1, j - 1) + !font_verdict_agrees (text[i - 1], read[j - 1]))
      pairs[--i] = (int) --j;
    else if (i > 0 && COST (i, j) == COST (i - 1, j) + 1)
      pairs[--i] = -1;
    else
      j--;
#undef COST
  return pairs;
}

/* Compares @page's glyphs with @symbols, line by line; with @repair, gives a glyph whose
 * reading disagrees, read at least @min_certainty surely and fitting as well, its reading. */
static void
compare_page (RectoDocument *doc, RectoPage *page, const GArray *symbols, const GArray *surveys,
              gboolean repair, float min_certainty, GHashTable *tallies, OcrLayerReport *report)
{
  gunichar *chars = (gunichar *) page->chars->data;
  g_autofree gunichar *layer = g_memdup2 (chars, page->chars->len * sizeof (gunichar));
  g_autofree gboolean *claimed = g_new0 (gboolean, page->chars->len);
  const OcrSymbol *all = (const OcrSymbol *) symbols->data;

  for (guint from = 0, to; from < symbols->len; from = to)
    {
      g_autoptr (GArray) read = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr (GArray) glyphs = NULL;
      g_autofree gunichar *text = NULL;
      g_autofree gunichar *reading = NULL;
      g_autofree int *pairs = NULL;

      to = ocr_symbols_line_end (symbols, from);
      for (guint j = from; j < to; j++)
        if (all[j].c != 0 && !g_unichar_isspace (all[j].c))
          g_array_append_val (read, j);
      if (read->len == 0)
        continue;
      glyphs = glyphs_of_line (page, surveys, all + from, to - from, claimed);
      text = g_new (gunichar, MAX (glyphs->len, 1));
      reading = g_new (gunichar, read->len);
      for (guint k = 0; k < glyphs->len; k++)
        text[k] = layer[g_array_index (glyphs, guint, k)];
      for (guint k = 0; k < read->len; k++)
        reading[k] = all[g_array_index (read, guint, k)].c;
      pairs = align (text, glyphs->len, reading, read->len);
      for (guint k = 0; k < glyphs->len; k++)
        {
          guint i = g_array_index (glyphs, guint, k);
          int span = recto_page_find_span (page, i);
          FontTally *tally = tally_of (tallies, g_array_index (page->spans, RectoSpan, span).subset);
          const OcrSymbol *symbol;
          claimed[i] = TRUE;
          tally->glyphs++;
          if (pairs[k] < 0)
            continue;
          symbol = &all[g_array_index (read, guint, pairs[k])];
          tally->paired++, report->paired++;
          if (font_verdict_agrees (layer[i], symbol->c))
            continue;
          tally->disagreed++, report->disagreed++;
          if (repair && symbol->confidence >= min_certainty)
            {
              gunichar before = k > 0 ? text[k - 1] : 0;
              gunichar after = k + 1 < glyphs->len ? text[k + 1] : 0;
              if (fits_better (before, layer[i], symbol->c, after))
                {
                  chars[i] = symbol->c;
                  recto_page_mark_recovered (doc, page, i, layer[i], symbol->confidence);
                  tally->replaced++, report->replaced++;
                }
            }
        }
    }
}

/* Records a check for each font of the misread layer, in the surveys' order. */
static void
record_fonts (RectoDocument *doc, GArray *surveys, GHashTable *tallies,
              const OcrLayerReport *report, float min_certainty)
{
  for (guint i = 0; i < surveys->len; i++)
    {
      FontSurvey *survey = &g_array_index (surveys, FontSurvey, i);
      const FontTally *tally = g_hash_table_lookup (tallies, survey->font);
      g_autofree char *method = NULL;
      RectoFontCheck check = { .font = survey->font, .verdict = RECTO_FONT_BAD_OCR_LAYER };
      if (tally == NULL)
        continue;
      survey->misread_layer = TRUE;
      method = g_strdup_printf ("Text laid over %u scanned page%s, read again by OCR (%s): %u "
                                "of the %u glyphs of this font paired with a reading disagree "
                                "with it (%u of %u in all); a reading at least %.2f sure that "
                                "fits its neighbours as well replaces the character",
                                report->read, report->read > 1 ? "s" : "", ocr_version (),
                                tally->disagreed, tally->paired, report->disagreed,
                                report->paired, min_certainty);
      check.method = method;
      check.glyphs = tally->glyphs;
      check.replaced = tally->replaced;
      recto_document_add_font_check (doc, &check);
    }
}

void
ocr_layer_check (RectoDocument *doc, GArray *surveys, OcrPool *pool, guint dpi,
                 guint64 max_pixels, float min_certainty, OcrLayerReport *report)
{
  g_autoptr (GArray) pages = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GHashTable) tallies = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autofree GArray **symbols = NULL;
  guint sample;

  memset (report, 0, sizeof *report);
  for (guint p = 0; p < recto_document_get_n_pages (doc); p++)
    {
      const RectoPage *page = recto_document_get_page (doc, p);
      if (!text_over_scan (page))
        continue;
      report->pages++;
      if (scanned_page_fits (page, dpi, max_pixels))
        g_array_append_val (pages, p);
    }
  if (pages->len == 0)
    return;
  /* The sample: pages spread over the layer's, in order, so that the rest follow them. */
  sample = MIN (SAMPLE_PAGES, pages->len);
  for (guint k = 0; k < sample; k++)
    {
      guint at = k * pages->len / sample, p = g_array_index (pages, guint, at);
      g_array_remove_index (pages, at);
      g_array_insert_val (pages, k, p);
    }
  symbols = g_new0 (GArray *, pages->len);
  read_pages (doc, pool, dpi, max_pixels, pages, symbols, 0, sample);
  for (guint k = 0; k < sample; k++)
    if (symbols[k] != NULL)
      compare_page (doc, recto_document_get_page (doc, g_array_index (pages, guint, k)),
                    symbols[k], surveys, FALSE, min_certainty, tallies, report);
  report->misread = report->disagreed > MAX_SHARE_DISAGREEING * report->paired;
  if (report->misread)
    {
      read_pages (doc, pool, dpi, max_pixels, pages, symbols, sample, pages->len);
      report->paired = report->disagreed = 0;
      g_hash_table_remove_all (tallies);
      for (guint k = 0; k < pages->len; k++)
        if (symbols[k] != NULL)
          {
            compare_page (doc, recto_document_get_page (doc, g_array_index (pages, guint, k)),
                          symbols[k], surveys, TRUE, min_certainty, tallies, report);
            report->read++;
          }
      record_fonts (doc, surveys, tallies, report, min_certainty);
    }
  for (guint k = 0; k < pages->len; k++)
    g_clear_pointer (&symbols[k], g_array_unref);
}
