/* text-titles.c: the titles of a text without typography (a plain-text source), told by their
 * words and what follows them: a line that could name a report and is followed by the first
 * heading of a scheme; its running head (a line that repeats it); and its lines wrapped apart,
 * spelt out by that running head or ended by a subtitle. */
#include "text-titles.h"

#include <string.h>

#include "titles.h"

/* Whether @text begins with @prefix (@whole: is @prefix), ASCII white space aside. */
static gboolean
starts_but_spaces (const char *text, const char *prefix, gboolean whole)
{
  for (;; text++, prefix++)
    {
      while (g_ascii_isspace (*text))
        text++;
      while (g_ascii_isspace (*prefix))
        prefix++;
      if (*prefix == '\0')
        return !whole || *text == '\0';
      if (*text != *prefix)
        return FALSE;
    }
}

/* Whether @a and @b are the same text, ASCII white space aside. */
gboolean
text_titles_equal_but_spaces (const char *a, const char *b)
{
  return starts_but_spaces (a, b, TRUE);
}

/* Lines a title may run to in a text without typography (a paper's long title wraps). */
#define MAX_TEXT_TITLE_LINES 3
#define MAX_TEXT_TITLE_CHARS 60

/* A line that could name a report: letters, no digits, no sentence punctuation, no bracketed
 * label ("【摘要】"). */
static gboolean
looks_like_title_line (const RectoBlock *block, const char *text)
{
  guint letters = 0;

  if (block->kind != RECTO_BLOCK_P || block->sources == NULL
      || block->sources->len > MAX_TEXT_TITLE_LINES || g_str_has_prefix (text, "【")
      || *text == '[')
    return FALSE;
  for (const char *c = text; *c != '\0'; c = g_utf8_next_char (c))
    {
      gunichar u = g_utf8_get_char (c);
      if (g_unichar_isdigit (u) || (u < 0x80 && strchr (",.;:!?", (int) u) != NULL)
          || u == 0x3002 /* 。 */ || u == 0xFF0C || u == 0xFF1B || u == 0xFF1A || u == 0xFF01
          || u == 0xFF1F)
        return FALSE;
      letters += g_unichar_isalpha (u);
    }
  return letters >= 2 && g_utf8_strlen (text, -1) <= MAX_TEXT_TITLE_CHARS;
}

/* How wide @text is set, in half-ems: a wide (CJK) character takes two. */
static guint
text_width (const char *text)
{
  guint width = 0;

  for (const char *c = text; *c != '\0'; c = g_utf8_next_char (c))
    width += g_unichar_iswide (g_utf8_get_char (c)) ? 2 : 1;
  return width;
}

/* Whether @text, the line of @blocks[at] in a text without typography, is the wrapped end of
 * the paragraph line straight before it (a caption's, a heading's the heading stage left
 * apart): a line wraps when it is full, so that line is wider than @text, and it ends no
 * sentence or clause. */
static gboolean
ends_line_before (const GPtrArray *blocks, guint at, const char *text)
{
  const RectoBlock *previous = at > 0 ? g_ptr_array_index (blocks, at - 1) : NULL;
  g_autofree char *line = NULL;
  gunichar last;

  if (previous == NULL || previous->kind != RECTO_BLOCK_P || previous->size > 0
      || previous->sources == NULL || previous->sources->len != 1)
    return FALSE;
  line = g_strstrip (recto_block_get_text (previous));
  if (*line == '\0')
    return FALSE;
  last = g_utf8_get_char (g_utf8_find_prev_char (line, line + strlen (line)));
  if ((last < 0x80 && strchr (".;:!?", (int) last) != NULL) || last == 0x3002 /* 。 */
      || last == 0xFF1B || last == 0xFF1A || last == 0xFF01 || last == 0xFF1F)
    return FALSE;
  return text_width (line) > text_width (text);
}

/* Whether the heading label @n is the @nth (1 or 2) of its scheme ("一、", "（一）", "1",
 * "第一章"; "二、", "（2）"). */
static gboolean
numbers (const char *n, guint nth)
{
  static const gunichar cjk[] = { 0x4E00 /* 一 */, 0x4E8C /* 二 */ };
  g_autoptr (GString) number = g_string_new (NULL);
  char digit[] = { (char) ('0' + nth), '\0' };
  char own[8] = { 0 };

  for (const char *c = n; c != NULL && *c != '\0'; c = g_utf8_next_char (c))
    {
      gunichar u = g_utf8_get_char (c);
      if (g_unichar_isdigit (u) || u == cjk[0] || u == cjk[1])
        g_string_append_unichar (number, u);
      else if (u == '.' || (g_unichar_isalpha (u) && u >= 0x80))
        break; /* "1.2" is not a first number; 第一章's 章 ends it too */
    }
  g_unichar_to_utf8 (cjk[nth - 1], own);
  return g_str_equal (number->str, digit) || g_str_equal (number->str, own);
}

