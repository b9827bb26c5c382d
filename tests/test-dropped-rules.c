/* test-dropped-rules.c: where recover-text sees no glyph drawn without text in what OCR read
 * beyond a row's glyphs (plugins/recover-text/font-learning-dropped.c): a table's rule across
 * the row, on row images made in memory, or other rows' glyphs, on a page made in memory;
 * where it sees the half-width ")" a row's end dropped; where the letters a gap of narrow
 * type lost stand in it, and which of them a space glyph beside it may take. */
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

/* A row of three 12-point glyphs of CJK type at x 100 to 136, y 20 to 32, read by OCR as @read,
 * @offset points right of where they stand, then the @n_past symbols @past read beyond them; its image shows x 96
 * to 160 at 2 pixels a point, inked in pixel columns @ink_from to @ink_to (kept), rows 10 to 30.
 * Its column ends at @right (a row below runs on so far). Returns the glyphs drawn without text
 * found past the row's end (DroppedGlyph). */
static GArray *
collect_past_end (const gunichar read[3], float offset, const OcrSymbol *past, guint n_past,
                  guint ink_from, guint ink_to, float right)
{
  g_autoptr (RectoDocument) doc = recto_document_new ();
  RectoPage *page = recto_document_add_page (doc, 300, 300, NULL);
  g_autoptr (RectoImage) image = recto_image_new (128, 40);
  g_autoptr (GArray) rows = g_array_new (FALSE, FALSE, sizeof (TextRow));
  g_autoptr (GArray) items = g_array_new (FALSE, FALSE, sizeof (RowItem));
  g_autoptr (GArray) symbols = g_array_new (FALSE, FALSE, sizeof (OcrSymbol));
  g_autoptr (GArray) surveys = g_array_new (FALSE, TRUE, sizeof (FontSurvey));
  const FontLearningOptions options = { .min_certainty = 0.6f };
  const gunichar chars[] = { 0x4E1A, 0x4E00, 0x4E8C }; /* the glyphs' own (wrong) text */
  RectoBox boxes[3];
  const int pairs[] = { 0, 1, 2 };
  const guint counts[] = { 1, 1, 1 };
  TextRow row = { .page = 0, .box = { 100, 20, 136, 32 }, .area = { 96, 16, 160, 36 },
                  .scale = 2, .size = 12, .image = image };
  const TextRow below = { .page = 0, .box = { 100, 40, right, 52 }, .size = 12 };
  g_autoptr (GPtrArray) dropped = learning_dropped_new (1);
  Learning learning = { .doc = doc, .surveys = surveys, .options = &options, .rows = rows,
                        .dropped = dropped };

  memset (image->pixels, 255, (gsize) image->stride * image->height);
  for (guint y = 10; y <= 30; y++)
    for (guint x = ink_from; x <= ink_to; x++)
      image->pixels[y * image->stride + x] = 0;
  for (guint i = 0; i < 3; i++)
    {
      boxes[i] = (RectoBox){ 100 + 12 * i, 20, 112 + 12 * i, 32 };
      g_array_append_val (items, ((RowItem){ .kind = ITEM_CODE, .glyph = i, .c = chars[i],
                                             .font = "F", .box = boxes[i] }));
      g_array_append_val (symbols, ((OcrSymbol){ read[i], boxes[i].x1 + offset, 20,
                                                 boxes[i].x2 + offset, 32, 0.99f }));
    }
  g_array_append_vals (symbols, past, n_past);
  recto_page_add_span (doc, page, "F", 12, 0, chars, boxes, 3);
  g_array_append_val (rows, row);
  if (right > row.box.x2)
    g_array_append_val (rows, below);
  learning_collect_edges (&learning, &row, items, symbols, pairs, counts, 12);
  return g_array_ref (learning_dropped_on (&learning, 0));
}

/* The glyphs drawn without text found after a row read as "业", @second and "B", the only row
 * of its column, where OCR read ")" from x 137 to 140 (its ink from x 137.5 to 140). */
