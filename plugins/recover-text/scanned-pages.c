/* scanned-pages.c: see scanned-pages.h. */
#include "scanned-pages.h"
#include "brackets.h"
#include "large-lines.h"
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

gboolean
scanned_page_is_latin (const GArray *symbols)
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
  guint em_pixels;
  const guint *pages;
  GArray **symbols; /* per scanned page */
} Reading;

GArray *
scanned_page_read (OcrPool *pool, guint worker, RectoDocument *doc, guint page_index, guint dpi,
                   RectoImage **image_out)
{
  const RectoPage *page = recto_document_get_page (doc, page_index);
  RectoBox whole = { 0, 0, (float) page->width, (float) page->height };
  double scale = dpi / 72.0;
  g_autoptr (RectoImage) image = NULL;
  GArray *symbols = ocr_pool_read_area (pool, worker, doc, page_index, &whole, scale, OCR_PAGE,
                                        &image);

  /* The mixed models read a page in Latin script with stray ideographs for ligatures and
   * currency signs ("Sta 什" for "staff", "对538" for "£538") and Chinese full-width commas:
   * the Latin model reads it again alone. */
  if (symbols != NULL && image != NULL && pool->primary_language != NULL
      && scanned_page_is_latin (symbols))
    {
      GArray *latin = ocr_pool_read_image_latin (pool, worker, image, (int) (scale * 72 + 0.5),
                                                 OCR_PAGE);
      if (latin != NULL)
        {
          ocr_symbols_to_page (latin, &whole, scale);
          g_array_unref (symbols);
          symbols = latin;
        }
    }
  if (image_out != NULL)
    *image_out = g_steal_pointer (&image);
  return symbols;
}

static void
read_page (guint index, guint worker, gpointer data)
{
  Reading *reading = data;
  const RectoPage *page = recto_document_get_page (reading->doc, reading->pages[index]);
  RectoBox whole = { 0, 0, (float) page->width, (float) page->height };
  double scale = reading->dpi / 72.0;
  g_autoptr (RectoImage) image = NULL;

  reading->symbols[index] = scanned_page_read (reading->pool, worker, reading->doc, page->index,
                                               reading->dpi, &image);
  if (reading->symbols[index] != NULL && image != NULL)
    {
      large_lines_read (reading->symbols[index], reading->doc, page->index, scale,
                        reading->em_pixels, reading->pool, worker);
      unread_lines_read (reading->symbols[index], image, &whole, scale, reading->pool, worker);
      scan_symbols_correct (reading->symbols[index], image, &whole, scale, reading->pool, worker);
    }
}

/* Shares of an em that glyphs' ink fills: an ideograph about nine tenths, a lowercase letter
 * without ascender or descender about half (Latin faces' x-height), a capital or a digit about
 * seven tenths (their cap height). */
#define IDEOGRAPH_HEIGHT 0.9
#define X_HEIGHT 0.53
#define CAP_HEIGHT 0.71
/* Heights this far from the median are another kind of glyph or a misread box. */
#define TRIM 0.2

static gboolean
is_short_latin (gunichar c)
{
  return c < 0x80 && strchr ("acemnorsuvwxz", (int) c) != NULL;
}

static gboolean
is_tall_latin (gunichar c)
{
  return c < 0x80 && (g_ascii_isupper ((char) c) || g_ascii_isdigit ((char) c));
}

static gboolean
is_any (gunichar c)
{
  return !g_unichar_isspace (c);
}

/* The heights of those of symbols @symbols to @n that pass @take. A symbol whose certainty was
 * taken away (leader dots read as letters: image-line-ink.c) is left out: a row of dots read
 * "ccsesse…" would make the line's x-height a dot's. */
static GArray *
heights_of (const OcrSymbol *symbols, guint n, gboolean (*take) (gunichar))
{
  GArray *heights = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < n; i++)
    if (symbols[i].c != 0 && take (symbols[i].c) && (symbols[i].confidence > 0 || take == is_any))
      {
        double height = symbols[i].y2 - symbols[i].y1;
        g_array_append_val (heights, height);
      }
  return heights;
}

