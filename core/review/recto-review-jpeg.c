/* recto-review-jpeg.c: see recto-review-jpeg.h. A page is compressed in memory, then written
 * with one call. libjpeg reports a fatal error (no memory, say) by calling error_exit, which
 * must not return: it jumps back here instead of ending the process, as the default handler
 * would. */
#include "recto-review-jpeg.h"

#include <setjmp.h>
#include <stdio.h>
#include <string.h>

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

/* On x86-64, row_to_grey() is also compiled for AVX2 and the processor's best is chosen when
 * the program loads: twice the pixels an instruction. */
#if defined(__x86_64__) && defined(__has_attribute)
#if __has_attribute(target_clones)
#define ALSO_FOR_AVX2 __attribute__ ((target_clones ("avx2", "default")))
#endif
#endif
#ifndef ALSO_FOR_AVX2
#define ALSO_FOR_AVX2
#endif

/* Whether every pixel of @row is grey (R = G = B), as on a page of black text, writing each
 * pixel's level into @grey as it goes (B: libjpeg's luminance of a grey pixel is its level).
 * The row is read sixteen pixels at a time into sixteen lanes, then packed, loops of fixed
 * length that gcc vectorizes at -O2 (the plain loop over the row was not: 9 instructions a
 * pixel; with eight lanes, checking and packing in one loop, 4). */
ALSO_FOR_AVX2 static gboolean
row_to_grey (const guint32 *restrict row, int width, JSAMPLE *restrict grey)
{
  guint32 lanes[16] = { 0 };
  guint32 differences = 0;
  int x = 0;

  for (; x + 16 <= width; x += 16)
    {
      for (int k = 0; k < 16; k++)
        lanes[k] |= row[x + k] ^ (row[x + k] >> 8);
      for (int k = 0; k < 16; k++)
        grey[x + k] = (JSAMPLE) (row[x + k] & 0xff);
    }
  for (; x < width; x++)
    {
      differences |= row[x] ^ (row[x] >> 8);
      grey[x] = (JSAMPLE) row[x];
    }
  for (int k = 0; k < 16; k++)
    differences |= lanes[k];
  return (differences & 0xffff) == 0; /* B = G and G = R */
}

/* Gives libjpeg the image's levels as they are (raw data: no colour conversion of its own,
 * which cost more than this pass), a row of blocks at a time, each row as wide as its blocks:
 * the image's last column and last row are repeated to fill them, as libjpeg itself does. A
 * row with a colour stops it: FALSE and *@coloured. Each row is checked just before libjpeg
 * reads it, while it is in the cache, not in a pass over the whole image first. */
static gboolean
write_grey (struct jpeg_compress_struct *info, const unsigned char *data, int stride,
            JSAMPLE *rows, gboolean *coloured)
{
  guint width = info->image_width;
  guint padded = (width + DCTSIZE - 1) / DCTSIZE * DCTSIZE;
  JSAMPROW lines[DCTSIZE];
  JSAMPARRAY planes[1] = { lines };

  for (guint r = 0; r < DCTSIZE; r++)
    lines[r] = rows + (gsize) r * padded;
  while (info->next_scanline < info->image_height)
    {
      for (guint r = 0; r < DCTSIZE; r++)
        {
          guint y = info->next_scanline + r;
          if (y >= info->image_height) /* r > 0 */
            {
              memcpy (lines[r], lines[r - 1], padded);
              continue;
            }
          if (!row_to_grey ((const guint32 *) (data + (gsize) y * (gsize) stride), (int) width,
                            lines[r]))
            {
              *coloured = TRUE;
              return FALSE;
            }
          memset (lines[r] + width, lines[r][width - 1], padded - width);
        }
      jpeg_write_raw_data (info, planes, DCTSIZE);
    }
  return TRUE;
}

/* Gives libjpeg the image's rows in colour. */
static void
write_colour (struct jpeg_compress_struct *info, const unsigned char *data, int stride,
              JSAMPLE *row)
{
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
}

/* Compresses @crop of @surface into @destination, as one channel when @grey (FALSE and
 * *@coloured when it has a colour). @rows holds DCTSIZE rows of the crop's width rounded up to a
 * block. */
static gboolean
compress (struct jpeg_compress_struct *info, JpegError *error, Destination *destination,
          cairo_surface_t *surface, const ReviewCrop *crop, int quality, gboolean grey,
          gboolean *coloured, JSAMPLE *rows)
{
  int stride = cairo_image_surface_get_stride (surface);
  const unsigned char *data = cairo_image_surface_get_data (surface)
                              + (gsize) crop->y * (gsize) stride + (gsize) crop->x * 4;

  if (setjmp (error->escape) != 0)
    return FALSE;
  jpeg_create_compress (info);
  info->dest = &destination->manager;
  info->image_width = (JDIMENSION) crop->width;
  info->image_height = (JDIMENSION) crop->height;
  info->input_components = grey ? 1 : ROWS_AS_THEY_ARE ? 4 : 3;
#if ROWS_AS_THEY_ARE
  info->in_color_space = grey ? JCS_GRAYSCALE : JCS_EXT_BGRX;
#else
  info->in_color_space = grey ? JCS_GRAYSCALE : JCS_RGB;
#endif
  jpeg_set_defaults (info);
  info->raw_data_in = grey;
  jpeg_set_quality (info, quality, TRUE);
  /* The fast integer transform: a little less exact, which page images do not show. */
  info->dct_method = JDCT_IFAST;
  jpeg_start_compress (info, TRUE);
  if (grey && !write_grey (info, data, stride, rows, coloured))
    return FALSE;
  if (!grey)
    write_colour (info, data, stride, rows);
  jpeg_finish_compress (info);
  return TRUE;
}

/* Compresses @crop of @surface into @bytes, as one channel or in colour (@grey); *@coloured
 * when a one-channel compression met a colour. */
static gboolean
compress_as (cairo_surface_t *surface, const ReviewCrop *crop, int quality, gboolean grey,
             gboolean *coloured, GByteArray *bytes)
{
  struct jpeg_compress_struct info = { 0 };
  JpegError error = { 0 };
  Destination destination = { { .init_destination = destination_init,
                                .empty_output_buffer = destination_empty,
                                .term_destination = destination_term },
                              bytes };
  gsize width = (gsize) crop->width;
  g_autofree JSAMPLE *rows = g_new (JSAMPLE, DCTSIZE * ((width + DCTSIZE - 1) / DCTSIZE * DCTSIZE));
  gboolean ok;

  info.err = jpeg_std_error (&error.manager);
  error.manager.error_exit = jpeg_error_exit;
  ok = compress (&info, &error, &destination, surface, crop, quality, grey, coloured, rows);
  jpeg_destroy_compress (&info);
  return ok;
}

gboolean
review_write_jpeg (cairo_surface_t *surface, const ReviewCrop *crop, const char *path,
                   int quality)
{
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  gboolean coloured = FALSE;
  gboolean ok;
  FILE *file;

  cairo_surface_flush (surface);
  /* As one channel when every pixel is grey: a fifth faster to write than in colour. */
  ok = compress_as (surface, crop, quality, TRUE, &coloured, bytes);
  if (!ok && coloured)
    ok = compress_as (surface, crop, quality, FALSE, &coloured, bytes);
  if (!ok)
    return FALSE;
  file = fopen (path, "wb");
  if (file == NULL)
    return FALSE;
  ok = fwrite (bytes->data, 1, bytes->len, file) == bytes->len;
  return fclose (file) == 0 && ok;
}
