/* float-hold.c: a paragraph broken off by a float (a chart, its caption) that stands at the
 * head of the next column or page, set smaller than the text: the text after the float goes
 * on with the paragraph, and the float's blocks follow the paragraph (see float-hold.h). Only
 * a caption ("图 3 …", "表 1 …", "Figure 2.") among the lines between makes them a float: a
 * running head that furniture missed is set smaller too and opens the page, but belongs before
 * the text in the order it was printed. */
#include "float-hold.h"

#include "continuation.h"
#include "line-joins.h"
#include "text-lines.h"

/* How much smaller than the text, as a share of its type size, a float's lines are set. */
#define FLOAT_SMALLER 0.95f

/* Whether @line, of @page, stands at the head of another column or page than b->prev: not
 * below it in its column. */
static gboolean
after_break (const Builder *b, const RectoPage *page, const RectoLine *line)
{
  return page != b->prev_page || line->column_x1 != b->prev->column_x1
         || line->box.y1 < b->prev->box.y1;
}

/* Whether @line opens with a caption's label. */
static gboolean
is_caption (const RectoLine *line)
{
  gboolean punctuated;

  return recto_caption_label_match (text_lines_skip_space (line->text), &punctuated);
}

void
float_hold_check (Builder *b, const RectoPage *page, const RectoLine *line)
{
  const RectoLine *prev = b->prev;
  float size;

  if (b->held.block != NULL)
    {
      b->held.captioned |= is_caption (line);
      return;
    }
  if (b->block == NULL || prev == NULL || !prev->has_box || !line->has_box)
    return;
  size = line_type_size (prev);
  if (line_type_size (line) >= FLOAT_SMALLER * size || !after_break (b, page, line)
      || !continuation_breaks_sentence (prev)
      || prev->column_x2 - prev->box.x2 > b->config->fill * size)
    return;
  b->held = (HeldBlock){ b->block,         b->first,         prev, b->first_page, b->prev_page,
                         b->prev_measures, is_caption (line) };
}

/* Moves the page breaks and furniture that follow @block among its siblings, up to the first
 * other block, into @block. */
static void
take_page_breaks (RectoBlock *block)
{
  RectoBlock *parent = block->parent;
  guint next = recto_block_get_index (block) + 1;

  while (next < parent->children->len)
    {
      RectoBlock *sibling = g_ptr_array_index (parent->children, next);
      if (sibling->kind != RECTO_BLOCK_PB && sibling->kind != RECTO_BLOCK_FW)
        break;
      recto_block_insert (block, sibling, -1);
    }
}

gboolean
float_hold_resume (Builder *b, const RectoPage *page, const RectoLine *line,
                   const LineMeasures *measures)
{
  const HeldBlock *held = &b->held;
  Builder probe;
  float size;

  if (held->block == NULL)
    return FALSE;
  size = line_type_size (held->prev);
  if (page->index > held->prev_page->index + 1)
    {
      b->held.block = NULL;
      return FALSE;
    }
  /* The float's own lines go by, its caption too, whatever its size. */
  if (!line->has_box || line_type_size (line) < FLOAT_SMALLER * size || is_caption (line))
    {
      b->held.captioned |= is_caption (line);
      return FALSE;
    }
  probe = *b;
  probe.block = held->block;
  probe.first = held->first;
  probe.first_page = held->first_page;
  probe.prev = held->prev;
  probe.prev_page = held->prev_page;
  probe.prev_measures = held->prev_measures;
  b->held.block = NULL;
  if (!held->captioned || !continuation_continues (&probe, page, line, measures))
    return FALSE;
  /* Join first, as at a page break: the page breaks come between the words. */
  line_joins_join (b, probe.block, text_lines_skip_space (line->text));
  take_page_breaks (probe.block);
  b->block = probe.block;
  b->first = probe.first;
  b->first_page = probe.first_page;
  b->prev = probe.prev;
  b->prev_page = probe.prev_page;
  b->prev_measures = probe.prev_measures;
  return TRUE;
}
