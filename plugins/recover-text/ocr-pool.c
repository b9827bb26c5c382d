/* ocr-pool.c: see ocr-pool.h. */
#include "ocr-pool.h"
#include "ocr-memo.h"
#include "glyph-shapes.h"

#include <math.h>

#include <string.h>

void
ocr_pool_init (OcrPool *pool, const char *datapath, const char *languages)
{
  memset (pool, 0, sizeof *pool);
  pool->datapath = datapath;
  pool->languages = languages;
  pool->n_engines = recto_get_n_threads ();
  pool->engines = g_new0 (OcrEngine *, pool->n_engines);
  pool->numbers = g_new0 (OcrEngine *, pool->n_engines);
  pool->primary = g_new0 (OcrEngine *, pool->n_engines);
  if (strchr (languages, '+') != NULL)
    pool->primary_language = g_strndup (languages, strcspn (languages, "+"));
  g_mutex_init (&pool->lock);
  pool->memo = ocr_memo_new ();
}

void
ocr_pool_clear (OcrPool *pool)
{
  for (guint i = 0; i < pool->n_engines; i++)
    {
      ocr_engine_free (pool->engines[i]);
      ocr_engine_free (pool->numbers[i]);
      ocr_engine_free (pool->primary[i]);
    }
  g_free (pool->engines);
  g_free (pool->numbers);
  g_free (pool->primary);
  g_free (pool->primary_language);
  g_clear_error (&pool->error);
  g_mutex_clear (&pool->lock);
  ocr_memo_free (pool->memo);
}

static OcrEngine *
engine_for (OcrPool *pool, guint worker)
{
  g_autoptr (GError) error = NULL;

  if (worker >= pool->n_engines)
    return NULL;
  if (pool->engines[worker] == NULL)
    pool->engines[worker] = ocr_engine_new (pool->datapath, pool->languages, &error);
  if (error != NULL)
    {
      g_mutex_lock (&pool->lock);
      if (pool->error == NULL)
        pool->error = g_steal_pointer (&error);
      g_mutex_unlock (&pool->lock);
    }
  return pool->engines[worker];
}

/* Which of the pool's engines of a worker read an image: ocr_memo_key()'s engine number. */
enum
{
  READ_LANGUAGES,
  READ_PRIMARY,
  READ_LATIN
};

/* Reads @image on @engine (the worker's engine @kind), or gives what the pool's engine of that
 * kind read in an image with the same pixels before (ocr-memo.h). */
static GArray *
read_remembered (OcrPool *pool, OcrEngine *engine, guint kind, const RectoImage *image, int dpi,
                 OcrLayout layout)
{
  g_autofree char *key = ocr_memo_key (kind, image, dpi, layout);
  GArray *symbols = ocr_memo_find (pool->memo, key);

  if (symbols == NULL && (symbols = ocr_engine_read (engine, image, dpi, layout)) != NULL)
    ocr_memo_keep (pool->memo, key, symbols);
  return symbols;
}

GArray *
ocr_pool_read_image (OcrPool *pool, guint worker, const RectoImage *image, int dpi,
                     OcrLayout layout)
{
  OcrEngine *engine = engine_for (pool, worker);
  return engine != NULL ? read_remembered (pool, engine, READ_LANGUAGES, image, dpi, layout)
                        : NULL;
}

void
ocr_symbols_to_page (GArray *symbols, const RectoBox *area, double scale)
{
  for (guint i = 0; i < symbols->len; i++)
    {
      OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, i);
      symbol->x1 = area->x1 + symbol->x1 / scale;
      symbol->x2 = area->x1 + symbol->x2 / scale;
      symbol->y1 = area->y1 + symbol->y1 / scale;
      symbol->y2 = area->y1 + symbol->y2 / scale;
    }
}

