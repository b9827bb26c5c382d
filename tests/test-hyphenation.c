/* Unit tests of the paragraph stage's hyphenation judgement: a hyphen that a line break added
 * goes, a real one stays, learned from the document's own words. */
#include "hyphenation.h"

/* A document whose body lines use these words inside lines (first and last words of a line
 * are not learned, so each line is padded). */
static RectoDocument *
make_document (void)
{
  static const char *const lines[] = {
    "pad the infrastructure budget pad",
    "pad a data-driven approach pad",
    "pad cross and border pad",
    "pad Cross-border pad",
  };
  RectoDocument *doc = recto_document_new ();
  RectoPage *page = recto_document_add_page (doc, 0, 0, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    recto_page_add_line (page, lines[i], NULL);
  return doc;
}

static gboolean
is_added (RectoDocument *doc, const char *before, const char *after)
{
  RectoBlock *p = recto_block_append (doc, recto_document_get_body (doc), RECTO_BLOCK_P);
  g_autoptr (Hyphenation) hyphenation = hyphenation_new (doc);

  recto_block_append_text (doc, p, before, -1);
  return hyphenation_is_added (hyphenation, p, after);
}

static void
test_decisions (void)
{
  g_autoptr (RectoDocument) doc = make_document ();

  /* The joined word is known: the hyphen was the line break's. */
  g_assert_true (is_added (doc, "the infrastruc-", "ture costs"));
  /* The compound is known, or both halves are words: the hyphen is real. */
  g_assert_false (is_added (doc, "a data-", "driven plan"));
  g_assert_false (is_added (doc, "more cross-", "border work"));
  /* Neither: a syllable break is the likelier. */
  g_assert_true (is_added (doc, "the organ-", "isations"));
  /* A capital after the break, or no letters on one side: keep it. */
  g_assert_false (is_added (doc, "the Sino-", "American"));
  g_assert_false (is_added (doc, "pages 12-", "14"));
  g_assert_false (is_added (doc, "a -", "b"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/hyphenation/decisions", test_decisions);
  return g_test_run ();
}
