/* scanned-pages.c: see scanned-pages.h. */
#include "scanned-pages.h"
#include "brackets.h"
#include "scan-symbols.h"
#include "unread-lines.h"

#include <math.h>
#include <string.h>

/* A page with fewer glyphs than this is "without text": a scan may carry a stray page number
 * in a text layer of its own. */
#define MAX_TEXT_GLYPHS 8
/* Images covering this share of the page make it a scan. */
#define MIN_IMAGE_SHARE 0.3

gboolean
scanned_page_detect (const RectoPage *page)
{
  double image_area = 0, page_area = page->width * page->height;

  if (page->chars->len >= MAX_TEXT_GLYPHS || page->images == NULL || page_area <= 0)
    return FALSE;
  for (guint i = 0; i < page->images->len; i++)
    {
      const RectoBox *box = &g_array_index (page->images, RectoBox, i);
      image_area += (double) (box->x2 - box->x1) * (box->y2 - box->y1);
    }
  return image_area >= MIN_IMAGE_SHARE * page_area;
}

/* A page whose letters are less than this share ideographs is in Latin script. */
#define MAX_LATIN_PAGE_IDEOGRAPHS 0.05

static gboolean
is_ideograph (gunichar c)
{
  return scan_symbol_is_wide (c) && g_unichar_type (c) == G_UNICODE_OTHER_LETTER;
}

/* Whether the letters of @symbols are (almost) all Latin. */
static gboolean
is_latin_page (const GArray *symbols)
{
  guint letters = 0, ideographs = 0;

  for (guint j = 0; j < symbols->len; j++)
    {
      gunichar c = g_array_index (symbols, OcrSymbol, j).c;
      letters += g_unichar_isalpha (c);
      ideographs += is_ideograph (c);
    }
  return letters > 0 && ideographs < MAX_LATIN_PAGE_IDEOGRAPHS * letters;
}

typedef struct
{
  RectoDocument *doc;
  OcrPool *pool;
  guint dpi;
  const guint *pages;
  GArray **symbols; /* per scanned page */
} Reading;

static void
read_page (guint index, guint worker, gpointer data)
{
  Reading *reading = data;
  const RectoPage *page = recto_document_get_page (reading->doc, reading->pages[index]);
  RectoBox whole = { 0, 0, (float) page->width, (float) page->height };
  double scale = reading->dpi / 72.0;
  g_autoptr (RectoImage) image = NULL;

  reading->symbols[index] = ocr_pool_read_area (reading->pool, worker, reading->doc, page->index,
                                                &whole, scale, OCR_PAGE, &image);
  /* The mixed models read a page in Latin script with stray ideographs for ligatures and
   * currency signs ("Sta 什" for "staff", "对538" for "£538") and Chinese full-width commas:
   * the Latin model reads it again alone. */
  if (reading->symbols[index] != NULL && image != NULL && reading->pool->primary_language != NULL
      && is_latin_page (reading->symbols[index]))
    {
      GArray *latin = ocr_pool_read_image_latin (reading->pool, worker, image, (int) (scale * 72 + 0.5),
                                                 OCR_PAGE);
      if (latin != NULL)
        {
          ocr_symbols_to_page (latin, &whole, scale);
          g_array_unref (reading->symbols[index]);
          reading->symbols[index] = latin;
        }
    }
  if (reading->symbols[index] != NULL && image != NULL)
    {
      unread_lines_read (reading->symbols[index], image, &whole, scale, reading->pool, worker);
      scan_symbols_correct (reading->symbols[index], image, &whole, scale, reading->pool, worker);
    }
}

/* Shares of an em that glyphs' ink fills: an ideograph about nine tenths, a capital, a digit or
 * a lowercase letter with an ascender about seven tenths (Latin faces' cap height), any symbol
 * about half (a lowercase letter without one). */
#define IDEOGRAPH_HEIGHT 0.9
#define CAP_HEIGHT 0.7
#define X_HEIGHT 0.5

static gboolean
is_tall_latin (gunichar c)
{
  return (c < 0x80 && (g_ascii_isupper ((char) c) || g_ascii_isdigit ((char) c)))
         || (c < 0x80 && strchr ("bdfhklt", (int) c) != NULL);
}

/* The median height of those of symbols @symbols to @n that pass @take, in ems of @share. */
static double
median_em (const OcrSymbol *symbols, guint n, gboolean (*take) (gunichar), double share)
{
  g_autoptr (GArray) heights = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < n; i++)
    if (symbols[i].c != 0 && take (symbols[i].c))
      {
        double height = symbols[i].y2 - symbols[i].y1;
        g_array_append_val (heights, height);
      }
  return heights->len > 0 ? scan_symbols_median (heights) / share : 0;
}

static gboolean
is_any (gunichar c)
{
  return !g_unichar_isspace (c);
}

/* A line's type size from its symbols' heights: the median ideograph's, or else the median
 * capital's, digit's or tall lowercase letter's (the LSTM's boxes vary, hence the median; the
 * boxes of full-width punctuation are as tall as the mark or as the em given back to a shrunken
 * box, those of Latin letters as their ink); rounded to half points so that the lines of one
 * size agree. */
static float
line_size (const OcrSymbol *symbols, guint n)
{
  double em = median_em (symbols, n, is_ideograph, IDEOGRAPH_HEIGHT);

  if (em <= 0)
    em = median_em (symbols, n, is_tall_latin, CAP_HEIGHT);
  if (em <= 0)
    em = median_em (symbols, n, is_any, X_HEIGHT);
  return roundf ((float) em * 2) / 2;
}