static GArray *
dropped_after (gunichar second)
{
  const gunichar read[] = { 0x4E1A, second, 'B' };
  const OcrSymbol closing = { ')', 137, 21, 140, 31, 0.99f };

  return collect_past_end (read, 0, &closing, 1, 83, 87, 136);
}

/* A ")" OCR read in the half em past a row's end, where the row's reading leaves a parenthesis
 * open, is a glyph drawn without text (csrc's "采矿业(B)"), half an em wide, though the row ends
 * its column; where nothing was opened, it is not taken. */
static void
test_closing_parenthesis (void)
{
  g_autoptr (GArray) closed = dropped_after ('(');
  g_autoptr (GArray) unopened = dropped_after (0x4E00);

  g_assert_cmpuint (closed->len, ==, 1);
  g_assert_cmpuint (g_array_index (closed, DroppedGlyph, 0).c, ==, ')');
  g_assert_cmpuint (g_array_index (closed, DroppedGlyph, 0).before, ==, 3);
  g_assert_cmpfloat (g_array_index (closed, DroppedGlyph, 0).box.x1, ==, 136);
  g_assert_cmpfloat (g_array_index (closed, DroppedGlyph, 0).box.x2, ==, 142);
  g_assert_cmpuint (unopened->len, ==, 0);
}

/* How many glyphs drawn without text are found past the end of a row whose glyphs OCR read
 * @offset points right of where they stand, in a column running on to x 156, where a glyph
 * Poppler dropped has ink from x 138 to 146 and OCR read "部" from x @from to @to. */
static guint
found_past_end (float offset, float from, float to)
{
  const gunichar read[] = { 0x5DE5, 0x5DE5, 0x5DE5 };
  const OcrSymbol bu = { 0x90E8, from, 21, to, 31, 0.99f };
  g_autoptr (GArray) dropped = collect_past_end (read, offset, &bu, 1, 84, 100, 156);

  return dropped->len;
}

/* OCR's boxes stand off the glyphs, by as much along a row: a glyph Poppler dropped is found in
 * the em where it stands, though OCR set its symbol 4 or 8 points right of it as it did its
 * neighbours' (past that em: Putuo's "部门"); and still where its symbol keeps to the near side
 * of its em (a "、"). A symbol over an em and a half wide is not let further out than its em
 * (cookbook__1's arrow read "一"), but is still read in it (the 委会 of a dropped 常委会). */
static void
test_offset (void)
{
  g_assert_cmpuint (found_past_end (0, 138, 146), ==, 1);
  g_assert_cmpuint (found_past_end (4, 142, 150), ==, 1);
  g_assert_cmpuint (found_past_end (8, 146, 154), ==, 1);
  g_assert_cmpuint (found_past_end (4, 136.5f, 140.5f), ==, 1);
  g_assert_cmpuint (found_past_end (4, 143, 170), ==, 0);
  g_assert_cmpuint (found_past_end (4, 136, 163), ==, 1);
}

/* Two glyphs Poppler dropped past a row's end, from x 136 to 160, read in order, the second's
 * box drifted back over the first's em (vol212's 围 of "常委会围绕", boxed within 绕's em): both
 * are found, one em after the other. A symbol OCR read after the row's last glyph is past it
 * though its box drifted back over that glyph (vol212's "列席常委会会议": the second 会 boxed
 * over 议), unless it is a second reading of that glyph. */
