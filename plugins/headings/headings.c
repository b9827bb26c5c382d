/* headings: finds the headings among the blocks the paragraph stage made. A heading is a block
 * that starts with a number in one of the usual schemes ("一、", "（一）", "1.", "（1）", "①",
 * "第一章", "第一节", "第一条", "Chapter 1", "1.2.3"), is set apart by weight, size or face from
 * the volume's body text, and is no longer than a few lines. Its level comes from its scheme: the
 * schemes the volume uses are ranked in their usual nesting order ("一、" over "（一）" over
 * "1."; "1" over "1.2" over "1.2.3"). A heading wrapped over several lines was joined by the
 * paragraph stage; that join is marked here as a repair, and a wrapped line the paragraph stage
 * left apart (a short centred one, or in a text without typography the rest of a heading that
 * filled its page's measure) is joined to its heading (wrapped-heads.h, text-tails.h), and a
 * numbered heading it joined to the heading above it is taken apart from it (numbered-lines.h).
 * Bold is read from the font's name or, for a face emboldened by stroking its outlines, from the
 * page's picture (ink-weight.h). Which numbered blocks are headings is told in numbered-heads.h.
 *
 * A short block set wholly in bold, at the body's size or larger, is a heading without a number
 * (unless it reads as a sentence or a caption), and so is one set larger than the body that
 * heads smaller text, or the first numbered heading under it set in its type, or one set
 * smaller than the body over text smaller still (a sidebar's, unnumbered.h); it takes the level
 * of the numbered headings set in the same type, or else its rank among the headings' type
 * sizes; one that stands right over the first heading of a numbered scheme, with no text of its
 * own, heads that scheme. A short line in the body's own type that opens its page's text, a
 * blank line over the paragraph under it, is a title, and so is a larger line that is the only
 * text of a page of tables, above them (standing-titles.h). A paragraph whose first line opens
 * with a bold run that ends mid-line, with a number or a closing stop, has a heading run into
 * it ("Governance. Reserves stood at…"): the heading is split off where the bold ends. A
 * numbered line in the body's own type is a heading when it stands alone and continues its
 * scheme's numbering (plain-heads.h). In a text without typography, numbers of the column
 * beside that open a heading's lines are moved before it (stray-numbers.h).
 *
 * The chapter stage nests the headings into divisions. */

#include <recto/recto.h>

#include "body-window.h"
#include "heading-text.h"
#include "ink-weight.h"
#include "lost-numbers.h"
#include "numbered-heads.h"
#include "numbered-lines.h"
#include "plain-heads.h"
#include "run-in.h"
#include "standing-titles.h"
#include "stray-numbers.h"
#include "text-tails.h"
#include "unnumbered.h"
#include "wrapped-heads.h"

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
  { "split-numbered-line", "A heading and the numbered heading or the caption below it, which had "
                           "been taken for one block, were taken apart" },
  { "stray-numbers", "Numbers of the column beside, which a text extraction set at the start of "
                     "a heading's lines, were moved before the heading" },
  { "lost-number", "A heading whose number the extraction lost, found by the gap it leaves in its "
                   "siblings' numbering" },
  { NULL },
};

/* Whether the heading numbered @label in @numbering goes on from the one before it of that
 * scheme (@last_value: each scheme's last value since a heading of a higher one): numbered one
 * more, and not the first. */
static gboolean
goes_on_from (const guint *last_value, RectoNumbering numbering, const char *label)
{
  guint value = heading_label_value (label);

  return value >= 2 && last_value[numbering] + 1 == value;
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
  /* The scripts of the text read so far, where they are used: in a text without typography
   * (no fonts). The body comes in as the stage reads it. */
  RectoScriptCounts script = { 0 };

  for (guint i = 0;; i++)
    {
      RectoBlock *block;
      g_autofree char *label = NULL;
      RectoNumbering numbering = RECTO_NUMBERING_NONE;
      RectoBlock *head, *next;
      gsize run_in;
      guint moved;
      gboolean cjk_text;

      body_window_fill (window, i);
      if (i >= recto_block_get_n_children (body))
        break;
      block = recto_block_get_child (body, i);
      if (body_font == NULL)
        heading_count_script (&script, block);
      cjk_text = body_font == NULL && heading_script_is_cjk (&script);
      if ((moved = stray_numbers_split (doc, body, i)) > 0)
        {
          /* The numbers stand before the block now, which is looked at again. */
          i += moved - 1;
          continue;
        }
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
          run_in_rejoin_rest (doc, body, block, ++i);
        }
      else if ((numbering = numbered_heading_scheme (block, body_type, body_font, cjk_text, config,
                                                     weight, &label))
                   != RECTO_NUMBERING_NONE
               && !numbered_heading_repeats (body, i, last_text[numbering]))
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
          residue = numbered_heading_residue (block);
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
          if (head->size <= 0 && residue == 0 && !heading_ends_in_stop (head)
              && !heading_take_tail (doc, body, window, head, i, numbering)
              && goes_on_from (last_value, numbering, label)
              && heading_take_rest_before (doc, body, window, head, i))
            i = (guint) recto_block_get_index (head);
          if (lines > 1)
            recto_block_mark_repair (doc, head, "rejoin-heading", "%u lines", lines);
          next = i + 1 < recto_block_get_n_children (body) ? recto_block_get_child (body, i + 1)
                                                           : NULL;
          if (residue == 0 && numbered_heading_takes_title (head, label, next, body_type, config))
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
      else if ((run_in = run_in_by_text (block, &numbering, &label)) > 0)
        {
          head = recto_block_split_off (doc, block, run_in, RECTO_BLOCK_HEAD);
          recto_block_mark_repair (doc, head, "split-run-in", NULL);
          i++; /* the paragraph, now after its heading */
        }
      else if (unnumbered_heading (block, body_window_next_in_text (window, i), body_type, numbered,
                                   config->size_ratio, config->max_lines, types, weight)
               || standing_title (body, i, body_window_next_in_text (window, i))
               || table_page_title (doc, body, i, body_type))
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
      last_text[numbering] = heading_without_spaces (head);
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
  unnumbered_parents (body, unnumbered);
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
