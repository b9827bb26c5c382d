/* ocr.c: see ocr.h. Loads the engine module (ocr-tesseract.h says why it is apart) on first use. */
#include "ocr.h"

#include "ocr-tesseract.h"

#include <dlfcn.h>
#include <gmodule.h>
#include <stdlib.h>
#include <string.h>

static const OcrTesseract *tesseract;
static char *load_failure; /* why the module did not load, when it did not */

static const OcrTesseract *
table_in (GModule *module)
{
  gpointer table = NULL;

  if (module != NULL && g_module_symbol (module, OCR_TESSERACT_TABLE_SYMBOL, &table))
    return table;
  return NULL;
}

/* recover-text/ocr-tesseract.so beside the file this code was loaded from (the stage's module). */
static char *
module_path (void)
{
  Dl_info self;
  g_autofree char *dir = NULL;

  if (dladdr ((void *) module_path, &self) == 0 || self.dli_fname == NULL)
    return NULL;
  dir = g_path_get_dirname (self.dli_fname);
  return g_build_filename (dir, "recover-text", "ocr-tesseract." G_MODULE_SUFFIX, NULL);
}

static void
load (void)
{
  g_autofree char *path = NULL;
  GModule *module;

  /* A program that links the engine itself (the unit tests) has the table already. */
  module = g_module_open (NULL, G_MODULE_BIND_LAZY);
  tesseract = table_in (module);
  if (tesseract != NULL)
    return;
  g_clear_pointer (&module, g_module_close);
  path = module_path ();
  if (path == NULL)
    {
      load_failure = g_strdup ("recover-text cannot tell where its own module is");
      return;
    }
  module = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  tesseract = table_in (module);
  if (tesseract == NULL)
    {
      load_failure = module != NULL
                         ? g_strdup_printf ("the OCR engine %s has no engine table", path)
                         : g_strdup_printf ("cannot load the OCR engine: %s", g_module_error ());
      g_clear_pointer (&module, g_module_close);
      return;
    }
  /* Kept for the life of the process, as the stage modules are. */
  g_module_make_resident (module);
}

/* The engine's table, or NULL (load_failure says why). */
static const OcrTesseract *
engine_table (void)
{
  static gsize loaded = 0;

  if (g_once_init_enter (&loaded))
    {
      load ();
      g_once_init_leave (&loaded, 1);
    }
  return tesseract;
}

OcrEngine *
ocr_engine_new (const char *datapath, const char *languages, GError **error)
{
  const OcrTesseract *table = engine_table ();

  if (table == NULL)
    {
      g_set_error_literal (error, RECTO_ERROR, RECTO_ERROR_USAGE, load_failure);
      return NULL;
    }
  return table->engine_new (datapath, languages, error);
}

/* An engine exists only once the table has loaded, so the functions below can use it. */

void
ocr_engine_free (OcrEngine *engine)
{
  if (engine != NULL)
    tesseract->engine_free (engine);
}

GArray *
ocr_engine_read (OcrEngine *engine, const RectoImage *image, int dpi, OcrLayout layout)
{
  return tesseract->read (engine, image, dpi, layout);
}

char *
ocr_engine_read_word (OcrEngine *engine, const RectoImage *image, const char *alphabet)
{
  return tesseract->read_word (engine, image, alphabet);
}

int
ocr_engine_read_number (OcrEngine *engine, const RectoImage *image)
{
  g_autofree char *digits = ocr_engine_read_word (engine, image, "0123456789");

  if (digits == NULL || *digits == '\0' || strspn (digits, "0123456789") != strlen (digits)
      || strlen (digits) > 2)
    return -1;
  return atoi (digits);
}

char *
ocr_detect_script (const char *datapath, const RectoImage *image, int dpi, float *confidence)
{
  const OcrTesseract *table = engine_table ();

  return table != NULL ? table->detect_script (datapath, image, dpi, confidence) : NULL;
}

guint
ocr_symbols_line_end (const GArray *symbols, guint from)
{
  guint to = from + 1;

  while (to < symbols->len && !g_array_index (symbols, OcrSymbol, to).starts_line)
    to++;
  return to;
}

RectoBox
ocr_symbols_box (const GArray *symbols, guint from, guint to)
{
  RectoBox box = { G_MAXFLOAT, G_MAXFLOAT, -G_MAXFLOAT, -G_MAXFLOAT };

  for (guint j = from; j < to; j++)
    {
      const OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, j);
      box.x1 = MIN (box.x1, symbol->x1), box.y1 = MIN (box.y1, symbol->y1);
      box.x2 = MAX (box.x2, symbol->x2), box.y2 = MAX (box.y2, symbol->y2);
    }
  return box;
}

const char *
ocr_version (void)
{
  const OcrTesseract *table = engine_table ();

  return table != NULL ? table->version () : "tesseract (not loaded)";
}
