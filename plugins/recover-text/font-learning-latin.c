/* font-learning-latin.c: the rules of font learning for narrow type (Latin, Cyrillic, Greek:
 * most letters half an em wide or less). In it a gap between glyphs may be a word space or a
 * letter Poppler dropped, and Poppler gives one space for a run of glyphs whose codes read as
 * white space: only the ink and what OCR read where the glyph stands tell them apart, and the
 * ink's width bounds how many letters such a space may take. Dashes take their kind from their
 * width. */
#include "font-learning-private.h"
#include "glyph-shapes.h"

#include <math.h>

/* Whether the unmapped glyphs of @row are narrow (Latin, Cyrillic, Greek type: most letters half
 * an em wide or less) rather than each an em wide (CJK type): their median width is under
 * NARROW_EMS of the row's em. */
gboolean
learning_row_is_narrow (Learning *learning, const TextRow *row)
{
  const RectoPage *page = recto_document_get_page (learning->doc, row->page);
  const gunichar *chars = (const gunichar *) page->chars->data;
  g_autoptr (GArray) widths = g_array_new (FALSE, FALSE, sizeof (float));

  for (guint k = 0; k < row->glyphs->len; k++)
    {
      guint i = g_array_index (row->glyphs, guint, k);
      RectoBox box = text_row_glyph_box (row, page, i);
      if (chars[i] != ' '
          && font_survey_needs_reading (learning->surveys, learning_font_of (page, i), chars[i]))
        g_array_append_val (widths, ((float){ box.x2 - box.x1 }));
    }
  if (widths->len == 0)
    return FALSE;
  g_array_sort (widths, learning_compare_floats);
  return g_array_index (widths, float, widths->len / 2) < NARROW_EMS * text_row_em (row);
}

/* The dash a bar @ems of an em wide is: an em dash (and 一's look-alike) fills its em; in
 * Latin type an en dash takes half an em, a hyphen a third (OCR reads all three as "-"); in a
 * font with @cells (learning_font_has_cells()) a bar in a half cell is a hyphen. */
gunichar
learning_dash_of_width (float ems, gboolean cells)
{
  if (cells && ems < FULL_CELL_EMS)
    return '-';
  return ems >= 0.8f ? 0x2014 /* — */ : ems >= 0.45f ? 0x2013 /* – */ : '-';
}

/* Whether a glyph at @box of @image (showing @area at @scale) is drawn with no ink: its box,
 * but for a tenth at each side (where a neighbour may overhang), is empty. Even a full-width
 * comma, small in the corner of its em, has ink there, and so has a hairline dash drawn in
 * grey (GB/T 3620.1's tables fill their empty cells with one, no pixel of it as dark as ink):
 * a glyph's grey counts. A space Poppler gives (@space) may be a sliver between words that a
 * neighbour's overhang fills to a tenth of it: only its middle half counts (a letter whose
 * code reads as a space has ink there), not its grey (the edge of an "f" over it), and a
 * sliver too narrow to look at holds no glyph. */
gboolean
learning_is_blank (const RectoImage *image, const RectoBox *area, double scale, const RectoBox *box,
                   gboolean space)
{
  float inset = (box->x2 - box->x1) / (space ? 4 : 10);
  RectoBox middle = { box->x1 + inset, box->y1, box->x2 - inset, box->y2 };
  g_autoptr (RectoImage) slot = NULL;

  if (image == NULL)
    return FALSE;
  if (middle.x2 > middle.x1)
    slot = glyph_shape_crop (image, area, scale, &middle);
  if (slot == NULL)
    return space;
  return (space ? glyph_shape_ink_share (slot) : glyph_shape_ink_coverage (slot))
         < MIN_INK_SHARE / 10;
}

/* The first run of inked columns of @slot with a blank column between it and either edge, from
 * @first to @last; FALSE when there is none. */
static gboolean
find_own_ink (const RectoImage *slot, guint *first, guint *last)
{
  g_autofree gboolean *inked = g_new (gboolean, slot->width);

  glyph_shape_inked_columns (slot, inked);
  for (guint x = 1; x + 1 < slot->width; x++)
    if (inked[x] && !inked[x - 1])
      {
        guint end = x;
        while (end + 1 < slot->width && inked[end + 1])
          end++;
        if (end + 1 < slot->width)
          {
            *first = x, *last = end;
            return TRUE;
          }
        x = end;
      }
  return FALSE;
}

