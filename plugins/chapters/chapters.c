/* chapters: splits a volume into its contributed reports and nests the headings.
 *
 * A chapter starts at a title: a block at the top of a page (only page furniture before it on
 * that page), larger than the volume's headings or set in bold at a larger size than the body,
 * at most a few lines long and not numbered as a heading; or a block whose text is a top-level
 * entry of the PDF's outline. Each title opens a <div type="chapter"> headed by it; inside,
 * every heading opens a <div type="section"> nested by its level. Page breaks and furniture
 * that come just before a title or heading go into its division, so that a chapter begins with
 * the page it starts on. A title wrapped onto a next line in the same type, which the paragraph
 * stage took apart (a short centred line), is joined into one again. In a text without
 * typography, a line that repeats the chapter's title is its running head (<fw>), a line that
 * ends the wider line before it is no title, and the lines between a title and its subtitle
 * are the title's, wrapped. Up to two
 * single lines after a title, in a face other than the body text's, are its front matter: a
 * subtitle (<head type="sub">) when it opens with a dash, else a byline (<head type="byline">).
 * In a text without faces (a scan), a line after the title that opens with a dash is its
 * subtitle, and the line set close under that its byline, and so is a line in smaller type
 * centred right under a title without a subtitle, nearer to it than to the text after it
 * (titles.h). */

#include "divisions.h"
#include "text-titles.h"
#include "titles.h"

static const RectoOption chapters_options[] = {
  { .name = "max-lines",
    .type = RECTO_OPTION_INT,
    .default_value = "3",
    .blurb = "Most lines a chapter title may run to",
    .offset = G_STRUCT_OFFSET (ChaptersConfig, max_lines),
    .minimum = 1,
    .maximum = 20 },
  {
      .name = "outline",
      .type = RECTO_OPTION_BOOLEAN,
      .default_value = "true",
      .blurb = "Also take the PDF outline's top-level entries as chapter titles",
      .offset = G_STRUCT_OFFSET (ChaptersConfig, use_outline),
  },
  { NULL },
};

static const RectoRepairKind chapters_repairs[] = {
  { "rejoin-title", "A title wrapped over lines that were taken apart was joined into one" },
  { "running-head", "A line of a text without typography that repeats the chapter's title is its "
                    "running head" },
  { NULL },
};

static gboolean
is_fragment (const RectoBlock *block)
{
  return block->kind == RECTO_BLOCK_AB && g_strcmp0 (block->type, "fragment") == 0;
}

/* Types @head, a line of a title's front matter, as its subtitle when it opens with a dash
 * (@subtitle then points to it), else as its byline. */
static void
set_front_type (RectoDocument *doc, RectoBlock *head, RectoBlock **subtitle)
{
  gboolean is_subtitle = titles_opens_with_dash (head);

  recto_block_set_type (doc, head, is_subtitle ? "sub" : "byline");
  if (is_subtitle)
    *subtitle = head;
}

