/* test-pipeline.c: parsing pipeline descriptions, their shape rules, and running stages with
 * errors that name the stage. */
#include "recto-pipeline.h"
#include "recto-stage-context.h"

static RectoRegistry *
make_registry (void)
{
  RectoRegistry *registry = recto_registry_new ();

  recto_registry_scan_dir (registry, g_getenv ("RECTO_TEST_PLUGIN_DIR"));
  recto_registry_scan_dir (registry, g_getenv ("RECTO_TEST_EXTRA_DIR"));
  return registry;
}

static void
test_parse (void)
{
  g_autoptr (RectoRegistry) registry = make_registry ();
  g_autoptr (GError) error = NULL;
  g_autoptr (RectoPipeline) pipeline = NULL;

  pipeline = recto_pipeline_new (registry,
                                 "pdf-source password='a b!c' allow-damaged=yes ! reading-order"
                                 "!paragraphs gap=1.5 ! tei-sink",
                                 &error);
  g_assert_no_error (error);
  g_assert_cmpuint (recto_pipeline_get_n_stages (pipeline), ==, 4);
  g_assert_cmpstr (recto_pipeline_get_stage (pipeline, 0)->name, ==, "pdf-source");
  g_assert_cmpstr (recto_pipeline_get_stage (pipeline, 1)->name, ==, "reading-order");
  g_assert_cmpstr (recto_pipeline_get_stage (pipeline, 2)->name, ==, "paragraphs");
  g_assert_cmpstr (recto_pipeline_get_stage (pipeline, 3)->name, ==, "tei-sink");
}

static void
assert_bad (RectoRegistry *registry, const char *description, int code, const char *part)
{
  g_autoptr (GError) error = NULL;

  g_assert_null (recto_pipeline_new (registry, description, &error));
  g_assert_error (error, RECTO_ERROR, code);
  if (strstr (error->message, part) == NULL)
    g_error ("'%s' gave '%s', which lacks '%s'", description, error->message, part);
}

static void
test_bad (void)
{
  g_autoptr (RectoRegistry) registry = make_registry ();

  assert_bad (registry, "", RECTO_ERROR_USAGE, "needs at least a source and a sink");
  assert_bad (registry, "pdf-source", RECTO_ERROR_USAGE, "needs at least a source and a sink");
  assert_bad (registry, "pdf-source ! ! tei-sink", RECTO_ERROR_USAGE, "stage 2 is empty");
  assert_bad (registry, "tei-sink ! pdf-source", RECTO_ERROR_USAGE,
              "stage 1 'tei-sink' is a sink stage, but a source stage belongs there");
  assert_bad (registry, "pdf-source ! paragraphs", RECTO_ERROR_USAGE,
              "stage 2 'paragraphs' is a repair stage, but a sink stage belongs there");
  assert_bad (registry, "pdf-source ! test-source ! tei-sink", RECTO_ERROR_USAGE,
              "'test-source' is a source stage, but a repair stage belongs there");
  assert_bad (registry, "pdf-source ! nothing-here ! tei-sink", RECTO_ERROR_PLUGIN,
              "no stage named 'nothing-here'");
  assert_bad (registry, "pdf-source ! paragraphs gap=wide ! tei-sink", RECTO_ERROR_USAGE,
              "stage 'paragraphs': option 'gap': bad value 'wide'");
  assert_bad (registry, "pdf-source 'unclosed ! tei-sink", RECTO_ERROR_USAGE, "pipeline: ");
  assert_bad (registry, "pdf-source ! paragraphs ! paragraphs ! tei-sink", RECTO_ERROR_USAGE,
              "stage 'paragraphs' appears twice");
}

static void
run_failing (const char *how, const char *message)
{
  g_autoptr (RectoRegistry) registry = make_registry ();
  g_autoptr (GError) error = NULL;
  g_autofree char *description =
      g_strdup_printf ("test-source ! test-repair fail=%s ! tei-sink", how);
  g_autoptr (RectoPipeline) pipeline = recto_pipeline_new (registry, description, &error);
  g_autoptr (RectoDocument) doc = recto_document_new ();
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  g_assert_false (recto_pipeline_run (pipeline, doc, NULL, "in", out, warnings, &error));
  g_assert_error (error, RECTO_ERROR, RECTO_ERROR_STAGE_FAILED);
  g_assert_cmpstr (error->message, ==, message);
  /* The sink never ran. */
  g_assert_cmpuint (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)), ==, 0);
}

