/* recto-review-write.c: see recto-review.h. The page, the script and the style are compiled in
 * (core/review/, a GResource); only data.js and the images depend on the document. */
#include "recto-review.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include <recto/recto.h>

#include "recto-review-model.h"
#include "recto-review-render.h"

static const char *const assets[] = { "index.html", "review.css", "review.js" };

static void
add_zones (JsonBuilder *json, const GArray *zones)
{
  json_builder_set_member_name (json, "z");
  json_builder_begin_array (json);
  for (guint i = 0; i < zones->len; i++)
    {
      const ReviewZone *zone = &g_array_index (zones, ReviewZone, i);
      json_builder_begin_array (json);
      json_builder_add_int_value (json, zone->page);
      /* A tenth of a point is finer than the images show. */
      json_builder_add_double_value (json, round (zone->x1 * 10) / 10);
      json_builder_add_double_value (json, round (zone->y1 * 10) / 10);
      json_builder_add_double_value (json, round (zone->x2 * 10) / 10);
      json_builder_add_double_value (json, round (zone->y2 * 10) / 10);
      json_builder_end_array (json);
    }
  json_builder_end_array (json);
}

static void
add_string (JsonBuilder *json, const char *name, const char *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (json, name);
  json_builder_add_string_value (json, value);
}

static void
add_int (JsonBuilder *json, const char *name, gint64 value)
{
  json_builder_set_member_name (json, name);
  json_builder_add_int_value (json, value);
}

static void
add_box (JsonBuilder *json, const ReviewBox *box)
{
  json_builder_begin_object (json);
  add_int (json, "page", box->page);
  add_string (json, "role", box->role);
  add_string (json, "label", box->label);
  add_string (json, "element", box->element);
  add_string (json, "text", box->text);
  add_string (json, "stage", box->stage);
  add_string (json, "resp", box->resp);
  add_string (json, "ana", box->ana);
  if (box->cert < 1.0)
    {
      json_builder_set_member_name (json, "cert");
      json_builder_add_double_value (json, box->cert);
    }
  add_zones (json, box->zones);
  json_builder_end_object (json);
}

static void
add_page (JsonBuilder *json, const ReviewPage *page)
{
  json_builder_begin_object (json);
  add_string (json, "n", page->n);
  add_string (json, "label", page->label);
  json_builder_set_member_name (json, "w");
  json_builder_add_double_value (json, page->width);
  json_builder_set_member_name (json, "h");
  json_builder_add_double_value (json, page->height);
  add_string (json, "tei", page->tei->str);
  json_builder_end_object (json);
}

static void
add_repair (JsonBuilder *json, const ReviewRepair *repair)
{
  json_builder_begin_object (json);
  add_int (json, "page", repair->page);
  add_int (json, "box", repair->box == G_MAXUINT ? -1 : (gint64) repair->box);
  add_string (json, "element", repair->element);
  add_string (json, "resp", repair->resp);
  add_string (json, "ana", repair->ana);
  add_string (json, "text", repair->text);
  json_builder_end_object (json);
}

/* The page a warning names ("… page 12 …", 1-based), or -1. */
static gint64
warning_page (const char *warning, guint n_pages)
{
  const char *at = strstr (warning, "page ");
  guint64 number;

  if (at == NULL || !g_ascii_isdigit (at[5]))
    return -1;
  number = g_ascii_strtoull (at + 5, NULL, 10);
  return number >= 1 && number <= n_pages ? (gint64) number - 1 : -1;
}

static void
add_warnings (JsonBuilder *json, const GPtrArray *warnings, guint n_pages)
{
  json_builder_set_member_name (json, "warnings");
  if (warnings == NULL)
    {
      json_builder_add_null_value (json);
      return;
    }
  json_builder_begin_array (json);
  for (guint i = 0; i < warnings->len; i++)
    {
      const char *text = g_ptr_array_index (warnings, i);
      json_builder_begin_object (json);
      add_int (json, "page", warning_page (text, n_pages));
      add_string (json, "text", text);
      json_builder_end_object (json);
    }
  json_builder_end_array (json);
}

