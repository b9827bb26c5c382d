/* fullwidth-digits.c: a recto stage that reads full-width digits (０１２…９) inside paragraphs
 * as ASCII digits. The source's characters stay in the TEI as the original, the ASCII reading
 * is given beside them and marked as this stage's repair:
 *
 *   共<choice><orig>１２</orig><reg resp="#stage.fullwidth-digits" ana="…">12</reg></choice>项
 *
 * The example stage of docs/writing-a-stage.md; copy this folder to start a stage of your own. */
#include <recto/recto.h>

typedef struct
{
  gboolean letters; /* also Ａ–Ｚ and ａ–ｚ */
  gboolean headings; /* also inside headings */
} FullwidthConfig;

static const RectoOption fullwidth_options[] = {
  { .name = "letters",
    .type = RECTO_OPTION_BOOLEAN,
    .default_value = "false",
    .blurb = "Also read full-width Latin letters (Ａ–Ｚ, ａ–ｚ) as ASCII",
    .offset = G_STRUCT_OFFSET (FullwidthConfig, letters) },
  { .name = "headings",
    .type = RECTO_OPTION_BOOLEAN,
    .default_value = "false",
    .blurb = "Also work inside headings, not only paragraphs",
    .offset = G_STRUCT_OFFSET (FullwidthConfig, headings) },
  { NULL },
};

static const RectoRepairKind fullwidth_repairs[] = {
  { "ascii-digits", "Read full-width digits (and letters, when asked) as ASCII" },
  { NULL },
};

/* The ASCII character @c stands for, or 0 when this stage leaves @c alone. */
static gunichar
ascii_for (gunichar c, const FullwidthConfig *config)
{
  if (c >= 0xFF10 && c <= 0xFF19)
    return '0' + (c - 0xFF10);
  if (config->letters && ((c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A)))
    return c - 0xFEE0; /* the full-width forms sit at a fixed distance from ASCII */
  return 0;
}

/* Regularises the first run of full-width characters in the TEXT block @text, if it has one.
 * What follows the run moves to a new TEXT block after it, which the caller visits next. */
static void
regularise_first_run (RectoDocument *doc, RectoBlock *text, const FullwidthConfig *config)
{
  const char *start = NULL, *end = NULL;
  g_autoptr (GString) ascii = g_string_new (NULL);

  for (const char *c = text->text; *c != '\0'; c = g_utf8_next_char (c))
    {
      gunichar plain = ascii_for (g_utf8_get_char (c), config);
      if (plain == 0 && start != NULL)
        break;
      if (plain == 0)
        continue;
      if (start == NULL)
        start = c;
      end = g_utf8_next_char (c);
      g_string_append_c (ascii, (char) plain);
    }
  if (start == NULL)
    return;

  g_autofree char *original = g_strndup (start, end - start);
  RectoBlock *reg = recto_block_regularize (doc, text, start - text->text, end - start,
                                            ascii->str);
  recto_block_mark_repair (doc, reg, "ascii-digits", "%s → %s", original, ascii->str);
}

static void
regularise_blocks (RectoDocument *doc, RectoBlock *block, const FullwidthConfig *config)
{
  gboolean works_here =
      block->kind == RECTO_BLOCK_P || (config->headings && block->kind == RECTO_BLOCK_HEAD);

  /* Children are looked up by index on each turn: regularising inserts blocks after the
   * current one, and those are visited next. */
  for (guint i = 0; i < recto_block_get_n_children (block); i++)
    {
      RectoBlock *child = recto_block_get_child (block, i);
      if (child->kind == RECTO_BLOCK_TEXT && works_here)
        regularise_first_run (doc, child, config);
      else if (child->kind != RECTO_BLOCK_TEXT)
        regularise_blocks (doc, child, config);
    }
}

static gboolean
fullwidth_process (RectoStageContext *ctx, RectoDocument *doc, const void *config,
                   GError **error)
{
  regularise_blocks (doc, recto_document_get_body (doc), config);
  return TRUE;
}

static const RectoStageInfo fullwidth_info = {
  .abi_version = RECTO_STAGE_ABI_VERSION,
  .name = "fullwidth-digits",
  .summary = "Reads full-width digits in paragraphs as ASCII, keeping the original",
  .version = "0.1.0",
  .license = "LGPL-2.1-or-later",
  .kind = RECTO_STAGE_REPAIR,
  .options = fullwidth_options,
  .config_size = sizeof (FullwidthConfig),
  .repairs = fullwidth_repairs,
  .process = fullwidth_process,
};

RECTO_STAGE_DEFINE (fullwidth_info)
