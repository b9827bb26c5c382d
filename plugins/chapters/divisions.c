/* divisions.c: nesting the body's blocks into divisions as the chapter stage walks them: a
 * title or heading opens a division under the innermost one that is shallower, and the page
 * breaks, furniture and notes just before it go into it with it. */
#include "divisions.h"

gboolean
divisions_is_floating (const RectoBlock *block)
{
  switch (block->kind)
    {
    case RECTO_BLOCK_PB:
    case RECTO_BLOCK_FW:
    case RECTO_BLOCK_NOTE:
    case RECTO_BLOCK_GAP:
      return TRUE;
    default:
      return FALSE;
    }
}

RectoBlock *
divisions_innermost (const Nest *nest)
{
  return g_ptr_array_index (nest->open, nest->open->len - 1);
}

void
divisions_put_floating (Nest *nest, RectoBlock *into)
{
  for (guint i = 0; i < nest->floating->len; i++)
    recto_block_insert (into, g_ptr_array_index (nest->floating, i), -1);
  g_ptr_array_set_size (nest->floating, 0);
}

/* Opens a division of @type at @level under the innermost one that is shallower, headed by
 * @head. */
void
divisions_open (Nest *nest, RectoBlock *head, const char *type, int level)
{
  RectoBlock *div;

  while (nest->open->len > 1 && divisions_innermost (nest)->level >= level)
    g_ptr_array_remove_index (nest->open, nest->open->len - 1);
  div = recto_block_append (nest->doc, divisions_innermost (nest), RECTO_BLOCK_DIV);
  recto_block_set_type (nest->doc, div, type);
  div->level = level;
  divisions_put_floating (nest, div);
  recto_block_insert (div, head, -1);
  g_ptr_array_add (nest->open, div);
}
