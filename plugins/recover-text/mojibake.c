/* mojibake.c: see mojibake.h. */
#include "mojibake.h"

#include <string.h>

#include "legacy-bytes.h"

/* A font is a candidate when at least this share of its glyphs, and this many, are high bytes. */
#define MIN_HIGH_SHARE 0.5
#define MIN_HIGH 8
/* An encoding reads the font when this share of its high bytes decode, this share of them to
 * the encoding's common characters, and the text is plausible: this share of the characters
 * among the language's most frequent, or given by the document's other fonts too, or the font's
 * name says the encoding. */
#define MIN_VALID 0.95
#define MIN_COMMON 0.6
#define MIN_PLAUSIBLE 0.1
#define MIN_PAIRS 4

typedef struct
{
  guint high; /* high bytes */
  guint units; /* characters the high bytes make: pairs, singles, bad bytes */
  guint valid; /* of them, characters that decode */
  guint common; /* of them, the encoding's common characters */
  guint frequent; /* of them, among the language's most frequent */
  guint agreeing; /* of them, given by the document's other fonts too */
  guint pairs;
} Tally;

/* Walks the glyphs of @span in content order, decoding its high bytes; steps to @steps. */
static void
decode_span (LegacyDecoder *decoder, const RectoPage *page, const RectoSpan *span,
             GHashTable *others, Tally *tally, GArray *steps)
{
  const gunichar *chars = (const gunichar *) page->chars->data;
  guint end = span->first + span->length;

  for (guint i = span->first; i < end; i++)
    {
      LegacyReading step;
      if (!legacy_is_high (chars[i]))
        continue;
      step = legacy_read (decoder, i, chars[i], i + 1 < end ? chars[i + 1] : (gunichar) -1);
      tally->high++;
      tally->units++;
      if (step.pair)
        {
          tally->high += legacy_is_high (chars[i + 1]);
          tally->pairs++;
          i++;
        }
      if (step.c != 0)
        {
          tally->valid++;
          tally->common += step.pair && decoder->encoding->common (step.code);
          tally->frequent += g_utf8_strchr (decoder->encoding->frequent, -1, step.c) != NULL;
          tally->agreeing += others != NULL && g_hash_table_contains (others, GUINT_TO_POINTER (step.c));
        }
      if (steps != NULL)
        g_array_append_val (steps, step);
    }
}

/* Decodes every span of @font in @doc; steps of page p to steps[p] when @steps is given. */
static void
decode_font (LegacyDecoder *decoder, RectoDocument *doc, const char *font, GHashTable *others,
             Tally *tally, GPtrArray *steps)
{
  for (guint p = 0; p < recto_document_get_n_pages (doc); p++)
    {
      const RectoPage *page = recto_document_get_page (doc, p);
      for (guint s = 0; s < page->spans->len; s++)
        {
          const RectoSpan *span = &g_array_index (page->spans, RectoSpan, s);
          if (span->subset == font)
            decode_span (decoder, page, span, others, tally,
                         steps != NULL ? g_ptr_array_index (steps, p) : NULL);
        }
    }
}

/* The characters of East Asian scripts the fonts not under suspicion give. */
static GHashTable *
other_text (RectoDocument *doc, GHashTable *candidates)
{
  GHashTable *others = g_hash_table_new (NULL, NULL);

  for (guint p = 0; p < recto_document_get_n_pages (doc); p++)
    {
      const RectoPage *page = recto_document_get_page (doc, p);
      for (guint s = 0; s < page->spans->len; s++)
        {
          const RectoSpan *span = &g_array_index (page->spans, RectoSpan, s);
          if (g_hash_table_contains (candidates, span->subset))
            continue;
          for (guint i = span->first; i < span->first + span->length; i++)
            if (g_array_index (page->chars, gunichar, i) >= 0x3000)
              g_hash_table_add (others, GUINT_TO_POINTER (g_array_index (page->chars, gunichar, i)));
        }
    }
  return others;
}

/* Whether @font's name says @encoding: a hint in it, or its own bytes (a CJK name stored in
 * the encoding) decoding to ideographs or syllables. */
