/* line-joins.c: joining a line's text onto its block: a space between Latin words, nothing
 * where either side is CJK, and a hyphen the line break added replaced by a marked <lb>. */
#include "line-joins.h"

/* The last character of @block's text, read through a note its text ends on (an anchor). */
static gunichar
last_char (RectoDocument *doc, const RectoBlock *block)
{
  guint n = recto_block_get_n_children (block);
  RectoBlock *last = n > 0 ? recto_block_get_child (block, n - 1) : NULL;
  const char *end;

  while (last != NULL && last->kind == RECTO_BLOCK_NOTE && --n > 0)
    last = recto_block_get_child (block, n - 1);

  if (last == NULL || last->kind != RECTO_BLOCK_TEXT || *last->text == '\0')
    return 0;
  end = last->text + recto_block_get_text_length (doc, last);
  return g_utf8_get_char (g_utf8_find_prev_char (last->text, end));
}

/* Takes the hyphen off the end of @block's text and puts a marked <lb break="no"> there. */
static void
replace_hyphen (Builder *b, RectoBlock *block)
{
  RectoBlock *text = recto_block_get_child (block, recto_block_get_n_children (block) - 1);
  RectoBlock *lb;

  text->text[recto_block_get_text_length (b->doc, text) - 1] = '\0';
  lb = recto_block_append (b->doc, block, RECTO_BLOCK_LB);
  recto_block_set_n (lb, "-");
  recto_block_mark_repair (b->doc, lb, "dehyphenate", NULL);
}

/* Ends @block's text so that @text can follow: a space between Latin words, nothing where
 * either side is CJK, and a hyphen the line break added replaced by a marked <lb>. */
void
line_joins_join (Builder *b, RectoBlock *block, const char *text)
{
  gunichar before = last_char (b->doc, block);
  gunichar after = g_utf8_get_char (text);

  guint n = recto_block_get_n_children (block);

  if (n > 0 && recto_block_get_child (block, n - 1)->kind == RECTO_BLOCK_NOTE)
    {
      if (before != 0 && before != '-' && !char_is_cjk (before) && !char_is_cjk (after))
        recto_block_append_text (b->doc, block, " ", 1);
      return;
    }
  if (before == '-' && hyphenation_is_added (b->hyphenation, block, text))
    replace_hyphen (b, block);
  else if (before != 0 && before != '-' && !char_is_cjk (before) && !char_is_cjk (after))
    recto_block_append_text (b->doc, block, " ", 1);
}
