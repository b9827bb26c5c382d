/* context-readings.c: see context-readings.h. */
#include "context-readings.h"

#include "font-verdict.h"
#include "good-text.h"

/* Marks in the rows' sequence: a character not known (a doubtful code: any character of
 * the good text), and a row's end. */
#define UNKNOWN GOOD_TEXT_ANY
#define BREAK 0xFFFFFFFF
/* How many known characters beyond that length a context may reach on either side. */
#define EXTRA_KNOWN 4

/* One glyph of the rows' sequence (white space left out). */
typedef struct
{
  gunichar c; /* folded; UNKNOWN, or BREAK */
  int target; /* the doubtful code it is a place of (index in the targets), or -1 */
} Known;

/* A code whose character the context may give, and the votes of its places. */
typedef struct
{
  RectoGlyphMapping *mapping;
  const CodeVotes *votes; /* OCR's readings of it */
  gboolean asserted; /* its glyphs are written as the mapping's character (not gaps) */
  gboolean twin; /* another code of its font is read as its character too (has_twin()) */
  gunichar vote; /* the character its places agree on, 0 before any */
  double miss; /* Π (1 − certainty) of the places that voted */
  gboolean disagree;
} Target;

/* Whether OCR read @votes' code as more than one character: a look-alike it may have
 * confused. */
static gboolean
has_alternatives (const CodeVotes *votes)
{
  return votes != NULL && votes->candidates->len >= 2;
}

/* The index of @mapping in @targets, added when new; -1 without @targets. */
static int
target_of (GArray *targets, RectoGlyphMapping *mapping, const CodeVotes *votes, gboolean asserted)
{
  Target target = { mapping, votes, asserted, FALSE, 0, 1, FALSE };

  if (targets == NULL)
    return -1;
  for (guint t = 0; t < targets->len; t++)
    if (g_array_index (targets, Target, t).mapping == mapping)
      return (int) t;
  g_array_append_val (targets, target);
  return (int) targets->len - 1;
}

/* Whether another code of @font is read as @mapping's character as surely as the stage writes
 * one (twin-readings.h): a font draws a character with one glyph, so at most one of them is
 * right, and OCR's readings alone do not say which (GB/T 3620.1's note font reads "、" and "，"
 * both as ","). */
static gboolean
has_twin (const ElectedFont *font, const RectoGlyphMapping *mapping, float min_certainty)
{
  for (guint i = 0; i < font->mappings->len; i++)
    {
      const RectoGlyphMapping *other = &g_array_index (font->mappings, RectoGlyphMapping, i);
      if (other != mapping && other->character == mapping->character
          && other->certainty >= min_certainty && !other->from_context && !other->from_shape)
        return TRUE;
    }
  return FALSE;
}

/* Whether @font numbers its glyphs from 0x21 and OCR did not find the characters it gives good:
 * those it keeps are codes, left gaps (unread_glyphs_mark_numbered()). */
static gboolean
numbered_unconfirmed (const ElectedFont *font)
{
  return font->survey->numbered
         && !(font->check.sampled >= FONT_VERDICT_MIN_SAMPLED
              && !font_verdict_map_is_wrong (font->check.sampled, font->check.disagreed));
}

/* What glyph @i of @page, of an elected font, adds to the sequence; *@good is set when it is
 * a character the text layer gives validly, kept as it is. Returns FALSE for a glyph that is
 * white space. */
static gboolean
elected_glyph (ElectedFont *font, const RectoSpan *span, const RectoPage *page, guint i,
               float min_certainty, GArray *targets, Known *known, gboolean *good)
{
  gunichar code = g_array_index (page->chars, gunichar, i);
  const RectoBox *box = &g_array_index (page->boxes, RectoBox, i);
  const RectoGlyphMapping *mapping;
  const CodeVotes *votes;

  switch (learning_decode_glyph (font->survey, font->mappings, font->wrong, code, box->x2 - box->x1,
                                 span->size, &mapping))
    {
    case GLYPH_SPACE:
    case GLYPH_BLANK:
      return FALSE;
    case GLYPH_KEPT:
      if (!numbered_unconfirmed (font))
        {
          known->c = good_text_fold (code);
          *good = TRUE;
          return TRUE;
        }
      /* Its valid-looking characters are codes, which stay gaps (unread-glyphs.h). */
      if ((mapping = learning_find_mapping (font->mappings, code)) != NULL)
        known->target =
            target_of (targets, (RectoGlyphMapping *) mapping,
                       g_hash_table_lookup (font->codes, GUINT_TO_POINTER (code)), FALSE);
      return TRUE;
    case GLYPH_DECODED:
    case GLYPH_REPLACED:
      known->c = good_text_fold (mapping->character);
      votes = g_hash_table_lookup (font->codes, GUINT_TO_POINTER (code));
      if (has_twin (font, mapping, min_certainty))
        {
          known->target = target_of (targets, (RectoGlyphMapping *) mapping, votes, TRUE);
          if (targets != NULL)
            g_array_index (targets, Target, known->target).twin = TRUE;
        }
      else if (has_alternatives (votes))
        known->target = target_of (targets, (RectoGlyphMapping *) mapping, votes, TRUE);
      return TRUE;
    case GLYPH_GAP:
      if (mapping != NULL)
        known->target =
            target_of (targets, (RectoGlyphMapping *) mapping,
                       g_hash_table_lookup (font->codes, GUINT_TO_POINTER (code)), FALSE);
      return TRUE;
    }
  return TRUE;
}

