/* font-learning-map.c: elects each code's character from its votes and records the learned map
 * and each font's check (the glyphs are decoded through it in font-learning-decode.c); also the
 * maps of look-alike characters (font-learning.h). */
#include "font-learning-private.h"
#include "brackets.h"
#include "confirm-readings.h"
#include "context-readings.h"
#include "shape-readings.h"
#include "font-verdict.h"

/* Whether OCR's @c is one of the characters a bar across the em is read as. */
gboolean
learning_is_bar (gunichar c)
{
  return c == 0x4E00 /* 一 */ || c == 0x2014 || c == 0x2015 || c == 0x2013 || c == '-'
         || c == 0xFF0D || c == 0x2500 || c == '_';
}

/* The ASCII form of a full-width character ("；" of ";"): OCR gives either for one glyph, and
 * the decoding sets the character in the width of the glyph's cell (font-learning-decode.c). */
static gunichar
ascii_form (gunichar c)
{
  return c >= 0xFF01 && c <= 0xFF5E ? c - 0xFEE0 : c;
}

/* The candidates of @votes, counted together where they are one character, so that the votes
 * of a code read both ways are not split: the readings @census says are misreadings of one
 * bracket (〈 of （) as that one, and the two widths of a character (";" and "；") as the
 * form read more. */
static GArray *
merged_candidates (const CodeVotes *votes, const BracketCensus *census)
{
  GArray *merged = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autoptr (GArray) lead = g_array_new (FALSE, FALSE, sizeof (float)); /* its form's weight */

  for (guint i = 0; i < votes->candidates->len; i++)
    {
      Candidate candidate = g_array_index (votes->candidates, Candidate, i);
      guint k = 0;
      candidate.c = bracket_census_fix (census, candidate.c);
      while (k < merged->len && g_array_index (merged, Candidate, k).c != candidate.c)
        k++;
      if (k == merged->len)
        g_array_append_val (merged, candidate);
      else
        {
          g_array_index (merged, Candidate, k).count += candidate.count;
          g_array_index (merged, Candidate, k).weight += candidate.weight;
        }
    }
  /* Each character's widths together, under the form with the more weight (ties: the smaller
   * code point, as elect() breaks them, whatever the reading order). */
  for (guint i = 0; i < merged->len; i++)
    g_array_append_val (lead, g_array_index (merged, Candidate, i).weight);
  for (guint i = 0; i < merged->len; i++)
    for (guint k = i + 1; k < merged->len; k++)
      {
        Candidate *a = &g_array_index (merged, Candidate, i);
        const Candidate *b = &g_array_index (merged, Candidate, k);
        float *lead_a = &g_array_index (lead, float, i), lead_b = g_array_index (lead, float, k);
        if (ascii_form (a->c) != ascii_form (b->c))
          continue;
        if (lead_b > *lead_a || (lead_b == *lead_a && b->c < a->c))
          a->c = b->c, *lead_a = lead_b;
        a->count += b->count;
        a->weight += b->weight;
        g_array_remove_index (merged, k);
        g_array_remove_index (lead, k);
        k--;
      }
  return merged;
}

/* A reading OCR gave once is trusted less than its confidence says. Of the 2,377 codes learned
 * on two pages of each of eight real documents whose body font lost its map (zh-Hans, zh-Hant,
 * ja), those read once with a confidence under 0.89 were wrong 12 times in 28, from 0.89 to
 * 0.97 14 in 80, over 0.97 9 in 897; those read twice or more 16 in 1,372. Read once, a code's
 * certainty is 1 - ONCE_DOUBT * (1 - confidence): under the stage's 0.6 below 0.89. */
#define ONCE_DOUBT 3.6f

/* The certainty of a sign read from its glyph's shape (glyph-shapes.h). */
#define SHAPE_CERTAINTY 0.9f

/* The winning character of @votes and how sure it is: its share of the vote weight, times its
 * mean confidence; read only once, ONCE_DOUBT's certainty if @doubt_once, else a little less
 * than its confidence. A code whose glyphs were mostly seen with no ink is a space (certainty
 * 1): what OCR aligned with it was its neighbours; one whose glyph is a wave is no bar, whatever
 * some readings say. */
