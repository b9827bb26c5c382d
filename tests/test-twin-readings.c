/* test-twin-readings.c: two codes of one learned font read as one character
 * (plugins/recover-text/twin-readings.h), on fonts and glyph shapes made in memory. */
#include "twin-readings.h"

#include <string.h>

#define MIN_CERTAINTY 0.6f

/* A drawing: a vertical bar down the grid's middle, with a foot along its bottom or without. */
static void
draw (Shape *shape, gboolean foot)
{
  memset (shape, 0, sizeof *shape);
  shape->w = foot ? 0.45f : 0.1f;
  shape->h = 0.7f;
  for (guint y = 0; y < GRID; y++)
    for (guint x = 0; x < GRID; x++)
      if ((x >= 10 && x < 14) || (foot && y >= GRID - 4 && x >= 10))
        shape->ink[y * GRID + x] = 255;
}

/* A font of @n codes from 0x21, with their characters, readings and certainties. */
static ElectedFont
font_of (guint n, const gunichar *chars, const guint *readings, const float *certainties)
{
  ElectedFont font = { .mappings = g_array_new (FALSE, TRUE, sizeof (RectoGlyphMapping)) };

  for (guint i = 0; i < n; i++)
    {
      RectoGlyphMapping mapping = { 0x21 + i, chars[i], certainties[i], readings[i], readings[i] };
      g_array_append_val (font.mappings, mapping);
    }
  return font;
}

static RectoGlyphMapping *
mapping_of (GArray *elected, guint i)
{
  return &g_array_index (g_array_index (elected, ElectedFont, 0).mappings, RectoGlyphMapping, i);
}

/* Marks, draws code i with a foot where @feet[i] (not at all where @drawn says no), settles and
 * unmarks the kept, as shape-readings.c does. */
static void
settle (GArray *elected, const gboolean *feet, const gboolean *drawn)
{
  GArray *mappings = g_array_index (elected, ElectedFont, 0).mappings;
  g_autoptr (GArray) targets = g_array_new (FALSE, TRUE, sizeof (ShapeTarget));

  twin_readings_mark (elected, MIN_CERTAINTY);
  for (guint i = 0; i < mappings->len; i++)
    {
      ShapeTarget target = { &g_array_index (elected, ElectedFont, 0), mapping_of (elected, i) };
      target.n = drawn == NULL || drawn[i] ? 1 : 0;
      draw (&target.shapes[0], feet[i]);
      g_array_append_val (targets, target);
    }
  twin_readings_settle (targets);
  twin_readings_unmark_kept (elected);
}

static GArray *
elected_of (ElectedFont font)
{
  GArray *elected = g_array_new (FALSE, FALSE, sizeof (ElectedFont));
  g_array_append_val (elected, font);
  return elected;
}

static void
free_elected (GArray *elected)
{
  g_array_unref (g_array_index (elected, ElectedFont, 0).mappings);
  g_array_unref (elected);
}

/* GB/T 3620.1: "l" of "Al" read 14 times, the "L" of "ELI" read "l" 4 times; "5" alone. The
 * L loses its reading, naming the l; the l and the 5 keep theirs. */
static void
test_drawn_otherwise (void)
{
  const gunichar chars[] = { 'l', 'l', '5' };
  const guint readings[] = { 14, 4, 9 };
  const float certainties[] = { 0.95f, 0.99f, 0.98f };
  const gboolean feet[] = { FALSE, TRUE, FALSE };
  GArray *elected = elected_of (font_of (3, chars, readings, certainties));

  g_assert_cmpuint (twin_readings_mark (elected, MIN_CERTAINTY), ==, 2);
  g_assert_cmpuint (mapping_of (elected, 2)->twin, ==, 0);
  settle (elected, feet, NULL);
  g_assert_cmpuint (mapping_of (elected, 0)->character, ==, 'l');
  g_assert_cmpuint (mapping_of (elected, 0)->twin, ==, 0);
  g_assert_cmpuint (mapping_of (elected, 1)->character, ==, 0);
  g_assert_cmpuint (mapping_of (elected, 1)->twin, ==, 0x21);
  g_assert_cmpuint (mapping_of (elected, 2)->character, ==, '5');
  free_elected (elected);
}

