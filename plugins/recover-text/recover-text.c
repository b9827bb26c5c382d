/* recover-text: recovers text the source's text layer lost, before lines are built.
 *
 * 1. Surveys every font (font-survey.c): a font whose glyphs carry codes instead of characters
 *    has no usable Unicode map; glyphs in look-alike ranges (Kangxi radicals…) of other fonts
 *    are read as the ideographs they stand for. A font whose text is GBK, Big5, Shift-JIS or
 *    EUC-KR bytes shown through a single-byte font is decoded again (mojibake.c). Runs of one
 *    ideograph repeated, drawn with a glyph the font lacks, are kept as codes (notdef-runs.c);
 *    Wingdings' private-use codes are read as its chart's symbols (symbol-codes.c).
 * 2. Learns each unmapped font's code → character map from OCR of just enough rows of text
 *    (font-learning.c; rows across the page, and rows turned a quarter, read upright:
 *    turned-rows.c) and decodes every glyph of the font through it. Glyphs of other fonts
 *    (digits in a Latin font, headings in a font with a map) keep their own text. A glyph
 *    drawn without text read as the letter of the decoded glyph beside it stays a gap
 *    (drawn-readings.c), as does one whose ink OCR gave no symbol.
 * 3. Gives image-only pages a text layer read by OCR (scanned-pages.c).
 * 4. Checks text laid over scans (an OCR engine's) against OCR, and re-reads it where it was
 *    misread (ocr-layer.c).
 * 5. Reads the lines of text drawn as images on pages with a text layer (a title set as a
 *    picture: image-lines.c), and adds them to their pages.
 *
 * Every glyph it changes or adds is recorded with recto_page_mark_recovered() and every map
 * with recto_document_add_font_map(), so the sink marks the text and declares the maps; each
 * font's verdict and what became of its glyphs with recto_document_add_font_check(). Only what
 * is certain is written as text: a reading less sure than min-certainty leaves its glyph a
 * gap, and a character a font gives validly is kept unless the font's map was found wrong
 * (font-verdict.h). On a volume with nothing broken only the survey runs: one pass over the
 * glyphs. */
#include <recto/recto.h>

#include "drawn-readings.h"
#include "font-learning.h"
#include "font-verdict.h"
#include "image-lines.h"
#include "mojibake.h"
#include "notdef-runs.h"
#include "ocr-languages.h"
#include "ocr-layer.h"
#include "scanned-pages.h"
#include "symbol-codes.h"
#include "unread-glyphs.h"

#include <string.h>

typedef struct
{
  char *languages;
  char *tessdata;
  int em_pixels;
  int votes;
  int scan_dpi;
  int max_megapixels;
  double min_certainty;
} RecoverTextConfig;

