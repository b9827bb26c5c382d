/* standing-lines.c: see standing-lines.h. */
#include "standing-lines.h"

#include <math.h>

/* Whether glyph @b stands right above or below glyph @a: further apart down the frame than
 * across it, touching it or a word space (half their type size: the width of an upright glyph
 * across the frame) from it. In a line already standing (@standing), a glyph whose box Poppler
 * drew over most of the last one's (a full stop's) goes on with it too. */
static gboolean
stands_on (const PageBuilder *builder, guint a, guint b, gboolean standing)
{
  const RectoBox *x = &builder->boxes[a], *y = &builder->boxes[b];
  float dx = fabsf ((y->x1 + y->x2) - (x->x1 + x->x2)) / 2;
  float dy = fabsf ((y->y1 + y->y2) - (x->y1 + x->y2)) / 2;
  float size = MAX (x->x2 - x->x1, y->x2 - y->x1);

  if (!box_is_set (x) || !box_is_set (y)
      || dy > 1.02f * (box_height (x) + box_height (y)) / 2 + 0.5f * size)
    return FALSE;
  return dy > 2 * dx || (standing && dx < 0.25f * size);
}

/* The next glyph drawn after @i other than white space, or the page's glyph count. */
static guint
next_drawn (const PageBuilder *b, guint i)
{
  guint n = b->page->chars->len;

  for (i++; i < n && glyph_is_space (b->chars[i]); i++)
    ;
  return i;
}

guint
standing_lines_find (PageBuilder *b, gboolean *standing)
{
  guint n = b->page->chars->len, marked = 0;

  for (guint i = 0; i < n; i++)
    standing[i] = FALSE;
  if (b->page->turn == 0)
    return 0;
  for (guint i = 0; i < n; i++)
    {
      guint next = next_drawn (b, i);
      if (glyph_is_space (b->chars[i]) || next >= n || !stands_on (b, i, next, standing[i]))
        continue;
      marked += !standing[i] + !standing[next];
      standing[i] = standing[next] = TRUE;
    }
  return marked;
}

void
standing_lines_emit (PageBuilder *b, const gboolean *standing, GArray *row_ids)
{
  guint n = b->page->chars->len, count = 0;
  guint row_id = row_ids->len > 0 ? g_array_index (row_ids, guint, row_ids->len - 1) + 1 : 0;
  gboolean space = FALSE;

  for (guint i = 0; i <= n; i++)
    {
      if (i < n && glyph_is_space (b->chars[i]))
        {
          space = count > 0;
          continue;
        }
      /* A run ends where the next glyph drawn does not stand on its last one. */
      if (count > 0
          && (i == n || !standing[i] || !stands_on (b, b->row_glyphs[count - 1], i, TRUE)))
        {
          page_builder_emit_line (b, b->row_glyphs, b->row_spaces, count, TRUE);
          g_array_append_val (row_ids, row_id);
          row_id++;
          count = 0;
        }
      if (i < n && standing[i])
        {
          b->row_spaces[count] = count > 0 && space;
          b->row_glyphs[count++] = i;
        }
      space = FALSE;
    }
}
