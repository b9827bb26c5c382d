/* text-tails.c: see text-tails.h. */
#include "text-tails.h"

#include <string.h>

#include "numbered-heads.h"

/* A CJK paragraph's, and heading's, first line is set in by two characters, which an extraction
 * leaves out: two wide characters, in half-ems. */
#define INDENT_WIDTH 4
/* The most lines a heading's wrapped rest may hold. */
#define MAX_REST_LINES 2
/* How far from the heading the lines that give its page's measure are looked for, in blocks
 * each way (a page's end bounds them first; this bounds the work in a text without pages). */
#define MAX_NEIGHBOURS 64
/* The most lines of numbers (the other column's rows) between a heading and its rest. */
#define MAX_NUMBER_LINES 2

/* How wide @c is set, in half-ems: a wide (CJK) character takes two, and so do characters of
 * ambiguous width (“ ” …), which an extraction of CJK text counts among the wide ones. */
static guint
char_width (gunichar c)
{
  return g_unichar_iswide_cjk (c) ? 2 : 1;
}

/* How wide @text is set, in half-ems, white space left out (an extraction's indents). */
static guint
text_width (const char *text)
{
  guint width = 0;

  for (const char *c = text; *c != '\0'; c = g_utf8_next_char (c))
    if (!g_unichar_isspace (g_utf8_get_char (c)))
      width += char_width (g_utf8_get_char (c));
  return width;
}

/* The width of what @text starts with that a line may not be broken in: its first character
 * with the punctuation that may not start a line after it ("化，"). */
static guint
first_unit_width (const char *text)
{
  const char *c = text;
  guint width;

  while (*c != '\0' && g_unichar_isspace (g_utf8_get_char (c)))
    c = g_utf8_next_char (c);
  if (*c == '\0')
    return 0;
  width = char_width (g_utf8_get_char (c));
  for (c = g_utf8_next_char (c);
       *c != '\0' && g_unichar_ispunct (g_utf8_get_char (c))
       && g_unichar_type (g_utf8_get_char (c)) != G_UNICODE_OPEN_PUNCTUATION
       && g_unichar_type (g_utf8_get_char (c)) != G_UNICODE_INITIAL_PUNCTUATION;
       c = g_utf8_next_char (c))
    width += char_width (g_utf8_get_char (c));
  return width;
}

/* Whether @text is words: CJK, no digits (numbers orphaned by lost text are no heading's, and
 * a line that mixes them with words ran the rows of two columns together). */
static gboolean
is_words (const char *text)
{
  gboolean wide = FALSE;

  for (const char *c = text; *c != '\0'; c = g_utf8_next_char (c))
    {
      gunichar u = g_utf8_get_char (c);
      if (g_unichar_isdigit (u))
        return FALSE;
      wide |= g_unichar_iswide (u);
    }
  return wide;
}

/* Whether @text reads as the rest of a heading's words: words without a number of its own, and
 * without a gap of spaces inside (where a layout extraction sets two columns side by side). */
static gboolean
reads_as_rest (const char *text)
{
  gsize length;

  return is_words (text) && recto_numbering_match (text, &length) == RECTO_NUMBERING_NONE
         && strstr (text, "  ") == NULL;
}

/* The text of @block's line @i, or NULL for a block not built from lines. */
static const char *
line_text (const RectoBlock *block, guint i)
{
  const RectoSourceRef *ref = &g_array_index (block->sources, RectoSourceRef, i);
  return ref->line != NULL ? ref->line->text : NULL;
}

/* The widest line of words (is_words()) of @block, or 0. */
static guint
widest_line_of_words (const RectoBlock *block)
{
  guint widest = 0;

  if (block->kind != RECTO_BLOCK_P && block->kind != RECTO_BLOCK_HEAD)
    return 0;
  for (guint i = 0; block->sources != NULL && i < block->sources->len; i++)
    {
      const char *text = line_text (block, i);
      if (text != NULL && is_words (text))
        widest = MAX (widest, text_width (text));
    }
  return widest;
}

static RectoBlock *
block_at (RectoBlock *body, BodyWindow *window, guint i)
{
  if (window != NULL)
    return body_window_peek (window, i);
  return i < recto_block_get_n_children (body) ? recto_block_get_child (body, i) : NULL;
}

/* The measure of the page around the heading at @index and its rest after it: the widest line
 * of words among the other blocks of that page near them, or 0. */
