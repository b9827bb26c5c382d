/* ocr-languages.c: see ocr-languages.h. */
#include "ocr-languages.h"
#include "font-survey.h"
#include "ocr.h"
#include "scanned-pages.h"

#include <string.h>

/* Fewer characters or words of text than this tell no language. */
#define LEAST_TEXT 20
/* Scanned pages whose script Tesseract is asked, at most: the first few tell a volume's
 * script, and each costs a drawing of the page. */
#define OSD_PAGES 3

typedef struct
{
  const char *language; /* a recto-language.h tag */
  const char *models; /* Tesseract's languages for it */
  const char *package; /* Debian's package of its model */
  /* Lower-case pieces of font names that say it, NULL-ended ("gothic" alone would take Century
   * Gothic, a Latin face, for Japanese). */
  const char *const hints[16];
  /* The scripts Tesseract's orientation and script detection names for it, NULL-ended (it
   * names Chinese "Han", simplified or traditional). */
  const char *const scripts[4];
} ScriptModels;

static const ScriptModels script_models[] = {
  { "ja",
    "jpn+eng",
    "tesseract-ocr-jpn",
    { "mincho", "msgothic", "ms-gothic", "ms gothic", "mspgothic", "ms-pgothic", "meiryo",
      "hiragino", "yugoth", "kozmin", "kozgo", "ipaexg", "cjkjp", NULL },
    { "Japanese", "Hiragana", "Katakana", NULL } },
  { "zh-Hant",
    "chi_tra+eng",
    "tesseract-ocr-chi-tra",
    { "mingliu", "dfkai", "kaiu", "biaukai", "dfming", "jhenghei", "cjktc", NULL },
    { NULL } },
  { "ko",
    "kor+eng",
    "tesseract-ocr-kor",
    { "batang", "gulim", "dotum", "gungsuh", "malgun", "nanum", "cjkkr", NULL },
    { "Hangul", "Korean", NULL } },
};

/* The language of the text of @doc's fonts that need no reading, or NULL when too little. */
static const char *
text_language (RectoDocument *doc, const GArray *surveys)
{
  RectoScriptCounts counts = { 0 };

  for (guint p = 0; p < recto_document_get_n_pages (doc); p++)
    {
      const RectoPage *page = recto_document_get_page (doc, p);
      for (guint s = 0; s < page->spans->len; s++)
        {
          const RectoSpan *span = &g_array_index (page->spans, RectoSpan, s);
          const gunichar *chars = (const gunichar *) page->chars->data + span->first;
          if (font_survey_is_unmapped (surveys, span->subset))
            continue;
          for (guint i = 0; i < span->length; i++)
            if (!font_survey_needs_reading (surveys, span->subset, chars[i]))
              recto_language_count (&counts, chars + i, 1);
        }
    }
  return recto_language_decide (&counts, LEAST_TEXT);
}

/* The script models the name of @font says, or NULL. */
static const ScriptModels *
named_script (const char *font)
{
  g_autofree char *lower = g_ascii_strdown (font, -1);

  for (guint i = 0; i < G_N_ELEMENTS (script_models); i++)
    for (guint h = 0; script_models[i].hints[h] != NULL; h++)
      if (strstr (lower, script_models[i].hints[h]) != NULL)
        return &script_models[i];
  return NULL;
}

/* The script models the names of the fonts to read agree on, or NULL (none, or several). */
static const ScriptModels *
fonts_script (const GArray *surveys)
{
  const ScriptModels *found = NULL;

  for (guint i = 0; i < surveys->len; i++)
    {
      const FontSurvey *survey = &g_array_index (surveys, FontSurvey, i);
      const ScriptModels *named;
      if (!survey->unmapped && !survey->suspect)
        continue;
      named = named_script (survey->font);
      if (named != NULL && found != NULL && named != found)
        return NULL;
      found = named != NULL ? named : found;
    }
  return found;
}

/* The script models of the script Tesseract sees most surely on the first OSD_PAGES pages of
 * @doc without a text layer (drawn at @dpi, when they fit in @max_pixels), or NULL: no such
 * page, no osd model in @datapath, or a script of no model here (Han, Latin). */
