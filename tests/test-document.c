/* test-document.c: the document model: interning, pages and spans, metadata, the block tree,
 * the record of repairs, and the pictures of pages drawn whole kept for a later stage. */
#include "recto-document-private.h"

static const RectoRepairKind declared_repairs[] = {
  { "join", "Joined two lines" },
  { NULL },
};

static const RectoStageInfo test_stage = {
  .abi_version = RECTO_STAGE_ABI_VERSION,
  .name = "test-stage",
  .repairs = declared_repairs,
};

static void
test_intern (void)
{
  g_autoptr (RectoDocument) doc = recto_document_new ();
  char buffer[] = "SimSun";
  const char *a = recto_document_intern (doc, buffer);

  buffer[0] = 'X';
  g_assert_cmpstr (a, ==, "SimSun");
  g_assert_true (a == recto_document_intern (doc, "SimSun"));
  g_assert_null (recto_document_intern (doc, NULL));
}

static void
test_spans (void)
{
  g_autoptr (RectoDocument) doc = recto_document_new ();
  RectoPage *page = recto_document_add_page (doc, 595, 842, "iv");
  const gunichar han[] = { 0x4E00, 0x4E8C };
  const gunichar digits[] = { '1', '2', '3' };
  const RectoBox boxes[] = { { 0, 0, 10, 10 }, { 10, 0, 20, 10 }, { 20, 0, 25, 10 } };

  recto_page_add_span (doc, page, "SimSun", 12, 0, han, boxes, 2);
  recto_page_add_span (doc, page, "Times", 12, RECTO_FONT_BOLD, digits, NULL, 3);
  g_assert_cmpuint (page->chars->len, ==, 5);
  g_assert_cmpuint (page->boxes->len, ==, 5);
  g_assert_cmpuint (page->spans->len, ==, 2);
  g_assert_cmpint (recto_page_find_span (page, 0), ==, 0);
  g_assert_cmpint (recto_page_find_span (page, 1), ==, 0);
  g_assert_cmpint (recto_page_find_span (page, 2), ==, 1);
  g_assert_cmpint (recto_page_find_span (page, 4), ==, 1);
  g_assert_cmpint (recto_page_find_span (page, 5), ==, -1);
  /* Glyphs given without boxes get empty ones. */
  g_assert_cmpfloat (g_array_index (page->boxes, RectoBox, 3).x2, ==, 0);
  g_assert_cmpstr (g_array_index (page->spans, RectoSpan, 1).font, ==, "Times");
  g_assert_cmpstr (page->label, ==, "iv");
  g_assert_true (recto_document_get_page (doc, 0) == page);
}

static void
test_metadata (void)
{
  g_autoptr (RectoDocument) doc = recto_document_new ();
  const char *key, *value;

  recto_document_set_metadata (doc, "title", "First");
  recto_document_set_metadata (doc, "author", "Someone");
  recto_document_set_metadata (doc, "title", "Second");
  recto_document_set_metadata (doc, "subject", "");
  recto_document_set_metadata (doc, "keywords", NULL);
  g_assert_cmpuint (recto_document_get_n_metadata (doc), ==, 2);
  recto_document_get_metadata_nth (doc, 0, &key, &value);
  g_assert_cmpstr (key, ==, "title");
  g_assert_cmpstr (value, ==, "Second");
  g_assert_cmpstr (recto_document_get_metadata (doc, "author"), ==, "Someone");
  g_assert_null (recto_document_get_metadata (doc, "subject"));
}

static void
test_blocks (void)
{
  g_autoptr (RectoDocument) doc = recto_document_new ();
  RectoBlock *body = recto_document_get_body (doc);
  RectoBlock *div, *head, *p, *fw;
  g_autofree char *text = NULL;

  recto_document_set_running_stage (doc, &test_stage);
  div = recto_block_append (doc, body, RECTO_BLOCK_DIV);
  head = recto_block_append (doc, div, RECTO_BLOCK_HEAD);
  p = recto_block_append (doc, div, RECTO_BLOCK_P);
  recto_block_append_text (doc, head, "一、总体情况", -1);
  recto_block_append_text (doc, p, "共办理", -1);
  recto_block_append_text (doc, p, "137件", -1);
  fw = recto_block_append (doc, p, RECTO_BLOCK_FW);
  recto_block_append_text (doc, fw, "- 12 -", -1);
  recto_block_append_text (doc, p, "。", -1);
  recto_document_set_running_stage (doc, NULL);

  /* Adjacent text merges; text after an inline element starts a new run. */
  g_assert_cmpuint (recto_block_get_n_children (p), ==, 3);
  g_assert_cmpstr (recto_block_get_child (p, 0)->text, ==, "共办理137件");
  text = recto_block_get_text (div);
  g_assert_cmpstr (text, ==, "一、总体情况共办理137件。");
  g_assert_cmpstr (p->stage, ==, "test-stage");
  g_assert_true (p->parent == div);

  /* Moving a block detaches it from its old parent. */
  recto_block_insert (body, head, 0);
  g_assert_cmpuint (recto_block_get_n_children (div), ==, 1);
  g_assert_true (recto_block_get_child (body, 0) == head);
  recto_block_unlink (head);
  g_assert_null (head->parent);
  g_assert_cmpuint (recto_block_get_n_children (body), ==, 1);
}

