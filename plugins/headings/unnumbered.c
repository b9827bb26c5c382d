/* unnumbered.c: see unnumbered.h. */
#include "unnumbered.h"

#include <math.h>
#include <string.h>

#include "heading-text.h"
#include "lost-numbers.h"

/* How much larger than the body a short block without a number and not bold must be to be a
 * heading. */
#define UNNUMBERED_SIZE_RATIO 1.2f

/* Whether @text is a label and its short value ("单位：万元", "Date: 2021"), as tables and forms
 * set in bold above or beside them. */
static gboolean
is_label_line (const char *text)
{
  const char *colon = strstr (text, "：");
  const char *after;

  if (colon != NULL)
    after = colon + strlen ("：");
  else if ((colon = strchr (text, ':')) != NULL)
    after = colon + 1;
  else
    return FALSE;
  return g_utf8_strlen (after, -1) <= 6;
}

/* Whether @block is a short line of words that opens with a heading's number ("１ 総括"). */
static gboolean
is_numbered_title (const RectoBlock *block)
{
  g_autofree char *text = NULL;
  gsize length;

  if (block->kind != RECTO_BLOCK_P || heading_n_lines (block) > 2)
    return FALSE;
  text = g_strstrip (recto_block_get_text (block));
  return heading_numbered_words (text, &length) && !g_str_has_suffix (text, "。");
}

/* Whether @block, larger than the body and neither bold nor numbered, is a heading by its size:
 * words (not figures), no larger than the largest numbered heading set apart by its size
 * (@numbered: a title or a cover's line is larger than the headings), and heading what follows
 * it: @next, the block after it on its page, is set smaller (lines of a cover or a title page,
 * large one after the other, head nothing). Or it heads the first numbered heading under it,
 * set in its type, as much larger than the body as a numbered heading must be (@size_ratio):
 * "歳入歳出予算事項別明細書" over "１ 総括". */
static gboolean
heads_smaller_text (const RectoBlock *block, const char *text, const RectoBlock *next, float body,
                    float numbered, double size_ratio)
{
  const RectoSourceRef *end, *start;
  gboolean over_numbered = next != NULL && next->size > 0 && next->font == block->font
                           && fabsf (next->size - block->size) <= 0.02f * block->size
                           && block->size >= body * size_ratio && is_numbered_title (next);

  if ((block->size < body * UNNUMBERED_SIZE_RATIO && !over_numbered)
      || block->size > numbered * 1.02f || !heading_mostly_words (text)
      || heading_n_lines (block) > 2 || next == NULL || next->size <= 0
      || (next->size > 0.9f * block->size && !over_numbered) || block->sources == NULL
      || next->sources == NULL || next->sources->len == 0)
    return FALSE;
  end = &g_array_index (block->sources, RectoSourceRef, block->sources->len - 1);
  start = &g_array_index (next->sources, RectoSourceRef, 0);
  return start->page == end->page;
}

/* Whether @block, set smaller than the body, heads smaller text still: @next, the block after
 * it on its page, is text set smaller than the body (two lines at least, not a chart's lone
 * label), and @block a fifth larger than @next (a report's sidebar sets "相关研究报告" at 9
 * points over its 6-point links, beside 10-point text). */
static gboolean
heads_small_text (const RectoBlock *block, const char *text, const RectoBlock *next, float body)
{
  const RectoSourceRef *end, *start;

  if (next == NULL || next->kind != RECTO_BLOCK_P || next->size <= 0 || block->size >= body
      || next->size > 0.9f * body || block->size < UNNUMBERED_SIZE_RATIO * next->size
      || !heading_mostly_words (text) || heading_n_lines (block) > 1 || heading_n_lines (next) < 2
      || block->sources == NULL || next->sources == NULL || next->sources->len == 0)
    return FALSE;
  end = &g_array_index (block->sources, RectoSourceRef, block->sources->len - 1);
  start = &g_array_index (next->sources, RectoSourceRef, 0);
  return start->page == end->page;
}

/* Whether @block is one line set in italics at the body's size (@body) over a paragraph in
 * upright type of that size (@next, two lines at least, on the same page): a heading told by
 * its face alone, as a handbook sets "Boots Self-Locking Nut" in italics over its section's
 * text. (An italic phrase inside a paragraph is no block of its own; a caption, a sentence or a
 * label the caller rules out.) */
