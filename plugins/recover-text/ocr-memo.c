/* ocr-memo.c: see ocr-memo.h. */
#include "ocr-memo.h"

#include <string.h>

struct _OcrMemo
{
  GMutex lock;
  GHashTable *readings; /* key (a string: engine, dpi, layout, size and pixels' SHA-256) → GArray */
};

OcrMemo *
ocr_memo_new (void)
{
  OcrMemo *memo = g_new0 (OcrMemo, 1);

  g_mutex_init (&memo->lock);
  memo->readings =
      g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  return memo;
}

void
ocr_memo_free (OcrMemo *memo)
{
  if (memo == NULL)
    return;
  g_hash_table_unref (memo->readings);
  g_mutex_clear (&memo->lock);
  g_free (memo);
}

/* The image's pixels are hashed row by row, the stride's padding left out. */
char *
ocr_memo_key (guint engine, const RectoImage *image, int dpi, OcrLayout layout)
{
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  for (guint y = 0; y < image->height; y++)
    g_checksum_update (checksum, image->pixels + (gsize) y * image->stride, image->width);
  return g_strdup_printf ("%u %d %d %u %u %s", engine, dpi, (int) layout, image->width,
                          image->height, g_checksum_get_string (checksum));
}

static GArray *
copy_symbols (const GArray *symbols)
{
  GArray *copy = g_array_sized_new (FALSE, FALSE, sizeof (OcrSymbol), symbols->len);

  g_array_append_vals (copy, symbols->data, symbols->len);
  return copy;
}

GArray *
ocr_memo_find (OcrMemo *memo, const char *key)
{
  const GArray *symbols;
  GArray *copy = NULL;

  g_mutex_lock (&memo->lock);
  if ((symbols = g_hash_table_lookup (memo->readings, key)) != NULL)
    copy = copy_symbols (symbols);
  g_mutex_unlock (&memo->lock);
  return copy;
}

void
ocr_memo_keep (OcrMemo *memo, const char *key, const GArray *symbols)
{
  g_mutex_lock (&memo->lock);
  if (g_hash_table_size (memo->readings) < OCR_MEMO_MAX_IMAGES)
    g_hash_table_replace (memo->readings, g_strdup (key), copy_symbols (symbols));
  g_mutex_unlock (&memo->lock);
}
