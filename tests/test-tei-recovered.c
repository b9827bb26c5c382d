/* test-tei-recovered.c: the sink's marking of recovered text (plugins/tei-sink/tei-recovered.c)
 * on a document made in memory: which glyph of the page each character of a table's cells is
 * taken for, and so which code its <g> names. */
#include "recto-document-private.h"
#include "tei-recovered.h"

static const RectoStageInfo recovering_stage = {
  .abi_version = RECTO_STAGE_ABI_VERSION,
  .name = "recover-text",
};

/* Writes @text as the sink writes a cell of @row of @table's, and returns the XML. */
static char *
write_cell (RectoDocument *doc, TeiGlyphCursor *cursor, const RectoBlock *row, const char *text)
{
  g_autoptr (GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr (TeiWriter) writer = tei_writer_new (stream);
  g_autoptr (GError) error = NULL;

  (void) doc;
  tei_glyph_cursor_enter_row (cursor, row);
  tei_writer_start (writer, "cell", TRUE);
  tei_write_recovered_text (writer, cursor, text);
  tei_writer_end (writer);
  g_assert_true (tei_writer_finish (g_steal_pointer (&writer), &error));
  g_assert_no_error (error);
  return g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)),
                    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)));
}

/* A cell whose text runs against its line's glyph order ("ab" over glyphs b, a) must take both
 * characters from its own row, not its "b" from the row below because that makes a longer
 * match: the row below's cell would then be left with this row's glyph, or with none (its
 * character written unmarked). */
static void
test_cell_keeps_its_row (void)
{
  g_autoptr (RectoDocument) doc = recto_document_new ();
  RectoPage *page = recto_document_add_page (doc, 595, 842, NULL);
  /* Glyphs 0, 1: the first row's line (b then a); glyph 2: the second row's line (b). */
  const gunichar codes[] = { 0x21, 0x22, 0x23 };
  const gunichar read[] = { 'b', 'a', 'b' };
  const RectoBox boxes[] = { { 100, 100, 110, 112 }, { 90, 100, 100, 112 }, { 100, 120, 110, 132 } };
  RectoGlyphMapping mappings[3];
  RectoBlock *table, *rows[2];
  TeiGlyphCursor *cursor;
  g_autofree char *first = NULL, *second = NULL;

  recto_document_set_running_stage (doc, &recovering_stage);
  recto_page_add_span (doc, page, "F", 12, 0, codes, boxes, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_array_index (page->chars, gunichar, i) = read[i];
      recto_page_mark_recovered (doc, page, i, codes[i], 0.9f);
      mappings[i] = (RectoGlyphMapping){ codes[i], read[i], 0.9f, 1, 1 };
    }
  recto_document_add_font_map (doc, "F", "learned", mappings, 3);
  table = recto_block_append (doc, recto_document_get_body (doc), RECTO_BLOCK_TABLE);
  for (guint r = 0; r < 2; r++)
    {
      RectoLine *line = recto_page_add_line (page, r == 0 ? "ba" : "b", &boxes[r * 2]);
      line->glyphs = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint g = r * 2; g < (r == 0 ? 2u : 3u); g++)
        g_array_append_val (line->glyphs, g);
      rows[r] = recto_block_append (doc, table, RECTO_BLOCK_ROW);
      recto_block_add_line (rows[r], page, line);
    }

  cursor = tei_glyph_cursor_new (doc, table);
  g_assert_nonnull (cursor);
  first = write_cell (doc, cursor, rows[0], "ab");
  second = write_cell (doc, cursor, rows[1], "b");
  tei_glyph_cursor_free (cursor);

  g_assert_nonnull (strstr (first, "<g ref=\"#fontmap1.x0022\">a</g>"));
  g_assert_nonnull (strstr (first, "<g ref=\"#fontmap1.x0021\">b</g>"));
  g_assert_nonnull (strstr (second, "<g ref=\"#fontmap1.x0023\">b</g>"));
}

/* A gap over glyphs of two fonts names each code's own font: "U+0038 (font A) U+002A (font B)",
 * not both codes as the last font's (GB/T 3620.1's "O" of a body font and "”" of a note font,
 * side by side in "Fe+O”"). */
static void
test_gap_names_each_font (void)
{
  g_autoptr (RectoDocument) doc = recto_document_new ();
  RectoPage *page = recto_document_add_page (doc, 595, 842, NULL);
  const gunichar codes[] = { 0x38, 0x2A, 0x2B };
  const RectoBox boxes[] = { { 100, 100, 110, 112 }, { 110, 100, 120, 112 }, { 120, 100, 130, 112 } };
  RectoBlock *table, *row;
  RectoLine *line;
  TeiGlyphCursor *cursor;
  g_autofree char *cell = NULL;

  recto_document_set_running_stage (doc, &recovering_stage);
  recto_page_add_span (doc, page, "A", 12, 0, codes, boxes, 1);
  recto_page_add_span (doc, page, "B", 12, 0, codes + 1, boxes + 1, 2);
  for (guint i = 0; i < 3; i++)
    recto_page_mark_recovered (doc, page, i, codes[i], 0);
  table = recto_block_append (doc, recto_document_get_body (doc), RECTO_BLOCK_TABLE);
  line = recto_page_add_line (page, "8*+", &boxes[0]);
  line->glyphs = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint g = 0; g < 3; g++)
    g_array_append_val (line->glyphs, g);
  row = recto_block_append (doc, table, RECTO_BLOCK_ROW);
  recto_block_add_line (row, page, line);

  cursor = tei_glyph_cursor_new (doc, table);
  g_assert_nonnull (cursor);
  cell = write_cell (doc, cursor, row, "8*+");
  tei_glyph_cursor_free (cursor);

  g_assert_nonnull (strstr (cell, "quantity=\"3\""));
  g_assert_nonnull (strstr (cell, "<desc>U+0038 (font A) U+002A U+002B (font B)</desc>"));
}

/* A code that lost its reading to a twin (RectoGlyphMapping.twin) is declared without a
 * character, its note naming the twin, not a certainty too low it did not have. */
static void
test_twin_note (void)
{
  g_autoptr (RectoDocument) doc = recto_document_new ();
  g_autoptr (GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr (TeiWriter) writer = tei_writer_new (stream);
  g_autoptr (GError) error = NULL;
  g_autofree char *xml = NULL;
  RectoGlyphMapping mappings[] = { { 0x25, 'l', 0.95f, 17, 14 },
                                   { 0x42, 0, 0.99f, 6, 4, .twin = 0x25 } };

  recto_document_set_running_stage (doc, &recovering_stage);
  recto_document_add_font_map (doc, "F", "learned", mappings, 2);
  tei_write_char_decls (writer, doc);
  g_assert_true (tei_writer_finish (g_steal_pointer (&writer), &error));
  g_assert_no_error (error);
  xml = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)),
                   g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)));
  g_assert_nonnull (strstr (xml, "<mapping type=\"learned\" cert=\"0.95\">l</mapping>"));
  g_assert_nonnull (strstr (xml, "read code U+0025 of this font as"));
  g_assert_null (strstr (xml, "certain (the share"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/tei-recovered/cell-keeps-its-row", test_cell_keeps_its_row);
  g_test_add_func ("/tei-recovered/twin-note", test_twin_note);
  g_test_add_func ("/tei-recovered/gap-names-each-font", test_gap_names_each_font);
  return g_test_run ();
}