/* The mean of the heights within TRIM of their median, in ems of @share; 0 without any. The
 * mean, where the median would step by whole pixels of the scan (a third of a point at
 * 200 dpi, half a point of type size), so that the lines of one size agree. */
static double
trimmed_em (GArray *heights, double share)
{
  double median = scan_symbols_median (heights), sum = 0;
  guint n = 0;

  for (guint i = 0; i < heights->len; i++)
    {
      double height = g_array_index (heights, double, i);
      if (fabs (height - median) <= TRIM * median)
        sum += height, n++;
    }
  return n > 0 ? sum / n / share : 0;
}

/* Fewest pairs of ideographs side by side whose advance tells a line's em. */
#define MIN_PITCHES 3

/* The median advance from one ideograph to the next among symbols @symbols to @n: Chinese is
 * set an em apart (0 with fewer than MIN_PITCHES pairs). */
static double
ideograph_pitch (const OcrSymbol *symbols, guint n)
{
  g_autoptr (GArray) pitches = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i + 1 < n; i++)
    if (is_ideograph (symbols[i].c) && is_ideograph (symbols[i + 1].c))
      {
        double pitch = symbols[i + 1].x1 - symbols[i].x1;
        g_array_append_val (pitches, pitch);
      }
  return pitches->len >= MIN_PITCHES ? scan_symbols_median (pitches) : 0;
}

/* The ideographs' median height (the LSTM's boxes of Chinese characters vary, and those of
 * full-width punctuation are as tall as the mark or as the em given back to a shrunken box), or
 * their advance when that is less: the LSTM gives some lines' characters boxes as tall as the
 * line's ink and more (a 14-point line measured 22), while a title spaced out is wider apart
 * than its em; the short lowercase letters' mean, the most numerous and the most alike of Latin
 * glyphs; rounded to half points. */
float
scanned_line_size (const OcrSymbol *symbols, guint n)
{
  g_autoptr (GArray) ideographs = heights_of (symbols, n, is_ideograph);
  g_autoptr (GArray) short_letters = heights_of (symbols, n, is_short_latin);
  g_autoptr (GArray) tall = heights_of (symbols, n, is_tall_latin);
  g_autoptr (GArray) any = heights_of (symbols, n, is_any);
  double em;

  if (ideographs->len > 0)
    {
      double pitch = ideograph_pitch (symbols, n);
      em = scan_symbols_median (ideographs) / IDEOGRAPH_HEIGHT;
      if (pitch > 0 && pitch < em)
        em = pitch;
    }
  else if (short_letters->len >= 3)
    em = trimmed_em (short_letters, X_HEIGHT);
  else if (tall->len > 0)
    em = trimmed_em (tall, CAP_HEIGHT);
  else
    em = scan_symbols_median (any) / IDEOGRAPH_HEIGHT;
  return roundf ((float) em * 2) / 2;
}

/* The band a line's glyphs are given: an em of @size, centred where the middle of its
 * symbols' median top and median bottom is, as a text layer's glyph boxes are. The boxes of
 * OCR's symbols are as tall as their ink: a comma's, which hangs below the line, or a
 * quote's, above it, would make the next stage take it for a line of its own ("54" "," "595");
 * and the band of the ink's median, an x-height high, let the next stage join a column's line
 * to the heading beside it. */
static void
line_band (const OcrSymbol *symbols, guint n, float size, float *top, float *bottom)
{
  g_autoptr (GArray) tops = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) bottoms = g_array_new (FALSE, FALSE, sizeof (double));
  float middle;

  for (guint i = 0; i < n; i++)
    if (symbols[i].c != 0 && !g_unichar_isspace (symbols[i].c))
      {
        double y1 = symbols[i].y1, y2 = symbols[i].y2;
        g_array_append_val (tops, y1);
        g_array_append_val (bottoms, y2);
      }
  if (tops->len == 0)
    {
      *top = symbols[0].y1, *bottom = symbols[0].y2;
      return;
    }
  *top = (float) scan_symbols_median (tops), *bottom = (float) scan_symbols_median (bottoms);
  middle = (*top + *bottom) / 2;
  if (size > 0)
    *top = middle - size / 2, *bottom = middle + size / 2;
}