static guint
page_measure (RectoBlock *body, BodyWindow *window, guint index)
{
  guint widest = 0;
  RectoBlock *block;

  for (guint i = index;
       i > 0 && i + MAX_NEIGHBOURS > index && (block = block_at (body, window, i - 1)) != NULL
       && block->kind != RECTO_BLOCK_PB;
       i--)
    widest = MAX (widest, widest_line_of_words (block));
  for (guint i = index + 2;
       i < index + MAX_NEIGHBOURS && (block = block_at (body, window, i)) != NULL
       && block->kind != RECTO_BLOCK_PB;
       i++)
    widest = MAX (widest, widest_line_of_words (block));
  return widest;
}

/* Whether @rest, every line no wider than @last (the heading's last line's width) with an
 * indent, follows a full last line: one the page's @measure would not have held with the rest's
 * first word, and no wider than the measure (with an indent): a line much wider than the page's
 * others is not wrapped at their measure. The rest's own last line is short, or closes the
 * heading, unless the rest stands @alone among lines of numbers, where no paragraph's line of
 * words is. */
static gboolean
follows_full_line (const RectoBlock *rest, guint last, guint measure, gboolean alone)
{
  const char *end = line_text (rest, rest->sources->len - 1);

  if (rest->sources->len > MAX_REST_LINES || last > measure + INDENT_WIDTH)
    return FALSE;
  for (guint i = 0; i < rest->sources->len; i++)
    if (line_text (rest, i) == NULL || text_width (line_text (rest, i)) > last + INDENT_WIDTH)
      return FALSE;
  /* A last line as full that ends no sentence would go on: that is a paragraph's line (of the
   * column beside, where an extraction ran the columns' rows together). */
  if (!alone && text_width (end) + INDENT_WIDTH >= measure && !g_str_has_suffix (end, "。"))
    return FALSE;
  return last + INDENT_WIDTH + first_unit_width (line_text (rest, 0)) > measure;
}

/* Whether @rest is a scrap of a line: one line no wider than the heading's last line, @last wide
 * (a wrapped text's last line is no wider than the lines it wrapped from), at most a third of
 * the page's @measure, that ends no sentence. A line that short after a heading that did not fill
 * its line is its wrapped end where the line widths of an extraction say little (the seed's
 * heading "…聚民智暖" + "人心"; a table's narrow cell, "（五）不" + "予处理"), and not a
 * paragraph's line, which fills more of the measure. (A third: the 8 characters a fixed rule
 * allowed here before, of the seed's lines of 25.) */
static gboolean
is_scrap (const RectoBlock *rest, const char *text, guint last, guint measure)
{
  guint width = text_width (text);

  return rest->sources->len == 1 && width <= last && width * 3 <= measure
         && !g_str_has_suffix (text, "。");
}

/* Moves @rest's text and sources onto the end of @head, and takes @rest out of the body. */
static void
join_rest (RectoBlock *head, RectoBlock *rest)
{
  while (recto_block_get_n_children (rest) > 0)
    recto_block_insert (head, recto_block_get_child (rest, 0), -1);
  for (guint i = 0; i < rest->sources->len; i++)
    {
      const RectoSourceRef *ref = &g_array_index (rest->sources, RectoSourceRef, i);
      recto_block_add_source (head, ref->page, ref->has_box ? &ref->box : NULL);
    }
  recto_block_unlink (rest);
}

/* The width of @head's last line, or -1 when @head has no lines of text. */
static int
last_line_width (const RectoBlock *head)
{
  const char *text;

  if (head->sources == NULL || head->sources->len == 0
      || (text = line_text (head, head->sources->len - 1)) == NULL)
    return -1;
  return (int) text_width (text);
}

/* The text of @block when it is a paragraph of a text without typography that reads as the rest
 * of a heading's words (reads_as_rest()), or NULL. */
static char *
rest_text (const RectoBlock *block)
{
  g_autofree char *text = NULL;

  if (block == NULL || block->kind != RECTO_BLOCK_P || block->size > 0 || block->sources == NULL
      || block->sources->len == 0)
    return NULL;
  text = g_strstrip (recto_block_get_text (block));
  return reads_as_rest (text) ? g_steal_pointer (&text) : NULL;
}

