/* table-pages.c: see table-pages.h. */
#include "table-pages.h"

#include <string.h>

/* Whether a line is a page number that the furniture stage missed: a few characters with a
 * digit, alone at the top or foot of the page. */
static gboolean
looks_like_page_number (const RectoPage *page, const RectoLine *line)
{
  gboolean digit = FALSE;

  if (g_utf8_strlen (line->text, -1) > 12)
    return FALSE;
  for (const char *p = line->text; *p != '\0'; p = g_utf8_next_char (p))
    digit = digit || g_unichar_isdigit (g_utf8_get_char (p));
  return digit && (line->box.y1 > page->height * 0.9 || line->box.y2 < page->height * 0.1);
}

/* Whether no body line of @page stands below @box (@below) or above it. */
gboolean
table_at_page_edge (const RectoPage *page, const RectoBox *box, gboolean below)
{
  for (guint i = 0; i < page->lines->len; i++)
    {
      const RectoLine *line = g_ptr_array_index (page->lines, i);
      if (line->role != RECTO_LINE_BODY || !line->has_box || looks_like_page_number (page, line))
        continue;
      if (below ? line->box.y1 >= box->y2 - 1 : line->box.y2 <= box->y1 + 1)
        return FALSE;
    }
  return TRUE;
}

guint
table_n_columns (const RectoBlock *table)
{
  guint most = 0;

  for (guint i = 0; i < recto_block_get_n_children (table); i++)
    {
      const RectoBlock *row = recto_block_get_child (table, i);
      guint n = 0;
      if (row->kind != RECTO_BLOCK_ROW)
        continue;
      for (guint c = 0; c < recto_block_get_n_children (row); c++)
        n += MAX (recto_block_get_child (row, c)->cols, 1);
      most = MAX (most, n);
    }
  return most;
}

/* @table's last row, or its first when @first, or NULL. */
static RectoBlock *
end_row (const RectoBlock *table, gboolean first)
{
  guint n = recto_block_get_n_children (table);

  for (guint i = 0; i < n; i++)
    {
      RectoBlock *child = recto_block_get_child (table, first ? i : n - 1 - i);
      if (child->kind == RECTO_BLOCK_ROW)
        return child;
    }
  return NULL;
}

static gboolean
cell_is_empty (const RectoBlock *cell)
{
  g_autofree char *text = recto_block_get_text (cell);
  return text == NULL || *g_strstrip (text) == '\0';
}

/* Whether @table's heads (its rows of column heads) name its first column too. */
static gboolean
heads_name_first_column (const RectoBlock *table)
{
  for (guint i = 0; i < recto_block_get_n_children (table); i++)
    {
      const RectoBlock *row = recto_block_get_child (table, i);
      if (row->kind == RECTO_BLOCK_ROW && row->type != NULL && recto_block_get_n_children (row) > 0
          && !cell_is_empty (recto_block_get_child (row, 0)))
        return TRUE;
    }
  return FALSE;
}

/* Whether the first row of @next, the part of a table that opens a page, is the rest of the
 * row that ended @table on the page before, cut by the page break: where every row of @table
 * has a cell in each column, none spanning rows, and a label in its first cell (a glossary, a
 * specification's rows), a row whose label cell is empty is no row of its own. That row may
 * look like heads to the page's grid (it stands above the first row with a number): it is
 * none where @table's heads name the first column, as heads repeated over the page would. */
static gboolean
is_cut_row (const RectoBlock *table, const RectoBlock *next)
{
  const RectoBlock *first = end_row (next, TRUE), *last = end_row (table, FALSE);
  guint n = last != NULL ? recto_block_get_n_children (last) : 0, labelled = 0;

  if (first == NULL || n < 2 || recto_block_get_n_children (first) != n
      || !cell_is_empty (recto_block_get_child (first, 0))
      || (first->type != NULL && !heads_name_first_column (table)))
    return FALSE;
  for (guint c = 0; c < n; c++)
    if (recto_block_get_child (first, c)->rows > 1)
      return FALSE;
  for (guint i = 0; i < recto_block_get_n_children (table); i++)
    {
      const RectoBlock *row = recto_block_get_child (table, i);
      if (row->kind != RECTO_BLOCK_ROW || row->type != NULL)
        continue;
      if (recto_block_get_n_children (row) != n || cell_is_empty (recto_block_get_child (row, 0)))
        return FALSE;
      for (guint c = 0; c < n; c++)
        if (recto_block_get_child (row, c)->rows > 1)
          return FALSE;
      labelled++;
    }
  return labelled >= 2;
}