guint
scanned_line_add (RectoDocument *doc, RectoPage *page, const OcrSymbol *symbols, guint n,
                  float min_certainty, guint *unasserted)
{
  g_autoptr (GArray) chars = g_array_new (FALSE, FALSE, sizeof (gunichar));
  g_autoptr (GArray) boxes = g_array_new (FALSE, FALSE, sizeof (RectoBox));
  g_autoptr (GArray) certainties = g_array_new (FALSE, FALSE, sizeof (float));
  g_autoptr (GArray) bold = g_array_new (FALSE, FALSE, sizeof (gboolean));
  guint first = page->chars->len;
  float top, bottom, size = scanned_line_size (symbols, n);

  line_band (symbols, n, size, &top, &bottom);
  for (guint i = 0; i < n; i++)
    {
      const OcrSymbol *symbol = &symbols[i];
      RectoBox box = { symbol->x1, top, symbol->x2, bottom };
      /* Tesseract's own spaces (a rule may be read as one) say nothing the words do not. */
      if (symbol->c == 0 || g_unichar_isspace (symbol->c))
        continue;
      if (i > 0 && symbol->starts_word && scan_symbol_spaces_words (symbol->c)
          && scan_symbol_spaces_words (symbols[i - 1].c))
        {
          gunichar space = ' ';
          RectoBox gap = { symbols[i - 1].x2, top, symbol->x1, bottom };
          float certainty = symbol->confidence;
          g_array_append_val (chars, space);
          g_array_append_val (boxes, gap);
          g_array_append_val (certainties, certainty);
          g_array_append_val (bold, symbol->bold);
        }
      g_array_append_val (chars, symbol->c);
      g_array_append_val (boxes, box);
      g_array_append_val (certainties, symbol->confidence);
      g_array_append_val (bold, symbol->bold);
    }
  if (chars->len == 0)
    return 0;
  /* A span for each run of one weight: a line's own, or a heading run into it and the rest. */
  for (guint from = 0, to; from < chars->len; from = to)
    {
      gboolean run_bold = g_array_index (bold, gboolean, from);
      for (to = from + 1; to < chars->len && g_array_index (bold, gboolean, to) == run_bold; to++)
        ;
      recto_page_add_span (doc, page, NULL, size, run_bold ? RECTO_FONT_BOLD : 0,
                           &g_array_index (chars, gunichar, from),
                           &g_array_index (boxes, RectoBox, from), to - from);
    }
  for (guint i = 0; i < chars->len; i++)
    {
      float certainty = g_array_index (certainties, float, i);
      gboolean space = g_array_index (chars, gunichar, i) == ' ';
      if (certainty < min_certainty && !space)
        {
          certainty = 0;
          (*unasserted)++;
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
        added += scanned_line_add (doc, page, all + start, i - start, report->min_certainty,
                                   &report->unasserted);
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

gboolean
scanned_page_fits (const RectoPage *page, guint dpi, guint64 max_pixels)
{
  double scale = dpi / 72.0;

  return ceil (page->width * scale) * ceil (page->height * scale) <= (double) max_pixels;
}

void
scanned_pages_read (RectoDocument *doc, OcrPool *pool, guint dpi, guint em_pixels,
                    guint64 max_pixels, float min_certainty, ScannedPagesReport *report)
{
  g_autoptr (GArray) pages = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree GArray **symbols = NULL;
  Reading reading = { .doc = doc, .pool = pool, .dpi = dpi, .em_pixels = em_pixels };

  memset (report, 0, sizeof *report);
  report->min_certainty = min_certainty;
  for (guint p = 0; p < recto_document_get_n_pages (doc); p++)
    {
      const RectoPage *page = recto_document_get_page (doc, p);
      if (!scanned_page_detect (page))
        continue;
      /* A page drawn whole costs about five bytes a pixel before Tesseract's own copies: one
       * far larger than paper (a hostile or mistaken MediaBox) is left unread, and said. */
      if (!scanned_page_fits (page, dpi, max_pixels))
        {
          if (report->too_large == NULL)
            report->too_large = recto_page_list_new ();
          recto_page_list_add (report->too_large, p + 1);
          continue;
        }
      g_array_append_val (pages, p);
    }
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