/* Whether @first and @second, a line each after a heading whose last line is @last wide, are
 * its rest wrapped over two lines: @first is full at the page's @measure, or sets the measure
 * where the page shows none as wide (a two-column page of a text that lost its body holds few
 * lines of words); the heading's line would not have held @first's first word, nor @first
 * @second's, and @second is short of the measure or closes the heading. @first may be wider
 * than the heading's last line by an indent and that first word: the heading's line, set in,
 * broke before a word that may not be parted from its punctuation ("…主体作" + "用，让…"). */
static gboolean
wraps_over_two (const RectoBlock *first, const RectoBlock *second, guint last, guint measure)
{
  const char *a = line_text (first, 0), *b = line_text (second, 0);
  guint unit, wide;

  if (first->sources->len != 1 || second->sources->len != 1 || a == NULL || b == NULL)
    return FALSE;
  unit = first_unit_width (a);
  wide = text_width (a);
  measure = MAX (measure, wide);
  if (last > measure || last + INDENT_WIDTH + unit <= measure || wide > last + INDENT_WIDTH + unit
      || wide + first_unit_width (b) <= measure)
    return FALSE;
  return text_width (b) + INDENT_WIDTH < measure || g_str_has_suffix (b, "。");
}

gboolean
heading_take_tail (RectoDocument *doc, RectoBlock *body, BodyWindow *window, RectoBlock *head,
                   guint index, RectoNumbering scheme)
{
  RectoBlock *next = block_at (body, window, index + 1), *second;
  g_autofree char *text = rest_text (next);
  g_autofree char *second_text = NULL;
  int last = last_line_width (head);
  guint measure;

  if (text == NULL || last < 0)
    return FALSE;
  measure = page_measure (body, window, index);
  if (follows_full_line (next, (guint) last, measure, FALSE)
      || (is_scrap (next, text, (guint) last, measure)
          && (scheme == RECTO_NUMBERING_NONE
              || !numbered_heading_report_follows (window, index + 2, scheme))))
    join_rest (head, next);
  else if ((second = block_at (body, window, index + 2)) != NULL
           && (second_text = rest_text (second)) != NULL
           && wraps_over_two (next, second, (guint) last, measure))
    {
      join_rest (head, next);
      join_rest (head, second);
    }
  else
    return FALSE;
  recto_block_mark_repair (doc, head, "rejoin-heading", "%u lines", head->sources->len);
  return TRUE;
}

/* Whether @block is a line of a text without typography that holds numbers and no CJK: what an
 * extraction that lost the body font's words left of a sentence. */
static gboolean
is_numbers_line (const RectoBlock *block)
{
  g_autofree char *text = NULL;
  gboolean digit = FALSE;

  if (block->kind != RECTO_BLOCK_P || block->size > 0)
    return FALSE;
  text = recto_block_get_text (block);
  for (const char *c = text; *c != '\0'; c = g_utf8_next_char (c))
    {
      if (g_unichar_iswide (g_utf8_get_char (c)))
        return FALSE;
      digit |= g_ascii_isdigit (*c);
    }
  return digit;
}

/* The index of the first block before the heading at @index that is not a line of numbers,
 * when at most MAX_NUMBER_LINES lines of numbers stand between them; -1 otherwise. */
static int
across_numbers (RectoBlock *body, BodyWindow *window, guint index)
{
  guint between = 0;

  for (guint i = index; i > 0; i--)
    {
      RectoBlock *block = block_at (body, window, i - 1);
      if (!is_numbers_line (block))
        return (int) i - 1;
      if (++between > MAX_NUMBER_LINES)
        return -1;
    }
  return -1;
}

gboolean
heading_take_rest_before (RectoDocument *doc, RectoBlock *body, BodyWindow *window,
                          RectoBlock *head, guint index)
{
  int at = across_numbers (body, window, index);
  int last = last_line_width (head);
  g_autofree char *text = NULL;
  RectoBlock *rest;

  /* A line of numbers before it too: the line stands among the other column's rows, not at a
   * page's top nor after lines of words it could belong to. */
  if (at <= 0 || last < 0 || !is_numbers_line (block_at (body, window, (guint) at - 1)))
    return FALSE;
  rest = block_at (body, window, (guint) at);
  text = rest_text (rest);
  if (text == NULL
      || !follows_full_line (rest, (guint) last, page_measure (body, window, index), TRUE))
    return FALSE;
  join_rest (head, rest);
  recto_block_mark_repair (doc, head, "rejoin-heading",
                           "its rest stood before it, across lines of numbers");
  return TRUE;
}
