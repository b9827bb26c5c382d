/* test-space-glyphs.c: which glyphs whose codes read as white space recover-text takes for glyphs
 * drawn with ink, to be read where they stand (learning_drop_blank_items(),
 * plugins/recover-text/font-learning-latin.c), in a row of CJK type drawn in memory; what
 * becomes of one that OCR gave no symbol (learning_decode_space()); and which of OCR's symbols
 * one of narrow type keeps (learning_read_space_glyph()), where it holds a word space, and
 * which readings are misreadings. */
#include "font-learning-private.h"

/* A row of 12-point CJK type, its glyphs from y 0 to 12 points, whose image shows x 0 to 20 and
 * y -3 to 15 points at 2 pixels a point, holding one space glyph from x 4 to 10 (half an em),
 * with ink in pixel columns @from to @to and pixel rows @top to @bottom (all kept); where
 * @mark, the page has a glyph set small from x 6 to 8 and y 0 to 8 points, over that ink.
 * Whether the space glyph is kept as drawn with ink. */
static gboolean
inked (guint from, guint to, guint top, guint bottom, gboolean mark)
{
  g_autoptr (RectoDocument) doc = recto_document_new ();
  RectoPage *page = recto_document_add_page (doc, 300, 300, NULL);
  g_autoptr (RectoImage) image = recto_image_new (40, 36);
  g_autoptr (GArray) items = g_array_new (FALSE, FALSE, sizeof (RowItem));
  TextRow row = { .box = { 0, 0, 20, 12 }, .area = { 0, -3, 20, 15 }, .scale = 2, .size = 12,
                  .image = image };
  Learning learning = {
    .doc = doc,
    .spaces = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free),
    .inked_space_fonts = g_hash_table_new (NULL, NULL),
  };
  const RowItem space = { .kind = ITEM_CODE, .glyph = 3, .c = ' ', .font = "F",
                          .box = { 4, 0, 10, 12 } };
  gboolean kept;

  if (mark)
    recto_page_add_span (doc, page, "F", 6, 0, (const gunichar[]){ '1' },
                         (const RectoBox[]){ { 6, 0, 8, 8 } }, 1);
  memset (image->pixels, 255, (gsize) image->stride * image->height);
  for (guint y = top; y <= bottom; y++)
    for (guint x = from; x <= to; x++)
      image->pixels[y * image->stride + x] = 0;
  g_array_append_val (items, space);
  learning_drop_blank_items (&learning, &row, items, FALSE);
  kept = items->len == 1;
  g_hash_table_unref (learning.spaces);
  g_hash_table_unref (learning.inked_space_fonts);
  return kept;
}

/* Ink narrower than half an em in such a glyph's box is a neighbour's overhang where it enters
 * at an edge of the box (pixel 8 or 19). Where it stands apart from both, it is a half-width
 * sign of the font (csrc's "(" of "采矿业(B)", whose code is 0x0A) if it is half an em high or
 * more, and not a table's rule running on past the row. A box without ink is a space; so is one
 * whose ink another glyph of the page stands over (a note's mark set small and raised in the
 * word space after "weeks.", vol612-lost-body-text's "weeks.! The"). */
static void
test_half_width (void)
{
  g_assert_true (inked (13, 14, 8, 29, FALSE));
  g_assert_false (inked (13, 14, 8, 29, TRUE));
  g_assert_false (inked (6, 9, 8, 29, FALSE));
  g_assert_false (inked (18, 22, 8, 29, FALSE));
  g_assert_false (inked (30, 31, 8, 29, FALSE));
  /* a superscript note mark, a third of an em high */
  g_assert_false (inked (13, 14, 8, 15, FALSE));
  /* a cell's border */
  g_assert_false (inked (13, 13, 0, 35, FALSE));
}

/* The character a space glyph drawn with ink, that OCR gave no symbol, comes out as: in CJK
 * type (@narrow FALSE), or in narrow type with a word space as wide as 3 points; its box of its
 * row's height or taller (@own_band). */