static RectoGlyphMapping
elect (gunichar code, const CodeVotes *votes, const BracketCensus *census, gboolean doubt_once)
{
  RectoGlyphMapping mapping = { .code = code,
                                .occurrences = votes->occurrences,
                                .readings = votes->readings };
  g_autoptr (GArray) candidates = NULL;
  const Candidate *best = NULL;
  float total = 0, confidence;

  if (votes->blank > votes->readings)
    {
      mapping.character = ' ';
      mapping.certainty = 1;
      return mapping;
    }

  candidates = merged_candidates (votes, census);
  for (guint i = 0; i < candidates->len; i++)
    {
      const Candidate *candidate = &g_array_index (candidates, Candidate, i);
      if (votes->wave && learning_is_bar (candidate->c))
        continue; /* the glyph's shape says it is no bar */
      total += candidate->weight;
      /* Ties go to the smaller code point, so the result does not depend on reading order. */
      if (best == NULL || candidate->weight > best->weight
          || (candidate->weight == best->weight && candidate->c < best->c))
        best = candidate;
    }
  if (best != NULL && total > 0)
    {
      mapping.character = votes->dash != 0 && learning_is_bar (best->c) ? votes->dash : best->c;
      confidence = best->weight / best->count;
      if (best->count < 2)
        confidence = doubt_once ? MAX (0.0f, 1 - ONCE_DOUBT * (1 - confidence)) : 0.9f * confidence;
      mapping.certainty = (best->weight / total) * confidence;
    }
  if (votes->sign != 0)
    {
      /* Read from the glyph's shape, not from the votes, which misread it; as sure as the votes
       * where they read it too. */
      mapping.certainty = mapping.character == votes->sign ? MAX (mapping.certainty, SHAPE_CERTAINTY)
                                                           : SHAPE_CERTAINTY;
      mapping.character = votes->sign;
    }
  return mapping;
}

static int
compare_codes (gconstpointer a, gconstpointer b)
{
  gunichar x = *(const gunichar *) a, y = *(const gunichar *) b;
  return (x > y) - (x < y);
}

/* Samples the codes of a font that give valid-looking characters against their readings
 * (font-verdict.h); @mappings are the elected readings, certain ones only. */
static void
sample_agreement (const GArray *mappings, RectoFontCheck *check)
{
  for (guint i = 0; i < mappings->len; i++)
    {
      const RectoGlyphMapping *mapping = &g_array_index (mappings, RectoGlyphMapping, i);
      if (mapping->code == ' ' || font_survey_is_code (mapping->code, 0, 0)
          || mapping->character == 0 || mapping->character == ' ')
        continue;
      check->sampled++;
      check->disagreed += !font_verdict_agrees (mapping->code, mapping->character);
    }
}

/* Whether each code of a font of few codes (a symbol font drawn for one sign, the range tilde
 * of a table) disagrees with its reading, read as often as font_verdict_map_is_wrong() wants
 * codes compared: such a font cannot show that many codes, and its one code is no character. */
static gboolean
every_code_disagrees (const GArray *mappings, const RectoFontCheck *check)
{
  guint readings = 0;

  if (check->sampled == 0 || check->disagreed < check->sampled)
    return FALSE;
  for (guint i = 0; i < mappings->len; i++)
    {
      const RectoGlyphMapping *mapping = &g_array_index (mappings, RectoGlyphMapping, i);
      if (mapping->code != ' ')
        readings += mapping->readings;
    }
  return readings >= FONT_VERDICT_MIN_SAMPLED;
}

/* The brackets the codes of @mappings are read as (brackets.h). */
static BracketCensus
census_of (const GArray *mappings)
{
  BracketCensus census = { 0 };

  for (guint i = 0; i < mappings->len; i++)
    bracket_census_add (&census, g_array_index (mappings, RectoGlyphMapping, i).character);
  return census;
}

void
learning_elect_codes (GHashTable *codes, gboolean doubt_once, GArray *mappings)
{
  g_autoptr (GArray) keys = g_array_new (FALSE, FALSE, sizeof (gunichar));
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, codes);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_array_append_val (keys, ((gunichar){ GPOINTER_TO_UINT (key) }));
  /* Sorted: the map's order must not depend on the hash table's. */
  g_array_sort (keys, compare_codes);
  /* Brackets come in pairs: which brackets the codes are read as, elected each on its own,
   * says which are misreadings (brackets.h); then each code is elected again, its readings of
   * one bracket counted together. */
  for (guint pass = 0; pass < 2; pass++)
    {
      BracketCensus census = pass > 0 ? census_of (mappings) : (BracketCensus){ 0 };
      g_array_set_size (mappings, 0);
      for (guint i = 0; i < keys->len; i++)
        {
          gunichar code = g_array_index (keys, gunichar, i);
          RectoGlyphMapping mapping =
              elect (code, g_hash_table_lookup (codes, GUINT_TO_POINTER (code)), &census,
                     doubt_once);
          g_array_append_val (mappings, mapping);
        }
    }
}