static gboolean
opens_scheme (const char *n)
{
  return numbers (n, 1);
}

/* Whether the heading before @blocks[@at] of @level or a higher one is the first of @level. */
static gboolean
follows_first (const GPtrArray *blocks, guint at, int level)
{
  for (guint i = at; i > 0; i--)
    {
      const RectoBlock *block = g_ptr_array_index (blocks, i - 1);
      if (block->kind == RECTO_BLOCK_HEAD && block->level > 0 && block->level <= level)
        return block->level == level && opens_scheme (block->n);
    }
  return FALSE;
}

/* Whether nothing but what is left of lost sentences (fragments) and page furniture stands
 * between @blocks[@from] and @blocks[@to]. */
static gboolean
only_fragments_between (const GPtrArray *blocks, guint from, guint to)
{
  for (guint i = from + 1; i < to; i++)
    {
      const RectoBlock *block = g_ptr_array_index (blocks, i);
      if (block->kind != RECTO_BLOCK_AB && block->kind != RECTO_BLOCK_FW
          && block->kind != RECTO_BLOCK_PB && block->kind != RECTO_BLOCK_GAP)
        return FALSE;
    }
  return TRUE;
}

/* Whether the heading @blocks[@at], the second of its scheme after the line @blocks[@title],
 * stands before the first: the first heading of a higher level after it on its page opens its
 * scheme, and so does the first of its own level after that, and the heading of its level or a
 * higher one before @title is no first of its level (which it would go on from). An extraction
 * that ran the rows of two columns together, and lost the body's words, sets a heading of the
 * right column ("（二）…") before the left column's lower on the page ("一、…", "（一）…"), with
 * nothing but fragments between it and the title. */
static gboolean
stands_before_first (const GPtrArray *blocks, guint title, guint at)
{
  const RectoBlock *second = g_ptr_array_index (blocks, at);
  gboolean higher = FALSE;

  if (second->level <= 1 || !numbers (second->n, 2) || follows_first (blocks, title, second->level)
      || !only_fragments_between (blocks, title, at))
    return FALSE;
  for (guint i = at + 1; i < blocks->len; i++)
    {
      const RectoBlock *block = g_ptr_array_index (blocks, i);
      if (block->kind == RECTO_BLOCK_PB)
        break;
      if (block->kind != RECTO_BLOCK_HEAD || block->level <= 0)
        continue;
      if (!higher && block->level < second->level)
        {
          if (!opens_scheme (block->n))
            return FALSE;
          higher = TRUE;
        }
      else if (higher && block->level == second->level)
        return opens_scheme (block->n);
    }
  return FALSE;
}

/* Text without typography: a title line opens a report when the next heading after it is the
 * first of its scheme, or when another title line or the end comes before any heading (a report
 * whose headings were all lost), or when that heading is a second one that stands before its
 * page's first (stands_before_first()). */
gboolean
text_titles_is_title (const GPtrArray *blocks, guint at, const char *text)
{
  if (!looks_like_title_line (g_ptr_array_index (blocks, at), text)
      || ends_line_before (blocks, at, text))
    return FALSE;
  for (guint i = at + 1; i < blocks->len; i++)
    {
      const RectoBlock *next = g_ptr_array_index (blocks, i);
      g_autofree char *next_text = NULL;
      if (next->kind == RECTO_BLOCK_HEAD)
        return opens_scheme (next->n) || stands_before_first (blocks, at, i);
      next_text = recto_block_get_text (next);
      if (looks_like_title_line (next, next_text))
        return TRUE;
    }
  return TRUE;
}

/* Whether @block, in a text without typography, is a line with the text of the chapter's title
 * @title again: the running head that repeats it on the chapter's pages. */
gboolean
text_titles_repeat (const RectoBlock *block, const char *title)
{
  g_autofree char *text = NULL;

  if (block->kind != RECTO_BLOCK_P || block->size > 0 || title == NULL || block->sources == NULL
      || block->sources->len != 1)
    return FALSE;
  text = recto_block_get_text (block);
  return text_titles_equal_but_spaces (text, title);
}

/* In a text without typography, a chapter's first page may open with its running head, the
 * title, over the title itself wrapped onto lines, which the paragraph stage joined to the head
 * above. When the first line of @blocks[at] is spelt out again by the rest of the block and
 * the @wrapped blocks after it, returns the line's length in bytes (0 otherwise). */
