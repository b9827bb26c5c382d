/* fuzz-pipeline.c: libFuzzer target. Any text as a pipeline description (stages, quoting and
 * option values, through the one option parser), whole and as repairs only. */
#include "fuzz-common.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  g_autofree char *description = g_strndup ((const char *) data, size);
  RectoPipeline *pipeline;

  pipeline = recto_pipeline_new (fuzz_registry (), description, NULL);
  if (pipeline != NULL)
    recto_pipeline_free (pipeline);
  pipeline = recto_pipeline_new_repairs (fuzz_registry (), description, NULL);
  if (pipeline != NULL)
    recto_pipeline_free (pipeline);
  return 0;
}
