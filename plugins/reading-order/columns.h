/* columns.h: two-column zones and column measures, for reading-order. */
#pragma once

#include <recto/recto.h>

/* The horizontal gap between two lines cut from one row of glyphs. */
typedef struct
{
  float x1, x2;
} RowGap;

/* Rows split at a common gutter before a page counts as having two columns. */
#define MIN_GUTTER_ROWS 3

/* Which side of a gutter a line keeps to, if either. */
typedef enum
{
  COLUMN_FULL,
  COLUMN_LEFT,
  COLUMN_RIGHT,
  N_COLUMN_KINDS
} ColumnKind;

/* A page's gutter: where it runs across (x, -1 when the page has no columns) and the band of
 * the page it runs down: a line whose centre lies above @top or below @bottom is full-width
 * (the band is the whole page unless the columns sit under or over a block of full-width
 * text, such as a paper's abstract). */
typedef struct
{
  float x;
  float top, bottom;
  gboolean by_rows; /* the sides hold no runs of text, only lines each alone (a grid of
                       figures' captions): cut at the gutter, but read row by row */
  float labels_at; /* where the gap after a column of labels runs, each label read with the
                      text of its row (x is then -1: the page has no columns), 0 when none */
  float labels_top, labels_bottom; /* the band of the rows cut at that gap (at x, while
                                      untold) */
  gboolean untold; /* the left column is narrow enough to hold labels, but no two rows tell
                      whether their right pieces follow their left ones (see LabelEvidence) */
} ColumnGutter;

/* What the rows cut at a gutter tell of its left side: where two rows' left pieces end apart,
 * whether their right pieces start as far apart (TIED: each row's text follows its label a
 * fixed space after it, as a reference list's titles follow their standards' numbers) or level
 * (APART: the right side is a column of its own, starting at its edge); UNTOLD when every left
 * piece ends level. */
typedef enum
{
  LABELS_UNTOLD,
  LABELS_TIED,
  LABELS_APART
} LabelEvidence;

/* @line's type size, or its box's height when it has none. */
float columns_line_size (const RectoLine *line);

/* What the rows of @page cut at @gutter tell of its left side (see LabelEvidence); sets
 * @gutter's labels_top and labels_bottom to the band of those rows. */
LabelEvidence columns_label_evidence (const RectoPage *page, ColumnGutter *gutter);

/* @page's gutter, found from the gaps at which its rows were cut (at least a few of them must
 * line up), its x -1 when the page has no columns. */
ColumnGutter columns_find_gutter (const RectoPage *page, const GArray *row_gaps);

/* Whether @line lies in the band of the page that @gutter runs down (a line without a box does
 * when the band is the whole page). */
gboolean columns_in_band (const RectoLine *line, const ColumnGutter *gutter);

/* The side of @gutter @line keeps to: COLUMN_FULL when it reaches across, lies outside the
 * gutter's band, or has no box, or the page has no gutter. */
ColumnKind columns_side (const RectoLine *line, const ColumnGutter *gutter);

/* Whether @line reaches across @gutter (a full-width line: a running head, a title). */
gboolean columns_crosses (const RectoLine *line, const ColumnGutter *gutter);

/* Reorders @page's lines (top to bottom, left to right) so that each two-column zone, between
 * lines that cross @gutter, is read left column first; a zone none of whose lines on one side
 * lies level with a line on the other keeps its lines top to bottom. */
void columns_order_zones (RectoPage *page, const ColumnGutter *gutter);

/* A page whose gutter is untold takes the verdict of a neighbouring page whose column of
 * labels ended at the same place (within 2 % of the page width): a list of labels that goes on
 * over the page, its numbers all as long, is read row by row too. @gutters holds one
 * ColumnGutter per page. */
void columns_spread_labels (RectoDocument *doc, GArray *gutters);

/* Gives a page without a gutter of its own the gutter of a neighbouring page when every line
 * of it but the topmost and bottommost (furniture, maybe) keeps to one side of that gutter: the
 * last page of a two-column section may fill one column only. @gutters holds one ColumnGutter
 * per page; pages are not reordered here. */
void columns_borrow_gutters (RectoDocument *doc, GArray *gutters);

/* Sets every line's column_x1/column_x2: the measure of full-width lines across the document
 * (or the page's own, on a page without a gutter whose text keeps a left edge more than a type
 * size right of the document's, its right edge not further left: facing pages that mirror
 * their margins), or of the page's left or right column across the pages whose gutters lie
 * within 2 % of the page width of each other. @gutters holds one ColumnGutter per page. */
void columns_set_measures (RectoDocument *doc, const GArray *gutters);
