/* numbered-lines.c: see numbered-lines.h. */
#include "numbered-lines.h"

#include <string.h>

#include "heading-text.h"
#include "lost-numbers.h"

/* The value of @label's last part ("1.2" 2, "C.3" 3, "（四）" 4, "十二、" 12), or 0. */
static guint
last_value (const char *label)
{
  const char *digits = NULL;

  for (const char *c = label; *c != '\0'; c++)
    if (g_ascii_isdigit (*c) && (c == label || !g_ascii_isdigit (c[-1])))
      digits = c;
  return digits != NULL ? (guint) g_ascii_strtoull (digits, NULL, 10) : heading_label_value (label);
}

/* Whether @text, a later line of a heading numbered @label in @scheme, opens another heading:
 * the next number of @scheme ("二十四、" after "二十三、"), or the first of a scheme nested in it
 * ("1.1" under "1"). A wrapped title may begin with a figure ("2020 Budget"), not with that. */
static gboolean
opens_next_heading (const char *text, RectoNumbering scheme, const char *label)
{
  g_autofree char *own = NULL;
  RectoNumbering numbering;
  gsize length;

  numbering = recto_numbering_match (text, &length);
  if (numbering == RECTO_NUMBERING_NONE || numbering == RECTO_NUMBERING_LETTER
      || numbering == RECTO_NUMBERING_BULLET || numbering < scheme)
    return FALSE;
  own = g_strndup (text, length);
  return last_value (own) == (numbering == scheme ? last_value (label) + 1 : 1);
}

/* The offset in @text, from @from on, of the text of line @line, or -1 when it is not there. */
static gssize
line_offset (const char *text, gsize from, const RectoLine *line)
{
  g_autofree char *own = g_strstrip (g_strdup (line->text));
  const char *at = *own != '\0' ? strstr (text + from, own) : NULL;

  return at != NULL ? at - text : -1;
}

/* A new paragraph of @block's lines [@first, @last) and @text, @length bytes of it. */
static RectoBlock *
part (RectoDocument *doc, const RectoBlock *block, guint first, guint last, const char *text,
      gsize length)
{
  RectoBlock *out = recto_block_new (doc, RECTO_BLOCK_P);
  g_autofree char *own = g_strstrip (g_strndup (text, length));

  for (guint i = first; i < last; i++)
    {
      const RectoSourceRef *ref = &g_array_index (block->sources, RectoSourceRef, i);
      recto_block_add_line (out, recto_document_get_page (doc, ref->page), ref->line);
    }
  recto_block_append_text (doc, out, own, -1);
  return out;
}

RectoBlock *
numbered_lines_split (RectoDocument *doc, RectoBlock *block, RectoNumbering numbering,
                      const char *label)
{
  const char *text;
  gsize from = 0;
  int index = recto_block_get_index (block);

  if (block->kind != RECTO_BLOCK_P || block->sources == NULL || block->sources->len < 2
      || block->repairs != NULL || index < 0 || recto_block_get_n_children (block) != 1
      || recto_block_get_child (block, 0)->kind != RECTO_BLOCK_TEXT)
    return NULL;
  text = recto_block_get_child (block, 0)->text;
  for (guint i = 0; i < block->sources->len; i++)
    {
      const RectoLine *line = g_array_index (block->sources, RectoSourceRef, i).line;
      gssize at;
      RectoBlock *front, *rest, *parent;

      if (line == NULL || (at = line_offset (text, from, line)) < 0)
        return NULL;
      from = (gsize) at + 1;
      /* A caption goes under the heading's first line: one joined to it, which filled its line. */
      if (i == 0
          || !(opens_next_heading (text + at, numbering, label)
               || (i == 1 && heading_is_caption (text + at))))
        continue;
      front = part (doc, block, 0, i, text, (gsize) at);
      rest = part (doc, block, i, block->sources->len, text + at, strlen (text + at));
      parent = block->parent;
      recto_block_unlink (block);
      recto_block_insert (parent, front, index);
      recto_block_insert (parent, rest, index + 1);
      return front;
    }
  return NULL;
}
