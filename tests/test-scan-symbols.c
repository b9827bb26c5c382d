/* test-scan-symbols.c: recover-text's corrections of the symbols Tesseract reads from a scanned
 * page (scan-symbols.h, second-reading.h), on symbols made by hand. The page image is blank but
 * for a few bars and rings, so whatever the corrections read again reads nothing but a ring's
 * number, and only their geometry, shape and text rules act. */
#include <recto/recto.h>
#include <math.h>
#include <string.h>

#include "bold-lines.h"
#include "glyph-shapes.h"
#include "number-lines.h"
#include "ocr-memo.h"
#include "rule-symbols.h"
#include "scan-symbols.h"
#include "scanned-pages.h"
#include "second-reading.h"

static const RectoBox page = { 0, 0, 200, 100 };

/* Appends one symbol per character of @text, starting a line, each @width wide from @x. */
static void
add_line (GArray *symbols, const char *text, float x, float y, float width)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), x += width)
    {
      OcrSymbol symbol = { .c = g_utf8_get_char (p), .x1 = x, .y1 = y, .x2 = x + width,
                           .y2 = y + 10, .confidence = 0.99f, .starts_word = TRUE,
                           .starts_line = p == text };
      g_array_append_val (symbols, symbol);
    }
}

static char *
text_of (const GArray *symbols)
{
  GString *text = g_string_new (NULL);

  for (guint j = 0; j < symbols->len; j++)
    {
      if (j > 0 && g_array_index (symbols, OcrSymbol, j).starts_line)
        g_string_append_c (text, '|');
      g_string_append_unichar (text, g_array_index (symbols, OcrSymbol, j).c);
    }
  return g_string_free (text, FALSE);
}

static RectoImage *
blank_page (void)
{
  RectoImage *image = recto_image_new (200, 100);

  memset (image->pixels, 255, image->stride * image->height);
  return image;
}

/* Draws a horizontal bar of ink from (@x1, @y) to (@x2, @y + 1) on @image. */
static void
draw_bar (RectoImage *image, guint x1, guint x2, guint y)
{
  for (guint row = y; row <= y + 1; row++)
    memset (image->pixels + row * image->stride + x1, 0, x2 - x1);
}

/* Runs scan_symbols_correct() on @symbols over @image (one pixel a point). */
static void
correct_on (GArray *symbols, const RectoImage *image)
{
  OcrPool pool;

  ocr_pool_init (&pool, NULL, "chi_sim+eng");
  scan_symbols_correct (symbols, image, &page, 1.0, &pool, 0);
  ocr_pool_clear (&pool);
}

static void
correct (GArray *symbols)
{
  g_autoptr (RectoImage) image = blank_page ();

  correct_on (symbols, image);
}

static void
test_percent_sign_debris (void)
{
  /* The digit before the sign, the digits after it, or both. */
  g_assert_cmpuint (scan_percent_sign_debris ("1009%", "100%"), ==, 1u << 3);
  g_assert_cmpuint (scan_percent_sign_debris ("97.8%6", "97.8%"), ==, 1u << 5);
  g_assert_cmpuint (scan_percent_sign_debris ("90.79%6", "0.7%"), ==, (1u << 4) | (1u << 6));
  /* The Latin reading's first character and a point after the sign are not compared. */
  g_assert_cmpuint (scan_percent_sign_debris ("98.39%", "38.3%"), ==, 1u << 4);
  g_assert_cmpuint (scan_percent_sign_debris ("88.59%0", "88.5%."), ==, (1u << 4) | (1u << 6));
  /* Agreement already, too little to agree on, or no sign: nothing is dropped. */
  g_assert_cmpuint (scan_percent_sign_debris ("97.7%", "7.7%"), ==, 0);
  g_assert_cmpuint (scan_percent_sign_debris ("100%", "00%"), ==, 0);
  g_assert_cmpuint (scan_percent_sign_debris ("89.196", "89.1%"), ==, 0);
  g_assert_cmpuint (scan_percent_sign_debris ("94.99%", "94.99%"), ==, 0);
}

/* Checks that the page's reading of one line, @page_text, reconciled with the line read
 * alone, @alone (second_reading_reconcile()), reads @expected, and the lines around it stay. */
static void
expect_reconciled (const char *page_text, const char *alone, const char *expected)
{
  g_autofree char *text = NULL;
  g_autofree char *whole = g_strdup_printf ("前行|%s|后行", expected);
  g_autoptr (GArray) page_reading = g_array_new (FALSE, FALSE, sizeof (OcrSymbol));
  g_autoptr (GArray) again = g_array_new (FALSE, FALSE, sizeof (OcrSymbol));
  guint end;

  add_line (page_reading, "前行", 0, 0, 10); /* a line before, to stay as it is */
  add_line (page_reading, page_text, 0, 20, 10);
  add_line (page_reading, "后行", 0, 40, 10); /* and one after */
  add_line (again, alone, 0, 20, 10);
  end = second_reading_reconcile (page_reading, 2, page_reading->len - 2, again, NULL, NULL);
  g_assert_cmpuint (end, ==, page_reading->len - 2);
  g_assert_true (g_array_index (page_reading, OcrSymbol, 2).starts_line);
  for (guint j = 3; j < end; j++)
    g_assert_false (g_array_index (page_reading, OcrSymbol, j).starts_line);
  text = text_of (page_reading);
  g_assert_cmpstr (text, ==, whole);
}

static void
test_made_up (void)
{
  /* A wide character the line read alone lacks between two it agrees on is made up. */
  expect_reconciled ("平台，和群众可随时", "平台，群众可随时", "平台，群众可随时");
  /* A character read differently is not made up; nor a narrow one, nor one at an end. */
  expect_reconciled ("问题279人②。围", "问题279个②。围", "问题279人②。围");
  expect_reconciled ("占89.1%，", "占89.%，", "占89.1%，");
  expect_reconciled ("和群众", "群众", "和群众");
}

/* Reconciles @page_reading (one line from symbol 0) with @again and returns the line's text. */
static char *
reconciled (GArray *page_reading, const GArray *again)
{
  guint end = second_reading_reconcile (page_reading, 0, page_reading->len, again, NULL, NULL);

  g_assert_cmpuint (end, ==, page_reading->len);
  return text_of (page_reading);
}

static void
test_doubtful_ideographs (void)
{
  g_autoptr (GArray) page_reading = g_array_new (FALSE, FALSE, sizeof (OcrSymbol));
  g_autoptr (GArray) again = g_array_new (FALSE, FALSE, sizeof (OcrSymbol));
  g_autofree char *text = NULL;

  /* An ideograph the page read doubtfully and the line alone otherwise, confidently, takes
   * that reading ("重要戟体" at 0.84, "重要载体" at 0.99 alone); a confident one stays, though
   * the line alone was surer, and so does a doubtful one the line alone doubts too. */
  add_line (page_reading, "重要戟体作用侨卷", 0, 0, 10);
  add_line (again, "重要载体佐用侨眷", 0, 0, 10);
  g_array_index (page_reading, OcrSymbol, 2).confidence = 0.84f;
  g_array_index (page_reading, OcrSymbol, 4).confidence = 0.93f;
  g_array_index (again, OcrSymbol, 4).confidence = 0.95f;
  g_array_index (page_reading, OcrSymbol, 7).confidence = 0.64f;
  g_array_index (again, OcrSymbol, 7).confidence = 0.8f;
  text = reconciled (page_reading, again);
  g_assert_cmpstr (text, ==, "重要载体作用侨卷");
  g_assert_cmpfloat (g_array_index (page_reading, OcrSymbol, 2).confidence, ==, 0.99f);
  g_clear_pointer (&text, g_free);

  /* Only ideographs for ideographs, one for one: not a digit, nor two for one. */
  g_array_set_size (page_reading, 0), g_array_set_size (again, 0);
  add_line (page_reading, "年度1报告和群", 0, 0, 10);
  add_line (again, "年度人报告和谐群", 0, 0, 10);
  g_array_index (page_reading, OcrSymbol, 2).confidence = 0.5f;
  text = reconciled (page_reading, again);
  g_assert_cmpstr (text, ==, "年度1报告和群");
}

/* A reader of the ink under a box (SecondReadingGlyph) that reads the character of @data (a
 * string) at the box's middle, one every 10 points: "?" reads as nothing. */
static gboolean
read_stub_glyph (const RectoBox *box, gpointer data, OcrSymbol *symbol)
{
  const char *ink = g_utf8_offset_to_pointer (data, (glong) ((box->x1 + box->x2) / 2 / 10));

  *symbol = (OcrSymbol) { .c = g_utf8_get_char (ink), .x1 = box->x1, .y1 = box->y1,
                          .x2 = box->x2, .y2 = box->y2, .confidence = 0.97f };
  return symbol->c != '?';
}

/* An ideograph the two readings give otherwise is read a third time, alone: the reading that
 * agrees with it stands, though the line alone was surer ("莲江区" alone, read "蓬" a third
 * time), or both were sure; where it agrees with neither, or reads nothing, the line alone's
 * stands where the page's is doubtful and it is not. */
