/* font-learning-rows.c: joins again the rows of one line that text-rows.h cut apart at a run of
 * glyphs Poppler dropped. A font's codes that read as white space (0x09 to 0x0D, 0x20: in a
 * subset font numbered in order of use, the body text's fifth to ninth characters, such as the
 * 常委会 of every congress report) leave no text and no space, only a gap; three of them side by
 * side are wider than a column gutter. Read as two rows, each end of the gap is read only
 * EDGE_EMS deep and the glyphs in its middle are lost; read as one row, the gap is holes, each
 * read where it stands. */
#include "font-learning-private.h"

/* How many ems, at most, between the middles of a row and of the line that shows its gap is
 * within a column: the lines above and below. */
#define NEIGHBOUR_EMS 3.0f
/* How close two rows' type sizes are to be set in one column. */
#define SIZE_SLACK 0.05f

/* Whether @a and @b stand on one line: each one's vertical middle within the other's box. */
static gboolean
same_line (const TextRow *a, const TextRow *b)
{
  float middle_a = (a->box.y1 + a->box.y2) / 2, middle_b = (b->box.y1 + b->box.y2) / 2;

  return a->page == b->page && middle_a > b->box.y1 && middle_a < b->box.y2
         && middle_b > a->box.y1 && middle_b < a->box.y2;
}

/* Whether the gap between rows @left and @right (of @rows, at @at and @at + 1) is within a
 * column, not a gutter: a row of the same type size on a line just above or below runs across
 * all of it. A gutter is one for every line beside it; a full-width heading over two columns
 * is set larger, or more than a few lines away from most of them. */
static gboolean
gap_within_column (const GArray *rows, guint at, const TextRow *left, const TextRow *right)
{
  float em = text_row_em (left), middle = (left->box.y1 + left->box.y2) / 2;

  for (guint i = 0; i < rows->len; i++)
    {
      const TextRow *other = &g_array_index (rows, TextRow, i);
      float other_middle = (other->box.y1 + other->box.y2) / 2;
      if (i == at || i == at + 1 || other->page != left->page
          || ABS (other_middle - middle) > NEIGHBOUR_EMS * em || same_line (other, left)
          || ABS (other->size - left->size) > SIZE_SLACK * MAX (other->size, left->size))
        continue;
      if (other->box.x1 <= left->box.x2 && other->box.x2 >= right->box.x1)
        return TRUE;
    }
  return FALSE;
}

/* Whether @row's unmapped glyphs are set an em wide (CJK type): the rule is for those, whose
 * glyphs stand an em apart so that a gap is a whole number of dropped glyphs. */
static gboolean
is_wide_type (Learning *learning, const TextRow *row)
{
  return !learning_row_is_narrow (learning, row);
}

void
learning_join_split_rows (Learning *learning)
{
  GArray *rows = learning->rows;

  for (guint i = 0; i + 1 < rows->len;)
    {
      TextRow *left = &g_array_index (rows, TextRow, i);
      TextRow *right = &g_array_index (rows, TextRow, i + 1);
      if (!same_line (left, right) || right->box.x1 <= left->box.x2
          || ABS (right->size - left->size) > SIZE_SLACK * MAX (right->size, left->size)
          || !is_wide_type (learning, left) || !is_wide_type (learning, right)
          || !gap_within_column (rows, i, left, right))
        {
          i++;
          continue;
        }
      /* The rows are left to right within their line: the glyphs stay in order. */
      g_array_append_vals (left->glyphs, right->glyphs->data, right->glyphs->len);
      left->box.x2 = right->box.x2;
      left->box.y1 = MIN (left->box.y1, right->box.y1);
      left->box.y2 = MAX (left->box.y2, right->box.y2);
      left->size = MAX (left->size, right->size);
      g_array_remove_index (rows, i + 1); /* frees @right's glyphs, copied already */
    }
}