static gboolean
italic_over_text (const RectoBlock *block, const char *text, const RectoBlock *next, float body)
{
  const RectoSourceRef *end, *start;

  if ((block->flags & RECTO_FONT_ITALIC) == 0 || heading_n_lines (block) != 1
      || fabsf (block->size - body) > 0.05f * body || !heading_mostly_words (text) || next == NULL
      || next->kind != RECTO_BLOCK_P || (next->flags & RECTO_FONT_ITALIC) != 0
      || fabsf (next->size - block->size) > 0.05f * block->size || heading_n_lines (next) < 2
      || block->sources == NULL || next->sources == NULL || next->sources->len == 0)
    return FALSE;
  end = &g_array_index (block->sources, RectoSourceRef, block->sources->len - 1);
  start = &g_array_index (next->sources, RectoSourceRef, 0);
  return start->page == end->page;
}

gboolean
unnumbered_heading (const RectoBlock *block, const RectoBlock *next, float body, float numbered,
                    double size_ratio, guint max_lines, const HeadingTypes *types,
                    InkWeight *weight)
{
  g_autofree char *text = NULL;
  const char *last;
  gboolean small;

  if (block->kind != RECTO_BLOCK_P || block->size <= 0
      || heading_n_lines (block) > MIN (max_lines, 3))
    return FALSE;
  text = recto_block_get_text (block);
  g_strstrip (text);
  small = block->size < body * 0.95f;
  if (small && !heads_small_text (block, text, next, body))
    return FALSE;
  last = g_utf8_find_prev_char (text, text + strlen (text));
  /* A line that starts in lower case or ends in a hyphen or comma is a sentence going on (a
   * phrase in bold inside a paragraph). */
  if (last == NULL || heading_is_stop (g_utf8_get_char (last)) || g_utf8_strlen (text, -1) > 120
      || g_unichar_islower (g_utf8_get_char (text)) || *last == '-' || *last == ',')
    return FALSE;
  return !heading_is_caption (text) && !is_label_line (text) && !heading_is_form_line (text)
         && (small || block->all_bold || heading_types_holds (types, block)
             || heading_is_bracket_label (text)
             || heads_smaller_text (block, text, next, body, numbered, size_ratio)
             || italic_over_text (block, text, next, body)
             || ink_weight_is_heavier (weight, block));
}

/* The type a heading is set in, for telling the levels of headings without a number. */
static int
style_key (const RectoBlock *head)
{
  return (int) (head->size * 4 + 0.5f) * 2 + ((head->flags & RECTO_FONT_ITALIC) == 0);
}

/* Gives each heading without a number (@unnumbered) the level the numbered headings set in the
 * same type have most often, or else one more than the number of heading types set larger (or
 * as large and upright where it is italic). */
void
unnumbered_levels (GPtrArray *heads, GPtrArray *unnumbered)
{
  g_autoptr (GHashTable) level_of = g_hash_table_new (NULL, NULL);
  g_autoptr (GHashTable) keys = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < heads->len; i++)
    {
      const RectoBlock *head = g_ptr_array_index (heads, i);
      int key = style_key (head);
      int known = GPOINTER_TO_INT (g_hash_table_lookup (level_of, GINT_TO_POINTER (key)));
      g_hash_table_add (keys, GINT_TO_POINTER (key));
      if (head->size > 0 && (known == 0 || head->level < known))
        g_hash_table_insert (level_of, GINT_TO_POINTER (key), GINT_TO_POINTER (head->level));
    }
  for (guint i = 0; i < unnumbered->len; i++)
    g_hash_table_add (keys, GINT_TO_POINTER (style_key (g_ptr_array_index (unnumbered, i))));
  for (guint i = 0; i < unnumbered->len; i++)
    {
      RectoBlock *head = g_ptr_array_index (unnumbered, i);
      int key = style_key (head);
      int level = GPOINTER_TO_INT (g_hash_table_lookup (level_of, GINT_TO_POINTER (key)));
      GHashTableIter iter;
      gpointer other;

      if (level == 0)
        {
          level = 1;
          g_hash_table_iter_init (&iter, keys);
          while (g_hash_table_iter_next (&iter, &other, NULL))
            level += GPOINTER_TO_INT (other) > key;
        }
      head->level = level;
    }
}

