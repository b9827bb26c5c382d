/* headings: finds the headings among the blocks the paragraph stage made. A heading is a block
 * that starts with a number in one of the usual schemes ("一、", "（一）", "1.", "（1）", "①",
 * "第一章", "第一节", "第一条", "Chapter 1", "1.2.3"), is set apart by weight, size or face from
 * the volume's body text, and is no longer than a few lines. Its level comes from its scheme: the
 * schemes the volume uses are ranked in their usual nesting order ("一、" over "（一）" over
 * "1."; "1" over "1.2" over "1.2.3"). A heading wrapped over several lines was joined by the
 * paragraph stage; that join is marked here as a repair, and a wrapped line the paragraph stage
 * left apart (a short centred one) is joined to its heading (wrapped-heads.h), and a numbered
 * heading it joined to the heading above it is taken apart from it (numbered-lines.h). Bold is
 * read from the font's name or, for a face emboldened by stroking its outlines, from the page's
 * picture (ink-weight.h).
 *
 * A short block set wholly in bold, at the body's size or larger, is a heading without a number
 * (unless it reads as a sentence or a caption), and so is one set larger than the body that
 * heads smaller text (unnumbered.h); it takes the level of the numbered headings set in the same
 * type, or else its rank among the headings' type sizes. A paragraph whose first
 * line opens with a bold run that ends mid-line, with a number or a closing stop, has a heading
 * run into it ("Governance. Reserves stood at…"): the heading is split off where the bold ends.
 * A numbered line in the body's own type is a heading when it stands alone and continues its
 * scheme's numbering (plain-heads.h).
 *
 * The chapter stage nests the headings into divisions. */

#include <string.h>

#include <recto/recto.h>

#include "body-window.h"
#include "heading-text.h"
#include "ink-weight.h"
#include "lost-numbers.h"
#include "numbered-lines.h"
#include "plain-heads.h"
#include "run-in.h"
#include "unnumbered.h"
#include "wrapped-heads.h"

typedef struct
{
  int max_lines;
  double size_ratio;
} HeadingsConfig;

static const RectoOption headings_options[] = {
  { .name = "max-lines",
    .type = RECTO_OPTION_INT,
    .default_value = "5",
    .blurb = "Most lines a heading may run to (a narrow column wraps a long one often)",
    .offset = G_STRUCT_OFFSET (HeadingsConfig, max_lines),
    .minimum = 1,
    .maximum = 20 },
  { .name = "size-ratio",
    .type = RECTO_OPTION_DOUBLE,
    .default_value = "1.05",
    .blurb = "How much larger than the body text a block without bold type must be to be a "
             "heading",
    .offset = G_STRUCT_OFFSET (HeadingsConfig, size_ratio),
    .minimum = 1,
    .maximum = 10 },
  { NULL },
};

static const RectoRepairKind headings_repairs[] = {
  { "rejoin-heading", "A heading wrapped over several lines was joined into one" },
  { "split-run-in", "A heading run into the first line of its paragraph was split from it" },
  { "rejoin-run-in", "What followed a run-in heading on its line was joined again with the rest "
                     "of its paragraph" },
  { "split-numbered-line", "A heading and the numbered heading below it, which had been taken for "
                           "one block, were taken apart" },
  { "lost-number", "A heading whose number the extraction lost, found by the gap it leaves in its "
                   "siblings' numbering" },
  { NULL },
};

/* Longest run-in heading, in characters after its number. */
#define MAX_RUN_IN_CHARS 40
/* Longest run-in heading told by its bold type, in characters after its number. */
#define MAX_RUN_IN_WEIGHT_CHARS 60

