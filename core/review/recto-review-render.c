/* recto-review-render.c: see recto-review-render.h. Poppler's documents are not safe to share
 * between threads, so each worker opens its own.
 *
 * The pages are handed out in runs, not one at a time: each worker starts on its own share of
 * the document and draws it in order, and a worker whose share is done takes the second half of
 * the largest share left. A worker's document then loads the fonts and glyphs of a stretch of
 * the volume, not of every part of it: on the 418-page bench volume (14 volumes merged), 8 %
 * fewer instructions over its first 80 pages; on one volume (zh-volume) the same. */
#include "recto-review-render.h"

#include <glib/gstdio.h>
#include <poppler.h>

#include <recto/recto.h>

#include "recto-review-jpeg.h"

typedef struct
{
  guint next;
  guint end;
} Share;

struct _ReviewDrawing
{
  GBytes *pdf; /* the file, mapped: read without a system call per 256 bytes, as Poppler reads
                 a file it opens itself */
  char *dir;
  double scale;
  guint n_pages; /* the PDF's */
  gint cancelled; /* atomic */
  GMutex lock; /* over shares */
  Share *shares; /* one per worker: the pages it has still to draw */
  PopplerDocument **documents; /* one per worker, opened on first use */
  cairo_surface_t **surfaces; /* one per worker, kept while the pages' size stays the same */
  GArray *images; /* ReviewImage per page */
  GThread *thread; /* NULL when the PDF could not be opened */
  GError *error; /* why */
};

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

/* Draws @page into *@surface and writes the part that is not white paper to @path. */
static void
render_page (PopplerPage *page, double scale, cairo_surface_t **surface, const char *path,
             ReviewImage *image)
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
  /* For printing: Poppler then skips the text page it otherwise builds while drawing (7 % of
   * the drawing's instructions under callgrind), and draws the annotations a print shows. */
  poppler_page_render_for_printing (page, cr);
  cairo_destroy (cr);
  image->width = cairo_image_surface_get_width (*surface);
  image->height = cairo_image_surface_get_height (*surface);
  image->crop = review_crop_content (*surface);
  image->written = review_write_jpeg (*surface, &image->crop, path, 75);
}

static void
render_one (guint index, guint worker, gpointer user_data)
{
  ReviewDrawing *drawing = user_data;
  PopplerPage *page;
  g_autofree char *name = review_render_image_name (index);
  g_autofree char *path = g_build_filename (drawing->dir, name, NULL);

  if (g_atomic_int_get (&drawing->cancelled))
    return;
  if (drawing->documents[worker] == NULL)
    drawing->documents[worker] = poppler_document_new_from_bytes (drawing->pdf, NULL, NULL);
  if (drawing->documents[worker] == NULL)
    return;
  page = poppler_document_get_page (drawing->documents[worker], (int) index);
  if (page == NULL)
    return;
  render_page (page, drawing->scale, &drawing->surfaces[worker], path,
               &g_array_index (drawing->images, ReviewImage, index));
  g_object_unref (page);
}

/* The next page of share @index, taking half of the largest share left when it is done; FALSE
 * when no page is left. */
static gboolean
next_page (ReviewDrawing *drawing, guint index, guint n_shares, guint *page)
{
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&drawing->lock);
  Share *own = &drawing->shares[index];
  Share *largest = own;

  if (own->next == own->end)
    {
      for (guint i = 0; i < n_shares; i++)
        if (drawing->shares[i].end - drawing->shares[i].next > largest->end - largest->next)
          largest = &drawing->shares[i];
      if (largest->next == largest->end)
        return FALSE;
      own->end = largest->end;
      largest->end = largest->next + (largest->end - largest->next) / 2;
      own->next = largest->end;
    }
  *page = own->next++;
  return TRUE;
}

typedef struct
{
  ReviewDrawing *drawing;
  guint n_shares;
} Shares;

static void
draw_share (guint index, guint worker, gpointer user_data)
{
  Shares *shares = user_data;
  guint page;

  while (next_page (shares->drawing, index, shares->n_shares, &page))
    render_one (page, worker, shares->drawing);
}

