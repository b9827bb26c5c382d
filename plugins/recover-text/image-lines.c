/* image-lines.c: see image-lines.h. */
#include "image-lines.h"
#include "image-line-ink.h"
#include "scan-symbols.h"
#include "scanned-pages.h"

#include <math.h>
#include <string.h>

/* A page with fewer glyphs than this has too little text to measure a line by. */
#define MIN_PAGE_GLYPHS 20
/* A row's height in the page's median glyph heights: a line of body text to a display title. */
#define MIN_HEIGHT 0.7
#define MAX_HEIGHT 4.0
/* A row at least this many times as wide as high is a strip (three ideographs, a short word). */
#define MIN_WIDTHS 3.0
/* Images on one baseline: bottoms within this share of the taller one's height, heights within
 * this ratio, and gaps under this share of the height. */
#define BASELINE_SLACK 0.17
#define MAX_HEIGHT_RATIO 1.35
#define MAX_GAP 1.0

static gboolean
same_row (const RectoBox *row, const RectoBox *image)
{
  float row_height = row->y2 - row->y1, height = image->y2 - image->y1;
  float taller = MAX (row_height, height);

  return height > 0 && fabsf (row->y2 - image->y2) <= BASELINE_SLACK * taller
         && MAX (row_height, height) <= MAX_HEIGHT_RATIO * MIN (row_height, height)
         && image->x1 - row->x2 <= MAX_GAP * taller && image->x2 > row->x2;
}

static int
by_left (gconstpointer a, gconstpointer b)
{
  const RectoBox *x = a, *y = b;

  return (x->x1 > y->x1) - (x->x1 < y->x1);
}

/* The page's images joined into rows: each image, left to right, joins the first row it
 * continues on one baseline. */
static GArray *
image_rows (const RectoPage *page)
{
  g_autoptr (GArray) images = g_array_copy (page->images);
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (RectoBox));

  g_array_sort (images, by_left);
  for (guint i = 0; i < images->len; i++)
    {
      const RectoBox *image = &g_array_index (images, RectoBox, i);
      guint r = 0;
      while (r < rows->len && !same_row (&g_array_index (rows, RectoBox, r), image))
        r++;
      if (r == rows->len)
        g_array_append_val (rows, *image);
      else
        {
          RectoBox *row = &g_array_index (rows, RectoBox, r);
          row->x2 = image->x2;
          row->y1 = MIN (row->y1, image->y1);
          row->y2 = MAX (row->y2, image->y2);
        }
    }
  return rows;
}

/* The median height of @page's glyphs but spaces; 0 with fewer than MIN_PAGE_GLYPHS. */
static double
glyph_height (const RectoPage *page)
{
  g_autoptr (GArray) heights = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < page->chars->len; i++)
    if (!g_unichar_isspace (g_array_index (page->chars, gunichar, i)))
      {
        const RectoBox *box = &g_array_index (page->boxes, RectoBox, i);
        double height = box->y2 - box->y1;
        g_array_append_val (heights, height);
      }
  return heights->len >= MIN_PAGE_GLYPHS ? scan_symbols_median (heights) : 0;
}

static gboolean
box_holds (const RectoBox *box, float x, float y)
{
  return x > box->x1 && x < box->x2 && y > box->y1 && y < box->y2;
}

/* Whether a glyph of @page's text layer lies on @row. */
static gboolean
under_text (const RectoPage *page, const RectoBox *row)
{
  for (guint i = 0; i < page->chars->len; i++)
    {
      const RectoBox *glyph = &g_array_index (page->boxes, RectoBox, i);
      if (!g_unichar_isspace (g_array_index (page->chars, gunichar, i))
          && box_holds (row, (glyph->x1 + glyph->x2) / 2, (glyph->y1 + glyph->y2) / 2))
        return TRUE;
    }
  return FALSE;
}

