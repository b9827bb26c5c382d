/* unread-lines.c: see unread-lines.h. */
#include "unread-lines.h"
#include "glyph-shapes.h"
#include "scan-symbols.h"

/* A row with fewer ink pixels than this is blank (specks of the scan). */
#define MIN_ROW_INK 2
/* A band is a line of text when its height is within these shares of the page's em ... */
#define MIN_LINE_HEIGHT 0.7
#define MAX_LINE_HEIGHT 1.5
/* ... and a piece of its ink at least this many ems wide. */
#define MIN_LINE_WIDTH 3
/* A page's number in the margin may be narrower, and up to this many ems tall: its digits
 * stand as tall as capitals (DejaVu Sans's "2" stood 1.54 times the median height of its
 * page's Latin letters). */
#define MAX_NUMBER_HEIGHT 2.0
/* Columns this many ems apart, with at most this share of the most inked column's ink in
 * between, are two columns of text. */
#define GUTTER 1.5
#define GUTTER_INK 0.05
/* A new reading is kept when it has this many symbols of this mean confidence. */
#define MIN_SYMBOLS 2
#define MIN_CONFIDENCE 0.6

static gboolean
is_text (const OcrSymbol *symbol)
{
  return symbol->c != 0 && !g_unichar_isspace (symbol->c);
}

/* The median height of the page's Chinese characters (or of all its symbols), in points. */
static float
page_em (const GArray *symbols)
{
  g_autoptr (GArray) heights = g_array_new (FALSE, FALSE, sizeof (double));

  for (int wide = 1; wide >= 0 && heights->len == 0; wide--)
    for (guint j = 0; j < symbols->len; j++)
      {
        const OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, j);
        double height = symbol->y2 - symbol->y1;
        if (is_text (symbol) && (!wide || scan_symbol_is_wide (symbol->c)))
          g_array_append_val (heights, height);
      }
  return (float) scan_symbols_median (heights);
}

/* Whether a symbol that is text has its middle between @top and @bottom and reaches into
 * columns @left to @right (page points). */
static gboolean
piece_is_read (const GArray *symbols, float top, float bottom, float left, float right)
{
  for (guint j = 0; j < symbols->len; j++)
    {
      const OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, j);
      float middle = (symbol->y1 + symbol->y2) / 2;
      if (is_text (symbol) && middle >= top && middle <= bottom && symbol->x2 > left
          && symbol->x1 < right)
        return TRUE;
    }
  return FALSE;
}

/* The page's columns: runs of pixel columns with ink, cut at gaps wider than @gutter pixels
 * where (almost) nothing is drawn (a centred running head may cross a gutter). Pairs of first
 * column and column after the last. */
static GArray *
page_columns (const RectoImage *image, guint gutter)
{
  g_autofree guint *ink = g_new0 (guint, image->width + 1);
  GArray *columns = g_array_new (FALSE, FALSE, sizeof (guint));
  guint most = 0, start = 0, end = 0;

  for (guint y = 0; y < image->height; y++)
    for (guint x = 0; x < image->width; x++)
      ink[x] += image->pixels[(gsize) y * image->stride + x] < GLYPH_SHAPE_INK;
  for (guint x = 0; x < image->width; x++)
    most = MAX (most, ink[x]);
  for (guint x = 0; x <= image->width; x++)
    {
      gboolean inked = x < image->width && ink[x] > most * GUTTER_INK;
      if (end > start && (x == image->width || (inked && x - end > gutter)))
        {
          g_array_append_val (columns, start);
          g_array_append_val (columns, end);
          start = end = 0;
        }
      if (inked && end == start)
        start = x;
      if (inked)
        end = x + 1;
    }
  return columns;
}

/* The first and after the last pixel column with ink in rows @top to @bottom, columns @left to
 * @right; FALSE without ink. */
static gboolean
ink_extent (const RectoImage *image, guint top, guint bottom, guint left, guint right,
            guint *first, guint *after)
{
  *first = right, *after = left;
  for (guint y = top; y < bottom; y++)
    for (guint x = left; x < right; x++)
      if (image->pixels[(gsize) y * image->stride + x] < GLYPH_SHAPE_INK)
        *first = MIN (*first, x), *after = MAX (*after, x + 1);
  return *after > *first;
}

