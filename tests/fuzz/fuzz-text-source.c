/* fuzz-text-source.c: libFuzzer target. A text extraction of any bytes, through the default repairs and the TEI sink. */
#include "fuzz-common.h"
#include "recto-parallel-private.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  recto_set_n_threads (1);
  fuzz_run_pipeline ("text-source ! " RECTO_DEFAULT_REPAIRS " ! " RECTO_DEFAULT_SINK, data, size, "fuzz.txt");
  return 0;
}