static void
test_drifted_run (void)
{
  const gunichar read[] = { 0x5DE5, 0x5DE5, 0x5DE5 };
  const OcrSymbol run[] = { { 0x4F1A, 137, 21, 147, 31, 0.99f }, { 0x56F4, 145, 21, 150, 31, 0.99f } };
  const OcrSymbol over = { 0x4F1A, 130, 21, 135, 31, 0.99f };
  const OcrSymbol again = { 0x5DE5, 130, 21, 135, 31, 0.99f };
  g_autoptr (GArray) drifted = collect_past_end (read, 0, run, 2, 84, 126, 160);
  g_autoptr (GArray) overlapping = collect_past_end (read, 0, &over, 1, 84, 126, 160);
  g_autoptr (GArray) twice = collect_past_end (read, 0, &again, 1, 84, 126, 160);

  g_assert_cmpuint (drifted->len, ==, 2);
  g_assert_cmpuint (g_array_index (drifted, DroppedGlyph, 0).c, ==, 0x4F1A);
  g_assert_cmpuint (g_array_index (drifted, DroppedGlyph, 1).c, ==, 0x56F4);
  g_assert_cmpfloat (g_array_index (drifted, DroppedGlyph, 1).box.x1, ==, 148);
  g_assert_cmpuint (overlapping->len, ==, 1);
  g_assert_cmpuint (g_array_index (overlapping, DroppedGlyph, 0).c, ==, 0x4F1A);
  g_assert_cmpfloat (g_array_index (overlapping, DroppedGlyph, 0).box.x1, ==, 136);
  g_assert_cmpuint (twice->len, ==, 0);
}

/* Two glyphs Poppler dropped past a row's end fill the room to its column's edge, x 136 to
 * 160, and OCR read two symbols there, both boxed in the second em (vol212's "即2名常委会": 委
 * boxed half a point wide at 常's end): they take the two ems in OCR's order. A symbol too
 * wide for a glyph among them (a figure's arrow) is no such run. */
static void
test_run_in_order (void)
{
  const gunichar read[] = { 0x5DE5, 0x5DE5, 0x5DE5 };
  const OcrSymbol run[] = { { 0x5E38, 149, 21, 153, 31, 0.99f }, { 0x59D4, 153, 21, 158, 31, 0.99f } };
  const OcrSymbol arrow[] = { { 0x5E38, 149, 21, 153, 31, 0.99f }, { 0x4E00, 153, 21, 190, 31, 0.99f } };
  g_autoptr (GArray) ordered = collect_past_end (read, 0, run, 2, 84, 126, 160);
  g_autoptr (GArray) with_arrow = collect_past_end (read, 0, arrow, 2, 84, 126, 160);

  g_assert_cmpuint (ordered->len, ==, 2);
  g_assert_cmpuint (g_array_index (ordered, DroppedGlyph, 0).c, ==, 0x5E38);
  g_assert_cmpfloat (g_array_index (ordered, DroppedGlyph, 0).box.x1, ==, 136);
  g_assert_cmpuint (g_array_index (ordered, DroppedGlyph, 1).c, ==, 0x59D4);
  g_assert_cmpfloat (g_array_index (ordered, DroppedGlyph, 1).box.x1, ==, 148);
  g_assert_cmpuint (with_arrow->len, ==, 0);
}

/* Whether the first of two symbols OCR read, @a from x 461.4 to 465.1 and @b from @from to
 * @to, is doubled, @b taken by a glyph of the row or not (@taken). */
static gboolean
doubled_taken (gunichar a, gunichar b, float from, float to, gboolean taken)
{
  g_autoptr (GArray) symbols = g_array_new (FALSE, FALSE, sizeof (OcrSymbol));
  const OcrSymbol first = { a, 461.4f, 74, 465.1f, 88, 0.97f };
  const OcrSymbol second = { b, from, 77, to, 83, 0.98f };
  const gboolean taken_by[] = { FALSE, taken };

  g_array_append_val (symbols, first);
  g_array_append_val (symbols, second);
  return learning_symbol_doubled (symbols, taken_by, 0);
}

static gboolean
doubled (gunichar a, gunichar b, float from, float to)
{
  return doubled_taken (a, b, from, to, FALSE);
}

/* csrc's "*" of "*ST华泽", read "*" and "#" over one another: neither is sure. Two forms of one
 * character, a neighbour that only touches it, a box OCR stretched over it and its neighbours
 * (Putuo's "政", 71 points wide), or the symbol a glyph of the row took, are no second
 * reading. */
static void
test_doubled (void)
{
  g_assert_true (doubled ('*', '#', 462.6f, 467.0f));
  g_assert_false (doubled ('(', 0xFF08, 462.6f, 467.0f));
  g_assert_false (doubled ('*', 'S', 464.6f, 471.7f));
  g_assert_false (doubled ('*', 0x653F, 455.0f, 526.0f));
  /* the drifted box of the glyph beside it, which took that symbol */
  g_assert_false (doubled_taken ('*', 0x5B9E, 462.6f, 467.0f, TRUE));
}