static void
test_third_reading (void)
{
  g_autoptr (GArray) page_reading = g_array_new (FALSE, FALSE, sizeof (OcrSymbol));
  g_autoptr (GArray) again = g_array_new (FALSE, FALSE, sizeof (OcrSymbol));
  const float page_confidences[] = { 0.75f, 0.99f, 0.93f, 0.99f, 0.64f, 0.84f, 0.99f, 0.95f };
  const float alone_confidences[] = { 0.95f, 0.99f, 0.93f, 0.99f, 0.98f, 0.99f, 0.99f, 0.95f };
  guint end;
  g_autofree char *text = NULL;

  add_line (page_reading, "蓬江擦亮卷戟体作", 0, 0, 10);
  add_line (again, "莲江控亮眷载体佐", 0, 0, 10);
  for (guint j = 0; j < G_N_ELEMENTS (page_confidences); j++)
    {
      g_array_index (page_reading, OcrSymbol, j).confidence = page_confidences[j];
      g_array_index (again, OcrSymbol, j).confidence = alone_confidences[j];
    }
  end = second_reading_reconcile (page_reading, 0, page_reading->len, again, read_stub_glyph,
                                  (gpointer) "蓬江控亮?裁体作");
  g_assert_cmpuint (end, ==, page_reading->len);
  text = text_of (page_reading);
  g_assert_cmpstr (text, ==, "蓬江控亮眷载体作");
  /* Two readings of three agree: the surer of them. */
  g_assert_cmpfloat (g_array_index (page_reading, OcrSymbol, 0).confidence, ==, 0.97f);
  g_assert_cmpfloat (g_array_index (page_reading, OcrSymbol, 2).confidence, ==, 0.97f);
}

/* Digits the page's reading has where the line read alone has an ideograph ("（89）" for
 * "（街）") give way to it where the ink about them, read alone, reads it too, shifted a little
 * where the boxes run off the ink; not where it reads otherwise or nothing. */
static void
test_digits_for_ideograph (void)
{
  const struct
  {
    const char *ink; /* what the glyph reader reads, one character every 10 points */
    const char *expected;
  } cases[] = { { "镇(?街)396个", "镇(街)396个" },
                { "镇(街?)396个", "镇(街)396个" },
                { "镇(?衔)396个", "镇(89)396个" },
                { "镇(??\?)396个", "镇(89)396个" } };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr (GArray) page_reading = g_array_new (FALSE, FALSE, sizeof (OcrSymbol));
      g_autoptr (GArray) again = g_array_new (FALSE, FALSE, sizeof (OcrSymbol));
      g_autofree char *text = NULL;
      guint end;

      add_line (page_reading, "镇(89)396个", 0, 0, 10);
      add_line (again, "镇〈街)396个", 0, 0, 10);
      end = second_reading_reconcile (page_reading, 0, page_reading->len, again, read_stub_glyph,
                                      (gpointer) cases[c].ink);
      g_assert_cmpuint (end, ==, page_reading->len);
      text = text_of (page_reading);
      g_assert_cmpstr (text, ==, cases[c].expected);
    }
}

/* A digit the page's reading missed ("5次" for "59次") is taken from the line read alone where
 * the page's reading leaves room for it beside a digit, and is read with confidence; not where
 * the digits stand close, nor where the line alone doubts it. */
static void
test_missed_digits (void)
{
  const struct
  {
    float room; /* between the page's "5" and "次" */
    float confidence; /* of the line alone's "9" */
    const char *expected;
  } cases[] = { { 5.5f, 0.99f, "谈会59次，" }, { 1, 0.99f, "谈会5次，" },
                { 5.5f, 0.6f, "谈会5次，" } };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr (GArray) page_reading = g_array_new (FALSE, FALSE, sizeof (OcrSymbol));
      g_autoptr (GArray) again = g_array_new (FALSE, FALSE, sizeof (OcrSymbol));
      g_autofree char *text = NULL;
      add_line (page_reading, "谈会", 0, 0, 10);
      add_line (page_reading, "5", 20, 0, 6);
      add_line (page_reading, "次，", 26 + cases[c].room, 0, 10);
      add_line (again, "谈会59次，", 0, 0, 10);
      for (guint j = 1; j < page_reading->len; j++)
        g_array_index (page_reading, OcrSymbol, j).starts_line = FALSE;
      g_array_index (again, OcrSymbol, 3).confidence = cases[c].confidence;
      text = reconciled (page_reading, again);
      g_assert_cmpstr (text, ==, cases[c].expected);
      if (page_reading->len == 6)
        {
          /* In the room, as tall as the "5". */
          g_assert_cmpfloat (g_array_index (page_reading, OcrSymbol, 3).x1, ==, 26);
          g_assert_cmpfloat (g_array_index (page_reading, OcrSymbol, 3).x2, ==, 31.5f);
          g_assert_false (g_array_index (page_reading, OcrSymbol, 3).starts_line);
        }
    }
}

static void
test_latin_for_chinese (void)
{
  /* Letters the line read alone reads as Chinese ink: its characters take their place, between
   * two symbols both readings agree on, or at the line's start or end. */
  expect_reconciled ("行政村GLK），91.6%", "行政村（社区），91.6%", "行政村（社区），91.6%");
  expect_reconciled ("HD）187个", "街）187个", "街）187个");
  expect_reconciled ("实现镇（街）SPER.", "实现镇（街）全覆盖。", "实现镇（街）全覆盖。");
  /* Letters read as letters again, or as letters and Chinese, stay. */
  expect_reconciled ("全省GDP增长", "全省GDP增长", "全省GDP增长");
  expect_reconciled ("手机APP，群众", "手机A里P，群众", "手机APP，群众");
  /* Nor do letters where the line read alone has nothing, or a sign only. */
  expect_reconciled ("建设Ab。", "建设。", "建设Ab。");
  expect_reconciled ("建设Ab。", "建设，。", "建设Ab。");
}

static void
test_boxes_keep_reading_order (void)
{
  g_autoptr (GArray) symbols = g_array_new (FALSE, FALSE, sizeof (OcrSymbol));
  const RectoBox boxes[] = { { -10, 10, 0, 20 },  /* 效 */
                             { 0, 10, 10, 20 },    /* 样 */
                             { 10, 10, 20, 20 },  /* 本 */
                             { 20, 12, 26, 20 },  /* 9 */
                             { 24, 10, 28, 20 },  /* 3 */
                             { 27, 10, 32, 20 },  /* 9: begins where 6 begins */
                             { 27, 12, 38, 20 },  /* 6 */
                             { 45, 17, 48, 20 } }; /* 份, shrunk to a stroke at the foot */
  g_autofree char *text = NULL;

  add_line (symbols, "效样本9396份", 0, 0, 1);
  for (guint j = 0; j < symbols->len; j++)
    {
      OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, j);
      symbol->x1 = boxes[j].x1, symbol->y1 = boxes[j].y1, symbol->x2 = boxes[j].x2, symbol->y2 = boxes[j].y2;
    }
  correct (symbols);
  text = text_of (symbols);
  g_assert_cmpstr (text, ==, "效样本9396份");
  for (guint j = 1; j < symbols->len; j++)
    {
      const OcrSymbol *before = &g_array_index (symbols, OcrSymbol, j - 1);
      const OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, j);
      g_assert_cmpfloat (symbol->x1, >, before->x1);
      g_assert_cmpfloat (before->x2, <=, symbol->x1);
      g_assert_cmpfloat (symbol->x2, >, symbol->x1);
    }
  /* The shrunken 份 has the line's height again, and stands in the line. */
  g_assert_cmpfloat (g_array_index (symbols, OcrSymbol, 7).y1, <=, 10.5);
  g_assert_cmpfloat (g_array_index (symbols, OcrSymbol, 7).x1, <, 45);
}

static void
test_punctuation (void)
{
  g_autoptr (GArray) symbols = g_array_new (FALSE, FALSE, sizeof (OcrSymbol));
  g_autofree char *text = NULL;
  OcrSymbol *colon;

  /* "图1：2023年": the colon takes an em, though digits stand on both sides of it. */
  add_line (symbols, "图1:2023年", 10, 10, 10);
  colon = &g_array_index (symbols, OcrSymbol, 2);
  colon->x2 = colon->x1 + 2;
  /* "12:30": the next digit follows the colon closely. */
  add_line (symbols, "12:30", 10, 40, 5);
  /* OCR cut "（3）完善" in two lines, and read the parentheses as ASCII and 《 */
  add_line (symbols, "(3)", 10, 70, 4);
  add_line (symbols, "完善", 22, 70, 10);
  add_line (symbols, "《5）每年", 10, 55, 10);
  correct (symbols);
  text = text_of (symbols);
  g_assert_cmpstr (text, ==, "图1：2023年|12:30|（3）完善|（5）每年");
}

/* A page in Latin script keeps its ASCII punctuation (a curly quote or an en dash beside a
 * comma is wide only in Chinese type), and its lines are not read again with the Chinese model
 * (which read the first line here, its words spaced wide apart, as "和"). */