/* The numbering scheme of @block if it looks like a heading, or RECTO_NUMBERING_NONE. */
static RectoNumbering
heading_numbering (const RectoBlock *block, float body, const char *body_font,
                   const HeadingsConfig *config, InkWeight *weight, char **label)
{
  g_autofree char *text = NULL;
  gboolean set_apart;
  gsize length;
  RectoNumbering numbering;

  if (block->kind != RECTO_BLOCK_P || heading_n_lines (block) > (guint) config->max_lines)
    return RECTO_NUMBERING_NONE;
  /* Without typography (plain-text sources) the numbering alone decides. */
  set_apart = block->size <= 0 || block->all_bold || block->size > body * config->size_ratio
              || (block->font != NULL && body_font != NULL && block->font != body_font);
  text = recto_block_get_text (block);
  numbering = recto_numbering_match (text, &length);
  /* Letters and bullets mark list items, never headings. */
  if (numbering == RECTO_NUMBERING_LETTER || numbering == RECTO_NUMBERING_BULLET)
    return RECTO_NUMBERING_NONE;
  /* Without typography, a line of figures ("158 X315", what survives of a lost sentence) is no
   * heading: a heading's words outnumber its digits. */
  if (block->size <= 0 && numbering != RECTO_NUMBERING_NONE && !heading_mostly_words (text + length))
    return RECTO_NUMBERING_NONE;
  /* A decimal number before a sentence ("4.1.1 客户应配置……。") numbers a clause of a standard
   * or a specification, not a heading (公文 headings "（一）加强组织领导。" do end in 。). */
  if ((numbering == RECTO_NUMBERING_DECIMAL_1 || numbering == RECTO_NUMBERING_DECIMAL_2
       || numbering == RECTO_NUMBERING_DECIMAL_3 || numbering == RECTO_NUMBERING_DECIMAL_4)
      && g_str_has_suffix (g_strchomp (text), "。"))
    return RECTO_NUMBERING_NONE;
  /* The weight a stroked outline gives the body's face is seen on the page only: looked at
   * last, for a numbered block alone. */
  if (numbering == RECTO_NUMBERING_NONE
      || !(set_apart || ink_weight_is_heavier (weight, block)))
    return RECTO_NUMBERING_NONE;
  if (numbering != RECTO_NUMBERING_NONE)
    *label = g_strndup (text, length);
  return numbering;
}

/* In a heading of a text without typography, the offset of what follows its last CJK text (a
 * CJK character, or a closing quote or bracket after one) when that holds digits and no CJK:
 * numbers whose sentence was lost, left on the heading's line. 0 when there is none. */
static gsize
residue_offset (const RectoBlock *block)
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

/* The length in bytes of a heading run into the start of @block (公文 style: "（一）加强组织领导。"
 * then the paragraph), or 0. Only the CJK schemes "一、" and "（一）" are taken: "1." opens
 * list items as often as headings. This reads the text alone; run_in_by_weight() reads the
 * type first. */
static gsize
run_in_length (const RectoBlock *block, RectoNumbering *numbering, char **label)
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

/* @block's text without white space. */
static char *
without_spaces (const RectoBlock *block)
{
  g_autofree char *text = recto_block_get_text (block);
  GString *out = g_string_new (NULL);

  for (const char *c = text; *c != '\0'; c = g_utf8_next_char (c))
    if (!g_unichar_isspace (g_utf8_get_char (c)))
      g_string_append_unichar (out, g_utf8_get_char (c));
  return g_string_free (out, FALSE);
}

/* Whether the block at @at of @body opens its page and repeats @last, the last heading of its
 * scheme, white space aside: a running head that repeats the chapter's heading ("第 1 章 …"),
 * which the furniture stage left in the body. */
static gboolean
repeats_heading (RectoBlock *body, guint at, const char *last)
{
  g_autofree char *text = NULL;
  guint i = at;

  if (last == NULL)
    return FALSE;
  while (i > 0 && (recto_block_get_child (body, i - 1)->kind == RECTO_BLOCK_FW
                   || recto_block_get_child (body, i - 1)->kind == RECTO_BLOCK_NOTE))
    i--;
  if (i == 0 || recto_block_get_child (body, i - 1)->kind != RECTO_BLOCK_PB)
    return FALSE;
  text = without_spaces (recto_block_get_child (body, at));
  return g_str_equal (text, last);
}

/* Whether @head, nothing but its number (@label: "第1章" set in a box of its own), has its
 * title in @next: a short block set apart, on the same page, within three of the number's
 * sizes below it, with no number of its own. */
static gboolean
takes_title (const RectoBlock *head, const char *label, const RectoBlock *next, float body,
             const HeadingsConfig *config)
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

/* Whether @block's text ends in a stop or a closing bracket or quote. */
static gboolean
ends_in_stop (const RectoBlock *block)
{
  g_autofree char *text = g_strstrip (recto_block_get_text (block));
  const char *last = g_utf8_find_prev_char (text, text + strlen (text));
  gunichar c = last != NULL ? g_utf8_get_char (last) : 0;
  GUnicodeType type = g_unichar_type (c);

  return heading_is_stop (c) || type == G_UNICODE_CLOSE_PUNCTUATION || type == G_UNICODE_FINAL_PUNCTUATION;
}

/* In a text without typography, whether the next numbered heading from @from on is the first
 * of a scheme as high as @scheme or higher ("一、" after "二、…"): a new report begins before
 * it, and a short line just after a heading of @scheme may be that report's title. */
static gboolean
report_follows (BodyWindow *window, guint from, RectoNumbering scheme)
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

