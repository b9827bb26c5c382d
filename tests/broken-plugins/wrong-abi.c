/* A stage built against a future ABI: the loader must refuse it from the version alone. */
#include <recto/recto.h>

static const RectoStageInfo info = {
  .abi_version = 999,
  .name = "wrong-abi",
};

RECTO_STAGE_DEFINE (info)
