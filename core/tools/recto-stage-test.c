/* recto-stage-test.c: the `recto-stage-test` command, for stage authors: runs repair stages on a
 * document fixture (JSON in the dump format, docs/dump-format.md) and compares the result with
 * an expected JSON that states only what matters, so a stage can be written test-first without
 * a PDF. Exit codes: 0 matched, 1 differs, and recto's own codes for everything else. */
#include <locale.h>
#include <stdio.h>

#include "recto-dump.h"
#include "recto-json-match.h"
#include "recto-pipeline.h"

/* Shown at most, so that a broken stage does not bury the first difference. */
#define MAX_DIFFERENCES_SHOWN 20

typedef struct
{
  char **plugin_dirs;
  gboolean update;
  char *output;
  char **arguments;
} StageTestOptions;

static void
stage_test_options_clear (StageTestOptions *options)
{
  g_strfreev (options->plugin_dirs);
  g_free (options->output);
  g_strfreev (options->arguments);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (StageTestOptions, stage_test_options_clear)

static int
report_error (const GError *error)
{
  g_autofree char *line = g_strdup (error->message);

  g_strdelimit (line, "\r\n", ' ');
  fprintf (stderr, "recto-stage-test: %s\n", line);
  return recto_error_exit_code (error);
}

static gboolean
read_file (const char *path, char **contents, gsize *length, GError **error)
{
  g_autoptr (GError) read_error = NULL;

  if (!g_file_get_contents (path, contents, length, &read_error))
    {
      g_set_error (error, RECTO_ERROR, RECTO_ERROR_INPUT_UNREADABLE, "%s", read_error->message);
      return FALSE;
    }
  return TRUE;
}

/* Reads the fixture at @path, runs @stages on it, and returns its dump. */
static char *
run_stages (RectoRegistry *registry, const char *stages, const char *path, GError **error)
{
  g_autoptr (RectoPipeline) pipeline = recto_pipeline_new_repairs (registry, stages, error);
  g_autoptr (RectoDocument) doc = NULL;
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = NULL;
  gsize length;
  guint n_stages;

  if (pipeline == NULL || !read_file (path, &text, &length, error))
    return NULL;
  doc = recto_dump_load (text, (gssize) length, error);
  if (doc == NULL)
    {
      g_prefix_error (error, "%s: ", path);
      return NULL;
    }
  if (!recto_pipeline_run (pipeline, doc, NULL, path, NULL, warnings, error))
    return NULL;
  for (guint i = 0; i < warnings->len; i++)
    fprintf (stderr, "recto-stage-test: warning: %s\n",
             (const char *) g_ptr_array_index (warnings, i));
  n_stages = recto_pipeline_get_n_stages (pipeline);
  return recto_dump_to_json (doc, recto_pipeline_get_stage (pipeline, n_stages - 1)->name);
}

/* Compares @result with the expectation in @path; prints the differences. Returns the exit
 * code: 0 matched, 1 differs, or an error's code. */
static int
compare (const char *result, const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonParser) expected = json_parser_new_immutable ();
  g_autoptr (JsonParser) actual = json_parser_new_immutable ();
  g_autoptr (GPtrArray) differences = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = NULL;
  gsize length;

  if (!read_file (path, &text, &length, &error))
    return report_error (error);
  if (!json_parser_load_from_data (expected, text, (gssize) length, &error))
    {
      g_autoptr (GError) invalid = g_error_new (RECTO_ERROR, RECTO_ERROR_INPUT_INVALID,
                                                "%s: not JSON: %s", path, error->message);
      return report_error (invalid);
    }
  if (!json_parser_load_from_data (actual, result, -1, &error))
    g_error ("the dump is not JSON: %s", error->message); /* a bug in recto-dump.c */
  if (recto_json_match (json_parser_get_root (expected), json_parser_get_root (actual),
                        differences))
    {
      printf ("ok: the result matches %s\n", path);
      return 0;
    }
  printf ("FAIL: the result differs from %s in %u places:\n", path, differences->len);
  for (guint i = 0; i < MIN (differences->len, MAX_DIFFERENCES_SHOWN); i++)
    printf ("  %s\n", (const char *) g_ptr_array_index (differences, i));
  if (differences->len > MAX_DIFFERENCES_SHOWN)
    printf ("  … and %u more\n", differences->len - MAX_DIFFERENCES_SHOWN);
  return 1;
}

static int
write_result (const char *result, const char *path)
{
  g_autoptr (GError) error = NULL;

  if (g_str_equal (path, "-"))
    {
      fputs (result, stdout);
      return 0;
    }
  if (!g_file_set_contents (path, result, -1, &error))
    {
      g_autoptr (GError) output_error =
          g_error_new (RECTO_ERROR, RECTO_ERROR_OUTPUT, "%s", error->message);
      return report_error (output_error);
    }
  return 0;
}

int
main (int argc, char **argv)
{
  g_auto (StageTestOptions) options = { 0 };
  const GOptionEntry entries[] = {
    { "plugin-dir", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &options.plugin_dirs,
      "Look for stages in DIR first (repeatable)", "DIR" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &options.output,
      "Also write the resulting document's JSON to FILE ('-': standard output)", "FILE" },
    { "update", 0, 0, G_OPTION_ARG_NONE, &options.update,
      "Write the result to EXPECTED instead of comparing (then review it before committing)",
      NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &options.arguments, NULL, NULL },
    { NULL },
  };
  g_autoptr (GOptionContext) context =
      g_option_context_new ("'STAGE [option=value…] [! STAGE…]' FIXTURE.json [EXPECTED.json]");
  g_autoptr (GError) error = NULL;
  g_autoptr (RectoRegistry) registry = NULL;
  g_autofree char *result = NULL;
  guint n_arguments;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (
      context, "Runs repair stages on a document fixture (JSON, as `recto convert --dump-after`\n"
               "writes it) and compares the result with EXPECTED.json, which need only name\n"
               "the members that matter. Without EXPECTED.json, prints the result.");
  g_option_context_set_description (context,
                                    "Exit codes: 0 the result matches, 1 it differs, 2 usage, "
                                    "3-8 as for `recto convert` (README.md).");
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "recto-stage-test: %s\n", error->message);
      return 2;
    }
  n_arguments = options.arguments != NULL ? g_strv_length (options.arguments) : 0;
  if (n_arguments < 2 || n_arguments > 3 || (options.update && n_arguments != 3))
    {
      fprintf (stderr, "recto-stage-test: needs STAGES FIXTURE.json [EXPECTED.json] (--update "
                       "needs EXPECTED.json; try --help)\n");
      return 2;
    }

  registry = recto_registry_new ();
  recto_registry_scan_default (registry, (const char *const *) options.plugin_dirs);
  result = run_stages (registry, options.arguments[0], options.arguments[1], &error);
  if (result == NULL)
    return report_error (error);
  if (options.output != NULL)
    {
      int code = write_result (result, options.output);
      if (code != 0)
        return code;
    }
  if (n_arguments == 2)
    return options.output != NULL ? 0 : write_result (result, "-");
  if (options.update)
    {
      int code = write_result (result, options.arguments[2]);
      if (code == 0)
        printf ("updated %s: review it before you commit it\n", options.arguments[2]);
      return code;
    }
  return compare (result, options.arguments[2]);
}