static gboolean
chapters_process (RectoStageContext *ctx, RectoDocument *doc, const void *config_data,
                  GError **error)
{
  const ChaptersConfig *config = config_data;
  RectoBlock *body = recto_document_get_body (doc);
  Sizes sizes = titles_measure_sizes (doc);
  g_autoptr (GPtrArray) blocks = g_ptr_array_new ();
  g_autoptr (GPtrArray) open = g_ptr_array_new ();
  g_autoptr (GPtrArray) floating = g_ptr_array_new ();
  Nest nest = { doc, open, floating };
  gboolean top_of_page = FALSE;
  gboolean title_just_opened = FALSE;
  guint front_lines = 0; /* lines of front matter since the last title */
  RectoBlock *title_head = NULL, *subtitle = NULL; /* the last chapter's */
  g_autofree char *title = NULL; /* the text of the last chapter's title */

  /* The body's children move, so walk a copy of the list. They are all taken out first, last
   * to first, which costs nothing, where taking each out of the front of thousands would move
   * the rest every time; they go back in the order they are walked. */
  for (guint i = 0; i < recto_block_get_n_children (body); i++)
    g_ptr_array_add (blocks, recto_block_get_child (body, i));
  for (guint i = blocks->len; i > 0; i--)
    recto_block_unlink (g_ptr_array_index (blocks, i - 1));
  g_ptr_array_add (open, body);

  for (guint i = 0; i < blocks->len; i++)
    {
      RectoBlock *block = g_ptr_array_index (blocks, i);
      guint wrapped = 0;
      gsize head_length;

      if (divisions_is_floating (block))
        {
          top_of_page = top_of_page || block->kind == RECTO_BLOCK_PB;
          g_ptr_array_add (floating, block);
          continue;
        }
      if (text_titles_repeat (block, title))
        {
          /* A text without typography: the running head that repeats the chapter's title. */
          RectoBlock *header = recto_block_replace (doc, block, RECTO_BLOCK_FW);
          recto_block_set_type (doc, header, "header");
          recto_block_mark_repair (doc, header, "running-head", "it repeats the chapter's title");
          g_ptr_array_add (floating, header);
          continue;
        }
      head_length = text_titles_running_head (blocks, i, &wrapped);
      if (head_length > 0)
        {
          RectoBlock *header = recto_block_split_off (doc, block, head_length, RECTO_BLOCK_FW);
          recto_block_set_type (doc, header, "header");
          recto_block_mark_repair (doc, header, "running-head", "it repeats the title under it");
          g_ptr_array_add (floating, header);
        }
      if (head_length > 0 || titles_is_title (doc, blocks, i, top_of_page, &sizes, config))
        {
          RectoBlock *head = recto_block_replace (doc, block, RECTO_BLOCK_HEAD);
          if (title_just_opened)
            {
              /* A second title line straight after the first: a paper's author line. */
              set_front_type (doc, head, &subtitle);
              divisions_put_floating (&nest, divisions_innermost (&nest));
              recto_block_insert (divisions_innermost (&nest), head, -1);
            }
          else
            {
              /* Level 0: a chapter closes every division, other chapters included. */
              divisions_open (&nest, head, "chapter", 0);
              title_head = head;
              subtitle = NULL;
            }
          if (head_length == 0 && head->size <= 0 && !title_just_opened)
            {
              g_autofree char *text = recto_block_get_text (head);
              wrapped = text_titles_wrapped (blocks, i, text);
              if (wrapped == 0)
                wrapped = text_titles_before_subtitle (blocks, i, text);
            }
          for (; wrapped > 0; wrapped--)
            titles_join (doc, head, g_ptr_array_index (blocks, ++i));
          while (i + 1 < blocks->len && titles_continues (head, g_ptr_array_index (blocks, i + 1)))
            titles_join (doc, head, g_ptr_array_index (blocks, ++i));
          if (!title_just_opened)
            {
              g_free (title);
              title = recto_block_get_text (head);
            }
          title_just_opened = TRUE;
          front_lines = 0;
          top_of_page = FALSE;
          continue;
        }
      if (title_just_opened && front_lines < 2
          && titles_is_front_line (doc, block, title_head, subtitle,
                                   i + 1 < blocks->len ? g_ptr_array_index (blocks, i + 1) : NULL))
        {
          RectoBlock *head = recto_block_replace (doc, block, RECTO_BLOCK_HEAD);
          set_front_type (doc, head, &subtitle);
          divisions_put_floating (&nest, divisions_innermost (&nest));
          recto_block_insert (divisions_innermost (&nest), head, -1);
          front_lines++;
          continue;
        }
      title_just_opened = FALSE;
      if (block->kind == RECTO_BLOCK_HEAD)
        divisions_open (&nest, block, "section", MAX (block->level, 1));
      else
        {
          divisions_put_floating (&nest, divisions_innermost (&nest));
          recto_block_insert (divisions_innermost (&nest), block, -1);
        }
      /* What survives of a lost body (its figures) stands in stream order, not reading order:
       * a title after it may still open the page. */
      top_of_page = top_of_page && is_fragment (block);
    }
  divisions_put_floating (&nest, divisions_innermost (&nest));
  return TRUE;
}

static const RectoStageInfo chapters_info = {
  .abi_version = RECTO_STAGE_ABI_VERSION,
  .name = "chapters",
  .summary = "Splits a volume into its contributed reports at title lines (and outline "
             "entries), and nests headings into divisions by level",
  .version = RECTO_VERSION,
  .license = "LGPL-2.1-or-later",
  .kind = RECTO_STAGE_REPAIR,
  .options = chapters_options,
  .config_size = sizeof (ChaptersConfig),
  .repairs = chapters_repairs,
  .process = chapters_process,
};

RECTO_STAGE_DEFINE (chapters_info)
