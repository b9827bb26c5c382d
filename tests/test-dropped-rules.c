/* test-dropped-rules.c: where recover-text sees a table's rule across a row of text, and so no
 * glyph drawn without text (plugins/recover-text/font-learning-dropped.c), on row images made
 * in memory. */
#include "font-learning-private.h"

/* A row whose glyphs stand from y 20 to 32 points, read in an image from y 16 to 36 (margins of
 * a third of its em) at 2 pixels a point, with column 10 of the image inked from pixel @from to
 * pixel @to (kept). */
static gboolean
crosses (guint from, guint to)
{
  g_autoptr (RectoImage) image = recto_image_new (40, 40);
  TextRow row = { .box = { 0, 20, 20, 32 }, .area = { 0, 16, 20, 36 }, .scale = 2,
                  .image = image };
  const RectoBox hole = { 2, 20, 8, 32 };

  memset (image->pixels, 255, (gsize) image->stride * image->height);
  for (guint y = from; y <= to; y++)
    image->pixels[y * image->stride + 10] = 0;
  return learning_crosses_a_rule (&row, &hole);
}

/* A cell border through the whole image, or through the glyphs' height and on into the row
 * below (a table's first row) or above (its last), is a rule; a bar inside the line, or one
 * that stops short of both edges, is not. */
static void
test_rules (void)
{
  g_assert_true (crosses (0, 39));
  g_assert_true (crosses (6, 39));
  g_assert_true (crosses (0, 33));
  g_assert_false (crosses (8, 32));
  g_assert_false (crosses (6, 34));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/dropped-rules/rules", test_rules);
  return g_test_run ();
}