/* Whether @line reads as a page's number: digits, perhaps between dashes ("- 12 -"). */
static gboolean
is_number_reading (const GArray *line)
{
  guint digits = 0, n = 0;
  float confidence = 0;

  for (guint j = 0; j < line->len; j++)
    {
      const OcrSymbol *symbol = &g_array_index (line, OcrSymbol, j);
      if (!is_text (symbol))
        continue;
      if (!g_ascii_isdigit (symbol->c) && symbol->c != '-' && symbol->c != 0x2013
          && symbol->c != 0x2014)
        return FALSE;
      digits += g_ascii_isdigit (symbol->c) != 0;
      n++, confidence += symbol->confidence;
    }
  return digits > 0 && confidence / n >= MIN_CONFIDENCE;
}

/* The top of the first and the bottom of the last symbol read between columns @left and
 * @right (page points); FALSE when none was. */
static gboolean
read_extent (const GArray *symbols, float left, float right, float *top, float *bottom)
{
  *top = G_MAXFLOAT, *bottom = -G_MAXFLOAT;
  for (guint j = 0; j < symbols->len; j++)
    {
      const OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, j);
      if (is_text (symbol) && symbol->x2 > left && symbol->x1 < right)
        *top = MIN (*top, symbol->y1), *bottom = MAX (*bottom, symbol->y2);
    }
  return *bottom > *top;
}

static gboolean
is_good_reading (const GArray *line)
{
  guint n = 0;
  float confidence = 0;

  for (guint j = 0; j < line->len; j++)
    if (is_text (&g_array_index (line, OcrSymbol, j)))
      n++, confidence += g_array_index (line, OcrSymbol, j).confidence;
  return n >= MIN_SYMBOLS && confidence / n >= MIN_CONFIDENCE;
}

void
unread_lines_insert (GArray *symbols, const GArray *line, float middle)
{
  float left = g_array_index (line, OcrSymbol, 0).x1;
  float right = g_array_index (line, OcrSymbol, line->len - 1).x2;
  guint after = G_MAXUINT, before = G_MAXUINT;

  for (guint from = 0, to; from < symbols->len; from = to)
    {
      float x1 = G_MAXFLOAT, x2 = -G_MAXFLOAT, y1 = g_array_index (symbols, OcrSymbol, from).y1;
      for (to = from; to < symbols->len
                      && (to == from || !g_array_index (symbols, OcrSymbol, to).starts_line);
           to++)
        {
          const OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, to);
          if (is_text (symbol))
            x1 = MIN (x1, symbol->x1), x2 = MAX (x2, symbol->x2);
        }
      if (x2 <= left || x1 >= right)
        continue;
      if (y1 < middle)
        after = to;
      else if (before == G_MAXUINT)
        before = from;
    }
  g_array_insert_vals (symbols, after != G_MAXUINT ? after : before != G_MAXUINT ? before : symbols->len,
                       line->data, line->len);
}

/* Reads the band @x1, @y1 to @x2, @y2 (page points) of @image as one line. Tesseract's line
 * mode first looks for the line's text in the image, and finds none in some short lines it
 * reads well as they are: "踪监督。", a paragraph's last line on a scanned page. Such a line is
 * read again in the raw-line mode (only here, where ink of a text line's height is known to be
 * there: on a table's rules and specks, that mode reads letters). */
static GArray *
read_band (const RectoImage *image, const RectoBox *area, double scale, float x1, float y1,
           float x2, float y2, OcrPool *pool, guint worker)
{
  RectoBox box = { x1, y1, x2, y2 };
  GArray *line = ocr_pool_read_line (pool, worker, image, area, scale, &box, OCR_LINE, FALSE);

  if (line != NULL && line->len == 0)
    {
      g_array_unref (line);
      line = ocr_pool_read_line (pool, worker, image, area, scale, &box, OCR_RAW_LINE, FALSE);
    }
  return line;
}

