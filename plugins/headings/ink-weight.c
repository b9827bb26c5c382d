/* ink-weight.c: see ink-weight.h. */
#include "ink-weight.h"

#include <math.h>

/* Pages are drawn at the scale the tables stage draws them at by default (1.5 pixels per point),
 * or a multiple of it that gives the body's em MIN_PIXELS_PER_EM at least: a page is drawn
 * cheaply, and a page the tables stage drew is not drawn again (the core keeps its picture).
 * Strokes are measured in grey levels, finer than a pixel. */
#define BASE_SCALE 1.5
#define MIN_PIXELS_PER_EM 12.0
/* A line whose strokes are this many times as wide as its body lines' is heavier. */
#define HEAVIER 1.25
/* A line is compared with body lines of its page (at most OWN_REFERENCES) and, when its page
 * holds fewer than OWN_ENOUGH, of the pages nearest it (up to NEAREST_PAGES either side, at most
 * NEAR_REFERENCES from each), each with MIN_REFERENCE_GLYPHS at least; their lower quartile is
 * the body's weight: on a page of headings over tables most of its lines may be bold. */
#define OWN_REFERENCES 24
#define NEAR_REFERENCES 4
#define MIN_REFERENCES 4
#define NEAREST_PAGES 2
#define OWN_ENOUGH 8
#define CACHED_PAGES (2 * NEAREST_PAGES + 1)
#define MIN_REFERENCE_GLYPHS 8
/* References enough lighter than the others to be the body's, on a page mostly of headings. */
#define MIN_LIGHTER 2
/* A page larger than this many pixels at the scale is not drawn (a poster): its lines' weight is
 * not read. Bounds the memory of the pages kept drawn. */
#define MAX_PAGE_PIXELS 24e6
/* The most lines of a block that are measured. */
#define MAX_LINES 3
/* A type of which SETTLED_LINES lines asked about, on SETTLED_PAGES pages at least, were none
 * heavier than its body is taken for a face not emboldened by stroking: its lines are not drawn
 * any more (a volume's headings show their type within its first pages). */
#define SETTLED_LINES 16
#define SETTLED_PAGES 4

/* What the lines asked about of one type were found. */
typedef struct
{
  guint lines, heavier, pages, last_page;
} Tally;

struct _InkWeight
{
  RectoDocument *doc;
  double scale; /* pixels per point, from the body's size */
  GHashTable *reference; /* "page/font/size" → stroke width (double*), 0 when none */
  GHashTable *stroke; /* RectoLine* → its stroke width (double*) */
  GHashTable *tally; /* "font/size/bold" → Tally* */
  /* The pages last drawn, whole: a page is drawn once however many of its lines are measured
   * (the stage reads the pages in order, and looks at most NEAREST_PAGES either side). */
  guint page[CACHED_PAGES];
  RectoImage *image[CACHED_PAGES];
  guint oldest;
};

InkWeight *
ink_weight_new (RectoDocument *doc)
{
  InkWeight *weight = g_new0 (InkWeight, 1);
  float body = recto_document_get_body_size (doc);

  weight->doc = doc;
  weight->scale = BASE_SCALE;
  if (body > 0)
    weight->scale *= MIN (ceil (MIN_PIXELS_PER_EM / (BASE_SCALE * body)), 4.0);
  weight->reference = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  weight->stroke = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  weight->tally = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < CACHED_PAGES; i++)
    weight->page[i] = G_MAXUINT;
  return weight;
}

void
ink_weight_free (InkWeight *weight)
{
  if (weight == NULL)
    return;
  g_hash_table_unref (weight->reference);
  g_hash_table_unref (weight->stroke);
  g_hash_table_unref (weight->tally);
  for (guint i = 0; i < CACHED_PAGES; i++)
    g_clear_pointer (&weight->image[i], recto_image_free);
  g_free (weight);
}

/* The mean width of the strokes in the pixels [@x1, @x2) × [@y1, @y2) of @image: twice their
 * ink over how much the ink changes across and down (a stroke of width w and length l holds
 * w·l of ink, and the ink changes by 2·l across it whichever way it runs), or 0 without ink.
 * Ink is counted in grey levels (255 a black pixel), in integers. */
