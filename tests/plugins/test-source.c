/* test-source: a source stage for tests. It ignores its input and makes one page whose glyphs
 * mix a CJK font with digits in a Latin font (drawn out of order), and carry characters that
 * XML 1.0 forbids, so that later stages and the sink meet them. */
#include <recto/recto.h>

static void
add_run (RectoDocument *doc, RectoPage *page, const char *font, const char *text, float x, float y)
{
  glong n = 0;
  g_autofree gunichar *chars = g_utf8_to_ucs4_fast (text, -1, &n);
  g_autofree RectoBox *boxes = g_new0 (RectoBox, n);

  for (glong i = 0; i < n; i++)
    {
      float width = g_unichar_iswide (chars[i]) ? 12 : 6;
      boxes[i] = (RectoBox){ x, y, x + width, y + 12 };
      x += width;
    }
  recto_page_add_span (doc, page, font, 12, 0, chars, boxes, (guint) n);
}

static gboolean
test_source_process (RectoStageContext *ctx, RectoDocument *doc, const void *config, GError **error)
{
  RectoPage *page = recto_document_add_page (doc, 200, 300, "7");

  recto_document_set_metadata (doc, "title", "Test <document> & \"title\"");
  /* "共办理137件" with the digits drawn last, as many PDFs do. */
  add_run (doc, page, "TestSerifCJK", "共办理", 10, 10);
  add_run (doc, page, "TestSerifCJK", "件", 64, 10);
  add_run (doc, page, "TestLatin", "137", 46, 10);
  add_run (doc, page, "TestLatin",
           "A\x01"
           "B\xEF\xBF\xBE"
           "C",
           10, 60);
  return TRUE;
}

static const RectoStageInfo test_source_info = {
  .abi_version = RECTO_STAGE_ABI_VERSION,
  .name = "test-source",
  .summary = "Test-only source: one page of mixed-font glyphs and forbidden characters",
  .version = "1",
  .license = "LGPL-2.1-or-later",
  .kind = RECTO_STAGE_SOURCE,
  .process = test_source_process,
};

RECTO_STAGE_DEFINE (test_source_info)
