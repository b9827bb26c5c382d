/* page-reader.c: see page-reader.h. */
#include "page-reader.h"

#include <string.h>

#include "font-subsets.h"
#include "inkless-text.h"

static guint32
font_flags (const PopplerTextAttributes *attributes)
{
  g_autofree char *lower =
      g_ascii_strdown (attributes->font_name != NULL ? attributes->font_name : "", -1);
  guint32 flags = 0;

  if (strstr (lower, "bold") || strstr (lower, "heavy") || strstr (lower, "black")
      || strstr (lower, "semibold") || strstr (lower, "demi"))
    flags |= RECTO_FONT_BOLD;
  if (strstr (lower, "italic") || strstr (lower, "oblique"))
    flags |= RECTO_FONT_ITALIC;
  if (attributes->is_underlined)
    flags |= RECTO_FONT_UNDERLINE;
  return flags;
}

static int
compare_floats (gconstpointer a, gconstpointer b)
{
  float x = *(const float *) a, y = *(const float *) b;

  return (x > y) - (x < y);
}

/* Poppler makes a glyph's box from its font's ascent and descent. A few fonts declare these
 * far beyond their glyphs (a box of 27 points round ten-point Hangul): boxes that tall overlap
 * the lines above and below, and hide the rules of a tight table. A wide (CJK) glyph's advance is
 * its em, and its box is hardly taller; where a font's wide glyphs on the page stand in boxes
 * more than INFLATED times as tall as they are wide, every box of the font's runs is cut down
 * about its middle by that ratio, and the runs' size is the em. */
#define INFLATED 2.2f

static float
median (GArray *values)
{
  g_array_sort (values, compare_floats);
  return g_array_index (values, float, values->len / 2);
}

/* Fits the boxes of the runs in @font (interned in the page's font chunk) if they are inflated. */
static void
fit_inflated_font (PageText *text, const char *font)
{
  g_autoptr (GArray) heights = g_array_new (FALSE, FALSE, sizeof (float));
  g_autoptr (GArray) widths = g_array_new (FALSE, FALSE, sizeof (float));
  float ratio, em;
  guint first = 0;

  for (guint r = 0; r < text->runs->len; first += g_array_index (text->runs, PageRun, r++).length)
    {
      const PageRun *run = &g_array_index (text->runs, PageRun, r);
      for (guint i = first; run->font == font && i < first + run->length; i++)
        {
          gunichar c = g_array_index (text->chars, gunichar, i);
          const RectoBox *box = &g_array_index (text->boxes, RectoBox, i);
          float h = box->y2 - box->y1, w = box->x2 - box->x1;
          if (g_unichar_iswide (c) && !g_unichar_isspace (c) && c != 0x3000 && w > 0 && h > 0)
            {
              g_array_append_val (heights, h);
              g_array_append_val (widths, w);
            }
        }
    }
  if (heights->len < 2)
    return;
  em = median (widths);
  ratio = em / median (heights);
  if (ratio * INFLATED >= 1)
    return;
  first = 0;
  for (guint r = 0; r < text->runs->len; first += g_array_index (text->runs, PageRun, r++).length)
    {
      PageRun *run = &g_array_index (text->runs, PageRun, r);
      if (run->font != font)
        continue;
      for (guint i = first; i < first + run->length; i++)
        {
          RectoBox *box = &g_array_index (text->boxes, RectoBox, i);
          float middle = (box->y1 + box->y2) / 2, half = (box->y2 - box->y1) * ratio / 2;
          box->y1 = middle - half, box->y2 = middle + half;
        }
      run->size = em;
    }
}

/* The other way round, a few fonts declare an ascent and descent far short of their glyphs
 * (every font of the Putuo accounts: boxes a quarter of an em tall about the baseline, which cut
 * through the ink, so that recover-text read slices of ideographs). Where the boxes of a font's
 * glyphs on the page are, by their median, less than SHORT_BOX of their runs' size high, each
 * is given the em above its foot, where its ink is: the foot is the baseline, or the little
 * below it the descent gives. A font whose boxes are short only here and there (turned or
 * squeezed labels) is left as it is. */
#define SHORT_BOX 0.5f

