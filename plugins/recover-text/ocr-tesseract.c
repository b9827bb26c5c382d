/* ocr-tesseract.c: the OCR engine module, Tesseract through its C API (see ocr-tesseract.h). */
#include "ocr-tesseract.h"

#include <string.h>
#include <tesseract/capi.h>

struct _OcrEngine
{
  TessBaseAPI *api;
};

static void
engine_free (OcrEngine *engine)
{
  if (engine == NULL)
    return;
  if (engine->api != NULL)
    {
      TessBaseAPIEnd (engine->api);
      TessBaseAPIDelete (engine->api);
    }
  g_free (engine);
}

static OcrEngine *
engine_new (const char *datapath, const char *languages, GError **error)
{
  OcrEngine *engine = g_new0 (OcrEngine, 1);

  engine->api = TessBaseAPICreate ();
  /* Tesseract's own progress and debug lines ("Detected 12 diacritics") would reach the user's
   * standard error; recto says what matters itself (tprintf drops all output for /dev/null). */
  TessBaseAPISetVariable (engine->api, "debug_file", "/dev/null");
  /* Tesseract reports a missing language on stderr and returns -1; the user hears why here. */
  if (TessBaseAPIInit2 (engine->api, datapath, languages, OEM_LSTM_ONLY) != 0)
    {
      g_set_error (error, RECTO_ERROR, RECTO_ERROR_USAGE,
                   "Tesseract cannot load the languages '%s'%s%s (Debian: tesseract-ocr-chi-sim "
                   "and tesseract-ocr-eng)",
                   languages, datapath != NULL ? " from " : "", datapath != NULL ? datapath : "");
      engine_free (engine);
      return NULL;
    }
  /* Chinese text has no spaces between words; without this Tesseract inserts some. */
  TessBaseAPISetVariable (engine->api, "preserve_interword_spaces", "1");
  return engine;
}

/* The text of the line being read, to tell where Tesseract puts spaces. Its iterator starts a
 * word at each character of Chinese and Korean text alike; the spaces its text puts between
 * words (preserve_interword_spaces: as many as it saw) are the ones the page shows. */
typedef struct
{
  char *text; /* Tesseract's, freed by TessDeleteText() (new[], not malloc) */
  const char *at; /* the next character to match */
} LineText;

/* Whether Tesseract's text of the line puts a space before @symbol_text, the next symbol;
 * moves past it. FALSE, with the line left where it was, when the text does not go on so. */
static gboolean
space_before (LineText *line, const char *symbol_text, gboolean *spaced)
{
  const char *at = line->at;

  if (at == NULL)
    return FALSE;
  *spaced = FALSE;
  while (*at == ' ')
    at++, *spaced = TRUE;
  if (!g_str_has_prefix (at, symbol_text))
    return FALSE;
  line->at = at + strlen (symbol_text);
  return TRUE;
}

/* Appends the symbol @it is at to @symbols; FALSE where it stands nowhere on the image. */
static gboolean
append_symbol (GArray *symbols, TessResultIterator *it, gboolean starts_line, LineText *line)
{
  const TessPageIterator *page = TessResultIteratorGetPageIteratorConst (it);
  char *text = TessResultIteratorGetUTF8Text (it, RIL_SYMBOL);
  OcrSymbol symbol = { 0 };
  int x1, y1, x2, y2;
  gboolean spaced;

  if (text == NULL)
    return FALSE;
  if (!TessPageIteratorBoundingBox (page, RIL_SYMBOL, &x1, &y1, &x2, &y2))
    {
      TessDeleteText (text);
      return FALSE;
    }
  if (g_utf8_validate (text, -1, NULL) && g_utf8_strlen (text, -1) == 1)
    symbol.c = g_utf8_get_char (text);
  symbol.x1 = x1;
  symbol.y1 = y1;
  symbol.x2 = x2;
  symbol.y2 = y2;
  symbol.confidence = CLAMP (TessResultIteratorConfidence (it, RIL_SYMBOL) / 100.0f, 0.0f, 1.0f);
  symbol.starts_word = TessPageIteratorIsAtBeginningOf (page, RIL_WORD);
  if (space_before (line, text, &spaced) && !starts_line)
    symbol.starts_word = symbol.starts_word && spaced;
  symbol.starts_line = starts_line;
  TessDeleteText (text);
  /* The LSTM now and then gives characters it found no ink for, boxed as the image's far
   * corner or without height: vol111-scanned p. 27 had twenty letters read at 0.86 to 0.99,
   * "pI>>aHH…", where its title stands, and p. 38 "=e in" at the foot of a photograph. */
  if (x2 <= x1 || y2 <= y1)
    return FALSE;
  g_array_append_val (symbols, symbol);
  return TRUE;
}