gboolean
learning_held_elsewhere (const GArray *mappings, guint self, gunichar c, float min_certainty,
                         guint min_readings)
{
  for (guint i = 0; i < mappings->len; i++)
    {
      const RectoGlyphMapping *other = &g_array_index (mappings, RectoGlyphMapping, i);
      if (i != self && other->character == c && c != 0 && other->code != c
          && other->certainty >= min_certainty && other->readings >= min_readings)
        return TRUE;
    }
  return FALSE;
}

/* How many of @votes' readings gave @c, after @census's fixes and width merging (as elect()
 * counts them). */
static guint
readings_of (const CodeVotes *votes, const BracketCensus *census, gunichar c)
{
  g_autoptr (GArray) candidates = merged_candidates (votes, census);

  for (guint i = 0; i < candidates->len; i++)
    if (g_array_index (candidates, Candidate, i).c == c)
      return g_array_index (candidates, Candidate, i).count;
  return 0;
}

void
learning_elect_unheld (GHashTable *codes, gboolean doubt_once, float min_certainty,
                       GArray *mappings)
{
  BracketCensus census = census_of (mappings);
  /* Held as first elected: a code elected again holds nothing for the others. */
  g_autoptr (GArray) first = g_array_copy (mappings);

  for (guint i = 0; i < mappings->len; i++)
    {
      RectoGlyphMapping *mapping = &g_array_index (mappings, RectoGlyphMapping, i);
      const CodeVotes *votes = g_hash_table_lookup (codes, GUINT_TO_POINTER (mapping->code));
      g_autoptr (GArray) unheld = NULL;
      CodeVotes rest;
      RectoGlyphMapping again;
      if (mapping->character == 0 || mapping->certainty >= min_certainty || votes == NULL)
        continue;
      unheld = g_array_new (FALSE, FALSE, sizeof (Candidate));
      for (guint k = 0; k < votes->candidates->len; k++)
        {
          const Candidate *candidate = &g_array_index (votes->candidates, Candidate, k);
          if (!learning_held_elsewhere (first, i, bracket_census_fix (&census, candidate->c),
                                        HELD_CERTAINTY, 2))
            g_array_append_val (unheld, *candidate);
        }
      if (unheld->len == 0 || unheld->len == votes->candidates->len)
        continue;
      rest = *votes;
      rest.candidates = unheld;
      again = elect (mapping->code, &rest, &census, doubt_once);
      /* What is left must be a reading of its own, not a stray one: twice at least, and a third
       * of all (a "：" read "：" 3 times, "，" and "；" once each, is not a "；" where another
       * code holds "：" too). */
      if (again.certainty >= min_certainty
          && 3 * readings_of (&rest, &census, again.character) >= MAX (votes->readings, 6))
        *mapping = again;
    }
}

/* Elects each code's reading of @survey's font. A suspect font's code has the character its
 * map gives, which OCR's reading must beat (confirm-readings.h): ONCE_DOUBT, measured where the
 * reading is all there is, is not its measure. */
static void
elect_all (Learning *learning, const FontSurvey *survey, GHashTable *codes, GArray *mappings)
{
  learning_elect_codes (codes, !survey->suspect, mappings);
  learning_elect_unheld (codes, !survey->suspect, learning->options->min_certainty, mappings);
}

/* Readings of @mappings below the wanted certainty are not asserted. */
static void
withhold_uncertain (Learning *learning, GArray *mappings)
{
  for (guint i = 0; i < mappings->len; i++)
    {
      RectoGlyphMapping *mapping = &g_array_index (mappings, RectoGlyphMapping, i);
      if (mapping->character != 0 && mapping->certainty < learning->options->min_certainty)
        mapping->character = 0; /* its certainty stays, for the header's note */
    }
}

/* Whether @survey's font, numbered from 0x21, has too few codes read to be judged alone, and each
 * of them reads as a figure its code is not ("!" read as the "1" of a table's title, set in a
 * font of its own): in a document whose numbered fonts have wrong maps, such codes are no
 * characters. Figures only: OCR reads them well, while the other signs of such fonts are often
 * ones its models lack (α, read "o" or "w" however often it is read again). */