/* Whether @row lies on an image of @page larger than itself. */
static gboolean
on_larger_image (const RectoPage *page, const RectoBox *row)
{
  float area = (row->x2 - row->x1) * (row->y2 - row->y1);

  for (guint i = 0; i < page->images->len; i++)
    {
      const RectoBox *image = &g_array_index (page->images, RectoBox, i);
      if ((image->x2 - image->x1) * (image->y2 - image->y1) > area
          && box_holds (image, (row->x1 + row->x2) / 2, (row->y1 + row->y2) / 2))
        return TRUE;
    }
  return FALSE;
}

static gboolean
shaped_like_line (const RectoPage *page, const RectoBox *row, double line)
{
  double height = row->y2 - row->y1, width = row->x2 - row->x1;

  return height >= MIN_HEIGHT * line && height <= MAX_HEIGHT * line && width >= MIN_WIDTHS * height
         && !under_text (page, row) && !on_larger_image (page, row);
}

GArray *
image_lines_find (RectoDocument *doc)
{
  GArray *lines = NULL;

  for (guint p = 0; p < recto_document_get_n_pages (doc); p++)
    {
      const RectoPage *page = recto_document_get_page (doc, p);
      g_autoptr (GArray) rows = NULL;
      double line;
      if (page->images == NULL || page->images->len == 0 || (line = glyph_height (page)) <= 0)
        continue;
      rows = image_rows (page);
      for (guint r = 0; r < rows->len; r++)
        {
          ImageLine found = { p, g_array_index (rows, RectoBox, r) };
          if (!shaped_like_line (page, &found.box, line))
            continue;
          if (lines == NULL)
            lines = g_array_new (FALSE, FALSE, sizeof (ImageLine));
          g_array_append_val (lines, found);
        }
    }
  return lines;
}

/* The mean certainty of @symbols' characters, but for those image_line_doubt_dots() found dots; 0
 * without any. */
static float
mean_certainty (const GArray *symbols)
{
  double sum = 0;
  guint n = 0;

  for (guint i = 0; i < symbols->len; i++)
    {
      const OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, i);
      if (symbol->c != 0 && !g_unichar_isspace (symbol->c) && symbol->confidence > 0)
        sum += symbol->confidence, n++;
    }
  return n > 0 ? (float) (sum / n) : 0;
}

typedef struct
{
  RectoDocument *doc;
  OcrPool *pool;
  const ImageLine *lines;
  guint em_pixels;
  gboolean latin; /* the document's text is Latin: read with the Latin model alone */
  GArray **symbols; /* per line: OcrSymbol in page points, or NULL */
} LinesReading;

/* Reads @image (@area at @scale) as one line in the document's script. */
static GArray *
read_line_image (LinesReading *reading, guint worker, const RectoImage *image, int dpi)
{
  GArray *symbols = reading->latin
                        ? ocr_pool_read_image_latin (reading->pool, worker, image, dpi, OCR_LINE)
                        : ocr_pool_read_image_primary (reading->pool, worker, image, dpi, OCR_LINE);

  return symbols != NULL ? symbols : ocr_pool_read_image (reading->pool, worker, image, dpi, OCR_LINE);
}

/* The margin, in heights of the line, given an image around it: drawn to the image's edges the
 * line is misread (黔 as 难 or 验), with a margin of its background it is read whole. */
#define FRAME 0.5

/* @image within a margin of FRAME of its height, of the grey level @background. */
static RectoImage *
frame (const RectoImage *image, int background)
{
  guint margin = (guint) (FRAME * image->height + 0.5);
  RectoImage *framed = recto_image_new (image->width + 2 * margin, image->height + 2 * margin);

  for (guint y = 0; y < framed->height; y++)
    memset (framed->pixels + y * framed->stride, background, framed->width);
  for (guint y = 0; y < image->height; y++)
    memcpy (framed->pixels + (y + margin) * framed->stride + margin,
            image->pixels + y * image->stride, image->width);
  return framed;
}

