/* recto-review-render.c: see recto-review-render.h. Poppler's documents are not safe to share
 * between threads, so each worker opens its own. */
#include "recto-review-render.h"

#include <glib/gstdio.h>
#include <poppler.h>

#include <recto/recto.h>

#include "recto-review-jpeg.h"

typedef struct
{
  char *uri;
  char *dir;
  double scale;
  PopplerDocument **documents; /* one per worker, opened on first use */
  cairo_surface_t **surfaces; /* one per worker, kept while the pages' size stays the same */
  GArray *written;
} Render;

char *
review_render_image_name (guint index)
{
  return g_strdup_printf ("pages/p%04u.jpg", index + 1);
}

/* An image of @width × @height pixels: @surface when it has that size, else a new one. */
static cairo_surface_t *
surface_of_size (cairo_surface_t *surface, int width, int height)
{
  if (surface != NULL && cairo_image_surface_get_width (surface) == width
      && cairo_image_surface_get_height (surface) == height)
    return surface;
  if (surface != NULL)
    cairo_surface_destroy (surface);
  return cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
}

static gboolean
render_page (PopplerPage *page, double scale, cairo_surface_t **surface, const char *path)
{
  double width, height;
  cairo_t *cr;

  poppler_page_get_size (page, &width, &height);
  *surface = surface_of_size (*surface, MAX (1, (int) (width * scale)),
                              MAX (1, (int) (height * scale)));
  cr = cairo_create (*surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  return review_write_jpeg (*surface, path, 75);
}

static void
render_one (guint index, guint worker, gpointer user_data)
{
  Render *render = user_data;
  PopplerPage *page;
  g_autofree char *name = review_render_image_name (index);
  g_autofree char *path = g_build_filename (render->dir, name, NULL);

  if (render->documents[worker] == NULL)
    render->documents[worker] = poppler_document_new_from_file (render->uri, NULL, NULL);
  if (render->documents[worker] == NULL)
    return;
  page = poppler_document_get_page (render->documents[worker], (int) index);
  if (page == NULL)
    return;
  g_array_index (render->written, gboolean, index) =
      render_page (page, render->scale, &render->surfaces[worker], path);
  g_object_unref (page);
}

GArray *
review_render_pages (const char *pdf_path, const char *dir, double dpi, guint n_pages,
                     GError **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (pdf_path);
  g_autofree char *absolute_uri = g_file_get_uri (file);
  PopplerDocument *probe;
  g_autofree char *pages_dir = g_build_filename (dir, "pages", NULL);
  guint n_workers = recto_get_n_threads ();
  Render render = { .dir = (char *) dir, .scale = dpi / 72.0 };

  probe = poppler_document_new_from_file (absolute_uri, NULL, error);
  if (probe == NULL)
    return NULL;
  n_pages = MIN (n_pages, (guint) poppler_document_get_n_pages (probe));
  g_object_unref (probe);
  if (g_mkdir_with_parents (pages_dir, 0777) != 0)
    {
      g_set_error (error, RECTO_ERROR, RECTO_ERROR_OUTPUT, "cannot make %s", pages_dir);
      return NULL;
    }
  render.uri = absolute_uri;
  render.documents = g_new0 (PopplerDocument *, n_workers);
  render.surfaces = g_new0 (cairo_surface_t *, n_workers);
  render.written = g_array_sized_new (FALSE, TRUE, sizeof (gboolean), n_pages);
  g_array_set_size (render.written, n_pages);
  recto_parallel_for (n_pages, render_one, &render);
  for (guint i = 0; i < n_workers; i++)
    {
      g_clear_object (&render.documents[i]);
      g_clear_pointer (&render.surfaces[i], cairo_surface_destroy);
    }
  g_free (render.documents);
  g_free (render.surfaces);
  return render.written;
}