static void
test_latin_punctuation (void)
{
  g_autoptr (GArray) symbols = g_array_new (FALSE, FALSE, sizeof (OcrSymbol));
  g_autofree char *text = NULL;

  add_line (symbols, "practice,allwereaccepted", 10, 10, 5);
  for (guint j = strlen ("practice,"); j < symbols->len; j++)
    g_array_index (symbols, OcrSymbol, j).x1 += 30, g_array_index (symbols, OcrSymbol, j).x2 += 30;
  add_line (symbols, "‘Yes’,said2020–21,then", 10, 40, 5);
  correct (symbols);
  text = text_of (symbols);
  g_assert_cmpstr (text, ==, "practice,allwereaccepted|‘Yes’,said2020–21,then");
}

/* The LSTM boxed "监督" of the short line "踪监督。" 20 points tall in 14-point type: a Chinese
 * character's box is fitted to the rows of its ink, and the line's size is its type's. */
static void
test_fit_to_ink (void)
{
  g_autoptr (GArray) symbols = g_array_new (FALSE, FALSE, sizeof (OcrSymbol));
  g_autoptr (RectoImage) image = blank_page ();

  add_line (symbols, "踪监督。", 10, 10, 14);
  for (guint j = 0; j < 3; j++)
    {
      OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, j);
      symbol->y2 = j == 0 ? 23 : 30; /* 踪 as tall as its ink, 监督 boxed 20 tall */
      for (guint row = 10; row < 23; row++)
        memset (image->pixels + row * image->stride + 11 + 14 * j, 0, 12);
    }
  g_assert_cmpfloat (scanned_line_size ((const OcrSymbol *) symbols->data, 4), >, 20);
  correct_on (symbols, image);
  for (guint j = 0; j < 3; j++)
    {
      g_assert_cmpfloat (g_array_index (symbols, OcrSymbol, j).y1, ==, 10);
      g_assert_cmpfloat (g_array_index (symbols, OcrSymbol, j).y2, ==, 23);
    }
  g_assert_cmpfloat (scanned_line_size ((const OcrSymbol *) symbols->data, 4), ==, 14.5);
}

/* "（=）": Tesseract's reading of 二 and 三 between parentheses; their bars tell which. */
static void
test_numeral_bars (void)
{
  g_autoptr (GArray) symbols = g_array_new (FALSE, FALSE, sizeof (OcrSymbol));
  g_autoptr (RectoImage) image = blank_page ();
  g_autofree char *text = NULL;

  add_line (symbols, "(=)一", 10, 10, 10);
  draw_bar (image, 22, 28, 11), draw_bar (image, 23, 27, 15), draw_bar (image, 21, 29, 18);
  add_line (symbols, "(=)二", 10, 40, 10);
  draw_bar (image, 22, 28, 42), draw_bar (image, 21, 29, 48);
  add_line (symbols, "1+1=2", 10, 70, 10); /* an equals sign among digits stays */
  draw_bar (image, 42, 48, 72), draw_bar (image, 42, 48, 76);
  correct_on (symbols, image);
  text = text_of (symbols);
  g_assert_cmpstr (text, ==, "（三）一|（二）二|1+1=2");
}

/* A heading's numeral 一 in a bold face, which Tesseract reads as a dash: a long bar between
 * parentheses or before an enumeration comma, first in its line, is the numeral; a short one
 * (a hyphen) and a dash elsewhere stay. */
static void
test_heading_numeral_bar (void)
{
  g_autoptr (GArray) symbols = g_array_new (FALSE, FALSE, sizeof (OcrSymbol));
  g_autoptr (RectoImage) image = blank_page ();
  g_autofree char *text = NULL;

  add_line (symbols, "(—)以人", 10, 10, 10);
  add_line (symbols, "—、坚持", 10, 40, 10);
  add_line (symbols, "以—、坚", 10, 70, 10);
  add_line (symbols, "(-)以人", 10, 100, 10);
  g_array_index (symbols, OcrSymbol, symbols->len - 4).x2 -= 7; /* the hyphen, 3 wide */
  add_line (symbols, "(—)abc", 10, 130, 10);
  correct_on (symbols, image);
  text = text_of (symbols);
  g_assert_cmpstr (text, ==, "（一）以人|一、坚持|以—、坚|（-）以人|（—）abc");
}

/* Draws @n vertical strokes @width pixels wide and 8 high, one every 6 pixels from @x, at @y. */
static void
draw_strokes (RectoImage *image, guint x, guint y, guint n, guint width)
{
  for (guint k = 0; k < n; k++)
    for (guint row = y + 1; row < y + 9; row++)
      memset (image->pixels + row * image->stride + x + 6 * k, 0, width);
}

/* Sets the left and right of the box of symbol @j of @symbols. */
static void
set_across (GArray *symbols, guint j, float x1, float x2)
{
  g_array_index (symbols, OcrSymbol, j).x1 = x1, g_array_index (symbols, OcrSymbol, j).x2 = x2;
}

/* The LSTM reads some ink twice: a symbol whose box starts where its neighbour's does, narrower,
 * read the same, is that one's echo where the ink of its run of figures and letters holds
 * fewer glyphs than the run has symbols ("S5566" for "S566": four glyphs). Figures printed
 * twice stay where the ink counts them all ("111"), or where their boxes start apart though
 * their ink touches ("2236"); and so do two of a kind side by side. */
static void
test_echoes (void)
{
  g_autoptr (GArray) symbols = g_array_new (FALSE, FALSE, sizeof (OcrSymbol));
  g_autoptr (RectoImage) image = blank_page ();
  g_autofree char *text = NULL;

  add_line (symbols, "推动S5566线", 10, 10, 10);
  set_across (symbols, 3, 50, 53), set_across (symbols, 4, 50, 57);
  set_across (symbols, 5, 57, 63), set_across (symbols, 6, 63, 70);
  draw_strokes (image, 33, 10, 1, 4); /* S */
  draw_strokes (image, 52, 10, 3, 4); /* 5, then 6 and 6 at 58 and 64 */
  add_line (symbols, "线段111公", 10, 30, 10);
  set_across (symbols, 10, 30, 39), set_across (symbols, 11, 30, 35);
  draw_strokes (image, 31, 30, 2, 2), draw_strokes (image, 53, 30, 1, 2);
  add_line (symbols, "线段2236公", 10, 50, 10);
  set_across (symbols, 15, 30, 34), set_across (symbols, 16, 32, 39);
  draw_bar (image, 31, 44, 57); /* "22" joined at the foot */
  draw_strokes (image, 52, 50, 2, 3);
  add_line (symbols, "线段55公里", 10, 70, 10);
  correct_on (symbols, image);
  text = text_of (symbols);
  g_assert_cmpstr (text, ==, "推动S566线|线段111公|线段2236公|线段55公里");
}

/* The line read alone may give one opening bracket's ink two readings ("村《〈社区)" for
 * "村（社区）"): of two opening brackets in a row, the first goes where the ink between their
 * neighbours holds one glyph (the neighbours' ink reaching in, touching their boxes, is
 * theirs). Two brackets printed in a row, two arcs of ink, stay. */
static void
test_doubled_brackets (void)
{
  g_autoptr (GArray) symbols = g_array_new (FALSE, FALSE, sizeof (OcrSymbol));
  g_autoptr (RectoImage) image = blank_page ();
  g_autofree char *text = NULL;

  add_line (symbols, "村《〈社区)", 10, 10, 10);
  draw_strokes (image, 17, 10, 1, 4); /* 村's last stroke, past its box */
  draw_strokes (image, 32, 10, 1, 3); /* the one bracket */
  add_line (symbols, "村（（社区", 10, 30, 10);
  draw_strokes (image, 25, 30, 2, 3); /* two brackets, at 25 and 31 */
  correct_on (symbols, image);
  text = text_of (symbols);
  g_assert_cmpstr (text, ==, "村（社区）|村（（社区");
}

static void
test_stroke_width (void)
{
  g_autoptr (RectoImage) image = blank_page ();

  g_assert_cmpfloat (bold_lines_stroke_width (image), ==, 0);
  draw_strokes (image, 10, 10, 5, 2);
  g_assert_cmpfloat_with_epsilon (bold_lines_stroke_width (image), 2, 1e-9);
  draw_strokes (image, 10, 40, 5, 4);
  g_assert_cmpfloat_with_epsilon (bold_lines_stroke_width (image), 3, 1e-9);
}

/* Appends the symbol @c with the box (@x1, @y1)-(@x2, @y2), starting a line if @starts_line. */
static void
add_symbol (GArray *symbols, gunichar c, float x1, float y1, float x2, float y2,
            gboolean starts_line)
{
  OcrSymbol symbol = { .c = c, .x1 = x1, .y1 = y1, .x2 = x2, .y2 = y2, .confidence = 0.95f,
                       .starts_word = TRUE, .starts_line = starts_line };

  g_array_append_val (symbols, symbol);
}

/* Draws an upright stroke of ink two pixels wide from (@x, @y1) to (@x + 1, @y2) on @image. */
static void
draw_upright (RectoImage *image, guint x, guint y1, guint y2)
{
  for (guint row = y1; row <= y2; row++)
    memset (image->pixels + row * image->stride + x, 0, 2);
}

