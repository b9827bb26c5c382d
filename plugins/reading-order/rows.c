/* rows.c: grouping a page's glyphs into rows whose vertical centres agree, cutting each row
 * into lines at wide gaps (whose places tell where a gutter runs), joining the pieces again
 * except at the gutter, and grouping each column's glyphs into rows anew on a page with one. */
#include "rows.h"
#include "stacked-runs.h"
#include "standing-lines.h"

#include <math.h>
#include <string.h>

/* Keeps the first @n glyphs of b->row (in x order) other than white space in b->row_glyphs, and
 * in b->row_spaces whether the source put a space before each; returns how many it kept. The
 * row's white-space glyphs only say where the source put a space: a justified line's spaces may
 * be narrower than the gap that would suggest one. */
static guint
collect_row_glyphs (PageBuilder *b, guint n)
{
  const RectoBox *boxes = b->boxes;
  const RectoBox *space = NULL; /* the last white-space glyph not yet followed */
  guint kept = 0;

  for (guint i = 0; i < n; i++)
    {
      guint glyph = b->row[i].glyph;
      /* A glyph set over a space (a superscript note mark after a full stop) is not after it. */
      gboolean after_space = space != NULL && boxes[glyph].x1 >= (space->x1 + space->x2) / 2;

      if (glyph_is_space (b->chars[glyph]))
        {
          /* A space squeezed to a sliver (justification before a note mark) separates nothing. */
          if (boxes[glyph].x2 - boxes[glyph].x1 >= 0.1f * page_builder_glyph_size (b, glyph))
            space = &boxes[glyph];
          continue;
        }
      b->row_glyphs[kept] = glyph;
      b->row_spaces[kept++] = after_space;
      if (after_space)
        space = NULL;
    }
  return kept;
}

/* Whether the gap between @prev and @next, glyphs of a row's first @n, is one ideographic space
 * (U+3000) as wide as the gap: the space a caption puts after its number ("表 1　工业纯钛…",
 * which recover-text writes for an em-wide blank glyph), the line's own, not a gap between
 * blocks that may line up with a gutter. A gutter holds no glyph (Poppler gives none for a
 * text layer's wide space), or a run of spaces. */
static gboolean
is_ideographic_space (PageBuilder *b, guint n, const RectoBox *prev, const RectoBox *next)
{
  for (guint i = 0; i < n; i++)
    {
      guint glyph = b->row[i].glyph;
      const RectoBox *box = &b->boxes[glyph];
      float width = box->x2 - box->x1;
      if (b->chars[glyph] == 0x3000 && width > 0 && box->x1 >= prev->x2 - 0.1f * width
          && box->x2 <= next->x1 + 0.1f * width && next->x1 - prev->x2 <= 1.2f * width)
        return TRUE;
    }
  return FALSE;
}

/* Sorts the first @n glyphs of b->row by x and emits them as lines, split where a gap is wide
 * and not one ideographic space. */
static void
emit_row (PageBuilder *b, guint n, GArray *row_gaps, GArray *row_ids)
{
  guint row_id = row_ids->len > 0 ? g_array_index (row_ids, guint, row_ids->len - 1) + 1 : 0;
  const guint *glyphs = b->row_glyphs;
  guint n_glyphs, start = 0, n_apart;

  sort_keys (b->row, n, b->sort_scratch);
  /* Runs drawn over an earlier run of the row are read after it, as a row of their own. */
  n_apart = stacked_runs_set_apart (b, n);
  n -= n_apart;
  n_glyphs = collect_row_glyphs (b, n);
  for (guint i = 1; i <= n_glyphs; i++)
    {
      if (i < n_glyphs)
        {
          const RectoBox *prev = &b->boxes[glyphs[i - 1]];
          const RectoBox *box = &b->boxes[glyphs[i]];
          RowGap gap = { prev->x2, box->x1 };
          if (box->x1 - prev->x2
                  <= b->config->split_gap * page_builder_glyph_size (b, glyphs[i - 1])
              || is_ideographic_space (b, n, prev, box))
            continue;
          g_array_append_val (row_gaps, gap);
        }
      page_builder_emit_line (b, glyphs + start, b->row_spaces + start, i - start, TRUE);
      g_array_append_val (row_ids, row_id);
      start = i;
    }
  if (n_apart > 0)
    {
      memmove (b->row, b->row + n, n_apart * sizeof *b->row);
      emit_row (b, n_apart, row_gaps, row_ids);
    }
}

