/* confirm-readings.c: see confirm-readings.h. */
#include "confirm-readings.h"

#include "font-verdict.h"
#include "glyph-shapes.h"

#include <math.h>
#include <string.h>

/* A glyph of a code, where it stands, and how it is read again. */
typedef struct
{
  const TextRow *row;
  guint glyph;
  RectoBox box;
  float em; /* its row's */
  gboolean wide; /* an em wide: CJK type */
  double scale; /* pixels a point it is drawn at */
} Occurrence;

/* The first glyph of @code in @font in the rows read (rows and glyphs in order: the same one
 * whatever the threads). */
static gboolean
find_occurrence (Learning *learning, const char *font, gunichar code, Occurrence *found)
{
  for (guint r = 0; r < learning->rows->len; r++)
    {
      const TextRow *row = &g_array_index (learning->rows, TextRow, r);
      const RectoPage *page = recto_document_get_page (learning->doc, row->page);
      /* A turned row is read again only in its own frame (turned-rows.h): not here. */
      for (guint k = 0; row->turn == 0 && k < row->glyphs->len; k++)
        {
          guint i = g_array_index (row->glyphs, guint, k);
          if (g_array_index (page->chars, gunichar, i) != code
              || learning_font_of (page, i) != font)
            continue;
          *found = (Occurrence){ row, i, g_array_index (page->boxes, RectoBox, i) };
          found->em = text_row_em (row);
          found->wide = found->box.x2 - found->box.x1 >= 0.9f * found->em;
          found->scale = MAX (CONFIRM_EM_PIXELS, learning->options->em_pixels)
                         / MAX (found->em, 1.0f);
          return TRUE;
        }
    }
  return FALSE;
}

/* Reads @image with the first language alone for an em-wide glyph (@wide), else with all. */
static GArray *
read_image (Learning *learning, const RectoImage *image, double scale, gboolean wide,
            OcrLayout layout)
{
  int dpi = (int) (scale * 72 + 0.5);
  GArray *symbols =
      wide ? ocr_pool_read_image_primary (learning->pool, 0, image, dpi, layout) : NULL;

  return symbols != NULL ? symbols : ocr_pool_read_image (learning->pool, 0, image, dpi, layout);
}

/* OCR reads the full-width punctuation of CJK type as ASCII: in an em-wide glyph, the full-width
 * form. */
static gunichar
widen (gunichar c, gboolean wide)
{
  return wide && c < 0x7F && g_unichar_ispunct (c) ? c + 0xFEE0 : c;
}

/* The glyph alone, with half an em of white all round (its neighbours' ink left out). */
static OcrSymbol
read_glyph (Learning *learning, const Occurrence *at)
{
  OcrSymbol read = { 0 };
  g_autoptr (RectoImage) glyph =
      recto_document_render (learning->doc, at->row->page, &at->box, at->scale, NULL);
  g_autoptr (RectoImage) framed = NULL;
  g_autoptr (GArray) symbols = NULL;

  if (glyph == NULL)
    return read;
  framed = glyph_shape_framed (glyph, (guint) (at->em / 2 * at->scale + 0.5));
  symbols = read_image (learning, framed, at->scale, at->wide, OCR_GLYPH);
  for (guint j = 0; symbols != NULL && j < symbols->len; j++)
    {
      const OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, j);
      if (symbol->c == 0 || g_unichar_isspace (symbol->c))
        continue;
      if (read.c != 0)
        return (OcrSymbol){ 0 }; /* two symbols in one glyph: no reading of it */
      read = *symbol;
    }
  read.c = widen (read.c, at->wide);
  return read;
}

/* The glyph's row, with half an em of margin, read again: of the symbols whose middle is in the
 * glyph's box, the one nearest its middle (a producer that boxes every glyph an em wide puts
 * the "." of "A.1" in the box of its "1"). */
