/* test-dump-load.c: documents read back from their JSON (fixtures for stage tests), the
 * comparison of a result with an expectation that says less, and regularised text. */
#include "recto-document-private.h"
#include "recto-dump.h"
#include "recto-json-match.h"

static const RectoRepairKind declared_repairs[] = {
  { "normalise", "Read a form in its usual spelling" },
  { NULL },
};

static const RectoStageInfo test_stage = {
  .abi_version = RECTO_STAGE_ABI_VERSION,
  .name = "test-stage",
  .repairs = declared_repairs,
};

static RectoDocument *
load (const char *json)
{
  g_autoptr (GError) error = NULL;
  RectoDocument *doc = recto_dump_load (json, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static void
assert_load_fails (const char *json, const char *message)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RectoDocument) doc = recto_dump_load (json, -1, &error);

  g_assert_null (doc);
  g_assert_error (error, RECTO_ERROR, RECTO_ERROR_INPUT_INVALID);
  g_assert_cmpstr (error->message, ==, message);
}

/* A fixture says only what a stage reads; the rest takes its empty value. */
static void
test_minimal_fixture (void)
{
  g_autoptr (RectoDocument) doc =
      load ("{\"body\": {\"children\": [{\"kind\": \"p\", \"children\": "
            "[{\"kind\": \"text\", \"text\": \"１２ 项\"}]}]}}");
  RectoBlock *body = recto_document_get_body (doc);
  RectoBlock *p;
  g_autofree char *text = NULL;

  g_assert_cmpuint (recto_document_get_n_pages (doc), ==, 0);
  g_assert_cmpuint (recto_block_get_n_children (body), ==, 1);
  p = recto_block_get_child (body, 0);
  g_assert_cmpint (p->kind, ==, RECTO_BLOCK_P);
  g_assert_cmpint (p->page, ==, -1);
  g_assert_null (p->stage);
  text = recto_block_get_text (p);
  g_assert_cmpstr (text, ==, "１２ 项");
}

static void
test_pages_without_styles (void)
{
  g_autoptr (RectoDocument) doc =
      load ("{\"pages\": [{\"width\": 595, \"height\": 842, \"chars\": \"一二\", "
            "\"lines\": [{\"text\": \"一二\", \"role\": \"page-number\", "
            "\"box\": [1, 2, 3, 4.5], \"glyphs\": [1, 0]}]}]}");
  RectoPage *page = recto_document_get_page (doc, 0);
  RectoLine *line = g_ptr_array_index (page->lines, 0);

  g_assert_cmpuint (page->chars->len, ==, 2);
  g_assert_cmpuint (page->spans->len, ==, 1);
  g_assert_cmpuint (g_array_index (page->chars, gunichar, 1), ==, 0x4E8C);
  g_assert_cmpint (line->role, ==, RECTO_LINE_PAGE_NUMBER);
  g_assert_true (line->has_box);
  g_assert_cmpfloat (line->box.y2, ==, 4.5f);
  g_assert_cmpuint (g_array_index (line->glyphs, guint, 0), ==, 1);
}

/* A fixture with a mistake is refused with the JSON path of the mistake. */
static void
test_errors_name_the_path (void)
{
  assert_load_fails ("[1]", "$: expected an object");
  assert_load_fails ("{\"schema\": \"recto-dump/2\"}",
                     "$.schema: expected \"recto-dump/1\" (this recto reads no other version)");
  assert_load_fails ("{\"pages\": [{\"lines\": [{}, {\"box\": [1, 2]}]}]}",
                     "$.pages[0].lines[1].box: expected a box [x1, y1, x2, y2] or null");
  assert_load_fails ("{\"pages\": [{\"chars\": \"ab\", \"lines\": [{\"glyphs\": [2]}]}]}",
                     "$.pages[0].lines[0].glyphs[0]: expected the index of one of the page's "
                     "chars");
  assert_load_fails ("{\"pages\": [{\"chars\": \"abc\", \"spans\": [{\"first\": 0, "
                     "\"length\": 2}]}]}",
                     "$.pages[0].spans: expected spans that cover every character of chars");
  assert_load_fails ("{\"body\": {\"children\": [{\"kind\": \"p\", \"children\": "
                     "[{\"kind\": \"para\"}]}]}}",
                     "$.body.children[0].children[0].kind: expected a block kind: div, head, p, "
                     "ab, figure, list, item, note, fw, pb, gap, lb, reg, table, row, cell or text");
  assert_load_fails ("{\"body\": {\"children\": [{\"kind\": \"p\", \"level\": \"2\"}]}}",
                     "$.body.children[0].level: expected a number");
  /* Found by fuzz-dump-load: -1 was cast to a guint32 (undefined behaviour). */
  assert_load_fails ("{\"pages\": [{\"chars\": \"a\", \"spans\": [{\"first\": 0, "
                     "\"length\": 1, \"flags\": -1}]}]}",
                     "$.pages[0].spans[0]: expected flags: a whole number from 0 to 4294967295");
}

