/* test-dropped-rules.c: where recover-text sees no glyph drawn without text in what OCR read
 * beyond a row's glyphs (plugins/recover-text/font-learning-dropped.c): a table's rule across
 * the row, on row images made in memory, or other rows' glyphs, on a page made in memory. */
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

/* A page with two rows of three glyphs an em (12 points) wide at x 100 to 136: one from y
 * @top to @top + 12, one from y 150 - @bottom to 162 - @bottom; whether what OCR read at
 * @slot is theirs. */
static gboolean
shows_rows (float top, float bottom, const RectoBox *slot)
{
  g_autoptr (RectoDocument) doc = recto_document_new ();
  RectoPage *page = recto_document_add_page (doc, 300, 300, NULL);
  const gunichar chars[] = { 0x7B7E, 0x5B57, 0x4F1A, 0x529E, 0x516C, 0x5730 };
  RectoBox boxes[6];

  for (guint i = 0; i < 3; i++)
    {
      boxes[i] = (RectoBox){ 100 + 12 * i, top, 112 + 12 * i, top + 12 };
      boxes[3 + i] = (RectoBox){ 100 + 12 * i, 150 - bottom, 112 + 12 * i, 162 - bottom };
    }
  recto_page_add_span (doc, page, "F", 12, 0, chars, boxes, 6);
  return learning_shows_other_glyphs (page, slot);
}

/* A slot past a row's end in a cell beside two rows of the next column (from y 136 to 148,
 * between rows ending at 140 and starting at 146) shows them: OCR read their foot and head. A
 * slot whose rows above and below stand clear, or only touch its edges, holds its own glyph;
 * one at a glyph's middle shows that glyph. */
static void
test_other_rows (void)
{
  const RectoBox slot = { 112, 136, 124, 148 };
  const RectoBox beside = { 140, 136, 152, 148 };

  g_assert_true (shows_rows (128, 4, &slot)); /* covered 136–140 and 146–148 of 12 */
  g_assert_true (shows_rows (131, 0, &slot)); /* 136–143 */
  g_assert_false (shows_rows (120, 0, &slot)); /* rows at 120–132 and 150–162 */
  g_assert_false (shows_rows (126, 0, &slot)); /* 136–138 */
  g_assert_false (shows_rows (128, 4, &beside)); /* not under the rows' glyphs */
  g_assert_true (shows_rows (136, 0, &slot)); /* a glyph at its middle */
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/dropped-rules/rules", test_rules);
  g_test_add_func ("/dropped-rules/other-rows", test_other_rows);
  return g_test_run ();
}