/* Whether the space glyph at @box of @image (showing @area at @scale) holds ink of a glyph of
 * its own: a run of inked columns with a blank column between it and either edge of the box. A
 * neighbour's overhang enters at an edge; a full stop whose code reads as white space stands
 * apart, often at the left end of a box Poppler stretched over the word space after it, where
 * learning_is_blank() does not look. */
static gboolean
holds_own_ink (const RectoImage *image, const RectoBox *area, double scale, const RectoBox *box)
{
  g_autoptr (RectoImage) slot = NULL;
  guint first, last;

  return image != NULL && (slot = glyph_shape_crop (image, area, scale, box)) != NULL
         && find_own_ink (slot, &first, &last);
}

/* Whether the space glyph @item of @row, in a row of CJK type, holds a half-width sign of its
 * own: ink apart from both edges of its box (csrc's "(" of "采矿业(B)", code 0x0A), half an em
 * high or more (a bracket, a slash), and no table rule crossing the row. OCR reads a small mark
 * there too surely and wrongly: GB/T 3620.1's superscript note mark "a" was read "”" at 0.95. */
static gboolean
holds_half_width_sign (const TextRow *row, const RowItem *item)
{
  g_autoptr (RectoImage) slot = NULL;
  guint first, last, top, bottom;

  if (row->image == NULL
      || (slot = glyph_shape_crop (row->image, &row->area, row->scale, &item->box)) == NULL
      || !find_own_ink (slot, &first, &last) || learning_crosses_a_rule (row, &item->box))
    return FALSE;
  /* The run's columns of the slot, in its pixels. */
  RectoImage run = { last - first + 1, slot->height, slot->stride, slot->pixels + first };
  return glyph_shape_ink_rows (&run, &top, &bottom)
         && bottom - top + 1 >= 0.5 * text_row_em (row) * row->scale;
}

/* Notes in @space where the ink of @slot (a space glyph's @box, cropped at @scale from @origin)
 * stands, and the word spaces within it: blank runs of columns as wide as space->word_gap. At
 * either edge, ink narrower than that before such a run is a neighbour's overhang ("f") if it
 * touches the edge; ink apart from the edge is a glyph's (a full stop, holds_own_ink()). */
static void
find_ink (const RectoImage *slot, float origin, double scale, const RectoBox *box,
          SpaceGlyph *space)
{
  g_autofree gboolean *inked = g_new (gboolean, slot->width);
  float gap = space->word_gap * scale;
  guint first = 0, last = slot->width;

  glyph_shape_inked_columns (slot, inked);
  for (guint pass = 0; pass < 2; pass++)
    {
      /* pass 0 trims the left edge, pass 1 the right one */
      guint x = 0, start, ink = 0, blank = 0;
#define AT(x) (pass == 0 ? (x) : slot->width - 1 - (x))
      while (x < slot->width && !inked[AT (x)])
        x++;
      for (start = x; x < slot->width && inked[AT (x)]; x++)
        ink++;
      for (; x < slot->width && !inked[AT (x)]; x++)
        blank++;
      if (start == 0 && ink > 0 && ink < gap && blank >= gap && x < slot->width)
        for (guint k = start; k < start + ink; k++)
          inked[AT (k)] = FALSE;
#undef AT
    }
  while (first < slot->width && !inked[first])
    first++;
  while (last > first && !inked[last - 1])
    last--;
  if (first >= last)
    return;
  space->ink.x1 = MAX (box->x1, origin + first / scale);
  space->ink.x2 = MIN (box->x2, origin + last / scale);
  for (guint x = first, run = 0; x < last; x++)
    {
      run = inked[x] ? 0 : run + 1;
      if (run >= gap && x + 1 < last && inked[x + 1] && space->n_splits < SPACE_MAX_SPLITS)
        space->splits[space->n_splits++] =
            (RectoBox){ origin + (x + 1 - run) / scale, 0, origin + (x + 1) / scale, 0 };
    }
}

/* Notes where the ink of the space glyph @item of @row stands (find_ink()), and how many glyphs
 * of its font it is wide enough for: its ink's width over the advance of the font's narrow
 * glyphs (an em in CJK type), rounded. Poppler's box for such a run may take in the word spaces
 * around it. */
