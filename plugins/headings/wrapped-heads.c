/* wrapped-heads.c: see wrapped-heads.h. */
#include "wrapped-heads.h"

/* How much of its column a heading's last line fills when it wrapped. */
#define FULL 0.75f
/* The most lines a heading's wrapped rest may hold. */
#define MAX_REST_LINES 2

/* How far apart two sizes of one type may be, as a share of the heading's size: type sizes
 * are exact, but those OCR estimated from a scan's ink (blocks without a font) stray by a tenth
 * and more (a scanned heading's two bold lines measured 13 and 14.5 points). */
#define SIZE_SLACK 0.05f
#define ESTIMATED_SIZE_SLACK 0.15f

/* Whether @next is set as @head is. */
static gboolean
same_type (const RectoBlock *head, const RectoBlock *next, InkWeight *weight)
{
  float slack = head->font == NULL && next->font == NULL ? ESTIMATED_SIZE_SLACK : SIZE_SLACK;

  if (next->font != head->font || ABS (next->size - head->size) > slack * head->size
      || next->all_bold != head->all_bold)
    return FALSE;
  /* Where neither is in a bold face, the weight may be the page's only sign. */
  return head->all_bold || ink_weight_is_heavier (weight, head) == ink_weight_is_heavier (weight, next);
}

gboolean
wrapped_heading_continues (const RectoBlock *head, const RectoBlock *next, InkWeight *weight)
{
  const RectoSourceRef *end, *start;
  g_autofree char *text = NULL;
  gsize length;

  if (next == NULL || next->kind != RECTO_BLOCK_P || head->size <= 0 || head->sources == NULL
      || head->sources->len == 0 || next->sources == NULL || next->sources->len == 0
      || next->sources->len > MAX_REST_LINES)
    return FALSE;
  end = &g_array_index (head->sources, RectoSourceRef, head->sources->len - 1);
  start = &g_array_index (next->sources, RectoSourceRef, 0);
  if (start->page != end->page || !start->has_box || !end->has_box || end->line == NULL
      || start->box.y1 < end->box.y1 || start->box.y1 - end->box.y2 >= 1.5f * head->size)
    return FALSE;
  if (end->box.x2 - end->box.x1 < FULL * (end->line->column_x2 - end->line->column_x1)
      || start->box.x2 - start->box.x1 >= end->box.x2 - end->box.x1)
    return FALSE;
  text = recto_block_get_text (next);
  if (recto_numbering_match (g_strstrip (text), &length) != RECTO_NUMBERING_NONE)
    return FALSE;
  return same_type (head, next, weight);
}

/* Whether @text is a number alone: digits in parts ("1", "1.5", "1.5."), or a label of a
 * scheme with nothing after it ("（一）", "一、"). */
static gboolean
only_number (const char *text)
{
  gsize length;
  RectoNumbering numbering;
  const char *c = text;

  if (g_ascii_isdigit (*c))
    {
      while (g_ascii_isdigit (*c) || (*c == '.' && c > text))
        c++;
      return *c == '\0';
    }
  numbering = recto_numbering_match (text, &length);
  return numbering != RECTO_NUMBERING_NONE && numbering != RECTO_NUMBERING_BULLET
         && numbering != RECTO_NUMBERING_LETTER && text[length] == '\0';
}

gboolean
number_beside_title (const RectoBlock *block, const RectoBlock *next)
{
  const RectoSourceRef *a, *b;
  g_autofree char *text = NULL;
  float middle;

  if (block->kind != RECTO_BLOCK_P || next == NULL || next->kind != RECTO_BLOCK_P
      || block->size <= 0 || block->sources == NULL || block->sources->len != 1
      || next->sources == NULL || next->sources->len == 0)
    return FALSE;
  a = &g_array_index (block->sources, RectoSourceRef, 0);
  b = &g_array_index (next->sources, RectoSourceRef, 0);
  if (a->page != b->page || !a->has_box || !b->has_box)
    return FALSE;
  middle = (b->box.y1 + b->box.y2) / 2;
  if (middle < a->box.y1 || middle > a->box.y2 || b->box.x1 < a->box.x2
      || b->box.x1 - a->box.x2 > 3 * block->size)
    return FALSE;
  text = g_strstrip (recto_block_get_text (block));
  return only_number (text);
}
