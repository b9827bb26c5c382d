/* gutters.c: finding a page's gutter and the band it runs down (see columns.h). */
#include "columns.h"

#include <stdlib.h>

/* Most of a page's lines that may run across its gutter (titles, running heads). */
#define MAX_CROSSING_SHARE 0.3
/* Lines on each side of a gutter before the columns under or over a block of full-width text
 * (a paper's abstract) count as a two-column zone, and how far from the left column's edges,
 * in type sizes, most of the zone's left lines must start and end (a first-line indent of two
 * characters included): a column of text is justified, where a form's labels or a tab stop's
 * short items are ragged and a table's cells centred. */
#define MIN_ZONE_ROWS 5
#define ZONE_LINE_SLACK 2.5f
/* The narrowest left column that holds text, in its lines' type sizes: a narrower one holds
 * labels set apart from their text by a wide space (clause numbers "5.1", "C.1.1.1", a table
 * of contents' numbers, a form's "姓  名："), each read with the text of its row. */
#define MIN_COLUMN_EMS 6.0f
/* The widest column of labels a tie tells from a column of text, in type sizes: a standard's
 * number with its year ("GB/T 26723—2011") is ten. */
#define MAX_LABEL_EMS 16.0f
/* The furthest apart, in type sizes from top to top, two lines of one run of text are set. */
#define RUN_PITCH 2.5f

static const ColumnGutter WHOLE_PAGE = { -1, -G_MAXFLOAT, G_MAXFLOAT };

static int
compare_floats (const void *a, const void *b)
{
  float fa = *(const float *) a, fb = *(const float *) b;
  return (fa > fb) - (fa < fb);
}

/* How many of the @n @gaps cover @point, leaving out those less than a quarter as wide as
 * their median: such a gap is a gap within a line (the one-character gap after "表 1" in a
 * caption set over a table's wide gaps), not a gutter. A gutter's own gaps vary less: a short
 * line's gap is wider than a full line's, but where short lines are most, the gutter is placed
 * by the left column's longest line (columns_find_gutter). Sets *@lo and *@hi to where the
 * counted gaps overlap. @widths is scratch room for @n floats. */
static guint
count_covering (const RowGap *gaps, guint n, float point, float *widths, float *lo, float *hi)
{
  guint covering = 0, count = 0;
  float least;

  for (guint j = 0; j < n; j++)
    if (gaps[j].x1 <= point && gaps[j].x2 >= point)
      widths[covering++] = gaps[j].x2 - gaps[j].x1;
  if (covering == 0)
    return 0;
  qsort (widths, covering, sizeof (float), compare_floats);
  least = 0.25f * widths[covering / 2];
  *lo = -G_MAXFLOAT;
  *hi = G_MAXFLOAT;
  for (guint j = 0; j < n; j++)
    if (gaps[j].x1 <= point && gaps[j].x2 >= point && gaps[j].x2 - gaps[j].x1 >= least)
      {
        *lo = MAX (*lo, gaps[j].x1);
        *hi = MIN (*hi, gaps[j].x2);
        count++;
      }
  return count;
}

/* How many of their median type size (a line without one counts its box's height) the lines of
 * @page left of @gutter span, G_MAXFLOAT when there are none. */
static float
left_column_ems (const RectoPage *page, const ColumnGutter *gutter)
{
  g_autoptr (GArray) sizes = g_array_new (FALSE, FALSE, sizeof (float));
  float x1 = G_MAXFLOAT, x2 = -G_MAXFLOAT, size;

  for (guint i = 0; i < page->lines->len; i++)
    {
      const RectoLine *line = g_ptr_array_index (page->lines, i);
      if (columns_side (line, gutter) != COLUMN_LEFT)
        continue;
      size = columns_line_size (line);
      g_array_append_val (sizes, size);
      x1 = MIN (x1, line->box.x1);
      x2 = MAX (x2, line->box.x2);
    }
  if (sizes->len == 0)
    return G_MAXFLOAT;
  qsort (sizes->data, sizes->len, sizeof (float), compare_floats);
  return (x2 - x1) / g_array_index (sizes, float, sizes->len / 2);
}

/* Whether more than MAX_CROSSING_SHARE of @page's lines in @gutter's band run across it. Gaps
 * that line up by chance (rivers of white space in justified text) leave most lines running
 * across; a real gutter has few lines across it. */
static gboolean
too_many_crossing (const RectoPage *page, const ColumnGutter *gutter)
{
  guint crossing = 0, in = 0;

  for (guint i = 0; i < page->lines->len; i++)
    {
      const RectoLine *line = g_ptr_array_index (page->lines, i);
      if (!columns_in_band (line, gutter))
        continue;
      in++;
      crossing += columns_side (line, gutter) == COLUMN_FULL;
    }
  return crossing > MAX_CROSSING_SHARE * in;
}