static void
test_repairs (void)
{
  g_autoptr (RectoDocument) doc = recto_document_new ();
  RectoBlock *p;

  recto_document_set_running_stage (doc, &test_stage);
  p = recto_block_append (doc, recto_document_get_body (doc), RECTO_BLOCK_P);
  recto_block_mark_repair (doc, p, "join", "lines %d and %d", 3, 4);
  recto_block_mark_repair (doc, p, "join", NULL);
  recto_document_set_running_stage (doc, NULL);

  g_assert_cmpuint (p->repairs->len, ==, 2);
  g_assert_cmpstr (((RectoRepair *) g_ptr_array_index (p->repairs, 0))->detail, ==,
                   "lines 3 and 4");
  g_assert_cmpstr (((RectoRepair *) g_ptr_array_index (p->repairs, 0))->stage, ==, "test-stage");
  g_assert_cmpuint (recto_document_count_repairs (doc, "test-stage", "join"), ==, 2);
  g_assert_cmpuint (recto_document_count_repairs (doc, NULL, NULL), ==, 2);
  g_assert_cmpuint (recto_document_count_repairs (doc, "other", NULL), ==, 0);
}

static void
test_undeclared_repair (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr (RectoDocument) doc = recto_document_new ();
      RectoBlock *p;
      recto_document_set_running_stage (doc, &test_stage);
      p = recto_block_append (doc, recto_document_get_body (doc), RECTO_BLOCK_P);
      recto_block_mark_repair (doc, p, "not-declared", NULL);
      return;
    }
  /* A stage must declare every kind of repair it marks. */
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*stage_declares_repair*");
}

/* Recovered glyphs: records stay sorted and follow the glyphs when one is inserted, and the
 * inserted glyph joins the span of the glyph before it, wherever in the span that is. */
static void
test_recovered (void)
{
  g_autoptr (RectoDocument) doc = recto_document_new ();
  RectoPage *page = recto_document_add_page (doc, 595, 842, NULL);
  const gunichar codes[] = { 1, 2, 3 };
  const gunichar digits[] = { '4', '0' };
  const RectoBox box = { 0, 0, 12, 12 };
  const RectoBox boxes[] = { box, box, box };
  const RectoSpan *spans;

  recto_page_add_span (doc, page, "Song", 12, 0, codes, boxes, 3);
  recto_page_add_span (doc, page, "Times", 12, 0, digits, boxes, 2);
  recto_page_mark_recovered (doc, page, 2, 3, 0.5f);
  recto_page_mark_recovered (doc, page, 0, 1, 0.9f);
  g_assert_cmpuint (recto_page_get_n_recovered (page), ==, 2);
  g_assert_null (recto_page_get_recovered (page, 1));
  g_assert_cmpuint (recto_page_get_recovered (page, 2)->original, ==, 3);

  /* Inside the first span, then at its end (before the digits), then at the very start. */
  recto_page_insert_recovered (doc, page, 1, 0x4E00, &box, 0.8f);
  recto_page_insert_recovered (doc, page, 4, 0x4E8C, &box, 0.7f);
  recto_page_insert_recovered (doc, page, 0, 0x4E09, &box, 0.6f);
  spans = (const RectoSpan *) page->spans->data;
  g_assert_cmpuint (page->chars->len, ==, 8);
  g_assert_cmpuint (spans[0].first, ==, 0);
  g_assert_cmpuint (spans[0].length, ==, 6);
  g_assert_cmpuint (spans[1].first, ==, 6);
  g_assert_cmpuint (spans[1].length, ==, 2);
  g_assert_cmpuint (g_array_index (page->chars, gunichar, 6), ==, '4');
  g_assert_cmpuint (recto_page_get_recovered (page, 1)->original, ==, 1);
  g_assert_cmpuint (recto_page_get_recovered (page, 2)->original, ==, 0);
  g_assert_cmpuint (recto_page_get_recovered (page, 4)->original, ==, 3);
  g_assert_cmpuint (recto_page_get_recovered (page, 5)->original, ==, 0);
  g_assert_cmpuint (g_array_index (page->chars, gunichar, 5), ==, 0x4E8C);
  g_assert_null (recto_page_get_recovered (page, 3));
  g_assert_cmpuint (recto_page_get_n_recovered (page), ==, 5);
}