static const RectoOption recover_text_options[] = {
  { .name = "languages",
    .type = RECTO_OPTION_STRING,
    .default_value = "auto",
    .blurb = "Tesseract languages to read with, joined by '+'; auto: by the document's script "
             "(jpn+eng for Japanese, chi_tra+eng for traditional Chinese, kor+eng for Korean, "
             "chi_sim+eng else)",
    .offset = G_STRUCT_OFFSET (RecoverTextConfig, languages) },
  { .name = "tessdata",
    .type = RECTO_OPTION_STRING,
    .blurb = "Folder of Tesseract's language data (default: Tesseract's own, or TESSDATA_PREFIX)",
    .offset = G_STRUCT_OFFSET (RecoverTextConfig, tessdata) },
  { .name = "em-pixels",
    .type = RECTO_OPTION_INT,
    .default_value = "32",
    .blurb = "Pixels per em when a row of text, or a line of text drawn as an image, is drawn "
             "for OCR",
    .offset = G_STRUCT_OFFSET (RecoverTextConfig, em_pixels),
    .minimum = 16,
    .maximum = 200 },
  { .name = "votes",
    .type = RECTO_OPTION_INT,
    .default_value = "2",
    .blurb = "OCR readings of a glyph code wanted before its rows are no longer read",
    .offset = G_STRUCT_OFFSET (RecoverTextConfig, votes),
    .minimum = 1,
    .maximum = 100 },
  { .name = "scan-dpi",
    .type = RECTO_OPTION_INT,
    .default_value = "300",
    .blurb = "Resolution at which image-only pages are first drawn for OCR (a page whose text is "
             "then far from the size OCR reads best is drawn again at that size)",
    .offset = G_STRUCT_OFFSET (RecoverTextConfig, scan_dpi),
    .minimum = 100,
    .maximum = 600 },
  /* 100 million pixels: a page up to A1 (or A3 at 600 dpi) drawn at the scan resolution, about
   * 500 MB while it is drawn, well inside the default memory budget. */
  { .name = "max-megapixels",
    .type = RECTO_OPTION_INT,
    .default_value = "100",
    .blurb = "Most pixels, in millions, an image-only page may take drawn at scan-dpi; a larger "
             "page is not read by OCR, with a warning naming it",
    .offset = G_STRUCT_OFFSET (RecoverTextConfig, max_megapixels),
    .minimum = 1,
    .maximum = 400 },
  { .name = "min-certainty",
    .type = RECTO_OPTION_DOUBLE,
    .default_value = "0.6",
    .blurb = "Least certainty (0 to 1) of a character read by OCR, or from the document's good "
             "text, for it to be written as text; a glyph read less surely is kept as its code, "
             "marked as a gap",
    .offset = G_STRUCT_OFFSET (RecoverTextConfig, min_certainty),
    .minimum = 0,
    .maximum = 1 },
  { NULL },
};

/* Records the fonts the survey found nothing wrong with: their characters are valid, they
 * give no codes and no look-alikes. */
static void
record_good_fonts (RectoDocument *doc, const GArray *surveys)
{
  for (guint i = 0; i < surveys->len; i++)
    {
      const FontSurvey *survey = &g_array_index (surveys, FontSurvey, i);
      RectoFontCheck check = { .font = survey->font, .glyphs = survey->glyphs };
      if (survey->unmapped || survey->suspect || survey->redecoded || survey->symbols_read
          || survey->misread_layer
          || survey->glyphs == 0)
        continue;
      check.verdict = survey->symbols ? RECTO_FONT_UNKNOWN : RECTO_FONT_GOOD;
      check.method = survey->symbols
                         ? (char *) "A symbol font (dingbats, mathematics): its codes are kept as "
                                    "they are"
                         : g_strdup_printf ("Its characters are valid (%u of %u glyphs are codes, %u "
                                            "look-alike radicals read as ideographs, %u of %u "
                                            "pairs of ideographs out of common words); not "
                                            "compared with its glyphs",
                                            survey->codes, survey->glyphs, survey->lookalikes,
                                            survey->word_pairs, survey->han_pairs);
      check.recovered = survey->lookalikes;
      recto_document_add_font_check (doc, &check);
      if (!survey->symbols)
        g_free (check.method);
    }
}

/* How many fonts OCR is to read: the unmapped ones, and the suspect ones' rare characters. */
static guint
count_fonts_to_read (const GArray *surveys)
{
  guint n = 0;

  for (guint i = 0; i < surveys->len; i++)
    n += g_array_index (surveys, FontSurvey, i).unmapped || g_array_index (surveys, FontSurvey, i).suspect;
  return n;
}

/* Surveys the fonts of @doc; where one is to be read, first tells apart the subsets one font
 * name may stand for (each numbers its glyphs its own way), and surveys each on its own. Only
 * then: the source's font scan is not free, and a document with nothing to read needs none. */
static GArray *
survey_subsets (RectoDocument *doc)
{
  GArray *surveys = font_survey_run (doc);

  if (count_fonts_to_read (surveys) > 0 && recto_document_find_subsets (doc))
    {
      g_array_unref (surveys);
      surveys = font_survey_run (doc);
    }
  return surveys;
}