static void
test_stage_failure (void)
{
  run_failing ("with-error", "test-repair: failed on purpose");
  run_failing ("silently", "test-repair: failed without saying why");
}

/* Empty input, as the fuzzers gave it: a GBytes with no data pointer at all. Each source
 * stage, through the default repairs and the sink, fails with a clear error or makes an empty
 * document, never reads through the NULL pointer (fuzz-pdf-source crashed in memmem). */
static void
run_empty (const char *source, gboolean fails)
{
  g_autoptr (RectoRegistry) registry = make_registry ();
  g_autoptr (GError) error = NULL;
  g_autofree char *description =
      g_strdup_printf ("%s ! " RECTO_DEFAULT_REPAIRS " ! " RECTO_DEFAULT_SINK, source);
  g_autoptr (RectoPipeline) pipeline = recto_pipeline_new (registry, description, &error);
  g_autoptr (RectoDocument) doc = recto_document_new ();
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  GBytes *empty = g_bytes_new (NULL, 0);

  g_assert_no_error (error);
  g_assert_null (g_bytes_get_data (empty, NULL));
  recto_document_set_source (doc, "empty", "0", 0);
  if (fails)
    {
      g_assert_false (recto_pipeline_run (pipeline, doc, empty, "empty", out, warnings, &error));
      g_assert_error (error, RECTO_ERROR, RECTO_ERROR_INPUT_INVALID);
      g_assert_true (g_str_has_prefix (error->message, source));
    }
  else
    {
      g_assert_true (recto_pipeline_run (pipeline, doc, empty, "empty", out, warnings, &error));
      g_assert_no_error (error);
      g_assert_nonnull (g_strstr_len (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
                                      g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)),
                                      "</TEI>"));
    }
}

static void
test_empty_input (void)
{
  run_empty ("pdf-source", TRUE);
  run_empty ("text-source", FALSE);
}

static void
test_provenance (void)
{
  g_autoptr (RectoRegistry) registry = make_registry ();
  g_autoptr (GError) error = NULL;
  g_autoptr (RectoPipeline) pipeline = recto_pipeline_new (
      registry, "test-source ! reading-order ! paragraphs indent=2 ! test-repair ! tei-sink",
      &error);
  g_autoptr (RectoDocument) doc = recto_document_new ();
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  const char *const *values = NULL;

  g_assert_no_error (error);
  recto_document_set_source (doc, "in", "00", 0);
  g_assert_true (recto_pipeline_run (pipeline, doc, NULL, "in", out, warnings, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (recto_document_get_n_stages (doc), ==, 5);
  g_assert_cmpstr (recto_document_get_stage (doc, 2, &values)->name, ==, "paragraphs");
  g_assert_cmpstr (values[0], ==, "0.25");
  g_assert_cmpstr (values[1], ==, "2");
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (warnings, 0), ==, "test-repair: touched every paragraph");
  g_assert_cmpuint (recto_document_count_repairs (doc, "test-repair", "touch"), >, 0);
}

/* A warning naming a font whose name is not UTF-8 (GBK bytes for 宋体) is UTF-8 text, the
 * bytes written as \xNN: it goes into the worker's JSON summary, which must parse. */
static void
test_warning_bytes (void)
{
  static const RectoStageInfo info = { .name = "stage" };
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  RectoStageContext ctx = { .info = &info, .warnings = warnings };

  recto_stage_context_warn (&ctx, "font %s has no map, %s", "\xCB\xCE\xCC\xE5", "黑体");
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_true (g_utf8_validate (g_ptr_array_index (warnings, 0), -1, NULL));
  g_assert_cmpstr (g_ptr_array_index (warnings, 0), ==,
                   "stage: font \\xCB\\xCE\\xCC\\xE5 has no map, 黑体");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/pipeline/parse", test_parse);
  g_test_add_func ("/pipeline/warning-bytes", test_warning_bytes);
  g_test_add_func ("/pipeline/bad", test_bad);
  g_test_add_func ("/pipeline/stage-failure", test_stage_failure);
  g_test_add_func ("/pipeline/provenance", test_provenance);
  g_test_add_func ("/pipeline/empty-input", test_empty_input);
  return g_test_run ();
}