static void
measure_space_ink (Learning *learning, const TextRow *row, const RowItem *item, gboolean narrow,
                   SpaceGlyph *space)
{
  g_autoptr (RectoImage) slot = glyph_shape_crop (row->image, &row->area, row->scale, &item->box);
  float em = text_row_em (row),
        advance = narrow ? learning_font_advance (learning, item->font) : em;
  float origin = row->area.x1 + floor ((item->box.x1 - row->area.x1) * row->scale) / row->scale;

  space->ink = item->box;
  space->em = em;
  /* In narrow type a word space is a gap; CJK type has none between its glyphs. */
  space->word_gap = narrow ? WORD_GAP_EMS * em : G_MAXFLOAT;
  if (slot != NULL)
    find_ink (slot, origin, row->scale, &item->box, space);
  if (advance <= 0)
    advance = NARROW_EMS * em;
  space->most =
      CLAMP ((guint) ((space->ink.x2 - space->ink.x1) / advance + 0.5f), 1, SPACE_MAX_READINGS);
}

/* Glyphs of a code seen drawn with no ink before it counts as a space. */
#define BLANK_SIGHTINGS 3

/* Notes the width of @item, a glyph of @row drawn with no ink, as a word space of its font. */
static void
note_word_space (Learning *learning, const TextRow *row, const RowItem *item)
{
  GArray *widths = g_hash_table_lookup (learning->word_spaces, item->font);

  if (widths == NULL)
    g_hash_table_insert (learning->word_spaces, (gpointer) item->font,
                         widths = g_array_new (FALSE, FALSE, sizeof (float)));
  g_array_append_val (widths, ((float){ (item->box.x2 - item->box.x1) / text_row_em (row) }));
}

void
learning_settle_word_spaces (Learning *learning)
{
  GHashTableIter iter;
  gpointer widths;

  g_hash_table_iter_init (&iter, learning->word_spaces);
  while (g_hash_table_iter_next (&iter, NULL, &widths))
    g_array_sort (widths, learning_compare_floats);
}

/* The median width, in ems, of @font's word spaces (learning_settle_word_spaces()), or 0 when
 * fewer than BLANK_SIGHTINGS were seen. */
static float
word_space (Learning *learning, const char *font)
{
  const GArray *widths = g_hash_table_lookup (learning->word_spaces, font);

  return widths != NULL && widths->len >= BLANK_SIGHTINGS
             ? g_array_index (widths, float, widths->len / 2)
             : 0;
}

static gboolean
is_blank_code (const CodeVotes *votes)
{
  return votes->blank >= BLANK_SIGHTINGS && votes->blank > votes->readings;
}

/* Takes the glyphs of @items drawn with no ink out of them: nothing OCR read is theirs. Counts
 * them for their codes, and notes which space glyphs are glyphs and which are spaces. */
void
learning_drop_blank_items (Learning *learning, const TextRow *row, GArray *items, gboolean narrow)
{
  const RectoPage *page = recto_document_get_page (learning->doc, row->page);

  for (guint i = items->len; i-- > 0;)
    {
      const RowItem *item = &g_array_index (items, RowItem, i);
      gboolean blank;
      if (item->kind != ITEM_CODE || row->image == NULL)
        continue;
      blank = learning_is_blank (row->image, &row->area, row->scale, &item->box,
                                 narrow && item->c == ' ')
              && !(narrow && item->c == ' '
                   && holds_own_ink (row->image, &row->area, row->scale, &item->box));
      if (item->c == ' ')
        {
          SpaceGlyph *space = g_new0 (SpaceGlyph, 1);
          if (!blank)
            {
              measure_space_ink (learning, row, item, narrow, space);
              /* A glyph of CJK type fills its em: ink narrower than half of one in the space
               * Poppler gives between a CJK glyph and a Latin one is the neighbours', unless it
               * is a half-width sign of the font whose code reads as white space. */
              blank = !narrow
                      && space->ink.x2 - space->ink.x1 < CJK_SPACE_GLYPH_EMS * text_row_em (row)
                      && !holds_half_width_sign (row, item);
              /* Ink another glyph of the page stands over is that glyph's: a note's mark, set
               * small and raised in the word space after "weeks." (vol612-lost-body-text's
               * "weeks.! The"). */
              blank = blank || learning_shows_other_glyphs (page, &space->ink);
            }
          space->inked = !blank;
          space->own_band = item->box.y2 - item->box.y1 <= OWN_BAND_EMS * text_row_em (row);
          if (!blank)
            {
              RowItem *glyph = &g_array_index (items, RowItem, i);
              g_hash_table_add (learning->inked_space_fonts, (gpointer) item->font);
              /* The alignment gives it a run of symbols read within its ink. */
              glyph->box.x1 = space->ink.x1, glyph->box.x2 = space->ink.x2;
              glyph->most = space->most;
            }
          g_hash_table_insert (learning->spaces, learning_glyph_key (row->page, item->glyph),
                               space);
        }
      else if (blank)
        learning_votes_for (learning, item->font, item->c)->blank++;
      /* A code seen drawn with no ink more often than read is a space (the ink in its box a
       * neighbour's): no symbol is its, and the alignment must not shift one onto it. */
      else if (is_blank_code (learning_votes_for (learning, item->font, item->c)))
        blank = TRUE;
      if (blank && narrow)
        note_word_space (learning, row, item);
      if (blank)
        g_array_remove_index (items, i);
    }
}

