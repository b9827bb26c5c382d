/* tei-recovered.c: see tei-recovered.h. */
#include "tei-recovered.h"
#include "tei-header.h"

/* How many glyphs beyond a run's length its alignment looks at (text a stage moved away, such
 * as a heading split off the line, is skipped over). */
#define WINDOW_SLACK 96
/* Alignments larger than this (cells of the table) are not attempted: the run is written
 * unmarked rather than stall the sink (a run of several thousand characters). */
#define MAX_CELLS (64u * 1024 * 1024)

static char *
glyph_id (guint map, gunichar code)
{
  return g_strdup_printf ("fontmap%u.x%04X", map + 1, code);
}

static void
write_certainty (TeiWriter *writer, float certainty)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  tei_writer_attribute (writer, "cert", g_ascii_formatd (buffer, sizeof buffer, "%.2f", certainty));
}

/* Why a code has no character, for a reader of the header: no reading, a reading below the
 * stage's certainty threshold (the font's description gives it), a reading another code of
 * the font has (RectoGlyphMapping.twin), or a glyph drawn with no ink (a space). */
static void
write_unlearned_note (TeiWriter *writer, const RectoGlyphMapping *mapping)
{
  g_autofree char *note = NULL;

  if (mapping->character == ' ')
    note = g_strdup_printf ("blank: drawn with no ink, a space (%u occurrences)",
                            mapping->occurrences);
  else if (mapping->twin != 0)
    note = g_strdup_printf ("not asserted: no character is written for this glyph. OCR read it "
                            "as the character it read code U+%04X of this font as, whose glyph "
                            "is drawn otherwise; a font draws a character with one glyph, so at "
                            "most one reading is right, and this one does not clearly outweigh "
                            "the other (twice its readings times their certainty); each of the %u places "
                            "the glyph is drawn stays in the text as a gap (unmapped-glyphs) "
                            "naming this code and its font",
                            mapping->twin, mapping->occurrences);
  else if (mapping->certainty > 0)
    note = g_strdup_printf ("not asserted: no character is written for this glyph. Its OCR "
                            "readings were only %.0f %% certain (the share of the readings that "
                            "agree, times OCR's confidence in them), less than the stage asks "
                            "before it writes a character (its min-certainty option, given in "
                            "the font's description where the stage states it); each of the %u "
                            "places the glyph is drawn stays in the text as a gap "
                            "(unmapped-glyphs) naming this code and its font",
                            100 * mapping->certainty, mapping->occurrences);
  else
    note = g_strdup_printf ("not learned: no character could be given for this glyph (OCR "
                            "gave no reading of it, or it is a symbol Unicode has no character "
                            "for); each of the %u places it is drawn stays in the text as a gap "
                            "(unmapped-glyphs) naming this code and its font",
                            mapping->occurrences);
  tei_writer_element (writer, "note", note);
}

/* A decoded code's bytes, high byte first, after their encoding: "GBK B9 D8". */
static char *
bytes_text (const char *encoding, gunichar code)
{
  GString *text = g_string_new (encoding);

  for (int shift = 24; shift >= 0; shift -= 8)
    if ((code >> shift) != 0 || shift == 0)
      g_string_append_printf (text, " %02X", (code >> shift) & 0xFF);
  return g_string_free (text, FALSE);
}

void
tei_write_char_decls (TeiWriter *writer, RectoDocument *doc)
{
  for (guint m = 0; m < recto_document_get_n_font_maps (doc); m++)
    {
      const RectoFontMap *map = recto_document_get_font_map (doc, m);
      g_autofree char *map_id = g_strdup_printf ("fontmap%u", m + 1);
      g_autofree char *font = recto_text_escape_bytes (map->font);
      g_autofree char *desc = g_strdup_printf ("Font %s: %s (stage %s).", font, map->method,
                                               map->stage != NULL ? map->stage : "?");
      tei_writer_start (writer, "charDecl", FALSE);
      tei_writer_attribute (writer, "xml:id", map_id);
      tei_writer_element (writer, "desc", desc);
      for (guint i = 0; i < map->mappings->len; i++)
        {
          const RectoGlyphMapping *mapping = &g_array_index (map->mappings, RectoGlyphMapping, i);
          g_autofree char *id = glyph_id (m, mapping->code);
          g_autofree char *code = map->encoding != NULL ? bytes_text (map->encoding, mapping->code)
                                                        : g_strdup_printf ("U+%04X", mapping->code);
          char character[8] = { 0 };
          tei_writer_start (writer, "glyph", FALSE);
          tei_writer_attribute (writer, "xml:id", id);
          tei_writer_attribute (writer, "n", code);
          if (mapping->character != 0 && mapping->character != ' ')
            {
              g_unichar_to_utf8 (mapping->character, character);
              tei_writer_start (writer, "mapping", TRUE);
              tei_writer_attribute (writer, "type",
                                    map->encoding != NULL ? "decoded"
                                    : mapping->from_context ? "context"
                                    : mapping->from_shape   ? "shape"
                                                            : "learned");
              write_certainty (writer, mapping->certainty);
              tei_writer_text (writer, character);
              tei_writer_end (writer);
            }
          else
            write_unlearned_note (writer, mapping);
          tei_writer_end (writer);
        }
      tei_writer_end (writer);
    }
}

