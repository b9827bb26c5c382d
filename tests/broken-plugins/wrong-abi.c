/* A stage built against a future ABI: the loader must refuse it from the version alone. */
#include <recto/recto.h>

static const RectoStageInfo info = {
  .abi_version = RECTO_STAGE_ABI_VERSION + 998,
  .name = "wrong-abi",
};

RECTO_STAGE_DEFINE (info)
