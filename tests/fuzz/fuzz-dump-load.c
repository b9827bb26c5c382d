/* fuzz-dump-load.c: libFuzzer target. Any bytes as a document fixture (recto-stage-test's
 * input): loaded, run through the default repairs, and dumped again. */
#include "fuzz-common.h"
#include "recto-parallel-private.h"
#include "recto-dump.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  g_autoptr (RectoPipeline) repairs =
      recto_pipeline_new_repairs (fuzz_registry (), RECTO_DEFAULT_REPAIRS, NULL);
  g_autoptr (RectoDocument) doc = NULL;
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *json = NULL;

  recto_set_n_threads (1);
  doc = recto_dump_load ((const char *) data, (gssize) size, NULL);
  if (doc == NULL)
    return 0;
  json = recto_dump_to_json (doc, "load");
  g_clear_pointer (&json, g_free);
  if (recto_pipeline_run (repairs, doc, NULL, "fuzz.json", NULL, warnings, NULL))
    json = recto_dump_to_json (doc, "chapters");
  return 0;
}