/* Inks pixel columns @from to @to (kept) of @image in pixel rows @top to @bottom (kept). */
static void
ink (RectoImage *image, guint from, guint to, guint top, guint bottom)
{
  for (guint y = top; y <= bottom; y++)
    for (guint x = from; x <= to; x++)
      image->pixels[y * image->stride + x] = 0;
}

/* One row's reading of a gap: @n symbols @read, a glyph of the row at the gap's sides @glyphs. */
typedef struct
{
  const OcrSymbol *read;
  guint n;
  GapSides glyphs;
} GapReading;

/* The glyphs queued for the @n_readings readings @readings, in turn, of the gap from x 100 to
 * 120 of a row of 11-point narrow type (its glyphs from y 20 to 31) whose image shows x 96 to
 * 160, y 16 to 36 at 2 pixels a point; @draw inks the image (learning_add_dropped_run()). */
static GArray *
dropped_in_gap (void (*draw) (RectoImage *image), const GapReading *readings, guint n_readings)
{
  g_autoptr (RectoDocument) doc = recto_document_new ();
  g_autoptr (RectoImage) image = recto_image_new (128, 40);
  const FontLearningOptions options = { .min_certainty = 0.6f };
  const TextRow row = { .page = 0, .box = { 100, 20, 160, 31 }, .area = { 96, 16, 160, 36 },
                        .scale = 2, .size = 11, .image = image };
  const RectoBox gap = { 100, 20, 120, 31 };
  g_autoptr (GPtrArray) dropped = learning_dropped_new (1);
  Learning learning = { .doc = doc, .options = &options, .dropped = dropped };

  recto_document_add_page (doc, 300, 300, NULL);
  memset (image->pixels, 255, (gsize) image->stride * image->height);
  draw (image);
  for (guint r = 0; r < n_readings; r++)
    {
      g_autoptr (GArray) symbols = g_array_new (FALSE, FALSE, sizeof (OcrSymbol));
      guint run[NARROW_RUN_MAX];
      for (guint k = 0; k < readings[r].n; k++)
        run[k] = k;
      g_array_append_vals (symbols, readings[r].read, readings[r].n);
      learning_add_dropped_run (&learning, &row, symbols, run, readings[r].n, &gap,
                                readings[r].glyphs, 7);
    }
  return g_array_ref (learning_dropped_on (&learning, 0));
}

/* What a hole of the row (a glyph at both sides) reading @n symbols @read, drawn by @draw,
 * queues. */
static GArray *
dropped_in_hole (void (*draw) (RectoImage *image), const OcrSymbol *read, guint n)
{
  const GapReading reading = { read, n, GAP_GLYPH_BEFORE | GAP_GLYPH_AFTER };

  return dropped_in_gap (draw, &reading, 1);
}

/* A word space of justified type, x 100 to 108, then "th": a "t" at x 108 to 111 (its stem at
 * 109), an "h" at 113 to 118. */
static void
draw_space_th (RectoImage *image)
{
  ink (image, 26, 27, 12, 30);
  ink (image, 24, 29, 14, 15);
  ink (image, 34, 35, 10, 30);
  ink (image, 42, 43, 18, 30);
  ink (image, 34, 43, 18, 19);
}

/* An "m" at x 101 to 113, its stems at 101, 106.5 and 112. */
static void
draw_m (RectoImage *image)
{
  ink (image, 10, 11, 12, 30);
  ink (image, 21, 22, 12, 30);
  ink (image, 32, 33, 12, 30);
  ink (image, 10, 33, 12, 13);
}

/* The letters Poppler dropped share the ink of their gap, not the word space beside them: the
 * "t" of vol612's "by [th]e", read on its ink, was shared the space and its middle found
 * blank. A symbol read off the ink, beside one read on it, is no glyph's: a ":" read in the
 * word space (vol612's "rated :the"), the edge of the next column read "|" after a row's last
 * "r". A box a pixel wide says nothing of where its symbol was read (vol511's "and [a]ll"),
 * and with none on the ink, OCR placed the letters off it: those symbols are taken. */