static gboolean
few_numbered_figures_disagree (const Learning *learning, const FontSurvey *survey,
                               const GArray *mappings, const RectoFontCheck *check)
{
  if (!survey->numbered || !learning->numbered_wrong || check->sampled == 0
      || check->sampled >= FONT_VERDICT_MIN_SAMPLED || check->disagreed < check->sampled)
    return FALSE;
  for (guint i = 0; i < mappings->len; i++)
    {
      gunichar c = g_array_index (mappings, RectoGlyphMapping, i).character;
      if (c != 0 && c != ' ' && !g_unichar_isdigit (c))
        return FALSE;
    }
  return TRUE;
}

gboolean
learning_numbered_fonts_wrong (Learning *learning)
{
  g_autoptr (GArray) mappings = g_array_new (FALSE, FALSE, sizeof (RectoGlyphMapping));
  guint judged = 0, wrong = 0;

  for (guint i = 0; i < learning->surveys->len; i++)
    {
      const FontSurvey *survey = &g_array_index (learning->surveys, FontSurvey, i);
      GHashTable *codes = g_hash_table_lookup (learning->votes, survey->font);
      RectoFontCheck check = { 0 };
      if (!survey->numbered || codes == NULL)
        continue;
      elect_all (learning, survey, codes, mappings);
      withhold_uncertain (learning, mappings);
      sample_agreement (mappings, &check);
      if (check.sampled < FONT_VERDICT_MIN_SAMPLED)
        continue;
      judged++;
      wrong += font_verdict_map_is_wrong (check.sampled, check.disagreed);
    }
  return 2 * wrong > judged;
}

void
learning_elect_font (Learning *learning, const FontSurvey *survey, GHashTable *codes,
                     ElectedFont *font)
{
  *font = (ElectedFont){ .survey = survey,
                         .codes = codes,
                         .mappings = g_array_new (FALSE, FALSE, sizeof (RectoGlyphMapping)),
                         .check = { .font = survey->font, .glyphs = survey->glyphs } };
  elect_all (learning, survey, codes, font->mappings);
  if (!survey->suspect)
    font->confirmed = confirm_doubtful_readings (learning, survey, font->mappings);
  withhold_uncertain (learning, font->mappings);
  if (survey->suspect)
    confirm_readings (learning, survey, font->mappings);
  else
    confirm_lone_readings (learning, survey, font->mappings);
  sample_agreement (font->mappings, &font->check);
  /* A suspect font's rare characters alone were read: they say nothing of the others. */
  font->wrong = survey->unmapped
                && (font_verdict_map_is_wrong (font->check.sampled, font->check.disagreed)
                    || every_code_disagrees (font->mappings, &font->check)
                    || few_numbered_figures_disagree (learning, survey, font->mappings,
                                                      &font->check));
}