/* The space glyph drawn with ink that @item is, or NULL. */
static SpaceGlyph *
inked_space (Learning *learning, const TextRow *row, const RowItem *item)
{
  gint64 key = ((gint64) row->page << 32) | item->glyph;
  SpaceGlyph *space;

  if (item->kind != ITEM_CODE || item->c != ' ')
    return NULL;
  space = g_hash_table_lookup (learning->spaces, &key);
  return space != NULL && space->inked ? space : NULL;
}

/* Whether @symbol, given to the space glyph @space at @box in @row, is a mark read in a word
 * space, no glyph's: in the blank part of the box before its ink, what OCR sees in a wide word
 * space of justified type ("were “handled"), or wholly beyond the box (the stem of the "p" after
 * the space glyph "ar", read again as "|": "two-year| pilot"). Only a mark: OCR places letters
 * too loosely for their boxes to say where they stand (the "t" of "2021 to", read in the space
 * before it); and within the box only before the ink, for a full stop's symbol drifts into the
 * word space after it ("limitations. The", one box for both). A mark standing mostly beside the
 * box but over part of it is let be, and so is one over any ink, even a grey edge. */
static gboolean
read_in_blank (const TextRow *row, const SpaceGlyph *space, const RectoBox *box,
               const OcrSymbol *symbol)
{
  RectoBox part = { MAX (symbol->x1, box->x1), box->y1, MIN (symbol->x2, box->x2), box->y2 };
  float middle = (symbol->x1 + symbol->x2) / 2;

  if (g_unichar_isalnum (symbol->c))
    return FALSE;
  if (symbol->x1 >= box->x2 || symbol->x2 <= box->x1)
    return TRUE;
  return middle > box->x1 && symbol->x2 <= space->ink.x1
         && learning_is_blank (row->image, &row->area, row->scale, &part, FALSE);
}

/* Whether @symbol, a letter given to the space glyph @space at @box in @row, stands past the
 * box, a word space of blank paper between them: the next glyph's, where OCR's boxes drifted
 * and the alignment handed it on too early (vol511-lost-body-text's "two-year pilot", its "p"
 * given to the space glyph of "ar" came out "two-yearp ilot"). */
static gboolean
read_past_word_space (const TextRow *row, const SpaceGlyph *space, const RectoBox *box,
                      const OcrSymbol *symbol)
{
  RectoBox between = { box->x2, box->y1, symbol->x1, box->y2 };

  return g_unichar_isalnum (symbol->c) && symbol->x1 - box->x2 >= space->word_gap
         && learning_is_blank (row->image, &row->area, row->scale, &between, FALSE);
}

/* Keeps what OCR read on the space glyph @item drawn with ink (learning_drop_blank_items()):
 * the run of @n symbols from @first the alignment gave it, each a glyph in its share of the
 * ink, but for those read in its blank part in narrow type (read_in_blank()). */
