/* plain-heads.c: see plain-heads.h. */
#include "plain-heads.h"

#include <string.h>

#include "lost-numbers.h"

/* Longest heading in the body's type, in characters after its number. */
#define MAX_PLAIN_HEAD_CHARS 40

static gboolean
is_floating (const RectoBlock *block)
{
  return block->kind == RECTO_BLOCK_PB || block->kind == RECTO_BLOCK_FW
         || block->kind == RECTO_BLOCK_NOTE || block->kind == RECTO_BLOCK_GAP;
}

/* The numbering of @block's text when it is a paragraph, or RECTO_NUMBERING_NONE. */
static RectoNumbering
numbering_of (const RectoBlock *block, gsize *length)
{
  g_autofree char *text = NULL;

  if (block == NULL || block->kind != RECTO_BLOCK_P)
    return RECTO_NUMBERING_NONE;
  text = recto_block_get_text (block);
  return recto_numbering_match (text, length);
}

/* The block next to @at in @body going by @step (-1 or 1), page furniture aside, or NULL. */
static RectoBlock *
neighbour (RectoBlock *body, guint at, int step)
{
  for (int i = (int) at + step; i >= 0 && i < (int) recto_block_get_n_children (body); i += step)
    {
      RectoBlock *block = recto_block_get_child (body, (guint) i);
      if (!is_floating (block))
        return block;
    }
  return NULL;
}

/* Whether @text reads as a heading's words: a few, more letters than digits, no closing stop. */
static gboolean
reads_as_title (const char *text)
{
  const char *last = g_utf8_find_prev_char (text, text + strlen (text));
  glong chars = g_utf8_strlen (text, -1);
  int balance = 0;
  gunichar end;

  if (last == NULL || chars < 2 || chars > MAX_PLAIN_HEAD_CHARS)
    return FALSE;
  end = g_utf8_get_char (last);
  if (strchr (".,;:", (int) (end < 0x80 ? end : ' ')) != NULL || end == 0x3002 /* 。 */
      || end == 0xFF0C /* ， */ || end == 0xFF1B /* ； */ || end == 0xFF1A /* ： */
      || end == 0x3001 /* 、 */)
    return FALSE;
  for (const char *c = text; *c != '\0'; c = g_utf8_next_char (c))
    {
      gunichar u = g_utf8_get_char (c);
      balance += g_unichar_isalpha (u) ? 1 : g_unichar_isdigit (u) ? -1 : 0;
    }
  return balance > 0;
}

RectoNumbering
plain_heading_numbering (RectoBlock *body, guint at, const guint *last_value, char **label)
{
  RectoBlock *block = recto_block_get_child (body, at);
  g_autofree char *text = NULL;
  const RectoLine *line;
  RectoNumbering numbering;
  gsize length, other;
  guint value;

  if (block->kind != RECTO_BLOCK_P || block->size <= 0 || block->sources == NULL
      || block->sources->len != 1)
    return RECTO_NUMBERING_NONE;
  line = g_array_index (block->sources, RectoSourceRef, 0).line;
  if (line == NULL || !line->has_box || line->box.x2 > line->column_x2 - 2 * line->size)
    return RECTO_NUMBERING_NONE;
  text = g_strstrip (recto_block_get_text (block));
  numbering = recto_numbering_match (text, &length);
  if (numbering == RECTO_NUMBERING_NONE || numbering == RECTO_NUMBERING_LETTER
      || numbering == RECTO_NUMBERING_BULLET || numbering == RECTO_NUMBERING_ARTICLE
      || numbering == RECTO_NUMBERING_CIRCLED || !reads_as_title (text + length))
    return RECTO_NUMBERING_NONE;
  /* A run of short lines numbered alike is a list; the heading is followed by its text. */
  if (neighbour (body, at, 1) == NULL || numbering_of (neighbour (body, at, 1), &other) == numbering
      || numbering_of (neighbour (body, at, -1), &other) == numbering)
    return RECTO_NUMBERING_NONE;
  *label = g_strndup (text, length);
  value = heading_label_value (*label);
  if (value != 1 && (value == 0 || last_value[numbering] != value - 1))
    {
      g_clear_pointer (label, g_free);
      return RECTO_NUMBERING_NONE;
    }
  return numbering;
}