/* Moves the text of cell @tail, the rest of cell @head cut by a page break, to the end of
 * @head's (a space between them unless CJK meets CJK). */
static void
append_cell (RectoDocument *doc, RectoBlock *head, RectoBlock *tail)
{
  g_autofree char *before = recto_block_get_text (head);
  g_autofree char *after = recto_block_get_text (tail);

  if (after == NULL || *after == '\0')
    return;
  if (before != NULL && *before != '\0'
      && !(g_unichar_iswide (g_utf8_get_char (g_utf8_prev_char (before + strlen (before))))
           && g_unichar_iswide (g_utf8_get_char (after))))
    recto_block_append_text (doc, head, " ", 1);
  while (recto_block_get_n_children (tail) > 0)
    recto_block_insert (head, recto_block_get_child (tail, 0), -1);
}

/* Moves the text of the cells of @from, the rest of row @into cut by a page break, to the end
 * of @into's cells, and its lines to @into. */
static void
join_cut_row (RectoDocument *doc, RectoBlock *into, RectoBlock *from)
{
  for (guint c = 0; c < recto_block_get_n_children (into); c++)
    append_cell (doc, recto_block_get_child (into, c), recto_block_get_child (from, c));
  for (guint i = 0; from->sources != NULL && i < from->sources->len; i++)
    {
      const RectoSourceRef *ref = &g_array_index (from->sources, RectoSourceRef, i);
      if (ref->line != NULL)
        recto_block_add_line (into, recto_document_get_page (doc, ref->page), ref->line);
      else
        recto_block_add_source (into, ref->page, ref->has_box ? &ref->box : NULL);
    }
  recto_block_unlink (from);
}

/* ---- merged cells cut by the page break ---- */

/* Where the text of cell @slot of @grid stands: its middle as a share of the cell's height
 * from its top (-1 without text), and in @top_row whether it ends within the cell's first
 * row. */
static float
text_place (const Grid *grid, const GArray *segments, guint slot, gboolean *top_row)
{
  guint r = slot / grid->n_cols, last = r;
  float y1 = G_MAXFLOAT, y2 = -G_MAXFLOAT, top, bottom;

  for (guint i = slot; i < grid->n_rows * grid->n_cols; i++)
    if (grid->owner[i] == slot)
      last = i / grid->n_cols;
  for (guint k = 0; k < grid->members->len; k++)
    if (g_array_index (grid->slots, guint, k) == slot)
      {
        const Segment *s = &g_array_index (segments, Segment, g_array_index (grid->members, guint, k));
        y1 = MIN (y1, s->box.y1), y2 = MAX (y2, s->box.y2);
      }
  top = g_array_index (grid->rows, float, r), bottom = g_array_index (grid->rows, float, last + 1);
  *top_row = y2 <= g_array_index (grid->rows, float, r + 1) + 1;
  return y2 < y1 || bottom <= top ? -1 : ((y1 + y2) / 2 - top) / (bottom - top);
}

/* Whether @grid sets the text of its merged cells (those spanning rows, below its first row)
 * in their middle rather than at their top. */
static gboolean
centres_merged_cells (const Grid *grid, const GArray *segments)
{
  guint centred = 0, at_top = 0;

  for (guint slot = grid->n_cols; slot < grid->n_rows * grid->n_cols; slot++)
    {
      gboolean top_row;
      float place;
      if (grid->owner[slot] != slot || slot + grid->n_cols >= grid->n_rows * grid->n_cols
          || grid->owner[slot + grid->n_cols] != slot)
        continue;
      place = text_place (grid, segments, slot, &top_row);
      centred += place > 0.3f && place < 0.7f;
      at_top += place >= 0 && top_row;
    }
  return centred > at_top;
}