/* Puts the @n @glyphs (indices of glyphs with boxes) in b->by_center in the order rows are
 * found in: by the vertical centre, then by x. */
static void
sort_by_center (PageBuilder *b, const guint *glyphs, guint n)
{
  for (guint i = 0; i < n; i++)
    {
      const RectoBox *box = &b->boxes[glyphs[i]];
      b->by_center[i] = (SortKey){ box_center_y (box), box->x1, glyphs[i] };
    }
  sort_keys (b->by_center, n, b->sort_scratch);
}

/* Groups the @n @glyphs (indices of glyphs with boxes) into rows of glyphs whose vertical
 * centres agree, and emits each row as lines. */
static void
build_rows (PageBuilder *b, const guint *glyphs, guint n, GArray *row_gaps, GArray *row_ids)
{
  guint row_length = 0;
  float row_center = 0, row_height = 0;

  sort_by_center (b, glyphs, n);
  for (guint i = 0; i < n; i++)
    {
      guint glyph = b->by_center[i].glyph;
      const RectoBox *box = &b->boxes[glyph];
      /* A font with wrong ascent and descent gives boxes far taller than its type: such a box
       * would swallow the next line into its row. */
      float glyph_height = MIN (box_height (box), 1.3f * page_builder_glyph_size (b, glyph));

      if (row_length > 0
          && fabsf (box_center_y (box) - row_center) > 0.5f * MAX (glyph_height, row_height))
        {
          emit_row (b, row_length, row_gaps, row_ids);
          row_length = 0;
        }
      b->row[row_length++] = (SortKey){ box->x1, 0, glyph };
      /* The row's band is the running mean of its glyphs' centres and heights. */
      row_center += (box_center_y (box) - row_center) / row_length;
      row_height += (glyph_height - row_height) / row_length;
    }
  if (row_length > 0)
    emit_row (b, row_length, row_gaps, row_ids);
}

/* Groups the @n @glyphs into rows as build_rows() does, but those the page does not show apart
 * from those it shows, after them: a number a table drew under the one its cell shows (cut
 * away by a clip) is no part of that cell's line, and interleaving the two by x would make a
 * number the page shows nowhere. The gaps of the hidden rows say nothing of a gutter. */
static void
build_rows_apart (PageBuilder *b, const guint *glyphs, guint n, GArray *row_gaps,
                  GArray *row_ids)
{
  g_autoptr (GArray) shown = NULL, hidden = NULL, hidden_gaps = NULL;

  for (guint i = 0; i < n && hidden == NULL; i++)
    if (page_builder_glyph_hidden (b, glyphs[i]))
      hidden = g_array_new (FALSE, FALSE, sizeof (guint));
  if (hidden == NULL)
    {
      build_rows (b, glyphs, n, row_gaps, row_ids);
      return;
    }
  shown = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);
  for (guint i = 0; i < n; i++)
    g_array_append_val (page_builder_glyph_hidden (b, glyphs[i]) ? hidden : shown, glyphs[i]);
  hidden_gaps = g_array_new (FALSE, FALSE, sizeof (RowGap));
  build_rows (b, (const guint *) shown->data, shown->len, row_gaps, row_ids);
  build_rows (b, (const guint *) hidden->data, hidden->len, hidden_gaps, row_ids);
}

void
rows_build_lines (PageBuilder *b, GArray *row_gaps, GArray *row_ids)
{
  g_autoptr (GArray) unplaced = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree gboolean *standing = g_new (gboolean, b->page->chars->len + 1);
  guint n_placed = 0, n_standing = standing_lines_find (b, standing);

  /* White space without a box says nothing about where it belongs: it is dropped, and spaces
   * are inferred from the gaps between glyphs. */
  for (guint i = 0; i < b->page->chars->len; i++)
    if (standing[i])
      continue;
    else if (box_is_set (&b->boxes[i]))
      b->placed[n_placed++] = i;
    else if (!glyph_is_space (b->chars[i]))
      g_array_append_val (unplaced, i);

  build_rows_apart (b, b->placed, n_placed, row_gaps, row_ids);
  /* Lines standing across a turned page's frame come after its rows. */
  if (n_standing > 0)
    standing_lines_emit (b, standing, row_ids);
  /* Glyphs without a box keep their source order, after the placed lines. */
  if (unplaced->len > 0)
    {
      guint row_id = G_MAXUINT;
      page_builder_emit_line (b, (const guint *) unplaced->data, NULL, unplaced->len, FALSE);
      g_array_append_val (row_ids, row_id);
    }
}