/* What Tesseract reads in drawings and pictures is dropped: in a flowchart of empty boxes, a
 * box's corner read "L" (its side's two ends lie on the box's edges), the connector between
 * two boxes read "|", a whole box read as one character, and a symbol with no ink of its own
 * in a line all of whose inked symbols were a drawing's; a symbol with no ink boxed wider than
 * any glyph (a photograph's fill), and a short line on a photograph's greys. Kept: text, a bar that touches
 * no rule, a dash two ems long read "一一", characters whose strokes reach an underline, a
 * symbol with ink boxed as wide (the LSTM's boxes swallow neighbours), a letter on a tinted
 * panel, and a line with no ink on the paper (a pale line Tesseract saw). */
static void
test_drawn_symbols (void)
{
  g_autoptr (GArray) symbols = g_array_new (FALSE, FALSE, sizeof (OcrSymbol));
  g_autoptr (RectoImage) image = blank_page ();
  g_autofree char *text = NULL;

  add_line (symbols, "文字文字", 10, 10, 10);
  for (guint k = 0; k < 4; k++)
    draw_strokes (image, 11 + 10 * k, 10, 2, 2);
  add_line (symbols, "文|字", 10, 35, 10);
  draw_strokes (image, 11, 35, 2, 2), draw_upright (image, 24, 37, 44);
  draw_strokes (image, 31, 35, 2, 2);
  /* Two boxes, 90 pixels wide, the upper from row 5 to 21, the lower from 35 to 51, and the
   * connector between them. */
  for (guint top = 5; top <= 35; top += 30)
    {
      draw_bar (image, 100, 190, top), draw_bar (image, 100, 190, top + 15);
      draw_upright (image, 100, top, top + 16), draw_upright (image, 188, top, top + 16);
    }
  draw_upright (image, 145, 22, 34);
  add_symbol (symbols, 'L', 100, 10, 110, 20, TRUE);
  add_symbol (symbols, 'L', 103, 8, 113, 18, TRUE); /* inside the box: no ink */
  add_symbol (symbols, 'U', 100, 8, 190, 18, FALSE);
  add_symbol (symbols, '|', 143, 23, 149, 33, TRUE);
  add_symbol (symbols, 0x8BB0 /* 记 */, 100, 38, 190, 48, TRUE);
  add_line (symbols, "一一", 10, 60, 11);
  draw_bar (image, 10, 32, 64);
  add_line (symbols, "文字", 60, 60, 10);
  draw_strokes (image, 61, 60, 2, 2), draw_strokes (image, 71, 60, 2, 2);
  draw_bar (image, 58, 100, 69);
  add_symbol (symbols, 'C', 110, 62, 160, 72, TRUE); /* five ems wide, no ink: a photograph */
  add_symbol (symbols, 0x56FE /* 图 */, 10, 75, 60, 85, TRUE); /* as wide, over ink */
  draw_strokes (image, 11, 75, 2, 2);
  /* A photograph's greys, paler than ink, and a panel tinted one grey, with a letter on each. */
  for (guint y = 55; y < 95; y++)
    for (guint x = 165; x < 195; x++)
      image->pixels[y * image->stride + x] = (guint8) (140 + (x - 165));
  add_symbol (symbols, 'C', 170, 70, 180, 80, TRUE);
  for (guint y = 80; y < 98; y++)
    memset (image->pixels + y * image->stride + 60, 200, 35);
  add_line (symbols, "甲", 70, 85, 10);
  draw_strokes (image, 71, 85, 2, 2);
  add_line (symbols, "淡", 10, 88, 10);
  g_assert_cmpuint (rule_symbols_drop (symbols, image, &page, 1.0), ==, 7);
  text = text_of (symbols); /* its lines joined by "|" */
  g_assert_cmpstr (text, ==, "文字文字|文|字|一一|文字|图|甲|淡");
}

/* Latin lines are weighed by their strokes, against the page's typical line: a short heading
 * of thick strokes is bold, though it fills its box less than the body lines fill theirs. */
static void
test_bold_latin (void)
{
  g_autoptr (GArray) symbols = g_array_new (FALSE, FALSE, sizeof (OcrSymbol));
  g_autoptr (RectoImage) image = blank_page ();

  add_line (symbols, "Heading", 10, 10, 6);
  draw_strokes (image, 10, 10, 3, 4); /* three letters' worth of ink, in a seven-letter box */
  for (guint k = 0; k < 3; k++)
    {
      add_line (symbols, "bodytext", 10, 30 + 20 * k, 6);
      for (guint x = 10; x < 58; x += 2)
        draw_strokes (image, x, 30 + 20 * k, 1, 1); /* dense thin strokes */
    }
  bold_lines_find (symbols, image, &page, 1.0);
  for (guint j = 0; j < symbols->len; j++)
    g_assert_cmpint (g_array_index (symbols, OcrSymbol, j).bold, ==, j < strlen ("Heading"));
}

/* A chart's rules, which OCR reads as lines of blanks, are no lines of text: their long runs of
 * ink do not make the page's typical line heavy (vol511-scanned p. 25: none of its three
 * headings came out bold beside two charts' frames), and they are not bold. */
static void
test_bold_beside_rules (void)
{
  g_autoptr (GArray) symbols = g_array_new (FALSE, FALSE, sizeof (OcrSymbol));
  g_autoptr (RectoImage) image = blank_page ();

  add_line (symbols, "Heading", 10, 10, 6);
  draw_strokes (image, 10, 10, 3, 4);
  for (guint k = 0; k < 3; k++)
    {
      add_line (symbols, "bodytext", 10, 30 + 20 * k, 6);
      for (guint x = 10; x < 58; x += 2)
        draw_strokes (image, x, 30 + 20 * k, 1, 1);
    }
  for (guint k = 0; k < 4; k++)
    {
      add_line (symbols, "    ", 100, 10 + 20 * k, 20);
      draw_bar (image, 100, 180, 15 + 20 * k);
    }
  bold_lines_find (symbols, image, &page, 1.0);
  for (guint j = 0; j < symbols->len; j++)
    g_assert_cmpint (g_array_index (symbols, OcrSymbol, j).bold, ==, j < strlen ("Heading"));
}

/* A line of Chinese is weighed by its ideographs' ink where it has three at least: one alone is
 * dense by its strokes' count as much as by its weight, and its level strokes make long runs
 * along its rows (a paragraph's last line, "案。", came out bold, a block of its own). A line
 * of one or two is weighed by its strokes' width across them: heavier strokes make it bold. */
static void
test_bold_short_line (void)
{
  g_autoptr (GArray) symbols = g_array_new (FALSE, FALSE, sizeof (OcrSymbol));
  g_autoptr (RectoImage) image = blank_page ();

  for (guint k = 0; k < 3; k++)
    {
      add_line (symbols, "年度报告全文", 10, 10 + 20 * k, 10);
      for (guint x = 12; x < 70; x += 10)
        draw_strokes (image, x, 10 + 20 * k, 2, 2); /* two upright strokes an ideograph */
    }
  add_line (symbols, "案。", 10, 70, 10);
  for (guint y = 72; y < 80; y += 3)
    draw_bar (image, 11, 19, y); /* three level strokes as wide: dense, not heavy */
  add_line (symbols, "报告", 110, 70, 10);
  for (guint k = 0; k < 2; k++)
    draw_strokes (image, 111 + 10 * k, 70, 2, 3); /* heavy strokes, denser ink */
  bold_lines_find (symbols, image, &page, 1.0);
  for (guint j = 0; j < symbols->len; j++)
    g_assert_cmpint (g_array_index (symbols, OcrSymbol, j).bold, ==, j >= 20);
}

/* Draws in the 10-point boxes of @n ideographs from (@x, @y) @strokes upright strokes each,
 * @width pixels wide and @step apart. */
static void
draw_ideographs (RectoImage *image, guint x, guint y, guint n, guint strokes, guint width,
                 guint step)
{
  for (guint k = 0; k < n; k++)
    for (guint i = 0; i < strokes; i++)
      draw_strokes (image, x + 10 * k + 1 + step * i, y, 1, width);
}

/* A short line whose ink is dense but whose strokes are thin (or the reverse) is set as the
 * line it ends: the bold "效。" that ends a heading stays bold, a paragraph's last line
 * "加顺畅。" stays light. */
static void
test_bold_unsure_line (void)
{
  g_autoptr (GArray) symbols = g_array_new (FALSE, FALSE, sizeof (OcrSymbol));
  g_autoptr (RectoImage) image = blank_page ();
  guint heading_end = 0;

  for (guint column = 0; column < 2; column++)
    {
      guint x = 10 + 100 * column, y = 10;
      for (guint k = 0; k < 2 + column; k++, y += 20)
        {
          add_line (symbols, "年度报告全文", x, y, 10);
          draw_ideographs (image, x, y, 6, 2, 2, 5);
        }
      if (column == 0)
        {
          add_line (symbols, "推动振兴取得", x, y, 10); /* a bold heading */
          draw_ideographs (image, x, y, 6, 2, 3, 5);
          y += 20;
        }
      add_line (symbols, column == 0 ? "实效。" : "加顺畅。", x, y, 10);
      draw_ideographs (image, x, y, column == 0 ? 2 : 3, 3, 2, 3); /* dense, thin strokes */
      heading_end = column == 0 ? symbols->len : heading_end;
    }
  bold_lines_find (symbols, image, &page, 1.0);
  for (guint j = 0; j < symbols->len; j++)
    g_assert_cmpint (g_array_index (symbols, OcrSymbol, j).bold, ==, j >= 12 && j < heading_end);
}

