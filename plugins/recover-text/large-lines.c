/* large-lines.c: see large-lines.h. */
#include "large-lines.h"
#include "scan-symbols.h"
#include "scanned-pages.h"

/* A line is large when its type is this many times the page's typical line's... */
#define LARGE_TYPE 1.25
/* ...and it is drawn at this many times em-pixels or more. */
#define LARGE_EM 1.5

static double
mean_confidence (const OcrSymbol *symbols, guint n)
{
  double sum = 0;
  guint counted = 0;

  for (guint j = 0; j < n; j++)
    if (symbols[j].c != 0 && !g_unichar_isspace (symbols[j].c))
      sum += symbols[j].confidence, counted++;
  return counted > 0 ? sum / counted : 0;
}

static guint
count_wide (const GArray *symbols)
{
  guint wide = 0;

  for (guint j = 0; j < symbols->len; j++)
    wide += scan_symbol_is_wide (g_array_index (symbols, OcrSymbol, j).c);
  return wide;
}

/* Whether @symbols are at least three Latin letters and a third of the line. */
static gboolean
is_mostly_latin (const GArray *symbols)
{
  guint letters = 0;

  for (guint j = 0; j < symbols->len; j++)
    {
      gunichar c = g_array_index (symbols, OcrSymbol, j).c;
      letters += c < 0x80 && g_ascii_isalpha ((int) c);
    }
  return letters >= 3 && 3 * letters >= symbols->len;
}

/* Reads @box of page @page drawn at @scale as one line: on a page in Latin script with the
 * Latin model alone, as the page was; else with the pool's languages, and with the first alone
 * when they give the Latin model a line it reads as letters (the title "蓬江区长冲镇" read
 * "BIKKHA"). Returns OcrSymbol in page points, or NULL. */
static GArray *
read_box (RectoDocument *doc, guint page, const RectoBox *box, double scale, gboolean latin,
          OcrPool *pool, guint worker)
{
  g_autoptr (RectoImage) image = recto_document_render (doc, page, box, scale, NULL);
  int dpi = (int) (scale * 72 + 0.5);
  GArray *symbols;

  if (image == NULL)
    return NULL;
  symbols = latin ? ocr_pool_read_image_latin (pool, worker, image, dpi, OCR_LINE)
                  : ocr_pool_read_image (pool, worker, image, dpi, OCR_LINE);
  if (!latin && symbols != NULL && is_mostly_latin (symbols))
    {
      GArray *primary = ocr_pool_read_image_primary (pool, worker, image, dpi, OCR_LINE);
      if (primary != NULL && count_wide (primary) > count_wide (symbols))
        g_array_unref (symbols), symbols = primary;
      else if (primary != NULL)
        g_array_unref (primary);
    }
  if (symbols != NULL)
    ocr_symbols_to_page (symbols, box, scale);
  return symbols;
}

/* Reads the line @from to @to of @symbols again at @scale; returns its new end. */
static guint
read_again (GArray *symbols, guint from, guint to, RectoDocument *doc, guint page, double scale,
            gboolean latin, OcrPool *pool, guint worker)
{
  RectoBox box = ocr_symbols_box (symbols, from, to);
  const OcrSymbol *line = &g_array_index (symbols, OcrSymbol, from);
  g_autoptr (GArray) again = NULL;
  float margin;

  margin = (box.y2 - box.y1) / 4;
  box.x1 -= margin, box.y1 -= margin, box.x2 += margin, box.y2 += margin;
  again = read_box (doc, page, &box, scale, latin, pool, worker);
  if (again == NULL || again->len == 0
      || mean_confidence ((const OcrSymbol *) again->data, again->len)
             < mean_confidence (line, to - from))
    return to;
  for (guint j = 0; j < again->len; j++)
    g_array_index (again, OcrSymbol, j).starts_line = j == 0;
  g_array_remove_range (symbols, from, to - from);
  g_array_insert_vals (symbols, from, again->data, again->len);
  return from + again->len;
}

void
large_lines_read (GArray *symbols, RectoDocument *doc, guint page, double scale, guint em_pixels,
                  OcrPool *pool, guint worker)
{
  double typical = scanned_page_type_size (symbols);
  gboolean latin = scanned_page_is_latin (symbols);

  if (typical <= 0)
    return;
  for (guint from = 0; from < symbols->len;)
    {
      guint to = ocr_symbols_line_end (symbols, from);
      double size = scanned_line_size (&g_array_index (symbols, OcrSymbol, from), to - from);
      if (size > LARGE_TYPE * typical && size * scale > LARGE_EM * em_pixels)
        to = read_again (symbols, from, to, doc, page, em_pixels / size, latin, pool, worker);
      from = to;
    }
}
