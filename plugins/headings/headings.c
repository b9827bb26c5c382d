/* headings: finds the headings among the blocks the paragraph stage made. A heading is a block
 * that starts with a number in one of the usual schemes ("一、", "（一）", "1.", "（1）", "①",
 * "第一章", "第一节", "第一条", "Chapter 1", "1.2.3"), is set apart by weight, size or face from
 * the volume's body text, and is no longer than a few lines. Its level comes from its scheme: the
 * schemes the volume uses are ranked in their usual nesting order ("一、" over "（一）" over
 * "1."; "1" over "1.2" over "1.2.3"). A heading wrapped over several lines was joined by the
 * paragraph stage; that join is marked here as a repair.
 *
 * The chapter stage nests the headings into divisions. */

#include <string.h>

#include <recto/recto.h>

#include "lost-numbers.h"

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
  { "lost-number", "A heading whose number the extraction lost, found by the gap it leaves in its "
                   "siblings' numbering" },
  { NULL },
};

/* Longest run-in heading, in characters after its number. */
#define MAX_RUN_IN_CHARS 40

static guint
n_lines (const RectoBlock *block)
{
  return block->sources != NULL ? block->sources->len : 1;
}

/* The numbering scheme of @block if it looks like a heading, or RECTO_NUMBERING_NONE. */
static RectoNumbering
heading_numbering (const RectoBlock *block, float body, const char *body_font,
                   const HeadingsConfig *config, char **label)
{
  g_autofree char *text = NULL;
  gboolean set_apart;
  gsize length;
  RectoNumbering numbering;

  if (block->kind != RECTO_BLOCK_P || n_lines (block) > (guint) config->max_lines)
    return RECTO_NUMBERING_NONE;
  /* Without typography (plain-text sources) the numbering alone decides. */
  set_apart = block->size <= 0 || block->all_bold || block->size > body * config->size_ratio
              || (block->font != NULL && body_font != NULL && block->font != body_font);
  if (!set_apart)
    return RECTO_NUMBERING_NONE;
  text = recto_block_get_text (block);
  numbering = recto_numbering_match (text, &length);
  /* Letters and bullets mark list items, never headings. */
  if (numbering == RECTO_NUMBERING_LETTER || numbering == RECTO_NUMBERING_BULLET)
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
 * list items as often as headings. */
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

static gboolean
headings_process (RectoStageContext *ctx, RectoDocument *doc, const void *config_data,
                  GError **error)
{
  const HeadingsConfig *config = config_data;
  RectoBlock *body = recto_document_get_body (doc);
  float body_type = recto_document_get_body_size (doc);
  const char *body_font = recto_document_get_body_font (doc);
  g_autoptr (GPtrArray) heads = g_ptr_array_new ();
  g_autoptr (GArray) schemes = g_array_new (FALSE, FALSE, sizeof (RectoNumbering));
  gboolean used[RECTO_N_NUMBERINGS] = { FALSE };
  int level_of[RECTO_N_NUMBERINGS] = { 0 };
  int level = 0;
  g_autoptr (GPtrArray) blocks = NULL;
  guint n_blocks;

  /* The body's blocks are taken out (from the end, which costs nothing) and put back one by
   * one, headings split off before their paragraphs: inserting into a body of many thousand
   * blocks in place would cost quadratic time. */
  n_blocks = recto_block_get_n_children (body);
  blocks = g_ptr_array_sized_new (n_blocks);
  for (guint i = 0; i < n_blocks; i++)
    g_ptr_array_add (blocks, recto_block_get_child (body, i));
  for (guint i = n_blocks; i > 0; i--)
    recto_block_unlink (g_ptr_array_index (blocks, i - 1));
  for (guint i = 0; i < n_blocks; i++)
    {
      RectoBlock *block = g_ptr_array_index (blocks, i);
      g_autofree char *label = NULL;
      RectoNumbering numbering = heading_numbering (block, body_type, body_font, config, &label);
      RectoBlock *head;
      gsize run_in;

      if (numbering != RECTO_NUMBERING_NONE)
        {
          guint lines = n_lines (block);
          gsize residue = residue_offset (block);
          if (residue > 0)
            {
              /* Numbers orphaned after the heading stay behind, as text of their own. */
              head = recto_block_split_off (doc, block, residue, RECTO_BLOCK_HEAD);
              recto_block_mark_repair (doc, head, "split-run-in", "orphaned text after it");
              recto_block_insert (body, head, -1);
            }
          else
            block = head = recto_block_replace (doc, block, RECTO_BLOCK_HEAD);
          if (lines > 1)
            recto_block_mark_repair (doc, head, "rejoin-heading", "%u lines", lines);
        }
      else if ((run_in = run_in_length (block, &numbering, &label)) > 0)
        {
          head = recto_block_split_off (doc, block, run_in, RECTO_BLOCK_HEAD);
          recto_block_mark_repair (doc, head, "split-run-in", NULL);
          recto_block_insert (body, head, -1); /* the paragraph follows its heading */
        }
      else
        head = NULL;
      recto_block_insert (body, block, -1);
      if (head == NULL)
        continue;
      recto_block_set_n (head, g_strstrip (label));
      g_ptr_array_add (heads, head);
      g_array_append_val (schemes, numbering);
      used[numbering] = TRUE;
    }
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