/* The band a line's glyphs are given: from the median top to the median bottom of its
 * symbols. The boxes of OCR's symbols are as tall as their ink, and a comma's, which hangs
 * below the line, or a quote's, above it, would make the next stage take it for a line of its
 * own ("54" "," "595"). */
static void
line_band (const OcrSymbol *symbols, guint n, float *top, float *bottom)
{
  g_autoptr (GArray) tops = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) bottoms = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < n; i++)
    if (symbols[i].c != 0 && !g_unichar_isspace (symbols[i].c))
      {
        double y1 = symbols[i].y1, y2 = symbols[i].y2;
        g_array_append_val (tops, y1);
        g_array_append_val (bottoms, y2);
      }
  *top = (float) scan_symbols_median (tops);
  *bottom = (float) scan_symbols_median (bottoms);
  if (tops->len == 0 || *bottom <= *top)
    *top = symbols[0].y1, *bottom = symbols[0].y2;
}

/* Adds one line of symbols to @page as a span, with a space glyph between two words of Latin
 * script (Chinese words are not spaced). */
static guint
add_line (RectoDocument *doc, RectoPage *page, const OcrSymbol *symbols, guint n)
{
  g_autoptr (GArray) chars = g_array_new (FALSE, FALSE, sizeof (gunichar));
  g_autoptr (GArray) boxes = g_array_new (FALSE, FALSE, sizeof (RectoBox));
  g_autoptr (GArray) certainties = g_array_new (FALSE, FALSE, sizeof (float));
  guint first = page->chars->len;
  float top, bottom;

  line_band (symbols, n, &top, &bottom);
  for (guint i = 0; i < n; i++)
    {
      const OcrSymbol *symbol = &symbols[i];
      RectoBox box = { symbol->x1, top, symbol->x2, bottom };
      if (symbol->c == 0)
        continue;
      if (i > 0 && symbol->starts_word && !scan_symbol_is_wide (symbol->c) && !scan_symbol_is_wide (symbols[i - 1].c))
        {
          gunichar space = ' ';
          RectoBox gap = { symbols[i - 1].x2, top, symbol->x1, bottom };
          float certainty = symbol->confidence;
          g_array_append_val (chars, space);
          g_array_append_val (boxes, gap);
          g_array_append_val (certainties, certainty);
        }
      g_array_append_val (chars, symbol->c);
      g_array_append_val (boxes, box);
      g_array_append_val (certainties, symbol->confidence);
    }
  if (chars->len == 0)
    return 0;
  recto_page_add_span (doc, page, NULL, line_size (symbols, n),
                       n > 0 && symbols[0].bold ? RECTO_FONT_BOLD : 0, (const gunichar *) chars->data,
                       (const RectoBox *) boxes->data, chars->len);
  for (guint i = 0; i < chars->len; i++)
    recto_page_mark_recovered (doc, page, first + i, 0, g_array_index (certainties, float, i));
  return chars->len;
}

static guint
add_symbols (RectoDocument *doc, RectoPage *page, const GArray *symbols)
{
  const OcrSymbol *all = (const OcrSymbol *) symbols->data;
  guint start = 0, added = 0;

  for (guint i = 1; i <= symbols->len; i++)
    if (i == symbols->len || all[i].starts_line)
      {
        added += add_line (doc, page, all + start, i - start);
        start = i;
      }
  return added;
}

/* Puts right the parentheses OCR misread as angle brackets, over all the scanned pages
 * (brackets.h). */
static void
pair_brackets (GArray **symbols, guint n_pages)
{
  BracketCensus census = { 0 };

  for (guint p = 0; p < n_pages; p++)
    for (guint j = 0; symbols[p] != NULL && j < symbols[p]->len; j++)
      bracket_census_add (&census, g_array_index (symbols[p], OcrSymbol, j).c);
  for (guint p = 0; p < n_pages; p++)
    for (guint j = 0; symbols[p] != NULL && j < symbols[p]->len; j++)
      {
        OcrSymbol *symbol = &g_array_index (symbols[p], OcrSymbol, j);
        symbol->c = bracket_census_fix (&census, symbol->c);
      }
}

void
scanned_pages_read (RectoDocument *doc, OcrPool *pool, guint dpi, ScannedPagesReport *report)
{
  g_autoptr (GArray) pages = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree GArray **symbols = NULL;
  Reading reading = { .doc = doc, .pool = pool, .dpi = dpi };

  memset (report, 0, sizeof *report);
  for (guint p = 0; p < recto_document_get_n_pages (doc); p++)
    if (scanned_page_detect (recto_document_get_page (doc, p)))
      g_array_append_val (pages, p);
  if (pages->len == 0)
    return;
  symbols = g_new0 (GArray *, pages->len);
  reading.pages = (const guint *) pages->data;
  reading.symbols = symbols;
  recto_parallel_for (pages->len, read_page, &reading);
  pair_brackets (symbols, pages->len);
  for (guint i = 0; i < pages->len; i++)
    {
      RectoPage *page = recto_document_get_page (doc, g_array_index (pages, guint, i));
      if (symbols[i] == NULL)
        continue;
      report->pages++;
      report->glyphs += add_symbols (doc, page, symbols[i]);
      g_array_unref (symbols[i]);
    }
}