gsize
text_titles_running_head (const GPtrArray *blocks, guint at, guint *wrapped)
{
  const RectoBlock *block = g_ptr_array_index (blocks, at);
  const RectoBlock *first =
      recto_block_get_n_children (block) > 0 ? recto_block_get_child (block, 0) : NULL;
  const RectoLine *line;
  g_autofree char *head = NULL;
  g_autoptr (GString) title = NULL;
  gsize length;

  if (block->kind != RECTO_BLOCK_P || block->size > 0 || block->sources == NULL
      || block->sources->len < 2 || first == NULL || first->kind != RECTO_BLOCK_TEXT)
    return 0;
  line = g_array_index (block->sources, RectoSourceRef, 0).line;
  if (line == NULL)
    return 0;
  head = g_strstrip (g_strdup (line->text));
  length = strlen (head);
  if (length == 0 || !g_str_has_prefix (first->text, head) || first->text[length] == '\0')
    return 0;
  title = g_string_new (first->text + length);
  for (*wrapped = 0; !text_titles_equal_but_spaces (title->str, head); ++*wrapped)
    {
      const RectoBlock *next =
          at + 1 + *wrapped < blocks->len ? g_ptr_array_index (blocks, at + 1 + *wrapped) : NULL;
      g_autofree char *text = NULL;
      if (next == NULL || next->kind != RECTO_BLOCK_P || title->len >= length)
        return 0;
      text = recto_block_get_text (next);
      g_string_append (title, text);
    }
  return length;
}

/* The text of a paragraph, or of a running head (which recto_block_get_text() leaves out). */
static char *
line_text (const RectoBlock *block)
{
  GString *text;

  if (block->kind != RECTO_BLOCK_FW)
    return recto_block_get_text (block);
  text = g_string_new (NULL);
  for (guint i = 0; i < recto_block_get_n_children (block); i++)
    {
      const RectoBlock *child = recto_block_get_child (block, i);
      if (child->kind == RECTO_BLOCK_TEXT)
        g_string_append (text, child->text);
    }
  return g_string_free (text, FALSE);
}

/* In a text without typography, a title wrapped onto lines that stand apart is spelt out
 * whole by its running head, the first line on the next pages that begins with it. Returns
 * how many blocks after the title @blocks[at] complete it so (0 when they do not). */
guint
text_titles_wrapped (const GPtrArray *blocks, guint at, const char *title)
{
  guint pages = 0;

  for (guint j = at + 1; j < blocks->len && pages <= 2; j++)
    {
      const RectoBlock *block = g_ptr_array_index (blocks, j);
      g_autofree char *head = NULL;
      g_autoptr (GString) joined = NULL;

      pages += block->kind == RECTO_BLOCK_PB;
      if ((block->kind != RECTO_BLOCK_P && block->kind != RECTO_BLOCK_FW) || block->sources == NULL
          || block->sources->len != 1)
        continue;
      head = line_text (block);
      if (!starts_but_spaces (head, title, FALSE) || text_titles_equal_but_spaces (head, title))
        continue;
      joined = g_string_new (title);
      for (guint k = 1; at + k < j && k < MAX_TEXT_TITLE_LINES; k++)
        {
          const RectoBlock *next = g_ptr_array_index (blocks, at + k);
          g_autofree char *text = NULL;
          if (next->kind != RECTO_BLOCK_P)
            return 0;
          text = recto_block_get_text (next);
          g_string_append (joined, text);
          if (text_titles_equal_but_spaces (head, joined->str))
            return k;
          if (!starts_but_spaces (head, joined->str, FALSE))
            return 0;
        }
      return 0;
    }
  return 0;
}

/* In a text without typography, a title wrapped onto lines that stand apart is told by its
 * subtitle: under a title comes its subtitle, then its byline, never the other way round, so
 * the title-like single lines between the title @blocks[at] (its text @title) and a subtitle
 * are the title's. Returns how many blocks after the title complete it so (0 when no subtitle
 * follows). */
guint
text_titles_before_subtitle (const GPtrArray *blocks, guint at, const char *title)
{
  for (guint k = 1; k <= MAX_TEXT_TITLE_LINES && at + k < blocks->len; k++)
    {
      const RectoBlock *next = g_ptr_array_index (blocks, at + k);
      g_autofree char *text = NULL;
      if (next->kind != RECTO_BLOCK_P || next->size > 0 || next->sources == NULL
          || next->sources->len != 1)
        return 0;
      if (titles_opens_with_dash (next))
        return k - 1;
      text = recto_block_get_text (next);
      /* The title again is the title under its running head, not a wrapped line. */
      if (!looks_like_title_line (next, text) || text_titles_equal_but_spaces (text, title))
        return 0;
    }
  return 0;
}
