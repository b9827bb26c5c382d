/* test-repair: a repair stage for tests. It marks a repair on every paragraph, or fails in the
 * way its option asks, so that tests can see repairs marked and failures reported. A batch
 * test makes it crash or hang on the inputs whose name holds a given text, so that one bad
 * file can be shown not to stop the others. */
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include <recto/recto.h>

typedef struct
{
  int fail;
  char *crash_on; /* abort() on an input whose name holds this */
  char *hang_on; /* never return on an input whose name holds this */
} TestRepairConfig;

enum
{
  FAIL_NEVER,
  FAIL_WITH_ERROR,
  FAIL_SILENTLY,
};

static const RectoOption test_repair_options[] = {
  { .name = "fail",
    .type = RECTO_OPTION_CHOICE,
    .choices = "never|with-error|silently",
    .default_value = "never",
    .blurb = "Whether and how to fail",
    .offset = G_STRUCT_OFFSET (TestRepairConfig, fail) },
  { .name = "crash-on",
    .type = RECTO_OPTION_STRING,
    .blurb = "Crash (abort) on inputs whose name holds this text",
    .offset = G_STRUCT_OFFSET (TestRepairConfig, crash_on) },
  { .name = "hang-on",
    .type = RECTO_OPTION_STRING,
    .blurb = "Hang on inputs whose name holds this text",
    .offset = G_STRUCT_OFFSET (TestRepairConfig, hang_on) },
  { NULL },
};

static const RectoRepairKind test_repair_kinds[] = {
  { "touch", "Touched the paragraph" },
  { NULL },
};

static void
touch_paragraphs (RectoDocument *doc, RectoBlock *block)
{
  if (block->kind == RECTO_BLOCK_P)
    recto_block_mark_repair (doc, block, "touch", "touched");
  for (guint i = 0; i < recto_block_get_n_children (block); i++)
    touch_paragraphs (doc, recto_block_get_child (block, i));
}

static gboolean
test_repair_process (RectoStageContext *ctx, RectoDocument *doc, const void *config_data,
                     GError **error)
{
  const TestRepairConfig *config = config_data;
  const char *name = recto_stage_context_get_input_name (ctx);

  if (config->crash_on != NULL && strstr (name, config->crash_on) != NULL)
    abort ();
  while (config->hang_on != NULL && strstr (name, config->hang_on) != NULL)
    pause ();
  switch (config->fail)
    {
    case FAIL_WITH_ERROR:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "failed on purpose");
      return FALSE;
    case FAIL_SILENTLY:
      return FALSE;
    default:
      break;
    }
  recto_stage_context_warn (ctx, "touched every paragraph");
  touch_paragraphs (doc, recto_document_get_body (doc));
  return TRUE;
}

static const RectoStageInfo test_repair_info = {
  .abi_version = RECTO_STAGE_ABI_VERSION,
  .name = "test-repair",
  .summary = "Test-only repair: marks every paragraph, or fails on request",
  .version = "1",
  .license = "LGPL-2.1-or-later",
  .kind = RECTO_STAGE_REPAIR,
  .options = test_repair_options,
  .config_size = sizeof (TestRepairConfig),
  .repairs = test_repair_kinds,
  .process = test_repair_process,
};

RECTO_STAGE_DEFINE (test_repair_info)
