/* shape-readings.c: see shape-readings.h. */
#include "shape-readings.h"

#include "font-verdict.h"
#include "good-text.h"
#include "han-words.h"
#include "shape-glyphs.h"
#include "twin-readings.h"

#include <math.h>

/* Fewer sure codes of a kind whose shapes gave OCR's character than this say too little of
 * how far the shapes of that kind are to be trusted. */
#define MIN_AGREED 8
/* The end of the Latin blocks (Basic Latin to Latin Extended-B). */
#define LATIN_END 0x250

/* How alike @target's glyphs are to @ref's. */
static float
match (const ShapeTarget *target, const ShapeReference *ref)
{
  return shape_match (target->shapes, target->n, ref->shapes, ref->n);
}

/* What the shapes say of a code: the character its glyphs are most like, how alike (value),
 * and by how much more than any other character (margin). */
typedef struct
{
  const ShapeReference *best;
  float value, margin;
} Reading;

static Reading
read_shape (const ShapeTarget *target, const GArray *references)
{
  Reading reading = { NULL, 0, 0 };
  float second = 0;

  for (guint r = 0; r < references->len; r++)
    {
      const ShapeReference *ref = &g_array_index (references, ShapeReference, r);
      float value = ref->n > 0 ? match (target, ref) : 0;
      if (value > reading.value)
        reading.value = value, reading.best = ref;
    }
  /* The nearest other character, in any face. */
  for (guint r = 0; reading.best != NULL && r < references->len; r++)
    {
      const ShapeReference *ref = &g_array_index (references, ShapeReference, r);
      if (ref->n > 0 && good_text_fold (ref->c) != good_text_fold (reading.best->c))
        second = MAX (second, match (target, ref));
    }
  reading.margin = reading.value - second;
  return reading;
}

/* Ideographs and other wide characters, or narrow ones: two kinds of shapes, judged apart. */
static guint
kind_of (gunichar c)
{
  return g_unichar_iswide (c) || g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN ? 1 : 0;
}

/* What the sure codes of one kind say of the shapes' readings of that kind. */
typedef struct
{
  GArray *agreed; /* Reading: the shapes gave OCR's character */
  GArray *disagreed; /* Reading: they gave another */
  float least_value, least_margin, near_identical; /* the bars (shape-readings.h) */
  float certainty; /* of a reading past the bars */
} Calibration;

static int
compare_values (gconstpointer a, gconstpointer b)
{
  float x = ((const Reading *) a)->value, y = ((const Reading *) b)->value;
  return (x > y) - (x < y);
}

/* Whether the shapes' character @c is the character @read OCR gave: the same after
 * compatibility folding ("Ⅰ" is "I"), case kept ("l" is not "L"). */
static gboolean
same_character (gunichar c, gunichar read)
{
  return good_text_fold (c) == good_text_fold (read);
}

/* Sets the bars of @calibration from its readings; FALSE when they are too few to judge. */
static gboolean
set_bars (Calibration *calibration)
{
  GArray *agreed = calibration->agreed;
  guint passed = 0, failed = 0;

  if (agreed->len < MIN_AGREED)
    return FALSE;
  g_array_sort (agreed, compare_values);
  calibration->least_value = g_array_index (agreed, Reading, agreed->len / 2).value;
  calibration->near_identical = g_array_index (agreed, Reading, agreed->len * 3 / 4).value;
  /* No sure code whose shapes gave another character may pass both bars. */
  calibration->least_margin = 0;
  for (guint i = 0; i < calibration->disagreed->len; i++)
    {
      const Reading *reading = &g_array_index (calibration->disagreed, Reading, i);
      if (reading->value >= calibration->least_value)
        calibration->least_margin =
            MAX (calibration->least_margin, nextafterf (reading->margin, 1));
    }
  /* Of the sure codes whose readings pass the bars, the share that agreed with OCR, one more
   * counted as not. */
  for (guint i = 0; i < agreed->len; i++)
    {
      const Reading *reading = &g_array_index (agreed, Reading, i);
      passed += reading->value >= calibration->least_value
                && reading->margin >= calibration->least_margin;
    }
  for (guint i = 0; i < calibration->disagreed->len; i++)
    {
      const Reading *reading = &g_array_index (calibration->disagreed, Reading, i);
      failed += reading->value >= calibration->least_value
                && reading->margin >= calibration->least_margin;
    }
  calibration->certainty = (float) passed / (passed + failed + 1);
  return TRUE;
}

/* Whether OCR read @target's glyphs as @c (after folding) at least once. */
static gboolean
read_as (const ShapeTarget *target, gunichar c)
{
  const CodeVotes *votes =
      g_hash_table_lookup (target->font->codes, GUINT_TO_POINTER (target->mapping->code));

  for (guint i = 0; votes != NULL && i < votes->candidates->len; i++)
    if (good_text_fold (g_array_index (votes->candidates, Candidate, i).c) == good_text_fold (c))
      return TRUE;
  return FALSE;
}