typedef struct
{
  const RectoPage *page;
  guint glyph;
} GlyphRef;

typedef struct
{
  const RectoBlock *row;
  guint start, end;
} RowGlyphs;

struct _TeiGlyphCursor
{
  RectoDocument *doc;
  GArray *glyphs; /* GlyphRef, in the order of the block's lines */
  guint next;
  gboolean *used; /* per glyph: matched already */
  gboolean whole; /* a table's: align each text with all the glyphs not matched yet */
  GArray *rows; /* a table's: RowGlyphs, each row's glyphs in @glyphs */
  guint row_start, row_end; /* the glyphs of the row being written */
};

static gboolean
recovered_source (RectoDocument *doc, const RectoBlock *block)
{
  for (guint i = 0; block->sources != NULL && i < block->sources->len; i++)
    {
      const RectoSourceRef *ref = &g_array_index (block->sources, RectoSourceRef, i);
      if (ref->line != NULL
          && recto_page_get_n_recovered (recto_document_get_page (doc, ref->page)) > 0)
        return TRUE;
    }
  return FALSE;
}

static void
add_glyphs (TeiGlyphCursor *cursor, const RectoBlock *block)
{
  for (guint i = 0; block->sources != NULL && i < block->sources->len; i++)
    {
      const RectoSourceRef *ref = &g_array_index (block->sources, RectoSourceRef, i);
      const RectoPage *page = recto_document_get_page (cursor->doc, ref->page);
      if (ref->line == NULL || ref->line->glyphs == NULL)
        continue;
      for (guint g = 0; g < ref->line->glyphs->len; g++)
        g_array_append_val (cursor->glyphs,
                            ((GlyphRef){ page, g_array_index (ref->line->glyphs, guint, g) }));
    }
}

TeiGlyphCursor *
tei_glyph_cursor_new (RectoDocument *doc, const RectoBlock *block)
{
  gboolean table = block->kind == RECTO_BLOCK_TABLE, recovered = recovered_source (doc, block);
  TeiGlyphCursor *cursor;

  for (guint i = 0; table && i < recto_block_get_n_children (block); i++)
    recovered = recovered || recovered_source (doc, recto_block_get_child (block, i));
  if (!recovered)
    return NULL;
  cursor = g_new0 (TeiGlyphCursor, 1);
  cursor->doc = doc;
  cursor->glyphs = g_array_new (FALSE, FALSE, sizeof (GlyphRef));
  cursor->whole = table;
  if (!table)
    add_glyphs (cursor, block);
  cursor->rows = g_array_new (FALSE, FALSE, sizeof (RowGlyphs));
  for (guint i = 0; table && i < recto_block_get_n_children (block); i++)
    if (recto_block_get_child (block, i)->kind == RECTO_BLOCK_ROW)
      {
        RowGlyphs row = { recto_block_get_child (block, i), cursor->glyphs->len, 0 };
        add_glyphs (cursor, row.row);
        row.end = cursor->glyphs->len;
        g_array_append_val (cursor->rows, row);
      }
  cursor->row_end = cursor->glyphs->len;
  cursor->used = g_new0 (gboolean, MAX (cursor->glyphs->len, 1));
  return cursor;
}

void
tei_glyph_cursor_free (TeiGlyphCursor *cursor)
{
  if (cursor == NULL)
    return;
  g_array_unref (cursor->glyphs);
  g_array_unref (cursor->rows);
  g_free (cursor->used);
  g_free (cursor);
}