static gboolean
name_says (LegacyDecoder *decoder, const char *font)
{
  g_autofree char *lower = g_ascii_strdown (font, -1);
  const char *plus = strchr (lower, '+');
  const char *name = plus != NULL && plus - lower == 6 ? plus + 1 : lower;
  guint decoded = 0;

  for (guint i = 0; decoder->encoding->hints[i] != NULL; i++)
    if (strstr (name, decoder->encoding->hints[i]) != NULL)
      return TRUE;
  for (const guint8 *p = (const guint8 *) name; p[0] >= 0x80 && p[1] != 0; p += 2)
    {
      gunichar c = legacy_decode (decoder, ((guint) p[0] << 8) | p[1], 2);
      if (c < 0x3000)
        return FALSE;
      decoded++;
    }
  return decoded > 0;
}

/* How plausible @tally's reading is, or a negative number when the encoding cannot be the
 * font's. */
static double
plausibility (const Tally *tally, gboolean named)
{
  double units = MAX (tally->units, 1), valid = tally->valid / units;
  double common = tally->common / units, frequent = tally->frequent / units;
  double agreeing = tally->agreeing / units;

  if (tally->pairs < MIN_PAIRS || valid < MIN_VALID || common < MIN_COMMON
      || (MAX (frequent, agreeing) < MIN_PLAUSIBLE && !named))
    return -1;
  return common + frequent + 0.5 * agreeing + (named ? 0.25 : 0);
}

/* Rewrites @font's glyphs: each pair decoded surely enough one glyph, each single byte
 * decoded replaced, the rest left unasserted. Fills @check's counts and @map's mappings. */
static void
apply_steps (RectoDocument *doc, GPtrArray *steps, float certainty, float min_certainty,
             RectoFontCheck *check, GHashTable *map)
{
  for (guint p = 0; p < steps->len; p++)
    {
      GArray *page_steps = g_ptr_array_index (steps, p);
      RectoPage *page = recto_document_get_page (doc, p);
      /* From the end: a join moves the glyphs after it. */
      for (guint i = page_steps->len; i-- > 0;)
        {
          const LegacyReading *step = &g_array_index (page_steps, LegacyReading, i);
          float sure = certainty * step->certainty;
          RectoGlyphMapping *mapping;
          if (step->c == 0 || sure < min_certainty)
            {
              for (guint g = step->glyph; g <= step->glyph + (step->pair ? 1 : 0); g++)
                recto_page_mark_recovered (doc, page, g, g_array_index (page->chars, gunichar, g), 0);
              check->unasserted += step->pair ? 2 : 1;
              continue;
            }
          if (step->pair)
            recto_page_join_recovered (doc, page, step->glyph, step->c, step->code, sure);
          else
            {
              g_array_index (page->chars, gunichar, step->glyph) = step->c;
              recto_page_mark_recovered (doc, page, step->glyph, step->code, sure);
            }
          check->redecoded++;
          mapping = g_hash_table_lookup (map, GUINT_TO_POINTER (step->code));
          if (mapping == NULL)
            {
              mapping = g_new0 (RectoGlyphMapping, 1);
              *mapping = (RectoGlyphMapping){ step->code, step->c, sure, 0, 0 };
              g_hash_table_insert (map, GUINT_TO_POINTER (step->code), mapping);
            }
          mapping->occurrences++;
        }
    }
}

/* Decodes @survey's font in @encoding (@tally its reading), recording the check and the
 * decoding. */
static void
redecode (RectoDocument *doc, FontSurvey *survey, LegacyDecoder *decoder, const Tally *tally,
          float min_certainty, RectoStageContext *ctx)
{
  g_autoptr (GPtrArray) steps = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr (GHashTable) map = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr (GArray) mappings = g_array_new (FALSE, FALSE, sizeof (RectoGlyphMapping));
  float certainty = (float) tally->valid / (float) MAX (tally->units, 1);
  Tally again = { 0 };
  g_autofree char *method = g_strdup_printf (
      "Its text is %s bytes shown through a single-byte font: %u of its %u high bytes decode "
      "in pairs taken in content order, %.0f %% of its characters are the encoding's common "
      "ones, %.0f %% among the language's most frequent, %.0f %% given by the document's other "
      "fonts too%s; bytes that decode in no pair, or in several as well (a bullet stands for "
      "any of WinAnsi's unused codes), are left unasserted",
      decoder->encoding->name, tally->high - (tally->units - tally->valid), tally->high,
      100.0 * tally->common / tally->units, 100.0 * tally->frequent / tally->units,
      100.0 * tally->agreeing / tally->units,
      name_says (decoder, survey->font) ? ", and its name says so" : "");
  RectoFontCheck check = { .font = survey->font, .verdict = RECTO_FONT_MOJIBAKE,
                           .method = method, .glyphs = survey->glyphs };
  GHashTableIter iter;
  gpointer value;

  for (guint p = 0; p < recto_document_get_n_pages (doc); p++)
    g_ptr_array_add (steps, g_array_new (FALSE, FALSE, sizeof (LegacyReading)));
  decode_font (decoder, doc, survey->font, NULL, &again, steps);
  apply_steps (doc, steps, certainty, min_certainty, &check, map);
  g_hash_table_iter_init (&iter, map);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_array_append_val (mappings, *(RectoGlyphMapping *) value);
  recto_document_add_font_decoding (doc, survey->font, decoder->encoding->name, method,
                                    (const RectoGlyphMapping *) mappings->data, mappings->len);
  recto_document_add_font_check (doc, &check);
  survey->redecoded = TRUE;
  recto_stage_context_warn (ctx, "font %s: its text is %s shown through a single-byte font; %u "
                            "characters decoded again, %u bytes left unasserted",
                            survey->font, decoder->encoding->name, check.redecoded,
                            check.unasserted);
}