/* Appends @from, the next piece of the same row, to @into. */
static void
merge_pieces (PageBuilder *b, RectoLine *into, const RectoLine *from)
{
  char *text = g_strconcat (into->text, " ", from->text, NULL);

  g_free (into->text);
  into->text = text;
  g_array_append_vals (into->glyphs, from->glyphs->data, from->glyphs->len);
  into->box.x1 = MIN (into->box.x1, from->box.x1);
  into->box.y1 = MIN (into->box.y1, from->box.y1);
  into->box.x2 = MAX (into->box.x2, from->box.x2);
  into->box.y2 = MAX (into->box.y2, from->box.y2);
  line_set_style (
      b->page, into,
      page_builder_dominant_span (b, (const guint *) into->glyphs->data, into->glyphs->len));
}

/* The row of @lines' piece @i (from @first on, their rows in @ids), its pieces from *@start
 * to *@end. */
static void
row_extent (const GPtrArray *lines, guint first, const GArray *ids, guint i, guint *start,
            guint *end)
{
  guint row = g_array_index (ids, guint, i - first);

  *start = *end = i;
  while (*start > first && g_array_index (ids, guint, *start - 1 - first) == row)
    (*start)--;
  while (*end + 1 < lines->len && g_array_index (ids, guint, *end + 1 - first) == row)
    (*end)++;
}

/* Whether the row of pieces @start to @end of @lines runs across @gutter (one piece of it
 * does), and, in *@gap, how far it stands from @top to @bottom, the band of another row. */
static gboolean
row_runs_across (const GPtrArray *lines, guint start, guint end, const ColumnGutter *gutter,
                 float top, float bottom, float *gap)
{
  gboolean across = FALSE;

  *gap = G_MAXFLOAT;
  for (guint i = start; i <= end; i++)
    {
      const RectoLine *piece = g_ptr_array_index (lines, i);
      across |= !piece->has_box || columns_crosses (piece, gutter);
      if (piece->has_box)
        *gap = MIN (*gap, MAX (piece->box.y1 - bottom, top - piece->box.y2));
    }
  return across;
}

/* Whether the row of @lines' piece @i (from @first on, their rows in @ids), cut at @gutter,
 * stands among rows that run across it: the rows just above and below it, those of them that
 * lie within a type size of it, at least one, all run across. Its cut is a blank in the row (a
 * name left out of a published report, "主品牌短期承压 [blank] 来增长"), however many such rows
 * line up with a table's column gap: a gutter's rows run down beside each other. */
static gboolean
row_among_full_rows (const GPtrArray *lines, guint first, const GArray *ids, guint i,
                     const ColumnGutter *gutter)
{
  guint start, end, above_start, above_end, below_start, below_end;
  float top = G_MAXFLOAT, bottom = -G_MAXFLOAT, size = 0, gap;
  guint near = 0;

  row_extent (lines, first, ids, i, &start, &end);
  for (guint j = start; j <= end; j++)
    {
      const RectoLine *piece = g_ptr_array_index (lines, j);
      if (!piece->has_box)
        return FALSE;
      top = MIN (top, piece->box.y1);
      bottom = MAX (bottom, piece->box.y2);
      size = MAX (size, columns_line_size (piece));
    }
  if (start > first)
    {
      row_extent (lines, first, ids, start - 1, &above_start, &above_end);
      gboolean across = row_runs_across (lines, above_start, above_end, gutter, top, bottom, &gap);
      if (gap <= size && !across)
        return FALSE;
      near += gap <= size;
    }
  if (end + 1 < lines->len)
    {
      row_extent (lines, first, ids, end + 1, &below_start, &below_end);
      gboolean across = row_runs_across (lines, below_start, below_end, gutter, top, bottom, &gap);
      if (gap <= size && !across)
        return FALSE;
      near += gap <= size;
    }
  return near > 0;
}

/* Rows were cut at every wide gap; a cut that is not the page's @gutter (a loose justified
 * line, a tab stop), or that is but in a row among rows that run across it, is joined again.
 * Works on the page's lines from @first on, whose rows @row_ids gives. */
