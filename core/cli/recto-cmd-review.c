/* recto-cmd-review.c: `recto review`: converts a file (or takes its TEI) and writes a static
 * review of the conversion into a folder (recto-review.h). */
#include <stdio.h>

#include "recto-commands.h"
#include "recto-print-error.h"
#include "recto-convert.h"
#include "recto-parallel-private.h"
#include "recto-review.h"

typedef struct
{
  char *output;
  char *tei;
  char *pipeline;
  char **plugin_dirs;
  double dpi;
  int threads;
  gboolean quiet;
  char **inputs;
} ReviewOptions;

static void
review_options_clear (ReviewOptions *options)
{
  g_free (options->output);
  g_free (options->tei);
  g_free (options->pipeline);
  g_strfreev (options->plugin_dirs);
  g_strfreev (options->inputs);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ReviewOptions, review_options_clear)

/* Converts @input into DIR/NAME.tei.xml, which the review then shows. */
static int
convert (const ReviewOptions *options, const char *input, char **tei, RectoConvertResult *result)
{
  g_autoptr (RectoRegistry) registry = recto_registry_new ();
  g_autoptr (GError) error = NULL;

  recto_registry_scan_default (registry, (const char *const *) options->plugin_dirs);
  *tei = recto_convert_default_output (input, options->output);
  if (g_mkdir_with_parents (options->output, 0777) != 0
      || !recto_convert_file (registry, options->pipeline, NULL, input, *tei, result, &error))
    {
      if (error == NULL)
        g_set_error (&error, RECTO_ERROR, RECTO_ERROR_OUTPUT, "cannot make %s", options->output);
      recto_print_error (error->message);
      return recto_error_exit_code (error);
    }
  for (guint i = 0; !options->quiet && i < result->warnings->len; i++)
    {
      g_autofree char *line = g_strdup_printf (
          "%s: warning: %s", input, (const char *) g_ptr_array_index (result->warnings, i));
      recto_print_error (line);
    }
  return 0;
}

int
recto_command_review_write (const char *input, const char *tei, const char *dir, double dpi,
                            const GPtrArray *warnings, RectoReviewDrawing *drawing)
{
  g_autoptr (GError) error = NULL;
  RectoReviewRequest request = {
    .input = input, .tei = tei, .dir = dir, .dpi = dpi, .warnings = warnings,
    .drawing = drawing,
  };

  if (recto_review_write (&request, &error))
    return 0;
  recto_print_error (error->message);
  return recto_error_exit_code (error);
}

int
recto_command_review (int argc, char **argv)
{
  g_auto (ReviewOptions) options = { .dpi = RECTO_REVIEW_DPI };
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &options.output,
      "The folder to write the review into (index.html, data.js, pages/); made if needed",
      "DIR" },
    { "tei", 0, 0, G_OPTION_ARG_FILENAME, &options.tei,
      "Review this conversion of INPUT instead of converting it again (its facsimile zones "
      "place the boxes; a TEI without zones lists each page's blocks below its image)",
      "FILE" },
    { "pipeline", 'p', 0, G_OPTION_ARG_STRING, &options.pipeline,
      "The stages to convert with, as for recto convert (default: chosen from the input)",
      "DESC" },
    { "plugin-dir", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &options.plugin_dirs,
      "Look for stages in DIR first (repeatable)", "DIR" },
    { "dpi", 0, 0, G_OPTION_ARG_DOUBLE, &options.dpi,
      "Resolution of the page images (default 72: an A4 page 595 pixels wide)", "DPI" },
    { "threads", 0, 0, G_OPTION_ARG_INT, &options.threads,
      "Threads for converting and drawing pages (default: the processors)", "N" },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &options.quiet, "Print no warnings", NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &options.inputs, NULL, NULL },
    { NULL },
  };
  g_autoptr (GOptionContext) context =
      g_option_context_new ("INPUT -o DIR - write a visual review of a conversion");
  g_autoptr (GError) error = NULL;
  g_auto (RectoConvertResult) result = { 0 };
  g_autofree char *converted = NULL;
  RectoReviewDrawing *drawing = NULL;
  int code;

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_description (
      context,
      "Writes DIR/index.html, a static page (no server, no network) to open in a browser: each\n"
      "page's image with the TEI's blocks drawn over it by role (heading, paragraph, list item,\n"
      "note, figure and caption, table and cell, running head and page number, page break,\n"
      "recovered text, gap, fragment), a legend with a toggle per role, the element, text, stage\n"
      "and repair of a box under the pointer, every repair and warning linked to its page, the\n"
      "page's TEI, and navigation by printed page number. A text source has no images: its\n"
      "pages show their blocks as lines with their roles. Without --tei, INPUT is converted\n"
      "first, into DIR/NAME.tei.xml, and its pages are drawn meanwhile. The boxes come from the\n"
      "TEI's facsimile zones (tei-sink's zones option, on by default). The page images are JPEG\n"
      "at --dpi, in grey where the page has no colour, each cropped to what is printed on its\n"
      "page (shown at its place on a white page). recto convert --review DIR does the same\n"
      "after converting.");
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      recto_print_error (error->message);
      return 2;
    }
  if (options.inputs == NULL || options.inputs[0] == NULL || options.inputs[1] != NULL
      || options.output == NULL)
    {
      recto_print_error ("review: give one INPUT and -o DIR (try 'recto review --help')");
      return 2;
    }
  if (options.threads < 0 || options.dpi < 10 || options.dpi > 600)
    {
      recto_print_error ("review: --threads takes a positive number, --dpi 10 to 600");
      return 2;
    }
  recto_set_n_threads ((guint) options.threads);
  recto_convert_result_init (&result);
  if (options.tei == NULL)
    {
      /* The pages are drawn while the conversion runs: it leaves processors idle. */
      drawing = recto_review_start_drawing (options.inputs[0], options.output, options.dpi);
      code = convert (&options, options.inputs[0], &converted, &result);
      if (code != 0)
        {
          recto_review_cancel_drawing (drawing);
          return code;
        }
    }
  return recto_command_review_write (options.inputs[0],
                                     options.tei != NULL ? options.tei : converted, options.output,
                                     options.dpi, options.tei != NULL ? NULL : result.warnings,
                                     drawing);
}
