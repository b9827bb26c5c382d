/* ocr-pool.c: see ocr-pool.h. */
#include "ocr-pool.h"

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
  g_mutex_init (&pool->lock);
}

void
ocr_pool_clear (OcrPool *pool)
{
  for (guint i = 0; i < pool->n_engines; i++)
    {
      ocr_engine_free (pool->engines[i]);
      ocr_engine_free (pool->numbers[i]);
    }
  g_free (pool->engines);
  g_free (pool->numbers);
  g_clear_error (&pool->error);
  g_mutex_clear (&pool->lock);
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

GArray *
ocr_pool_read_area (OcrPool *pool, guint worker, RectoDocument *doc, guint page,
                    const RectoBox *area, double scale, OcrLayout layout, RectoImage **image_out)
{
  OcrEngine *engine = engine_for (pool, worker);
  g_autoptr (RectoImage) image = NULL;
  GArray *symbols;

  if (engine == NULL)
    return NULL;
  image = recto_document_render (doc, page, area, scale, NULL);
  if (image == NULL)
    return NULL;
  symbols = ocr_engine_read (engine, image, (int) (scale * 72 + 0.5), layout);
  for (guint i = 0; i < symbols->len; i++)
    {
      OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, i);
      symbol->x1 = area->x1 + symbol->x1 / scale;
      symbol->x2 = area->x1 + symbol->x2 / scale;
      symbol->y1 = area->y1 + symbol->y1 / scale;
      symbol->y2 = area->y1 + symbol->y2 / scale;
    }
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