static const ScriptModels *
scanned_script (RectoDocument *doc, const char *datapath, guint dpi, guint64 max_pixels)
{
  g_autoptr (GHashTable) sums = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *best = NULL;
  float best_sum = 0;
  guint seen = 0;

  for (guint p = 0; p < recto_document_get_n_pages (doc) && seen < OSD_PAGES; p++)
    {
      const RectoPage *page = recto_document_get_page (doc, p);
      RectoBox whole = { 0, 0, (float) page->width, (float) page->height };
      g_autoptr (RectoImage) image = NULL;
      g_autofree char *script = NULL;
      float confidence = 0, *sum;
      gpointer key;
      if (!scanned_page_detect (page) || !scanned_page_fits (page, dpi, max_pixels))
        continue;
      seen++;
      image = recto_document_render (doc, p, &whole, dpi / 72.0, NULL);
      if (image == NULL
          || (script = ocr_detect_script (datapath, image, (int) dpi, &confidence)) == NULL)
        continue;
      if (!g_hash_table_lookup_extended (sums, script, &key, (gpointer *) &sum))
        g_hash_table_insert (sums, (key = g_strdup (script)), (sum = g_new0 (float, 1)));
      *sum += confidence;
      /* Ties go to the name first in order, so the choice does not hang on the table's. */
      if (best == NULL || *sum > best_sum || (*sum == best_sum && strcmp (key, best) < 0))
        best = key, best_sum = *sum;
    }
  for (guint i = 0; best != NULL && i < G_N_ELEMENTS (script_models); i++)
    for (guint s = 0; script_models[i].scripts[s] != NULL; s++)
      if (strcmp (script_models[i].scripts[s], best) == 0)
        return &script_models[i];
  return NULL;
}

static const ScriptModels *
models_for (const char *language)
{
  for (guint i = 0; language != NULL && i < G_N_ELEMENTS (script_models); i++)
    if (strcmp (script_models[i].language, language) == 0)
      return &script_models[i];
  return NULL;
}

/* Whether Tesseract loads @models from @datapath. */
static gboolean
models_load (const char *datapath, const char *models)
{
  g_autoptr (OcrEngine) engine = ocr_engine_new (datapath, models, NULL);

  return engine != NULL;
}

char *
ocr_languages_choose (RectoDocument *doc, const GArray *surveys, const char *asked,
                      const char *datapath, guint scan_dpi, guint64 max_pixels, char **why)
{
  const char *language, *source = "its fonts' text";
  const ScriptModels *models;

  *why = NULL;
  if (strcmp (asked, OCR_LANGUAGES_AUTO) != 0)
    return g_strdup (asked);
  language = text_language (doc, surveys);
  models = models_for (language);
  /* Latin text (a report's digits and English words) or too little says nothing of the
   * script of the fonts to read; simplified Chinese says it is the default's. */
  if (models == NULL && (language == NULL || strcmp (language, "zh-Hans") != 0)
      && (models = fonts_script (surveys)) != NULL)
    language = models->language, source = "the names of its fonts";
  /* Scans have neither: Tesseract's script detection looks at them. */
  if (models == NULL && language == NULL
      && (models = scanned_script (doc, datapath, scan_dpi, max_pixels)) != NULL)
    language = models->language, source = "the script Tesseract sees on its scanned pages";
  if (models == NULL)
    return g_strdup (OCR_LANGUAGES_DEFAULT);
  if (!models_load (datapath, models->models))
    {
      *why = g_strdup_printf ("the document is in %s (%s), but Tesseract cannot load %s (Debian: "
                              "%s): read with %s",
                              language, source, models->models, models->package,
                              OCR_LANGUAGES_DEFAULT);
      return g_strdup (OCR_LANGUAGES_DEFAULT);
    }
  *why = g_strdup_printf ("the document is in %s (%s): read with %s", language, source,
                          models->models);
  return g_strdup (models->models);
}