static gpointer
draw (gpointer data)
{
  ReviewDrawing *drawing = data;
  guint n_workers = MAX (1, MIN (recto_get_n_threads (), drawing->n_pages));
  Shares shares = { drawing, n_workers };

  drawing->documents = g_new0 (PopplerDocument *, n_workers);
  drawing->surfaces = g_new0 (cairo_surface_t *, n_workers);
  drawing->shares = g_new0 (Share, n_workers);
  for (guint i = 0; i < n_workers; i++)
    drawing->shares[i] = (Share) { (guint) ((guint64) i * drawing->n_pages / n_workers),
                                   (guint) ((guint64) (i + 1) * drawing->n_pages / n_workers) };
  g_mutex_init (&drawing->lock);
  recto_parallel_for (n_workers, draw_share, &shares);
  g_mutex_clear (&drawing->lock);
  g_free (drawing->shares);
  for (guint i = 0; i < n_workers; i++)
    {
      g_clear_object (&drawing->documents[i]);
      g_clear_pointer (&drawing->surfaces[i], cairo_surface_destroy);
    }
  g_free (drawing->documents);
  g_free (drawing->surfaces);
  return NULL;
}

ReviewDrawing *
review_drawing_start (const char *pdf_path, const char *dir, double dpi)
{
  g_autofree char *pages_dir = g_build_filename (dir, "pages", NULL);
  ReviewDrawing *drawing = g_new0 (ReviewDrawing, 1);
  g_autoptr (GMappedFile) mapped = g_mapped_file_new (pdf_path, FALSE, &drawing->error);
  PopplerDocument *probe;

  drawing->dir = g_strdup (dir);
  drawing->scale = dpi / 72.0;
  if (mapped == NULL)
    return drawing;
  drawing->pdf = g_mapped_file_get_bytes (mapped);
  probe = poppler_document_new_from_bytes (drawing->pdf, NULL, &drawing->error);
  if (probe == NULL)
    return drawing;
  drawing->n_pages = (guint) MAX (0, poppler_document_get_n_pages (probe));
  g_object_unref (probe);
  if (g_mkdir_with_parents (pages_dir, 0777) != 0)
    {
      g_set_error (&drawing->error, RECTO_ERROR, RECTO_ERROR_OUTPUT, "cannot make %s",
                   pages_dir);
      return drawing;
    }
  drawing->images = g_array_sized_new (FALSE, TRUE, sizeof (ReviewImage), drawing->n_pages);
  g_array_set_size (drawing->images, drawing->n_pages);
  drawing->thread = g_thread_new ("recto-review", draw, drawing);
  return drawing;
}

/* Waits for @drawing's thread, frees it, and returns what it wrote, or NULL with its error. */
static GArray *
drawing_free (ReviewDrawing *drawing, GError **error)
{
  GArray *images = drawing->images;

  if (drawing->thread != NULL)
    g_thread_join (drawing->thread);
  if (drawing->error != NULL)
    g_propagate_error (error, drawing->error);
  g_clear_pointer (&drawing->pdf, g_bytes_unref);
  g_free (drawing->dir);
  g_free (drawing);
  return images;
}

/* Removes the images written of @images' pages from @first on, and the pages folder when
 * @first is 0 (it is then empty, unless something else was put there). */
static void
remove_images (const char *dir, const GArray *images, guint first)
{
  for (guint i = first; i < images->len; i++)
    {
      g_autofree char *name = review_render_image_name (i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      if (g_array_index (images, ReviewImage, i).written)
        g_unlink (path);
    }
  if (first == 0)
    {
      g_autofree char *pages_dir = g_build_filename (dir, "pages", NULL);
      g_rmdir (pages_dir);
    }
}

GArray *
review_drawing_finish (ReviewDrawing *drawing, guint n_pages, GError **error)
{
  g_autofree char *dir = g_strdup (drawing->dir);
  GArray *images = drawing_free (drawing, error);

  if (images != NULL && n_pages < images->len)
    {
      remove_images (dir, images, n_pages);
      g_array_set_size (images, n_pages);
    }
  return images;
}

void
review_drawing_cancel (ReviewDrawing *drawing)
{
  g_autofree char *dir = g_strdup (drawing->dir);
  GArray *images;

  g_atomic_int_set (&drawing->cancelled, 1);
  images = drawing_free (drawing, NULL);
  if (images != NULL)
    {
      remove_images (dir, images, 0);
      g_array_unref (images);
    }
}
