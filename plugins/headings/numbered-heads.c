/* numbered-heads.c: the numbered headings set apart from the body: which blocks they are, and
 * what the stage checks around one (a running head that repeats it, a number set apart from its
 * title, numbers left on its line by a lost sentence, a report that begins after it). */
#include "numbered-heads.h"

#include <string.h>

#include "heading-text.h"
#include "ink-weight.h"
#include "lost-numbers.h"

/* How much smaller than the body text, as a share of its size, a block is set that is smaller
 * (type sizes of one font read from two PDFs' matrices differ by a few hundredths). */
#define SMALLER_THAN_TEXT 0.9f

/* The numbering scheme of @block if it looks like a heading, or RECTO_NUMBERING_NONE. */
RectoNumbering
numbered_heading_scheme (const RectoBlock *block, float body, const char *body_font,
                         gboolean cjk_text, const HeadingsConfig *config, InkWeight *weight,
                         char **label)
{
  g_autofree char *text = NULL;
  gboolean set_apart;
  gsize length;
  RectoNumbering numbering;

  if (block->kind != RECTO_BLOCK_P || heading_n_lines (block) > (guint) config->max_lines)
    return RECTO_NUMBERING_NONE;
  /* Without typography (plain-text sources) the numbering alone decides. A face of its own
   * sets apart no block set smaller than the text: a chart's labels ("20 SAC") are in one. */
  set_apart = block->size <= 0 || block->all_bold || block->size > body * config->size_ratio
              || (block->font != NULL && body_font != NULL && block->font != body_font
                  && block->size >= body * SMALLER_THAN_TEXT);
  text = recto_block_get_text (block);
  numbering = recto_numbering_match (text, &length);
  /* Letters and bullets mark list items, never headings. */
  if (numbering == RECTO_NUMBERING_LETTER || numbering == RECTO_NUMBERING_BULLET)
    return RECTO_NUMBERING_NONE;
  /* Without typography, a line of figures ("158 X315", what survives of a lost sentence) is no
   * heading: a heading's words outnumber its digits. */
  if (block->size <= 0 && numbering != RECTO_NUMBERING_NONE
      && !heading_mostly_words (text + length))
    return RECTO_NUMBERING_NONE;
  /* Nor, in a text of Chinese, Japanese or Korean, a line with none of its characters ("355
   * CGTN 37"): the runs in a Latin font a lost sentence left (every heading of the seed-like
   * volumes' truth has them). */
  if (block->size <= 0 && cjk_text && numbering != RECTO_NUMBERING_NONE
      && !heading_has_cjk (text + length))
    return RECTO_NUMBERING_NONE;
  /* A decimal number before a sentence ("4.1.1 客户应配置……。") numbers a clause of a standard
   * or a specification, not a heading (公文 headings "（一）加强组织领导。" do end in 。). */
  if ((numbering == RECTO_NUMBERING_DECIMAL_1 || numbering == RECTO_NUMBERING_DECIMAL_2
       || numbering == RECTO_NUMBERING_DECIMAL_3 || numbering == RECTO_NUMBERING_DECIMAL_4)
      && g_str_has_suffix (g_strchomp (text), "。"))
    return RECTO_NUMBERING_NONE;
  /* The weight a stroked outline gives the body's face is seen on the page only: looked at
   * last, for a numbered block alone. */
  if (numbering == RECTO_NUMBERING_NONE || !(set_apart || ink_weight_is_heavier (weight, block)))
    return RECTO_NUMBERING_NONE;
  if (numbering != RECTO_NUMBERING_NONE)
    *label = g_strndup (text, length);
  return numbering;
}

/* In a heading of a text without typography, the offset of what follows its last CJK text (a
 * CJK character, or a closing quote or bracket after one) when that holds digits and no CJK:
 * numbers whose sentence was lost, left on the heading's line. 0 when there is none. */
