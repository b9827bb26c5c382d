/* test-font-survey.c: recover-text's survey of fonts (which fonts carry codes instead of
 * characters) and its reading of look-alike radicals, on documents made in memory. */
#include <recto/recto.h>

#include "font-learning.h"
#include "font-survey.h"
#include "font-verdict.h"

static const RectoBox em = { 0, 0, 12, 12 };

/* Adds @text as one span of @font at 12 pt, every glyph an em wide. */
static void
add_text (RectoDocument *doc, RectoPage *page, const char *font, const char *text)
{
  glong n = 0;
  g_autofree gunichar *chars = g_utf8_to_ucs4_fast (text, -1, &n);
  g_autofree RectoBox *boxes = g_new (RectoBox, n);

  for (glong i = 0; i < n; i++)
    boxes[i] = (RectoBox){ em.x1 + 12 * i, em.y1, em.x2 + 12 * i, em.y2 };
  recto_page_add_span (doc, page, font, 12, 0, chars, boxes, (guint) n);
}

static const FontSurvey *
survey_of (const GArray *surveys, RectoDocument *doc, const char *font)
{
  return font_survey_find (surveys, recto_document_intern (doc, font));
}

static void
test_codes (void)
{
  g_autoptr (RectoDocument) doc = recto_document_new ();
  RectoPage *page = recto_document_add_page (doc, 595, 842, NULL);
  g_autoptr (GArray) surveys = NULL;

  /* Identity-mapped CIDs: control characters and Latin letters in em-wide boxes. */
  add_text (doc, page, "ABCDEF+SimSun", "\x01\x02\x03QQ\x12#");
  add_text (doc, page, "SimHei", "一、坚持问题导向");
  add_text (doc, page, "ABCDEF+Wingdings", "\xEF\x82\xA7\xEF\x82\xA7\xEF\x82\xA7");
  surveys = font_survey_run (doc);
  g_assert_true (survey_of (surveys, doc, "ABCDEF+SimSun")->unmapped);
  g_assert_cmpuint (survey_of (surveys, doc, "ABCDEF+SimSun")->codes, ==, 7);
  g_assert_false (survey_of (surveys, doc, "SimHei")->unmapped);
  g_assert_cmpuint (survey_of (surveys, doc, "SimHei")->codes, ==, 0);
  /* Private-use codes, but a symbol font: left alone. */
  g_assert_true (survey_of (surveys, doc, "ABCDEF+Wingdings")->symbols);
  g_assert_false (survey_of (surveys, doc, "ABCDEF+Wingdings")->unmapped);
}

/* A Latin font's wide letters ("W", "M") are letters: a few in many do not make it a code. */
static void
test_latin_is_text (void)
{
  g_autoptr (RectoDocument) doc = recto_document_new ();
  RectoPage *page = recto_document_add_page (doc, 595, 842, NULL);
  g_autoptr (GArray) surveys = NULL;

  add_text (doc, page, "Times", "WMWM");
  g_array_index (page->boxes, RectoBox, 0).x2 = 6; /* most letters are narrow */
  g_array_index (page->boxes, RectoBox, 1).x2 = 18;
  g_array_index (page->boxes, RectoBox, 2).x2 = 30;
  add_text (doc, page, "Times", "Annual report of the year");
  for (guint i = 4; i < page->chars->len; i++)
    g_array_index (page->boxes, RectoBox, i).x2 = g_array_index (page->boxes, RectoBox, i).x1 + 6;
  surveys = font_survey_run (doc);
  g_assert_false (survey_of (surveys, doc, "Times")->unmapped);
  g_assert_true (font_survey_is_code ('A', 12, 12));
  g_assert_false (font_survey_is_code ('A', 6, 12));
  g_assert_true (font_survey_is_code (0xE001, 6, 12));
  g_assert_false (font_survey_is_code (0x4E00, 12, 12));
}

/* Kangxi radicals given for ideographs read as the ideographs, marked, with their map. */
static void
test_lookalikes (void)
{
  g_autoptr (RectoDocument) doc = recto_document_new ();
  RectoPage *page = recto_document_add_page (doc, 595, 842, NULL);
  g_autoptr (GArray) surveys = NULL;
  const RectoFontMap *map;
  gunichar ideograph = 0;

  add_text (doc, page, "FangSong", "⼀个⼈，⼀");
  g_assert_true (font_survey_is_lookalike (0x2F00, &ideograph));
  g_assert_cmpuint (ideograph, ==, 0x4E00);
  surveys = font_survey_run (doc);
  g_assert_cmpuint (survey_of (surveys, doc, "FangSong")->lookalikes, ==, 3);
  g_assert_cmpuint (font_learning_fix_lookalikes (doc, surveys), ==, 3);
  g_assert_cmpuint (g_array_index (page->chars, gunichar, 0), ==, 0x4E00);
  g_assert_cmpuint (g_array_index (page->chars, gunichar, 2), ==, 0x4EBA);
  g_assert_cmpuint (recto_page_get_recovered (page, 0)->original, ==, 0x2F00);
  g_assert_null (recto_page_get_recovered (page, 1));
  g_assert_cmpuint (recto_document_get_n_font_maps (doc), ==, 1);
  map = recto_document_get_font_map (doc, 0);
  g_assert_cmpuint (recto_font_map_lookup (map, 0x2F00)->character, ==, 0x4E00);
  g_assert_cmpuint (recto_font_map_lookup (map, 0x2F00)->occurrences, ==, 2);
}

/* OCR's reading agrees with the character a font gives when they fold alike; a map is wrong
 * when most sampled codes disagree, not when OCR misreads a few. */
static void
test_verdict (void)
{
  g_assert_true (font_verdict_agrees ('A', 'a'));
  g_assert_true (font_verdict_agrees (0xFF0C /* ， */, ','));
  g_assert_true (font_verdict_agrees (0x2161 /* Ⅱ */, 'I'));
  g_assert_false (font_verdict_agrees ('"', 'm'));
  g_assert_false (font_verdict_agrees (0x4E2D /* 中 */, 0x5606 /* 嘆 */));
  g_assert_true (font_verdict_map_is_wrong (40, 37));
  g_assert_false (font_verdict_map_is_wrong (40, 3));
  g_assert_false (font_verdict_map_is_wrong (2, 2));
  /* Rare characters make a font suspect; common ones do not. */
  g_assert_true (font_survey_is_rare (0x3993 /* 㦓 */));
  g_assert_true (font_survey_is_rare (0x02D6 /* ˖ */));
  g_assert_false (font_survey_is_rare (0x8363 /* 荣 */));
  g_assert_false (font_survey_is_rare ('a'));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/font-survey/codes", test_codes);
  g_test_add_func ("/font-survey/latin-is-text", test_latin_is_text);
  g_test_add_func ("/font-survey/lookalikes", test_lookalikes);
  g_test_add_func ("/font-survey/verdict", test_verdict);
  return g_test_run ();
}