/* Marks the first symbol of each word of the line of @symbols from @from, its words @lengths
 * symbols long (@n of them). */
static void
set_words (GArray *symbols, guint from, const guint *lengths, guint n)
{
  for (guint k = 0, j = from; k < n; j += lengths[k++])
    for (guint i = 0; i < lengths[k]; i++)
      g_array_index (symbols, OcrSymbol, j + i).starts_word = i == 0;
}

/* A heading run into its paragraph's first line ("Staffing. A public inquiry…") is bold up to
 * its full stop, when its strokes are heavier than the rest of the line's; a point inside a
 * number ("21.8") ends none, a line of one weight has no bold lead, nor has a stop alone (a
 * scanned form's box read "。"). */
static void
test_bold_lead (void)
{
  static const guint words[] = { 9, 1, 6, 7 }; /* "Staffing." "A" "public" "inquiry" */
  static const guint number[] = { 2, 4, 4, 6, 6 }; /* "in" "21.8" "tons" "beside" "others" */
  g_autoptr (GArray) symbols = g_array_new (FALSE, FALSE, sizeof (OcrSymbol));
  g_autoptr (RectoImage) image = recto_image_new (240, 100);

  memset (image->pixels, 255, image->stride * image->height);
  add_line (symbols, "Staffing.Apublicinquiry", 10, 10, 6);
  set_words (symbols, 0, words, G_N_ELEMENTS (words));
  draw_strokes (image, 10, 10, 9, 3); /* the lead's letters, heavy */
  draw_strokes (image, 64, 10, 14, 1);
  add_line (symbols, "Reserves.Apublicinquiry", 10, 30, 6); /* one weight throughout */
  set_words (symbols, 23, words, G_N_ELEMENTS (words));
  draw_strokes (image, 10, 30, 23, 1);
  add_line (symbols, "in21.8tonsbesideothers", 10, 50, 6);
  set_words (symbols, 46, number, G_N_ELEMENTS (number));
  draw_strokes (image, 10, 50, 6, 3); /* a heavy start, but no heading's stop */
  draw_strokes (image, 46, 50, 15, 1);
  add_line (symbols, "。学校有权保存学位论文的印刷本", 10, 70, 6); /* a misread box, heavy */
  draw_strokes (image, 10, 70, 1, 4);
  draw_strokes (image, 16, 70, 14, 1);
  bold_lines_find (symbols, image, &page, 1.0);
  for (guint j = 0; j < symbols->len; j++)
    g_assert_cmpint (g_array_index (symbols, OcrSymbol, j).bold, ==, j < strlen ("Staffing."));
}

/* A letter's box ends where the next letter of its word begins: OCR's boxes are as tight as
 * the ink, and the gaps between them would read as spaces. Words stay apart. */
static void
test_words_close_up (void)
{
  g_autoptr (GArray) symbols = g_array_new (FALSE, FALSE, sizeof (OcrSymbol));
  const char *text = "Annual report";

  add_line (symbols, "Annualreport", 10, 10, 6);
  for (guint j = 0; j < symbols->len; j++)
    {
      OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, j);
      symbol->starts_word = j == 0 || j == 6;
      symbol->x1 += j >= 6 ? 4 : 0, symbol->x2 = symbol->x1 + 3; /* 3 wide, 3 apart */
    }
  correct (symbols);
  for (guint j = 0; j + 1 < symbols->len; j++)
    {
      const OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, j);
      const OcrSymbol *next = &g_array_index (symbols, OcrSymbol, j + 1);
      if (j + 1 == 6)
        g_assert_cmpfloat (next->x1 - symbol->x2, >=, 3);
      else
        g_assert_cmpfloat (next->x1, ==, symbol->x2);
    }
  g_assert_cmpuint (symbols->len, ==, strlen (text) - 1);
}

/* Sets the heights of symbols @from on of @symbols to @heights, keeping their baseline. */
static void
set_heights (GArray *symbols, guint from, const float *heights, guint n)
{
  for (guint j = 0; j < n; j++)
    {
      OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, from + j);
      symbol->y1 = symbol->y2 - heights[j];
    }
}

/* Sets the advances from each of symbols 0 to @n to the next to @advances (@n of them). */
static void
shift_borders (GArray *symbols, const float *advances, guint n)
{
  for (guint j = 0; j < n; j++)
    {
      OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, j + 1);
      float width = symbol->x2 - symbol->x1;
      symbol->x1 = g_array_index (symbols, OcrSymbol, j).x1 + advances[j];
      symbol->x2 = symbol->x1 + width;
    }
}

/* A Latin line's size comes from its short letters' mean height (the median would step by the
 * scan's whole pixels), else from its capitals and digits; a Chinese line's from its
 * ideographs. */
static void
test_line_size (void)
{
  g_autoptr (GArray) symbols = g_array_new (FALSE, FALSE, sizeof (OcrSymbol));
  const float more_low[] = { 7.1f, 5.0f, 5.0f, 5.5f, 5.0f, 5.5f, 5.5f }; /* "Summary" */
  const float more_high[] = { 7.1f, 5.5f, 5.5f, 5.0f, 5.5f, 5.0f, 5.0f };
  const float number[] = { 7.1f, 7.0f, 7.2f };
  const float chinese[] = { 9, 8, 9, 9.5f };
  const float tall_chinese[] = { 14, 13.5f, 14, 15 };
  const float jittered[] = { 8.5f, 8.5f, 13, 8.5f, 11.5f }; /* median 8.5, mean 10 */
  const float spaced[] = { 10, 30, 10 };

  add_line (symbols, "Summary", 0, 0, 5);
  set_heights (symbols, 0, more_low, 7);
  g_assert_cmpfloat (scanned_line_size ((const OcrSymbol *) symbols->data, 7), ==, 10);
  set_heights (symbols, 0, more_high, 7);
  g_assert_cmpfloat (scanned_line_size ((const OcrSymbol *) symbols->data, 7), ==, 10);
  g_array_set_size (symbols, 0);
  add_line (symbols, "150", 0, 0, 5);
  set_heights (symbols, 0, number, 3);
  g_assert_cmpfloat (scanned_line_size ((const OcrSymbol *) symbols->data, 3), ==, 10);
  g_array_set_size (symbols, 0);
  add_line (symbols, "年度报告", 0, 0, 10);
  set_heights (symbols, 0, chinese, 4);
  g_assert_cmpfloat (scanned_line_size ((const OcrSymbol *) symbols->data, 4), ==, 10);
  /* Boxes as tall as the line and more: the ideographs' advance tells the em. */
  set_heights (symbols, 0, tall_chinese, 4);
  g_assert_cmpfloat (scanned_line_size ((const OcrSymbol *) symbols->data, 4), ==, 10);
  /* A title spaced out: its height tells the em. */
  g_array_set_size (symbols, 0);
  add_line (symbols, "年度报告", 0, 0, 15);
  set_heights (symbols, 0, chinese, 4);
  g_assert_cmpfloat (scanned_line_size ((const OcrSymbol *) symbols->data, 4), ==, 10);
  /* The LSTM puts the border between two characters anywhere in the room between their ink:
   * one advance made longer makes the next shorter ("集群" 28.7 and 8.7 points in 14-point
   * type, vol111-scanned p. 3), and the line is not set smaller for it. */
  g_array_set_size (symbols, 0);
  add_line (symbols, "收集群众反映", 0, 0, 10);
  set_heights (symbols, 0, chinese, 4);
  set_heights (symbols, 4, chinese, 2);
  shift_borders (symbols, jittered, G_N_ELEMENTS (jittered));
  g_assert_cmpfloat (scanned_line_size ((const OcrSymbol *) symbols->data, 6), ==, 10);
  /* Boxes as tall as the line, with a word space between two characters (a table's row read
   * as one line): the space is no advance. */
  g_array_set_size (symbols, 0);
  add_line (symbols, "年度报告", 0, 0, 10);
  set_heights (symbols, 0, tall_chinese, 4);
  shift_borders (symbols, spaced, G_N_ELEMENTS (spaced));
  g_assert_cmpfloat (scanned_line_size ((const OcrSymbol *) symbols->data, 4), ==, 10);
  /* A contents line's leader dots read as small letters ("Summary.....12" read
   * "Summaryeeeeeeee12"), their certainty taken away as dots' (image-line-ink.c): they do not
   * make the line's x-height a dot's. */
  g_array_set_size (symbols, 0);
  add_line (symbols, "Summaryeeeeeeeeeeeeeeeeeeeeeeeeeeeeee", 0, 0, 5);
  set_heights (symbols, 0, more_low, 7);
  for (guint i = 7; i < symbols->len; i++)
    {
      OcrSymbol *dot = &g_array_index (symbols, OcrSymbol, i);
      dot->y1 = dot->y2 - 1.2f, dot->confidence = 0;
    }
  g_assert_cmpfloat (scanned_line_size ((const OcrSymbol *) symbols->data, symbols->len), ==, 10);
}

