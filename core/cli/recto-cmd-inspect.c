/* recto-cmd-inspect.c: `recto inspect`: prints what stages declare about themselves, as text or
 * JSON. It runs no stage code besides recto_stage_get_info(), as gst-inspect does, but it
 * loads every module in the plugin folders, which runs their constructors: what a module
 * holds (and whether it is a stage at all, or a broken one to report) is known only once it is
 * loaded. `recto convert --pipeline` loads only the stages it names. */
#include <stdio.h>

#include "recto-commands.h"
#include "recto-print-error.h"
#include "recto-json.h"
#include "recto-options.h"
#include "recto-registry.h"

static gboolean
has_range (const RectoOption *option)
{
  return (option->type == RECTO_OPTION_INT || option->type == RECTO_OPTION_DOUBLE)
         && (option->minimum != 0 || option->maximum != 0);
}

static void
print_stage_text (RectoRegistry *registry, const RectoStageInfo *info)
{
  printf ("%s (%s stage) %s, %s\n", info->name, recto_stage_kind_name (info->kind), info->version,
          info->license);
  printf ("  %s\n", info->summary);
  printf ("  module: %s (stage ABI %u)\n", recto_registry_get_path (registry, info->name),
          info->abi_version);
  if (info->kind == RECTO_STAGE_SOURCE)
    printf ("  recognises its inputs by content: %s\n", info->probe != NULL ? "yes" : "no");
  if (info->options != NULL && info->options->name != NULL)
    {
      printf ("  options:\n");
      for (const RectoOption *o = info->options; o->name != NULL; o++)
        {
          printf ("    %s (%s", o->name, recto_option_type_name (o->type));
          if (o->type == RECTO_OPTION_CHOICE)
            printf (": %s", o->choices);
          if (has_range (o))
            printf (", %g to %g", o->minimum, o->maximum);
          printf (", default %s%s)\n", o->default_value != NULL ? o->default_value : "none",
                  (o->flags & RECTO_OPTION_SECRET) ? ", secret" : "");
          printf ("        %s\n", o->blurb);
        }
    }
  if (info->repairs != NULL && info->repairs->id != NULL)
    {
      printf ("  repairs it marks:\n");
      for (const RectoRepairKind *r = info->repairs; r->id != NULL; r++)
        printf ("    %s: %s\n", r->id, r->description);
    }
}

static void
write_stage_json (RectoJson *json, RectoRegistry *registry, const RectoStageInfo *info)
{
  recto_json_begin_object (json);
  recto_json_member_string (json, "name", info->name);
  recto_json_member_string (json, "kind", recto_stage_kind_name (info->kind));
  recto_json_member_string (json, "summary", info->summary);
  recto_json_member_string (json, "version", info->version);
  recto_json_member_string (json, "license", info->license);
  recto_json_member_string (json, "module", recto_registry_get_path (registry, info->name));
  recto_json_member_int (json, "abi_version", info->abi_version);
  if (info->kind == RECTO_STAGE_SOURCE)
    {
      recto_json_key (json, "probes");
      recto_json_boolean (json, info->probe != NULL);
    }
  recto_json_key (json, "options");
  recto_json_begin_array (json);
  for (const RectoOption *o = info->options; o != NULL && o->name != NULL; o++)
    {
      recto_json_begin_object (json);
      recto_json_member_string (json, "name", o->name);
      recto_json_member_string (json, "type", recto_option_type_name (o->type));
      recto_json_member_string (json, "default", o->default_value);
      recto_json_member_string (json, "description", o->blurb);
      if (has_range (o))
        {
          recto_json_member_double (json, "minimum", o->minimum);
          recto_json_member_double (json, "maximum", o->maximum);
        }
      if (o->type == RECTO_OPTION_CHOICE)
        {
          g_auto (GStrv) choices = g_strsplit (o->choices, "|", -1);
          recto_json_key (json, "choices");
          recto_json_begin_array (json);
          for (guint i = 0; choices[i] != NULL; i++)
            recto_json_string (json, choices[i]);
          recto_json_end_array (json);
        }
      recto_json_key (json, "secret");
      recto_json_boolean (json, (o->flags & RECTO_OPTION_SECRET) != 0);
      recto_json_end_object (json);
    }
  recto_json_end_array (json);
  recto_json_key (json, "repairs");
  recto_json_begin_array (json);
  for (const RectoRepairKind *r = info->repairs; r != NULL && r->id != NULL; r++)
    {
      recto_json_begin_object (json);
      recto_json_member_string (json, "id", r->id);
      recto_json_member_string (json, "description", r->description);
      recto_json_end_object (json);
    }
  recto_json_end_array (json);
  recto_json_end_object (json);
}

