/* Unit tests of the language guess (core/lib/recto-language.c). */
#include <recto/recto.h>

static const char *
decide (const char *text, guint least)
{
  static RectoScriptCounts counts;

  counts = (RectoScriptCounts){ 0 };
  recto_language_count_text (&counts, text);
  return recto_language_decide (&counts, least);
}

static void
test_scripts (void)
{
  g_assert_cmpstr (decide ("各位代表：现在，我代表市人民政府向大会报告工作，请予审议。", 6), ==,
                   "zh-Hans");
  g_assert_cmpstr (decide ("電能管理與需量控制問題，這是節能技術手冊的說明。", 6), ==, "zh-Hant");
  g_assert_cmpstr (decide ("令和７年度富士市一般会計予算書について説明します。", 6), ==, "ja");
  g_assert_cmpstr (decide ("국회 환경노동위원회 회의록 제414회 제1차", 6), ==, "ko");
  g_assert_cmpstr (
      decide ("Under the prescribed charge and discharge standards, one time of charge.", 6), ==,
      "en");
  /* Han with neither form's characters: Chinese, script unsaid. */
  g_assert_cmpstr (decide ("钛及钛合金的牌号和成分", 6), ==, "zh");
}

static void
test_too_little (void)
{
  g_assert_null (decide ("GB/T 3620", 6));
  g_assert_null (decide ("第一章", 6));
  g_assert_cmpstr (decide ("", 0), ==, "und");
  /* Latin words that are not English are not called English. */
  g_assert_null (decide ("Vol xx No x xxxx xxx xxxx", 6));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/language/scripts", test_scripts);
  g_test_add_func ("/language/too-little", test_too_little);
  return g_test_run ();
}