/* A line's glyphs stand in a band of its type size, centred, in a line with ideographs, on
 * its letters and digits: a paragraph's last line "条。", whose full stop's ink sits at the
 * foot of the em, keeps the band of the character (vol111-scanned p. 13 set it 5 points low, a paragraph of its own);
 * a table's row read as one line, a label set between two lines of times beside it, keeps the
 * band of the times (centred on the label, ragflow__test_rec3 p. 17 ran two of its lines into
 * one). */
static void
test_line_band (void)
{
  g_autoptr (RectoDocument) doc = recto_document_new ();
  RectoPage *sheet = recto_document_add_page (doc, 200, 100, NULL);
  g_autoptr (GArray) symbols = g_array_new (FALSE, FALSE, sizeof (OcrSymbol));
  const RectoBox *boxes;
  guint unasserted = 0;

  add_line (symbols, "条。", 10, 10, 10);
  g_array_index (symbols, OcrSymbol, 1).y1 = 17; /* the full stop: its ink, 3 points high */
  g_assert_cmpuint (scanned_line_add (doc, sheet, (const OcrSymbol *) symbols->data, 2, 0.5f,
                                      &unasserted), ==, 2);
  boxes = (const RectoBox *) sheet->boxes->data;
  g_assert_cmpfloat_with_epsilon ((boxes[0].y1 + boxes[0].y2) / 2, 15, 0.01);
  g_assert_cmpfloat_with_epsilon ((boxes[1].y1 + boxes[1].y2) / 2, 15, 0.01);

  g_array_set_size (symbols, 0);
  add_line (symbols, "國0730", 10, 40, 5);
  g_array_index (symbols, OcrSymbol, 0).y1 = 46, g_array_index (symbols, OcrSymbol, 0).y2 = 56;
  for (guint j = 1; j < symbols->len; j++)
    g_array_index (symbols, OcrSymbol, j).starts_word = FALSE;
  g_assert_cmpuint (scanned_line_add (doc, sheet, (const OcrSymbol *) symbols->data, 5, 0.5f,
                                      &unasserted), ==, 5);
  boxes = (const RectoBox *) sheet->boxes->data;
  g_assert_cmpfloat_with_epsilon ((boxes[2].y1 + boxes[2].y2) / 2, 45, 0.01);
  g_assert_cmpuint (unasserted, ==, 0);
}

/* The dashes OCR reads in a Latin line: a bar half an em long is an en dash, an em long an em
 * dash, a quarter of an em a hyphen, whatever it was read as; in a Chinese line a hyphen stays
 * one. */
static void
test_dash_lengths (void)
{
  g_autoptr (GArray) symbols = g_array_new (FALSE, FALSE, sizeof (OcrSymbol));
  g_autofree char *text = NULL;
  /* x-height 5.3: an em of 10 points. */
  const char *line = "in 2020-21 a well-being now-or 2021—22: end";
  const float lengths[] = { 5, 2.5f, 9.5f, 5 }; /* en dash, hyphen, em dash, en dash */
  guint dash = 0;

  add_line (symbols, line, 0, 0, 5);
  for (guint j = 0; j < symbols->len; j++)
    {
      OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, j);
      symbol->y2 = symbol->y1 + 5.3f;
      if (symbol->c == '-' || symbol->c == 0x2014)
        symbol->x2 = symbol->x1 + lengths[dash++], symbol->y1 = symbol->y2 - 1;
    }
  correct (symbols);
  text = text_of (symbols);
  /* The colon stays ASCII: a dash is no Chinese character to measure the line's em by. */
  g_assert_cmpstr (text, ==, "in 2020–21 a well-being now—or 2021–22: end");
  g_clear_pointer (&text, g_free);
  g_array_set_size (symbols, 0);
  add_line (symbols, "年度2020-21报告", 0, 40, 10);
  g_array_index (symbols, OcrSymbol, 6).x2 -= 5; /* half an em of ink */
  g_array_index (symbols, OcrSymbol, 6).y1 += 9;
  correct (symbols);
  text = text_of (symbols);
  g_assert_cmpstr (text, ==, "年度2020-21报告");
}

/* Draws a stroke @thickness pixels wide from (@x1, @y1) to (@x2, @y2). */
static void
draw_stroke (RectoImage *image, double x1, double y1, double x2, double y2, double thickness)
{
  double length = hypot (x2 - x1, y2 - y1);

  for (guint y = 0; y < image->height; y++)
    for (guint x = 0; x < image->width; x++)
      {
        double px = x + 0.5 - x1, py = y + 0.5 - y1;
        double along = (px * (x2 - x1) + py * (y2 - y1)) / length;
        double across = fabs (px * (y2 - y1) - py * (x2 - x1)) / length;
        if (along >= 0 && along <= length && across <= thickness / 2)
          image->pixels[y * image->stride + x] = 0;
      }
}

/* A dash whose box is not its ink (as tall as the line, cut short, or wider than the bar) is
 * measured by its ink: the bar standing alone in its box widened by half an em, up to where a
 * neighbour's stroke touches it (vol511-scanned's "2020–21" in a caption, read "—" in a box
 * 0.4 em wide, its bar touching the "0"). */
static void
test_dash_ink (void)
{
  g_autoptr (GArray) symbols = g_array_new (FALSE, FALSE, sizeof (OcrSymbol));
  g_autoptr (RectoImage) image = blank_page ();
  g_autofree char *text = NULL;
  OcrSymbol *en, *hyphen;

  /* x-height 5.3: an em of 10 points, one pixel a point. */
  add_line (symbols, "in 2020-21 a well-being", 0, 0, 5);
  for (guint j = 0; j < symbols->len; j++)
    g_array_index (symbols, OcrSymbol, j).y2 = 5.3f;
  en = &g_array_index (symbols, OcrSymbol, 7), hyphen = &g_array_index (symbols, OcrSymbol, 17);
  en->c = 0x2014, en->x2 = en->x1 + 4, en->y2 = 10; /* read "—", 0.4 em wide, 1 em tall */
  draw_stroke (image, 33.5, 0, 33.5, 6, 1); /* the "0"'s right side, touching the bar */
  draw_bar (image, 33, 39, 2); /* the en dash: 0.6 em with the stroke, 0.5 without */
  hyphen->x2 = hyphen->x1 + 10, hyphen->y2 = 10; /* an em wide, an em tall */
  draw_stroke (image, 83.5, 0, 83.5, 6, 1); /* the "l" */
  draw_bar (image, 86, 89, 2); /* the hyphen: 0.3 em */
  draw_stroke (image, 92.5, 0, 92.5, 6, 1); /* the "b" */
  correct_on (symbols, image);
  text = text_of (symbols);
  g_assert_cmpstr (text, ==, "in 2020–21 a well-being");
}

/* A page with a stray ideograph among its Latin letters is Latin; a Chinese page is not. */
static void
test_latin_page (void)
{
  g_autoptr (GArray) symbols = g_array_new (FALSE, FALSE, sizeof (OcrSymbol));

  g_assert_false (scanned_page_is_latin (symbols));
  add_line (symbols, "The Committee employed 578 sta什 of whom 93.9 per cent worked", 0, 0, 1);
  g_assert_true (scanned_page_is_latin (symbols));
  add_line (symbols, "全过程人民民主的江门实践", 0, 20, 1);
  g_assert_false (scanned_page_is_latin (symbols));
}

/* Only a line of one to four digits, dashes around them aside, is read again as a number. */
static void
test_number_lines (void)
{
  g_autoptr (GArray) symbols = g_array_new (FALSE, FALSE, sizeof (OcrSymbol));
  guint first, after;

  add_line (symbols, "67", 0, 0, 5);           /* 0..2 */
  add_line (symbols, "- 07 -", 0, 10, 5);      /* 2..8 */
  add_line (symbols, "2023年", 0, 20, 5);      /* 8..13 */
  add_line (symbols, "12345", 0, 40, 5);       /* 13..18 */
  add_line (symbols, "iv", 0, 60, 5);          /* 18..20 */
  add_line (symbols, "1-2", 0, 70, 5);         /* 20..23 */
  g_assert_true (number_lines_find (symbols, 0, 2, &first, &after));
  g_assert_cmpuint (first, ==, 0);
  g_assert_cmpuint (after, ==, 2);
  g_assert_true (number_lines_find (symbols, 2, 8, &first, &after));
  g_assert_cmpuint (first, ==, 4);
  g_assert_cmpuint (after, ==, 6);
  g_assert_false (number_lines_find (symbols, 8, 13, &first, &after));
  g_assert_false (number_lines_find (symbols, 13, 18, &first, &after));
  g_assert_false (number_lines_find (symbols, 18, 20, &first, &after));
  g_assert_false (number_lines_find (symbols, 20, 23, &first, &after));
  g_assert_false (number_lines_find (symbols, 0, 0, &first, &after));
}

/* Fills the rectangle [x1, x2) × [y1, y2) of @image with ink. */
static void
fill_box (RectoImage *image, guint x1, guint y1, guint x2, guint y2)
{
  for (guint y = y1; y < y2; y++)
    memset (image->pixels + y * image->stride + x1, 0, x2 - x1);
}