/* Gives @target the character of @reading, as the header says. */
static void
apply (ShapeTarget *target, const Reading *reading, const Calibration *calibration,
       const FontLearningOptions *options)
{
  RectoGlyphMapping *mapping = target->mapping;
  float min_certainty = options->min_certainty;
  /* OCR read it surely: as surely as min-certainty asks, as often as the votes option asks. */
  gboolean read = mapping->character != 0 && mapping->certainty >= min_certainty
                  && mapping->readings >= (guint) options->votes;
  float certainty = calibration->certainty;

  /* The nearest other character must be further from the glyph than the best is from being
   * the same drawing: within that, two characters are not told apart (l, I and 1 of a sans
   * face). */
  if (reading->value < calibration->least_value || reading->margin < calibration->least_margin
      || reading->margin <= 1 - reading->value || certainty < min_certainty)
    return;
  if (mapping->character != 0 && same_character (reading->best->c, mapping->character))
    {
      /* Confirmed: OCR's character, and its form ("－" or "-"), stay, surer. */
      mapping->certainty = 1 - (1 - mapping->certainty) * (1 - certainty);
      return;
    }
  if (read && reading->value < calibration->near_identical)
    return; /* OCR's reading stands against a shape not near-identical */
  /* A letter or digit OCR read stays against a Latin character (or ASCII sign) OCR did not
   * also read the glyph as: OCR's Latin model knows those and chose, while their shapes vary
   * between faces ("I" of one is "!" of another) and between the sizes fonts claim ("V" and
   * "v"). A sign its models lack (α, read "o") is the shape's. */
  if (mapping->character != 0 && g_unichar_isalnum (mapping->character)
      && reading->best->c < LATIN_END && !read_as (target, reading->best->c))
    return;
  mapping->character = reading->best->c;
  mapping->certainty = certainty;
  mapping->from_shape = TRUE;
}

/* Checks a sure ideograph of @target against its shape, as apply() does a doubtful code read
 * surely: OCR, which may read a look-alike the same way each time (铁 for 钛), is outvoted only
 * by a near-identical drawing of another ideograph. */
static void
check (ShapeTarget *target, const Reading *reading, const Calibration *calibration,
       const FontLearningOptions *options)
{
  RectoGlyphMapping *mapping = target->mapping;

  if (same_character (reading->best->c, mapping->character)
      || reading->value < calibration->near_identical || reading->margin < calibration->least_margin
      || reading->margin <= 1 - reading->value || calibration->certainty < options->min_certainty)
    return;
  mapping->character = reading->best->c;
  mapping->certainty = calibration->certainty;
  mapping->from_shape = TRUE;
}

void
shape_readings_fill (RectoDocument *doc, const GArray *surveys, const GArray *rows,
                     GArray *elected, const FontLearningOptions *options)
{
  g_autoptr (GArray) targets = g_array_new (FALSE, FALSE, sizeof (ShapeTarget));
  g_autoptr (GArray) references = g_array_new (FALSE, FALSE, sizeof (ShapeReference));
  g_autofree Reading *readings = NULL;
  g_autofree gunichar *read_as = NULL; /* OCR's character of each target, before twins settle */
  Calibration kinds[2];
  gboolean judged[2];

  for (guint k = 0; k < 2; k++)
    kinds[k] = (Calibration){ g_array_new (FALSE, FALSE, sizeof (Reading)),
                              g_array_new (FALSE, FALSE, sizeof (Reading)) };
  twin_readings_mark (elected, options->min_certainty);
  if (shape_glyphs_find (doc, surveys, rows, elected, options, targets, references) == 0)
    goto out;
  readings = g_new0 (Reading, targets->len);
  read_as = g_new0 (gunichar, targets->len);
  for (guint t = 0; t < targets->len; t++)
    {
      const ShapeTarget *target = &g_array_index (targets, ShapeTarget, t);
      Calibration *kind;
      read_as[t] = target->mapping->character;
      if (target->n == 0 || (readings[t] = read_shape (target, references)).best == NULL
          || !target->calibrates)
        continue;
      kind = &kinds[kind_of (readings[t].best->c)];
      g_array_append_val (same_character (readings[t].best->c, target->mapping->character)
                              ? kind->agreed
                              : kind->disagreed,
                          readings[t]);
    }
  for (guint k = 0; k < 2; k++)
    judged[k] = set_bars (&kinds[k]);
  twin_readings_settle (targets);
  for (guint t = 0; t < targets->len; t++)
    {
      ShapeTarget *target = &g_array_index (targets, ShapeTarget, t);
      guint kind = readings[t].best != NULL ? kind_of (readings[t].best->c) : 0;
      if (readings[t].best == NULL || !judged[kind])
        continue;
      /* A code that lost its character to its twin does not take it back by shape. */
      if (target->mapping->twin != 0 && target->mapping->character == 0
          && same_character (readings[t].best->c, read_as[t]))
        continue;
      if (!target->sure)
        apply (target, &readings[t], &kinds[kind], options);
      else if (han_words_is_ideograph (target->mapping->character)
               && han_words_is_ideograph (readings[t].best->c))
        check (target, &readings[t], &kinds[kind], options);
    }
out:
  twin_readings_unmark_kept (elected);
  for (guint k = 0; k < 2; k++)
    {
      g_array_unref (kinds[k].agreed);
      g_array_unref (kinds[k].disagreed);
    }
}