void
tei_glyph_cursor_enter_row (TeiGlyphCursor *cursor, const RectoBlock *row)
{
  for (guint i = 0; cursor != NULL && i < cursor->rows->len; i++)
    if (g_array_index (cursor->rows, RowGlyphs, i).row == row)
      {
        cursor->row_start = g_array_index (cursor->rows, RowGlyphs, i).start;
        cursor->row_end = g_array_index (cursor->rows, RowGlyphs, i).end;
      }
}

/* Aligns @chars (the characters of one text run) with the cursor's glyphs @start to @end, by
 * the longest common subsequence: stages join, split and space text, so neither side is a copy
 * of the other. Sets matches[i] to the glyph index in the cursor of chars[i], or -1, and moves
 * the cursor past the last glyph matched. White space never matches: stages add their own, and
 * nor does a glyph matched before. */
static void
align_between (TeiGlyphCursor *cursor, const gunichar *chars, guint n, int *matches, guint start,
               guint end)
{
  guint m = end - start;
  g_autofree guint16 *table = NULL;
#define L(i, j) table[(gsize) (i) * (m + 1) + (j)]

  for (guint i = 0; i < n; i++)
    matches[i] = -1;
  if (n == 0 || m == 0 || (gsize) (n + 1) * (m + 1) > MAX_CELLS)
    return;
  table = g_new0 (guint16, (gsize) (n + 1) * (m + 1));
  for (guint i = n; i-- > 0;)
    for (guint j = m; j-- > 0;)
      {
        const GlyphRef *ref = &g_array_index (cursor->glyphs, GlyphRef, start + j);
        gunichar glyph = g_array_index (ref->page->chars, gunichar, ref->glyph);
        if (chars[i] == glyph && !g_unichar_isspace (glyph) && !cursor->used[start + j])
          L (i, j) = L (i + 1, j + 1) + 1;
        else
          L (i, j) = MAX (L (i + 1, j), L (i, j + 1));
      }
  for (guint i = 0, j = 0; i < n && j < m;)
    {
      const GlyphRef *ref = &g_array_index (cursor->glyphs, GlyphRef, start + j);
      gunichar glyph = g_array_index (ref->page->chars, gunichar, ref->glyph);
      if (chars[i] == glyph && !g_unichar_isspace (glyph) && !cursor->used[start + j]
          && L (i, j) == L (i + 1, j + 1) + 1)
        {
          cursor->used[start + j] = TRUE;
          matches[i++] = (int) (start + j++);
          cursor->next = start + j;
        }
      else if (L (i + 1, j) >= L (i, j + 1))
        i++;
      else
        j++;
    }
#undef L
}

/* Aligns @chars with the glyphs from where the cursor stands, over a window a little longer
 * than the run; a table's cell text with its row's glyphs not matched yet. */
static void
align_run (TeiGlyphCursor *cursor, const gunichar *chars, guint n, int *matches)
{
  if (cursor->whole)
    align_between (cursor, chars, n, matches, cursor->row_start, cursor->row_end);
  else
    align_between (cursor, chars, n, matches, cursor->next,
                   cursor->next + MIN (cursor->glyphs->len - cursor->next,
                                       n + n / 2 + WINDOW_SLACK));
}

/* A cell's text is pieces of its table's lines, not in their order (its second line comes
 * before the next cell's piece of its first, a line crossing rows gives pieces to several):
 * the characters its row's glyphs left unmatched are aligned again, among all the table's
 * glyphs not matched yet, while that matches more. Its row first, so that a cell does not take
 * a like character from a row written later, which would leave that row's glyph unmarked. */
static void
align_rest (TeiGlyphCursor *cursor, const gunichar *chars, guint n, int *matches)
{
  g_autofree gunichar *rest = g_new (gunichar, MAX (n, 1));
  g_autofree guint *at = g_new (guint, MAX (n, 1));
  g_autofree int *found = g_new (int, MAX (n, 1));

  for (guint round = 0; round < 4; round++)
    {
      guint k = 0, more = 0;
      for (guint i = 0; i < n; i++)
        if (matches[i] < 0 && !g_unichar_isspace (chars[i]))
          rest[k] = chars[i], at[k++] = i;
      if (k == 0)
        return;
      align_between (cursor, rest, k, found, 0, cursor->glyphs->len);
      for (guint i = 0; i < k; i++)
        if (found[i] >= 0)
          matches[at[i]] = found[i], more++;
      if (more == 0)
        return;
    }
}