static double
stroke_width (const RectoImage *image, guint x1, guint y1, guint x2, guint y2)
{
  guint64 total = 0, change = 0;

  for (guint y = y1; y < y2; y++)
    {
      const guint8 *row = image->pixels + (gsize) y * image->stride;
      const guint8 *above = y > y1 ? row - image->stride : NULL;
      for (guint x = x1; x < x2; x++)
        {
          int here = 255 - row[x];
          int left = x > x1 ? 255 - row[x - 1] : 0, up = above != NULL ? 255 - above[x] : 0;
          total += here;
          change += ABS (here - left) + ABS (here - up);
        }
    }
  return change > 0 ? 2.0 * total / change : 0;
}

/* The pixel of @image at @v points (of @page_size) along one side. */
static guint
pixel (float v, double scale, guint size)
{
  double p = v * scale;

  return p <= 0 ? 0 : p >= size ? size : (guint) p;
}

/* The picture of page @page, drawn whole, or NULL. */
static const RectoImage *
page_image (InkWeight *weight, guint page)
{
  const RectoPage *p = recto_document_get_page (weight->doc, page);
  RectoBox area;
  guint slot;

  for (guint i = 0; i < CACHED_PAGES; i++)
    if (weight->page[i] == page)
      return weight->image[i];
  if (p == NULL || p->width <= 0 || p->height <= 0
      || p->width * p->height * weight->scale * weight->scale > MAX_PAGE_PIXELS)
    return NULL;
  area = (RectoBox) { 0, 0, p->width, p->height };
  slot = weight->oldest;
  weight->oldest = (weight->oldest + 1) % CACHED_PAGES;
  g_clear_pointer (&weight->image[slot], recto_image_free);
  weight->image[slot] = recto_document_render (weight->doc, page, &area, weight->scale, NULL);
  weight->page[slot] = page;
  return weight->image[slot];
}

/* The stroke width of @line of page @page, or 0. */
static double
line_stroke (InkWeight *weight, guint page, const RectoLine *line)
{
  double *known = g_hash_table_lookup (weight->stroke, line);
  const RectoImage *image;
  double stroke;

  if (known != NULL)
    return *known;
  if ((image = page_image (weight, page)) == NULL)
    return 0;
  stroke = stroke_width (image, pixel (line->box.x1, weight->scale, image->width),
                         pixel (line->box.y1, weight->scale, image->height),
                         pixel (line->box.x2, weight->scale, image->width),
                         pixel (line->box.y2, weight->scale, image->height));
  g_hash_table_insert (weight->stroke, (gpointer) line, g_memdup2 (&stroke, sizeof stroke));
  return stroke;
}

