/* titles.c: the titles that open a volume's contributed reports, in a typeset text: a block at
 * the top of a page that stands out against the volume's headings (or a top-level entry of the
 * outline), joined again with a wrapped line the paragraph stage took apart, and the front
 * matter (subtitle, byline) under it. */
#include "titles.h"

#include <math.h>
#include <string.h>

#include "divisions.h"
#include "text-titles.h"

/* Whether @text, white space aside, is a top-level entry of the outline. */
static gboolean
in_outline (RectoDocument *doc, const char *text)
{
  for (guint i = 0; i < recto_document_get_n_outline_entries (doc); i++)
    {
      const RectoOutlineEntry *entry = recto_document_get_outline_entry (doc, i);
      if (entry->level == 1 && entry->title != NULL
          && text_titles_equal_but_spaces (entry->title, text))
        return TRUE;
    }
  return FALSE;
}

gboolean
titles_is_title (RectoDocument *doc, const GPtrArray *blocks, guint at, gboolean top_of_page,
                 const Sizes *sizes, const ChaptersConfig *config)
{
  const RectoBlock *block = g_ptr_array_index (blocks, at);
  g_autofree char *text = NULL;
  gboolean stands_out;

  /* A heading without a number may be a title; a numbered one never is. */
  if (block->kind != RECTO_BLOCK_P && (block->kind != RECTO_BLOCK_HEAD || block->n != NULL))
    return FALSE;
  text = recto_block_get_text (block);
  if (config->use_outline && in_outline (doc, text))
    return TRUE;
  if (block->size <= 0)
    return text_titles_is_title (blocks, at, text);
  if (!top_of_page || block->sources == NULL || block->sources->len > (guint) config->max_lines)
    return FALSE;
  if (sizes->largest_head > 0)
    stands_out = block->size > sizes->largest_head * 1.05f;
  else
    stands_out = block->size > sizes->body * 1.2f && block->all_bold;
  return stands_out;
}

/* The last source of @block, or NULL. */
static const RectoSourceRef *
last_source (const RectoBlock *block)
{
  if (block->sources == NULL || block->sources->len == 0)
    return NULL;
  return &g_array_index (block->sources, RectoSourceRef, block->sources->len - 1);
}

/* Whether @next is the rest of the title @title, wrapped onto the next line and split from it
 * (the paragraph stage ends a block at a short centred line): the same type, on the same page,
 * its first line at most one and a half sizes below the title's last, which is full. */
gboolean
titles_continues (const RectoBlock *title, const RectoBlock *next)
{
  const RectoSourceRef *end = last_source (title);
  const RectoSourceRef *start;

  if ((next->kind != RECTO_BLOCK_P && (next->kind != RECTO_BLOCK_HEAD || next->n != NULL))
      || end == NULL || next->sources == NULL || next->sources->len == 0 || title->size <= 0
      || next->font != title->font || next->all_bold != title->all_bold
      || ABS (next->size - title->size) > 0.05f * title->size)
    return FALSE;
  start = &g_array_index (next->sources, RectoSourceRef, 0);
  if (start->page != end->page || !start->has_box || !end->has_box || end->line == NULL
      || start->box.y1 < end->box.y1 || start->box.y1 - end->box.y2 >= 1.5f * title->size)
    return FALSE;
  /* A line wraps when it is full: the title's line fills most of its column, and what wrapped
   * is shorter than it (a second title of its own may be as long, or longer). */
  return end->box.x2 - end->box.x1 >= 0.75f * (end->line->column_x2 - end->line->column_x1)
         && start->box.x2 - start->box.x1 < end->box.x2 - end->box.x1;
}

/* Moves @next's text, children and sources onto the end of @title. */
void
titles_join (RectoDocument *doc, RectoBlock *title, RectoBlock *next)
{
  g_autofree char *text = recto_block_get_text (title);
  g_autofree char *rest = recto_block_get_text (next);
  const char *last = g_utf8_find_prev_char (text, text + strlen (text));

  if (last != NULL && !g_unichar_iswide (g_utf8_get_char (last))
      && !g_unichar_iswide (g_utf8_get_char (rest)))
    recto_block_append_text (doc, title, " ", 1);
  while (recto_block_get_n_children (next) > 0)
    {
      RectoBlock *child = recto_block_get_child (next, 0);
      if (child->kind == RECTO_BLOCK_TEXT)
        {
          recto_block_append_text (doc, title, child->text, -1);
          recto_block_unlink (child);
        }
      else
        recto_block_insert (title, child, -1);
    }
  for (guint i = 0; i < next->sources->len; i++)
    {
      const RectoSourceRef *source = &g_array_index (next->sources, RectoSourceRef, i);
      recto_block_add_source (title, source->page, source->has_box ? &source->box : NULL);
      g_array_index (title->sources, RectoSourceRef, title->sources->len - 1).line = source->line;
    }
  recto_block_mark_repair (doc, title, "rejoin-title", "%u lines", title->sources->len);
}

/* Of the headings within pages' text, the share largest of all that a title need not stand
 * out against: a scan's line sizes are measured, and a few are measured far too large (a
 * wrapped heading's line at half as large again), which would hide every title. */
#define OUTLIER_HEADS 10

static int
compare_descending (gconstpointer a, gconstpointer b)
{
  float x = *(const float *) a, y = *(const float *) b;
  return (x < y) - (x > y);
}

/* A title stands out against the headings set within a page's text (the largest but for
 * their largest tenth); a heading that opens a page, or goes on from one that does in the same
 * type, may be a title itself (one without a number, which the heading stage cannot tell). */
