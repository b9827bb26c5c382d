/* fuzz-common.c: see fuzz-common.h. */
#include "fuzz-common.h"

RectoRegistry *
fuzz_registry (void)
{
  static RectoRegistry *registry;

  if (registry == NULL)
    {
      const char *dirs[] = { FUZZ_PLUGIN_DIR, NULL };
      /* Warnings and criticals are the stages' to raise; none may abort a run. */
      g_log_set_always_fatal (G_LOG_LEVEL_ERROR);
      registry = recto_registry_new ();
      recto_registry_scan_default (registry, dirs);
    }
  return registry;
}

void
fuzz_run_pipeline (const char *description, const guint8 *data, gsize size, const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RectoPipeline) pipeline = recto_pipeline_new (fuzz_registry (), description, &error);
  g_autoptr (RectoDocument) doc = NULL;
  g_autoptr (GOutputStream) output = NULL;
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);

  if (pipeline == NULL)
    g_error ("%s: %s", description, error->message); /* a broken build, not a finding */
  doc = recto_document_new ();
  recto_document_set_source (doc, name, "0", size);
  output = g_memory_output_stream_new_resizable ();
  recto_pipeline_run (pipeline, doc, g_bytes_new (data, size), name, output, warnings, NULL);
}

/* libFuzzer calls this once before the first input: the stages are loaded here so that their
 * coverage counters are known from the start. */
int LLVMFuzzerInitialize (int *argc, char ***argv);

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_registry ();
  return 0;
}
