/* text-rows.h: the rows of text that hold glyphs of fonts without a usable map, found by
 * geometry: bands of glyphs on one baseline, cut at column gutters and where two columns' lines
 * stand apart. Content order will not do: a PDF may draw a line's digits after the whole page. */
#pragma once

#include "font-survey.h"

/* Gaps wider than this many ems cut a band into rows (a column gutter); narrower ones are
 * spaces, or glyphs drawn without text. */
#define TEXT_ROWS_GUTTER_EMS 2.5f
/* A gap this many ems wide or wider, between glyphs whose boxes stand this many ems apart up
 * or down the page at top and bottom, parts two lines of neighbouring columns that one band
 * took in: their baselines differ (a narrow gutter of two columns set apart). */
#define TEXT_ROWS_LINE_GAP_EMS 1.0f
#define TEXT_ROWS_SHIFT_EMS 0.25f
/* Type sizes this share apart or less are one size. */
#define TEXT_ROWS_SIZE_SLACK 0.05f

typedef struct
{
  guint page;
  /* 0: the row runs across the page; -1 up it, 1 down it (turned-rows.h): then its box, its
   * glyphs' boxes and its reading are in the frame of its text turned upright. */
  int turn;
  GArray *glyphs; /* guint glyph indices, in reading order */
  RectoBox box;
  float size; /* the largest type size in it */
  /* Reading state, owned by the row (font-learning.c): */
  GArray *symbols; /* OcrSymbol read from it, or NULL */
  RectoImage *image; /* the image read, until its votes are counted */
  RectoBox area; /* what the image shows */
  double scale;
  gboolean echo; /* its glyphs are an earlier row's, code for code (echo-rows.h) */
} TextRow;

/* The rows of @doc holding glyphs of fonts @surveys finds unmapped, page by page, top to
 * bottom, then the page's turned rows (turned-rows.h). Free with g_array_unref(): the rows' contents go with it. */
GArray *text_rows_find (RectoDocument *doc, const GArray *surveys);

/* The row's em: its type size, or its height without one. */
float text_row_em (const TextRow *row);

/* The left and right edges of the column @row stands in: the extent of the rows of @rows on
 * its page, turned as it is, that share most of its width (and of theirs: a full-width row is
 * not in a column's); a short row alone on its line within its column, a paragraph's last
 * line, starts its column where the nearest row that holds most of it does. */
void text_rows_column_edges (const GArray *rows, const TextRow *row, float *left, float *right);