GArray *
ocr_pool_read_area (OcrPool *pool, guint worker, RectoDocument *doc, guint page,
                    const RectoBox *area, double scale, OcrLayout layout, RectoImage **image_out)
{
  g_autoptr (RectoImage) image = NULL;
  GArray *symbols;

  if (engine_for (pool, worker) == NULL)
    return NULL;
  image = recto_document_render (doc, page, area, scale, NULL);
  if (image == NULL)
    return NULL;
  symbols = ocr_pool_read_image (pool, worker, image, (int) (scale * 72 + 0.5), layout);
  ocr_symbols_to_page (symbols, area, scale);
  if (image_out != NULL)
    *image_out = g_steal_pointer (&image);
  return symbols;
}

/* @worker's "eng" engine, loaded on first use, or NULL. */
static OcrEngine *
latin_engine_for (OcrPool *pool, guint worker)
{
  if (worker >= pool->n_engines)
    return NULL;
  if (pool->numbers[worker] == NULL)
    pool->numbers[worker] = ocr_engine_new (pool->datapath, "eng", NULL);
  return pool->numbers[worker];
}

GArray *
ocr_pool_read_image_primary (OcrPool *pool, guint worker, const RectoImage *image, int dpi,
                             OcrLayout layout)
{
  if (worker >= pool->n_engines || pool->primary_language == NULL)
    return NULL;
  if (pool->primary[worker] == NULL)
    pool->primary[worker] = ocr_engine_new (pool->datapath, pool->primary_language, NULL);
  return pool->primary[worker] != NULL
             ? read_remembered (pool, pool->primary[worker], READ_PRIMARY, image, dpi, layout)
             : NULL;
}

GArray *
ocr_pool_read_line (OcrPool *pool, guint worker, const RectoImage *image, const RectoBox *area,
                    double scale, const RectoBox *box, OcrLayout layout, gboolean primary)
{
  /* The crop starts on a whole pixel, so that its origin is known exactly. */
  RectoBox crop_box = { area->x1 + floorf ((box->x1 - area->x1) * scale) / scale,
                        area->y1 + floorf ((box->y1 - area->y1) * scale) / scale, box->x2, box->y2 };
  g_autoptr (RectoImage) line = NULL;
  int dpi = (int) (scale * 72 + 0.5);
  GArray *symbols;

  crop_box.x1 = MAX (crop_box.x1, area->x1), crop_box.y1 = MAX (crop_box.y1, area->y1);
  if ((line = glyph_shape_crop (image, area, scale, &crop_box)) == NULL)
    return NULL;
  symbols = primary ? ocr_pool_read_image_primary (pool, worker, line, dpi, layout)
                    : ocr_pool_read_image (pool, worker, line, dpi, layout);
  for (guint j = 0; symbols != NULL && j < symbols->len; j++)
    {
      OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, j);
      symbol->x1 = crop_box.x1 + symbol->x1 / scale, symbol->x2 = crop_box.x1 + symbol->x2 / scale;
      symbol->y1 = crop_box.y1 + symbol->y1 / scale, symbol->y2 = crop_box.y1 + symbol->y2 / scale;
      symbol->starts_line = j == 0;
    }
  return symbols;
}

GArray *
ocr_pool_read_image_latin (OcrPool *pool, guint worker, const RectoImage *image, int dpi,
                           OcrLayout layout)
{
  OcrEngine *engine = latin_engine_for (pool, worker);
  return engine != NULL ? read_remembered (pool, engine, READ_LATIN, image, dpi, layout) : NULL;
}

int
ocr_pool_read_number (OcrPool *pool, guint worker, const RectoImage *image)
{
  OcrEngine *engine = latin_engine_for (pool, worker);
  return engine != NULL ? ocr_engine_read_number (engine, image) : -1;
}

char *
ocr_pool_read_word (OcrPool *pool, guint worker, const RectoImage *image, const char *alphabet)
{
  OcrEngine *engine = latin_engine_for (pool, worker);
  return engine != NULL ? ocr_engine_read_word (engine, image, alphabet) : NULL;
}