static void
test_gap_ink (void)
{
  const OcrSymbol th[] = { { 't', 108, 22, 111, 31, 0.99f }, { 'h', 113, 20, 118, 31, 0.99f } };
  const OcrSymbol colon_th[] = { { ':', 103, 24, 104, 31, 0.8f }, th[0], th[1] };
  const OcrSymbol m_bar[] = { { 'm', 101, 24, 113, 31, 0.99f }, { '|', 121, 20, 123, 31, 0.9f } };
  const OcrSymbol m_sliver[] = { { 'm', 101, 24, 113, 31, 0.99f }, { 'a', 121, 24, 121.3f, 31, 0.99f } };
  const OcrSymbol off = { 'm', 121, 24, 123, 31, 0.99f };
  g_autoptr (GArray) both = dropped_in_hole (draw_space_th, th, 2);
  g_autoptr (GArray) no_colon = dropped_in_hole (draw_space_th, colon_th, 3);
  g_autoptr (GArray) m_only = dropped_in_hole (draw_m, m_bar, 2);
  g_autoptr (GArray) with_sliver = dropped_in_hole (draw_m, m_sliver, 2);
  g_autoptr (GArray) alone = dropped_in_hole (draw_m, &off, 1);

  g_assert_cmpuint (both->len, ==, 2);
  g_assert_cmpuint (g_array_index (both, DroppedGlyph, 0).c, ==, 't');
  g_assert_cmpuint (g_array_index (both, DroppedGlyph, 1).c, ==, 'h');
  /* the ink from x 108 to 118, and a tenth of an em either side */
  g_assert_cmpfloat_with_epsilon (g_array_index (both, DroppedGlyph, 0).box.x1, 106.9, 0.01);
  g_assert_cmpfloat_with_epsilon (g_array_index (both, DroppedGlyph, 1).box.x2, 119.1, 0.01);
  g_assert_cmpuint (no_colon->len, ==, 2);
  g_assert_cmpuint (g_array_index (no_colon, DroppedGlyph, 0).c, ==, 't');
  g_assert_cmpuint (m_only->len, ==, 1);
  g_assert_cmpuint (g_array_index (m_only, DroppedGlyph, 0).c, ==, 'm');
  g_assert_cmpuint (with_sliver->len, ==, 2);
  g_assert_cmpuint (alone->len, ==, 1);
  g_assert_cmpuint (g_array_index (alone, DroppedGlyph, 0).c, ==, 'm');
}

/* A gap read by two rows of one line (past one's end, in the other's hole), once short of its
 * letters: the reading of more letters stands, whichever came first (vol511's "95,097
 * [appli]cations" came out "appplications", the two readings sharing the gap out
 * differently). */
static void
test_read_twice (void)
{
  const OcrSymbol t = { 't', 108, 22, 111, 31, 0.99f }, h = { 'h', 113, 20, 118, 31, 0.99f };
  const OcrSymbol short_read[] = { t }, long_read[] = { t, h };
  /* past one row's end (a glyph before the gap), in the other's hole */
  const GapReading short_first[] = { { short_read, 1, GAP_GLYPH_BEFORE },
                                     { long_read, 2, GAP_GLYPH_BEFORE | GAP_GLYPH_AFTER } };
  const GapReading long_first[] = { { long_read, 2, GAP_GLYPH_BEFORE },
                                    { short_read, 1, GAP_GLYPH_BEFORE | GAP_GLYPH_AFTER } };
  g_autoptr (GArray) longer_last = dropped_in_gap (draw_space_th, short_first, 2);
  g_autoptr (GArray) longer_first = dropped_in_gap (draw_space_th, long_first, 2);

  g_assert_cmpuint (longer_last->len, ==, 2);
  g_assert_cmpuint (g_array_index (longer_last, DroppedGlyph, 0).c, ==, 't');
  g_assert_cmpuint (g_array_index (longer_last, DroppedGlyph, 1).c, ==, 'h');
  g_assert_cmpuint (longer_first->len, ==, 2);
}

