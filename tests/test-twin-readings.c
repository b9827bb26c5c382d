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

/* A font of up to four codes from 0x21, how OCR read them, how they are drawn, and what each
 * should have once settled. */
typedef struct
{
  guint n;
  guint marked; /* how many twin_readings_mark() marks */
  gunichar chars[4];
  guint readings[4];
  float certainties[4];
  gboolean feet[4];
  gboolean unseen[4]; /* its glyphs were not drawn */
  gunichar kept[4]; /* its character after, 0 for none */
  gunichar twin[4]; /* its twin after */
} Case;

/* Settles the font of @data (a Case) as shape-readings.c does and checks each code. */
static void
check_case (gconstpointer data)
{
  const Case *c = data;
  g_autoptr (GArray) elected = g_array_new (FALSE, FALSE, sizeof (ElectedFont));
  g_autoptr (GArray) targets = g_array_new (FALSE, TRUE, sizeof (ShapeTarget));
  ElectedFont font = { .mappings = g_array_new (FALSE, TRUE, sizeof (RectoGlyphMapping)) };

  for (guint i = 0; i < c->n; i++)
    {
      RectoGlyphMapping mapping = { 0x21 + i, c->chars[i], c->certainties[i], c->readings[i],
                                    c->readings[i] };
      g_array_append_val (font.mappings, mapping);
    }
  g_array_append_val (elected, font);
  g_assert_cmpuint (twin_readings_mark (elected, MIN_CERTAINTY), ==, c->marked);
  for (guint i = 0; i < c->n; i++)
    {
      ShapeTarget target = { &g_array_index (elected, ElectedFont, 0),
                             &g_array_index (font.mappings, RectoGlyphMapping, i) };
      target.n = c->unseen[i] ? 0 : 1;
      draw (&target.shapes[0], c->feet[i]);
      g_array_append_val (targets, target);
    }
  twin_readings_settle (targets);
  twin_readings_unmark_kept (elected);
  for (guint i = 0; i < c->n; i++)
    {
      const RectoGlyphMapping *mapping = &g_array_index (font.mappings, RectoGlyphMapping, i);
      g_assert_cmpuint (mapping->character, ==, c->kept[i]);
      g_assert_cmpuint (mapping->twin, ==, c->twin[i]);
    }
  g_array_unref (font.mappings);
}

/* GB/T 3620.1: "l" of "Al" read 14 times, the "L" of "ELI" read "l" 4 times; "5" alone. The
 * L loses its reading, naming the l; the l and the 5 keep theirs. */
static const Case drawn_otherwise = { 3, 2, { 'l', 'l', '5' }, { 14, 4, 9 },
                                      { 0.95f, 0.99f, 0.98f }, { FALSE, TRUE, FALSE }, { FALSE },
                                      { 'l', 0, '5' }, { 0, 0x21, 0 } };
/* One glyph under two codes: drawn alike, both keep the character. */
static const Case drawn_alike = { 2, 2, { 'l', 'l' }, { 14, 4 }, { 0.95f, 0.99f },
                                  { FALSE, FALSE }, { FALSE }, { 'l', 'l' }, { 0, 0 } };
/* Two readings about as well supported (GB/T 3620.1's "9" and the "O" read "9"): neither is
 * written, each naming the other. */
static const Case about_as_supported = { 2, 2, { '9', '9' }, { 2, 2 }, { 0.96f, 0.955f },
                                         { FALSE, TRUE }, { FALSE }, { 0, 0 }, { 0x22, 0x21 } };
/* A twin whose glyphs were not drawn, and a reading below min-certainty (not written anyway,
 * not marked): nothing says a written reading is wrong, it stays. */
static const Case unseen_and_unasserted = { 4, 2, { 'l', 'l', 'P', 'P' }, { 14, 4, 5, 1 },
                                            { 0.95f, 0.99f, 0.98f, 0.4f },
                                            { FALSE, TRUE, FALSE, TRUE },
                                            { FALSE, TRUE, FALSE, FALSE },
                                            { 'l', 'l', 'P', 'P' }, { 0 } };
/* Two glyphs of one character, each read often (the "f" of "ff", drawn with the ink of the f it
 * touches, and the plain "f"): both keep it. */
static const Case read_often = { 2, 2, { 'f', 'f' }, { 1090, 350 }, { 0.99f, 0.99f },
                                 { FALSE, TRUE }, { FALSE }, { 'f', 'f' }, { 0, 0 } };

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_data_func ("/twin-readings/drawn-otherwise", &drawn_otherwise, check_case);
  g_test_add_data_func ("/twin-readings/drawn-alike", &drawn_alike, check_case);
  g_test_add_data_func ("/twin-readings/about-as-supported", &about_as_supported, check_case);
  g_test_add_data_func ("/twin-readings/unseen-and-unasserted", &unseen_and_unasserted,
                        check_case);
  g_test_add_data_func ("/twin-readings/read-often", &read_often, check_case);
  return g_test_run ();
}
