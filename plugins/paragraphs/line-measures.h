/* line-measures.h: what the paragraph stage compares between lines, measured once for every
 * line, page by page on as many threads as recto uses (each line is compared with the line
 * before and the line after it).
 *
 * How far apart lines are set is measured from where their glyphs reach up and down to. Glyph
 * boxes of different faces reach up and down by different amounts (a CJK face's further than a
 * Latin one's), so a line's box depends on what it holds; its own face's glyphs sit alike on
 * every line. */
#pragma once

#include <recto/recto.h>

typedef struct
{
  /* The median top and bottom edges of the line's glyphs in its own face (its box's edges when
   * it has no such glyphs). */
  float top, bottom;
  /* The width of what the line starts with that could not be broken: its first word, or its
   * first CJK character with the punctuation that may not start a line. Had the line before
   * ended with room for it, the break was not forced. 0 without glyphs. */
  float first_unit_width;
} LineMeasures;

/* The measures of every line of @doc: a GArray of LineMeasures per page, one per line. */
GPtrArray *line_measures_take (RectoDocument *doc);

/* The measures of line @line of page @page. */
const LineMeasures *line_measures_get (const GPtrArray *measures, guint page, guint line);

/* How far a line measured @line sits below one measured @prev on one page: the smaller of the
 * distances between their tops and between their bottoms, since some faces (synthetic bold,
 * Type 3) give glyphs boxes of their own height. */
float line_measures_pitch (const LineMeasures *prev, const LineMeasures *line);

/* The type size of @line: its size, or its box's height where the source gives none. */
float line_type_size (const RectoLine *line);

/* Whether @c is CJK: wide, or of a width that is ambiguous outside CJK text. */
gboolean char_is_cjk (gunichar c);