void
learning_read_space_glyph (Learning *learning, const TextRow *row, const RowItem *item,
                           const GArray *symbols, int first, guint n, float em, gboolean narrow)
{
  SpaceGlyph *space = inked_space (learning, row, item);
  RectoBox box;
  float advance, again;

  /* A turned row's space glyphs stay spaces: their ink is measured in its frame, not the page's. */
  if (space == NULL || first < 0 || row->turn != 0)
    return;
  /* Each glyph of CJK type takes its share of the box Poppler gives the run: an em (the
   * full-width form of what OCR reads as ASCII), or half of one for a half-width sign. */
  box = text_row_glyph_box (row, recto_document_get_page (learning->doc, row->page), item->glyph);
  advance = (box.x2 - box.x1) / MAX (space->most, 1);
  space->confidence = 1;
  for (guint k = 0; k < n && space->n < SPACE_MAX_READINGS; k++)
    {
      const OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, first + k);
      if (narrow && read_in_blank (row, space, &box, symbol))
        continue;
      if (narrow && read_past_word_space (row, space, &box, symbol))
        {
          /* The letters from here on are the next glyph's: they go before it. */
          for (; k < n; k++)
            {
              const OcrSymbol *next = &g_array_index (symbols, OcrSymbol, first + k);
              DroppedGlyph dropped = { item->glyph + 1,
                                       next->c,
                                       { next->x1, box.y1, next->x2, box.y2 },
                                       next->confidence,
                                       NULL };
              if (next->confidence >= learning->options->min_certainty)
                g_array_append_val (learning_dropped_on (learning, row->page), dropped);
            }
          break;
        }
      space->c[space->n++] =
          learning_fit_width (symbol->c, &(RectoBox){ 0, 0, advance, em }, em, narrow);
      space->confidence = MIN (space->confidence, symbol->confidence);
    }
  if (narrow && space->n == 1
      && learning_read_capital_again (learning, row, &space->ink, em, &space->c[0], &again))
    space->confidence = MIN (space->confidence, again);
}

/* The blank runs within @space's ink (a glyph of @font) that are word spaces, copied to @runs:
 * those at least WORD_SPACE_SHARE of the font's word space wide, where that is known. Returns
 * how many. */
static guint
word_spaces_within (Learning *learning, const SpaceGlyph *space, const char *font, RectoBox *runs)
{
  float least = WORD_SPACE_SHARE * word_space (learning, font) * space->em;
  guint n = 0;

  for (guint s = 0; s < space->n_splits; s++)
    if (space->splits[s].x2 - space->splits[s].x1 >= least)
      runs[n++] = space->splits[s];
  return n;
}

/* Keeps @box (a reading's share of a space glyph's ink) off the word spaces within the ink,
 * @runs (@n of them): on the side of each where most of it stands. */
static void
clear_word_spaces (const RectoBox *runs, guint n, RectoBox *box)
{
  for (guint s = 0; s < n; s++)
    {
      const RectoBox *gap = &runs[s];
      if (box->x2 <= gap->x1 || box->x1 >= gap->x2)
        continue;
      if (box->x1 + box->x2 < gap->x1 + gap->x2)
        box->x2 = MIN (box->x2, gap->x1);
      else
        box->x1 = MAX (box->x1, gap->x2);
    }
}

/* Reading @k of @space, a glyph of the font whose learned map is @mappings, or UNREAD_GLYPH
 * where another code of the font draws that character surely: a font draws a character with one
 * glyph, so OCR misread this one (vol511's "practice" read "Practice" beside the font's own "P",
 * "requests" read "Tequests"). */
static gunichar
space_reading (const SpaceGlyph *space, guint k, const GArray *mappings)
{
  gunichar c = space->c[k];

  return c != ' ' && learning_held_elsewhere (mappings, G_MAXUINT, c, HELD_CERTAINTY, 2)
             ? UNREAD_GLYPH
             : c;
}

/* How sure the reading @c of @space is: not at all where it is not written. */
static float
certainty_of (gunichar c, const SpaceGlyph *space)
{
  return c == UNREAD_GLYPH ? 0 : space->confidence;
}

/* Decodes space glyph @i of @page if it is drawn with ink and OCR read a symbol on it: a glyph
 * whose code reads as white space, read where it stands (learning_drop_blank_items()). A space
 * between words is left alone, and so, in narrow type, is one with no symbol on it (a
 * neighbour's ink in its box); in CJK type, whose glyphs keep to their ems, the ink in a box of
 * the row's height is the glyph's own, and without a symbol it is a glyph whose character is
 * not known (Putuo's "施" of "实施", code 0x20, came out a space). A taller box takes in the
 * lines above and below (GB/T 3620.1's space after "GB/T3620.2", 2.4 ems tall): a space. */