static gboolean
has_scanned_pages (RectoDocument *doc)
{
  for (guint p = 0; p < recto_document_get_n_pages (doc); p++)
    if (scanned_page_detect (recto_document_get_page (doc, p)))
      return TRUE;
  return FALSE;
}

/* Records the pages read from their images, and the glyphs drawn without text read where
 * they stand (@unasserted of them left gaps: read as a neighbour's letter, drawn-readings.h,
 * or not read at all): text that had no text layer. */
static void
record_read_images (RectoDocument *doc, const ScannedPagesReport *scanned, guint inserted,
                    guint unasserted)
{
  if (scanned->pages > 0)
    {
      g_autofree char *redrawn =
          scanned->redrawn == 0 ? g_strdup ("")
          : scanned->least_dpi == scanned->most_dpi
              ? g_strdup_printf ("; %u of them drawn again at %u dpi, where their type's capitals "
                                 "or ideographs stand about %u pixels tall",
                                 scanned->redrawn, scanned->least_dpi, SCANNED_BEST_GLYPH_PIXELS)
              : g_strdup_printf ("; %u of them drawn again at %u to %u dpi, where their type's "
                                 "capitals or ideographs stand about %u pixels tall",
                                 scanned->redrawn, scanned->least_dpi, scanned->most_dpi,
                                 SCANNED_BEST_GLYPH_PIXELS);
      g_autofree char *marks =
          scanned->marks == 0
              ? g_strdup ("")
              : g_strdup_printf ("; %u footnote marks, small raised digits, read again alone",
                                 scanned->marks);
      g_autofree char *drawn =
          scanned->drawn == 0
              ? g_strdup ("")
              : g_strdup_printf ("; %u symbols read in drawings (their ink a chart's rules or a "
                                 "picture's) not written",
                                 scanned->drawn);
      g_autofree char *method = g_strdup_printf (
          "%u pages drawn as images at %u dpi, read by OCR (%s)%s%s%s; symbols read less surely "
          "than %.2f left as gaps", scanned->pages, scanned->dpi, ocr_version (), redrawn, marks,
          drawn, scanned->min_certainty);
      RectoFontCheck check = { .verdict = RECTO_FONT_NO_TEXT_LAYER, .method = method,
                               .glyphs = scanned->glyphs,
                               .reread = scanned->glyphs - scanned->unasserted,
                               .unasserted = scanned->unasserted };
      recto_document_add_font_check (doc, &check);
    }
  if (inserted > 0)
    {
      RectoFontCheck check = { .verdict = RECTO_FONT_NO_TEXT_LAYER,
                               .method = (char *) "Glyphs drawn without text (codes Poppler reads "
                                                  "as a tab or line feed), read by OCR where they "
                                                  "stand; a reading that is the letter of "
                                                  "the decoded glyph beside it is not certain "
                                                  "(that glyph's symbol read twice, or a "
                                                  "double letter) and is left as a gap, as is "
                                                  "one OCR gave no symbol",
                               .glyphs = inserted, .reread = inserted - unasserted,
                               .unasserted = unasserted };
      recto_document_add_font_check (doc, &check);
    }
}

/* Records and says which lines drawn as images were read (image-lines.h). */
static void
record_image_lines (RectoStageContext *ctx, RectoDocument *doc, const ImageLinesReport *lines,
                    float min_certainty)
{
  g_autofree char *method = NULL, *named = NULL;
  RectoFontCheck check = { .verdict = RECTO_FONT_NO_TEXT_LAYER };

  if (lines->candidates > lines->lines)
    recto_stage_context_warn (ctx, "%u rows of images shaped like lines of text not read as text "
                              "(their ink not two tones, or OCR not sure of them): kept as images",
                              lines->candidates - lines->lines);
  if (lines->lines == 0)
    return;
  method = g_strdup_printf ("%u lines of text drawn as images on pages with a text layer, read "
                            "by OCR (%s); symbols read less surely than %.2f left as gaps",
                            lines->lines, ocr_version (), min_certainty);
  check.method = method;
  check.glyphs = lines->glyphs;
  check.reread = lines->glyphs - lines->unasserted;
  check.unasserted = lines->unasserted;
  recto_document_add_font_check (doc, &check);
  named = recto_page_list_describe (lines->pages);
  recto_stage_context_warn (ctx, "%u lines of text drawn as images read by OCR (%u glyphs; %s)",
                            lines->lines, lines->glyphs, named);
}

