/* font-survey.c: see font-survey.h. */
#include "font-survey.h"

#include "han-words.h"

#include <string.h>

/* A fifth: a clean font may hold a dingbat in the private-use area or a wide Latin letter, but
 * in a font without a map nearly every glyph is a code. */
#define CODE_SHARE 0.2
#define MIN_CODES 2
/* Real Chinese has 10 % or more of its pairs of ideographs out of common words, a wrong map's
 * 1–2 % (han-words.h); fewer than 200 pairs (a few headings) say too little. */
#define MIN_WORD_SHARE 0.04
#define MIN_HAN_PAIRS 200
/* A font numbering its glyphs from 0x21 ("!\"#$…") shows it with four codes or more; real
 * text's ASCII punctuation is well under a quarter of its glyphs, a numbered font's codes
 * begin with fifteen punctuation marks, which its commonest glyphs take. */
#define MIN_NUMBERED_CODES 4
#define MIN_NUMBERED_PUNCTUATION 0.25
/* Real CJK text holds a rare character (CJK Extension A, a modifier letter) in a name now and
 * then, well under one in a hundred of its CJK glyphs; a map that gives glyph numbers as
 * characters gives them for a large share. */
#define RARE_CJK_SHARE 0.2

gboolean
font_survey_is_code (gunichar c, float width, float size)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_CONTROL:
    case G_UNICODE_PRIVATE_USE:
    case G_UNICODE_UNASSIGNED:
    case G_UNICODE_SURROGATE:
      return c != '\t';
    default:
      break;
    }
  if (c == 0xFFFD || (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE)
    return TRUE;
  /* A Latin letter or digit is at most about 0.9 em wide ("W", "M"); a glyph a full em wide
   * that says it is one is an ideograph's code. */
  return size > 0 && c < 0x2000 && !g_unichar_isspace (c) && width >= 0.97f * size;
}

gboolean
font_survey_is_lookalike (gunichar c, gunichar *ideograph)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gboolean lookalike_range = (c >= 0x2E80 && c <= 0x2FDF) /* radicals, Kangxi radicals */
                             || (c >= 0xF900 && c <= 0xFAFF) /* compatibility ideographs */
                             || (c >= 0x2F800 && c <= 0x2FA1F);

  if (!lookalike_range)
    return FALSE;
  /* NFKC: a Kangxi radical or compatibility ideograph reads as its unified ideograph. Radicals
   * supplement forms have no decomposition: they stay what they are. */
  if (g_unichar_fully_decompose (c, TRUE, decomposed, G_N_ELEMENTS (decomposed)) != 1
      || decomposed[0] == c)
    return FALSE;
  *ideograph = decomposed[0];
  return TRUE;
}

/* Whether @font is a symbol font, by its name (after any subset tag "ABCDEF+"). */
static gboolean
is_symbol_font (const char *font)
{
  static const char *const prefixes[] = {
    "wingdings", "webdings", "symbol", "zapfdingbats", "dingbats", "marlett", "mt extra",
    "mtextra", "bookshelf symbol", "cmex", "cmsy", "cmmi", "msam", "msbm", "advmath", "math",
  };
  const char *plus = strchr (font, '+');
  g_autofree char *name = g_ascii_strdown (plus != NULL && plus - font == 6 ? plus + 1 : font, -1);

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (name, prefixes[i]))
      return TRUE;
  return strstr (name, "symbol") != NULL || strstr (name, "math") != NULL;
}

/* How many codes from 0x21 up the font uses without a hole, if it uses no other printable
 * ASCII code and next to nothing beyond ASCII; 0 otherwise. */
static guint
numbered_codes (const FontSurvey *survey)
{
  guint n = 0;

  if (survey->glyphs == 0 || survey->non_ascii * 50 > survey->glyphs
      || survey->punctuation < MIN_NUMBERED_PUNCTUATION * survey->glyphs)
    return 0;
  while (0x21 + n < 0x7F && survey->ascii[(0x21 + n) / 32] & 1u << ((0x21 + n) % 32))
    n++;
  for (gunichar c = 0x21 + n; c < 0x7F; c++)
    if (survey->ascii[c / 32] & 1u << (c % 32))
      return 0;
  return n;
}

/* Marks the fonts that number their glyphs from 0x21: those with enough codes to show it, and
 * in a document that has one, those with fewer. */
static void
find_numbered (GArray *surveys)
{
  gboolean any = FALSE;

  for (guint i = 0; i < surveys->len; i++)
    any = any || numbered_codes (&g_array_index (surveys, FontSurvey, i)) >= MIN_NUMBERED_CODES;
  for (guint i = 0; i < surveys->len && any; i++)
    {
      FontSurvey *survey = &g_array_index (surveys, FontSurvey, i);
      survey->numbered = !survey->symbols && numbered_codes (survey) > 0;
    }
}

static FontSurvey *
survey_of (GArray *surveys, GHashTable *index, const char *font)
{
  gpointer position;

  if (g_hash_table_lookup_extended (index, font, NULL, &position))
    return &g_array_index (surveys, FontSurvey, GPOINTER_TO_UINT (position));
  g_array_append_val (surveys, ((FontSurvey){ .font = font }));
  g_hash_table_insert (index, (gpointer) font, GUINT_TO_POINTER (surveys->len - 1));
  return &g_array_index (surveys, FontSurvey, surveys->len - 1);
}

