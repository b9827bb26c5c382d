/* stray-numbers.c: see stray-numbers.h. */
#include "stray-numbers.h"

#include <string.h>

#include "heading-text.h"

/* A run of number tokens at @at in a block's text, @length bytes, on a line of page @page. */
typedef struct
{
  gsize at, length;
  guint page;
} NumberRun;

/* The length of the number token that opens @text, with the spaces after it: printable ASCII
 * with a digit in it ("2019", "98.4%", "S566"), followed by a space. 0 when there is none. */
static gsize
number_token (const char *text)
{
  const char *c = text;
  gboolean digit = FALSE;

  for (; g_ascii_isgraph (*c); c++)
    digit |= g_ascii_isdigit (*c);
  if (!digit || *c != ' ')
    return 0;
  while (*c == ' ')
    c++;
  return (gsize) (c - text);
}

/* The length of the run of number tokens that opens @text, or 0. */
static gsize
number_run (const char *text)
{
  gsize length = 0, token;

  while ((token = number_token (text + length)) > 0)
    length += token;
  return length;
}

/* Whether @text opens a heading: a number of a heading's scheme, then CJK words. */
static gboolean
opens_heading (const char *text)
{
  gsize length;

  return heading_numbered_words (text, &length) && heading_has_cjk (text + length);
}

/* The offset in @text, from @from on, of the text of @line, or -1 when it is not there. */
static gssize
line_offset (const char *text, gsize from, const RectoLine *line)
{
  g_autofree char *own = g_strstrip (g_strdup (line->text));
  const char *at = *own != '\0' ? strstr (text + from, own) : NULL;

  return at != NULL ? at - text : -1;
}

/* A paragraph of @text, @length bytes of it (its spaces out), from page @page, inserted into
 * @body at @index. */
static void
insert_numbers (RectoDocument *doc, RectoBlock *body, guint index, const char *text, gsize length,
                guint page)
{
  RectoBlock *numbers = recto_block_new (doc, RECTO_BLOCK_P);
  g_autofree char *own = g_strstrip (g_strndup (text, length));

  recto_block_append_text (doc, numbers, own, -1);
  recto_block_add_source (numbers, page, NULL);
  recto_block_insert (body, numbers, (int) index);
}

/* Finds in @text, @block's, the number runs that open its lines (the first line's before a
 * heading's number, a later line's before its words): appends each to @runs. FALSE when the first
 * line has none or a line is not found in @text. */
static gboolean
find_runs (const RectoBlock *block, const char *text, GArray *runs)
{
  gsize from = 0;

  for (guint i = 0; i < block->sources->len; i++)
    {
      const RectoSourceRef *ref = &g_array_index (block->sources, RectoSourceRef, i);
      NumberRun found;
      gssize at;
      gsize run;

      if (ref->line == NULL || ref->has_box || (at = line_offset (text, from, ref->line)) < 0)
        return FALSE;
      run = number_run (text + at);
      from = (gsize) at + run;
      if (run == 0
          || !(i == 0 ? opens_heading (text + from)
                      : g_unichar_iswide (g_utf8_get_char (text + from))))
        return FALSE;
      found = (NumberRun){ (gsize) at, run, ref->page };
      g_array_append_val (runs, found);
    }
  return TRUE;
}

guint
stray_numbers_split (RectoDocument *doc, RectoBlock *body, guint index)
{
  RectoBlock *block = recto_block_get_child (body, index);
  g_autoptr (GArray) runs = g_array_new (FALSE, FALSE, sizeof (NumberRun));
  g_autoptr (GString) rest = g_string_new (NULL);
  RectoBlock *text;
  gsize from = 0;

  if (block->kind != RECTO_BLOCK_P || block->size > 0 || block->sources == NULL
      || block->sources->len < 2 || recto_block_get_n_children (block) != 1)
    return 0;
  text = recto_block_get_child (block, 0);
  if (text->kind != RECTO_BLOCK_TEXT || !find_runs (block, text->text, runs))
    return 0;
  for (guint r = 0; r < runs->len; r++)
    {
      const NumberRun *run = &g_array_index (runs, NumberRun, r);
      g_string_append_len (rest, text->text + from, (gssize) (run->at - from));
      insert_numbers (doc, body, index + r, text->text + run->at, run->length, run->page);
      from = run->at + run->length;
    }
  g_string_append (rest, text->text + from);
  recto_block_unlink (text);
  recto_block_append_text (doc, block, rest->str, (gssize) rest->len);
  recto_block_mark_repair (doc, block, "stray-numbers", "%u runs of numbers before it", runs->len);
  return runs->len;
}
