/* scanned-pages.c: see scanned-pages.h. */
#include "scanned-pages.h"
#include "brackets.h"
#include "large-lines.h"
#include "rule-symbols.h"
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

gboolean
scanned_page_is_latin (const GArray *symbols)
{
  guint letters = 0, ideographs = 0;

  for (guint j = 0; j < symbols->len; j++)
    {
      gunichar c = g_array_index (symbols, OcrSymbol, j).c;
      letters += g_unichar_isalpha (c);
      ideographs += scan_symbol_is_ideograph (c);
    }
  return letters > 0 && ideographs < MAX_LATIN_PAGE_IDEOGRAPHS * letters;
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
 * "ccsesse…" would make the line's x-height a dot's; so is a note's mark, set smaller. */
static GArray *
heights_of (const OcrSymbol *symbols, guint n, gboolean (*take) (gunichar))
{
  GArray *heights = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < n; i++)
    if (symbols[i].c != 0 && !symbols[i].raised && take (symbols[i].c)
        && (symbols[i].confidence > 0 || take == is_any))
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
/* An advance this many times the median one spans a word space (a table's row read as one
 * line, a title spaced out), not an em. */
#define MAX_PITCH_SHARE 2.5

/* The mean advance from one ideograph to the next among symbols @symbols to @n: Chinese is
 * set an em apart (0 with fewer than MIN_PITCHES pairs). The mean, not the median: the LSTM
 * puts the border between two characters anywhere in the room between their ink, and one
 * advance made longer makes the next shorter ("集群" 28.7 and 8.7 points in a line of 14-point
 * type, whose median advance came out 12.6), which a mean along a run cancels. */
static double
ideograph_pitch (const OcrSymbol *symbols, guint n)
{
  g_autoptr (GArray) pitches = g_array_new (FALSE, FALSE, sizeof (double));
  double median, sum = 0;
  guint taken = 0;

  for (guint i = 0; i + 1 < n; i++)
    if (scan_symbol_is_ideograph (symbols[i].c) && scan_symbol_is_ideograph (symbols[i + 1].c))
      {
        double pitch = symbols[i + 1].x1 - symbols[i].x1;
        g_array_append_val (pitches, pitch);
      }
  if (pitches->len < MIN_PITCHES)
    return 0;
  median = scan_symbols_median (pitches);
  if (median <= 0)
    return 0;
  for (guint i = 0; i < pitches->len; i++)
    if (g_array_index (pitches, double, i) <= MAX_PITCH_SHARE * median)
      sum += g_array_index (pitches, double, i), taken++;
  return sum / taken;
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
  g_autoptr (GArray) ideographs = heights_of (symbols, n, scan_symbol_is_ideograph);
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

double
scanned_page_type_size (const GArray *symbols)
{
  g_autoptr (GArray) sizes = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint from = 0; from < symbols->len; from = ocr_symbols_line_end (symbols, from))
    {
      guint to = ocr_symbols_line_end (symbols, from);
      double size = scanned_line_size (&g_array_index (symbols, OcrSymbol, from), to - from);
      if (size > 0)
        g_array_append_val (sizes, size);
    }
  return sizes->len > 0 ? scan_symbols_median (sizes) : 0;
}

/* A page drawn within this share of that size is not drawn again. */
#define SCALE_SLACK 0.15
/* The bounds of a page's drawing, in dots per inch: a scan's text is never so small or large
 * in points that a drawing beyond them would help it. */
#define MIN_DPI 50
#define MAX_DPI 600

/* The scale, in pixels a point, at which the page that @symbols (read at @scale, in page
 * points) show has its typical line's capitals (@latin) or ideographs SCANNED_BEST_GLYPH_PIXELS
 * tall, in whole dots per inch; @scale when that is within SCALE_SLACK of it, when the page has no
 * line to measure, or when @page drawn so would take more than @max_pixels. */
static double
best_scale (const GArray *symbols, gboolean latin, const RectoPage *page, double scale,
            guint64 max_pixels)
{
  double size = scanned_page_type_size (symbols), dpi;

  if (size <= 0)
    return scale;
  dpi = round (72 * SCANNED_BEST_GLYPH_PIXELS / ((latin ? CAP_HEIGHT : IDEOGRAPH_HEIGHT) * size));
  dpi = CLAMP (dpi, MIN_DPI, MAX_DPI);
  if (fabs (dpi / 72 / scale - 1) <= SCALE_SLACK
      || !scanned_page_fits (page, (guint) dpi, max_pixels))
    return scale;
  return dpi / 72;
}

/* Whether the centre of @symbol lies in @box. */
static gboolean
centred_in (const OcrSymbol *symbol, const RectoBox *box)
{
  float x = (symbol->x1 + symbol->x2) / 2, y = (symbol->y1 + symbol->y2) / 2;
  return x >= box->x1 && x <= box->x2 && y >= box->y1 && y <= box->y2;
}

/* Puts back into @again (the page drawn again at the size Tesseract reads best) each line of
 * @first (the first drawing) of which @again read under half as many symbols in the line's box,
 * in place of those it read there. The size suits the page's text, but Tesseract's layout
 * analysis at that size may miss a line of another: a bold 20-point title of vol111-scanned
 * (p. 27) read "iz" for "蓬江区人大常委会环岗镇" at 183 dpi, and whole at 300. */
static void
keep_lines_read_first (GArray *again, const GArray *first)
{
  for (guint from = 0, to; from < first->len; from = to)
    {
      RectoBox box;
      g_autoptr (GArray) kept = NULL;
      guint inside = 0;

      to = ocr_symbols_line_end (first, from);
      box = ocr_symbols_box (first, from, to);
      for (guint j = 0; j < again->len; j++)
        inside += centred_in (&g_array_index (again, OcrSymbol, j), &box);
      if (2 * inside >= to - from)
        continue;
      for (guint j = again->len; j-- > 0;)
        {
          gboolean starts_line = g_array_index (again, OcrSymbol, j).starts_line;
          if (!centred_in (&g_array_index (again, OcrSymbol, j), &box))
            continue;
          g_array_remove_index (again, j);
          /* What is left of a line that started here starts a line of its own. */
          if (starts_line && j < again->len)
            g_array_index (again, OcrSymbol, j).starts_line = TRUE;
        }
      kept = g_array_sized_new (FALSE, FALSE, sizeof (OcrSymbol), to - from);
      g_array_append_vals (kept, &g_array_index (first, OcrSymbol, from), to - from);
      g_array_index (kept, OcrSymbol, 0).starts_line = TRUE;
      unread_lines_insert (again, kept, (box.y1 + box.y2) / 2);
    }
}

GArray *
scanned_page_read (OcrPool *pool, guint worker, RectoDocument *doc, guint page_index, guint dpi,
                   guint64 max_pixels, RectoImage **image_out, double *scale_out)
{
  const RectoPage *page = recto_document_get_page (doc, page_index);
  RectoBox whole = { 0, 0, (float) page->width, (float) page->height };
  double scale = dpi / 72.0, best;
  g_autoptr (RectoImage) image = NULL;
  g_autoptr (GArray) symbols =
      ocr_pool_read_area (pool, worker, doc, page_index, &whole, scale, OCR_PAGE, &image);
  gboolean latin_page, latin_again;

  if (symbols == NULL || image == NULL)
    return NULL;
  /* The mixed models read a page in Latin script with stray ideographs for ligatures and
   * currency signs ("Sta 什" for "staff", "对538" for "£538") and Chinese full-width commas:
   * the Latin model reads it again alone, drawn at the size it reads best. */
  latin_page = scanned_page_is_latin (symbols);
  latin_again = latin_page && pool->primary_language != NULL;
  best = best_scale (symbols, latin_page, page, scale, max_pixels);
  if (best != scale)
    {
      g_autoptr (RectoImage) again = recto_document_render (doc, page_index, &whole, best, NULL);
      g_autoptr (GArray) read = NULL;
      if (again != NULL)
        read =
            latin_again
                ? ocr_pool_read_image_latin (pool, worker, again, (int) round (best * 72), OCR_PAGE)
                : ocr_pool_read_image (pool, worker, again, (int) round (best * 72), OCR_PAGE);
      if (read != NULL)
        {
          ocr_symbols_to_page (read, &whole, best);
          keep_lines_read_first (read, symbols);
          g_array_unref (g_steal_pointer (&symbols));
          symbols = g_steal_pointer (&read);
          g_clear_pointer (&image, recto_image_free);
          image = g_steal_pointer (&again);
          scale = best;
          latin_again = FALSE; /* done */
        }
    }
  if (latin_again)
    {
      GArray *read =
          ocr_pool_read_image_latin (pool, worker, image, (int) round (scale * 72), OCR_PAGE);
      if (read != NULL)
        {
          ocr_symbols_to_page (read, &whole, scale);
          g_array_unref (symbols);
          symbols = read;
        }
    }
  if (image_out != NULL)
    *image_out = g_steal_pointer (&image);
  if (scale_out != NULL)
    *scale_out = scale;
  return g_steal_pointer (&symbols);
}

typedef struct
{
  RectoDocument *doc;
  OcrPool *pool;
  guint dpi;
  guint em_pixels;
  guint64 max_pixels;
  const guint *pages;
  GArray **symbols; /* per scanned page */
  double *scales; /* per scanned page: its pixels a point as last drawn */
  guint *drawn; /* per scanned page: symbols read from drawings, dropped */
} Reading;

static void
read_page (guint index, guint worker, gpointer data)
{
  Reading *reading = data;
  const RectoPage *page = recto_document_get_page (reading->doc, reading->pages[index]);
  RectoBox whole = { 0, 0, (float) page->width, (float) page->height };
  double scale = reading->dpi / 72.0;
  g_autoptr (RectoImage) image = NULL;

  reading->symbols[index] = scanned_page_read (reading->pool, worker, reading->doc, page->index,
                                               reading->dpi, reading->max_pixels, &image, &scale);
  reading->scales[index] = scale;
  if (reading->symbols[index] != NULL && image != NULL)
    {
      large_lines_read (reading->symbols[index], reading->doc, page->index, scale,
                        reading->em_pixels, reading->pool, worker);
      unread_lines_read (reading->symbols[index], image, &whole, scale, reading->pool, worker);
      reading->drawn[index] = rule_symbols_drop (reading->symbols[index], image, &whole, scale);
      scan_symbols_correct (reading->symbols[index], image, &whole, scale, reading->pool, worker);
    }
}

/* The band a line's glyphs are given: an em of @size, centred where the middle of its
 * symbols' median top and median bottom is, as a text layer's glyph boxes are. The boxes of
 * OCR's symbols are as tall as their ink: a comma's, which hangs below the line, or a
 * quote's, above it, would make the next stage take it for a line of its own ("54" "," "595");
 * and the band of the ink's median, an x-height high, let the next stage join a column's line
 * to the heading beside it. In a line with ideographs, its letters and digits alone: a
 * full-width stop's ink sits at the foot of its em, and the last line of a paragraph, "条。",
 * centred between the character and the stop, sat 5 points low and was taken for a
 * paragraph of its own (vol111-scanned p. 13). (In Latin script the stop sits on the
 * baseline with the letters, and a short line's median moves with what else it holds: left
 * out, "days." on vol511-scanned p. 41 sat 1.4 points lower and left its paragraph.) */
static void
line_band (const OcrSymbol *symbols, guint n, float size, float *top, float *bottom)
{
  g_autoptr (GArray) tops = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) bottoms = g_array_new (FALSE, FALSE, sizeof (double));
  gboolean ideographs = FALSE;
  float middle;

  for (guint i = 0; i < n && !ideographs; i++)
    ideographs = scan_symbol_is_ideograph (symbols[i].c);
  for (guint i = 0; i < n; i++)
    if (symbols[i].c != 0 && !g_unichar_isspace (symbols[i].c)
        && (!ideographs || g_unichar_isalnum (symbols[i].c)))
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

/* How one glyph of a scanned line is set: its weight, and its type size. */
typedef struct
{
  gboolean bold;
  float size;
} GlyphStyle;

guint
scanned_line_add (RectoDocument *doc, RectoPage *page, const OcrSymbol *symbols, guint n,
                  float min_certainty, guint *unasserted)
{
  g_autoptr (GArray) chars = g_array_new (FALSE, FALSE, sizeof (gunichar));
  g_autoptr (GArray) boxes = g_array_new (FALSE, FALSE, sizeof (RectoBox));
  g_autoptr (GArray) certainties = g_array_new (FALSE, FALSE, sizeof (float));
  g_autoptr (GArray) styles = g_array_new (FALSE, FALSE, sizeof (GlyphStyle));
  guint first = page->chars->len;
  float top, bottom, size = scanned_line_size (symbols, n);

  line_band (symbols, n, size, &top, &bottom);
  for (guint i = 0; i < n; i++)
    {
      const OcrSymbol *symbol = &symbols[i];
      RectoBox box = { symbol->x1, top, symbol->x2, bottom };
      GlyphStyle style = { symbol->bold, size };
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
          g_array_append_val (styles, style);
        }
      /* A note's mark keeps its ink's place, raised, and its type's size (a digit's ink is
       * as tall as the type's capitals), as a text layer sets it. */
      if (symbol->raised)
        {
          box.y1 = symbol->y1, box.y2 = symbol->y2;
          style.size = roundf ((symbol->y2 - symbol->y1) / CAP_HEIGHT * 2) / 2;
        }
      g_array_append_val (chars, symbol->c);
      g_array_append_val (boxes, box);
      g_array_append_val (certainties, symbol->confidence);
      g_array_append_val (styles, style);
    }
  if (chars->len == 0)
    return 0;
  /* A span for each run of one style: a line's own, a heading run into it and the rest, a
   * note's mark. */
  for (guint from = 0, to; from < chars->len; from = to)
    {
      const GlyphStyle *run = &g_array_index (styles, GlyphStyle, from);
      for (to = from + 1; to < chars->len; to++)
        {
          const GlyphStyle *next = &g_array_index (styles, GlyphStyle, to);
          if (next->bold != run->bold || next->size != run->size)
            break;
        }
      recto_page_add_span (doc, page, NULL, run->size, run->bold ? RECTO_FONT_BOLD : 0,
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

/* Drops each of @symbols that reads what a glyph of @page's own text layer holds, where it
 * stands: a scan may carry its page's number as text, drawn over the image and so read again
 * by OCR (ragflow__test_rec3's p. 17 came out "99" once the number was read). */
static void
drop_text_layer_readings (GArray *symbols, const RectoPage *page)
{
  for (guint j = symbols->len; j-- > 0;)
    {
      const OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, j);
      for (guint g = 0; g < page->chars->len; g++)
        if (symbol->c == g_array_index (page->chars, gunichar, g)
            && centred_in (symbol, &g_array_index (page->boxes, RectoBox, g)))
          {
            gboolean starts_line = symbol->starts_line;
            g_array_remove_index (symbols, j);
            if (starts_line && j < symbols->len)
              g_array_index (symbols, OcrSymbol, j).starts_line = TRUE;
            break;
          }
    }
}

static guint
add_symbols (RectoDocument *doc, RectoPage *page, const GArray *symbols, ScannedPagesReport *report)
{
  const OcrSymbol *all = (const OcrSymbol *) symbols->data;
  guint start = 0, added = 0;

  for (guint i = 0; i < symbols->len; i++)
    report->marks += all[i].raised;
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

/* Counts in @report a page last drawn at @scale pixels a point. */
static void
count_redrawn (ScannedPagesReport *report, double scale)
{
  guint dpi = (guint) round (scale * 72);

  if (dpi == report->dpi)
    return;
  report->least_dpi = report->redrawn == 0 ? dpi : MIN (report->least_dpi, dpi);
  report->most_dpi = report->redrawn == 0 ? dpi : MAX (report->most_dpi, dpi);
  report->redrawn++;
}

void
scanned_pages_read (RectoDocument *doc, OcrPool *pool, guint dpi, guint em_pixels,
                    guint64 max_pixels, float min_certainty, ScannedPagesReport *report)
{
  g_autoptr (GArray) pages = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree GArray **symbols = NULL;
  g_autofree double *scales = NULL;
  g_autofree guint *drawn = NULL;
  Reading reading = {
    .doc = doc, .pool = pool, .dpi = dpi, .em_pixels = em_pixels, .max_pixels = max_pixels
  };

  memset (report, 0, sizeof *report);
  report->min_certainty = min_certainty;
  report->dpi = dpi;
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
  scales = g_new0 (double, pages->len);
  drawn = g_new0 (guint, pages->len);
  reading.pages = (const guint *) pages->data;
  reading.symbols = symbols;
  reading.scales = scales;
  reading.drawn = drawn;
  recto_parallel_for (pages->len, read_page, &reading);
  pair_brackets (symbols, pages->len);
  for (guint i = 0; i < pages->len; i++)
    {
      RectoPage *page = recto_document_get_page (doc, g_array_index (pages, guint, i));
      if (symbols[i] == NULL)
        continue;
      report->pages++;
      report->drawn += drawn[i];
      count_redrawn (report, scales[i]);
      drop_text_layer_readings (symbols[i], page);
      report->glyphs += add_symbols (doc, page, symbols[i], report);
      g_array_unref (symbols[i]);
    }
}
