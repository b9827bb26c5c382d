/* page-renderer.c: see page-renderer.h. Pages are drawn with Poppler's cairo backend into an
 * RGB image on white, then reduced to grey (ITU-R BT.601 luma); a turned page's areas are drawn
 * as printed and turned into its frame (RectoPage.turn). */
#include "page-renderer.h"

#include <cairo.h>
#include <math.h>
#include <string.h>

/* Far beyond any OCR resolution; a bound on what a wrong area or scale could allocate. */
#define MAX_PIXELS (40000u * 40000u / 4u)

static guint8
grey (guint32 pixel)
{
  guint r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;
  return (guint8) ((299 * r + 587 * g + 114 * b + 500) / 1000);
}

/* Whether the four pixels at @in are all white (their fourth bytes, unused, aside). */
static gboolean
four_white (const guint32 *in)
{
  return ((in[0] & in[1] & in[2] & in[3]) & 0xffffff) == 0xffffff;
}

typedef struct
{
  PopplerDocument *document;
  RectoDocument *doc; /* which owns the renderer: the turn of its pages */
  /* The page drawn last, kept: the first time a PopplerPage is drawn, Poppler also lays out
   * its text (a TextPage, coalesced into blocks), and a page's rows are drawn one by one, a
   * thousand times on a page of turned tables. The document draws under a lock
   * (recto_document_render()), so one page at a time. */
  PopplerPage *page;
  guint page_index;
} Renderer;

static void
renderer_free (Renderer *renderer)
{
  g_clear_object (&renderer->page);
  g_object_unref (renderer->document);
  g_free (renderer);
}

/* Page @index of the renderer's document (a new reference), or NULL. */
static PopplerPage *
renderer_page (Renderer *renderer, guint index)
{
  if (renderer->page == NULL || renderer->page_index != index)
    {
      g_clear_object (&renderer->page);
      renderer->page = poppler_document_get_page (renderer->document, (int) index);
      renderer->page_index = index;
    }
  return renderer->page != NULL ? g_object_ref (renderer->page) : NULL;
}

static RectoImage *
render_printed_area (Renderer *renderer, guint index, const RectoBox *area, double scale,
                     GError **error)
{
  PopplerPage *page = renderer_page (renderer, index);
  double width = ceil ((area->x2 - area->x1) * scale), height = ceil ((area->y2 - area->y1) * scale);
  cairo_surface_t *surface;
  cairo_t *cr;
  RectoImage *image;
  const guint8 *row;
  int stride;

  if (page == NULL)
    {
      g_set_error (error, RECTO_ERROR, RECTO_ERROR_INPUT_INVALID, "page %u cannot be read",
                   index + 1);
      return NULL;
    }
  if (!(width >= 1 && height >= 1 && width * height <= MAX_PIXELS))
    {
      g_object_unref (page);
      g_set_error (error, RECTO_ERROR, RECTO_ERROR_FAILED,
                   "page %u: cannot draw an area of %.0f × %.0f pixels", index + 1, width, height);
      return NULL;
    }
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) width, (int) height);
  /* Under a memory limit a large surface may not be had: cairo then gives one with no pixels. */
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, RECTO_ERROR, RECTO_ERROR_FAILED,
                   "page %u: cannot draw an area of %.0f × %.0f pixels: %s", index + 1, width,
                   height, cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      g_object_unref (page);
      return NULL;
    }
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -area->x1, -area->y1);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  g_object_unref (page);

  image = recto_image_new ((guint) width, (guint) height);
  row = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  /* Row by row through local pointers: a byte written through image->pixels could otherwise
   * be the image's own fields, read again at every pixel. */
  for (guint y = 0; y < image->height; y++, row += stride)
    {
      const guint32 *in = (const guint32 *) row;
      guint8 *out = image->pixels + (gsize) y * image->stride;
      guint x = 0, n = image->width;
      /* Most of a page is white paper, whose grey (255) needs no sums: four pixels at a time. */
      for (; x + 4 <= n; x += 4)
        if (four_white (in + x))
          memset (out + x, 255, 4);
        else
          for (guint i = x; i < x + 4; i++)
            out[i] = grey (in[i]);
      for (; x < n; x++)
        out[x] = grey (in[x]);
    }
  cairo_surface_destroy (surface);
  return image;
}

static RectoImage *
render_area (gpointer data, guint index, const RectoBox *area, double scale, GError **error)
{
  Renderer *renderer = data;
  const RectoPage *page = index < recto_document_get_n_pages (renderer->doc)
                              ? recto_document_get_page (renderer->doc, index)
                              : NULL;
  RectoBox printed;
  g_autoptr (RectoImage) image = NULL;

  if (page == NULL || page->turn == 0)
    return render_printed_area (renderer, index, area, scale, error);
  printed = recto_page_printed_box (page, area);
  image = render_printed_area (renderer, index, &printed, scale, error);
  return image != NULL ? recto_image_turn (image, page->turn) : NULL;
}

void
page_renderer_install (RectoDocument *doc, PopplerDocument *document)
{
  Renderer *renderer = g_new0 (Renderer, 1);

  renderer->document = g_object_ref (document);
  renderer->doc = doc;
  recto_document_set_renderer (doc, render_area, renderer, (GDestroyNotify) renderer_free);
}