static GArray *
read_image (OcrEngine *engine, const RectoImage *image, int dpi, OcrLayout layout)
{
  static const TessPageSegMode modes[] = {
    [OCR_LINE] = PSM_SINGLE_LINE,
    [OCR_RAW_LINE] = PSM_RAW_LINE,
    [OCR_PAGE] = PSM_AUTO,
    [OCR_GLYPH] = PSM_SINGLE_CHAR,
  };
  GArray *symbols = g_array_new (FALSE, FALSE, sizeof (OcrSymbol));
  TessResultIterator *it;

  TessBaseAPISetPageSegMode (engine->api, modes[layout]);
  TessBaseAPISetImage (engine->api, image->pixels, (int) image->width, (int) image->height, 1,
                       (int) image->stride);
  TessBaseAPISetSourceResolution (engine->api, dpi);
  if (TessBaseAPIRecognize (engine->api, NULL) != 0)
    {
      TessBaseAPIClear (engine->api);
      return symbols;
    }
  it = TessBaseAPIGetIterator (engine->api);
  if (it != NULL)
    {
      LineText line = { 0 };
      gboolean line_open = FALSE; /* a line began with symbols that stand nowhere */
      do
        {
          gboolean starts_line = TessPageIteratorIsAtBeginningOf (
              TessResultIteratorGetPageIteratorConst (it), RIL_TEXTLINE);
          if (starts_line || line.text == NULL)
            {
              TessDeleteText (line.text);
              line.text = TessResultIteratorGetUTF8Text (it, RIL_TEXTLINE);
              line.at = line.text;
            }
          line_open = !append_symbol (symbols, it, starts_line || line_open, &line)
                      && (starts_line || line_open);
        }
      while (TessResultIteratorNext (it, RIL_SYMBOL));
      TessDeleteText (line.text);
      TessResultIteratorDelete (it);
    }
  TessBaseAPIClear (engine->api);
  return symbols;
}

/* Three times the size, with a white margin. */
static RectoImage *
enlarge (const RectoImage *image)
{
  const guint factor = 3, margin = 16;
  RectoImage *large = recto_image_new (image->width * factor + 2 * margin,
                                       image->height * factor + 2 * margin);

  memset (large->pixels, 255, large->stride * large->height);
  for (guint y = 0; y < image->height * factor; y++)
    for (guint x = 0; x < image->width * factor; x++)
      large->pixels[(y + margin) * large->stride + x + margin] =
          image->pixels[(y / factor) * image->stride + x / factor];
  return large;
}

static char *
read_word (OcrEngine *engine, const RectoImage *image, const char *alphabet)
{
  /* Tesseract reads small glyphs badly: below 40 pixels the image is enlarged. */
  g_autoptr (RectoImage) large = image->height < 40 ? enlarge (image) : NULL;
  const RectoImage *read = large != NULL ? large : image;
  char *text, *word = NULL;

  TessBaseAPISetVariable (engine->api, "tessedit_char_whitelist", alphabet);
  TessBaseAPISetPageSegMode (engine->api, PSM_SINGLE_WORD);
  TessBaseAPISetImage (engine->api, read->pixels, (int) read->width, (int) read->height, 1,
                       (int) read->stride);
  TessBaseAPISetSourceResolution (engine->api, 300);
  text = TessBaseAPIGetUTF8Text (engine->api);
  if (text != NULL)
    {
      word = g_strstrip (g_strdup (text));
      TessDeleteText (text);
    }
  TessBaseAPISetVariable (engine->api, "tessedit_char_whitelist", "");
  TessBaseAPIClear (engine->api);
  return word;
}

/* Tesseract's orientation and script detection (OSD) runs on its legacy engine with a model
 * of its own (osd.traineddata), so it has an instance of its own, made for the one page. */
static char *
detect_script (const char *datapath, const RectoImage *image, int dpi, float *confidence)
{
  TessBaseAPI *api = TessBaseAPICreate ();
  const char *name = NULL;
  char *script = NULL;
  float orientation_confidence;
  int degrees;

  TessBaseAPISetVariable (api, "debug_file", "/dev/null");
  if (TessBaseAPIInit3 (api, datapath, "osd") == 0)
    {
      TessBaseAPISetPageSegMode (api, PSM_OSD_ONLY);
      TessBaseAPISetImage (api, image->pixels, (int) image->width, (int) image->height, 1,
                           (int) image->stride);
      TessBaseAPISetSourceResolution (api, dpi);
      if (TessBaseAPIDetectOrientationScript (api, &degrees, &orientation_confidence, &name,
                                              confidence)
          && name != NULL)
        script = g_strdup (name);
      TessBaseAPIEnd (api);
    }
  TessBaseAPIDelete (api);
  return script;
}

static const char *
version (void)
{
  return TessVersion ();
}

G_MODULE_EXPORT const OcrTesseract recto_ocr_tesseract = {
  .engine_new = engine_new,
  .engine_free = engine_free,
  .read = read_image,
  .read_word = read_word,
  .detect_script = detect_script,
  .version = version,
};
