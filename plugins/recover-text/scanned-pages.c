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
  if (reading->symbols[index] != NULL && image != NULL)
    {
      unread_lines_read (reading->symbols[index], image, &whole, scale, reading->pool, worker);
      scan_symbols_correct (reading->symbols[index], image, &whole, scale, reading->pool, worker);
    }
}

/* A line's type size from its symbols' heights: the median ideograph fills about nine tenths
 * of an em (the LSTM's boxes vary, hence the median); rounded to half points so that the
 * lines of one size agree. */
static float
line_size (const OcrSymbol *symbols, guint n)
{
  g_autoptr (GArray) heights = g_array_new (FALSE, FALSE, sizeof (double));

  /* Ideographs only: the boxes of full-width punctuation are as tall as the mark (。) or as
   * the em given back to a shrunken box. */
  for (guint i = 0; i < n; i++)
    if (scan_symbol_is_wide (symbols[i].c) && g_unichar_type (symbols[i].c) == G_UNICODE_OTHER_LETTER)
      {
        double height = symbols[i].y2 - symbols[i].y1;
        g_array_append_val (heights, height);
      }
  if (heights->len == 0)
    for (guint i = 0; i < n; i++)
      {
        double height = symbols[i].y2 - symbols[i].y1;
        g_array_append_val (heights, height);
      }
  if (heights->len == 0)
    return 0;
  return roundf ((float) scan_symbols_median (heights) / 0.9f * 2) / 2;
}

/* Adds one line of symbols to @page as a span, with a space glyph between two words of Latin
 * script (Chinese words are not spaced). A symbol read less surely than @report's threshold is
 * marked unrecovered (the sink writes a gap, not the reading). */
static guint
add_line (RectoDocument *doc, RectoPage *page, const OcrSymbol *symbols, guint n,
          ScannedPagesReport *report)
{
  g_autoptr (GArray) chars = g_array_new (FALSE, FALSE, sizeof (gunichar));
  g_autoptr (GArray) boxes = g_array_new (FALSE, FALSE, sizeof (RectoBox));
  g_autoptr (GArray) certainties = g_array_new (FALSE, FALSE, sizeof (float));
  guint first = page->chars->len;

  for (guint i = 0; i < n; i++)
    {
      const OcrSymbol *symbol = &symbols[i];
      RectoBox box = { symbol->x1, symbol->y1, symbol->x2, symbol->y2 };
      if (symbol->c == 0)
        continue;
      if (i > 0 && symbol->starts_word && !scan_symbol_is_wide (symbol->c) && !scan_symbol_is_wide (symbols[i - 1].c))
        {
          gunichar space = ' ';
          RectoBox gap = { symbols[i - 1].x2, symbol->y1, symbol->x1, symbol->y2 };
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
    {
      float certainty = g_array_index (certainties, float, i);
      gboolean space = g_array_index (chars, gunichar, i) == ' ';
      if (certainty < report->min_certainty && !space)
        {
          certainty = 0;
          report->unasserted++;
        }
      recto_page_mark_recovered (doc, page, first + i, 0, certainty);
    }
  return chars->len;
}

static guint
add_symbols (RectoDocument *doc, RectoPage *page, const GArray *symbols,
             ScannedPagesReport *report)
{
  const OcrSymbol *all = (const OcrSymbol *) symbols->data;
  guint start = 0, added = 0;

  for (guint i = 1; i <= symbols->len; i++)
    if (i == symbols->len || all[i].starts_line)
      {
        added += add_line (doc, page, all + start, i - start, report);
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
scanned_pages_read (RectoDocument *doc, OcrPool *pool, guint dpi, float min_certainty,
                    ScannedPagesReport *report)
{
  g_autoptr (GArray) pages = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree GArray **symbols = NULL;
  Reading reading = { .doc = doc, .pool = pool, .dpi = dpi };

  memset (report, 0, sizeof *report);
  report->min_certainty = min_certainty;
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
      report->glyphs += add_symbols (doc, page, symbols[i], report);
      g_array_unref (symbols[i]);
    }
}