/* The length of a heading run into @block's first line, told by its bold run (run-in.h), or 0.
 * The run must be short and carry a number or end in a stop: a bold phrase that opens a
 * paragraph without either is emphasis. */
static gsize
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
static void
rejoin_rest (RectoDocument *doc, RectoBlock *body, RectoBlock *rest, guint at)
{
  const RectoLine *line;
  RectoBlock *next;

  if (rest->sources == NULL || rest->sources->len != 1 || at + 1 >= recto_block_get_n_children (body))
    return;
  line = g_array_index (rest->sources, RectoSourceRef, 0).line;
  next = recto_block_get_child (body, at + 1);
  if (line == NULL || !line->has_box || next->kind != RECTO_BLOCK_P || next->all_bold
      || line->box.x2 < line->column_x2 - 2 * line->size)
    return;
  run_in_rejoin (doc, rest, next);
  recto_block_mark_repair (doc, rest, "rejoin-run-in", NULL);
}

/* The block after the one at @at that is not page furniture, a page break or a note, or NULL. */
static const RectoBlock *
next_in_text (BodyWindow *window, guint at)
{
  const RectoBlock *block;

  for (guint i = at + 1; (block = body_window_peek (window, i)) != NULL; i++)
    if (block->kind != RECTO_BLOCK_PB && block->kind != RECTO_BLOCK_FW
        && block->kind != RECTO_BLOCK_NOTE && block->kind != RECTO_BLOCK_GAP)
      return block;
  return NULL;
}

