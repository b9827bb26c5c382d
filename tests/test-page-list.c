/* Unit tests of RectoPageList: the pages a warning names, as ranges, the rest counted. */
#include <recto/recto.h>

/* The description of a list of the pages @numbers (ending with 0). */
static char *
describe (const guint *numbers)
{
  g_autoptr (RectoPageList) list = recto_page_list_new ();

  for (const guint *n = numbers; *n != 0; n++)
    recto_page_list_add (list, *n);
  return recto_page_list_describe (list);
}

static void
test_empty (void)
{
  g_autoptr (RectoPageList) list = recto_page_list_new ();
  g_autofree char *text = recto_page_list_describe (list);

  g_assert_cmpuint (recto_page_list_get_count (list), ==, 0);
  g_assert_cmpstr (text, ==, "no page");
}

static void
test_one_page (void)
{
  g_autofree char *text = describe ((const guint[]){ 7, 0 });

  g_assert_cmpstr (text, ==, "page 7");
}

static void
test_ranges (void)
{
  g_autofree char *text = describe ((const guint[]){ 1, 2, 3, 5, 9, 10, 0 });

  g_assert_cmpstr (text, ==, "pages 1-3, 5, 9-10");
}

/* A page added twice in a row (two findings on one page) is one page. */
static void
test_repeated_page (void)
{
  g_autoptr (RectoPageList) list = recto_page_list_new ();
  g_autofree char *text = NULL;

  recto_page_list_add (list, 4);
  recto_page_list_add (list, 4);
  recto_page_list_add (list, 6);
  text = recto_page_list_describe (list);
  g_assert_cmpuint (recto_page_list_get_count (list), ==, 2);
  g_assert_cmpstr (text, ==, "pages 4, 6");
}

/* Past RECTO_PAGE_LIST_MAX_RANGES ranges the pages are counted, not named. */
static void
test_long_list (void)
{
  g_autoptr (RectoPageList) list = recto_page_list_new ();
  g_autofree char *text = NULL;

  for (guint n = 1; n <= 2 * RECTO_PAGE_LIST_MAX_RANGES + 5; n++)
    recto_page_list_add (list, 2 * n); /* every other page: one range each */
  text = recto_page_list_describe (list);
  g_assert_cmpuint (recto_page_list_get_count (list), ==, 2 * RECTO_PAGE_LIST_MAX_RANGES + 5);
  g_assert_true (g_str_has_prefix (text, "pages 2, 4, 6, "));
  g_assert_true (g_str_has_suffix (text, ", 20 and 15 more"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/page-list/empty", test_empty);
  g_test_add_func ("/page-list/one-page", test_one_page);
  g_test_add_func ("/page-list/ranges", test_ranges);
  g_test_add_func ("/page-list/repeated-page", test_repeated_page);
  g_test_add_func ("/page-list/long-list", test_long_list);
  return g_test_run ();
}
