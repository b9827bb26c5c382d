/* font-learning-decode.c: decodes the glyphs of a font through its learned map (see
 * font-learning-private.h). */
#include "font-learning-private.h"
#include "font-verdict.h"

/* The cells a code's glyphs take (learning_glyph_cell()), in ems of their spans: the narrowest,
 * the widest, and the widest of those the next glyph ends (0 where none does). */
typedef struct
{
  float narrowest, widest, widest_bounded;
} Cells;

/* @c, or its full-width form where it is ASCII and its code's glyphs (@cells) are drawn in a
 * full cell, in a font with @in_cells (learning_font_has_cells()) and, for a letter or digit,
 * whose letters are in full cells (@letters_full, letters_in_full_cells()): OCR reads the "０" and
 * "：" of CJK type as "0" and ":", though the page sets them an em wide (full-width digits of
 * Japanese reports).
 * A letter or digit by its narrowest cell, for a producer may space a line's glyphs out (GB/T
 * 3620.1's tables set a half-width "0" in cells from 0.57 to 1.0 em), and nothing squeezes
 * them; a sign by its widest cell, for a word processor squeezes "）" before "。" into half its
 * cell: its widest that the next glyph ends, where one does, for a glyph the row's last keeps
 * the box of its advance however wide (learning_glyph_cell(): a "." of GB/T 3620.1). In Latin
 * type a "W" may be an em wide, and is a "W". */
static gunichar
full_width (gunichar c, const Cells *cells, gboolean in_cells, gboolean letters_full)
{
  gboolean full = g_unichar_isalnum (c)       ? letters_full && cells->narrowest >= FULL_CELL_EMS
                  : cells->widest_bounded > 0 ? cells->widest_bounded >= FULL_CELL_EMS
                                              : cells->widest >= FULL_CELL_EMS;

  return c > 0x20 && c < 0x7F && in_cells && full ? c + 0xFEE0 : c;
}

/* A walk over the glyphs of one font's spans, page by page, span by span, in the pages' order
 * (as GHashTableIter walks a table): font_glyphs_init(), then while font_glyphs_next() the glyph
 * is the walk's page's chars and boxes at its i, in its span. */
typedef struct
{
  RectoDocument *doc;
  const char *font;
  guint next_page, next_span; /* where the search for the font's next span goes on */
  RectoPage *page;
  const RectoSpan *span; /* NULL before the first glyph */
  guint i;
} FontGlyphs;

static void
font_glyphs_init (FontGlyphs *walk, RectoDocument *doc, const char *font)
{
  *walk = (FontGlyphs){ .doc = doc, .font = font };
}

/* TRUE with @walk at the font's next glyph; FALSE when there is none. */
static gboolean
font_glyphs_next (FontGlyphs *walk)
{
  if (walk->span != NULL && ++walk->i < walk->span->first + walk->span->length)
    return TRUE;
  for (; walk->next_page < recto_document_get_n_pages (walk->doc);
       walk->next_page++, walk->next_span = 0)
    {
      walk->page = recto_document_get_page (walk->doc, walk->next_page);
      while (walk->next_span < walk->page->spans->len)
        {
          walk->span = &g_array_index (walk->page->spans, RectoSpan, walk->next_span++);
          walk->i = walk->span->first;
          if (walk->span->subset == walk->font && walk->span->length > 0)
            return TRUE;
        }
    }
  walk->span = NULL;
  return FALSE;
}

/* The cells of each code of @font (code → Cells *): a glyph's as learning_glyph_cell() gives
 * it, its neighbour the glyph drawn after it. */
static GHashTable *
cells_of_codes (RectoDocument *doc, const ElectedFont *font)
{
  GHashTable *cells = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  FontGlyphs walk;

  font_glyphs_init (&walk, doc, font->survey->font);
  while (font_glyphs_next (&walk))
    {
      gunichar code = g_array_index (walk.page->chars, gunichar, walk.i);
      const RectoBox *boxes = (const RectoBox *) walk.page->boxes->data;
      const gunichar *chars = (const gunichar *) walk.page->chars->data;
      gboolean last = walk.i + 1 >= walk.page->boxes->len;
      gboolean bounded;
      RectoBox box = learning_glyph_cell (&boxes[walk.i], code, last ? NULL : &boxes[walk.i + 1],
                                          last ? 0 : chars[walk.i + 1], &bounded);
      float ems = walk.span->size > 0 ? (box.x2 - box.x1) / walk.span->size : 0;
      Cells *known = g_hash_table_lookup (cells, GUINT_TO_POINTER (code));
      if (known == NULL)
        {
          known = g_new0 (Cells, 1);
          known->narrowest = ems;
          g_hash_table_insert (cells, GUINT_TO_POINTER (code), known);
        }
      known->narrowest = MIN (known->narrowest, ems);
      known->widest = MAX (known->widest, ems);
      if (bounded)
        known->widest_bounded = MAX (known->widest_bounded, ems);
    }
  return cells;
}

/* Whether most of the letters and digits of @mappings (by code) take a full cell (@cells): where
 * a font sets most of them in half cells, one whose glyphs all end their cells ("i" of "Ti",
 * the last "8" of "0.08" in GB/T 3620.1's tables, spaced out) has the box of its advance, an
 * em, and no cell of its own to tell its width: its font's letters tell it. */