static gunichar
unread_space (gboolean narrow, gboolean own_band)
{
  g_autoptr (RectoDocument) doc = recto_document_new ();
  RectoPage *page = recto_document_add_page (doc, 300, 300, NULL);
  const gunichar chars[] = { 0x5B9E, ' ', 0x5B8F };
  const RectoBox boxes[] = { { 192, 479, 204, 491 }, { 204, 479, 216, 491 }, { 216, 479, 228, 491 } };
  const FontLearningOptions options = { .min_certainty = 0.6f };
  Learning learning = {
    .doc = doc,
    .options = &options,
    .spaces = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free),
  };
  SpaceGlyph *space = g_new0 (SpaceGlyph, 1);
  RectoFontCheck check = { 0 };
  g_autoptr (GArray) mappings = g_array_new (FALSE, FALSE, sizeof (RectoGlyphMapping));
  gunichar c;

  recto_page_add_span (doc, page, "F", 12, 0, chars, boxes, 3);
  *space = (SpaceGlyph){ .inked = TRUE, .own_band = own_band,
                         .ink = { 205.5f, 479, 214.9f, 491 }, .most = 1,
                         .word_gap = narrow ? 3 : G_MAXFLOAT };
  g_hash_table_insert (learning.spaces, learning_glyph_key (0, 1), space);
  learning_decode_space (&learning, page, 1, mappings, &check);
  c = g_array_index (page->chars, gunichar, 1);
  g_assert_cmpuint (check.unasserted, ==, c == 0xFFFD);
  g_hash_table_unref (learning.spaces);
  return c;
}

/* A glyph of CJK type keeps to its em: ink in a space glyph's box of its row's height is its
 * own, and with no symbol on it, it is a glyph whose character is not known (Putuo's "施" of
 * "实施", code 0x20), not a space. A taller box takes in the lines above and below, and in
 * narrow type the ink may be a neighbour's: they stay spaces. */
static void
test_unread (void)
{
  g_assert_cmpuint (unread_space (FALSE, TRUE), ==, 0xFFFD);
  g_assert_cmpuint (unread_space (FALSE, FALSE), ==, ' ');
  g_assert_cmpuint (unread_space (TRUE, TRUE), ==, ' ');
}

/* The characters a space glyph of narrow type, its box from x 110 to 125 and ink of an "h" from
 * x 118 to 124, keeps of OCR's reading @first (at x @x1 to @x2) and "h" (on the ink), given it
 * by the alignment (learning_read_space_glyph()), in a row whose image shows x 100 to 130 and
 * y 17 to 33 points at 2 pixels a point. */
static char *
space_reading (gunichar first, float x1, float x2)
{
  g_autoptr (RectoDocument) doc = recto_document_new ();
  RectoPage *page = recto_document_add_page (doc, 300, 300, NULL);
  g_autoptr (RectoImage) image = recto_image_new (60, 32);
  const gunichar chars[] = { 'e', ' ', 'a' };
  const RectoBox boxes[] = { { 104, 20, 110, 31 }, { 110, 20, 125, 31 }, { 125, 20, 131, 31 } };
  const TextRow row = { .page = 0, .box = { 104, 20, 131, 31 }, .area = { 100, 17, 130, 33 },
                        .scale = 2, .size = 11, .image = image };
  const RowItem item = { .kind = ITEM_CODE, .glyph = 1, .c = ' ', .font = "F", .box = boxes[1] };
  Learning learning = {
    .doc = doc,
    .spaces = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free),
  };
  SpaceGlyph *space = g_new0 (SpaceGlyph, 1);
  g_autoptr (GArray) symbols = g_array_new (FALSE, FALSE, sizeof (OcrSymbol));
  const OcrSymbol read[] = { { first, x1, 20, x2, 27, 0.95f }, { 'h', 118, 20, 124, 31, 0.99f } };
  GString *kept = g_string_new (NULL);

  memset (image->pixels, 255, (gsize) image->stride * image->height);
  for (guint y = 6; y <= 28; y++)
    for (guint x = 36; x <= 47; x++)
      if (x <= 37 || x >= 46 || (y >= 14 && y <= 15))
        image->pixels[y * image->stride + x] = 0;
  recto_page_add_span (doc, page, "F", 11, 0, chars, boxes, 3);
  *space = (SpaceGlyph){ .inked = TRUE, .own_band = TRUE, .ink = { 118, 20, 124, 31 },
                         .most = 2, .word_gap = 1.65f };
  g_hash_table_insert (learning.spaces, learning_glyph_key (0, 1), space);
  g_array_append_vals (symbols, read, 2);
  learning_read_space_glyph (&learning, &row, &item, symbols, 0, 2, 11, TRUE);
  for (guint k = 0; k < space->n; k++)
    g_string_append_unichar (kept, space->c[k]);
  g_hash_table_unref (learning.spaces);
  return g_string_free (kept, FALSE);
}

