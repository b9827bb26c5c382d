/* Unit tests of the page-number forms and furniture shapes (recto-numbering.h). */
#include <recto/recto.h>

static void
test_parse (void)
{
  static const char *const numbers[][2] = {
    { "- 12 -", "12" },      { "—12—", "12" },        { "12", "12" },
    { "Page 7", "7" },       { "page 7", "7" },       { "第 101 页", "101" },
    { "第101页", "101" },    { "xii", "xii" },        { "[3]", "3" },
    { " – 4 – ", "4" },      { "5 / 120", "5" },      { "第 5 页 共 6 页", "5" },
    { "第Ⅱ页 共Ⅱ页", "II" }, { "Page 3 of 10", "3" }, { "－１２－", "12" },
  };
  static const char *const not_numbers[] = { "全过程人民民主实践报告汇编",
                                             "Review 2023",
                                             "12.5",
                                             "- -",
                                             "",
                                             "Chapter 1",
                                             "1234567",
                                             "共 6 页",
                                             "2024/5",
                                             "0",
                                             "00",
                                             "- 0 -" };

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autofree char *n = recto_page_number_parse (numbers[i][0]);
      g_assert_cmpstr (n, ==, numbers[i][1]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (not_numbers); i++)
    {
      g_autofree char *n = recto_page_number_parse (not_numbers[i]);
      g_assert_null (n);
    }
}

static void
test_mask (void)
{
  g_autofree char *a = recto_page_number_shape ("- 12 -");
  g_autofree char *b = recto_page_number_shape ("- 9 -");
  g_autofree char *c = recto_page_number_shape ("Annual Review 2023");
  g_autofree char *d = recto_page_number_shape ("xiv");

  g_assert_cmpstr (a, ==, "-#-");
  g_assert_cmpstr (b, ==, a);
  g_assert_cmpstr (c, ==, "AnnualReview#");
  g_assert_cmpstr (d, ==, "#");
}

static void
test_decorated (void)
{
  g_assert_true (recto_page_number_is_decorated ("- 12 -"));
  g_assert_true (recto_page_number_is_decorated ("Page 3"));
  g_assert_false (recto_page_number_is_decorated ("12"));
  g_assert_false (recto_page_number_is_decorated (" 12 "));
  g_assert_false (recto_page_number_is_decorated ("1309 125"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/page-number/parse", test_parse);
  g_test_add_func ("/page-number/mask", test_mask);
  g_test_add_func ("/page-number/decorated", test_decorated);
  return g_test_run ();
}