/* Why an optional stage of recto is missing from @registry, or NULL when it is there (or not
 * optional). */
static const char *
absent_stage_reason (RectoRegistry *registry, const char *name)
{
  if (!g_str_equal (name, "recover-text") || recto_registry_lookup (registry, name, NULL) != NULL)
    return NULL;
  return RECTO_HAVE_OCR ? "its module was not found in the stage folders"
                        : "recto was built without Tesseract (install libtesseract-dev and "
                          "rebuild; meson -Docr=enabled makes it required)";
}

static void
print_json (RectoRegistry *registry, const RectoStageInfo *only)
{
  RectoJson *json = recto_json_new (TRUE);
  const GPtrArray *problems = recto_registry_get_problems (registry);
  g_autofree char *text = NULL;

  recto_json_begin_object (json);
  recto_json_member_string (json, "recto_version", RECTO_VERSION);
  recto_json_member_int (json, "stage_abi_version", RECTO_STAGE_ABI_VERSION);
  recto_json_key (json, "stages");
  recto_json_begin_array (json);
  for (guint i = 0; i < recto_registry_get_n_stages (registry); i++)
    {
      const RectoStageInfo *info = recto_registry_get_stage (registry, i);
      if (only == NULL || info == only)
        write_stage_json (json, registry, info);
    }
  recto_json_end_array (json);
  recto_json_key (json, "problems");
  recto_json_begin_array (json);
  for (guint i = 0; i < problems->len; i++)
    recto_json_string (json, g_ptr_array_index (problems, i));
  recto_json_end_array (json);
  recto_json_key (json, "absent");
  recto_json_begin_array (json);
  if (absent_stage_reason (registry, "recover-text") != NULL)
    {
      recto_json_begin_object (json);
      recto_json_member_string (json, "name", "recover-text");
      recto_json_member_string (json, "reason", absent_stage_reason (registry, "recover-text"));
      recto_json_end_object (json);
    }
  recto_json_end_array (json);
  recto_json_end_object (json);
  text = recto_json_free_to_string (json);
  fputs (text, stdout);
}

static void
print_text (RectoRegistry *registry, const RectoStageInfo *only)
{
  const GPtrArray *problems = recto_registry_get_problems (registry);

  for (guint i = 0; i < recto_registry_get_n_stages (registry); i++)
    {
      const RectoStageInfo *info = recto_registry_get_stage (registry, i);
      if (only != NULL && info != only)
        continue;
      if (only == NULL && i > 0)
        printf ("\n");
      print_stage_text (registry, info);
    }
  if (only == NULL && absent_stage_reason (registry, "recover-text") != NULL)
    printf ("\nabsent: recover-text (recovers lost text with OCR): %s\n",
            absent_stage_reason (registry, "recover-text"));
  if (only == NULL && problems->len > 0)
    {
      printf ("\nunusable modules:\n");
      for (guint i = 0; i < problems->len; i++)
        printf ("  %s\n", (const char *) g_ptr_array_index (problems, i));
    }
}

int
recto_command_inspect (int argc, char **argv)
{
  gboolean as_json = FALSE;
  g_auto (GStrv) plugin_dirs = NULL;
  g_auto (GStrv) names = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, "Print JSON", NULL },
    { "plugin-dir", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &plugin_dirs,
      "Look for stages in DIR first (repeatable)", "DIR" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &names, NULL, NULL },
    { NULL },
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("[STAGE] - describe stages");
  g_autoptr (GError) error = NULL;
  g_autoptr (RectoRegistry) registry = NULL;
  const RectoStageInfo *only = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      recto_print_error (error->message);
      return 2;
    }
  if (names != NULL && g_strv_length (names) > 1)
    {
      recto_print_error ("inspect: name at most one stage");
      return 2;
    }

  registry = recto_registry_new ();
  recto_registry_scan_default (registry, (const char *const *) plugin_dirs);
  if (names != NULL)
    {
      only = recto_registry_lookup (registry, names[0], &error);
      if (only == NULL)
        {
          const char *reason = absent_stage_reason (registry, names[0]);
          g_autofree char *message =
              reason != NULL ? g_strdup_printf ("%s: %s", error->message, reason) : NULL;
          recto_print_error (message != NULL ? message : error->message);
          return recto_error_exit_code (error);
        }
    }
  if (as_json)
    print_json (registry, only);
  else
    print_text (registry, only);
  return 0;
}