/* One glyph under two codes: drawn alike, both keep the character. */
static void
test_drawn_alike (void)
{
  const gunichar chars[] = { 'l', 'l' };
  const guint readings[] = { 14, 4 };
  const float certainties[] = { 0.95f, 0.99f };
  const gboolean feet[] = { FALSE, FALSE };
  GArray *elected = elected_of (font_of (2, chars, readings, certainties));

  settle (elected, feet, NULL);
  for (guint i = 0; i < 2; i++)
    {
      g_assert_cmpuint (mapping_of (elected, i)->character, ==, 'l');
      g_assert_cmpuint (mapping_of (elected, i)->twin, ==, 0);
    }
  free_elected (elected);
}

/* Two readings about as well supported (GB/T 3620.1's "9" and the "O" read "9"): neither is
 * written, each naming the other. */
static void
test_about_as_supported (void)
{
  const gunichar chars[] = { '9', '9' };
  const guint readings[] = { 2, 2 };
  const float certainties[] = { 0.96f, 0.955f };
  const gboolean feet[] = { FALSE, TRUE };
  GArray *elected = elected_of (font_of (2, chars, readings, certainties));

  settle (elected, feet, NULL);
  g_assert_cmpuint (mapping_of (elected, 0)->character, ==, 0);
  g_assert_cmpuint (mapping_of (elected, 0)->twin, ==, 0x22);
  g_assert_cmpuint (mapping_of (elected, 1)->character, ==, 0);
  g_assert_cmpuint (mapping_of (elected, 1)->twin, ==, 0x21);
  free_elected (elected);
}

/* A twin whose glyphs were not drawn, and a reading below min-certainty (not written anyway):
 * nothing says a written reading is wrong, it stays. */
static void
test_unseen_and_unasserted (void)
{
  const gunichar chars[] = { 'l', 'l', 'P', 'P' };
  const guint readings[] = { 14, 4, 5, 1 };
  const float certainties[] = { 0.95f, 0.99f, 0.98f, 0.4f };
  const gboolean feet[] = { FALSE, TRUE, FALSE, TRUE };
  const gboolean drawn[] = { TRUE, FALSE, TRUE, TRUE };
  GArray *elected = elected_of (font_of (4, chars, readings, certainties));

  settle (elected, feet, drawn);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpuint (mapping_of (elected, i)->character, !=, 0);
      g_assert_cmpuint (mapping_of (elected, i)->twin, ==, 0);
    }
  g_assert_cmpuint (mapping_of (elected, 3)->character, ==, 'P');
  g_assert_cmpuint (mapping_of (elected, 3)->twin, ==, 0);
  free_elected (elected);
}

/* Two glyphs of one character, each read often (the "f" of "ff", drawn with the ink of the f it
 * touches, and the plain "f"): both keep it. */
static void
test_read_often (void)
{
  const gunichar chars[] = { 'f', 'f' };
  const guint readings[] = { 1090, 350 };
  const float certainties[] = { 0.99f, 0.99f };
  const gboolean feet[] = { FALSE, TRUE };
  GArray *elected = elected_of (font_of (2, chars, readings, certainties));

  settle (elected, feet, NULL);
  for (guint i = 0; i < 2; i++)
    {
      g_assert_cmpuint (mapping_of (elected, i)->character, ==, 'f');
      g_assert_cmpuint (mapping_of (elected, i)->twin, ==, 0);
    }
  free_elected (elected);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/twin-readings/drawn-otherwise", test_drawn_otherwise);
  g_test_add_func ("/twin-readings/drawn-alike", test_drawn_alike);
  g_test_add_func ("/twin-readings/about-as-supported", test_about_as_supported);
  g_test_add_func ("/twin-readings/unseen-and-unasserted", test_unseen_and_unasserted);
  g_test_add_func ("/twin-readings/read-often", test_read_often);
  return g_test_run ();
}