/* Whether @line (of @page's lines @first to @last) has a line on the other side of @across
 * level with it. */
static gboolean
has_partner (const RectoPage *page, guint first, guint last, const RectoLine *line,
             const ColumnGutter *across)
{
  ColumnKind kind = columns_side (line, across);
  float centre = (line->box.y1 + line->box.y2) / 2;

  for (guint i = first; i <= last; i++)
    {
      const RectoLine *other = g_ptr_array_index (page->lines, i);
      ColumnKind other_kind = columns_side (other, across);
      if (other_kind != kind && other_kind != COLUMN_FULL && other->box.y1 <= centre
          && other->box.y2 >= centre)
        return TRUE;
    }
  return FALSE;
}

/* Sets @gutter's band from @page's lines @first to @last, none of which runs across it: from
 * the first to the last that has a line beside it, and on over the lines just above and below
 * at no more than a type size apart (a column's lines past the other's end), not over a note
 * set apart at the foot. */
static void
set_band (const RectoPage *page, ColumnGutter *gutter, guint first, guint last)
{
  ColumnGutter across = { gutter->x, -G_MAXFLOAT, G_MAXFLOAT };
  guint top = last + 1, bottom = first;

  for (guint i = first; i <= last; i++)
    if (has_partner (page, first, last, g_ptr_array_index (page->lines, i), &across))
      {
        top = MIN (top, i);
        bottom = i;
      }
  if (top > last)
    return;
  gutter->top = G_MAXFLOAT;
  gutter->bottom = -G_MAXFLOAT;
  for (guint i = top; i <= bottom; i++)
    {
      const RectoLine *line = g_ptr_array_index (page->lines, i);
      gutter->top = MIN (gutter->top, line->box.y1);
      gutter->bottom = MAX (gutter->bottom, line->box.y2);
    }
  for (guint i = bottom + 1; i <= last; i++)
    {
      const RectoLine *line = g_ptr_array_index (page->lines, i);
      if (line->box.y1 - gutter->bottom > columns_line_size (line))
        break;
      gutter->bottom = MAX (gutter->bottom, line->box.y2);
    }
  for (guint i = top; i-- > first;)
    {
      const RectoLine *line = g_ptr_array_index (page->lines, i);
      if (gutter->top - line->box.y2 > columns_line_size (line))
        break;
      gutter->top = MIN (gutter->top, line->box.y1);
    }
}

/* Sets @gutter's band within the run of @page's lines between two that run across it (or the
 * page's ends) with the most rows on each side of it, and returns how many: the lesser of the
 * two counts. The page's lines, pieces of rows cut at wide gaps, are in rows from the top: a
 * piece below the last one counted on its side starts a row there. */
static guint
find_zone (const RectoPage *page, ColumnGutter *gutter)
{
  ColumnGutter across = { gutter->x, -G_MAXFLOAT, G_MAXFLOAT };
  guint best = 0, best_first = 0, best_last = 0, first = 0, sides[N_COLUMN_KINDS] = { 0 };
  float row_bottom[N_COLUMN_KINDS] = { -G_MAXFLOAT, -G_MAXFLOAT, -G_MAXFLOAT };

  for (guint i = 0; i <= page->lines->len; i++)
    {
      const RectoLine *line = i < page->lines->len ? g_ptr_array_index (page->lines, i) : NULL;
      ColumnKind kind = line != NULL ? columns_side (line, &across) : COLUMN_FULL;

      if (kind != COLUMN_FULL)
        {
          if ((line->box.y1 + line->box.y2) / 2 > row_bottom[kind])
            {
              sides[kind]++;
              row_bottom[kind] = line->box.y2;
            }
          continue;
        }
      if (MIN (sides[COLUMN_LEFT], sides[COLUMN_RIGHT]) > best)
        {
          best = MIN (sides[COLUMN_LEFT], sides[COLUMN_RIGHT]);
          best_first = first;
          best_last = i - 1;
        }
      sides[COLUMN_LEFT] = sides[COLUMN_RIGHT] = 0;
      row_bottom[COLUMN_LEFT] = row_bottom[COLUMN_RIGHT] = -G_MAXFLOAT;
      first = i + 1;
    }
  if (best > 0)
    set_band (page, gutter, best_first, best_last);
  return best;
}

/* Whether most lines left of @gutter in its band start within ZONE_LINE_SLACK type sizes of
 * the leftmost and end as near @edge, the left column's right edge: a justified column of
 * text, not a form's ragged labels or a table's centred cells. */