static void
test_not_json (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RectoDocument) doc = recto_dump_load ("{\"pages\": ", -1, &error);

  g_assert_null (doc);
  g_assert_error (error, RECTO_ERROR, RECTO_ERROR_INPUT_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "not JSON: "));
}

/* An empty dump (or only white space) parses to no root node at all: an error, not a crash
 * (found by fuzz-dump-load). */
static void
test_empty (void)
{
  const char *const texts[] = { "", " \n\t", NULL };

  for (guint i = 0; texts[i] != NULL; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (RectoDocument) doc = recto_dump_load (texts[i], (gssize) strlen (texts[i]), &error);
      g_assert_null (doc);
      g_assert_error (error, RECTO_ERROR, RECTO_ERROR_INPUT_INVALID);
    }
}

/* Everything a stage can change survives the trip through JSON. */
static void
test_round_trip (void)
{
  g_autoptr (RectoDocument) doc = recto_document_new ();
  g_autoptr (RectoDocument) again = NULL;
  g_autoptr (GError) error = NULL;
  RectoPage *page = recto_document_add_page (doc, 595.5, 842, "ii");
  const gunichar chars[] = { 0xFF11, 0xFF12, 0x4E2A };
  const RectoBox boxes[] = { { 10.125f, 20, 21.3f, 32 }, { 21.3f, 20, 32.7f, 32 },
                             { 32.7f, 20, 44.1f, 32 } };
  RectoLine *line;
  RectoBlock *p, *head;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  recto_document_set_source (doc, "a.pdf", "00ff", 1234);
  recto_document_set_metadata (doc, "title", "报告");
  recto_page_add_span (doc, page, "FangSong", 15.5f, RECTO_FONT_BOLD, chars, boxes, 3);
  /* One of several subsets of the name: the dump keeps which. */
  g_array_index (page->spans, RectoSpan, 0).subset = recto_document_intern (doc, "ABCDEF+FangSong");
  page->printed_number = g_strdup ("2");
  line = recto_page_add_line (page, "１２个", &(RectoBox) { 10.125f, 20, 44.1f, 32 });
  line->glyphs = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_append_vals (line->glyphs, (guint[]) { 0, 1, 2 }, 3);
  line->column_x1 = 10.125f;
  line->column_x2 = 300.333f;
  line->font = recto_document_intern (doc, "FangSong");
  line->size = 15.5f;
  line->flags = RECTO_FONT_BOLD;
  line->role = RECTO_LINE_FOOTER;

  recto_document_set_running_stage (doc, &test_stage);
  head = recto_block_append (doc, recto_document_get_body (doc), RECTO_BLOCK_HEAD);
  recto_block_set_n (head, "一、");
  head->level = 2;
  recto_block_add_line (head, page, line);
  p = recto_block_append (doc, recto_document_get_body (doc), RECTO_BLOCK_P);
  recto_block_append_text (doc, p, "１２个", -1);
  recto_block_mark_repair (doc, recto_block_regularize (doc, recto_block_get_child (p, 0), 0, 6, "12"),
                           "normalise", "full-width digits");
  recto_block_append (doc, p, RECTO_BLOCK_LB)->n = g_strdup ("-");
  recto_document_set_running_stage (doc, NULL);

  first = recto_dump_to_json (doc, "test-stage");
  again = recto_dump_load (first, -1, &error);
  g_assert_no_error (error);
  second = recto_dump_to_json (again, "test-stage");
  g_assert_cmpstr (first, ==, second);
  g_assert_cmpstr (g_array_index (recto_document_get_page (again, 0)->spans, RectoSpan, 0).subset,
                   ==, "ABCDEF+FangSong");
  g_assert_cmpuint (recto_document_count_repairs (again, "test-stage", "normalise"), ==, 1);
}