/* Font maps are kept sorted by code and looked up by it. */
static void
test_font_map (void)
{
  g_autoptr (RectoDocument) doc = recto_document_new ();
  const RectoGlyphMapping mappings[] = { { 0x17, 0x5316, 0.9f, 3, 2 }, { 0x02, 0x8FC7, 1, 1, 1 } };
  const RectoFontMap *map;

  recto_document_add_font_map (doc, "Song", "learned", mappings, 2);
  g_assert_cmpuint (recto_document_get_n_font_maps (doc), ==, 1);
  map = recto_document_get_font_map (doc, 0);
  g_assert_cmpuint (g_array_index (map->mappings, RectoGlyphMapping, 0).code, ==, 0x02);
  g_assert_cmpuint (recto_font_map_lookup (map, 0x17)->character, ==, 0x5316);
  g_assert_null (recto_font_map_lookup (map, 0x18));
  g_assert_false (recto_document_can_render (doc));
}

/* A renderer that counts its calls and draws a pattern of white and grey runs (a run of white
 * longer than a packed token holds, on a page 40000 points wide), the same for the same call. */
static RectoImage *
counting_render (gpointer data, guint page, const RectoBox *area, double scale, GError **error)
{
  guint *calls = data;
  RectoImage *image = recto_image_new ((guint) ((area->x2 - area->x1) * scale),
                                       (guint) ((area->y2 - area->y1) * scale));

  (void) error;
  (*calls)++;
  for (guint y = 0; y < image->height; y++)
    for (guint x = 0; x < image->width; x++)
      image->pixels[y * image->stride + x]
        = y == 1 || (x / 7 + y + page) % 5 > 1 || x > 1000 ? 255 : (guint8) ((x * 31 + y) % 255);
  return image;
}

/* A page drawn whole is drawn once, and given again byte for byte; a part is drawn each time. */
static void
test_kept_pictures (void)
{
  g_autoptr (RectoDocument) doc = recto_document_new ();
  const RectoBox whole = { 0, 0, 40000, 3 }, part = { 0, 0, 100, 3 };
  g_autoptr (RectoImage) first = NULL, again = NULL, fresh = NULL;
  guint calls = 0;

  recto_document_add_page (doc, 40000, 3, NULL);
  recto_document_set_renderer (doc, counting_render, &calls, NULL);
  first = recto_document_render (doc, 0, &whole, 1.0, NULL);
  again = recto_document_render (doc, 0, &whole, 1.0, NULL);
  g_assert_cmpuint (calls, ==, 1);
  fresh = counting_render (&calls, 0, &whole, 1.0, NULL);
  g_assert_cmpuint (again->width, ==, fresh->width);
  g_assert_cmpuint (again->height, ==, fresh->height);
  g_assert_cmpmem (again->pixels, (gsize) again->stride * again->height, fresh->pixels,
                   (gsize) fresh->stride * fresh->height);
  g_assert_cmpmem (first->pixels, (gsize) first->stride * first->height, fresh->pixels,
                   (gsize) fresh->stride * fresh->height);
  calls = 0;
  recto_image_free (recto_document_render (doc, 0, &whole, 2.0, NULL));
  recto_image_free (recto_document_render (doc, 0, &part, 1.0, NULL));
  recto_image_free (recto_document_render (doc, 0, &part, 1.0, NULL));
  g_assert_cmpuint (calls, ==, 3);
  /* A new renderer draws anew. */
  recto_document_set_renderer (doc, counting_render, &calls, NULL);
  recto_image_free (recto_document_render (doc, 0, &whole, 1.0, NULL));
  g_assert_cmpuint (calls, ==, 4);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/document/intern", test_intern);
  g_test_add_func ("/document/spans", test_spans);
  g_test_add_func ("/document/metadata", test_metadata);
  g_test_add_func ("/document/blocks", test_blocks);
  g_test_add_func ("/document/repairs", test_repairs);
  g_test_add_func ("/document/undeclared-repair", test_undeclared_repair);
  g_test_add_func ("/document/recovered", test_recovered);
  g_test_add_func ("/document/font-map", test_font_map);
  g_test_add_func ("/document/kept-pictures", test_kept_pictures);
  return g_test_run ();
}