void
learning_record_map (Learning *learning, ElectedFont *font, FontLearningReport *report)
{
  const FontSurvey *survey = font->survey;
  GArray *mappings = font->mappings;
  g_autofree char *method = NULL;
  g_autofree char *context = NULL;
  g_autofree char *shape = NULL;
  g_autofree char *confirmed = NULL;
  RectoFontCheck check = font->check;
  guint learned = 0, uncertain = 0, blank = 0, from_context = 0, from_shape = 0;
  gboolean wrong = font->wrong;

  for (guint i = 0; i < mappings->len; i++)
    {
      const RectoGlyphMapping *mapping = &g_array_index (mappings, RectoGlyphMapping, i);
      learned += mapping->character != 0;
      uncertain += mapping->character == 0 && mapping->certainty > 0;
      from_context += mapping->from_context;
      from_shape += mapping->from_shape;
    }
  /* Nearly all its glyphs codes: it has no map at all, whatever the few others say. */
  check.verdict = wrong && survey->codes * 10 < survey->glyphs * 9 ? RECTO_FONT_WRONG_MAP
                                                                   : RECTO_FONT_MISSING_MAP;
  context = from_context > 0
                ? g_strdup_printf ("; %u codes read from the document's good text (%s)",
                                   from_context, CONTEXT_READINGS_METHOD)
                : g_strdup ("");
  confirmed = font->confirmed > 0
                  ? g_strdup_printf ("; %u codes the rows read unsurely asserted where their "
                                     "glyph read alone and their row read again at %u pixels "
                                     "an em agreed",
                                     font->confirmed, CONFIRM_EM_PIXELS)
                  : g_strdup ("");
  shape = from_shape > 0 ? g_strdup_printf ("; %u codes read from their glyphs' shape (%s)",
                                            from_shape, SHAPE_READINGS_METHOD)
                         : g_strdup ("");
  method =
      survey->suspect
          ? g_strdup_printf (
              "%s read by OCR: %u of %u such codes read surely enough (%s, %s); a character is "
              "replaced only by a certain reading that disagrees with it, confirmed by a second%s%s",
              survey->rare_cjk ? "CJK characters (its rare ones, CJK Extension A, modifier "
                                 "letters…, are many)"
                               : "Rare characters (CJK Extension A, modifier letters…)",
              learned, mappings->len, ocr_version (), learning->pool->languages, context, shape)
          : g_strdup_printf (
              "%s: %u of %u glyph codes learned by a confidence-weighted vote over OCR readings "
              "(%s, "
              "%s) of %u of the %u text rows holding the font%s; %u codes read less surely than "
              "%.2f left without a character%s%s",
              check.verdict == RECTO_FONT_WRONG_MAP
                  ? "Wrong Unicode map (its characters disagree with its glyphs)"
              : wrong ? "No usable Unicode map (its codes and the few characters it gives disagree "
                        "with its glyphs)"
                      : "No usable Unicode map",
              learned, mappings->len, ocr_version (), learning->pool->languages, report->rows_read,
              report->rows, confirmed, uncertain,
              learning->options->min_certainty, context, shape);
  recto_document_add_font_map (learning->doc, survey->font, method,
                               (const RectoGlyphMapping *) mappings->data, mappings->len);
  learning_decode_font (learning, font,
                        recto_document_get_font_map (learning->doc,
                                                     recto_document_get_n_font_maps (learning->doc) - 1),
                        &check, &blank);
  if (survey->suspect)
    check.verdict = check.replaced > 0 ? RECTO_FONT_WRONG_MAP : RECTO_FONT_GOOD;
  check.method = g_strdup_printf ("%s. Decoded through the learned map: %s.", method,
                                  wrong ? "every glyph"
                                        : "the glyphs that carry codes; the "
                                          "characters it gives validly are kept");
  recto_document_add_font_check (learning->doc, &check);
  g_free (check.method);
  report->decoded += check.recovered;
  report->replaced += check.replaced;
  report->unresolved += check.unasserted;
  report->blank += blank;
  report->from_context += check.from_context;
}

guint
font_learning_fix_lookalikes (RectoDocument *doc, const GArray *surveys)
{
  guint changed = 0;

  for (guint f = 0; f < surveys->len; f++)
    {
      const FontSurvey *survey = &g_array_index (surveys, FontSurvey, f);
      g_autoptr (GHashTable) seen = NULL; /* code → its position in mappings, plus one */
      g_autoptr (GArray) mappings = NULL;
      if (survey->unmapped || survey->lookalikes == 0)
        continue;
      seen = g_hash_table_new (NULL, NULL);
      mappings = g_array_new (FALSE, FALSE, sizeof (RectoGlyphMapping));
      for (guint p = 0; p < recto_document_get_n_pages (doc); p++)
        {
          RectoPage *page = recto_document_get_page (doc, p);
          gunichar *chars = (gunichar *) page->chars->data;
          for (guint s = 0; s < page->spans->len; s++)
            {
              const RectoSpan *span = &g_array_index (page->spans, RectoSpan, s);
              gunichar ideograph;
              if (span->subset != survey->font)
                continue;
              for (guint i = span->first; i < span->first + span->length; i++)
                {
                  gunichar code = chars[i];
                  if (code < 0x2E80 || !font_survey_is_lookalike (code, &ideograph))
                    continue;
                  guint position =
                      GPOINTER_TO_UINT (g_hash_table_lookup (seen, GUINT_TO_POINTER (code)));
                  chars[i] = ideograph;
                  /* A look-alike's reading is fixed by Unicode, not guessed. */
                  recto_page_mark_recovered (doc, page, i, code, 0.95f);
                  changed++;
                  if (position == 0)
                    {
                      g_array_append_val (mappings,
                                          ((RectoGlyphMapping){ code, ideograph, 0.95f }));
                      position = mappings->len;
                      g_hash_table_insert (seen, GUINT_TO_POINTER (code),
                                           GUINT_TO_POINTER (position));
                    }
                  g_array_index (mappings, RectoGlyphMapping, position - 1).occurrences++;
                }
            }
        }
      recto_document_add_font_map (doc, survey->font,
                                   "Radicals and compatibility ideographs given for unified "
                                   "ideographs (a broken map): read as the ideographs they stand "
                                   "for (Unicode compatibility decomposition)",
                                   (const RectoGlyphMapping *) mappings->data, mappings->len);
    }
  return changed;
}