/* One warning per font found suspect, and the counts of what became of the glyphs. */
static void
report_checks (RectoStageContext *ctx, RectoDocument *doc, float min_certainty)
{
  RectoFontCheck total = { 0 };

  for (guint i = 0; i < recto_document_get_n_font_checks (doc); i++)
    {
      const RectoFontCheck *check = recto_document_get_font_check (doc, i);
      if (check->stage == NULL || !g_str_equal (check->stage, "recover-text"))
        continue;
      if (font_verdict_map_is_wrong (check->sampled, check->disagreed))
        recto_stage_context_warn (ctx, "font %s: text layer disagrees with its glyphs, %u of %u "
                                  "sampled codes", check->font, check->disagreed, check->sampled);
      total.recovered += check->recovered;
      total.redecoded += check->redecoded;
      total.reread += check->reread;
      total.replaced += check->replaced;
      total.unasserted += check->unasserted;
      total.from_context += check->from_context;
      total.from_shape += check->from_shape;
    }
  if (total.from_context > 0)
    recto_stage_context_warn (ctx, "%u glyphs recovered or replaced through codes read from the "
                              "document's good text (the same passage set in a font with a map)",
                              total.from_context);
  if (total.from_shape > 0)
    recto_stage_context_warn (ctx, "%u glyphs recovered or replaced through codes read from their "
                              "shape (matching the glyphs of one character of the fonts with a "
                              "good map)",
                              total.from_shape);
  if (total.recovered + total.redecoded + total.reread + total.replaced + total.unasserted > 0)
    recto_stage_context_warn (ctx, "glyphs recovered %u, re-decoded %u, re-read %u, replaced %u, "
                              "left unasserted %u (certainty below %.2f, or no reading)",
                              total.recovered, total.redecoded, total.reread, total.replaced,
                              total.unasserted, min_certainty);
}

/* One warning per unmapped font: what was found, and what became of it. */
static void
report_fonts (RectoStageContext *ctx, const GArray *surveys, const FontLearningReport *learning)
{
  for (guint i = 0; i < surveys->len; i++)
    {
      const FontSurvey *survey = &g_array_index (surveys, FontSurvey, i);
      if (survey->implausible)
        recto_stage_context_warn (ctx,
                                  "font %s: its map gives Chinese in which %u of %u pairs of "
                                  "ideographs are out of common words (real text: 10 %% or "
                                  "more); its glyphs are read to check it",
                                  survey->font, survey->word_pairs, survey->han_pairs);
      else if (survey->rare_cjk)
        recto_stage_context_warn (ctx,
                                  "font %s: %u of its %u CJK glyphs are rare characters (CJK "
                                  "Extension A, modifier letters), which a wrong map gives for "
                                  "common ones; its CJK glyphs are read to check them",
                                  survey->font, survey->rare, survey->cjk);
      else if (survey->numbered)
        recto_stage_context_warn (ctx,
                                  "font %s numbers its glyphs from 0x21 (its %u glyphs, on %u "
                                  "pages, give only the first printable ASCII codes, %u of them "
                                  "punctuation): read as codes, not characters",
                                  survey->font, survey->glyphs, survey->pages,
                                  survey->punctuation);
      else if (survey->unmapped)
        recto_stage_context_warn (ctx,
                                  "font %s has no usable Unicode map (%u of its %u glyphs, on %u "
                                  "pages, are codes, not characters)",
                                  survey->font, survey->codes, survey->glyphs, survey->pages);
    }
  if (learning != NULL && learning->rows > 0)
    recto_stage_context_warn (ctx,
                              "recovered %u glyphs through maps learned from OCR of %u of %u "
                              "rows (%u misread as a whole and left out; replaced %u), and %u "
                              "glyphs drawn without text; %u glyphs left without a character, "
                              "%u blank glyphs left as spaces",
                              learning->decoded, learning->rows_read, learning->rows,
                              learning->rows_misread,
                              learning->replaced, learning->inserted, learning->unresolved,
                              learning->blank);
}

