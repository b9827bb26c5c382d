/* body-window.c: see body-window.h. */
#include "body-window.h"

/* Blocks kept in the body beyond the one read: the stage looks at most two ahead. */
#define LOOKAHEAD 3

struct _BodyWindow
{
  RectoBlock *body;
  GPtrArray *blocks; /* the body's blocks, in order */
  guint next; /* the first of @blocks not yet put back */
};

BodyWindow *
body_window_new (RectoBlock *body)
{
  BodyWindow *window = g_new0 (BodyWindow, 1);
  guint n = recto_block_get_n_children (body);

  window->body = body;
  window->blocks = g_ptr_array_sized_new (n);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (window->blocks, recto_block_get_child (body, i));
  for (guint i = n; i > 0; i--)
    recto_block_unlink (g_ptr_array_index (window->blocks, i - 1));
  return window;
}

/* What the stage's look ahead passes over (plain-heads.c's neighbour()). */
static gboolean
is_floating (const RectoBlock *block)
{
  return block->kind == RECTO_BLOCK_PB || block->kind == RECTO_BLOCK_FW
         || block->kind == RECTO_BLOCK_NOTE || block->kind == RECTO_BLOCK_GAP;
}

void
body_window_fill (BodyWindow *window, guint i)
{
  while (window->next < window->blocks->len)
    {
      guint n = recto_block_get_n_children (window->body);
      if (n > i + LOOKAHEAD && !is_floating (recto_block_get_child (window->body, n - 1)))
        break;
      recto_block_insert (window->body, g_ptr_array_index (window->blocks, window->next++), -1);
    }
}

RectoBlock *
body_window_peek (BodyWindow *window, guint i)
{
  guint n = recto_block_get_n_children (window->body);

  if (i < n)
    return recto_block_get_child (window->body, i);
  i = window->next + (i - n);
  return i < window->blocks->len ? g_ptr_array_index (window->blocks, i) : NULL;
}

void
body_window_free (BodyWindow *window)
{
  if (window == NULL)
    return;
  body_window_fill (window, G_MAXUINT - LOOKAHEAD);
  g_ptr_array_unref (window->blocks);
  g_free (window);
}

/* The block after the one at @at that is not page furniture, a page break or a note, or NULL. */
const RectoBlock *
body_window_next_in_text (BodyWindow *window, guint at)
{
  const RectoBlock *block;

  for (guint i = at + 1; (block = body_window_peek (window, i)) != NULL; i++)
    if (block->kind != RECTO_BLOCK_PB && block->kind != RECTO_BLOCK_FW
        && block->kind != RECTO_BLOCK_NOTE && block->kind != RECTO_BLOCK_GAP)
      return block;
  return NULL;
}
