/* segments.h: a page's body text cut into segments and bands, for the tables stage.
 *
 * A segment is a run of one line's glyphs with no gap of a column's width in it (a cell's
 * text, or a whole line of prose); a band is the segments side by side at one height (a row of
 * a table, or a line of prose, or the lines of two columns). */
#pragma once

#include <recto/recto.h>

#include "rules.h"

typedef struct
{
  RectoBox box;
  const RectoLine *line;
  guint first, end; /* [first, end) in line->glyphs; whitespace glyphs left out at the ends */
  float size; /* the line's type size */
  gboolean numeric; /* a number or amount: digits with , . % + - ( ) */
  gboolean rule; /* only box-drawing characters */
} Segment;

typedef struct
{
  float y1, y2;
  GArray *members; /* guint indices into the page's segments, left to right */
} Band;

/* The segments of @page's body lines with geometry, cut at gaps of at least @gap type sizes
 * and at box-drawing characters, in reading order of their lines. */
GArray *segments_find (const RectoPage *page, float gap);

/* @segments cut where a rule of @vertical (Rule, rules.h) stands between two of a segment's
 * glyphs: the cells of a ruled table whose text comes too close for a gap. */
GArray *segments_cut_at_rules (const RectoPage *page, const GArray *segments,
                               const GArray *vertical);

/* The bands of @segments (rule segments left out), top to bottom. Free with
 * g_ptr_array_unref(). */
GPtrArray *bands_find (const GArray *segments);

/* The character of glyph @i of @segment's line. */
gunichar segment_char (const RectoPage *page, const Segment *segment, guint i);