/* Says what the check of text laid over scans found. */
static void
report_layer (RectoStageContext *ctx, const OcrLayerReport *layer)
{
  if (layer->misread)
    recto_stage_context_warn (ctx, "text laid over %u scanned page%s disagrees with OCR of "
                              "%s: %u of %u glyphs; %u replaced by surer readings",
                              layer->read, layer->read > 1 ? "s" : "",
                              layer->read > 1 ? "them" : "it", layer->disagreed, layer->paired,
                              layer->replaced);
  else if (layer->pages > 0)
    recto_stage_context_warn (ctx, "text laid over %u scanned page%s agrees with OCR of a "
                              "sample (%u of %u glyphs disagree): kept as it is",
                              layer->pages, layer->pages > 1 ? "s" : "",
                              layer->disagreed, layer->paired);
}

/* Says which image-only pages were too large to draw for OCR. */
static void
warn_too_large (RectoStageContext *ctx, const RectoPageList *pages,
                const RecoverTextConfig *config)
{
  g_autofree char *named = NULL;
  guint n;

  if (pages == NULL)
    return;
  n = recto_page_list_get_count (pages);
  named = recto_page_list_describe (pages);
  recto_stage_context_warn (ctx,
                            "%u image-only page%s not read by OCR, too large to draw: at %d "
                            "dpi each takes more than max-megapixels=%d million pixels (%s)",
                            n, n > 1 ? "s" : "", config->scan_dpi, config->max_megapixels, named);
}