void
rows_rejoin_pieces (PageBuilder *b, guint first, const GArray *row_ids, const ColumnGutter *gutter)
{
  GPtrArray *lines = b->page->lines;
  guint kept = first;
  /* Looked at before any piece moves. */
  g_autofree gboolean *among_full = g_new0 (gboolean, lines->len);

  for (guint i = first; gutter->x >= 0 && i < lines->len; i++)
    among_full[i] = row_among_full_rows (lines, first, row_ids, i, gutter);
  for (guint i = first + 1; i < lines->len; i++)
    {
      RectoLine *prev = g_ptr_array_index (lines, kept);
      RectoLine *line = g_ptr_array_index (lines, i);
      guint row = g_array_index (row_ids, guint, i - first);
      gboolean same_row = row == g_array_index (row_ids, guint, i - first - 1) && row != G_MAXUINT;
      gboolean at_gutter = gutter->x >= 0 && prev->box.x2 <= gutter->x && line->box.x1 >= gutter->x
                           && !columns_crosses (line, gutter) && !among_full[i];

      if (same_row && !at_gutter)
        {
          merge_pieces (b, prev, line);
          continue;
        }
      kept++;
      /* Swap rather than copy: the page frees what ends up beyond the kept lines. */
      lines->pdata[i] = lines->pdata[kept];
      lines->pdata[kept] = line;
    }
  if (lines->len > first)
    g_ptr_array_set_size (lines, kept + 1);
}

static int
compare_lines_by_top (gconstpointer a, gconstpointer b)
{
  const RectoLine *la = *(RectoLine *const *) a, *lb = *(RectoLine *const *) b;

  if (la->box.y1 != lb->box.y1)
    return la->box.y1 < lb->box.y1 ? -1 : 1;
  return (la->box.x1 > lb->box.x1) - (la->box.x1 < lb->box.x1);
}

/* Rows found across the whole page mix the two columns where their baselines are offset, and
 * may then lose a glyph to the other column's row. On a page with a gutter, the glyphs of lines
 * that keep to one side are grouped into rows again, each side on its own. */
void
rows_rebuild_columns (PageBuilder *b, const ColumnGutter *gutter)
{
  static const ColumnGutter no_gutter = { -1, 0, 0 };
  RectoPage *page = b->page;
  const gunichar *chars = b->chars;
  const RectoBox *boxes = b->boxes;
  g_autofree gboolean *in_full_line = g_new0 (gboolean, page->chars->len);
  g_autofree gboolean *standing = g_new (gboolean, page->chars->len + 1);
  g_autoptr (GArray) left = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) right = g_array_new (FALSE, FALSE, sizeof (guint));
  GArray *sides[] = { left, right };
  g_autoptr (GArray) row_gaps = g_array_new (FALSE, FALSE, sizeof (RowGap));
  guint kept = 0;

  for (guint i = 0; i < page->lines->len; i++)
    {
      RectoLine *line = g_ptr_array_index (page->lines, i);
      if (line->glyphs != NULL && line->has_box && columns_crosses (line, gutter))
        for (guint j = 0; j < line->glyphs->len; j++)
          in_full_line[g_array_index (line->glyphs, guint, j)] = TRUE;
    }
  /* Full-width lines and standing lines stay; the others are dropped and made again from their
   * side's glyphs. */
  standing_lines_find (b, standing);
  for (guint i = 0; i < page->lines->len; i++)
    {
      RectoLine *line = g_ptr_array_index (page->lines, i);
      if (!line->has_box || columns_crosses (line, gutter)
          || (line->glyphs != NULL && line->glyphs->len > 0
              && standing[g_array_index (line->glyphs, guint, 0)]))
        {
          page->lines->pdata[i] = page->lines->pdata[kept];
          page->lines->pdata[kept++] = line;
        }
    }
  g_ptr_array_set_size (page->lines, kept);
  for (guint i = 0; i < page->chars->len; i++)
    if (box_is_set (&boxes[i]) && !in_full_line[i] && !standing[i]
        && !(glyph_is_space (chars[i]) && boxes[i].x2 - boxes[i].x1 <= 0))
      g_array_append_val ((boxes[i].x1 + boxes[i].x2) / 2 < gutter->x ? left : right, i);
  for (guint side = 0; side < 2; side++)
    {
      g_autoptr (GArray) row_ids = g_array_new (FALSE, FALSE, sizeof (guint));
      guint first = page->lines->len;

      build_rows_apart (b, (const guint *) sides[side]->data, sides[side]->len, row_gaps,
                        row_ids);
      /* No gutter inside a column: every cut row is whole again. */
      rows_rejoin_pieces (b, first, row_ids, &no_gutter);
    }
  g_ptr_array_sort (page->lines, compare_lines_by_top);
}