/* What glyph @i of @page adds to the sequence (@known) and whether it is good text (@good);
 * with @targets, the doubtful codes it is a place of are added to them. Returns FALSE for a
 * glyph that is white space. */
static gboolean
glyph_known (const GArray *surveys, GArray *elected, float min_certainty, RectoPage *page, guint i,
             GArray *targets, Known *known, gboolean *good)
{
  gunichar c = g_array_index (page->chars, gunichar, i);
  int s = recto_page_find_span (page, i);
  const RectoSpan *span = s >= 0 ? &g_array_index (page->spans, RectoSpan, s) : NULL;
  ElectedFont *font = span != NULL ? learning_find_elected (elected, span->subset) : NULL;
  const RectoRecoveredGlyph *record = recto_page_get_recovered (page, i);

  *known = (Known){ UNKNOWN, -1 };
  *good = FALSE;
  if (span == NULL || g_unichar_isspace (c) || c == 0x3000)
    return FALSE;
  if (font != NULL)
    return elected_glyph (font, span, page, i, min_certainty, targets, known, good);
  if (record != NULL)
    known->c = record->certainty >= min_certainty ? good_text_fold (c) : UNKNOWN;
  else if (!font_survey_needs_reading (surveys, span->subset, c)
           && !font_survey_is_unmapped (surveys, span->subset))
    {
      known->c = good_text_fold (c);
      *good = TRUE;
    }
  return TRUE;
}

/* Reads the pages of @doc, in their glyphs' order, into @good: the characters the text layer
 * gives validly and recto keeps. */
static void
read_good_text (RectoDocument *doc, const GArray *surveys, GArray *elected, float min_certainty,
                GoodText *good)
{
  for (guint p = 0; p < recto_document_get_n_pages (doc); p++)
    {
      RectoPage *page = recto_document_get_page (doc, p);
      for (guint i = 0; i < page->chars->len; i++)
        {
          Known known;
          gboolean good_glyph;
          if (glyph_known (surveys, elected, min_certainty, page, i, NULL, &known, &good_glyph))
            good_text_add (good,
                           good_glyph ? g_array_index (page->chars, gunichar, i) : GOOD_TEXT_HOLE);
        }
      good_text_add (good, GOOD_TEXT_HOLE);
    }
}

/* Reads the @rows of unmapped fonts' glyphs (TextRow, each in its reading order) into
 * @sequence, each row ended by a BREAK, and the places of @targets. */
static void
read_rows (RectoDocument *doc, const GArray *surveys, const GArray *rows, GArray *elected,
           float min_certainty, GArray *sequence, GArray *targets)
{
  for (guint r = 0; r < rows->len; r++)
    {
      const TextRow *row = &g_array_index (rows, TextRow, r);
      RectoPage *page = recto_document_get_page (doc, row->page);
      for (guint k = 0; k < row->glyphs->len; k++)
        {
          Known known;
          gboolean good_glyph;
          if (glyph_known (surveys, elected, min_certainty, page,
                           g_array_index (row->glyphs, guint, k), targets, &known, &good_glyph))
            g_array_append_val (sequence, known);
        }
      g_array_append_val (sequence, ((Known){ BREAK, -1 }));
    }
}

/* The character @x gives a context around a place of @target: its own, or UNKNOWN where it is
 * unknown or another place of the same code (whose reading is what is in question). */
static gunichar
context_char (const Known *x, int target)
{
  return x->target == target ? UNKNOWN : x->c;
}

/* The positions of up to @most known characters of @sequence from @k outwards by @step, to
 * the row's end; returns how many. */
static guint
known_side (const GArray *sequence, guint k, int step, guint most, guint *positions)
{
  int target = g_array_index (sequence, Known, k).target;
  guint n = 0;

  for (gint64 j = (gint64) k + step; j >= 0 && j < sequence->len && n < most; j += step)
    {
      gunichar c = context_char (&g_array_index (sequence, Known, j), target);
      if (c == BREAK)
        break;
      if (c != UNKNOWN)
        positions[n++] = (guint) j;
    }
  return n;
}

/* The vote of the place @k of @sequence: the character of the longest context, known on both
 * sides and at least good->unique known characters long, whose passages of @good all give one
 * character, and its certainty. Returns FALSE when there is none. */