/* The fonts most of whose glyphs are high bytes (a set). */
static GHashTable *
find_candidates (RectoDocument *doc, GArray *surveys)
{
  GHashTable *candidates = g_hash_table_new (NULL, NULL);
  g_autofree guint *high = g_new0 (guint, surveys->len + 1);
  g_autoptr (GHashTable) index = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < surveys->len; i++)
    g_hash_table_insert (index, (gpointer) g_array_index (surveys, FontSurvey, i).font,
                         GUINT_TO_POINTER (i + 1));
  for (guint p = 0; p < recto_document_get_n_pages (doc); p++)
    {
      const RectoPage *page = recto_document_get_page (doc, p);
      for (guint s = 0; s < page->spans->len; s++)
        {
          const RectoSpan *span = &g_array_index (page->spans, RectoSpan, s);
          guint at = GPOINTER_TO_UINT (g_hash_table_lookup (index, span->subset));
          for (guint i = span->first; at > 0 && i < span->first + span->length; i++)
            high[at - 1] += legacy_is_high (g_array_index (page->chars, gunichar, i));
        }
    }
  for (guint i = 0; i < surveys->len; i++)
    {
      FontSurvey *survey = &g_array_index (surveys, FontSurvey, i);
      if (!survey->symbols && !survey->unmapped && high[i] >= MIN_HIGH
          && high[i] >= MIN_HIGH_SHARE * survey->glyphs)
        g_hash_table_add (candidates, (gpointer) survey->font);
    }
  return candidates;
}

guint
mojibake_run (RectoDocument *doc, GArray *surveys, float min_certainty, RectoStageContext *ctx)
{
  g_autoptr (GHashTable) candidates = find_candidates (doc, surveys);
  g_autoptr (GHashTable) others = NULL;
  g_autofree LegacyDecoder *decoders = NULL;
  guint decoded = 0, n_decoders = 0;

  if (g_hash_table_size (candidates) == 0)
    return 0;
  others = other_text (doc, candidates);
  decoders = g_new0 (LegacyDecoder, legacy_n_encodings);
  for (guint e = 0; e < legacy_n_encodings; e++)
    n_decoders += legacy_decoder_init (&decoders[n_decoders], &legacy_encodings[e]);
  /* In the surveys' order: the header lists the decodings in the order they are made. */
  for (guint i = 0; i < surveys->len; i++)
    {
      FontSurvey *survey = &g_array_index (surveys, FontSurvey, i);
      LegacyDecoder *best = NULL;
      Tally best_tally = { 0 };
      double best_score = 0;
      if (!g_hash_table_contains (candidates, survey->font))
        continue;
      for (guint d = 0; d < n_decoders; d++)
        {
          Tally tally = { 0 };
          double score;
          decode_font (&decoders[d], doc, survey->font, others, &tally, NULL);
          score = plausibility (&tally, name_says (&decoders[d], survey->font));
          if (score > best_score)
            {
              best = &decoders[d];
              best_tally = tally;
              best_score = score;
            }
        }
      if (best != NULL)
        {
          redecode (doc, survey, best, &best_tally, min_certainty, ctx);
          decoded++;
        }
    }
  for (guint d = 0; d < n_decoders; d++)
    legacy_decoder_clear (&decoders[d]);
  return decoded;
}