static gboolean
same_type (const RectoLine *a, const RectoLine *b)
{
  return a->font == b->font && ABS (a->size - b->size) <= 0.02f * a->size
         && (a->flags & RECTO_FONT_BOLD) == (b->flags & RECTO_FONT_BOLD);
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Whether @other may be a reference for @line: a longer body line set as @line is. */
static gboolean
is_reference (const RectoLine *other, const RectoLine *line)
{
  return other != line && other->role == RECTO_LINE_BODY && other->has_box
         && other->glyphs != NULL && other->glyphs->len >= MIN_REFERENCE_GLYPHS
         && same_type (other, line);
}

/* Adds to @strokes the stroke widths of up to @most references for @line on page @page; or,
 * when @strokes is NULL, how many there are (up to @most), without drawing the page. */
static guint
add_references (InkWeight *weight, guint page, const RectoLine *line, guint most,
                GArray *strokes)
{
  const RectoPage *p = recto_document_get_page (weight->doc, page);
  guint found = 0;

  for (guint i = 0; p != NULL && i < p->lines->len && found < most; i++)
    {
      const RectoLine *other = g_ptr_array_index (p->lines, i);
      double stroke;
      if (!is_reference (other, line))
        continue;
      if (strokes == NULL)
        found++;
      else if ((stroke = line_stroke (weight, page, other)) > 0)
        {
          g_array_append_val (strokes, stroke);
          found++;
        }
    }
  return found;
}

/* Gathers the references for @line of page @page into @strokes (or, when @strokes is NULL,
 * counts them without drawing): those of its page, and those of the pages nearest it when its
 * page holds fewer than OWN_ENOUGH (a page is drawn only when it must be). */
static guint
gather_references (InkWeight *weight, guint page, const RectoLine *line, GArray *strokes)
{
  guint n_pages = recto_document_get_n_pages (weight->doc);
  guint count = add_references (weight, page, line, OWN_REFERENCES, strokes);

  for (guint d = 1; d <= NEAREST_PAGES && count < OWN_ENOUGH; d++)
    {
      if (page >= d)
        count += add_references (weight, page - d, line, NEAR_REFERENCES, strokes);
      if (page + d < n_pages)
        count += add_references (weight, page + d, line, NEAR_REFERENCES, strokes);
    }
  return count;
}

/* The body's stroke width among @strokes, the sorted widths of a page's reference lines: their
 * lower quartile; or, when MIN_LIGHTER of them at least are lighter than that by HEAVIER, the
 * median of those: most of the page's lines in the type are headings set heavier (a page of
 * headings over tables), and the few lighter ones are its body. */
static double
body_stroke (const GArray *strokes)
{
  double quartile = g_array_index (strokes, double, strokes->len / 4);
  guint lighter = 0;

  while (lighter < strokes->len
         && g_array_index (strokes, double, lighter) * HEAVIER <= quartile)
    lighter++;
  return lighter >= MIN_LIGHTER ? g_array_index (strokes, double, lighter / 2) : quartile;
}

/* The body's stroke width (body_stroke()) among the references for @line of page @page; 0 with
 * fewer than MIN_REFERENCES (counted first: a type the pages hold too few body lines of is not
 * drawn for). Remembered per page and type. */
static double
reference_stroke (InkWeight *weight, guint page, const RectoLine *line)
{
  g_autofree char *key = g_strdup_printf ("%u/%s/%.2f", page, line->font, line->size);
  g_autoptr (GArray) strokes = g_array_new (FALSE, FALSE, sizeof (double));
  double *known = g_hash_table_lookup (weight->reference, key);
  double quartile = 0;

  if (known != NULL)
    return *known;
  if (gather_references (weight, page, line, NULL) >= MIN_REFERENCES)
    {
      gather_references (weight, page, line, strokes);
      g_array_sort (strokes, compare_doubles);
      if (strokes->len >= MIN_REFERENCES)
        quartile = body_stroke (strokes);
    }
  g_hash_table_insert (weight->reference, g_steal_pointer (&key),
                       g_memdup2 (&quartile, sizeof quartile));
  return quartile;
}

/* The tally of @line's type. */
static Tally *
type_tally (InkWeight *weight, const RectoLine *line)
{
  g_autofree char *key = g_strdup_printf ("%s/%.2f/%d", line->font, line->size,
                                          (line->flags & RECTO_FONT_BOLD) != 0);
  Tally *tally = g_hash_table_lookup (weight->tally, key);

  if (tally == NULL)
    {
      tally = g_new0 (Tally, 1);
      tally->last_page = G_MAXUINT;
      g_hash_table_insert (weight->tally, g_steal_pointer (&key), tally);
    }
  return tally;
}

/* Whether @line of page @page is drawn heavier than the body lines of its type. */
static gboolean
line_is_heavier (InkWeight *weight, guint page, const RectoLine *line)
{
  Tally *tally = type_tally (weight, line);
  gboolean known = g_hash_table_contains (weight->stroke, line), heavier;
  double reference;

  if (tally->heavier == 0 && tally->lines >= SETTLED_LINES && tally->pages >= SETTLED_PAGES)
    return FALSE;
  reference = reference_stroke (weight, page, line);
  if (reference <= 0)
    return FALSE;
  heavier = line_stroke (weight, page, line) >= HEAVIER * reference;
  if (!known)
    {
      tally->lines++;
      tally->heavier += heavier;
      tally->pages += page != tally->last_page;
      tally->last_page = page;
    }
  return heavier;
}

gboolean
ink_weight_is_heavier (InkWeight *weight, const RectoBlock *block)
{
  if (block->all_bold || block->sources == NULL || block->sources->len == 0
      || block->sources->len > MAX_LINES || !recto_document_can_render (weight->doc))
    return FALSE;
  for (guint i = 0; i < block->sources->len; i++)
    {
      const RectoSourceRef *ref = &g_array_index (block->sources, RectoSourceRef, i);
      const RectoLine *line = ref->line;
      if (line == NULL || !line->has_box || line->size <= 0 || line->font == NULL
          || !line_is_heavier (weight, ref->page, line))
        return FALSE;
    }
  return TRUE;
}