static gboolean
place_vote (const GoodText *good, const GArray *sequence, guint k, gunichar *c, double *certainty)
{
  guint most = good->unique + EXTRA_KNOWN;
  g_autofree guint *left = g_new (guint, most);
  g_autofree guint *right = g_new (guint, most);
  guint n_left = known_side (sequence, k, -1, most, left);
  guint n_right = known_side (sequence, k, 1, most, right);
  g_autofree gunichar *pattern = NULL;

  if (n_left == 0 || n_right == 0)
    return FALSE;
  pattern = g_new (gunichar, right[n_right - 1] - left[n_left - 1] + 1);
  for (guint total = n_left + n_right; total >= MAX (good->unique, 2); total--)
    for (guint a = MIN (n_left, total - 1); a >= 1 && total - a <= n_right; a--)
      {
        guint first = left[a - 1], n = right[total - a - 1] - first + 1;
        /* A lone character on one side checks the passage only where the other side alone
         * is as long as the document's unique contexts. */
        if (MIN (a, total - a) < 2 && MAX (a, total - a) < good->unique)
          continue;
        for (guint j = 0; j < n; j++)
          pattern[j] = context_char (&g_array_index (sequence, Known, first + j),
                                     g_array_index (sequence, Known, k).target);
        if (good_text_match (good, pattern, n, k - first, c) == 0)
          continue;
        /* The longest context that matches decides: where its passages disagree, shorter
         * ones would too. */
        if (*c == 0)
          return FALSE;
        *certainty = 1 / (1 + good_text_chance_matches (good, pattern, n));
        return TRUE;
      }
  return FALSE;
}

/* Whether OCR read @votes' code as @c (after folding) at least once. */
static gboolean
read_as (const CodeVotes *votes, gunichar c)
{
  for (guint i = 0; votes != NULL && i < votes->candidates->len; i++)
    if (good_text_fold (g_array_index (votes->candidates, Candidate, i).c) == good_text_fold (c))
      return TRUE;
  return FALSE;
}

/* Whether OCR's models (Chinese, English) read @c well: ideographs, Latin letters and digits.
 * A glyph of such a character that OCR read at all it read as that at least once; a Greek α
 * it cannot read but as something else ("o", "w"), and signs ("、", "—") it often misreads. */
static gboolean
ocr_reads_well (gunichar c)
{
  GUnicodeScript script = g_unichar_get_script (c);
  return g_unichar_isalnum (c)
         && (script == G_UNICODE_SCRIPT_HAN || script == G_UNICODE_SCRIPT_LATIN
             || script == G_UNICODE_SCRIPT_COMMON);
}

/* Gives @target's mapping the character its places agreed on, where it may (see the header). */
static void
apply (Target *target, float min_certainty)
{
  RectoGlyphMapping *mapping = target->mapping;
  float certainty = (float) (1 - target->miss);

  if (target->vote == 0 || target->disagree || certainty < min_certainty
      || (target->asserted && good_text_fold (target->vote) == good_text_fold (mapping->character)))
    return; /* the context confirms OCR: its form ("－" or "-") stays OCR's */
  /* A code OCR read surely keeps its reading unless OCR also saw the context's character and
   * is less sure of its own, or another code has its reading (a twin, as doubtful as a gap);
   * a code OCR read only doubtfully takes a character OCR reads well only where OCR read it
   * so at least once. */
  if (target->asserted && !target->twin
      && (!read_as (target->votes, target->vote) || certainty <= mapping->certainty))
    return;
  if ((!target->asserted || target->twin) && target->votes != NULL && target->votes->readings > 0
      && ocr_reads_well (target->vote) && !read_as (target->votes, target->vote))
    return;
  mapping->character = target->vote;
  mapping->certainty = certainty;
  mapping->from_context = TRUE;
}

void
context_readings_fill (RectoDocument *doc, const GArray *surveys, const GArray *rows,
                       GArray *elected, float min_certainty)
{
  g_autoptr (GArray) sequence = g_array_new (FALSE, FALSE, sizeof (Known));
  g_autoptr (GArray) targets = g_array_new (FALSE, FALSE, sizeof (Target));
  g_autoptr (GoodText) good = NULL;

  read_rows (doc, surveys, rows, elected, min_certainty, sequence, targets);
  if (targets->len == 0)
    return;
  good = good_text_new ();
  read_good_text (doc, surveys, elected, min_certainty, good);
  if (good->length == 0)
    return;
  good_text_measure (good);
  for (guint k = 0; k < sequence->len; k++)
    {
      const Known *known = &g_array_index (sequence, Known, k);
      Target *target;
      gunichar c;
      double certainty;
      if (known->target < 0 || !place_vote (good, sequence, k, &c, &certainty))
        continue;
      target = &g_array_index (targets, Target, known->target);
      target->disagree |= target->vote != 0 && target->vote != c;
      target->vote = c;
      target->miss *= 1 - certainty;
    }
  for (guint t = 0; t < targets->len; t++)
    apply (&g_array_index (targets, Target, t), min_certainty);
}
