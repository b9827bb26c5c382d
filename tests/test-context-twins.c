/* test-context-twins.c: a code OCR read surely, as the character another code of its font is
 * read as too (a twin), takes the character the document's good text gives its places
 * (plugins/recover-text/context-readings.h), on a page made in memory. */
#include "context-readings.h"

#define MIN_CERTAINTY 0.6f

/* The good text: "TA0、TA1、TA2及TA3" and "牌号，化学成分". The damaged row sets
 * "TA0、TA1、TA2和TA3 牌号，化学成分" in a font without a map, codes 0x01 on, where OCR read
 * both the "、" and the "，" as "，". */
static const gunichar GOOD[] = { 'T', 'A', '0', 0x3001, 'T', 'A', '1', 0x3001, 'T', 'A', '2',
                                 0x53CA, 'T', 'A', '3', 0x724C, 0x53F7, 0xFF0C, 0x5316, 0x5B66,
                                 0x6210, 0x5206 };
/* Code (from 0x01) of each glyph of the damaged row, and each code's reading. */
static const gunichar ROW[] = { 1, 2, 3, 4, 1, 2, 5, 4, 1, 2, 6, 7, 1, 2, 8,
                                9, 10, 11, 12, 13, 14, 15 };
static const gunichar READ[] = { 'T', 'A', '0', 0xFF0C, '1', '2', 0x548C, '3',
                                 0x724C, 0x53F7, 0xFF0C, 0x5316, 0x5B66, 0x6210, 0x5206 };
#define N_CODES G_N_ELEMENTS (READ)

/* The character code 0x04 (the "、") has once the good text is read, where code 0x0B (the
 * "，") is read as @comma. */
static gunichar
settled (gunichar comma)
{
  g_autoptr (RectoDocument) doc = recto_document_new ();
  RectoPage *page = recto_document_add_page (doc, 600, 300, NULL);
  g_autoptr (GArray) surveys = g_array_new (FALSE, TRUE, sizeof (FontSurvey));
  g_autoptr (GArray) rows = g_array_new (FALSE, TRUE, sizeof (TextRow));
  g_autoptr (GArray) elected = g_array_new (FALSE, TRUE, sizeof (ElectedFont));
  g_autoptr (GHashTable) codes = g_hash_table_new (NULL, NULL);
  g_autoptr (GArray) glyphs = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree RectoBox *boxes = g_new (RectoBox, G_N_ELEMENTS (GOOD));
  CodeVotes votes[N_CODES];
  ElectedFont font = { .codes = codes,
                       .mappings = g_array_new (FALSE, TRUE, sizeof (RectoGlyphMapping)) };
  TextRow row = { .page = 0, .glyphs = glyphs };
  gunichar character;

  for (guint i = 0; i < G_N_ELEMENTS (GOOD); i++)
    boxes[i] = (RectoBox){ 10 + 12 * i, 20, 22 + 12 * i, 32 };
  recto_page_add_span (doc, page, "Good", 12, 0, GOOD, boxes, G_N_ELEMENTS (GOOD));
  for (guint i = 0; i < G_N_ELEMENTS (ROW); i++)
    {
      boxes[i] = (RectoBox){ 10 + 12 * i, 60, 22 + 12 * i, 72 };
      g_array_append_val (glyphs, ((guint){ G_N_ELEMENTS (GOOD) + i }));
    }
  recto_page_add_span (doc, page, "Lost", 12, 0, ROW, boxes, G_N_ELEMENTS (ROW));
  g_array_append_val (surveys, ((FontSurvey){ .font = recto_document_intern (doc, "Good") }));
  g_array_append_val (surveys,
                      ((FontSurvey){ .font = recto_document_intern (doc, "Lost"), .unmapped = TRUE }));
  g_array_append_val (rows, row);
  for (guint c = 0; c < N_CODES; c++)
    {
      gunichar read = c + 1 == 11 ? comma : READ[c];
      RectoGlyphMapping mapping = { c + 1, read, 0.95f, 2, 2 };
      Candidate candidate = { read, 2, 1.9f };
      votes[c] = (CodeVotes){ .occurrences = 2, .readings = 2,
                              .candidates = g_array_new (FALSE, FALSE, sizeof (Candidate)) };
      g_array_append_val (votes[c].candidates, candidate);
      g_hash_table_insert (codes, GUINT_TO_POINTER (c + 1), &votes[c]);
      g_array_append_val (font.mappings, mapping);
    }
  font.survey = &g_array_index (surveys, FontSurvey, 1);
  g_array_append_val (elected, font);
  context_readings_fill (doc, surveys, rows, elected, MIN_CERTAINTY);
  character = g_array_index (font.mappings, RectoGlyphMapping, 3).character;
  g_assert_cmpuint (g_array_index (font.mappings, RectoGlyphMapping, 10).character, ==, comma);
  for (guint c = 0; c < N_CODES; c++)
    g_array_unref (votes[c].candidates);
  g_array_unref (font.mappings);
  return character;
}

/* GB/T 3620.1's note font: OCR read its "、" and its "，" both as "，". At most one is right;
 * the good text says the "、". Where no other code is read "，", OCR's sure reading stands. */
static void
test_twins (void)
{
  g_assert_cmpuint (settled (0xFF0C), ==, 0x3001);
  g_assert_cmpuint (settled (0xFF1B /* ； */), ==, 0xFF0C);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/context-twins/twins", test_twins);
  return g_test_run ();
}
