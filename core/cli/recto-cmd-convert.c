/* recto-cmd-convert.c: `recto convert`. One file is converted in this process; several files,
 * a directory, or any batch option (-j, --timeout, --report, --skip-existing, --shard) make a
 * batch, in which each file runs in a worker process of its own (recto-batch.h) and one bad
 * file never stops the others. */
#include <stdio.h>

#include "recto-batch.h"
#include "recto-commands.h"
#include "recto-print-error.h"
#include "recto-convert.h"
#include "recto-guard.h"
#include "recto-inputs.h"
#include "recto-parallel-private.h"
#include "recto-pipeline.h"
#include "recto-review.h"

typedef struct
{
  char *output;
  char *pipeline;
  char **plugin_dirs;
  gboolean quiet;
  char *dump_after;
  char *dump_dir;
  int jobs;
  int timeout;
  char *report;
  gboolean skip_existing;
  char **include;
  char **exclude;
  char *shard;
  gboolean progress;
  int threads;
  char *review;
  int max_memory; /* MB; -1: the default */
  char **inputs;
} ConvertOptions;

static void
convert_options_clear (ConvertOptions *options)
{
  g_free (options->output);
  g_free (options->pipeline);
  g_strfreev (options->plugin_dirs);
  g_free (options->dump_after);
  g_free (options->dump_dir);
  g_free (options->report);
  g_strfreev (options->include);
  g_strfreev (options->exclude);
  g_free (options->shard);
  g_free (options->review);
  g_strfreev (options->inputs);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ConvertOptions, convert_options_clear)

static void
print_warnings (const char *input, const GPtrArray *warnings)
{
  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    {
      g_autofree char *line = g_strdup_printf ("%s: warning: %s", input,
                                               (const char *) g_ptr_array_index (warnings, i));
      recto_print_error (line);
    }
}

static RectoRegistry *
load_registry (const ConvertOptions *options)
{
  RectoRegistry *registry = recto_registry_new ();

  recto_registry_scan_default (registry, (const char *const *) options->plugin_dirs);
  return registry;
}

/* Converts one file here, in this process. */
static int
convert_one (const ConvertOptions *options, const RectoInput *input,
             const RectoDumpRequest *dump)
{
  g_autoptr (RectoRegistry) registry = load_registry (options);
  g_auto (RectoConvertResult) result = { 0 };
  g_autoptr (GError) error = NULL;
  RectoReviewDrawing *drawing = NULL;

  recto_guard_install (input->path);
  /* The review's pages are drawn while the conversion runs (recto-review.h). */
  if (options->review != NULL)
    drawing = recto_review_start_drawing (input->path, options->review, RECTO_REVIEW_DPI);
  if (!recto_convert_file (registry, options->pipeline, dump, input->path, input->output,
                           &result, &error))
    recto_print_error (error->message);
  if (!options->quiet)
    print_warnings (input->path, result.warnings);
  if (error == NULL && options->review != NULL)
    return recto_command_review_write (input->path, input->output, options->review,
                                       RECTO_REVIEW_DPI, result.warnings, drawing);
  recto_review_cancel_drawing (drawing);
  return recto_error_exit_code (error);
}

/* The budget holds for each file: set here, it binds a single run, and each batch worker, a
 * process of its own, inherits it. */
static void
apply_memory_budget (const ConvertOptions *options)
{
  guint64 megabytes = options->max_memory >= 0 ? (guint64) options->max_memory
                                               : RECTO_DEFAULT_MAX_MEMORY_MB;
  const char *why = NULL;

  if (!recto_guard_limit_memory (megabytes, &why) && options->max_memory > 0 && !options->quiet)
    {
      g_autofree char *line = g_strdup_printf ("warning: --max-memory is not applied: %s", why);
      recto_print_error (line);
    }
}

static gboolean
is_batch (const ConvertOptions *options, GPtrArray *inputs)
{
  return inputs->len != 1 || recto_inputs_name_a_directory ((const char *const *) options->inputs)
         || options->jobs > 0 || options->timeout > 0 || options->report != NULL
         || options->skip_existing || options->shard != NULL;
}

/* Loads, once for every worker, the stages the batch will use: those its pipeline names, or,
 * for the default pipeline, the source stages (any may read an input). */
static gboolean
preload_stages (RectoRegistry *registry, const char *pipeline, GError **error)
{
  g_autoptr (RectoPipeline) named = NULL;

  if (pipeline == NULL)
    {
      /* Without a source stage every file would fail alike: say it once, before starting. */
      return recto_registry_has_source (registry, error);
    }
  named = recto_pipeline_new (registry, pipeline, error);
  return named != NULL;
}

static int
run_batch (const ConvertOptions *options, GPtrArray *inputs, const RectoDumpRequest *dump)
{
  g_autoptr (RectoRegistry) registry = load_registry (options);
  g_autoptr (GError) error = NULL;
  guint jobs = (guint) MAX (options->jobs, 1);
  RectoBatchOptions batch = {
    .registry = registry,
    .pipeline = options->pipeline,
    .dump = dump,
    .jobs = jobs,
    /* The processors are shared among the workers. */
    .threads = options->threads > 0 ? (guint) options->threads
                                    : MAX (1, g_get_num_processors () / jobs),
    .timeout_seconds = (guint) options->timeout,
    .skip_existing = options->skip_existing,
    .report_path = options->report,
    .progress_lines = options->progress,
    .quiet = options->quiet,
  };
  int code;

  if (!preload_stages (registry, options->pipeline, &error))
    {
      recto_print_error (error->message);
      return recto_error_exit_code (error);
    }
  code = recto_batch_run (inputs, &batch, &error);
  if (error != NULL)
    recto_print_error (error->message);
  return code;
}

