/* fuzz-pdf-source.c: libFuzzer target. A PDF of any bytes, through the default repairs and the TEI sink (not recover-text:
 * OCR would make each run take seconds). */
#include "fuzz-common.h"
#include "recto-parallel-private.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  recto_set_n_threads (1);
  fuzz_run_pipeline ("pdf-source ! " RECTO_DEFAULT_REPAIRS " ! " RECTO_DEFAULT_SINK, data, size, "fuzz.pdf");
  return 0;
}