static OcrSymbol
read_row (Learning *learning, const Occurrence *at)
{
  const RectoPage *page = recto_document_get_page (learning->doc, at->row->page);
  float em = at->em;
  RectoBox area = { MAX (0, at->row->box.x1 - em / 2), MAX (0, at->row->box.y1 - em / 2),
                    MIN ((float) page->width, at->row->box.x2 + em / 2),
                    MIN ((float) page->height, at->row->box.y2 + em / 2) };
  g_autoptr (RectoImage) image =
      recto_document_render (learning->doc, at->row->page, &area, at->scale, NULL);
  g_autoptr (GArray) symbols =
      image != NULL ? read_image (learning, image, at->scale, at->wide, OCR_LINE) : NULL;
  OcrSymbol read = { 0 };
  float centre = (at->box.x1 + at->box.x2) / 2, nearest = G_MAXFLOAT;

  if (symbols == NULL)
    return read;
  ocr_symbols_to_page (symbols, &area, at->scale);
  for (guint j = 0; j < symbols->len; j++)
    {
      const OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, j);
      float middle = (symbol->x1 + symbol->x2) / 2;
      if (symbol->c != 0 && !g_unichar_isspace (symbol->c) && middle > at->box.x1
          && middle < at->box.x2 && fabsf (middle - centre) < nearest)
        {
          read = *symbol;
          nearest = fabsf (middle - centre);
        }
    }
  read.c = widen (read.c, at->wide);
  return read;
}

/* The rows' readings of @code of @survey's font, or NULL. */
static const CodeVotes *
votes_of (Learning *learning, const FontSurvey *survey, gunichar code)
{
  GHashTable *codes = g_hash_table_lookup (learning->votes, survey->font);

  return codes != NULL ? g_hash_table_lookup (codes, GUINT_TO_POINTER (code)) : NULL;
}

static gboolean
agree (gunichar a, gunichar b)
{
  return a != 0 && b != 0 && (font_verdict_agrees (a, b) || font_verdict_agrees (b, a));
}

/* The share of three readings (the elected one, the glyph's and the row's) that agree with a
 * character only the first gave: its certainty falls by as much. */
#define ONE_IN_THREE (1.0f / 3)

/* Leaves @mapping its character where a second reading agrees with it; gives it the one the
 * glyph's and the row's second readings agree on, or, where @code_is_character, its code's own
 * where either reads that; 0 otherwise, its certainty cut to the share of the readings that
 * gave it: no character two readings agree on replaces the code's. */
static void
confirm (Learning *learning, const FontSurvey *survey, RectoGlyphMapping *mapping,
         gboolean code_is_character)
{
  Occurrence at;
  OcrSymbol glyph, row;

  if (!find_occurrence (learning, survey->font, mapping->code, &at))
    return;
  glyph = read_glyph (learning, &at);
  if (agree (glyph.c, mapping->character))
    return;
  row = read_row (learning, &at);
  if (agree (row.c, mapping->character))
    return;
  if (agree (glyph.c, row.c)
      && MIN (glyph.confidence, row.confidence) >= learning->options->min_certainty)
    {
      mapping->character = glyph.c;
      mapping->certainty = MIN (glyph.confidence, row.confidence);
    }
  else if (code_is_character && (agree (glyph.c, mapping->code) || agree (row.c, mapping->code)))
    {
      mapping->character = mapping->code;
      mapping->certainty = agree (glyph.c, mapping->code) ? glyph.confidence : row.confidence;
    }
  else
    {
      mapping->character = 0;
      mapping->certainty *= ONE_IN_THREE; /* for the header's note */
    }
}

guint
confirm_readings (Learning *learning, const FontSurvey *survey, GArray *mappings)
{
  guint n = 0;

  for (guint i = 0; i < mappings->len && learning->pool->error == NULL; i++)
    {
      RectoGlyphMapping *mapping = &g_array_index (mappings, RectoGlyphMapping, i);
      if (mapping->character == 0 || mapping->character == ' ' || mapping->code == ' '
          || font_survey_is_code (mapping->code, 0, 0)
          || font_verdict_agrees (mapping->code, mapping->character))
        continue;
      confirm (learning, survey, mapping, TRUE);
      n++;
    }
  return n;
}

/* Whether the rows read @code of @survey's font as @c at least once. */
static gboolean
rows_read_as (Learning *learning, const FontSurvey *survey, gunichar code, gunichar c)
{
  const CodeVotes *votes = votes_of (learning, survey, code);

  for (guint i = 0; votes != NULL && i < votes->candidates->len; i++)
    if (agree (g_array_index (votes->candidates, Candidate, i).c, c))
      return TRUE;
  return FALSE;
}

