/* turned-rows.c: see turned-rows.h. */
#include "turned-rows.h"
#include "close-lines.h"

#include <stdlib.h>

/* A glyph of a line that runs down the page, where it stands. */
typedef struct
{
  guint glyph;
  float key; /* what it is sorted by: its box's horizontal middle, then its top */
} Standing;

static int
compare_standing (gconstpointer a, gconstpointer b)
{
  const Standing *x = a, *y = b;
  if (x->key != y->key)
    return (x->key > y->key) - (x->key < y->key);
  return (x->glyph > y->glyph) - (x->glyph < y->glyph);
}

RectoBox
text_row_glyph_box (const TextRow *row, const RectoPage *page, guint glyph)
{
  return recto_box_turn (&g_array_index (page->boxes, RectoBox, glyph), row->turn, page->width,
                         page->height);
}

RectoBox
text_row_page_box (const TextRow *row, const RectoPage *page, const RectoBox *box)
{
  /* Back from the row's frame, whose width is the page's height. */
  return recto_box_turn (box, -row->turn, page->height, page->width);
}

void
text_row_frame_size (const TextRow *row, const RectoPage *page, float *width, float *height)
{
  *width = row->turn != 0 ? page->height : page->width;
  *height = row->turn != 0 ? page->width : page->height;
}

GArray *
text_row_read (OcrPool *pool, guint worker, RectoDocument *doc, const TextRow *row,
               const RectoBox *area, double scale, gboolean alone, RectoImage **image_out)
{
  const RectoPage *page = recto_document_get_page (doc, row->page);
  RectoBox on_page = text_row_page_box (row, page, area);
  g_autoptr (RectoImage) drawn = NULL;
  g_autoptr (RectoImage) upright = NULL;
  GArray *symbols;

  drawn = recto_document_render (doc, row->page, &on_page, scale, NULL);
  if (drawn == NULL)
    return NULL;
  upright = row->turn != 0 ? recto_image_turn (drawn, row->turn) : g_steal_pointer (&drawn);
  if (alone)
    close_lines_clear (row, page, area, scale, upright);
  symbols = ocr_pool_read_image (pool, worker, upright, (int) (scale * 72 + 0.5), OCR_LINE);
  if (symbols == NULL)
    return NULL;
  ocr_symbols_to_page (symbols, area, scale);
  if (image_out != NULL)
    *image_out = g_steal_pointer (&upright);
  return symbols;
}

/* Which way the glyphs @run[0..@n) (top to bottom) are read: -1 up the page, 1 down,
 * 0 unknown. Content order tells: a line is drawn in the order it is read. */
static int
reading_way (const Standing *run, guint n)
{
  int way = 0;

  for (guint k = 0; k + 1 < n; k++)
    for (guint j = 0; j < n; j++)
      if (run[j].glyph == run[k].glyph + 1 || run[j].glyph + 1 == run[k].glyph)
        /* Below it in the run and drawn after it, or above and drawn before: read down. */
        way += (j > k) == (run[j].glyph > run[k].glyph) ? 1 : -1;
  return (way > 0) - (way < 0);
}

static float
type_size (const RectoPage *page, guint glyph)
{
  int span = recto_page_find_span (page, glyph);
  return span >= 0 ? g_array_index (page->spans, RectoSpan, span).size : 0;
}

/* Adds the row of the glyphs @run[0..@n) (top to bottom) read @way, if it holds glyphs of an
 * unmapped font. */
static void
add_row (GArray *rows, const GArray *surveys, const RectoPage *page, const Standing *run, guint n,
         int way)
{
  TextRow row = { .page = page->index,
                  .turn = way,
                  .glyphs = g_array_new (FALSE, FALSE, sizeof (guint)) };
  gboolean holds_codes = FALSE;

  for (guint k = 0; k < n; k++)
    {
      /* Read up the page, its last glyph is the first read. */
      guint i = run[way < 0 ? n - 1 - k : k].glyph;
      RectoBox box = text_row_glyph_box (&row, page, i);
      const char *font = NULL;
      int span = recto_page_find_span (page, i);
      g_array_append_val (row.glyphs, i);
      if (k == 0)
        row.box = box;
      row.box.x1 = MIN (row.box.x1, box.x1);
      row.box.y1 = MIN (row.box.y1, box.y1);
      row.box.x2 = MAX (row.box.x2, box.x2);
      row.box.y2 = MAX (row.box.y2, box.y2);
      row.size = MAX (row.size, type_size (page, i));
      if (span >= 0)
        font = g_array_index (page->spans, RectoSpan, span).subset;
      holds_codes =
          holds_codes
          || font_survey_needs_reading (surveys, font, g_array_index (page->chars, gunichar, i));
    }
  if (holds_codes)
    g_array_append_val (rows, row);
  else
    g_array_unref (row.glyphs);
}

/* Cuts @line (the glyphs of one line running down the page) at gaps wider than a gutter, and
 * adds each piece as a row read @way (0: unknown, the page's other lines tell). */
static void
cut_line (GArray *rows, const GArray *surveys, const RectoPage *page, Standing *line, guint n,
          int *page_way)
{
  const RectoBox *boxes = (const RectoBox *) page->boxes->data;
  guint from = 0;
  float bottom;

  for (guint k = 0; k < n; k++)
    line[k].key = boxes[line[k].glyph].y1;
  qsort (line, n, sizeof (Standing), compare_standing);
  bottom = boxes[line[0].glyph].y2;
  for (guint k = 1; k <= n; k++)
    {
      const RectoBox *box = k < n ? &boxes[line[k].glyph] : NULL;
      float em = box != NULL ? type_size (page, line[k].glyph) : 0;
      int way;
      if (box != NULL && box->y1 - bottom <= TEXT_ROWS_GUTTER_EMS * MAX (em, box->x2 - box->x1))
        {
          bottom = MAX (bottom, box->y2);
          continue;
        }
      way = reading_way (line + from, k - from);
      if (way != 0)
        *page_way = way;
      /* A lone glyph reads the way the page's lines before it do; a table turned to fit a
       * page in portrait reads up it, its heads at the left, unless a line says otherwise. */
      add_row (rows, surveys, page, line + from, k - from, way != 0 ? way : *page_way);
      from = k;
      if (box != NULL)
        bottom = box->y2;
    }
}

void
turned_rows_add (GArray *rows, const GArray *surveys, const RectoPage *page, const guint *glyphs,
                 guint n)
{
  const RectoBox *boxes = (const RectoBox *) page->boxes->data;
  g_autofree Standing *placed = g_new (Standing, n + 1);
  float left = 0, right = -1;
  guint from = 0;
  int page_way = -1;

  for (guint k = 0; k < n; k++)
    placed[k] = (Standing){ glyphs[k], (boxes[glyphs[k]].x1 + boxes[glyphs[k]].x2) / 2 };
  qsort (placed, n, sizeof (Standing), compare_standing);
  /* Lines: glyphs whose middles fall within the width the line has so far. */
  for (guint k = 0; k <= n; k++)
    {
      const RectoBox *box = k < n ? &boxes[placed[k].glyph] : NULL;
      if (box != NULL && placed[k].key >= left && placed[k].key <= right)
        {
          left = MIN (left, box->x1);
          right = MAX (right, box->x2);
          continue;
        }
      if (k > from)
        cut_line (rows, surveys, page, placed + from, k - from, &page_way);
      from = k;
      if (box != NULL)
        left = box->x1, right = box->x2;
    }
}
