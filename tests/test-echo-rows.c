/* test-echo-rows.c: which rows of text repeat an earlier row code for code
 * (plugins/recover-text/echo-rows.h), on a document made in memory. */
#include <recto/recto.h>

#include "echo-rows.h"

/* Adds @codes as one span of @font at 12 pt on @page, and a row of its glyphs to @rows. */
static void
add_row (RectoDocument *doc, guint page_index, const char *font, const gunichar *codes, guint n,
         GArray *rows)
{
  RectoPage *page = recto_document_get_page (doc, page_index);
  guint first = page->chars->len;
  g_autofree RectoBox *boxes = g_new (RectoBox, n);
  TextRow row = { .page = page_index, .glyphs = g_array_new (FALSE, FALSE, sizeof (guint)) };

  for (guint i = 0; i < n; i++)
    {
      guint glyph = first + i;
      boxes[i] = (RectoBox){ 72 + 12 * i, 100 + 20 * rows->len, 84 + 12 * i, 112 + 20 * rows->len };
      g_array_append_val (row.glyphs, glyph);
    }
  recto_page_add_span (doc, page, font, 12, 0, codes, boxes, n);
  g_array_append_val (rows, row);
}

/* A footer repeated on the next page is an echo; a row of other codes, the same codes in
 * another font, or the same codes in another order is not; a third copy is. */
static void
test_echoes (void)
{
  g_autoptr (RectoDocument) doc = recto_document_new ();
  g_autoptr (GArray) rows = g_array_new (FALSE, TRUE, sizeof (TextRow));
  const gunichar footer[] = { 0x21, 0x22, 0x23, 0x24 };
  const gunichar other[] = { 0x21, 0x22, 0x25, 0x24 };
  const gunichar turned[] = { 0x24, 0x23, 0x22, 0x21 };
  const gboolean echo[] = { FALSE, FALSE, TRUE, FALSE, FALSE, FALSE, TRUE };

  recto_document_add_page (doc, 595, 842, NULL);
  recto_document_add_page (doc, 595, 842, NULL);
  add_row (doc, 0, "Body", footer, 4, rows);
  add_row (doc, 0, "Body", other, 4, rows);
  add_row (doc, 1, "Body", footer, 4, rows);
  add_row (doc, 1, "Heading", footer, 4, rows);
  add_row (doc, 1, "Body", turned, 4, rows);
  add_row (doc, 1, "Body", footer, 3, rows);
  add_row (doc, 1, "Body", footer, 4, rows);

  g_assert_cmpuint (echo_rows_mark (doc, rows), ==, 2);
  for (guint r = 0; r < rows->len; r++)
    {
      g_assert_cmpint (g_array_index (rows, TextRow, r).echo, ==, echo[r]);
      g_array_unref (g_array_index (rows, TextRow, r).glyphs);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/echo-rows/echoes", test_echoes);
  return g_test_run ();
}