static gboolean
letters_in_full_cells (GHashTable *cells, const GArray *mappings)
{
  guint full = 0, half = 0;

  for (guint i = 0; i < mappings->len; i++)
    {
      const RectoGlyphMapping *mapping = &g_array_index (mappings, RectoGlyphMapping, i);
      const Cells *code = g_hash_table_lookup (cells, GUINT_TO_POINTER (mapping->code));
      if (code == NULL || mapping->character >= 0x7F || !g_unichar_isalnum (mapping->character))
        continue;
      if (code->narrowest >= FULL_CELL_EMS)
        full++;
      else
        half++;
    }
  return full > half;
}

ElectedFont *
learning_find_elected (GArray *elected, const char *font)
{
  for (guint i = 0; i < elected->len; i++)
    if (g_array_index (elected, ElectedFont, i).survey->font == font)
      return &g_array_index (elected, ElectedFont, i);
  return NULL;
}

const RectoGlyphMapping *
learning_find_mapping (const GArray *mappings, gunichar code)
{
  guint lo = 0, hi = mappings->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      const RectoGlyphMapping *m = &g_array_index (mappings, RectoGlyphMapping, mid);
      if (m->code == code)
        return m;
      if (m->code < code)
        lo = mid + 1;
      else
        hi = mid;
    }
  return NULL;
}

GlyphDecoding
learning_decode_glyph (const FontSurvey *survey, const GArray *mappings, gboolean wrong,
                       gunichar code, float width, float size, const RectoGlyphMapping **mapping)
{
  gboolean is_code = font_survey_is_code (code, width, size);
  const RectoGlyphMapping *found = NULL;

  *mapping = NULL;
  if (code == ' ')
    return GLYPH_SPACE;
  found = learning_find_mapping (mappings, code);
  /* A character read from the document's good text (context-readings.h) or from the glyph's
   * shape (shape-readings.h) is the glyph's. */
  if (found != NULL && (found->from_context || found->from_shape))
    {
      *mapping = found;
      return is_code || wrong || survey->numbered ? GLYPH_DECODED : GLYPH_REPLACED;
    }
  if (!is_code && !wrong && !font_survey_checks (survey, code))
    return GLYPH_KEPT;
  /* A valid character (a digit or a Greek letter set an em wide, a rare one) stays unless a
   * certain reading says otherwise; a narrow reading of a glyph an em wide ("8" for 荣) is
   * OCR's, not the glyph's. */
  if (!wrong && !font_survey_is_code (code, 0, 0)
      && (found == NULL || found->character == 0 || font_verdict_agrees (code, found->character)
          || (!g_unichar_iswide (found->character) && width >= 0.9f * size)))
    return GLYPH_KEPT;
  *mapping = found;
  if (found != NULL && found->character == ' ')
    return GLYPH_BLANK;
  if (found != NULL && found->character != 0)
    return is_code ? GLYPH_DECODED : GLYPH_REPLACED;
  return GLYPH_GAP;
}

void
learning_decode_font (Learning *learning, const ElectedFont *font, const RectoFontMap *map,
                      RectoFontCheck *check, guint *blank)
{
  RectoDocument *doc = learning->doc;
  g_autoptr (GHashTable) cells = cells_of_codes (doc, font);
  gboolean in_cells = learning_font_has_cells (learning, font->survey->font);
  gboolean letters_full = letters_in_full_cells (cells, map->mappings);

  FontGlyphs walk;

  font_glyphs_init (&walk, doc, font->survey->font);
  while (font_glyphs_next (&walk))
    {
      RectoPage *page = walk.page;
      const RectoSpan *span = walk.span;
      guint i = walk.i;
      gunichar *chars = (gunichar *) page->chars->data;
      const RectoBox *boxes = (const RectoBox *) page->boxes->data;
      const RectoGlyphMapping *mapping;
      gunichar code = chars[i];
      GlyphDecoding decoding =
          learning_decode_glyph (font->survey, map->mappings, font->wrong, code,
                                 boxes[i].x2 - boxes[i].x1, span->size, &mapping);
      switch (decoding)
        {
        case GLYPH_SPACE:
          learning_decode_space (learning, page, i, map->mappings, check);
          break;
        case GLYPH_KEPT:
          break;
        case GLYPH_BLANK:
          /* A space glyph: the space between words is geometry's to say; one an em wide is
           * the ideographic space of CJK type (a paragraph's indent). */
          chars[i] = boxes[i].x2 - boxes[i].x1 >= 0.8f * span->size ? 0x3000 : ' ';
          recto_page_mark_recovered (doc, page, i, code, 1);
          (*blank)++;
          break;
        case GLYPH_DECODED:
        case GLYPH_REPLACED:
          chars[i] =
              full_width (mapping->character, g_hash_table_lookup (cells, GUINT_TO_POINTER (code)),
                          in_cells, letters_full);
          recto_page_mark_recovered (doc, page, i, code, mapping->certainty);
          if (decoding == GLYPH_DECODED)
            check->recovered++;
          else
            check->replaced++;
          check->from_context += mapping->from_context;
          check->from_shape += mapping->from_shape;
          break;
        case GLYPH_GAP:
          recto_page_mark_recovered (doc, page, i, code, 0);
          check->unasserted++;
          break;
        }
    }
}