static gboolean
left_column_is_text (const RectoPage *page, const ColumnGutter *gutter, float edge)
{
  guint left = 0, full = 0;
  float margin = G_MAXFLOAT;

  for (guint i = 0; i < page->lines->len; i++)
    {
      const RectoLine *line = g_ptr_array_index (page->lines, i);
      if (columns_side (line, gutter) == COLUMN_LEFT)
        margin = MIN (margin, line->box.x1);
    }
  for (guint i = 0; i < page->lines->len; i++)
    {
      const RectoLine *line = g_ptr_array_index (page->lines, i);
      float slack = ZONE_LINE_SLACK * columns_line_size (line);
      if (columns_side (line, gutter) != COLUMN_LEFT)
        continue;
      left++;
      full += line->box.x1 - margin <= slack && edge - line->box.x2 <= slack;
    }
  return 2 * full > left;
}

/* Whether some line of @page on @side of @gutter has the next line on that side within
 * RUN_PITCH of its type sizes below it: two lines of one run of text. Side by side captions of
 * a grid of figures (or a form's scattered fields) stand apart, each alone, with a chart or a
 * blank between it and the next: that grid is read row by row, as it is numbered. */
static gboolean
side_has_run (const RectoPage *page, const ColumnGutter *gutter, ColumnKind side)
{
  const RectoLine *above = NULL;

  for (guint i = 0; i < page->lines->len; i++)
    {
      const RectoLine *line = g_ptr_array_index (page->lines, i);
      if (columns_side (line, gutter) != side)
        continue;
      if (above != NULL && line->box.y1 - above->box.y1 <= RUN_PITCH * columns_line_size (above))
        return TRUE;
      above = line;
    }
  return FALSE;
}

/* @page's gutter: the centre of the x range covered by the most row gaps, if at least
 * MIN_GUTTER_ROWS gaps cover it. The range is where the gaps that cover the best point overlap,
 * narrowed by the lines of the left column. Its band is the whole page, or, where most of the
 * page runs across (the columns under a paper's abstract), a run of lines with at least
 * MIN_ZONE_ROWS on each side of it and none across, when its left column is justified text. */
ColumnGutter
columns_find_gutter (const RectoPage *page, const GArray *row_gaps)
{
  const RowGap *gaps = (const RowGap *) row_gaps->data;
  g_autofree float *widths = g_new (float, MAX (row_gaps->len, 1));
  float best_lo = 0, best_hi = -1, margin = G_MAXFLOAT;
  guint best_count = 0;
  ColumnGutter gutter = WHOLE_PAGE;
  LabelEvidence evidence;
  float ems;

  for (guint i = 0; i < row_gaps->len; i++)
    {
      /* Every maximal overlap reaches some gap's right end: try each as the point. Right ends
       * (where the right column starts) line up; left ends are ragged. */
      float lo, hi;
      guint count = count_covering (gaps, row_gaps->len, gaps[i].x2 - 0.01f, widths, &lo, &hi);

      if (count > best_count)
        {
          best_count = count;
          best_lo = lo;
          best_hi = hi;
        }
    }
  if (best_count < MIN_GUTTER_ROWS)
    return WHOLE_PAGE;
  /* Rows split by the gutter may all have ended short of the left column's edge: the left
   * column reaches as far as its longest line that starts at the left margin (give or take an
   * indent) and stops before the right column. */
  for (guint i = 0; i < page->lines->len; i++)
    {
      const RectoLine *line = g_ptr_array_index (page->lines, i);
      if (line->has_box)
        margin = MIN (margin, line->box.x1);
    }
  for (guint i = 0; i < page->lines->len; i++)
    {
      const RectoLine *line = g_ptr_array_index (page->lines, i);
      if (line->has_box && line->box.x1 < margin + 0.2f * (best_hi - margin)
          && line->box.x2 < best_hi)
        best_lo = MAX (best_lo, line->box.x2);
    }
  gutter.x = (best_lo + best_hi) / 2;
  if (too_many_crossing (page, &gutter)
      && (find_zone (page, &gutter) < MIN_ZONE_ROWS
          || !left_column_is_text (page, &gutter, best_lo)))
    return WHOLE_PAGE;
  ems = left_column_ems (page, &gutter);
  if (ems < MIN_COLUMN_EMS)
    return WHOLE_PAGE;
  /* Wider labels (a standard's number with its year) tell themselves by their rows. */
  evidence = ems < MAX_LABEL_EMS ? columns_label_evidence (page, &gutter) : LABELS_APART;
  if (evidence == LABELS_TIED)
    {
      ColumnGutter labels = WHOLE_PAGE;
      labels.labels_at = gutter.x;
      labels.labels_top = gutter.labels_top;
      labels.labels_bottom = gutter.labels_bottom;
      return labels;
    }
  gutter.untold = evidence == LABELS_UNTOLD;
  gutter.by_rows =
      !side_has_run (page, &gutter, COLUMN_LEFT) && !side_has_run (page, &gutter, COLUMN_RIGHT);
  return gutter;
}
