/* lost-numbers.c: see lost-numbers.h. */
#include "lost-numbers.h"

#include "heading-text.h"
#include "text-tails.h"

#include <string.h>

/* Longest heading text, in characters, that a lost number's line may hold. */
#define MAX_HEADING_CHARS 30

static const char cjk_digits[] = "一二三四五六七八九";

guint
heading_label_value (const char *label)
{
  guint value = 0, digit = 0;
  gboolean cjk = FALSE;

  for (const char *c = label; c != NULL && *c != '\0'; c = g_utf8_next_char (c))
    {
      gunichar u = g_utf8_get_char (c);
      char buffer[8] = { 0 };
      const char *at;
      g_unichar_to_utf8 (u, buffer);
      if (g_ascii_isdigit (*c))
        return (guint) g_ascii_strtoull (c, NULL, 10);
      if (u == 0x5341) /* 十 */
        {
          value += (digit == 0 ? 1 : digit) * 10;
          digit = 0;
          cjk = TRUE;
        }
      else if (u >= 0x80 && (at = strstr (cjk_digits, buffer)) != NULL)
        {
          digit = (guint) ((at - cjk_digits) / strlen (buffer)) + 1;
          cjk = TRUE;
        }
    }
  return cjk ? value + digit : 0;
}

/* A text-only paragraph of at most @max_chars CJK characters, with no number, no digits, and no
 * sentence end: how a heading reads, and what a lost number's heading is. */
static gboolean
reads_like_heading (const RectoBlock *block, glong max_chars)
{
  g_autofree char *text = NULL;
  gsize length;

  if (block->kind != RECTO_BLOCK_P || block->size > 0)
    return FALSE;
  text = g_strstrip (recto_block_get_text (block));
  if (!heading_has_cjk (text) || g_utf8_strlen (text, -1) > max_chars || g_str_has_suffix (text, "。")
      || recto_numbering_match (text, &length) != RECTO_NUMBERING_NONE)
    return FALSE;
  for (const char *c = text; *c != '\0'; c++)
    if (g_ascii_isdigit (*c))
      return FALSE;
  return TRUE;
}

/* Makes the block at @index of @body the heading of a lost number, with the short line after
 * it when that completes it. */
static RectoBlock *
restore (RectoDocument *doc, RectoBlock *body, guint index)
{
  RectoBlock *head =
      recto_block_replace (doc, recto_block_get_child (body, index), RECTO_BLOCK_HEAD);

  recto_block_mark_repair (doc, head, "lost-number",
                           "its number is missing between its siblings' numbers");
  heading_take_tail (doc, body, NULL, head, index, RECTO_NUMBERING_NONE);
  return head;
}

void
lost_numbers_find (RectoDocument *doc, RectoBlock *body, GPtrArray *heads, GArray *schemes)
{
  g_autoptr (GHashTable) scheme_of = g_hash_table_new (NULL, NULL);
  guint value[RECTO_N_NUMBERINGS] = { 0 };
  guint position[RECTO_N_NUMBERINGS] = { 0 };
  guint n_heads = heads->len;

  for (guint i = 0; i < n_heads; i++)
    g_hash_table_insert (scheme_of, g_ptr_array_index (heads, i),
                         GINT_TO_POINTER (g_array_index (schemes, RectoNumbering, i)));
  for (guint i = 0; i < recto_block_get_n_children (body); i++)
    {
      RectoBlock *block = recto_block_get_child (body, i);
      RectoNumbering scheme;
      guint v;

      if (!g_hash_table_contains (scheme_of, block))
        continue;
      scheme = GPOINTER_TO_INT (g_hash_table_lookup (scheme_of, block));
      v = heading_label_value (block->n);
      /* A heading of a higher rank restarts the numbering below it. */
      for (guint lower = scheme + 1; lower < RECTO_N_NUMBERINGS; lower++)
        value[lower] = 0;
      if (v >= 3 && value[scheme] == v - 2)
        for (guint j = position[scheme] + 1; j < i; j++)
          if (reads_like_heading (recto_block_get_child (body, j), MAX_HEADING_CHARS))
            {
              guint before = recto_block_get_n_children (body);
              RectoBlock *head = restore (doc, body, j);
              g_ptr_array_add (heads, head);
              g_array_append_val (schemes, scheme);
              /* A completing line taken out moved this heading up by one. */
              i -= before - recto_block_get_n_children (body);
              break;
            }
      value[scheme] = v;
      position[scheme] = i;
    }
}
