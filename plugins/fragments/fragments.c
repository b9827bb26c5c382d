/* fragments: marks what survives of lost text. In an extraction of a Chinese volume whose body
 * font had no Unicode map, the sentences are gone and their numbers and Latin words (set in
 * another font) are left on lines of their own: "8", "1309 125 24", "+", "CGTN". Such lines
 * are not paragraphs. A run of them becomes one <ab type="fragment"> that keeps every
 * surviving character, with a <gap reason="lost-text"/> before each piece and after the last,
 * where the lost text stood; the block is marked as a repair.
 *
 * Only blocks without geometry (text sources) are judged here, in a volume that is mostly CJK:
 * in a PDF, a line of numbers is more likely a table row, and lost text is recover-text's. */
#include <recto/recto.h>

typedef struct
{
  int max_chars;
} FragmentsConfig;

static const RectoOption fragments_options[] = {
  { .name = "max-chars",
    .type = RECTO_OPTION_INT,
    .default_value = "40",
    .blurb = "Longest line, in characters, that may be a fragment",
    .offset = G_STRUCT_OFFSET (FragmentsConfig, max_chars),
    .minimum = 1,
    .maximum = 1000 },
  { NULL },
};

static const RectoRepairKind fragments_repairs[] = {
  { "orphaned-text",
    "Numbers and words left on lines of their own when their sentences were lost, kept between "
    "gaps" },
  { NULL },
};

static gboolean
is_cjk (gunichar c)
{
  return g_unichar_iswide (c);
}

static gboolean
has_geometry (const RectoBlock *block)
{
  return block->sources != NULL && block->sources->len > 0
         && g_array_index (block->sources, RectoSourceRef, 0).has_box;
}

/* Whether most letters of the body's paragraphs are CJK. */
static gboolean
is_cjk_volume (const RectoBlock *body)
{
  guint cjk = 0, other = 0;

  for (guint i = 0; i < recto_block_get_n_children (body); i++)
    {
      g_autofree char *text = recto_block_get_text (recto_block_get_child (body, i));
      for (const char *c = text; *c != '\0'; c = g_utf8_next_char (c))
        {
          gunichar u = g_utf8_get_char (c);
          if (is_cjk (u))
            cjk++;
          else if (g_unichar_isalpha (u))
            other++;
        }
    }
  return cjk > other;
}

static gboolean
is_fragment (const RectoBlock *block, const FragmentsConfig *config)
{
  g_autofree char *text = NULL;

  if (block->kind != RECTO_BLOCK_P || has_geometry (block))
    return FALSE;
  text = recto_block_get_text (block);
  if (g_utf8_strlen (text, -1) > config->max_chars)
    return FALSE;
  for (const char *c = text; *c != '\0'; c = g_utf8_next_char (c))
    if (is_cjk (g_utf8_get_char (c)))
      return FALSE;
  return TRUE;
}

static void
add_gap (RectoDocument *doc, RectoBlock *ab)
{
  RectoBlock *gap = recto_block_append (doc, ab, RECTO_BLOCK_GAP);
  recto_block_set_type (doc, gap, "lost-text");
}

static gboolean
is_floating (const RectoBlock *block)
{
  return block->kind == RECTO_BLOCK_PB || block->kind == RECTO_BLOCK_FW;
}

/* Makes the run of fragments that starts at @blocks[@first] (page breaks between them
 * included) into one <ab> appended to @body; returns the index of the first block after it. */
static guint
make_fragment (RectoDocument *doc, RectoBlock *body, GPtrArray *blocks, guint first,
               const FragmentsConfig *config)
{
  RectoBlock *ab = recto_block_append (doc, body, RECTO_BLOCK_AB);
  guint taken = 0, i = first;

  recto_block_set_type (doc, ab, "fragment");
  for (; i < blocks->len; i++)
    {
      RectoBlock *block = g_ptr_array_index (blocks, i);
      if (is_fragment (block, config))
        {
          add_gap (doc, ab);
          while (recto_block_get_n_children (block) > 0)
            recto_block_insert (ab, recto_block_get_child (block, 0), -1);
          for (guint j = 0; block->sources != NULL && j < block->sources->len; j++)
            recto_block_add_source (ab, g_array_index (block->sources, RectoSourceRef, j).page,
                                    NULL);
          taken++;
        }
      else if (is_floating (block) && i + 1 < blocks->len
               && is_fragment (g_ptr_array_index (blocks, i + 1), config))
        recto_block_insert (ab, block, -1);
      else
        break;
    }
  add_gap (doc, ab);
  recto_block_mark_repair (doc, ab, "orphaned-text", "%u lines", taken);
  return i;
}

static gboolean
has_fragment (const RectoBlock *body, const FragmentsConfig *config)
{
  for (guint i = 0; i < recto_block_get_n_children (body); i++)
    if (is_fragment (recto_block_get_child (body, i), config))
      return TRUE;
  return FALSE;
}

static gboolean
fragments_process (RectoStageContext *ctx, RectoDocument *doc, const void *config_data,
                   GError **error)
{
  const FragmentsConfig *config = config_data;
  RectoBlock *body = recto_document_get_body (doc);
  g_autoptr (GPtrArray) blocks = NULL;
  guint n_blocks;

  /* Reading every character of the volume is the costly test: a volume with geometry has no
   * fragment to look for. */
  if (!has_fragment (body, config) || !is_cjk_volume (body))
    return TRUE;
  /* The body's blocks are taken out (from the end, which costs nothing) and put back in order,
   * runs of fragments gathered on the way: moving blocks about inside a body of many thousand
   * would cost quadratic time. */
  n_blocks = recto_block_get_n_children (body);
  blocks = g_ptr_array_sized_new (n_blocks);
  for (guint i = 0; i < n_blocks; i++)
    g_ptr_array_add (blocks, recto_block_get_child (body, i));
  for (guint i = n_blocks; i > 0; i--)
    recto_block_unlink (g_ptr_array_index (blocks, i - 1));
  for (guint i = 0; i < n_blocks;)
    if (is_fragment (g_ptr_array_index (blocks, i), config))
      i = make_fragment (doc, body, blocks, i, config);
    else
      recto_block_insert (body, g_ptr_array_index (blocks, i++), -1);
  return TRUE;
}

static const RectoStageInfo fragments_info = {
  .abi_version = RECTO_STAGE_ABI_VERSION,
  .name = "fragments",
  .summary = "Keeps numbers and words orphaned from lost sentences (text extractions of CJK "
             "volumes) as marked fragments between gaps, not as paragraphs",
  .version = RECTO_VERSION,
  .license = "LGPL-2.1-or-later",
  .kind = RECTO_STAGE_REPAIR,
  .options = fragments_options,
  .config_size = sizeof (FragmentsConfig),
  .repairs = fragments_repairs,
  .process = fragments_process,
};

RECTO_STAGE_DEFINE (fragments_info)