static gboolean
recover_text_process (RectoStageContext *ctx, RectoDocument *doc, const void *config_data,
                      GError **error)
{
  const RecoverTextConfig *config = config_data;
  g_autoptr (GArray) surveys = survey_subsets (doc);
  guint redecoded = mojibake_run (doc, surveys, (float) config->min_certainty, ctx);
  guint lookalikes = font_learning_fix_lookalikes (doc, surveys);
  guint notdef = notdef_runs_mark (doc);
  guint symbols = symbol_codes_read (doc, surveys);
  gboolean unmapped = count_fonts_to_read (surveys) > 0;
  gboolean scans = has_scanned_pages (doc);
  gboolean layer = ocr_layer_present (doc);
  g_autoptr (GArray) image_lines = image_lines_find (doc);
  FontLearningOptions learning_options = { config->em_pixels, config->votes,
                                           (float) config->min_certainty };
  FontLearningReport learning = { 0 };
  ScannedPagesReport scanned = { 0 };
  OcrLayerReport layer_report = { 0 };
  ImageLinesReport lines_report = { 0 };
  guint64 max_pixels = (guint64) config->max_megapixels * 1000000;
  guint numbered, doubled = 0;
  g_autofree char *languages = NULL, *why = NULL;
  OcrPool pool;

  if (lookalikes > 0)
    recto_stage_context_warn (ctx, "%u glyphs given as radicals or compatibility ideographs "
                              "read as the ideographs they stand for", lookalikes);
  if (notdef > 0)
    recto_stage_context_warn (ctx, "%u glyphs in runs of one ideograph repeated, set narrower "
                              "than their font's ideographs (glyphs the font lacks, given a "
                              "character by its map): kept as codes, marked as gaps", notdef);
  if (symbols > 0)
    recto_stage_context_warn (ctx, "%u private-use codes of Wingdings fonts read as the symbols "
                              "of its chart, or kept as codes", symbols);
  if (!unmapped && !scans && !layer && image_lines == NULL)
    {
      record_good_fonts (doc, surveys);
      if (redecoded + notdef + symbols > 0)
        report_checks (ctx, doc, (float) config->min_certainty);
      return TRUE;
    }
  if (!recto_document_can_render (doc))
    {
      record_good_fonts (doc, surveys);
      report_fonts (ctx, surveys, NULL);
      if (unmapped)
        recto_stage_context_warn (ctx, "the source cannot draw its pages: %u glyphs are kept as "
                                  "codes, marked as gaps", unread_glyphs_mark_unmapped (doc, surveys));
      report_checks (ctx, doc, (float) config->min_certainty);
      return TRUE;
    }

  languages = ocr_languages_choose (doc, surveys, config->languages, config->tessdata,
                                    (guint) config->scan_dpi, max_pixels, &why);
  if (why != NULL)
    recto_stage_context_warn (ctx, "%s", why);
  ocr_pool_init (&pool, config->tessdata, languages);
  if (layer)
    ocr_layer_check (doc, surveys, &pool, (guint) config->scan_dpi, max_pixels,
                     (float) config->min_certainty, &layer_report);
  record_good_fonts (doc, surveys);
  if (unmapped)
    {
      font_learning_run (doc, surveys, &pool, &learning_options, &learning);
      doubled = drawn_readings_check (doc, surveys);
    }
  if (scans)
    scanned_pages_read (doc, &pool, (guint) config->scan_dpi, (guint) config->em_pixels,
                        max_pixels, (float) config->min_certainty, &scanned);
  if (image_lines != NULL)
    image_lines_read (doc, image_lines, &pool, (guint) config->em_pixels,
                      (float) config->min_certainty, &lines_report);
  if (pool.error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&pool.error));
      ocr_pool_clear (&pool);
      return FALSE;
    }
  ocr_pool_clear (&pool);
  report_fonts (ctx, surveys, &learning);
  if (doubled > 0)
    recto_stage_context_warn (ctx, "%u glyphs drawn without text read as the letter of the "
                              "decoded glyph beside them (its symbol read twice, where OCR "
                              "squeezes its boxes, or a double letter): not asserted, marked as "
                              "gaps", doubled);
  if ((numbered = unread_glyphs_mark_numbered (doc, surveys)) > 0)
    recto_stage_context_warn (ctx, "%u glyphs of fonts numbered from 0x21 not read by OCR (in "
                              "lines running down the page): kept as codes, marked as gaps",
                              numbered);
  report_layer (ctx, &layer_report);
  if (learning.unread > 0)
    recto_stage_context_warn (ctx, "%u glyphs drawn without text, their ink seen but given no "
                              "symbol by OCR: marked as gaps", learning.unread);
  record_read_images (doc, &scanned, learning.inserted, doubled + learning.unread);
  if (scanned.pages > 0)
    recto_stage_context_warn (ctx, "%u pages without a text layer read by OCR (%u glyphs)",
                              scanned.pages, scanned.glyphs);
  warn_too_large (ctx, scanned.too_large, config);
  record_image_lines (ctx, doc, &lines_report, (float) config->min_certainty);
  g_clear_pointer (&lines_report.pages, recto_page_list_free);
  g_clear_pointer (&scanned.too_large, recto_page_list_free);
  report_checks (ctx, doc, (float) config->min_certainty);
  return TRUE;
}

static const RectoStageInfo recover_text_info = {
  .abi_version = RECTO_STAGE_ABI_VERSION,
  .name = "recover-text",
  .summary = "Recovers text lost to fonts without a usable Unicode map (learning each font's "
             "map from OCR, and reading a code OCR could not read surely, or confused with a "
             "look-alike it also read, from the document's own good text where the characters "
             "around it match one passage of it) and reads with Tesseract image-only pages and "
             "lines of text drawn as images on pages with a text layer (a title set as a "
             "picture)",
  .version = RECTO_VERSION,
  .license = "LGPL-2.1-or-later",
  .kind = RECTO_STAGE_REPAIR,
  .options = recover_text_options,
  .config_size = sizeof (RecoverTextConfig),
  .process = recover_text_process,
};

RECTO_STAGE_DEFINE (recover_text_info)
