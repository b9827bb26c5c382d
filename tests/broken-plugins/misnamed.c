/* A stage whose declared name differs from its file name. */
#include <recto/recto.h>

static gboolean
process (RectoStageContext *ctx, RectoDocument *doc, const void *config, GError **error)
{
  return TRUE;
}

static const RectoStageInfo info = {
  .abi_version = RECTO_STAGE_ABI_VERSION,
  .name = "another-name",
  .summary = "Misnamed",
  .version = "1",
  .license = "MIT",
  .kind = RECTO_STAGE_REPAIR,
  .process = process,
};

RECTO_STAGE_DEFINE (info)