gsize
numbered_heading_residue (const RectoBlock *block)
{
  const RectoBlock *first;
  const char *end = NULL;
  gboolean digits = FALSE;

  if (block->size > 0 || recto_block_get_n_children (block) == 0)
    return 0;
  first = recto_block_get_child (block, 0);
  if (first->kind != RECTO_BLOCK_TEXT)
    return 0;
  for (const char *c = first->text; *c != '\0'; c = g_utf8_next_char (c))
    {
      gunichar u = g_utf8_get_char (c);
      GUnicodeType type = g_unichar_type (u);
      if (g_unichar_iswide (u)
          || (end != NULL && end == c
              && (type == G_UNICODE_CLOSE_PUNCTUATION || type == G_UNICODE_FINAL_PUNCTUATION)))
        {
          end = g_utf8_next_char (c);
          digits = FALSE;
        }
      else
        digits = digits || g_ascii_isdigit (*c);
    }
  return end != NULL && digits ? (gsize) (end - first->text) : 0;
}

/* Whether the block at @at of @body opens its page and repeats @last, the last heading of its
 * scheme, white space aside: a running head that repeats the chapter's heading ("第 1 章 …"),
 * which the furniture stage left in the body. */
gboolean
numbered_heading_repeats (RectoBlock *body, guint at, const char *last)
{
  g_autofree char *text = NULL;
  guint i = at;

  if (last == NULL)
    return FALSE;
  while (i > 0
         && (recto_block_get_child (body, i - 1)->kind == RECTO_BLOCK_FW
             || recto_block_get_child (body, i - 1)->kind == RECTO_BLOCK_NOTE))
    i--;
  if (i == 0 || recto_block_get_child (body, i - 1)->kind != RECTO_BLOCK_PB)
    return FALSE;
  text = heading_without_spaces (recto_block_get_child (body, at));
  return g_str_equal (text, last);
}

/* Whether @head, nothing but its number (@label: "第1章" set in a box of its own), has its
 * title in @next: a short block set apart, on the same page, within three of the number's
 * sizes below it, with no number of its own. */
gboolean
numbered_heading_takes_title (const RectoBlock *head, const char *label, const RectoBlock *next,
                              float body, const HeadingsConfig *config)
{
  g_autofree char *text = recto_block_get_text (head);
  g_autofree char *title = NULL;
  const RectoSourceRef *a, *b;
  gsize length;

  if (next == NULL || next->kind != RECTO_BLOCK_P || heading_n_lines (next) > 2 || head->size <= 0
      || strlen (g_strstrip (text)) > strlen (label) || head->sources == NULL
      || next->sources == NULL
      || !(next->all_bold || next->size > body * config->size_ratio || next->font == head->font))
    return FALSE;
  a = &g_array_index (head->sources, RectoSourceRef, head->sources->len - 1);
  b = &g_array_index (next->sources, RectoSourceRef, 0);
  if (a->page != b->page || !a->has_box || !b->has_box || b->box.y1 < a->box.y1
      || b->box.y1 - a->box.y2 > 3 * head->size)
    return FALSE;
  title = recto_block_get_text (next);
  return recto_numbering_match (title, &length) == RECTO_NUMBERING_NONE;
}

/* In a text without typography, whether the next numbered heading from @from on is the first
 * of a scheme as high as @scheme or higher ("一、" after "二、…"): a new report begins before
 * it, and a short line just after a heading of @scheme may be that report's title. */
gboolean
numbered_heading_report_follows (BodyWindow *window, guint from, RectoNumbering scheme)
{
  const RectoBlock *block;

  for (guint i = from; (block = body_window_peek (window, i)) != NULL; i++)
    {
      g_autofree char *text = NULL;
      g_autofree char *label = NULL;
      RectoNumbering numbering;
      gsize length;

      if (block->kind != RECTO_BLOCK_P && block->kind != RECTO_BLOCK_HEAD)
        continue;
      text = recto_block_get_text (block);
      numbering = recto_numbering_match (text, &length);
      if (numbering == RECTO_NUMBERING_NONE || numbering == RECTO_NUMBERING_LETTER
          || numbering == RECTO_NUMBERING_BULLET || !heading_mostly_words (text + length))
        continue;
      label = g_strndup (text, length);
      return numbering <= scheme && heading_label_value (label) == 1;
    }
  return FALSE;
}