void
learning_decode_space (Learning *learning, RectoPage *page, guint i, const GArray *mappings,
                       RectoFontCheck *check)
{
  gint64 key = ((gint64) page->index << 32) | i;
  const SpaceGlyph *space = g_hash_table_lookup (learning->spaces, &key);
  gboolean narrow;

  if (space == NULL || !space->inked)
    return;
  narrow = space->word_gap != G_MAXFLOAT;
  if (space->n == 0 && (narrow || !space->own_band))
    return;
  if (space->n > 0 && space->confidence >= learning->options->min_certainty)
    {
      RectoBox *box = &g_array_index (page->boxes, RectoBox, i);
      /* CJK type has no word spaces: the readings share Poppler's box, as its other
       * glyphs fill theirs (a half-width "(" drawn at the right of its box, shrunk to its ink,
       * would leave a sliver the line builder reads as a word space). */
      RectoBox span = narrow ? space->ink : *box;
      float width = (span.x2 - span.x1) / space->n;
      RectoBox runs[SPACE_MAX_SPLITS];
      guint n_runs = word_spaces_within (learning, space, learning_font_of (page, i), runs);
      gunichar c[SPACE_MAX_READINGS];
      /* Poppler's one space for the glyphs and the word spaces beside them: a gap as wide as a
       * word space between the ink and the box's edge is one, which stays a space. */
      gboolean before = space->ink.x1 - box->x1 >= space->word_gap,
               after = box->x2 - space->ink.x2 >= space->word_gap;
      for (guint k = 0; k < space->n; k++)
        if ((c[k] = space_reading (space, k, mappings)) == UNREAD_GLYPH)
          check->unasserted++;
      if (after)
        {
          DroppedGlyph dropped = {
            i + 1, ' ', { space->ink.x2, box->y1, box->x2, box->y2 }, space->confidence
          };
          g_array_append_val (learning_dropped_on (learning, page->index), dropped);
        }
      if (before)
        {
          /* The glyph stays the space; its readings become glyphs after it. */
          DroppedGlyph dropped = { i + 1,
                                   c[0],
                                   { space->ink.x1, box->y1, space->ink.x1 + width, box->y2 },
                                   certainty_of (c[0], space) };
          g_array_append_val (learning_dropped_on (learning, page->index), dropped);
          box->x2 = space->ink.x1;
        }
      /* A word space within the ink stays one, as wide as its blank run (reading-order takes
       * a sliver for no space), between the readings either side of it. */
      for (guint s = 0; s < n_runs; s++)
        {
          DroppedGlyph dropped = {
            i + 1, ' ', { runs[s].x1, box->y1, runs[s].x2, box->y2 }, space->confidence
          };
          g_array_append_val (learning_dropped_on (learning, page->index), dropped);
        }
      /* The glyph takes the first reading; the others become glyphs after it, each in its
       * share of the box (inserted with the glyphs drawn without text, in the order of their
       * left edges). */
      for (guint k = space->n; k-- > 1;)
        {
          DroppedGlyph dropped = { i + 1,
                                   c[k],
                                   { span.x1 + k * width, box->y1, span.x1 + (k + 1) * width,
                                     box->y2 },
                                   certainty_of (c[k], space) };
          clear_word_spaces (runs, n_runs, &dropped.box);
          g_array_append_val (learning_dropped_on (learning, page->index), dropped);
        }
      check->reread++;
      if (before)
        return;
      /* Each glyph in its share of the span. */
      box->x1 = span.x1;
      box->x2 = box->x1 + width;
      clear_word_spaces (runs, n_runs, box);
      g_array_index (page->chars, gunichar, i) = c[0];
      recto_page_mark_recovered (learning->doc, page, i, ' ', certainty_of (c[0], space));
    }
  else
    {
      /* Not a space: a glyph whose character is not known (the sink writes a gap). */
      g_array_index (page->chars, gunichar, i) = 0xFFFD;
      recto_page_mark_recovered (learning->doc, page, i, ' ', 0);
      check->unasserted++;
    }
}