/* Fits the boxes of the runs in @font (interned in the page's font chunk) if they are short. */
static void
fit_short_font (PageText *text, const char *font)
{
  g_autoptr (GArray) ratios = g_array_new (FALSE, FALSE, sizeof (float));
  guint first = 0;

  for (guint r = 0; r < text->runs->len; first += g_array_index (text->runs, PageRun, r++).length)
    {
      const PageRun *run = &g_array_index (text->runs, PageRun, r);
      for (guint i = first; run->font == font && run->size > 0 && i < first + run->length; i++)
        {
          const RectoBox *box = &g_array_index (text->boxes, RectoBox, i);
          float ratio = (box->y2 - box->y1) / run->size;
          if (box->y2 > box->y1)
            g_array_append_val (ratios, ratio);
        }
    }
  if (ratios->len == 0 || median (ratios) >= SHORT_BOX)
    return;
  first = 0;
  for (guint r = 0; r < text->runs->len; first += g_array_index (text->runs, PageRun, r++).length)
    {
      const PageRun *run = &g_array_index (text->runs, PageRun, r);
      for (guint i = first; run->font == font && run->size > 0 && i < first + run->length; i++)
        {
          RectoBox *box = &g_array_index (text->boxes, RectoBox, i);
          if (box->y2 > box->y1)
            box->y1 = MIN (box->y1, box->y2 - run->size);
        }
    }
}

/* Calls @fit on each font of the page's runs, once. */
static void
fit_each_font (PageText *text, void (*fit) (PageText *text, const char *font))
{
  g_autoptr (GHashTable) fonts = g_hash_table_new (NULL, NULL);

  for (guint r = 0; r < text->runs->len; r++)
    {
      const char *font = g_array_index (text->runs, PageRun, r).font;
      if (font != NULL && g_hash_table_add (fonts, (gpointer) font))
        fit (text, font);
    }
}

/* Appends the glyphs [from, to) of the page's text layer as one run, leaving out line ends (a
 * glyph mapped to one: white space, as Poppler's own line ends were when glib gave the text).
 * @attributes is NULL for glyphs outside every attribute run. */
static void
append_run (PageText *text, const PopplerTextAttributes *attributes, const gunichar *chars,
            const PopplerRectangle *rects, const guint8 *hidden, guint from, guint to)
{
  PageRun run = { 0 };

  for (guint i = from; i < to; i++)
    {
      RectoBox box = { rects[i].x1, rects[i].y1, rects[i].x2, rects[i].y2 };
      if (chars[i] == '\n')
        continue;
      g_array_append_val (text->chars, chars[i]);
      g_array_append_val (text->boxes, box);
      g_array_append_val (text->hidden, hidden[i]);
      run.length++;
    }
  /* An empty run would add no span to the document either. */
  if (run.length == 0)
    return;
  if (attributes != NULL)
    {
      /* Copied: Poppler's attributes are freed before the page reaches the document. */
      if (attributes->font_name != NULL)
        {
          const char *plain = font_subsets_plain_name (attributes->font_name);
          run.full_name = g_string_chunk_insert_const (text->fonts, attributes->font_name);
          run.font = g_string_chunk_insert_const (text->fonts, *plain != '\0' ? plain : "Default");
        }
      run.size = (float) attributes->font_size;
      run.flags = font_flags (attributes);
    }
  g_array_append_val (text->runs, run);
}

/* Which way the page's text mostly runs (RectoPage.turn), from how many glyphs Poppler found
 * drawn at each quarter turn: a page is turned only where more than half its glyphs read up it,
 * or down it. */
static int
page_turn (const glong turned[4])
{
  glong all = turned[0] + turned[1] + turned[2] + turned[3];

  if (2 * turned[3] > all)
    return -1;
  if (2 * turned[1] > all)
    return 1;
  return 0;
}

/* Gives the page in the frame of its text upright: its size and glyphs' boxes turned. */
static void
turn_page (PageText *text, int turn)
{
  double width = text->width;

  for (guint i = 0; i < text->boxes->len; i++)
    {
      RectoBox *box = &g_array_index (text->boxes, RectoBox, i);
      *box = recto_box_turn (box, turn, text->width, text->height);
    }
  text->turn = turn;
  text->width = text->height;
  text->height = width;
}