static char *
to_json (JsonBuilder *json)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = json_builder_get_root (json);

  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/* Everything but the page images, which may still be being drawn. */
static char *
model_to_json (const ReviewModel *model, const RectoReviewRequest *request)
{
  g_autoptr (JsonBuilder) json = json_builder_new ();
  g_autofree char *tei_name = g_path_get_basename (request->tei);

  json_builder_begin_object (json);
  add_string (json, "title", model->title);
  add_string (json, "source", model->source);
  add_string (json, "tei", tei_name);
  json_builder_set_member_name (json, "pages");
  json_builder_begin_array (json);
  for (guint i = 0; i < model->pages->len; i++)
    add_page (json, g_ptr_array_index (model->pages, i));
  json_builder_end_array (json);
  json_builder_set_member_name (json, "boxes");
  json_builder_begin_array (json);
  for (guint i = 0; i < model->boxes->len; i++)
    add_box (json, g_ptr_array_index (model->boxes, i));
  json_builder_end_array (json);
  json_builder_set_member_name (json, "repairs");
  json_builder_begin_array (json);
  for (guint i = 0; i < model->repairs->len; i++)
    add_repair (json, g_ptr_array_index (model->repairs, i));
  json_builder_end_array (json);
  add_warnings (json, request->warnings, model->pages->len);
  json_builder_end_object (json);
  return to_json (json);
}

/* A page's image: {"img": its file, "crop": [x, y, width, height, page width, page height]},
 * the part of the page the file shows (without the white paper round it), in pixels. */
static void
add_image (JsonBuilder *json, guint index, const ReviewImage *image)
{
  g_autofree char *name = review_render_image_name (index);
  const int crop[] = { image->crop.x, image->crop.y, image->crop.width, image->crop.height,
                       image->width, image->height };

  json_builder_begin_object (json);
  add_string (json, "img", name);
  json_builder_set_member_name (json, "crop");
  json_builder_begin_array (json);
  for (guint i = 0; i < G_N_ELEMENTS (crop); i++)
    json_builder_add_int_value (json, crop[i]);
  json_builder_end_array (json);
  json_builder_end_object (json);
}

/* Each page's image, or null where it has none (not drawn, or no surface to place it on). */
static char *
images_to_json (const ReviewModel *model, const GArray *images)
{
  g_autoptr (JsonBuilder) json = json_builder_new ();

  json_builder_begin_array (json);
  for (guint i = 0; i < model->pages->len; i++)
    {
      const ReviewPage *page = g_ptr_array_index (model->pages, i);
      const ReviewImage *image =
          images != NULL && i < images->len ? &g_array_index (images, ReviewImage, i) : NULL;
      if (image != NULL && image->written && page->width > 0)
        add_image (json, i, image);
      else
        json_builder_add_null_value (json);
    }
  json_builder_end_array (json);
  return to_json (json);
}

static gboolean
write_file (const char *dir, const char *name, const char *data, gsize length, GError **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GError) local = NULL;

  if (!g_file_set_contents (path, data, (gssize) length, &local))
    {
      g_set_error (error, RECTO_ERROR, RECTO_ERROR_OUTPUT, "review: %s", local->message);
      return FALSE;
    }
  return TRUE;
}

/* The page, script and style, from the compiled-in resources. */
static gboolean
write_assets (const char *dir, GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (assets); i++)
    {
      g_autofree char *path = g_strconcat ("/org/recto/review/", assets[i], NULL);
      g_autoptr (GBytes) bytes =
          g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
      gsize length;
      const char *data;
      if (bytes == NULL)
        return FALSE;
      data = g_bytes_get_data (bytes, &length);
      if (!write_file (dir, assets[i], data, length, error))
        return FALSE;
    }
  return TRUE;
}