float
unnumbered_size_cap (BodyWindow *window, float body, double size_ratio)
{
  const RectoBlock *block;
  float largest = 0;

  for (guint i = 0; (block = body_window_peek (window, i)) != NULL; i++)
    {
      g_autofree char *text = NULL;
      RectoNumbering numbering;
      gsize length;

      if (block->kind != RECTO_BLOCK_P || block->size <= largest || block->size <= body * size_ratio
          || heading_n_lines (block) > 2)
        continue;
      text = recto_block_get_text (block);
      numbering = recto_numbering_match (text, &length);
      if (numbering != RECTO_NUMBERING_NONE && numbering != RECTO_NUMBERING_LETTER
          && numbering != RECTO_NUMBERING_BULLET && heading_mostly_words (text + length))
        largest = block->size;
    }
  return largest;
}

/* Whether the label @n opens its scheme: its last number ("１", "2.1", "（一）") is one. */
static gboolean
opens_scheme (const char *n)
{
  int last = -1;

  for (const char *c = n; c != NULL && *c != '\0'; c = g_utf8_next_char (c))
    {
      int digit = g_unichar_digit_value (g_utf8_get_char (c));
      if (digit >= 0)
        last = (last > 0 && g_unichar_digit_value (g_utf8_get_char (g_utf8_prev_char (c))) >= 0
                    ? last * 10
                    : 0)
               + digit;
    }
  return last >= 0 ? last == 1 : heading_label_value (n) == 1;
}

/* The block after @body's child @at that is not page furniture, a page break, a note or a gap,
 * or NULL. */
static RectoBlock *
next_in_text (RectoBlock *body, guint at)
{
  for (guint i = at + 1; i < recto_block_get_n_children (body); i++)
    {
      RectoBlock *block = recto_block_get_child (body, i);
      if (block->kind != RECTO_BLOCK_PB && block->kind != RECTO_BLOCK_FW
          && block->kind != RECTO_BLOCK_NOTE && block->kind != RECTO_BLOCK_GAP)
        return block;
    }
  return NULL;
}

/* The numbered heading that @body's child @at, a heading without a number (in @unnumbered),
 * stands right over with nothing between, the first of its scheme ("歳入歳出予算事項別明細書"
 * over "１ 総括"), set no higher than it, when the level above that heading's is below that of
 * the numbered heading before (@above: its level, -1 when there is none); or NULL. */
static RectoBlock *
first_numbered_under (RectoBlock *body, guint at, GHashTable *unnumbered, int above)
{
  RectoBlock *head = recto_block_get_child (body, at), *next;

  if (head->kind != RECTO_BLOCK_HEAD || !g_hash_table_contains (unnumbered, head)
      || (next = next_in_text (body, at)) == NULL || next->kind != RECTO_BLOCK_HEAD
      || next->n == NULL || !opens_scheme (next->n) || head->level < next->level
      || next->level - 1 <= above)
    return NULL;
  return next;
}

void
unnumbered_parents (RectoBlock *body, GPtrArray *unnumbered)
{
  g_autoptr (GHashTable) set = g_hash_table_new (NULL, NULL);
  g_autoptr (GPtrArray) parents = g_ptr_array_new ();
  g_autoptr (GPtrArray) firsts = g_ptr_array_new ();
  gboolean top = FALSE;
  int above = -1;

  for (guint i = 0; i < unnumbered->len; i++)
    g_hash_table_add (set, g_ptr_array_index (unnumbered, i));
  for (guint i = 0; i < recto_block_get_n_children (body); i++)
    {
      RectoBlock *block = recto_block_get_child (body, i);
      RectoBlock *first = first_numbered_under (body, i, set, above);
      if (block->kind == RECTO_BLOCK_HEAD && block->n != NULL)
        above = block->level;
      if (first == NULL)
        continue;
      g_ptr_array_add (parents, block);
      g_ptr_array_add (firsts, first);
      top = top || first->level <= 1;
    }
  /* Under a parent over the top scheme every heading goes one level down. */
  for (guint i = 0; top && i < recto_block_get_n_children (body); i++)
    {
      RectoBlock *block = recto_block_get_child (body, i);
      if (block->kind == RECTO_BLOCK_HEAD && block->level > 0)
        block->level++;
    }
  for (guint i = 0; i < parents->len; i++)
    {
      RectoBlock *parent = g_ptr_array_index (parents, i);
      parent->level = ((RectoBlock *) g_ptr_array_index (firsts, i))->level - 1;
    }
}
