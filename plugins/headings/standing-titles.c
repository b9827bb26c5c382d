/* standing-titles.c: see standing-titles.h. */
#include "standing-titles.h"

#include <math.h>
#include <string.h>

#include "heading-text.h"

/* The most characters of a title standing alone in the body's type. */
#define MAX_CHARS 30
/* The most of its column's width the title's line fills. */
#define MAX_FILL 0.6f
/* How much larger than the body the title of a page of tables is set. */
#define TABLE_TITLE_RATIO 1.2f
/* How far below the title, in the paragraph's line pitches, the paragraph under it starts: a
 * blank line at least between them. */
#define GAP_PITCHES 1.8f

/* Whether @body's child @at comes first on its page: only furniture, notes and gaps stand
 * between it and the page break before it. */
static gboolean
opens_page (RectoBlock *body, guint at)
{
  for (guint i = at; i > 0; i--)
    {
      const RectoBlock *block = recto_block_get_child (body, i - 1);
      if (block->kind == RECTO_BLOCK_PB)
        return TRUE;
      if (block->kind != RECTO_BLOCK_FW && block->kind != RECTO_BLOCK_NOTE
          && block->kind != RECTO_BLOCK_GAP)
        return FALSE;
    }
  return FALSE;
}

/* Whether @text reads as a title: words, no closing stop, no label and its value, no caption. */
static gboolean
reads_as_title (const char *text)
{
  const char *last = g_utf8_find_prev_char (text, text + strlen (text));
  glong chars = g_utf8_strlen (text, -1);

  return last != NULL && chars >= 2 && chars <= MAX_CHARS && heading_mostly_words (text)
         && !heading_is_stop (g_utf8_get_char (last)) && !g_unichar_islower (g_utf8_get_char (text))
         && strchr (text, ':') == NULL && strstr (text, "：") == NULL && !heading_is_caption (text);
}

/* Whether @next, a paragraph on @title's page in its size, starts GAP_PITCHES of its own line
 * pitch below @title's line at least. */
static gboolean
stands_over (const RectoSourceRef *title, float size, const RectoBlock *next)
{
  const RectoSourceRef *first, *second;
  float pitch;

  if (next == NULL || next->kind != RECTO_BLOCK_P || next->sources == NULL
      || next->sources->len < 2 || fabsf (next->size - size) > 0.05f * size)
    return FALSE;
  first = &g_array_index (next->sources, RectoSourceRef, 0);
  second = &g_array_index (next->sources, RectoSourceRef, 1);
  if (first->page != title->page || second->page != first->page || !first->has_box
      || !second->has_box)
    return FALSE;
  pitch = second->box.y1 - first->box.y1;
  return pitch > 0 && first->box.y1 - title->box.y1 >= GAP_PITCHES * pitch;
}

gboolean
standing_title (RectoBlock *body, guint at, const RectoBlock *next)
{
  const RectoBlock *block = recto_block_get_child (body, at);
  const RectoSourceRef *ref;
  g_autofree char *text = NULL;

  if (block->kind != RECTO_BLOCK_P || block->size <= 0 || block->sources == NULL
      || block->sources->len != 1)
    return FALSE;
  ref = &g_array_index (block->sources, RectoSourceRef, 0);
  if (!ref->has_box || ref->line == NULL
      || ref->box.x2 - ref->box.x1 > MAX_FILL * (ref->line->column_x2 - ref->line->column_x1)
      || !opens_page (body, at))
    return FALSE;
  text = g_strstrip (recto_block_get_text (block));
  return reads_as_title (text) && stands_over (ref, block->size, next);
}

/* Whether nothing but tables, furniture, notes and gaps stand between @body's child @at and the
 * page break before it (@step -1) or after it (@step 1, or the body's end); @tables counts the
 * tables passed. */
static gboolean
only_tables_to_break (RectoBlock *body, guint at, int step, guint *tables)
{
  guint n = recto_block_get_n_children (body);

  for (int i = (int) at + step; i >= 0 && i < (int) n; i += step)
    {
      const RectoBlock *block = recto_block_get_child (body, (guint) i);
      if (block->kind == RECTO_BLOCK_PB)
        return TRUE;
      if (block->kind == RECTO_BLOCK_TABLE)
        (*tables)++;
      else if (block->kind != RECTO_BLOCK_FW && block->kind != RECTO_BLOCK_NOTE
               && block->kind != RECTO_BLOCK_GAP)
        return FALSE;
    }
  return step > 0;
}

/* Whether every line of page @page that a table took lies below @y. */
static gboolean
tables_below (RectoDocument *doc, guint page, float y)
{
  const RectoPage *p = recto_document_get_page (doc, page);

  for (guint i = 0; p != NULL && i < p->lines->len; i++)
    {
      const RectoLine *line = g_ptr_array_index (p->lines, i);
      if (line->role == RECTO_LINE_TABLE && (!line->has_box || line->box.y1 < y))
        return FALSE;
    }
  return p != NULL;
}

gboolean
table_page_title (RectoDocument *doc, RectoBlock *body, guint at, float body_size)
{
  const RectoBlock *block = recto_block_get_child (body, at);
  const RectoSourceRef *end;
  g_autofree char *text = NULL;
  guint tables = 0;

  if (block->kind != RECTO_BLOCK_P || body_size <= 0 || block->size < TABLE_TITLE_RATIO * body_size
      || block->sources == NULL || block->sources->len == 0 || heading_n_lines (block) > 2
      || !only_tables_to_break (body, at, -1, &tables)
      || !only_tables_to_break (body, at, 1, &tables) || tables == 0)
    return FALSE;
  end = &g_array_index (block->sources, RectoSourceRef, block->sources->len - 1);
  if (!end->has_box || !tables_below (doc, end->page, end->box.y2))
    return FALSE;
  text = g_strstrip (recto_block_get_text (block));
  return reads_as_title (text);
}
