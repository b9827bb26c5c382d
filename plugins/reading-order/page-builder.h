/* page-builder.h: rebuilding a page's lines from its glyphs: the builder each thread moves from
 * page to page, the measures of a glyph, and the making of one line. */
#pragma once

#include <recto/recto.h>

#include "sort-keys.h"

/* The reading-order stage's options. */
typedef struct
{
  double space_gap;
  double split_gap;
} ReadingOrderConfig;

/* What rebuilding a page's lines needs at hand: the page, each of its glyphs' spans, and
 * scratch arrays with room for every glyph. Each thread has one and moves it from page to page,
 * rather than allocating and freeing every array for every page. */
typedef struct
{
  const ReadingOrderConfig *config;
  RectoPage *page;
  const gunichar *chars;
  const RectoBox *boxes;
  guint capacity; /* how many glyphs the arrays below have room for */
  int *span_of; /* each glyph's span, found in one pass rather than by a search per glyph */
  guint *placed; /* the glyphs with boxes */
  SortKey *by_center; /* the glyphs being grouped into rows, in the order rows are found in */
  SortKey *row; /* one row's glyphs, keyed by x */
  guint *row_glyphs; /* its glyphs other than white space, in x order */
  gboolean *row_spaces; /* whether the source put a space before each */
  SortKey *sort_scratch;
  GArray *styles; /* int: a span of each style a line's glyphs have */
  GArray *votes; /* guint: how many glyphs of the line have each style */
  guint stacked_runs; /* runs read apart from a run they stand over (stacked-runs.h), this page */
  char *text; /* a line's text */
  gsize text_size;
} PageBuilder;

PageBuilder *page_builder_new (const ReadingOrderConfig *config);
void page_builder_free (PageBuilder *b);

/* Makes @b work on @page: room for its glyphs, and each glyph's span found. */
void page_builder_start (PageBuilder *b, RectoPage *page);

/* The vertical centre of @box. */
float box_center_y (const RectoBox *box);
/* The height of @box, at least a tenth of a point. */
float box_height (const RectoBox *box);
/* Whether @box has an extent (a glyph without one says nothing of where it stands). */
gboolean box_is_set (const RectoBox *box);

/* The type size of @glyph (its box's height when the source gives no size). */
float page_builder_glyph_size (const PageBuilder *b, guint glyph);

/* Whether the page does not show @glyph (its span is RECTO_FONT_INVISIBLE). */
gboolean page_builder_glyph_hidden (const PageBuilder *b, guint glyph);

/* Whether @c is white space. */
gboolean glyph_is_space (gunichar c);

/* The span whose style most of the @count @glyphs share (the CJK ones only, where there are
 * any), or -1. */
int page_builder_dominant_span (PageBuilder *b, const guint *glyphs, guint count);

/* Gives @line the style of @span of @page, when there is one (@span >= 0). */
void line_set_style (const RectoPage *page, RectoLine *line, int span);

/* Adds to the page a line of @count @glyphs (indices into the page, in reading order), with a
 * space where @space_before says the source put one or, with @geometry, where the gap between
 * two glyphs suggests one; a line of glyphs without boxes (@geometry FALSE) gets no box. */
void page_builder_emit_line (PageBuilder *b, const guint *glyphs, const gboolean *space_before,
                             guint count, gboolean geometry);