static gboolean
headings_process (RectoStageContext *ctx, RectoDocument *doc, const void *config_data,
                  GError **error)
{
  const HeadingsConfig *config = config_data;
  RectoBlock *body = recto_document_get_body (doc);
  float body_type = recto_document_get_body_size (doc);
  const char *body_font = recto_document_get_body_font (doc);
  g_autoptr (GPtrArray) heads = g_ptr_array_new ();
  g_autoptr (GPtrArray) unnumbered = g_ptr_array_new ();
  g_autoptr (GArray) schemes = g_array_new (FALSE, FALSE, sizeof (RectoNumbering));
  gboolean used[RECTO_N_NUMBERINGS] = { FALSE };
  int level_of[RECTO_N_NUMBERINGS] = { 0 };
  guint last_value[RECTO_N_NUMBERINGS] = { 0 };
  char *last_text[RECTO_N_NUMBERINGS] = { NULL }; /* each scheme's last heading, spaces out */
  int level = 0;
  g_autoptr (BodyWindow) window = body_window_new (body);
  g_autoptr (InkWeight) weight = ink_weight_new (doc);
  float numbered = unnumbered_size_cap (window, body_type, config->size_ratio);
  g_autoptr (HeadingTypes) types = heading_types_new (window, body_type, body_font);

  for (guint i = 0;; i++)
    {
      RectoBlock *block;
      g_autofree char *label = NULL;
      RectoNumbering numbering = RECTO_NUMBERING_NONE;
      RectoBlock *head, *next;
      gsize run_in;

      body_window_fill (window, i);
      if (i >= recto_block_get_n_children (body))
        break;
      block = recto_block_get_child (body, i);
      next = i + 1 < recto_block_get_n_children (body) ? recto_block_get_child (body, i + 1) : NULL;
      if (number_beside_title (block, next))
        {
          /* The gap between number and title, which parted them, reads as a space. */
          recto_block_append_text (doc, block, " ", 1);
          run_in_rejoin (doc, block, next);
          recto_block_mark_repair (doc, block, "rejoin-heading", "its number stands apart");
        }
      if ((run_in = run_in_by_weight (doc, block, &numbering, &label)) > 0)
        {
          head = recto_block_split_off (doc, block, run_in, RECTO_BLOCK_HEAD);
          recto_block_mark_repair (doc, head, "split-run-in", "where its bold type ends");
          rejoin_rest (doc, body, block, ++i);
        }
      else if ((numbering = heading_numbering (block, body_type, body_font, config, weight, &label))
                   != RECTO_NUMBERING_NONE
               && !repeats_heading (body, i, last_text[numbering]))
        {
          guint lines = heading_n_lines (block);
          gsize residue;
          RectoBlock *front = numbered_lines_split (doc, block, numbering, label);
          if (front != NULL)
            {
              /* Each of the two is looked at again, the first at this index. */
              recto_block_mark_repair (doc, front, "split-numbered-line", NULL);
              i--;
              continue;
            }
          residue = residue_offset (block);
          if (residue > 0)
            {
              /* Numbers orphaned after the heading stay behind, as text of their own. */
              head = recto_block_split_off (doc, block, residue, RECTO_BLOCK_HEAD);
              recto_block_mark_repair (doc, head, "split-run-in", "orphaned text after it");
              i++;
            }
          else
            head = recto_block_replace (doc, block, RECTO_BLOCK_HEAD);
          /* Without typography, a heading cut short (no closing stop) may go on in a short
           * line of its own. */
          if (head->size <= 0 && residue == 0 && !ends_in_stop (head)
              && !report_follows (window, i + 2, numbering))
            heading_take_tail (doc, body, head, i);
          if (lines > 1)
            recto_block_mark_repair (doc, head, "rejoin-heading", "%u lines", lines);
          next = i + 1 < recto_block_get_n_children (body) ? recto_block_get_child (body, i + 1)
                                                           : NULL;
          if (residue == 0 && takes_title (head, label, next, body_type, config))
            {
              run_in_rejoin (doc, head, next);
              recto_block_mark_repair (doc, head, "rejoin-heading", "its number stands apart");
            }
          else if (residue == 0 && wrapped_heading_continues (head, next, weight))
            {
              run_in_rejoin (doc, head, next);
              recto_block_mark_repair (doc, head, "rejoin-heading", "its wrapped line stood apart");
            }
        }
      else if ((numbering = plain_heading_numbering (body, i, last_value, &label))
               != RECTO_NUMBERING_NONE)
        head = recto_block_replace (doc, block, RECTO_BLOCK_HEAD);
      else if ((run_in = run_in_length (block, &numbering, &label)) > 0)
        {
          head = recto_block_split_off (doc, block, run_in, RECTO_BLOCK_HEAD);
          recto_block_mark_repair (doc, head, "split-run-in", NULL);
          i++; /* the paragraph, now after its heading */
        }
      else if (unnumbered_heading (block, next_in_text (window, i), body_type, numbered,
                                   config->max_lines, types, weight))
        {
          guint lines = heading_n_lines (block);
          head = recto_block_replace (doc, block, RECTO_BLOCK_HEAD);
          if (lines > 1)
            recto_block_mark_repair (doc, head, "rejoin-heading", "%u lines", lines);
          next = i + 1 < recto_block_get_n_children (body) ? recto_block_get_child (body, i + 1)
                                                           : NULL;
          if (wrapped_heading_continues (head, next, weight))
            {
              run_in_rejoin (doc, head, next);
              recto_block_mark_repair (doc, head, "rejoin-heading", "its wrapped line stood apart");
            }
          g_ptr_array_add (unnumbered, head);
          continue;
        }
      else
        continue;
      if (numbering == RECTO_NUMBERING_NONE)
        {
          g_ptr_array_add (unnumbered, head);
          continue;
        }
      recto_block_set_n (head, g_strstrip (label));
      /* A heading restarts the numbering of the schemes below its own. */
      last_value[numbering] = heading_label_value (head->n);
      g_free (last_text[numbering]);
      last_text[numbering] = without_spaces (head);
      for (guint lower = numbering + 1; lower < RECTO_N_NUMBERINGS; lower++)
        last_value[lower] = 0;
      g_ptr_array_add (heads, head);
      g_array_append_val (schemes, numbering);
      used[numbering] = TRUE;
    }
  g_clear_pointer (&window, body_window_free);
  lost_numbers_find (doc, body, heads, schemes);
  /* Levels: the rank of each scheme among those the volume uses. */
  for (guint n = 0; n < RECTO_N_NUMBERINGS; n++)
    if (used[n])
      level_of[n] = ++level;
  for (guint i = 0; i < heads->len; i++)
    {
      RectoBlock *head = g_ptr_array_index (heads, i);
      head->level = level_of[g_array_index (schemes, RectoNumbering, i)];
    }
  unnumbered_levels (heads, unnumbered);
  for (guint n = 0; n < RECTO_N_NUMBERINGS; n++)
    g_free (last_text[n]);
  return TRUE;
}

static const RectoStageInfo headings_info = {
  .abi_version = RECTO_STAGE_ABI_VERSION,
  .name = "headings",
  .summary = "Finds numbered headings (一、 （一） 1. （1） ① 第一章 Chapter 1 1.2.3) set apart by "
             "weight or size, and gives each its level from its numbering scheme",
  .version = RECTO_VERSION,
  .license = "LGPL-2.1-or-later",
  .kind = RECTO_STAGE_REPAIR,
  .options = headings_options,
  .config_size = sizeof (HeadingsConfig),
  .repairs = headings_repairs,
  .process = headings_process,
};

RECTO_STAGE_DEFINE (headings_info)
