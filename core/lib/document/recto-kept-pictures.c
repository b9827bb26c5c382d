/* recto-kept-pictures.c: see recto-document-private.h. Pages drawn whole are kept, packed, so
 * that a later stage drawing the same page at the same scale (the tables stage draws pages to
 * find their rules, the headings stage to weigh their lines' strokes) is given the picture
 * without the source drawing it again: drawing is the costly part (a page's program is run and
 * its glyphs rasterised), unpacking a picture is not. The picture given is the one the source
 * drew, byte for byte, so what a stage finds does not depend on whether it was kept.
 *
 * Packing: a page's picture is mostly white; each row is a run of tokens, a 16-bit count
 * whose top bit tells white pixels (set) from that many grey bytes following (clear). */
#include "recto-document-private.h"

#include <string.h>

/* Pictures larger than this many pixels (OCR's, at scan resolution) are not kept. */
#define MAX_KEPT_PIXELS (4u * 1024 * 1024)
/* The most bytes the packed pictures of a document hold: once reached, pages drawn later are
 * not kept (the first ones drawn are those a later stage asks for first). */
#define MAX_KEPT_BYTES ((gsize) 48 * 1024 * 1024)
#define WHITE 255
#define WHITE_RUN 0x8000u
#define MAX_RUN 0x7fffu

typedef struct
{
  guint page;
  RectoBox area;
  double scale;
  guint width, height;
  GByteArray *packed;
} KeptPicture;

static void
kept_picture_free (KeptPicture *kept)
{
  g_byte_array_unref (kept->packed);
  g_free (kept);
}

/* Appends to @out a token and, for grey pixels, the @n pixels at @pixels; @out has room. */
static guint8 *
put_run (guint8 *out, const guint8 *pixels, guint n, gboolean white)
{
  guint token = n | (white ? WHITE_RUN : 0);

  *out++ = token >> 8;
  *out++ = token & 0xff;
  if (!white)
    {
      memcpy (out, pixels, n);
      out += n;
    }
  return out;
}

/* The end of the run of white pixels of @row from @x on, at most @end: eight at a time. */
static guint
white_end (const guint8 *row, guint x, guint end)
{
  for (; x + 8 <= end; x += 8)
    {
      guint64 eight;
      memcpy (&eight, row + x, sizeof eight);
      if (eight != G_MAXUINT64)
        break;
    }
  while (x < end && row[x] == WHITE)
    x++;
  return x;
}

static GByteArray *
pack (const RectoImage *image)
{
  /* At worst 3 bytes a pixel: a token for each, and a grey one's byte. */
  guint8 *buffer = g_malloc ((gsize) image->width * image->height * 3 + 2), *out = buffer;
  gsize length;

  for (guint y = 0, width = image->width; y < image->height; y++)
    {
      const guint8 *row = image->pixels + (gsize) y * image->stride;
      guint x = 0;
      while (x < width)
        {
          guint start = x, end = MIN (width, start + MAX_RUN);
          gboolean white = row[x] == WHITE;
          if (white)
            x = white_end (row, x, end);
          else
            while (x < end && row[x] != WHITE)
              x++;
          out = put_run (out, row + start, x - start, white);
        }
    }
  length = out - buffer;
  return g_byte_array_new_take (g_realloc (buffer, MAX (length, 1)), length);
}

static RectoImage *
unpack (const KeptPicture *kept)
{
  RectoImage *image = recto_image_new (kept->width, kept->height);
  const guint8 *in = kept->packed->data, *end = in + kept->packed->len;
  guint8 *out = image->pixels;

  /* Rows are packed one after another, and stride == width in a new image. */
  while (in + 2 <= end)
    {
      guint token = ((guint) in[0] << 8) | in[1], n = token & MAX_RUN;
      in += 2;
      if (token & WHITE_RUN)
        memset (out, WHITE, n);
      else
        {
          memcpy (out, in, n);
          in += n;
        }
      out += n;
    }
  return image;
}

static gboolean
same_area (const RectoBox *a, const RectoBox *b)
{
  return a->x1 == b->x1 && a->y1 == b->y1 && a->x2 == b->x2 && a->y2 == b->y2;
}

RectoImage *
recto_document_find_kept_picture (RectoDocument *doc, guint page, const RectoBox *area,
                                  double scale)
{
  for (guint i = 0; doc->kept_pictures != NULL && i < doc->kept_pictures->len; i++)
    {
      const KeptPicture *kept = g_ptr_array_index (doc->kept_pictures, i);
      if (kept->page == page && kept->scale == scale && same_area (&kept->area, area))
        return unpack (kept);
    }
  return NULL;
}

void
recto_document_keep_picture (RectoDocument *doc, guint page, const RectoBox *area, double scale,
                             const RectoImage *image)
{
  KeptPicture *kept;

  const RectoPage *p = recto_document_get_page (doc, page);

  if (p == NULL || !same_area (area, &(RectoBox) { 0, 0, (float) p->width, (float) p->height })
      || (gsize) image->width * image->height > MAX_KEPT_PIXELS || doc->kept_bytes >= MAX_KEPT_BYTES)
    return;
  kept = g_new0 (KeptPicture, 1);
  kept->page = page;
  kept->area = *area;
  kept->scale = scale;
  kept->width = image->width;
  kept->height = image->height;
  kept->packed = pack (image);
  doc->kept_bytes += kept->packed->len;
  if (doc->kept_pictures == NULL)
    doc->kept_pictures = g_ptr_array_new_with_free_func ((GDestroyNotify) kept_picture_free);
  g_ptr_array_add (doc->kept_pictures, kept);
}

void
recto_document_clear_kept_pictures (RectoDocument *doc)
{
  g_clear_pointer (&doc->kept_pictures, g_ptr_array_unref);
  doc->kept_bytes = 0;
}
