/* run-in.c: headings run into their paragraph's first line, told by weight: the line opens with
 * a bold run that ends mid-line, and the paragraph goes on in the body's weight. */

#include "run-in.h"

#include <string.h>

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
