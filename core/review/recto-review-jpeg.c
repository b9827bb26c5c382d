/* recto-review-jpeg.c: see recto-review-jpeg.h. libjpeg reports a fatal error (a full disk,
 * say) by calling error_exit, which must not return: it jumps back here instead of ending the
 * process, as the default handler would. */
#include "recto-review-jpeg.h"

#include <setjmp.h>
#include <stdio.h>

#include <jpeglib.h>

typedef struct
{
  struct jpeg_error_mgr manager;
  jmp_buf escape;
} JpegError;

static void
jpeg_error_exit (j_common_ptr info)
{
  longjmp (((JpegError *) info->err)->escape, 1);
}

/* cairo's RGB24 is a native-endian 32-bit xRGB word per pixel: B, G, R, x bytes on a
 * little-endian machine, which libjpeg-turbo reads as they are; elsewhere rows are converted to
 * R, G, B bytes. */
#if G_BYTE_ORDER == G_LITTLE_ENDIAN && defined(JCS_EXTENSIONS)
#define ROWS_AS_THEY_ARE 1
#else
#define ROWS_AS_THEY_ARE 0
#endif

static void
row_to_rgb (const guint32 *pixels, int width, JSAMPLE *rgb)
{
  for (int x = 0; x < width; x++)
    {
      rgb[3 * x] = (JSAMPLE) (pixels[x] >> 16);
      rgb[3 * x + 1] = (JSAMPLE) (pixels[x] >> 8);
      rgb[3 * x + 2] = (JSAMPLE) pixels[x];
    }
}

/* Whether every pixel of @surface is grey (R = G = B), as on a page of black text: such a page
 * is written as a one-channel JPEG, a fifth faster than a colour one. A row is checked eight
 * pixels at a time into eight lanes, a loop of fixed length that the compiler vectorizes at
 * -O2 (the plain loop over the row was not: 9 instructions a pixel, 13 % of the drawing's
 * instructions under callgrind), then the next row, until a coloured pixel shows. */
static gboolean
is_grey (cairo_surface_t *surface)
{
  const unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);

  for (int y = 0; y < height; y++)
    {
      const guint32 *row = (const guint32 *) (data + (gsize) y * (gsize) stride);
      guint32 lanes[8] = { 0 };
      guint32 differences = 0;
      int x = 0;
      for (; x + 8 <= width; x += 8)
        for (int k = 0; k < 8; k++)
          lanes[k] |= row[x + k] ^ (row[x + k] >> 8);
      for (; x < width; x++)
        differences |= row[x] ^ (row[x] >> 8);
      for (int k = 0; k < 8; k++)
        differences |= lanes[k];
      if ((differences & 0xffff) != 0) /* B ≠ G or G ≠ R */
        return FALSE;
    }
  return TRUE;
}

static gboolean
compress (struct jpeg_compress_struct *info, JpegError *error, cairo_surface_t *surface,
          FILE *file, int quality, JSAMPLE *row)
{
  const unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  if (setjmp (error->escape) != 0)
    return FALSE;
  jpeg_create_compress (info);
  jpeg_stdio_dest (info, file);
  info->image_width = (JDIMENSION) cairo_image_surface_get_width (surface);
  info->image_height = (JDIMENSION) cairo_image_surface_get_height (surface);
  info->input_components = ROWS_AS_THEY_ARE ? 4 : 3;
#if ROWS_AS_THEY_ARE
  info->in_color_space = JCS_EXT_BGRX;
#else
  info->in_color_space = JCS_RGB;
#endif
  jpeg_set_defaults (info);
  if (is_grey (surface))
    jpeg_set_colorspace (info, JCS_GRAYSCALE);
  jpeg_set_quality (info, quality, TRUE);
  /* The fast integer transform: a little less exact, which page images do not show. */
  info->dct_method = JDCT_IFAST;
  jpeg_start_compress (info, TRUE);
  while (info->next_scanline < info->image_height)
    {
      JSAMPLE *line = (JSAMPLE *) (data + (gsize) info->next_scanline * (gsize) stride);
      if (!ROWS_AS_THEY_ARE)
        {
          row_to_rgb ((const guint32 *) line, (int) info->image_width, row);
          line = row;
        }
      jpeg_write_scanlines (info, &line, 1);
    }
  jpeg_finish_compress (info);
  return TRUE;
}

gboolean
review_write_jpeg (cairo_surface_t *surface, const char *path, int quality)
{
  struct jpeg_compress_struct info = { 0 };
  JpegError error = { 0 };
  g_autofree JSAMPLE *row = NULL;
  FILE *file;
  gboolean ok;

  cairo_surface_flush (surface);
  file = fopen (path, "wb");
  if (file == NULL)
    return FALSE;
  row = g_new (JSAMPLE, 3 * (gsize) cairo_image_surface_get_width (surface));
  info.err = jpeg_std_error (&error.manager);
  error.manager.error_exit = jpeg_error_exit;
  ok = compress (&info, &error, surface, file, quality, row);
  jpeg_destroy_compress (&info);
  return fclose (file) == 0 && ok;
}