guint
confirm_doubtful_readings (Learning *learning, const FontSurvey *survey, GArray *mappings)
{
  float min_certainty = learning->options->min_certainty;
  guint confirmed = 0;

  for (guint i = 0; i < mappings->len && learning->pool->error == NULL; i++)
    {
      RectoGlyphMapping *mapping = &g_array_index (mappings, RectoGlyphMapping, i);
      Occurrence at;
      OcrSymbol glyph, row;
      if (mapping->character == 0 || mapping->character == ' '
          || mapping->certainty >= min_certainty
          || !find_occurrence (learning, survey->font, mapping->code, &at))
        continue;
      glyph = read_glyph (learning, &at);
      row = read_row (learning, &at);
      if (!agree (glyph.c, row.c) || MIN (glyph.confidence, row.confidence) < min_certainty
          || !rows_read_as (learning, survey, mapping->code, glyph.c)
          || learning_held_elsewhere (mappings, i, glyph.c, min_certainty, 0))
        continue;
      mapping->character = glyph.c;
      mapping->certainty = MIN (glyph.confidence, row.confidence);
      confirmed++;
    }
  return confirmed;
}

/* What a reading is: a Han character, a letter or figure, or a sign. */
typedef enum
{
  KIND_HAN,
  KIND_ALNUM,
  KIND_SIGN,
  N_KINDS
} Kind;

static Kind
kind_of (gunichar c)
{
  if (g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN)
    return KIND_HAN;
  return g_unichar_isalnum (c) ? KIND_ALNUM : KIND_SIGN;
}

/* Whether @code of @survey's font was read from its glyph's shape (CodeVotes.sign). */
static gboolean
told_by_shape (Learning *learning, const FontSurvey *survey, gunichar code)
{
  const CodeVotes *votes = votes_of (learning, survey, code);

  return votes != NULL && votes->sign != 0;
}

guint
confirm_lone_readings (Learning *learning, const FontSurvey *survey, GArray *mappings)
{
  guint unconfirmed = 0, kinds[N_KINDS] = { 0 }, read = 0;
  Kind font_kind = KIND_HAN;

  /* The font's kind, from its codes read twice or more: a font of glyphs each drawn once (a
   * chart's marks, read as "重生四和") has none. */
  for (guint i = 0; i < mappings->len; i++)
    {
      const RectoGlyphMapping *mapping = &g_array_index (mappings, RectoGlyphMapping, i);
      if (mapping->readings < 2 || mapping->character == 0 || mapping->character == ' ')
        continue;
      read++;
      kinds[kind_of (mapping->character)]++;
    }
  /* Han when most are; else signs where they outnumber letters and figures. */
  if (2 * kinds[KIND_HAN] <= read)
    font_kind = kinds[KIND_SIGN] > kinds[KIND_ALNUM] ? KIND_SIGN : KIND_ALNUM;
  for (guint i = 0; i < mappings->len && learning->pool->error == NULL; i++)
    {
      RectoGlyphMapping *mapping = &g_array_index (mappings, RectoGlyphMapping, i);
      Kind kind = kind_of (mapping->character);
      /* A dash's length, a circled number and a sign told by its shape (□, √, 。, 、: OCR
       * misreads them, again when read again) are read from the glyph's shape, not by OCR; a
       * lone reading of the kind most of the font's codes read twice read as (Han in a Han
       * font) is as good as the row's other readings, which a glyph read alone does not beat,
       * and so is a sign in a font of letters and figures (the "＋" of "Fe＋O", read again, is
       * not confirmed); a figure in a font of signs is a sign's ink misread (” read "7"). */
      if (mapping->readings != 1 || mapping->character == 0 || mapping->character == ' '
          || learning_is_bar (mapping->character)
          || g_unichar_type (mapping->character) == G_UNICODE_OTHER_NUMBER
          || told_by_shape (learning, survey, mapping->code)
          || (read >= FONT_VERDICT_MIN_SAMPLED
              && (kind == font_kind || (font_kind == KIND_ALNUM && kind == KIND_SIGN))))
        continue;
      confirm (learning, survey, mapping, FALSE);
      unconfirmed += mapping->character == 0;
    }
  return unconfirmed;
}