/* Whether pixel row @y of @image, showing @area at @scale, is ink: it has MIN_ROW_INK ink pixels,
 * or one above @read_top or below @read_bottom (page points), in the page's margins, where a
 * page number's thin stroke (the stem of Liberation Serif's "5" at 200 dpi) would cut it in two
 * and leave only pieces to read. */
static gboolean
row_is_ink (const guint *row_ink, guint y, const RectoBox *area, double scale, float read_top,
            float read_bottom)
{
  float page_y = area->y1 + (y + 0.5f) / scale;
  gboolean in_margin = page_y < read_top || page_y > read_bottom;

  return row_ink[y] >= (in_margin ? 1 : MIN_ROW_INK);
}

/* Reads the unread lines of pixel columns @left to @right of @image; with @margins_only, only
 * those above or below every symbol read there. */
static void
read_column (GArray *symbols, const RectoImage *image, const RectoBox *area, double scale,
             float em, guint left, guint right, gboolean margins_only, OcrPool *pool, guint worker)
{
  g_autofree guint *row_ink = g_new0 (guint, image->height + 1);
  float read_top, read_bottom;

  /* Where nothing was read there are no margins to tell: a chart's labels are no page numbers. */
  if (!read_extent (symbols, area->x1 + left / scale, area->x1 + right / scale, &read_top,
                    &read_bottom))
    read_top = -G_MAXFLOAT, read_bottom = G_MAXFLOAT;
  for (guint y = 0; y < image->height; y++)
    for (guint x = left; x < right; x++)
      row_ink[y] += image->pixels[(gsize) y * image->stride + x] < GLYPH_SHAPE_INK;
  for (guint top = 0, bottom; top < image->height; top = MAX (bottom, top + 1))
    {
      float page_top = area->y1 + top / scale, page_bottom, page_left, page_right, margin = em / 4;
      guint first, after;
      gboolean in_margin, narrow;
      g_autoptr (GArray) line = NULL;
      for (bottom = top; bottom < image->height
                         && row_is_ink (row_ink, bottom, area, scale, read_top, read_bottom);
           bottom++)
        ;
      page_bottom = area->y1 + bottom / scale;
      if (page_bottom - page_top < MIN_LINE_HEIGHT * em
          || page_bottom - page_top > MAX_NUMBER_HEIGHT * em
          || !ink_extent (image, top, bottom, left, right, &first, &after))
        continue;
      page_left = area->x1 + first / scale, page_right = area->x1 + after / scale;
      /* A page's number stands alone in the margin, narrower than a line, and the layout
       * analysis may skip it (the English sample drawn as a scan kept 2 of its 11 numbers):
       * a band above or below every symbol read in its column is read whatever its width,
       * and a narrow one kept if it reads as a number. */
      in_margin = page_bottom <= read_top || page_top >= read_bottom;
      narrow = page_right - page_left < MIN_LINE_WIDTH * em;
      if ((narrow || margins_only) && !in_margin)
        continue;
      if ((page_bottom - page_top > MAX_LINE_HEIGHT * em && !narrow)
          || piece_is_read (symbols, page_top, page_bottom, page_left, page_right))
        continue;
      line = read_band (image, area, scale, page_left - margin, page_top - margin,
                        page_right + margin, page_bottom + margin, pool, worker);
      if (line != NULL && (narrow ? is_number_reading (line) : is_good_reading (line)))
        unread_lines_insert (symbols, line, (page_top + page_bottom) / 2);
    }
}

void
unread_lines_read (GArray *symbols, const RectoImage *image, const RectoBox *area, double scale,
                   OcrPool *pool, guint worker)
{
  float em = page_em (symbols);
  g_autoptr (GArray) columns = NULL;

  if (em <= 0)
    return;
  columns = page_columns (image, (guint) (GUTTER * em * scale));
  for (guint k = 0; k + 1 < columns->len; k += 2)
    read_column (symbols, image, area, scale, em, g_array_index (columns, guint, k),
                 g_array_index (columns, guint, k + 1), FALSE, pool, worker);
  /* A page's number centred between two columns stands outside both: page_columns() takes a
   * gutter's little ink for none. */
  read_column (symbols, image, area, scale, em, 0, image->width, TRUE, pool, worker);
}