/* The symbols a space glyph whose ink stands from x 268 to 279.5 keeps of the run "orth" the
 * alignment gave it (vol612's "th" of "Arrangements for the", its box from x 267.9), with OCR's
 * "f" before it, which no glyph took, in the row's @hole (NULL: none). */
static char *
kept_by_space (const RectoBox *hole)
{
  const OcrSymbol read[] = { { 'f', 248.9f, 20, 253.7f, 31, 0.99f },
                             { 'o', 253.4f, 22, 259.2f, 31, 0.99f },
                             { 'r', 256.8f, 22, 262.3f, 31, 0.99f },
                             { 't', 268.5f, 20, 272.6f, 31, 0.99f },
                             { 'h', 273, 20, 279.5f, 31, 0.99f } };
  const RowItem space = { .kind = ITEM_CODE, .glyph = 1, .c = ' ', .box = { 268, 20, 279.5f, 31 } };
  g_autoptr (GArray) symbols = g_array_new (FALSE, FALSE, sizeof (OcrSymbol));
  g_autoptr (GArray) items = g_array_new (FALSE, FALSE, sizeof (RowItem));
  g_autoptr (GArray) holes = g_array_new (FALSE, FALSE, sizeof (RowItem));
  int pairs[] = { 1 };
  guint counts[] = { 4 };
  gboolean taken[] = { FALSE, TRUE, TRUE, TRUE, TRUE };
  GString *kept = g_string_new (NULL);

  g_array_append_vals (symbols, read, G_N_ELEMENTS (read));
  g_array_append_val (items, space);
  if (hole != NULL)
    g_array_append_val (holes, ((RowItem){ .kind = ITEM_HOLE, .glyph = 1, .box = *hole }));
  learning_leave_holes_their_letters (items, holes, symbols, pairs, counts, taken, 11);
  for (guint k = 0; k < counts[0]; k++)
    {
      g_assert_true (taken[pairs[0] + k]);
      g_string_append_unichar (kept, read[pairs[0] + k].c);
    }
  for (guint j = 0; j < G_N_ELEMENTS (read); j++)
    g_assert_true (taken[j] == (j >= (guint) pairs[0] && j < pairs[0] + counts[0]));
  return g_string_free (kept, FALSE);
}

/* The letters Poppler dropped in a hole before a space glyph are the hole's: "or" with the "f"
 * of "for" ("f orth" came out). A lone symbol in a hole stays the glyph's: a hole over a
 * column's gutter, where Poppler gave a row across two columns, holds the next column's first
 * letters, which the glyph may be (vol511's "library", whose "i" went to the gutter and broke
 * the page's columns). With no hole there, the glyph keeps what it was given. */
static void
test_hole_letters (void)
{
  const RectoBox before_f = { 248.3f, 20, 265.1f, 31 }, past_f = { 254, 20, 265.1f, 31 };
  g_autofree char *with_f = kept_by_space (&before_f);
  g_autofree char *alone = kept_by_space (&past_f);
  g_autofree char *no_hole = kept_by_space (NULL);

  g_assert_cmpstr (with_f, ==, "th");
  g_assert_cmpstr (alone, ==, "orth");
  g_assert_cmpstr (no_hole, ==, "orth");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/dropped-rules/rules", test_rules);
  g_test_add_func ("/dropped-rules/other-rows", test_other_rows);
  g_test_add_func ("/dropped-rules/closing-parenthesis", test_closing_parenthesis);
  g_test_add_func ("/dropped-rules/doubled", test_doubled);
  g_test_add_func ("/dropped-rules/offset", test_offset);
  g_test_add_func ("/dropped-rules/drifted-run", test_drifted_run);
  g_test_add_func ("/dropped-rules/run-in-order", test_run_in_order);
  g_test_add_func ("/dropped-rules/gap-ink", test_gap_ink);
  g_test_add_func ("/dropped-rules/read-twice", test_read_twice);
  g_test_add_func ("/dropped-rules/hole-letters", test_hole_letters);
  return g_test_run ();
}