/* The font map that decoded glyph @glyph of @page, or -1. */
static int
map_of (RectoDocument *doc, const RectoPage *page, guint glyph)
{
  int span = recto_page_find_span (page, glyph);
  const char *font = span >= 0 ? g_array_index (page->spans, RectoSpan, span).subset : NULL;

  for (guint m = 0; font != NULL && m < recto_document_get_n_font_maps (doc); m++)
    if (recto_document_get_font_map (doc, m)->font == font)
      return (int) m;
  return -1;
}

typedef struct
{
  const RectoPage *page;
  const RectoRecoveredGlyph *record;
  const char *start; /* the character in the text */
  const char *end;
  /* "context": its character was read from the document's good text; "shape": from its
   * glyph's shape; NULL: from OCR */
  const char *subtype;
} Piece;

/* Where the character of @record's glyph on @page came from, when its font map's entry was not
 * read by OCR: "context" (RectoGlyphMapping.from_context), "shape" (from_shape), else NULL. */
static const char *
read_subtype (RectoDocument *doc, const RectoPage *page, const RectoRecoveredGlyph *record)
{
  const RectoGlyphMapping *mapping;
  int map;

  if (record->original == 0 || record->certainty <= 0
      || (map = map_of (doc, page, record->glyph)) < 0)
    return NULL;
  mapping = recto_font_map_lookup (recto_document_get_font_map (doc, (guint) map),
                                   record->original);
  if (mapping == NULL)
    return NULL;
  return mapping->from_context ? "context" : mapping->from_shape ? "shape" : NULL;
}

/* The font (its subset's name) of @piece's glyph, or NULL. */
static const char *
piece_font (const Piece *piece)
{
  int span = recto_page_find_span (piece->page, piece->record->glyph);
  return span >= 0 ? g_array_index (piece->page->spans, RectoSpan, span).subset : NULL;
}

/* A gap for @n glyphs recover-text gave no certain character, naming each one's code and, after
 * each run of codes of one font, that font: "U+0038 (font A) U+002A (font B)". */
static void
write_unrecovered (TeiWriter *writer, RectoDocument *doc, const Piece *pieces, guint n)
{
  g_autoptr (GString) codes = g_string_new (NULL);
  char quantity[16];

  for (guint i = 0; i < n; i++)
    {
      const char *font = piece_font (&pieces[i]);
      /* A glyph drawn without text has no code; it was read uncertainly, or not at all. */
      if (pieces[i].record->original == 0)
        g_string_append_printf (codes, "%sglyph drawn without text, no certain reading",
                                i > 0 ? ", " : "");
      else
        g_string_append_printf (codes, "%sU+%04X", i > 0 ? " " : "", pieces[i].record->original);
      if (i == n - 1 || g_strcmp0 (font, piece_font (&pieces[i + 1])) != 0)
        {
          g_autofree char *name = font != NULL ? recto_text_escape_bytes (font) : g_strdup ("unknown");
          g_string_append_printf (codes, " (font %s)", name);
        }
    }
  g_snprintf (quantity, sizeof quantity, "%u", n);
  tei_writer_start (writer, "gap", FALSE);
  tei_writer_attribute (writer, "reason", "unmapped-glyphs");
  tei_writer_attribute (writer, "quantity", quantity);
  tei_writer_attribute (writer, "unit", "glyph");
  tei_writer_element (writer, "desc", codes->str);
  tei_writer_end (writer);
}

/* Whether @record replaced a character the source gave as text (no code of a font map, not a
 * space Poppler gave for a glyph) by @character: a misread OCR layer (recover-text's
 * ocr-layer.h). */
static gboolean
replaces_text (const RectoRecoveredGlyph *record, const char *character)
{
  return record->original != 0 && !g_unichar_isspace (record->original)
         && g_utf8_get_char (character) != record->original;
}

/* <choice><sic>the source's character</sic><corr>@character</corr></choice>: the source's
 * text stays beside its correction. */
static void
write_correction (TeiWriter *writer, gunichar original, const char *character)
{
  char utf8[8] = { 0 };

  g_unichar_to_utf8 (original, utf8);
  tei_writer_start (writer, "choice", TRUE);
  tei_writer_element (writer, "sic", utf8);
  tei_writer_element (writer, "corr", character);
  tei_writer_end (writer);
}

