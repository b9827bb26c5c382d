/* recto-review-jpeg.c: see recto-review-jpeg.h. A page is compressed in memory, then written
 * with one call. libjpeg reports a fatal error (no memory, say) by calling error_exit, which
 * must not return: it jumps back here instead of ending the process, as the default handler
 * would. */
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

/* A libjpeg destination that appends to a GByteArray, which its owner frees whether or not the
 * compression ended (libjpeg's own memory destination loses track of its buffer when a
 * compression is given up). */
typedef struct
{
  struct jpeg_destination_mgr manager;
  GByteArray *bytes;
} Destination;

enum { DESTINATION_CHUNK = 64 * 1024 };

/* Gives libjpeg DESTINATION_CHUNK more bytes at the end of the array. */
static void
destination_grow (Destination *destination)
{
  guint length = destination->bytes->len;

  g_byte_array_set_size (destination->bytes, length + DESTINATION_CHUNK);
  destination->manager.next_output_byte = destination->bytes->data + length;
  destination->manager.free_in_buffer = DESTINATION_CHUNK;
}

static void
destination_init (j_compress_ptr info)
{
  Destination *destination = (Destination *) info->dest;

  g_byte_array_set_size (destination->bytes, 0);
  destination_grow (destination);
}

/* Called when the chunk given last is full. */
static boolean
destination_empty (j_compress_ptr info)
{
  destination_grow ((Destination *) info->dest);
  return TRUE;
}

static void
destination_term (j_compress_ptr info)
{
  Destination *destination = (Destination *) info->dest;

  g_byte_array_set_size (destination->bytes,
                         destination->bytes->len - (guint) destination->manager.free_in_buffer);
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

/* Whether every pixel of @row is grey (R = G = B), as on a page of black text. The row is read
 * eight pixels at a time into eight lanes, a loop of fixed length that gcc vectorizes at -O2
 * (the plain loop over the row was not: 9 instructions a pixel). */
static gboolean
row_is_grey (const guint32 *row, int width)
{
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
  return (differences & 0xffff) == 0; /* B = G and G = R */
}

/* Compresses @surface into @destination, as one channel when @grey. With @grey, a row with a
 * colour stops it: FALSE and *@coloured. Each row is checked just before libjpeg reads it,
 * while it is in the cache, not in a pass over the whole image first. */
static gboolean
compress (struct jpeg_compress_struct *info, JpegError *error, Destination *destination,
          cairo_surface_t *surface, int quality, gboolean grey, gboolean *coloured,
          JSAMPLE *row)
{
  const unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  if (setjmp (error->escape) != 0)
    return FALSE;
  jpeg_create_compress (info);
  info->dest = &destination->manager;
  info->image_width = (JDIMENSION) cairo_image_surface_get_width (surface);
  info->image_height = (JDIMENSION) cairo_image_surface_get_height (surface);
  info->input_components = ROWS_AS_THEY_ARE ? 4 : 3;
#if ROWS_AS_THEY_ARE
  info->in_color_space = JCS_EXT_BGRX;
#else
  info->in_color_space = JCS_RGB;
#endif
  jpeg_set_defaults (info);
  if (grey)
    jpeg_set_colorspace (info, JCS_GRAYSCALE);
  jpeg_set_quality (info, quality, TRUE);
  /* The fast integer transform: a little less exact, which page images do not show. */
  info->dct_method = JDCT_IFAST;
  jpeg_start_compress (info, TRUE);
  while (info->next_scanline < info->image_height)
    {
      JSAMPLE *line = (JSAMPLE *) (data + (gsize) info->next_scanline * (gsize) stride);
      if (grey && !row_is_grey ((const guint32 *) line, (int) info->image_width))
        {
          *coloured = TRUE;
          return FALSE;
        }
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

/* Compresses @surface into @bytes, as one channel or in colour (@grey); *@coloured when a
 * one-channel compression met a colour. */
static gboolean
compress_as (cairo_surface_t *surface, int quality, gboolean grey, gboolean *coloured,
             GByteArray *bytes)
{
  struct jpeg_compress_struct info = { 0 };
  JpegError error = { 0 };
  Destination destination = { { .init_destination = destination_init,
                                .empty_output_buffer = destination_empty,
                                .term_destination = destination_term },
                              bytes };
  g_autofree JSAMPLE *row = g_new (JSAMPLE, 3 * (gsize) cairo_image_surface_get_width (surface));
  gboolean ok;

  info.err = jpeg_std_error (&error.manager);
  error.manager.error_exit = jpeg_error_exit;
  ok = compress (&info, &error, &destination, surface, quality, grey, coloured, row);
  jpeg_destroy_compress (&info);
  return ok;
}

gboolean
review_write_jpeg (cairo_surface_t *surface, const char *path, int quality)
{
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  gboolean coloured = FALSE;
  gboolean ok;
  FILE *file;

  cairo_surface_flush (surface);
  /* As one channel when every pixel is grey: a fifth faster to write than in colour. */
  ok = compress_as (surface, quality, TRUE, &coloured, bytes);
  if (!ok && coloured)
    ok = compress_as (surface, quality, FALSE, &coloured, bytes);
  if (!ok)
    return FALSE;
  file = fopen (path, "wb");
  if (file == NULL)
    return FALSE;
  ok = fwrite (bytes->data, 1, bytes->len, file) == bytes->len;
  return fclose (file) == 0 && ok;
}