/* Moves the boxes of @symbols, read on frame (@image), onto @image itself. */
static void
unframe (GArray *symbols, const RectoImage *image)
{
  float margin = (guint) (FRAME * image->height + 0.5);

  for (guint i = 0; i < symbols->len; i++)
    {
      OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, i);
      symbol->x1 -= margin, symbol->x2 -= margin, symbol->y1 -= margin, symbol->y2 -= margin;
    }
}

static void
read_line (guint index, guint worker, gpointer data)
{
  LinesReading *reading = data;
  const ImageLine *line = &reading->lines[index];
  double scale = reading->em_pixels / (line->box.y2 - line->box.y1);
  g_autoptr (RectoImage) framed = NULL;
  g_autoptr (RectoImage) image = recto_document_render (reading->doc, line->page, &line->box,
                                                        scale, NULL);
  LineTones tones;

  g_debug ("image line: page %u, %.0f %.0f %.0f %.0f", line->page + 1, line->box.x1, line->box.y1,
           line->box.x2, line->box.y2);
  if (image == NULL || !image_line_ink_is_text (image, &tones))
    return;
  framed = frame (image, tones.background);
  reading->symbols[index] = read_line_image (reading, worker, framed, (int) (scale * 72 + 0.5));
  if (reading->symbols[index] != NULL)
    unframe (reading->symbols[index], image);
  if (reading->symbols[index] != NULL
      && (!image_line_ink_read (image, &tones, reading->symbols[index])
          || !image_line_one_baseline (reading->symbols[index], image)))
    g_clear_pointer (&reading->symbols[index], g_array_unref);
  if (reading->symbols[index] != NULL)
    image_line_doubt_dots (reading->symbols[index], image, &tones);
  if (reading->symbols[index] != NULL)
    {
      ocr_symbols_to_page (reading->symbols[index], &line->box, scale);
      g_debug ("image line: page %u, %u symbols, certainty %.2f", line->page + 1,
               reading->symbols[index]->len, mean_certainty (reading->symbols[index]));
    }
}

/* Whether the text layer of @doc is in Latin script (scanned_page_is_latin() on its glyphs). */
static gboolean
document_is_latin (RectoDocument *doc)
{
  g_autoptr (GArray) letters = g_array_new (FALSE, TRUE, sizeof (OcrSymbol));

  for (guint p = 0; p < recto_document_get_n_pages (doc); p++)
    {
      const RectoPage *page = recto_document_get_page (doc, p);
      for (guint i = 0; i < page->chars->len; i++)
        {
          OcrSymbol symbol = { .c = g_array_index (page->chars, gunichar, i) };
          if (g_unichar_isalpha (symbol.c))
            g_array_append_val (letters, symbol);
        }
    }
  return scanned_page_is_latin (letters);
}

void
image_lines_read (RectoDocument *doc, const GArray *lines, OcrPool *pool, guint em_pixels,
                  float min_certainty, ImageLinesReport *report)
{
  g_autofree GArray **symbols = g_new0 (GArray *, lines->len);
  LinesReading reading = { doc, pool, (const ImageLine *) lines->data, em_pixels,
                           document_is_latin (doc), symbols };
  report->candidates = lines->len;
  recto_parallel_for (lines->len, read_line, &reading);
  for (guint i = 0; i < lines->len; i++)
    {
      const ImageLine *line = &g_array_index (lines, ImageLine, i);
      RectoPage *page = recto_document_get_page (doc, line->page);
      if (symbols[i] != NULL && symbols[i]->len > 0 && mean_certainty (symbols[i]) >= min_certainty)
        {
          report->lines++;
          report->glyphs += scanned_line_add (doc, page, (const OcrSymbol *) symbols[i]->data,
                                              symbols[i]->len, min_certainty, &report->unasserted);
          if (report->pages == NULL)
            report->pages = recto_page_list_new ();
          recto_page_list_add (report->pages, line->page + 1);
        }
      g_clear_pointer (&symbols[i], g_array_unref);
    }
}
