/* A repair stage whose name says it is a source: the name, read before a module is loaded, must
 * tell the truth. */
#include <recto/recto.h>

static gboolean
process (RectoStageContext *ctx, RectoDocument *doc, const void *config, GError **error)
{
  return TRUE;
}

static const RectoStageInfo info = {
  .abi_version = RECTO_STAGE_ABI_VERSION,
  .name = "fake-source",
  .summary = "A repair named as a source",
  .version = "1",
  .license = "MIT",
  .kind = RECTO_STAGE_REPAIR,
  .process = process,
};

RECTO_STAGE_DEFINE (info)