/* The page's images, turned as its text is. */
static void
turn_images (GArray *images, int turn, double width, double height)
{
  for (guint i = 0; images != NULL && i < images->len; i++)
    {
      RectoBox *box = &g_array_index (images, RectoBox, i);
      *box = recto_box_turn (box, turn, width, height);
    }
}

static void
read_glyphs (PageText *text, TextLayer *layer, glong max_chars)
{
  g_autofree PopplerRectangle *rects = NULL;
  g_autofree gunichar *chars = NULL;
  g_autofree guint8 *hidden = NULL;
  GList *attributes = NULL;
  glong turned[4];
  glong n_chars = text_layer_read_page (layer, text->index, max_chars, &chars, &rects, &hidden,
                                        &attributes, turned);
  guint next = 0;

  if (n_chars > max_chars)
    {
      text->too_many_chars = n_chars;
      return;
    }
  /* Attribute runs cover the text in order; end_index is inclusive. Characters outside every
   * run (none are expected) still become glyphs, in a run without a font. */
  for (GList *l = attributes; l != NULL; l = l->next)
    {
      const PopplerTextAttributes *run = l->data;
      guint from = MAX ((guint) run->start_index, next);
      guint to = MIN ((guint) run->end_index + 1, (guint) n_chars);
      if (from > next)
        append_run (text, NULL, chars, rects, hidden, next, from);
      if (to > from)
        append_run (text, run, chars, rects, hidden, from, to);
      next = MAX (next, to);
    }
  if (n_chars > 0 && next < (guint) n_chars)
    append_run (text, NULL, chars, rects, hidden, next, n_chars);
  poppler_page_free_text_attributes (attributes);
  if (page_turn (turned) != 0)
    turn_page (text, page_turn (turned));
  fit_each_font (text, fit_inflated_font);
  fit_each_font (text, fit_short_font);
}

/* Fewer glyphs than this and the page may be a scan: its images are listed. Listing them walks
 * the page's content again (about two thirds of what reading its text costs), so a page with
 * text is looked at only one in IMAGE_SAMPLE_STRIDE, from the second page on (a cover's
 * artwork says nothing of the pages; a single page is looked at): where one of those is a scan under its text layer, every
 * page is (page_images_add). Another page with text whose resources name an image far wider
 * than high has its images under half the page listed (read_smaller_images): lines of text
 * drawn as images. */
#define FEW_GLYPHS 8
#define IMAGE_SAMPLE_STRIDE 16

static GArray *
read_images (PopplerPage *ppage)
{
  GList *mappings = poppler_page_get_image_mapping (ppage);
  GArray *images = NULL;

  for (GList *l = mappings; l != NULL; l = l->next)
    {
      const PopplerImageMapping *mapping = l->data;
      RectoBox box = { mapping->area.x1, mapping->area.y1, mapping->area.x2, mapping->area.y2 };
      if (images == NULL)
        images = g_array_new (FALSE, FALSE, sizeof (RectoBox));
      g_array_append_val (images, box);
    }
  poppler_page_free_image_mapping (mappings);
  return images;
}

/* The page's images that cover less than half of its @page_area: on a page with text, lines of
 * text drawn as images (recover-text reads them). The larger ones, a scan under the text layer,
 * are looked for on the sample of pages alone, as read_images() says. */
static GArray *
read_smaller_images (PopplerPage *ppage, double page_area)
{
  GArray *images = read_images (ppage);

  for (guint i = images != NULL ? images->len : 0; i-- > 0;)
    {
      const RectoBox *box = &g_array_index (images, RectoBox, i);
      if ((double) (box->x2 - box->x1) * (box->y2 - box->y1) >= page_area / 2)
        g_array_remove_index (images, i);
    }
  return images;
}

gboolean
page_text_under_scan (const PageText *text)
{
  double page_area = text->width * text->height;

  if (text->chars == NULL || text->chars->len < FEW_GLYPHS || text->images == NULL)
    return FALSE;
  for (guint i = 0; i < text->images->len; i++)
    {
      const RectoBox *box = &g_array_index (text->images, RectoBox, i);
      if ((double) (box->x2 - box->x1) * (box->y2 - box->y1) >= page_area / 2)
        return TRUE;
    }
  return FALSE;
}