/* A mark OCR reads in the blank part of a space glyph's box, beside its ink, is no glyph's: a
 * wide word space of justified type read "“" (vol612's "were “handled"); so is one wholly beyond
 * the box (vol511's "two-year| pilot", the stem of the "p" read twice). A letter read there is
 * kept: OCR places letters that loosely (the "t" of vol612's "2021 to", read in the space before
 * its ink). */
static void
test_mark_in_blank (void)
{
  g_autofree char *quote = space_reading (0x201C, 111, 114);
  g_autofree char *letter = space_reading ('t', 111, 114);
  g_autofree char *bar = space_reading ('|', 105, 108);
  g_autofree char *beyond = space_reading ('t', 105, 108);

  g_assert_cmpstr (quote, ==, "h");
  g_assert_cmpstr (letter, ==, "th");
  g_assert_cmpstr (bar, ==, "h");
  g_assert_cmpstr (beyond, ==, "th");
}

/* A page of 11-point type holding "e", a space glyph (glyph 1) and "a", and font learning over
 * it, for learning_decode_space() to decode the space glyph. */
typedef struct
{
  RectoDocument *doc;
  RectoPage *page;
  FontLearningOptions options;
  Learning learning;
  GArray *mappings; /* RectoGlyphMapping: the font's learned map, empty */
  RectoFontCheck check;
} SpacePage;

static void
space_page_init (SpacePage *fixture)
{
  const gunichar chars[] = { 'e', ' ', 'a' };
  const RectoBox boxes[] = { { 192, 20, 204, 31 }, { 204, 20, 217, 31 }, { 217, 20, 228, 31 } };

  fixture->doc = recto_document_new ();
  fixture->page = recto_document_add_page (fixture->doc, 300, 300, NULL);
  fixture->options = (FontLearningOptions){ .min_certainty = 0.6f };
  fixture->learning = (Learning){
    .doc = fixture->doc,
    .options = &fixture->options,
    .votes = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_hash_table_unref),
    .spaces = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free),
    .word_spaces = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref),
    .dropped = learning_dropped_new (1),
  };
  fixture->mappings = g_array_new (FALSE, FALSE, sizeof (RectoGlyphMapping));
  fixture->check = (RectoFontCheck){ 0 };
  recto_page_add_span (fixture->doc, fixture->page, "F", 11, 0, chars, boxes, 3);
}

/* Decodes the space glyph, read as @space. */
static void
space_page_decode (SpacePage *fixture, const SpaceGlyph *space)
{
  g_hash_table_insert (fixture->learning.spaces, learning_glyph_key (0, 1),
                       g_memdup2 (space, sizeof *space));
  learning_decode_space (&fixture->learning, fixture->page, 1, fixture->mappings,
                         &fixture->check);
}

static void
space_page_clear (SpacePage *fixture)
{
  g_hash_table_unref (fixture->learning.votes);
  g_hash_table_unref (fixture->learning.spaces);
  g_hash_table_unref (fixture->learning.word_spaces);
  g_ptr_array_unref (fixture->learning.dropped);
  g_array_unref (fixture->mappings);
  recto_document_free (fixture->doc);
}

/* Whether a space glyph of narrow type, read "of" on its ink from x 205 to 216 with a blank run
 * @run points wide in the middle (find_ink() notes such runs from WORD_GAP_EMS up), is given a
 * word space there (learning_decode_space()), in a row of 11-point type whose font has three
 * glyphs seen drawn with no ink, @word points wide (learning_drop_blank_items()), or none (0). */