int
recto_command_convert (int argc, char **argv)
{
  g_auto (ConvertOptions) options = { .max_memory = -1 };
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &options.output,
      "Output file, '-' for standard output, or a directory (default: INPUT.tei.xml beside "
      "the input)",
      "OUT" },
    { "pipeline", 'p', 0, G_OPTION_ARG_STRING, &options.pipeline,
      "The stages to run, as 'pdf-source ! reading-order ! paragraphs ! tei-sink' (default: "
      "chosen from the input's content)",
      "DESC" },
    { "plugin-dir", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &options.plugin_dirs,
      "Look for stages in DIR first (repeatable)", "DIR" },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &options.quiet,
      "Print no warnings and no progress", NULL },
    { "dump-after", 0, 0, G_OPTION_ARG_STRING, &options.dump_after,
      "Write the document as JSON (docs/dump-format.md) after each of these stages",
      "STAGE[,STAGE…]" },
    { "dump-dir", 0, 0, G_OPTION_ARG_FILENAME, &options.dump_dir,
      "Where --dump-after writes INPUT.NN-STAGE.json (default: beside the input)", "DIR" },
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &options.jobs,
      "Convert N files at a time, each in a worker process (default 1)", "N" },
    { "timeout", 0, 0, G_OPTION_ARG_INT, &options.timeout,
      "Stop a file's conversion after SECONDS (exit code 10 for it)", "SECONDS" },
    { "report", 0, 0, G_OPTION_ARG_FILENAME, &options.report,
      "Write one JSON line per file to FILE: status, error, pages, seconds, characters, "
      "repairs, warnings",
      "FILE" },
    { "skip-existing", 0, 0, G_OPTION_ARG_NONE, &options.skip_existing,
      "Skip a file whose output exists and records the same source checksum", NULL },
    { "include", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options.include,
      "In directories, convert the files whose path below it matches GLOB (repeatable; "
      "default *.pdf)",
      "GLOB" },
    { "exclude", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options.exclude,
      "In directories, leave out the files whose path below it matches GLOB (repeatable)",
      "GLOB" },
    { "shard", 0, 0, G_OPTION_ARG_STRING, &options.shard,
      "Convert only share K of N of the inputs (stable, by path), to split an archive "
      "between machines",
      "K/N" },
    { "progress", 0, 0, G_OPTION_ARG_NONE, &options.progress,
      "Report progress even when standard error is not a terminal", NULL },
    { "threads", 0, 0, G_OPTION_ARG_INT, &options.threads,
      "Threads for one file's pages (default: the processors, shared among -j workers; at "
      "most " G_STRINGIFY (RECTO_MAX_THREADS) ", and never more than the pages)",
      "N" },
    { "review", 0, 0, G_OPTION_ARG_FILENAME, &options.review,
      "Also write a visual review of the conversion into DIR (one file; see recto review "
      "--help)",
      "DIR" },
    { "max-memory", 0, 0, G_OPTION_ARG_INT, &options.max_memory,
      "Stop a file whose conversion needs more than MB megabytes of memory (exit code 12; "
      "default " G_STRINGIFY (RECTO_DEFAULT_MAX_MEMORY_MB) ", 0: no limit)",
      "MB" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &options.inputs, NULL, NULL },
    { NULL },
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("INPUT… - convert to TEI");
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) dump_stages = NULL;
  g_autoptr (GPtrArray) inputs = NULL;
  RectoInputRules rules = { 0 };
  RectoDumpRequest dump = { 0 };

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_description (
      context, "INPUT may be a directory: its PDFs (see --include) are converted, recursively, "
               "with outputs in the same tree below -o DIR.\n"
               "Exit codes are listed in README.md.");
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      recto_print_error (error->message);
      return 2;
    }
  if (options.inputs == NULL || options.inputs[0] == NULL)
    {
      recto_print_error ("convert: no input file (try 'recto convert --help')");
      return 2;
    }
  if (options.jobs < 0 || options.timeout < 0 || options.threads < 0
      || options.max_memory < -1)
    {
      recto_print_error ("convert: -j, --timeout, --threads and --max-memory take a positive "
                         "number");
      return 2;
    }
  recto_set_n_threads ((guint) options.threads);
  apply_memory_budget (&options);

  if (options.dump_after != NULL)
    dump_stages = g_strsplit (options.dump_after, ",", -1);
  dump.after = (const char *const *) dump_stages;
  dump.dir = options.dump_dir;

  rules.include = (const char *const *) options.include;
  rules.exclude = (const char *const *) options.exclude;
  rules.output = options.output;
  if (options.shard != NULL
      && !recto_shard_parse (options.shard, &rules.shard_index, &rules.shard_count, &error))
    {
      recto_print_error (error->message);
      return 2;
    }
  inputs = recto_inputs_expand ((const char *const *) options.inputs, &rules, &error);
  if (inputs == NULL)
    {
      recto_print_error (error->message);
      return recto_error_exit_code (error);
    }
  if (options.review != NULL
      && (is_batch (&options, inputs)
          || g_str_equal (((RectoInput *) g_ptr_array_index (inputs, 0))->output, "-")))
    {
      recto_print_error ("convert: --review takes one file written to a file (not -o -) "
                         "and no batch options");
      return 2;
    }
  if (is_batch (&options, inputs))
    {
      if (options.output != NULL && g_str_equal (options.output, "-"))
        {
          recto_print_error ("convert: -o - (standard output) takes one file and no "
                             "batch options");
          return 2;
        }
      return run_batch (&options, inputs, &dump);
    }
  return convert_one (&options, g_ptr_array_index (inputs, 0), &dump);
}