/* An "l" with serifs, which Tesseract reads as "L" in small type, has its stem over the middle
 * of its foot; an "L" has its stem at its foot's left end. */
static void
test_stem_centred (void)
{
  g_autoptr (RectoImage) capital = recto_image_new (20, 30);
  g_autoptr (RectoImage) serif_l = recto_image_new (20, 30);
  g_autoptr (RectoImage) bar_l = recto_image_new (20, 30);

  memset (capital->pixels, 255, capital->stride * capital->height);
  memset (serif_l->pixels, 255, serif_l->stride * serif_l->height);
  memset (bar_l->pixels, 255, bar_l->stride * bar_l->height);
  fill_box (capital, 3, 2, 6, 28), fill_box (capital, 3, 25, 17, 28);
  fill_box (serif_l, 8, 2, 11, 28), fill_box (serif_l, 5, 2, 11, 4), fill_box (serif_l, 5, 25, 14, 28);
  fill_box (bar_l, 8, 2, 11, 28);
  g_assert_false (glyph_shape_stem_centred (capital));
  g_assert_true (glyph_shape_stem_centred (serif_l));
  g_assert_true (glyph_shape_stem_centred (bar_l));
}

/* A tilde (a stroke whose middle line rises and falls), against 一 (a flat bar, thicker at its
 * ends), a slanted stroke and two dots side by side. */
static void
test_wave (void)
{
  g_autoptr (RectoImage) tilde = recto_image_new (28, 28);
  g_autoptr (RectoImage) one = recto_image_new (28, 28);
  g_autoptr (RectoImage) slant = recto_image_new (28, 28);
  g_autoptr (RectoImage) dots = recto_image_new (28, 28);

  memset (tilde->pixels, 255, tilde->stride * tilde->height);
  memset (one->pixels, 255, one->stride * one->height);
  memset (slant->pixels, 255, slant->stride * slant->height);
  memset (dots->pixels, 255, dots->stride * dots->height);
  for (int x = 3; x <= 24; x++)
    {
      int y = 14 - (int) lround (3 * sin ((x - 3) * 2 * G_PI / 21));
      fill_box (tilde, x, y, x + 1, y + 3);
      fill_box (slant, x, 24 - (x - 3) / 2, x + 1, 27 - (x - 3) / 2);
    }
  fill_box (one, 3, 13, 25, 16), fill_box (one, 3, 12, 6, 17), fill_box (one, 22, 11, 25, 18);
  fill_box (dots, 4, 13, 8, 16), fill_box (dots, 19, 13, 23, 16);
  g_assert_true (glyph_shape_is_wave (tilde));
  g_assert_false (glyph_shape_is_wave (one));
  g_assert_false (glyph_shape_is_wave (slant));
  g_assert_false (glyph_shape_is_wave (dots));
}

/* Draws a ring of ink, @thickness pixels thick, round (@cx, @cy) out to @radius pixels. */
static void
draw_ring (RectoImage *image, double cx, double cy, double radius, double thickness)
{
  for (guint y = 0; y < image->height; y++)
    for (guint x = 0; x < image->width; x++)
      {
        double d = hypot (x + 0.5 - cx, y + 0.5 - cy);
        if (d <= radius && d > radius - thickness)
          image->pixels[y * image->stride + x] = 0;
      }
}

/* A white cell an em of @size pixels square. */
static RectoImage *
blank_cell (guint size)
{
  RectoImage *cell = recto_image_new (size, size);
  memset (cell->pixels, 255, cell->stride * cell->height);
  return cell;
}

/* "。" is a small ring low on the left of its cell (GB/T 3620.1's note font, 33 pixels an em);
 * a degree sign stands high, a full-width "ｏ" in the middle, a full-width "．" is solid, a "c"
 * is open on its right, and a ring beside other ink is part of a bigger glyph. */
static void
test_full_stop (void)
{
  g_autoptr (RectoImage) stop = blank_cell (33);
  g_autoptr (RectoImage) degree = blank_cell (33);
  g_autoptr (RectoImage) middle = blank_cell (33);
  g_autoptr (RectoImage) dot = blank_cell (33);
  g_autoptr (RectoImage) open = blank_cell (33);
  g_autoptr (RectoImage) beside = blank_cell (33);

  draw_ring (stop, 8.5, 23, 4, 1.5);
  g_assert_true (glyph_shape_is_full_stop (stop));
  draw_ring (degree, 8.5, 8, 4, 1.5);
  g_assert_false (glyph_shape_is_full_stop (degree));
  draw_ring (middle, 16.5, 23, 4, 1.5);
  g_assert_false (glyph_shape_is_full_stop (middle));
  draw_ring (dot, 8.5, 23, 4, 4);
  g_assert_false (glyph_shape_is_full_stop (dot));
  draw_ring (open, 8.5, 23, 4, 1.5);
  for (guint y = 21; y < 26; y++)
    memset (open->pixels + y * open->stride + 10, 255, 3); /* its right side taken out */
  g_assert_false (glyph_shape_is_full_stop (open));
  draw_ring (beside, 8.5, 23, 4, 1.5);
  fill_box (beside, 16, 10, 18, 28);
  g_assert_false (glyph_shape_is_full_stop (beside));
}

/* Draws a footnote ring, ① (a "1" of pixel blocks inside a ring), @em pixels across, its
 * left at @x and top at @y. */
static void
draw_circled_one (RectoImage *image, double x, double y, double em)
{
  static const char *const one[] = { "..#..", ".##..", "#.#..", "..#..", "..#..",
                                     "..#..", "..#..", "..#..", "#####" };
  guint block = (guint) (em / 20);

  draw_ring (image, x + em / 2, y + em / 2, em / 2, em / 14);
  for (guint row = 0; row < G_N_ELEMENTS (one); row++)
    for (guint column = 0; column < 5; column++)
      if (one[row][column] == '#')
        fill_box (image, (guint) (x + em / 2 - 2.5 * block) + column * block,
                  (guint) (y + em / 2 - 4.5 * block) + row * block,
                  (guint) (x + em / 2 - 2.5 * block) + (column + 1) * block,
                  (guint) (y + em / 2 - 4.5 * block) + (row + 1) * block);
}

/* Corrects a line of four Chinese characters 44 pixels an em, the second of which OCR read as
 * @c in the box from @x1 to @x2 and from @y1 to @y2, over a ring drawn @em pixels across at
 * @ring_x, @ring_y; the last two start at @next. Returns the line's text. */
static char *
correct_ring (gunichar c, float x1, float y1, float x2, float y2, double ring_x, double ring_y,
              double em, float next)
{
  g_autoptr (GArray) symbols = g_array_new (FALSE, FALSE, sizeof (OcrSymbol));
  g_autoptr (RectoImage) image = blank_page ();

  add_line (symbols, "群", 0, 28, 44);
  g_array_append_val (symbols, ((OcrSymbol) { .c = c, .x1 = x1, .y1 = y1, .x2 = x2, .y2 = y2,
                                              .confidence = 0.9f, .starts_word = TRUE }));
  add_line (symbols, "众映", next, 28, 20);
  for (guint j = 0; j < symbols->len; j++)
    {
      OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, j);
      symbol->starts_line = j == 0;
      if (symbol->c != c)
        symbol->y2 = 72;
    }
  draw_circled_one (image, ring_x, ring_y, em);
  correct_on (symbols, image);
  return text_of (symbols);
}

/* A footnote ring OCR read as a Chinese character is ①; one boxed with the character after
 * it keeps that character, where the next symbol leaves room for one. A character's narrow
 * box with a ring in the square beyond it, and a ring less than half an em tall (a piece of a
 * character boxed alone, a full stop), are no rings. */
static void
test_rings (void)
{
  g_autofree char *whole = correct_ring (0x5DF4 /* 巴 */, 44, 28, 88, 72, 44, 28, 44, 150);
  g_autofree char *merged = correct_ring (0x6EE1 /* 满 */, 44, 28, 132, 72, 44, 28, 44, 150);
  g_autofree char *wide = correct_ring (0x9C9C /* 鲜 */, 44, 28, 132, 72, 44, 28, 44, 100);
  g_autofree char *narrow = correct_ring (0x6B21 /* 次 */, 44, 28, 70, 72, 44, 28, 44, 150);
  g_autofree char *small = correct_ring (0x6C42 /* 求 */, 44, 50, 64, 70, 44, 50, 20, 150);

  g_assert_cmpstr (whole, ==, "群①众映");
  g_assert_cmpstr (merged, ==, "群①满众映");
  g_assert_cmpstr (wide, ==, "群①众映");
  g_assert_cmpstr (narrow, ==, "群次众映");
  g_assert_cmpstr (small, ==, "群求众映");
}

/* Corrects a line of Chinese 30 pixels an em over a paragraph's last line, "5.1%" and @c boxed
 * from x 80 to 86 over a mark drawn low at x 83: a ring (@ring) or a dot; @after, unless 0,
 * follows @c on its line. Returns the text. */