static gboolean
word_space_within (float run, float word)
{
  SpacePage fixture;
  g_autoptr (RectoImage) image = recto_image_new (60, 32);
  g_autoptr (GArray) items = g_array_new (FALSE, FALSE, sizeof (RowItem));
  const TextRow row = { .page = 0, .box = { 100, 20, 131, 31 }, .area = { 100, 17, 130, 33 },
                        .scale = 2, .size = 11, .image = image };
  const char *font;
  const GArray *queue;
  gboolean found = FALSE;

  space_page_init (&fixture);
  font = recto_document_intern (fixture.doc, "F");
  memset (image->pixels, 255, (gsize) image->stride * image->height);
  for (guint k = 0; word > 0 && k < 3; k++)
    g_array_append_val (items, ((RowItem){ .kind = ITEM_CODE, .glyph = k, .c = 0x08,
                                           .font = font,
                                           .box = { 100 + word * k, 20, 100 + word * (k + 1),
                                                    31 } }));
  learning_drop_blank_items (&fixture.learning, &row, items, TRUE);
  g_assert_cmpuint (items->len, ==, 0);
  learning_settle_word_spaces (&fixture.learning);
  space_page_decode (&fixture,
                     &(SpaceGlyph){ .inked = TRUE, .own_band = TRUE, .ink = { 205, 20, 216, 31 },
                                    .most = 2, .word_gap = 1.65f, .em = 11, .n_splits = 1,
                                    .splits = { { 210.5f - run / 2, 0, 210.5f + run / 2, 0 } },
                                    .n = 2, .c = { 'o', 'f' }, .confidence = 0.99f });
  g_assert_cmpuint (g_array_index (fixture.page->chars, gunichar, 1), ==, 'o');
  queue = learning_dropped_on (&fixture.learning, 0);
  for (guint i = 0; i < queue->len; i++)
    found |= g_array_index (queue, DroppedGlyph, i).c == ' ';
  space_page_clear (&fixture);
  return found;
}

/* A blank run within such a glyph's ink is a word space when it is 0.8 of the font's word
 * spaces wide or more: Noto Serif sets the letters of "of" 0.19 em apart, its word space 0.25
 * em (vol612 came out "o f"). A font with no word space seen keeps every run noted. */
static void
test_word_space (void)
{
  g_assert_false (word_space_within (2, 2.75f));
  g_assert_true (word_space_within (3, 2.75f));
  g_assert_true (word_space_within (2, 0));
}

/* What a space glyph of narrow type read "of", in a font whose learned map gives "o" to @code
 * @certainty sure from @readings readings, comes out as (learning_decode_space()): the glyph,
 * then the reading queued after it, in @text. */
static void
held_reading (gunichar code, float certainty, guint readings, char text[3])
{
  SpacePage fixture;
  const RectoGlyphMapping o = { .code = code, .character = 'o', .certainty = certainty,
                                .readings = readings };
  const GArray *queue;

  space_page_init (&fixture);
  g_array_append_val (fixture.mappings, o);
  space_page_decode (&fixture,
                     &(SpaceGlyph){ .inked = TRUE, .own_band = TRUE, .ink = { 205, 20, 216, 31 },
                                    .most = 2, .word_gap = 1.65f, .em = 11, .n = 2,
                                    .c = { 'o', 'f' }, .confidence = 0.99f });
  queue = learning_dropped_on (&fixture.learning, 0);
  g_assert_cmpuint (queue->len, ==, 1);
  text[0] = g_array_index (fixture.page->chars, gunichar, 1) == 0xFFFD ? '?' : 'o';
  text[1] = g_array_index (queue, DroppedGlyph, 0).c;
  text[2] = '\0';
  g_assert_cmpuint (fixture.check.unasserted, ==, text[0] == '?');
  space_page_clear (&fixture);
}

/* A font draws a character with one glyph: a space glyph read as a character another code of
 * its font draws surely is misread, and left a gap (vol511's "Practice" beside the font's "P").
 * A code read so less surely, or once, holds nothing; nor does one Poppler gives as the
 * character itself (the "i" of a "fi" ligature Poppler splits in two). */
static void
test_held_reading (void)
{
  char text[3];

  held_reading (0x05, 0.99f, 5, text);
  g_assert_cmpstr (text, ==, "?f");
  held_reading (0x05, 0.8f, 5, text);
  g_assert_cmpstr (text, ==, "of");
  held_reading (0x05, 0.99f, 1, text);
  g_assert_cmpstr (text, ==, "of");
  held_reading ('o', 0.99f, 5, text);
  g_assert_cmpstr (text, ==, "of");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/space-glyphs/half-width", test_half_width);
  g_test_add_func ("/space-glyphs/unread", test_unread);
  g_test_add_func ("/space-glyphs/mark-in-blank", test_mark_in_blank);
  g_test_add_func ("/space-glyphs/word-space", test_word_space);
  g_test_add_func ("/space-glyphs/held-reading", test_held_reading);
  return g_test_run ();
}
