/* recto-cmd-convert.c: `recto convert`: converts each input, reports each failure on one line,
 * and goes on with the next input. */
#include <stdio.h>

#include "recto-commands.h"
#include "recto-convert.h"

typedef struct
{
  char *output;
  char *pipeline;
  char **plugin_dirs;
  gboolean quiet;
  char *dump_after;
  char *dump_dir;
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
  g_strfreev (options->inputs);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ConvertOptions, convert_options_clear)

/* Where the TEI of @input goes, or NULL with an error for an -o that cannot serve. */
static char *
output_for (const ConvertOptions *options, const char *input, guint n_inputs, GError **error)
{
  if (options->output == NULL)
    return recto_convert_default_output (input, NULL);
  if (g_file_test (options->output, G_FILE_TEST_IS_DIR))
    return recto_convert_default_output (input, options->output);
  if (n_inputs > 1)
    {
      g_set_error (error, RECTO_ERROR, RECTO_ERROR_USAGE,
                   "-o %s: with several inputs, -o must name an existing directory",
                   options->output);
      return NULL;
    }
  return g_strdup (options->output);
}

static void
print_warnings (const char *input, const GPtrArray *warnings)
{
  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    {
      g_autofree char *line = g_strdup_printf ("%s: warning: %s", input,
                                               (const char *) g_ptr_array_index (warnings, i));
      recto_command_print_error (line);
    }
}

int
recto_command_convert (int argc, char **argv)
{
  g_auto (ConvertOptions) options = { 0 };
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
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &options.quiet, "Do not print warnings", NULL },
    { "dump-after", 0, 0, G_OPTION_ARG_STRING, &options.dump_after,
      "Write the document as JSON (docs/dump-format.md) after each of these stages",
      "STAGE[,STAGE…]" },
    { "dump-dir", 0, 0, G_OPTION_ARG_FILENAME, &options.dump_dir,
      "Where --dump-after writes INPUT.NN-STAGE.json (default: beside the input)", "DIR" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &options.inputs, NULL, NULL },
    { NULL },
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("INPUT… - convert to TEI");
  g_autoptr (GError) error = NULL;
  g_autoptr (RectoRegistry) registry = NULL;
  g_auto (GStrv) dump_stages = NULL;
  RectoDumpRequest dump = { 0 };
  guint n_inputs, failed = 0;
  int last_code = 0;

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_description (context, "Exit codes are listed in README.md.");
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      recto_command_print_error (error->message);
      return 2;
    }
  n_inputs = options.inputs != NULL ? g_strv_length (options.inputs) : 0;
  if (n_inputs == 0)
    {
      recto_command_print_error ("convert: no input file (try 'recto convert --help')");
      return 2;
    }

  if (options.dump_after != NULL)
    dump_stages = g_strsplit (options.dump_after, ",", -1);
  dump.after = (const char *const *) dump_stages;
  dump.dir = options.dump_dir;

  registry = recto_registry_new ();
  recto_registry_scan_default (registry, (const char *const *) options.plugin_dirs);

  for (guint i = 0; i < n_inputs; i++)
    {
      const char *input = options.inputs[i];
      g_auto (RectoConvertResult) result = { 0 };
      g_autoptr (GError) file_error = NULL;
      g_autofree char *output = output_for (&options, input, n_inputs, &file_error);

      if (output == NULL
          || !recto_convert_file (registry, options.pipeline, &dump, input, output, &result,
                                  &file_error))
        {
          recto_command_print_error (file_error->message);
          last_code = recto_error_exit_code (file_error);
          failed++;
        }
      if (!options.quiet)
        print_warnings (input, result.warnings);
    }

  if (failed == 0)
    return 0;
  return n_inputs == 1 ? last_code : RECTO_EXIT_PARTIAL;
}