static char *
correct_stop (gunichar c, gboolean ring, gunichar after)
{
  g_autoptr (GArray) symbols = g_array_new (FALSE, FALSE, sizeof (OcrSymbol));
  g_autoptr (RectoImage) image = blank_page ();

  add_line (symbols, "比增长", 10, 10, 30);
  add_line (symbols, "5.1%", 10, 55, 15);
  for (guint j = 0; j < symbols->len; j++)
    g_array_index (symbols, OcrSymbol, j).y2 = j < 3 ? 40 : 75;
  g_array_append_val (symbols, ((OcrSymbol) { .c = c, .x1 = 80, .y1 = 68, .x2 = 86, .y2 = 76,
                                              .confidence = 0.9f }));
  if (after != 0)
    g_array_append_val (symbols, ((OcrSymbol) { .c = after, .x1 = 100, .y1 = 50, .x2 = 130,
                                                .y2 = 80, .confidence = 0.9f }));
  draw_ring (image, 83, 72, 4, ring ? 1.5 : 4);
  correct_on (symbols, image);
  return text_of (symbols);
}

/* A comma or a point OCR read for a ring low on the left of its cell, at the end of a line
 * without Chinese or before a Chinese character, is a full stop (measured in the page's em); a
 * dot stays a point, and so does a ring before a digit. */
static void
test_stop_after_sign (void)
{
  g_autofree char *comma = correct_stop (',', TRUE, 0);
  g_autofree char *point = correct_stop ('.', TRUE, 0);
  g_autofree char *before = correct_stop (',', TRUE, 0x6211 /* 我 */);
  g_autofree char *dot = correct_stop ('.', FALSE, 0);
  g_autofree char *decimal = correct_stop ('.', TRUE, '2');

  g_assert_cmpstr (comma, ==, "比增长|5.1%。");
  g_assert_cmpstr (point, ==, "比增长|5.1%。");
  g_assert_cmpstr (before, ==, "比增长|5.1%。我");
  g_assert_cmpstr (dot, ==, "比增长|5.1%.");
  g_assert_cmpstr (decimal, ==, "比增长|5.1%.2");
}

/* "、" is a short stroke low on the left of its cell, down to the right; a "，" falls from its
 * head down to the left, a "." has no slant, the dot of 心 stands beside ink before the cell's
 * middle; ink past the middle is the next glyph's, in a box an em wide (GB/T 3620.1). */
static void
test_enumeration_comma (void)
{
  g_autoptr (RectoImage) comma = blank_cell (33);
  g_autoptr (RectoImage) beside = blank_cell (33);
  g_autoptr (RectoImage) western = blank_cell (33);
  g_autoptr (RectoImage) dot = blank_cell (33);
  g_autoptr (RectoImage) heart = blank_cell (33);
  g_autoptr (RectoImage) high = blank_cell (33);

  draw_stroke (comma, 6, 18, 11, 25, 2.5);
  g_assert_true (glyph_shape_is_enumeration_comma (comma));
  draw_stroke (beside, 6, 18, 11, 25, 2.5);
  fill_box (beside, 19, 8, 31, 24);
  g_assert_true (glyph_shape_is_enumeration_comma (beside));
  draw_ring (western, 9, 20, 2.5, 2.5);
  draw_stroke (western, 10.5, 21, 6, 28, 2);
  g_assert_false (glyph_shape_is_enumeration_comma (western));
  draw_ring (dot, 8.5, 23, 3, 3);
  g_assert_false (glyph_shape_is_enumeration_comma (dot));
  draw_stroke (heart, 4, 14, 8, 19, 2.5);
  fill_box (heart, 11, 8, 13, 27);
  g_assert_false (glyph_shape_is_enumeration_comma (heart));
  draw_stroke (high, 6, 4, 11, 11, 2.5);
  g_assert_false (glyph_shape_is_enumeration_comma (high));
}

/* The memo tells images by their pixels, not by their stride's padding, and by the engine,
 * resolution and layout they were read with; it hands out copies. */
static void
test_ocr_memo (void)
{
  g_autoptr (RectoImage) a = recto_image_new (5, 3);
  g_autoptr (RectoImage) b = recto_image_new (8, 3); /* 5 wide, rows 8 bytes apart */
  OcrMemo *memo = ocr_memo_new ();
  OcrSymbol read = { .c = 0x4E2D, .x1 = 1, .x2 = 4, .y2 = 3, .confidence = 0.9f };
  g_autoptr (GArray) symbols = g_array_new (FALSE, FALSE, sizeof (OcrSymbol));
  g_autoptr (GArray) found = NULL;
  g_autofree char *key_a = NULL, *key_b = NULL, *key_primary = NULL, *key_dpi = NULL;

  memset (a->pixels, 255, a->stride * a->height);
  b->width = 5;
  memset (b->pixels, 0, b->stride * b->height); /* the padding differs */
  for (guint y = 0; y < 3; y++)
    memset (b->pixels + y * b->stride, 255, 5);
  a->pixels[a->stride + 2] = b->pixels[b->stride + 2] = 0;
  key_a = ocr_memo_key (0, a, 300, OCR_LINE);
  key_b = ocr_memo_key (0, b, 300, OCR_LINE);
  key_primary = ocr_memo_key (1, a, 300, OCR_LINE);
  key_dpi = ocr_memo_key (0, a, 150, OCR_LINE);
  g_assert_cmpstr (key_a, ==, key_b);
  g_assert_cmpstr (key_a, !=, key_primary);
  g_assert_cmpstr (key_a, !=, key_dpi);
  g_assert_null (ocr_memo_find (memo, key_a));
  g_array_append_val (symbols, read);
  ocr_memo_keep (memo, key_a, symbols);
  g_array_index (symbols, OcrSymbol, 0).x1 = 100; /* the memo kept its own copy */
  found = ocr_memo_find (memo, key_b);
  g_assert_nonnull (found);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpuint (g_array_index (found, OcrSymbol, 0).c, ==, 0x4E2D);
  g_assert_cmpfloat (g_array_index (found, OcrSymbol, 0).x1, ==, 1);
  g_assert_null (ocr_memo_find (memo, key_primary));
  b->pixels[2] = 0;
  g_free (key_b);
  key_b = ocr_memo_key (0, b, 300, OCR_LINE);
  g_assert_cmpstr (key_a, !=, key_b);
  ocr_memo_free (memo);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/scan-symbols/percent-sign-debris", test_percent_sign_debris);
  g_test_add_func ("/scan-symbols/made-up", test_made_up);
  g_test_add_func ("/scan-symbols/latin-for-chinese", test_latin_for_chinese);
  g_test_add_func ("/scan-symbols/boxes-keep-reading-order", test_boxes_keep_reading_order);
  g_test_add_func ("/scan-symbols/punctuation", test_punctuation);
  g_test_add_func ("/scan-symbols/latin-punctuation", test_latin_punctuation);
  g_test_add_func ("/scan-symbols/echoes", test_echoes);
  g_test_add_func ("/scan-symbols/doubled-brackets", test_doubled_brackets);
  g_test_add_func ("/scan-symbols/numeral-bars", test_numeral_bars);
  g_test_add_func ("/scan-symbols/heading-numeral-bar", test_heading_numeral_bar);
  g_test_add_func ("/scan-symbols/stroke-width", test_stroke_width);
  g_test_add_func ("/scan-symbols/bold-latin", test_bold_latin);
  g_test_add_func ("/scan-symbols/bold-beside-rules", test_bold_beside_rules);
  g_test_add_func ("/scan-symbols/bold-lead", test_bold_lead);
  g_test_add_func ("/scan-symbols/bold-short-line", test_bold_short_line);
  g_test_add_func ("/scan-symbols/bold-unsure-line", test_bold_unsure_line);
  g_test_add_func ("/scan-symbols/words-close-up", test_words_close_up);
  g_test_add_func ("/scan-symbols/line-size", test_line_size);
  g_test_add_func ("/scan-symbols/line-band", test_line_band);
  g_test_add_func ("/scan-symbols/fit-to-ink", test_fit_to_ink);
  g_test_add_func ("/scan-symbols/dash-lengths", test_dash_lengths);
  g_test_add_func ("/scan-symbols/dash-ink", test_dash_ink);
  g_test_add_func ("/scan-symbols/doubtful-ideographs", test_doubtful_ideographs);
  g_test_add_func ("/scan-symbols/third-reading", test_third_reading);
  g_test_add_func ("/scan-symbols/drawn-symbols", test_drawn_symbols);
  g_test_add_func ("/scan-symbols/missed-digits", test_missed_digits);
  g_test_add_func ("/scan-symbols/digits-for-ideograph", test_digits_for_ideograph);
  g_test_add_func ("/scan-symbols/latin-page", test_latin_page);
  g_test_add_func ("/scan-symbols/number-lines", test_number_lines);
  g_test_add_func ("/scan-symbols/stem-centred", test_stem_centred);
  g_test_add_func ("/scan-symbols/wave", test_wave);
  g_test_add_func ("/scan-symbols/full-stop", test_full_stop);
  g_test_add_func ("/scan-symbols/rings", test_rings);
  g_test_add_func ("/scan-symbols/stop-after-sign", test_stop_after_sign);
  g_test_add_func ("/scan-symbols/enumeration-comma", test_enumeration_comma);
  g_test_add_func ("/scan-symbols/ocr-memo", test_ocr_memo);
  return g_test_run ();
}