static void
test_regularize (void)
{
  g_autoptr (RectoDocument) doc = recto_document_new ();
  RectoBlock *p, *reg;
  g_autofree char *text = NULL;

  recto_document_set_running_stage (doc, &test_stage);
  p = recto_block_append (doc, recto_document_get_body (doc), RECTO_BLOCK_P);
  recto_block_append_text (doc, p, "共１２项", -1);
  /* "共" is 3 bytes, "１２" 6. */
  reg = recto_block_regularize (doc, recto_block_get_child (p, 0), 3, 6, "12");
  g_assert_cmpuint (recto_block_get_n_children (p), ==, 3);
  g_assert_cmpstr (recto_block_get_child (p, 0)->text, ==, "共");
  g_assert_true (recto_block_get_child (p, 1) == reg);
  g_assert_cmpint (reg->kind, ==, RECTO_BLOCK_REG);
  g_assert_cmpstr (reg->text, ==, "12");
  g_assert_cmpstr (recto_block_get_child (reg, 0)->text, ==, "１２");
  g_assert_cmpstr (recto_block_get_child (p, 2)->text, ==, "项");
  g_assert_cmpstr (reg->stage, ==, "test-stage");
  /* The text of the paragraph is still the source's. */
  text = recto_block_get_text (p);
  g_assert_cmpstr (text, ==, "共１２项");

  /* A range at the start of a text leaves no empty text block before it. */
  reg = recto_block_regularize (doc, recto_block_get_child (p, 2), 0, 3, "items");
  g_assert_cmpuint (recto_block_get_n_children (p), ==, 3);
  g_assert_true (recto_block_get_child (p, 2) == reg);
}

static JsonNode *
parse (const char *json)
{
  g_autoptr (GError) error = NULL;
  JsonNode *node = json_from_string (json, &error);

  g_assert_no_error (error);
  return node;
}

static void
assert_match (const char *expected, const char *actual, const char *const *differences)
{
  g_autoptr (JsonNode) want = parse (expected);
  g_autoptr (JsonNode) got = parse (actual);
  g_autoptr (GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  gboolean matched = recto_json_match (want, got, found);

  g_assert_cmpint (matched, ==, differences[0] == NULL);
  g_assert_cmpuint (found->len, ==, g_strv_length ((char **) differences));
  for (guint i = 0; i < found->len; i++)
    g_assert_cmpstr (g_ptr_array_index (found, i), ==, differences[i]);
}

static void
test_match (void)
{
  const char *none[] = { NULL };

  /* Members the expectation leaves out are not compared; numbers to 0.005. */
  assert_match ("{\"a\": 1, \"b\": [\"x\"]}", "{\"a\": 1.004, \"b\": [\"x\"], \"c\": 3}", none);
  assert_match ("{\"a\": 1, \"b\": [{\"k\": \"p\"}, {\"k\": \"q\"}], \"z\": null}",
                "{\"a\": 2, \"b\": [{\"k\": \"head\"}], \"c\": 3}",
                (const char *[]) { "$.a: expected 1, got 2",
                                   "$.b[0].k: expected \"p\", got \"head\"",
                                   "$.b: expected 2 elements, got 1",
                                   "$.z: expected null, got nothing", NULL });
  assert_match ("{\"t\": \"x\"}", "{\"t\": {\"kind\": \"p\"}}",
                (const char *[]) { "$.t: expected \"x\", got {\"kind\":\"p\"}", NULL });
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/dump-load/minimal-fixture", test_minimal_fixture);
  g_test_add_func ("/dump-load/pages-without-styles", test_pages_without_styles);
  g_test_add_func ("/dump-load/errors-name-the-path", test_errors_name_the_path);
  g_test_add_func ("/dump-load/not-json", test_not_json);
  g_test_add_func ("/dump-load/empty", test_empty);
  g_test_add_func ("/dump-load/round-trip", test_round_trip);
  g_test_add_func ("/dump-load/regularize", test_regularize);
  g_test_add_func ("/dump-load/match", test_match);
  return g_test_run ();
}
