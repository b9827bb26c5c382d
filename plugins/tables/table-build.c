/* table-build.c: see table-build.h. */
#include "table-build.h"

#include <math.h>

typedef struct
{
  const Segment *segment;
  guint slot;
  float middle; /* the segment's vertical middle */
} Placed;

/* Segments in one cell read line by line (a line: middles within half a type size), left to
 * right. */
static int
compare_placed (gconstpointer a, gconstpointer b)
{
  const Placed *p = a, *q = b;
  float tolerance = MIN (p->segment->size, q->segment->size) * 0.5f;

  if (p->slot != q->slot)
    return p->slot < q->slot ? -1 : 1;
  if (fabsf (p->middle - q->middle) > tolerance)
    return p->middle < q->middle ? -1 : 1;
  return (p->segment->box.x1 > q->segment->box.x1) - (p->segment->box.x1 < q->segment->box.x1);
}

static gboolean
is_wide (gunichar c)
{
  return g_unichar_iswide (c) || g_unichar_iswide_cjk (c) || (g_unichar_ispunct (c) && c > 0x2000);
}

/* Appends the text of @segment to @text: a space where its glyphs stand apart as words do, none
 * between wide (CJK) characters. */
static void
append_segment (GString *text, const RectoPage *page, const Segment *segment)
{
  float last_x2 = 0;
  gunichar last = 0;

  for (guint i = segment->first; i < segment->end; i++)
    {
      gunichar c = segment_char (page, segment, i);
      const RectoBox *box = &g_array_index (
          page->boxes, RectoBox, g_array_index (segment->line->glyphs, guint, i));
      if (g_unichar_isspace (c) || c == 0x3000)
        continue;
      if (last != 0 && box->x1 - last_x2 > 0.2f * segment->size && !(is_wide (c) && is_wide (last)))
        g_string_append_c (text, ' ');
      g_string_append_unichar (text, c);
      last_x2 = box->x2;
      last = c;
    }
}

/* Regularises each run of box-drawing characters in the TEXT block @run (its text @text) to
 * nothing, last first so that the earlier offsets stay valid. */
static void
regularise_rules (RectoDocument *doc, RectoBlock *run, const char *text)
{
  g_autoptr (GArray) ranges = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean in_rule = FALSE;
  guint start = 0;

  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gboolean rule = *p != '\0' && rules_is_box_drawing (g_utf8_get_char (p));
      if (rule && !in_rule)
        start = (guint) (p - text);
      if (!rule && in_rule)
        {
          guint range[2] = { start, (guint) (p - text) };
          g_array_append_vals (ranges, range, 2);
        }
      in_rule = rule;
      if (*p == '\0')
        break;
    }
  for (guint r = ranges->len; r >= 2; r -= 2)
    {
      guint from = g_array_index (ranges, guint, r - 2), to = g_array_index (ranges, guint, r - 1);
      RectoBlock *reg = recto_block_regularize (doc, run, from, to - from, "");
      recto_block_mark_repair (doc, reg, "box-drawing", NULL);
    }
}

/* A cell's text: its segments line by line, a space between them unless CJK meets CJK. */
static void
fill_cell (RectoDocument *doc, RectoBlock *cell, const RectoPage *page, const Placed *placed,
           guint n)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      gsize before = text->len;
      append_segment (text, page, placed[i].segment);
      if (before > 0 && text->len > before)
        {
          gunichar left = g_utf8_get_char (g_utf8_prev_char (text->str + before));
          gunichar right = g_utf8_get_char (text->str + before);
          if (!(is_wide (left) && is_wide (right)))
            g_string_insert_c (text, (gssize) before, ' ');
        }
    }
  if (text->len == 0)
    return;
  recto_block_append_text (doc, cell, text->str, (gssize) text->len);
  regularise_rules (doc, recto_block_get_child (cell, 0), text->str);
}

guint *
table_assign (const GArray *segments, const GPtrArray *grids)
{
  guint *owners = g_new (guint, MAX (segments->len, 1));
  g_autoptr (GHashTable) lines = g_hash_table_new (NULL, NULL); /* line → owner + 1 */

  for (guint i = 0; i < segments->len; i++)
    owners[i] = G_MAXUINT;
  for (guint g = grids->len; g-- > 0;)
    {
      const Grid *grid = g_ptr_array_index (grids, g);
      for (guint k = 0; k < grid->members->len; k++)
        owners[g_array_index (grid->members, guint, k)] = g;
    }
  for (guint i = segments->len; i-- > 0;)
    if (owners[i] != G_MAXUINT)
      g_hash_table_insert (lines, (gpointer) g_array_index (segments, Segment, i).line,
                           GUINT_TO_POINTER (owners[i] + 1));
  for (guint i = 0; i < segments->len; i++)
    if (owners[i] == G_MAXUINT)
      owners[i] = GPOINTER_TO_UINT (
                      g_hash_table_lookup (lines, g_array_index (segments, Segment, i).line))
                  - 1;
  return owners;
}

