/* A stage whose repair kind is not kebab-case. */
#include <recto/recto.h>

static gboolean
process (RectoStageContext *ctx, RectoDocument *doc, const void *config, GError **error)
{
  return TRUE;
}

static const RectoRepairKind repairs[] = {
  { "Joined Lines", "Lines joined into one" },
  { NULL },
};

static const RectoStageInfo info = {
  .abi_version = RECTO_STAGE_ABI_VERSION,
  .name = "bad-repair",
  .summary = "Bad repair kind",
  .version = "1",
  .license = "MIT",
  .kind = RECTO_STAGE_REPAIR,
  .repairs = repairs,
  .process = process,
};

RECTO_STAGE_DEFINE (info)