/* The cell of @table that covers column @col of its last row, starts there and ends its span
 * in that row, or NULL. */
static RectoBlock *
cell_ending_above (const RectoBlock *table, guint col)
{
  g_autoptr (GPtrArray) cover = g_ptr_array_new (); /* per column: the cell over it */
  g_autoptr (GArray) left = g_array_new (FALSE, TRUE, sizeof (guint)); /* rows it still spans */
  RectoBlock *found = NULL;

  for (guint i = 0; i < recto_block_get_n_children (table); i++)
    {
      const RectoBlock *row = recto_block_get_child (table, i);
      guint at = 0;
      if (row->kind != RECTO_BLOCK_ROW)
        continue;
      found = NULL;
      for (guint c = 0; c < recto_block_get_n_children (row); c++)
        {
          RectoBlock *cell = recto_block_get_child (row, c);
          while (at < left->len && g_array_index (left, guint, at) > 0)
            at++;
          for (guint k = 0; k < MAX (cell->cols, 1); k++, at++)
            {
              if (at >= left->len)
                {
                  g_array_set_size (left, at + 1);
                  g_ptr_array_set_size (cover, (gint) at + 1);
                }
              g_array_index (left, guint, at) = MAX (cell->rows, 1);
              g_ptr_array_index (cover, at) = cell;
            }
        }
      if (col < left->len && g_array_index (left, guint, col) == 1
          && (col == 0 || g_ptr_array_index (cover, col - 1) != g_ptr_array_index (cover, col)))
        found = g_ptr_array_index (cover, col);
      for (guint c = 0; c < left->len; c++)
        if (g_array_index (left, guint, c) > 0)
          g_array_index (left, guint, c)--;
    }
  return found;
}

/* Joins the merged cells that the page break cut: a cell of @next's first row (the part of a
 * table that opens a page, built from @grid) that spans rows and is empty, or holds its text
 * in its first row only where the table sets its merged cells' text in their middle, is the
 * rest of the cell of @table's last row in its columns (a group's label "（四）无" at the foot
 * of one page, "法提供" at the top of the next): its text joins that cell, which spans its
 * rows too. */
static void
join_cut_cells (RectoDocument *doc, RectoBlock *table, RectoBlock *next, const Grid *grid,
                const GArray *segments)
{
  RectoBlock *first = end_row (next, TRUE);
  gboolean centres = centres_merged_cells (grid, segments);
  guint child = 0;

  if (first == NULL || first->type != NULL)
    return;
  for (guint c = 0; c < grid->n_cols; c++)
    {
      RectoBlock *cell, *above;
      gboolean top_row;
      float place;
      if (grid->owner[c] != c || child >= recto_block_get_n_children (first))
        continue;
      cell = recto_block_get_child (first, child);
      place = text_place (grid, segments, c, &top_row);
      above = cell_ending_above (table, c);
      if (cell->rows < 2 || (place >= 0 && !(centres && top_row)) || above == NULL
          || MAX (above->cols, 1) != MAX (cell->cols, 1) || above->parent->type != NULL)
        {
          child++;
          continue;
        }
      append_cell (doc, above, cell);
      above->rows = MAX (above->rows, 1) + cell->rows;
      recto_block_unlink (cell);
    }
}

/* Moves the rows (and notes) of @next into @table, the row that @next opens with into the
 * last one of @table when the page break cut that row, else the merged cells it cut into the
 * cells they go on from. */
void
table_continue (RectoDocument *doc, RectoBlock *table, RectoBlock *next, const Grid *grid,
                const GArray *segments)
{
  if (is_cut_row (table, next))
    join_cut_row (doc, end_row (table, FALSE), end_row (next, TRUE));
  else
    join_cut_cells (doc, table, next, grid, segments);
  while (recto_block_get_n_children (next) > 0)
    recto_block_insert (table, recto_block_get_child (next, 0), -1);
  recto_block_unlink (next);
}
