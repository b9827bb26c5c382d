/* captions-lists: makes figure captions ("图 1：…", "表 2 …", "Figure 3.", "Table 1:") into
 * <figure><head>, and runs of blocks that open with list labels of one scheme ("1、" "（1）"
 * "(a)" "•", or "1." "2." counting on) into <list> with an <item> each. A caption is short and
 * set smaller than the body text or with a colon or full stop after its number; a list needs
 * at least two items. Blocks already recognised as headings are left alone. */
#include <string.h>

#include <recto/recto.h>

typedef struct
{
  int max_lines;
} CaptionsListsConfig;

static const RectoOption captions_lists_options[] = {
  { .name = "max-lines",
    .type = RECTO_OPTION_INT,
    .default_value = "4",
    .blurb = "Most lines a caption may run to",
    .offset = G_STRUCT_OFFSET (CaptionsListsConfig, max_lines),
    .minimum = 1,
    .maximum = 20 },
  { NULL },
};

static gboolean
is_caption (const RectoBlock *block, float body_size, const CaptionsListsConfig *config)
{
  g_autofree char *text = NULL;
  gboolean punctuated = FALSE;

  if (block->kind != RECTO_BLOCK_P || block->sources == NULL
      || block->sources->len > (guint) config->max_lines)
    return FALSE;
  text = recto_block_get_text (block);
  if (!recto_caption_label_match (text, &punctuated))
    return FALSE;
  return punctuated || (block->size > 0 && block->size < body_size * 0.95f);
}

static void
make_figure (RectoDocument *doc, RectoBlock *block)
{
  RectoBlock *parent = block->parent;
  int index = recto_block_get_index (block);
  RectoBlock *head = recto_block_replace (doc, block, RECTO_BLOCK_HEAD);
  RectoBlock *figure = recto_block_new (doc, RECTO_BLOCK_FIGURE);

  recto_block_insert (parent, figure, index);
  recto_block_insert (figure, head, -1);
}

/* The list scheme and label of @block, or RECTO_NUMBERING_NONE. */
static RectoNumbering
item_label (const RectoBlock *block, char **label)
{
  static const RectoNumbering list_schemes[] = {
    RECTO_NUMBERING_ARABIC, RECTO_NUMBERING_DECIMAL_1, RECTO_NUMBERING_ARABIC_PAREN,
    RECTO_NUMBERING_LETTER, RECTO_NUMBERING_BULLET,    RECTO_NUMBERING_CIRCLED
  };
  g_autofree char *text = NULL;
  RectoNumbering numbering;
  gsize length;

  if (block->kind != RECTO_BLOCK_P)
    return RECTO_NUMBERING_NONE;
  text = recto_block_get_text (block);
  numbering = recto_numbering_match (text, &length);
  for (guint i = 0; i < G_N_ELEMENTS (list_schemes); i++)
    if (numbering == list_schemes[i])
      {
        *label = g_strstrip (g_strndup (text, length));
        return numbering;
      }
  return RECTO_NUMBERING_NONE;
}

static gboolean
is_floating (const RectoBlock *block)
{
  return block->kind == RECTO_BLOCK_PB || block->kind == RECTO_BLOCK_FW
         || block->kind == RECTO_BLOCK_NOTE;
}

/* Makes the blocks from @first on that carry labels of @first's scheme (with page breaks and
 * furniture between them) into one list at @first, if there are at least two. */
static void
make_list (RectoDocument *doc, RectoBlock *parent, guint first)
{
  g_autofree char *first_label = NULL;
  RectoNumbering scheme = item_label (recto_block_get_child (parent, first), &first_label);
  RectoBlock *list;
  guint end = first, items = 0;

  /* Find the run's end: items of the scheme, floating blocks between them. Paragraphs that
   * open with "1." as a section heading does are items only when they count on one by one
   * from where they begin. */
  for (guint i = first; i < recto_block_get_n_children (parent); i++)
    {
      RectoBlock *block = recto_block_get_child (parent, i);
      g_autofree char *label = NULL;
      if (item_label (block, &label) == scheme
          && (scheme != RECTO_NUMBERING_DECIMAL_1
              || g_ascii_strtoull (label, NULL, 10)
                     == g_ascii_strtoull (first_label, NULL, 10) + items))
        {
          items++;
          end = i + 1;
        }
      else if (!is_floating (block))
        break;
    }
  if (items < 2)
    return;
  list = recto_block_new (doc, RECTO_BLOCK_LIST);
  recto_block_insert (parent, list, first);
  for (guint i = first; i < end; i++)
    {
      RectoBlock *block = recto_block_get_child (parent, first + 1);
      g_autofree char *label = NULL;
      if (item_label (block, &label) == scheme)
        {
          block = recto_block_replace (doc, block, RECTO_BLOCK_ITEM);
          recto_block_set_n (block, label);
        }
      recto_block_insert (list, block, -1);
    }
}

static gboolean
captions_lists_process (RectoStageContext *ctx, RectoDocument *doc, const void *config_data,
                        GError **error)
{
  const CaptionsListsConfig *config = config_data;
  RectoBlock *body = recto_document_get_body (doc);
  float body_size = recto_document_get_body_size (doc);

  for (guint i = 0; i < recto_block_get_n_children (body); i++)
    {
      RectoBlock *block = recto_block_get_child (body, i);
      g_autofree char *label = NULL;
      if (is_caption (block, body_size, config))
        make_figure (doc, block);
      else if (item_label (block, &label) != RECTO_NUMBERING_NONE)
        make_list (doc, body, i);
    }
  return TRUE;
}

static const RectoStageInfo captions_lists_info = {
  .abi_version = RECTO_STAGE_ABI_VERSION,
  .name = "captions-lists",
  .summary = "Makes figure captions (图 1：…, Figure 3.) into figures, and runs of labelled "
             "blocks (1. （1） (a) •) into lists",
  .version = RECTO_VERSION,
  .license = "LGPL-2.1-or-later",
  .kind = RECTO_STAGE_REPAIR,
  .options = captions_lists_options,
  .config_size = sizeof (CaptionsListsConfig),
  .process = captions_lists_process,
};

RECTO_STAGE_DEFINE (captions_lists_info)