static void
survey_span (FontSurvey *survey, const RectoPage *page, const RectoSpan *span)
{
  const gunichar *chars = (const gunichar *) page->chars->data;
  const RectoBox *boxes = (const RectoBox *) page->boxes->data;
  gunichar ideograph, previous = 0;

  for (guint i = span->first; i < span->first + span->length; i++)
    {
      gunichar c = chars[i];
      if (c == ' ')
        continue;
      if (han_words_is_ideograph (c) && han_words_is_ideograph (previous))
        {
          survey->han_pairs++;
          survey->word_pairs += han_words_is_common_pair (previous, c);
        }
      previous = c;
      survey->glyphs++;
      if (c > 0x20 && c < 0x7F)
        {
          survey->ascii[c / 32] |= 1u << (c % 32);
          survey->punctuation += g_ascii_ispunct ((char) c);
        }
      else
        survey->non_ascii++;
      if (font_survey_is_code (c, boxes[i].x2 - boxes[i].x1, span->size))
        survey->codes++;
      else if (c >= 0x2E80 && font_survey_is_lookalike (c, &ideograph))
        survey->lookalikes++;
      else if (font_survey_is_rare (c))
        survey->rare++;
    }
}

/* Counts the CJK glyphs of the suspect fonts (of @index's surveys), and marks those whose rare
 * characters are many among them. A second pass, over their spans only: most documents have no
 * suspect font, and the survey's one pass stays all a clean document pays. */
static void
find_rare_cjk (RectoDocument *doc, GArray *surveys, GHashTable *index)
{
  for (guint p = 0; p < recto_document_get_n_pages (doc); p++)
    {
      const RectoPage *page = recto_document_get_page (doc, p);
      const gunichar *chars = (const gunichar *) page->chars->data;
      for (guint s = 0; s < page->spans->len; s++)
        {
          const RectoSpan *span = &g_array_index (page->spans, RectoSpan, s);
          gpointer at;
          FontSurvey *survey;
          if (span->subset == NULL
              || !g_hash_table_lookup_extended (index, span->subset, NULL, &at))
            continue;
          survey = &g_array_index (surveys, FontSurvey, GPOINTER_TO_UINT (at));
          for (guint i = span->first; survey->suspect && i < span->first + span->length; i++)
            survey->cjk += g_unichar_iswide (chars[i]) || font_survey_is_rare (chars[i]);
        }
    }
  for (guint i = 0; i < surveys->len; i++)
    {
      FontSurvey *survey = &g_array_index (surveys, FontSurvey, i);
      /* A Latin font's modifier letters ("ˆ", "˜") are all its CJK glyphs: it has no others. */
      survey->rare_cjk = survey->suspect && survey->cjk > survey->rare
                         && survey->rare >= RARE_CJK_SHARE * survey->cjk;
    }
}

GArray *
font_survey_run (RectoDocument *doc)
{
  GArray *surveys = g_array_new (FALSE, FALSE, sizeof (FontSurvey));
  g_autoptr (GHashTable) index = g_hash_table_new (NULL, NULL);
  g_autoptr (GHashTable) on_page = g_hash_table_new (NULL, NULL);
  gboolean any_suspect = FALSE;

  for (guint p = 0; p < recto_document_get_n_pages (doc); p++)
    {
      const RectoPage *page = recto_document_get_page (doc, p);
      g_hash_table_remove_all (on_page);
      for (guint s = 0; s < page->spans->len; s++)
        {
          const RectoSpan *span = &g_array_index (page->spans, RectoSpan, s);
          FontSurvey *survey;
          if (span->subset == NULL)
            continue;
          survey = survey_of (surveys, index, span->subset);
          survey_span (survey, page, span);
          if (g_hash_table_add (on_page, (gpointer) span->subset))
            survey->pages++;
        }
    }
  for (guint i = 0; i < surveys->len; i++)
    {
      FontSurvey *survey = &g_array_index (surveys, FontSurvey, i);
      survey->symbols = is_symbol_font (survey->font);
      survey->unmapped = !survey->symbols && survey->codes >= MIN_CODES
                         && survey->codes >= CODE_SHARE * survey->glyphs;
      survey->implausible = !survey->symbols && !survey->unmapped
                            && survey->han_pairs >= MIN_HAN_PAIRS
                            && survey->word_pairs < MIN_WORD_SHARE * survey->han_pairs;
      survey->unmapped = survey->unmapped || survey->implausible;
    }
  find_numbered (surveys);
  for (guint i = 0; i < surveys->len; i++)
    {
      FontSurvey *survey = &g_array_index (surveys, FontSurvey, i);
      survey->unmapped = survey->unmapped || survey->numbered;
      survey->suspect = !survey->symbols && !survey->unmapped && survey->rare > 0;
      any_suspect = any_suspect || survey->suspect;
    }
  if (any_suspect)
    find_rare_cjk (doc, surveys, index);
  return surveys;
}

gboolean
font_survey_is_rare (gunichar c)
{
  return (c >= 0x3400 && c <= 0x4DBF) || c >= 0x20000 || (c >= 0x02B0 && c <= 0x02FF);
}

gboolean
font_survey_checks (const FontSurvey *survey, gunichar c)
{
  return survey->suspect
         && (font_survey_is_rare (c) || (survey->rare_cjk && g_unichar_iswide (c)));
}

gboolean
font_survey_needs_reading (const GArray *surveys, const char *font, gunichar c)
{
  const FontSurvey *survey = font != NULL ? font_survey_find (surveys, font) : NULL;
  return survey != NULL && (survey->unmapped || font_survey_checks (survey, c));
}

const FontSurvey *
font_survey_find (const GArray *surveys, const char *font)
{
  for (guint i = 0; i < surveys->len; i++)
    if (g_array_index (surveys, FontSurvey, i).font == font)
      return &g_array_index (surveys, FontSurvey, i);
  return NULL;
}

gboolean
font_survey_is_unmapped (const GArray *surveys, const char *font)
{
  const FontSurvey *survey = font != NULL ? font_survey_find (surveys, font) : NULL;
  return survey != NULL && survey->unmapped;
}