/* The segments table @index takes, each with its cell, and their lines in @taken. */
static GArray *
place_segments (const GArray *segments, const Grid *grid, guint index, const guint *owners,
                GPtrArray *taken)
{
  GArray *placed = g_array_new (FALSE, FALSE, sizeof (Placed));

  for (guint i = 0; i < segments->len; i++)
    {
      const Segment *s = &g_array_index (segments, Segment, i);
      float x = (s->box.x1 + s->box.x2) / 2, y = (s->box.y1 + s->box.y2) / 2;
      if (owners[i] != index)
        continue;
      if (!g_ptr_array_find (taken, s->line, NULL))
        g_ptr_array_add (taken, (gpointer) s->line);
      g_array_append_val (placed, ((Placed){ s, grid_cell_at (grid, x, y), y }));
    }
  g_array_sort (placed, compare_placed);
  return placed;
}

/* The row each taken line is a source of: the row of its first text. */
static guint
line_row (const Grid *grid, const GArray *placed, const RectoLine *line)
{
  guint best = G_MAXUINT;

  for (guint i = 0; i < placed->len; i++)
    {
      const Placed *p = &g_array_index (placed, Placed, i);
      guint row = grid_row_at (grid, p->middle);
      if (p->segment->line == line && row < best)
        best = row;
    }
  return best == G_MAXUINT ? 0 : best;
}

static void
add_cells (RectoDocument *doc, RectoBlock *row, const RectoPage *page, const Grid *grid,
           guint r, const GArray *placed)
{
  for (guint c = 0; c < grid->n_cols; c++)
    {
      guint slot = r * grid->n_cols + c, last_r = r, last_c = c, first = 0, n = 0;
      RectoBlock *cell;
      if (grid->owner[slot] != slot)
        continue;
      for (guint i = slot; i < grid->n_rows * grid->n_cols; i++)
        if (grid->owner[i] == slot)
          last_r = MAX (last_r, i / grid->n_cols), last_c = MAX (last_c, i % grid->n_cols);
      cell = recto_block_append (doc, row, RECTO_BLOCK_CELL);
      cell->cols = last_c - c + 1;
      cell->rows = last_r - r + 1;
      if (r < grid->header_rows || (grid->label_column && c == 0))
        recto_block_set_type (doc, cell, "label");
      while (first < placed->len && g_array_index (placed, Placed, first).slot < slot)
        first++;
      while (first + n < placed->len && g_array_index (placed, Placed, first + n).slot == slot)
        n++;
      fill_cell (doc, cell, page, &g_array_index (placed, Placed, first), n);
    }
}

RectoBlock *
table_build (RectoDocument *doc, RectoPage *page, const GArray *segments, const GPtrArray *grids,
             guint index, const guint *owners)
{
  const Grid *grid = g_ptr_array_index (grids, index);
  g_autoptr (GPtrArray) taken = g_ptr_array_new ();
  g_autoptr (GArray) placed = place_segments (segments, grid, index, owners, taken);
  g_autofree guint *rows_of_lines = NULL;
  RectoBlock *table, *last_row = NULL;

  if (taken->len == 0)
    return NULL;
  table = recto_block_append (doc, recto_document_get_body (doc), RECTO_BLOCK_TABLE);
  rows_of_lines = g_new (guint, taken->len);
  for (guint i = 0; i < taken->len; i++)
    rows_of_lines[i] = line_row (grid, placed, g_ptr_array_index (taken, i));
  for (guint r = 0; r < grid->n_rows; r++)
    {
      RectoBlock *row = recto_block_new (doc, RECTO_BLOCK_ROW);
      if (r < grid->header_rows)
        recto_block_set_type (doc, row, "label");
      add_cells (doc, row, page, grid, r, placed);
      /* A row wholly covered by cells from above has no cell of its own: its lines go to the
       * row above. */
      if (recto_block_get_n_children (row) > 0 || last_row == NULL)
        {
          recto_block_insert (table, row, -1);
          last_row = row;
        }
      for (guint i = 0; i < taken->len; i++)
        if (rows_of_lines[i] == r)
          recto_block_add_line (last_row, page, g_ptr_array_index (taken, i));
    }
  for (guint i = 0; i < taken->len; i++)
    {
      RectoLine *line = g_ptr_array_index (taken, i);
      line->role = RECTO_LINE_TABLE;
    }
  return table;
}
