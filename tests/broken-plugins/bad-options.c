/* A stage whose option table writes outside its config struct. */
#include <recto/recto.h>

static gboolean
process (RectoStageContext *ctx, RectoDocument *doc, const void *config, GError **error)
{
  return TRUE;
}

static const RectoOption options[] = {
  { .name = "level", .type = RECTO_OPTION_DOUBLE, .offset = 64 },
  { NULL },
};

static const RectoStageInfo info = {
  .abi_version = RECTO_STAGE_ABI_VERSION,
  .name = "bad-options",
  .summary = "Bad option table",
  .version = "1",
  .license = "MIT",
  .kind = RECTO_STAGE_REPAIR,
  .options = options,
  .config_size = sizeof (double),
  .process = process,
};

RECTO_STAGE_DEFINE (info)
