/* labels.c: what the rows cut at a gutter tell of its left side: a column of its own, or
 * labels each followed by its text (see columns.h). */
#include "columns.h"

#include <math.h>

/* How far apart, in type sizes, two rows' pieces left of a gutter must end to tell anything
 * of the pieces right of it, and how closely these must follow them to count as tied. */
#define TIE_SLACK 0.25f
/* How many rows below each one it is compared with (rows a page apart tell no more). */
#define TIE_WINDOW 8

/* A row cut at a gutter: where its piece left of it ends, and where its piece right of it
 * starts. */
typedef struct
{
  float left_end, right_start, size, top, bottom;
} RowSplit;

/* The rows of @page cut at @gutter, from the top. A row's pieces come one after another, in x
 * order. */
static GArray *
row_splits (const RectoPage *page, const ColumnGutter *gutter)
{
  GArray *splits = g_array_new (FALSE, FALSE, sizeof (RowSplit));

  for (guint i = 0; i + 1 < page->lines->len; i++)
    {
      const RectoLine *left = g_ptr_array_index (page->lines, i);
      const RectoLine *right = g_ptr_array_index (page->lines, i + 1);
      float centre = (right->box.y1 + right->box.y2) / 2;
      RowSplit split = { left->box.x2, right->box.x1, columns_line_size (left),
                         MIN (left->box.y1, right->box.y1), MAX (left->box.y2, right->box.y2) };

      if (columns_side (left, gutter) == COLUMN_LEFT && columns_side (right, gutter) == COLUMN_RIGHT
          && centre >= left->box.y1 && centre <= left->box.y2)
        g_array_append_val (splits, split);
    }
  return splits;
}

LabelEvidence
columns_label_evidence (const RectoPage *page, ColumnGutter *gutter)
{
  g_autoptr (GArray) splits = row_splits (page, gutter);
  const RowSplit *s = (const RowSplit *) splits->data;
  guint tied = 0, apart = 0;

  gutter->labels_top = G_MAXFLOAT;
  gutter->labels_bottom = -G_MAXFLOAT;
  for (guint j = 0; j < splits->len; j++)
    {
      gutter->labels_top = MIN (gutter->labels_top, s[j].top);
      gutter->labels_bottom = MAX (gutter->labels_bottom, s[j].bottom);
    }
  for (guint j = 0; j < splits->len; j++)
    for (guint k = j + 1; k < splits->len && k <= j + TIE_WINDOW; k++)
      {
        float slack = TIE_SLACK * s[j].size;
        float left_shift = s[k].left_end - s[j].left_end;
        float right_shift = s[k].right_start - s[j].right_start;
        if (fabsf (left_shift) <= slack)
          continue;
        if (fabsf (right_shift - left_shift) <= slack)
          tied++;
        else if (fabsf (right_shift) <= slack)
          apart++;
      }
  if (tied + apart == 0)
    return LABELS_UNTOLD;
  /* A table's cells may follow each other by chance now and then: ties must be the rule. */
  return tied > 2 * apart ? LABELS_TIED : LABELS_APART;
}