void
page_images_add (RectoPage *page, PopplerDocument *document)
{
  PopplerPage *ppage = poppler_document_get_page (document, (int) page->index);
  g_autoptr (GArray) images = NULL;

  if (ppage == NULL)
    return;
  images = read_images (ppage);
  if (page->turn != 0)
    turn_images (images, page->turn, page->height, page->width);
  for (guint i = 0; images != NULL && i < images->len; i++)
    recto_page_add_image (page, &g_array_index (images, RectoBox, i));
  g_object_unref (ppage);
}

void
page_text_read (PageText *text, PopplerDocument *document, TextLayer *layer, int index,
                glong max_chars)
{
  PopplerPage *ppage = poppler_document_get_page (document, index);

  text->read = TRUE;
  text->index = index;
  if (ppage == NULL)
    return;
  text->readable = TRUE;
  poppler_page_get_size (ppage, &text->width, &text->height);
  text->label = poppler_page_get_label (ppage);
  text->chars = g_array_new (FALSE, FALSE, sizeof (gunichar));
  text->boxes = g_array_new (FALSE, FALSE, sizeof (RectoBox));
  text->runs = g_array_new (FALSE, FALSE, sizeof (PageRun));
  text->fonts = g_string_chunk_new (256);
  text->hidden = g_array_new (FALSE, FALSE, sizeof (guint8));
  read_glyphs (text, layer, max_chars);
  /* Glyphs without ink are hidden only where no image lies under them (inkless_text_mark()). */
  if (text->chars->len < FEW_GLYPHS || inkless_text_any (text)
      || index % IMAGE_SAMPLE_STRIDE == (poppler_document_get_n_pages (document) > 1))
    text->images = read_images (ppage);
  else if (text_layer_page_has_strips (layer, index))
    text->images = read_smaller_images (ppage, text->width * text->height);
  if (text->turn != 0)
    turn_images (text->images, text->turn, text->height, text->width);
  inkless_text_mark (text);
  g_object_unref (ppage);
}

/* Whether another run of @text is set in a font of @run's name but not @run's font. */
static gboolean
name_shared (const PageText *text, const PageRun *run)
{
  for (guint i = 0; i < text->runs->len; i++)
    {
      const PageRun *other = &g_array_index (text->runs, PageRun, i);
      /* Interned in one chunk: equal names are one pointer. */
      if (other->font == run->font && other->full_name != run->full_name)
        return TRUE;
    }
  return FALSE;
}

RectoPage *
page_text_add (const PageText *text, RectoDocument *doc, RectoStageContext *ctx,
               GHashTable *span_names)
{
  RectoPage *page;
  guint first = 0;

  if (!text->readable)
    {
      recto_stage_context_warn (ctx, "page %d cannot be read; it is kept empty", text->index + 1);
      return recto_document_add_page (doc, 0, 0, NULL);
    }
  page = recto_document_add_page (doc, text->width, text->height, text->label);
  page->turn = text->turn;
  for (guint i = 0; i < text->runs->len; i++)
    {
      const PageRun *run = &g_array_index (text->runs, PageRun, i);
      recto_page_add_span (doc, page, run->font, run->size, run->flags,
                           &g_array_index (text->chars, gunichar, first),
                           &g_array_index (text->boxes, RectoBox, first), run->length);
      if (run->font != NULL && name_shared (text, run))
        font_subsets_note_span (span_names, page->index, first, run->full_name);
      first += run->length;
    }
  for (guint i = 0; text->images != NULL && i < text->images->len; i++)
    recto_page_add_image (page, &g_array_index (text->images, RectoBox, i));
  return page;
}

void
page_text_clear (PageText *text)
{
  g_free (text->label);
  g_clear_pointer (&text->chars, g_array_unref);
  g_clear_pointer (&text->boxes, g_array_unref);
  g_clear_pointer (&text->hidden, g_array_unref);
  g_clear_pointer (&text->runs, g_array_unref);
  g_clear_pointer (&text->fonts, g_string_chunk_free);
  g_clear_pointer (&text->images, g_array_unref);
  memset (text, 0, sizeof *text);
}