Sizes
titles_measure_sizes (RectoDocument *doc)
{
  RectoBlock *body = recto_document_get_body (doc);
  Sizes sizes = { .body = recto_document_get_body_size (doc) };
  gboolean top_of_page = FALSE;
  const RectoBlock *opening = NULL; /* the block that opened the page, and its wrapped lines */
  g_autoptr (GArray) heads = g_array_new (FALSE, FALSE, sizeof (float));

  for (guint i = 0; i < recto_block_get_n_children (body); i++)
    {
      const RectoBlock *block = recto_block_get_child (body, i);
      if (divisions_is_floating (block))
        {
          top_of_page = top_of_page || block->kind == RECTO_BLOCK_PB;
          continue;
        }
      if (top_of_page || (opening != NULL && titles_continues (opening, block)))
        opening = block;
      else
        {
          opening = NULL;
          if (block->kind == RECTO_BLOCK_HEAD)
            g_array_append_val (heads, block->size);
        }
      top_of_page = FALSE;
    }
  if (heads->len > 0)
    {
      g_array_sort (heads, compare_descending);
      sizes.largest_head = g_array_index (heads, float, heads->len / OUTLIER_HEADS);
    }
  return sizes;
}

/* Whether @block's text ends a sentence, as no title's front matter does. */
static gboolean
ends_sentence (const RectoBlock *block)
{
  g_autofree char *text = g_strstrip (recto_block_get_text (block));
  gunichar last;

  if (*text == '\0')
    return TRUE; /* nothing to be front matter */
  last = g_utf8_get_char (g_utf8_find_prev_char (text, text + strlen (text)));
  return last == '.' || last == 0x3002 /* 。 */ || last == '!' || last == '?' || last == 0xFF01
         || last == 0xFF1F;
}

/* The white between the last line of @above and the first of @below, on one page; -1 where
 * they have no boxes or stand on two pages. */
static float
gap_between (const RectoBlock *above, const RectoBlock *below)
{
  const RectoSourceRef *last, *first;

  if (above->sources == NULL || below->sources == NULL || above->sources->len == 0
      || below->sources->len == 0)
    return -1;
  last = &g_array_index (above->sources, RectoSourceRef, above->sources->len - 1);
  first = &g_array_index (below->sources, RectoSourceRef, 0);
  if (!last->has_box || !first->has_box || last->page != first->page)
    return -1;
  return MAX (0, first->box.y1 - last->box.y2);
}

/* How much farther under the subtitle than the subtitle under the title its byline may stand:
 * front matter is set as one group, the text after it stands apart. */
#define FRONT_GAP_RATIO 1.5f
/* How far, as a share of the wider of the two, the middle of a line centred under a title may
 * stand from the title's. */
#define CENTRE_SHARE 0.05f
/* A title's author line is set this much smaller than the title at least. */
#define FRONT_SIZE_SHARE 0.85f

/* The height of @block's first line. */
static float
line_height (const RectoBlock *block)
{
  const RectoSourceRef *line = &g_array_index (block->sources, RectoSourceRef, 0);

  return line->box.y2 - line->box.y1;
}

/* Whether @block's one line is centred under @title's, on its page. */
static gboolean
centred_under (const RectoBlock *block, const RectoBlock *title)
{
  const RectoSourceRef *line = &g_array_index (block->sources, RectoSourceRef, 0);
  const RectoSourceRef *over =
      &g_array_index (title->sources, RectoSourceRef, title->sources->len - 1);
  float width;

  if (!line->has_box || !over->has_box || line->page != over->page)
    return FALSE;
  width = MAX (line->box.x2 - line->box.x1, over->box.x2 - over->box.x1);
  return fabsf ((line->box.x1 + line->box.x2) - (over->box.x1 + over->box.x2)) / 2
         <= CENTRE_SHARE * width;
}

gboolean
titles_is_front_line (RectoDocument *doc, const RectoBlock *block, const RectoBlock *title,
                      const RectoBlock *subtitle, const RectoBlock *next)
{
  float gap, title_gap;

  if (block->sources == NULL || block->sources->len != 1 || block->n != NULL
      || ends_sentence (block))
    return FALSE;
  if (block->font != NULL)
    return block->kind == RECTO_BLOCK_P && block->font != recto_document_get_body_font (doc)
           && (block->flags & RECTO_FONT_BOLD) == 0;
  /* No faces: a scan read by OCR (whose bold is a guess from the strokes' width, and takes a
   * byline in 楷体 for bold) or a text dump. */
  if ((block->kind != RECTO_BLOCK_P && block->kind != RECTO_BLOCK_HEAD) || title == NULL
      || title->sources == NULL || title->sources->len == 0)
    return FALSE;
  if (subtitle == NULL && titles_opens_with_dash (block))
    return TRUE;
  if (subtitle != NULL)
    {
      gap = gap_between (subtitle, block);
      title_gap = gap_between (title, subtitle);
      return gap >= 0 && title_gap >= 0 && gap <= FRONT_GAP_RATIO * title_gap;
    }
  /* A line in smaller type centred right under the title, less than its own height under it
   * and nearer to it than to the text after it: its author ("Submitted by Ms Fiona Duncan,
   * Chair", 10 points under a 17.5-point title). Not the title's wrapped line, in its type, nor
   * a heading set well apart under it ("原创性声明" two lines under its page's title). */
  gap = gap_between (title, block);
  return next != NULL && centred_under (block, title) && block->size > 0
         && block->size <= FRONT_SIZE_SHARE * title->size && gap >= 0 && gap < line_height (block)
         && gap < gap_between (block, next);
}

/* A subtitle opens with a dash ("——基于……的调查", "— a case study"). */
gboolean
titles_opens_with_dash (const RectoBlock *block)
{
  g_autofree char *text = g_strchug (recto_block_get_text (block));
  gunichar first = g_utf8_get_char (text);

  return first == 0x2014 || first == 0x2013 || first == '-';
}
