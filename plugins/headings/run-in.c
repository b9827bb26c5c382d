/* run-in.c: headings run into their paragraph's first line, told by weight (the line opens with
 * a bold run that ends mid-line, and the paragraph goes on in the body's weight) or, in the CJK
 * schemes, by text alone (a number, a short clause and its stop). */

#include "run-in.h"

#include <string.h>

#include "heading-text.h"

/* Whether glyph @glyph of @page is set in bold. */
static gboolean
glyph_is_bold (const RectoPage *page, guint glyph)
{
  int span = recto_page_find_span (page, glyph);

  return span >= 0 && (g_array_index (page->spans, RectoSpan, span).flags & RECTO_FONT_BOLD) != 0;
}

gsize
run_in_bold_length (RectoDocument *doc, const RectoBlock *block)
{
  const RectoSourceRef *source;
  const RectoLine *line;
  const RectoPage *page;
  const char *text;
  const char *end = NULL; /* just after the last bold character */
  guint g = 0;

  if (block->kind != RECTO_BLOCK_P || block->sources == NULL || block->sources->len == 0
      || recto_block_get_n_children (block) == 0
      || recto_block_get_child (block, 0)->kind != RECTO_BLOCK_TEXT)
    return 0;
  source = &g_array_index (block->sources, RectoSourceRef, 0);
  line = source->line;
  if (line == NULL || line->glyphs == NULL || line->glyphs->len == 0)
    return 0;
  page = recto_document_get_page (doc, source->page);
  text = recto_block_get_child (block, 0)->text;
  /* The line's glyphs are its characters other than white space, in order. */
  for (const char *c = text; *c != '\0'; c = g_utf8_next_char (c))
    {
      gunichar u = g_utf8_get_char (c);
      guint glyph;
      if (g_unichar_isspace (u))
        continue;
      if (g >= line->glyphs->len)
        return 0; /* the whole first line is bold */
      glyph = g_array_index (line->glyphs, guint, g++);
      if (g_array_index (page->chars, gunichar, glyph) != u)
        return 0; /* the text is not the glyphs' (a repaired line): no reading of weight */
      if (!glyph_is_bold (page, glyph))
        return end != NULL ? (gsize) (end - text) : 0;
      end = g_utf8_next_char (c);
    }
  return 0;
}

void
run_in_rejoin (RectoDocument *doc, RectoBlock *rest, RectoBlock *next)
{
  g_autofree char *tail = recto_block_get_text (rest);
  g_autofree char *head = recto_block_get_text (next);
  const char *last = g_utf8_find_prev_char (tail, tail + strlen (tail));
  gunichar before = last != NULL ? g_utf8_get_char (last) : 0;
  gunichar after = g_utf8_get_char (head);

  if (before != 0 && !g_unichar_iswide (before) && !g_unichar_iswide (after))
    recto_block_append_text (doc, rest, " ", 1);
  while (recto_block_get_n_children (next) > 0)
    {
      RectoBlock *child = recto_block_get_child (next, 0);
      if (child->kind == RECTO_BLOCK_TEXT)
        {
          recto_block_append_text (doc, rest, child->text, -1);
          recto_block_unlink (child);
        }
      else
        recto_block_insert (rest, child, -1);
    }
  for (guint i = 0; next->sources != NULL && i < next->sources->len; i++)
    {
      const RectoSourceRef *source = &g_array_index (next->sources, RectoSourceRef, i);
      if (source->line != NULL)
        recto_block_add_line (rest, recto_document_get_page (doc, source->page), source->line);
      else
        recto_block_add_source (rest, source->page, source->has_box ? &source->box : NULL);
    }
  recto_block_unlink (next);
}

/* Longest run-in heading, in characters after its number. */
#define MAX_RUN_IN_CHARS 40
/* Longest run-in heading told by its bold type, in characters after its number. */
#define MAX_RUN_IN_WEIGHT_CHARS 60

/* The length in bytes of a heading run into the start of @block (公文 style: "（一）加强组织领导。"
 * then the paragraph), or 0. Only the CJK schemes "一、" and "（一）" are taken: "1." opens
 * list items as often as headings. This reads the text alone; run_in_by_weight() reads the
 * type first. */
gsize
run_in_by_text (const RectoBlock *block, RectoNumbering *numbering, char **label)
{
  g_autofree char *text = NULL;
  const char *stop;
  gsize length;

  if (block->kind != RECTO_BLOCK_P || recto_block_get_n_children (block) == 0
      || recto_block_get_child (block, 0)->kind != RECTO_BLOCK_TEXT)
    return 0;
  text = g_strdup (recto_block_get_child (block, 0)->text);
  *numbering = recto_numbering_match (text, &length);
  if (*numbering != RECTO_NUMBERING_CJK_ENUM && *numbering != RECTO_NUMBERING_CJK_PAREN)
    return 0;
  stop = strstr (text + length, "。");
  if (stop == NULL || g_utf8_strlen (text + length, stop - (text + length)) > MAX_RUN_IN_CHARS)
    return 0;
  stop += strlen ("。");
  if (*stop == '\0')
    return 0;
  *label = g_strndup (text, length);
  return stop - text;
}

/* The length of a heading run into @block's first line, told by its bold run (run-in.h), or 0.
 * The run must be short and carry a number or end in a stop: a bold phrase that opens a
 * paragraph without either is emphasis. */
gsize
run_in_by_weight (RectoDocument *doc, const RectoBlock *block, RectoNumbering *numbering,
                  char **label)
{
  gsize bold = run_in_bold_length (doc, block);
  g_autofree char *text = NULL;
  gsize length;
  const char *last;

  if (bold == 0)
    return 0;
  text = g_strndup (recto_block_get_child (block, 0)->text, bold);
  if (heading_is_caption (text))
    return 0;
  *numbering = recto_numbering_match (text, &length);
  if (*numbering == RECTO_NUMBERING_LETTER || *numbering == RECTO_NUMBERING_BULLET
      || length >= bold)
    return 0;
  last = g_utf8_find_prev_char (text, text + bold);
  if (*numbering == RECTO_NUMBERING_NONE && !heading_is_stop (g_utf8_get_char (last)))
    return 0;
  if (g_utf8_strlen (text + length, -1) > MAX_RUN_IN_WEIGHT_CHARS)
    return 0;
  if (*numbering != RECTO_NUMBERING_NONE)
    *label = g_strndup (text, length);
  return bold;
}

/* After a run-in heading was split off @rest, a line of its own (the paragraph stage took a line
 * mostly in bold for a block apart), the paragraph goes on in the next block when that line ran
 * to the column's end: the two are joined again. */
void
run_in_rejoin_rest (RectoDocument *doc, RectoBlock *body, RectoBlock *rest, guint at)
{
  const RectoLine *line;
  RectoBlock *next;

  if (rest->sources == NULL || rest->sources->len != 1
      || at + 1 >= recto_block_get_n_children (body))
    return;
  line = g_array_index (rest->sources, RectoSourceRef, 0).line;
  next = recto_block_get_child (body, at + 1);
  if (line == NULL || !line->has_box || next->kind != RECTO_BLOCK_P || next->all_bold
      || line->box.x2 < line->column_x2 - 2 * line->size)
    return;
  run_in_rejoin (doc, rest, next);
  recto_block_mark_repair (doc, rest, "rejoin-run-in", NULL);
}
