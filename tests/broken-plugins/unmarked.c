/* A source stage whose name does not end in "-source": probing an input would never load it. */
#include <recto/recto.h>

static gboolean
process (RectoStageContext *ctx, RectoDocument *doc, const void *config, GError **error)
{
  return TRUE;
}

static guint
probe (const char *name, const guint8 *head, gsize length)
{
  return 100;
}

static const RectoStageInfo info = {
  .abi_version = RECTO_STAGE_ABI_VERSION,
  .name = "unmarked",
  .summary = "A source not named as one",
  .version = "1",
  .license = "MIT",
  .kind = RECTO_STAGE_SOURCE,
  .probe = probe,
  .process = process,
};

RECTO_STAGE_DEFINE (info)