/* Whether @path starts like a PDF (within its first kilobyte, as readers allow). */
static gboolean
is_pdf (const char *path)
{
  FILE *file = fopen (path, "rb");
  char head[1024];
  size_t length;

  if (file == NULL)
    return FALSE;
  length = fread (head, 1, sizeof head, file);
  fclose (file);
  return g_strstr_len (head, (gssize) length, "%PDF-") != NULL;
}

RectoReviewDrawing *
recto_review_start_drawing (const char *input, const char *dir, double dpi)
{
  return is_pdf (input) ? review_drawing_start (input, dir, dpi) : NULL;
}

void
recto_review_cancel_drawing (RectoReviewDrawing *drawing)
{
  if (drawing != NULL)
    review_drawing_cancel (drawing);
}

/* Waits for @drawing (taken; NULL when @input has no pages to draw) and returns its images for
 * the TEI's @n_pages, or NULL. */
static GArray *
finish_drawing (RectoReviewDrawing *drawing, const char *input, guint n_pages)
{
  g_autoptr (GError) error = NULL;
  GArray *images;

  if (drawing == NULL)
    return NULL;
  images = review_drawing_finish (drawing, n_pages, &error);
  if (images == NULL)
    g_printerr ("recto: review: %s: no page images (%s)\n", input, error->message);
  return images;
}

/* A review of a TEI made from another file would draw its boxes over the wrong pages: say so
 * when the input's checksum is not the one the TEI records. Not for a TEI just converted from
 * the input (its warnings are known): the conversion took the checksum from the same bytes. */
static void
check_source (const RectoReviewRequest *request, const ReviewModel *model)
{
  g_autoptr (GMappedFile) file = g_mapped_file_new (request->input, FALSE, NULL);
  g_autoptr (GBytes) bytes = file != NULL ? g_mapped_file_get_bytes (file) : NULL;
  g_autofree char *sha256 =
      bytes != NULL ? g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes) : NULL;

  if (model->sha256 != NULL && sha256 != NULL && !g_str_equal (model->sha256, sha256))
    g_printerr ("recto: review: warning: %s was not made from %s (its SHA-256 differs)\n",
                request->tei, request->input);
}

gboolean
recto_review_write (const RectoReviewRequest *request, GError **error)
{
  /* The pages are drawn (go on being drawn, when the request started them before converting)
   * while the TEI is read and written out: only their images wait for the drawing. */
  RectoReviewDrawing *drawing =
      request->drawing != NULL
          ? request->drawing
          : recto_review_start_drawing (request->input, request->dir, request->dpi);
  g_autoptr (ReviewModel) model = review_model_load (request->tei, error);
  g_autoptr (GArray) images = NULL;
  g_autofree char *json = NULL;
  g_autofree char *images_json = NULL;
  g_autofree char *script = NULL;

  if (model == NULL)
    {
      recto_review_cancel_drawing (drawing);
      return FALSE;
    }
  if (request->warnings == NULL)
    check_source (request, model);
  if (g_mkdir_with_parents (request->dir, 0777) != 0)
    {
      recto_review_cancel_drawing (drawing);
      g_set_error (error, RECTO_ERROR, RECTO_ERROR_OUTPUT, "review: cannot make %s: %s",
                   request->dir, g_strerror (errno));
      return FALSE;
    }
  json = model_to_json (model, request);
  images = finish_drawing (drawing, request->input, model->pages->len);
  images_json = images_to_json (model, images);
  /* A script, not JSON: browsers do not let a page from file:// fetch files beside it. The
   * images join the object as its last member, in place of its closing brace. */
  json[strlen (json) - 1] = '\0';
  script = g_strconcat ("window.RECTO_REVIEW = ", json, ",\"images\":", images_json, "};\n",
                        NULL);
  return write_file (request->dir, "data.js", script, strlen (script), error)
         && write_assets (request->dir, error);
}