/* One run of recovered characters of one stage. */
static void
write_run (TeiWriter *writer, RectoDocument *doc, const Piece *pieces, guint n)
{
  g_autofree char *resp = tei_stage_id (pieces[0].record->stage);
  float certainty = 1;

  if (pieces[0].record->certainty <= 0)
    {
      write_unrecovered (writer, doc, pieces, n);
      return;
    }
  for (guint i = 0; i < n; i++)
    certainty = MIN (certainty, pieces[i].record->certainty);
  tei_writer_start (writer, "seg", TRUE);
  tei_writer_attribute (writer, "type", "recovered");
  /* Read from the document's own good text or from the glyph's shape, not from OCR (the
   * header's <mapping type="context"> or type="shape"). */
  if (pieces[0].subtype != NULL)
    tei_writer_attribute (writer, "subtype", pieces[0].subtype);
  tei_writer_attribute_printf (writer, "resp", "#%s", resp);
  write_certainty (writer, certainty);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *character = g_strndup (pieces[i].start, pieces[i].end - pieces[i].start);
      int map = pieces[i].record->original != 0 ? map_of (doc, pieces[i].page, pieces[i].record->glyph) : -1;
      /* A glyph read where it stands (a space Poppler gave for it) has no entry in the map. */
      if (map >= 0
          && recto_font_map_lookup (recto_document_get_font_map (doc, (guint) map),
                                    pieces[i].record->original) == NULL)
        map = -1;
      if (map < 0 && replaces_text (pieces[i].record, character))
        {
          write_correction (writer, pieces[i].record->original, character);
          continue;
        }
      if (map < 0)
        {
          tei_writer_text (writer, character);
          continue;
        }
      {
        g_autofree char *id = glyph_id ((guint) map, pieces[i].record->original);
        tei_writer_start (writer, "g", TRUE);
        tei_writer_attribute_printf (writer, "ref", "#%s", id);
        tei_writer_text (writer, character);
        tei_writer_end (writer);
      }
    }
  tei_writer_end (writer);
}

static gboolean
same_run (const Piece *a, const Piece *b)
{
  return a->record->stage == b->record->stage
         && (a->record->certainty <= 0) == (b->record->certainty <= 0)
         && g_strcmp0 (a->subtype, b->subtype) == 0;
}

void
tei_write_recovered_text (TeiWriter *writer, TeiGlyphCursor *cursor, const char *text)
{
  g_autoptr (GArray) run = NULL;
  g_autofree gunichar *chars = NULL;
  g_autofree int *matches = NULL;
  const char *plain = text, *p = text;
  glong n = 0;

  if (cursor == NULL)
    {
      tei_writer_text (writer, text);
      return;
    }
  chars = g_utf8_to_ucs4_fast (text, -1, &n);
  matches = g_new (int, n + 1);
  align_run (cursor, chars, (guint) n, matches);
  if (cursor->whole)
    align_rest (cursor, chars, (guint) n, matches);
  run = g_array_new (FALSE, FALSE, sizeof (Piece));
  for (glong i = 0; i < n; i++, p = g_utf8_next_char (p))
    {
      Piece piece = { .start = p, .end = g_utf8_next_char (p) };
      if (matches[i] >= 0)
        {
          const GlyphRef *ref = &g_array_index (cursor->glyphs, GlyphRef, matches[i]);
          piece.page = ref->page;
          piece.record = recto_page_get_recovered (ref->page, ref->glyph);
          piece.subtype = piece.record != NULL
                              ? read_subtype (cursor->doc, ref->page, piece.record)
                              : NULL;
        }
      if (run->len > 0
          && (piece.record == NULL || !same_run (&g_array_index (run, Piece, 0), &piece)))
        {
          write_run (writer, cursor->doc, (const Piece *) run->data, run->len);
          g_array_set_size (run, 0);
          plain = p;
        }
      if (piece.record == NULL)
        continue;
      if (run->len == 0 && p > plain)
        {
          g_autofree char *before = g_strndup (plain, p - plain);
          tei_writer_text (writer, before);
        }
      g_array_append_val (run, piece);
      plain = piece.end;
    }
  if (run->len > 0)
    write_run (writer, cursor->doc, (const Piece *) run->data, run->len);
  else if (*plain != '\0')
    tei_writer_text (writer, plain);
}
