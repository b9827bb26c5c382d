/* recto-options.c: parses stage options into the stage's config struct by offset, as libvips's
 * argument tables do, so that one table drives parsing, validation, inspection and
 * provenance. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>

#include "recto-options.h"

static size_t
option_size (RectoOptionType type)
{
  switch (type)
    {
    case RECTO_OPTION_BOOLEAN:
      return sizeof (gboolean);
    case RECTO_OPTION_INT:
    case RECTO_OPTION_CHOICE:
      return sizeof (int);
    case RECTO_OPTION_DOUBLE:
      return sizeof (double);
    case RECTO_OPTION_STRING:
      return sizeof (char *);
    }
  return 0;
}

const char *
recto_option_type_name (RectoOptionType type)
{
  switch (type)
    {
    case RECTO_OPTION_BOOLEAN:
      return "boolean";
    case RECTO_OPTION_INT:
      return "int";
    case RECTO_OPTION_DOUBLE:
      return "double";
    case RECTO_OPTION_STRING:
      return "string";
    case RECTO_OPTION_CHOICE:
      return "choice";
    }
  return "unknown";
}

static const RectoOption *
find_option (const RectoStageInfo *info, const char *name, gsize name_length)
{
  for (const RectoOption *o = info->options; o != NULL && o->name != NULL; o++)
    if (strlen (o->name) == name_length && strncmp (o->name, name, name_length) == 0)
      return o;
  return NULL;
}

static gboolean
in_range (const RectoOption *option, double value)
{
  if (option->minimum == 0 && option->maximum == 0)
    return TRUE;
  return value >= option->minimum && value <= option->maximum;
}

static int
choice_index (const char *choices, const char *value)
{
  g_auto (GStrv) names = g_strsplit (choices != NULL ? choices : "", "|", -1);

  for (int i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], value))
      return i;
  return -1;
}

static gboolean
parse_boolean (const char *text, gboolean *out)
{
  static const char *const yes[] = { "true", "yes", "on", "1", NULL };
  static const char *const no[] = { "false", "no", "off", "0", NULL };

  if (g_strv_contains (yes, text))
    *out = TRUE;
  else if (g_strv_contains (no, text))
    *out = FALSE;
  else
    return FALSE;
  return TRUE;
}

/* Writes @text, parsed as @option's type, into @config. Returns FALSE on a bad value. */
static gboolean
store_value (const RectoOption *option, const char *text, guint8 *config)
{
  void *field = config + option->offset;
  char *end = NULL;

  switch (option->type)
    {
    case RECTO_OPTION_BOOLEAN:
      return parse_boolean (text, (gboolean *) field);
    case RECTO_OPTION_INT:
      {
        errno = 0;
        long value = strtol (text, &end, 10);
        if (errno != 0 || end == text || *end != '\0' || value < G_MININT || value > G_MAXINT
            || !in_range (option, (double) value))
          return FALSE;
        *(int *) field = (int) value;
        return TRUE;
      }
    case RECTO_OPTION_DOUBLE:
      {
        double value = g_ascii_strtod (text, &end);
        if (end == text || *end != '\0' || !isfinite (value) || !in_range (option, value))
          return FALSE;
        *(double *) field = value;
        return TRUE;
      }
    case RECTO_OPTION_STRING:
      g_free (*(char **) field);
      *(char **) field = g_strdup (text);
      return TRUE;
    case RECTO_OPTION_CHOICE:
      {
        int index = choice_index (option->choices, text);
        if (index < 0)
          return FALSE;
        *(int *) field = index;
        return TRUE;
      }
    }
  return FALSE;
}

static void
set_bad_value_error (const RectoStageInfo *info, const RectoOption *option, const char *text,
                     GError **error)
{
  g_autofree char *expected = NULL;

  if (option->type == RECTO_OPTION_CHOICE)
    expected = g_strdup_printf ("one of %s", option->choices);
  else if ((option->type == RECTO_OPTION_INT || option->type == RECTO_OPTION_DOUBLE)
           && (option->minimum != 0 || option->maximum != 0))
    expected = g_strdup_printf ("%s from %g to %g", recto_option_type_name (option->type),
                                option->minimum, option->maximum);
  else
    expected = g_strdup_printf ("a %s", recto_option_type_name (option->type));
  g_set_error (error, RECTO_ERROR, RECTO_ERROR_USAGE,
               "stage '%s': option '%s': bad value '%s' (expected %s)", info->name, option->name,
               text, expected);
}

void
recto_options_free (const RectoStageInfo *info, gpointer config)
{
  if (config == NULL)
    return;
  for (const RectoOption *o = info->options; o != NULL && o->name != NULL; o++)
    if (o->type == RECTO_OPTION_STRING)
      g_free (*(char **) ((guint8 *) config + o->offset));
  g_free (config);
}

gpointer
recto_options_parse (const RectoStageInfo *info, const char *const *settings, GError **error)
{
  /* At least one byte, so that a stage without options still gets a non-NULL config. */
  guint8 *config = g_malloc0 (MAX (info->config_size, 1));

  for (const RectoOption *o = info->options; o != NULL && o->name != NULL; o++)
    if (o->default_value != NULL && !store_value (o, o->default_value, config))
      {
        set_bad_value_error (info, o, o->default_value, error);
        g_prefix_error (error, "default: ");
        recto_options_free (info, config);
        return NULL;
      }

  for (guint i = 0; settings != NULL && settings[i] != NULL; i++)
    {
      const char *equals = strchr (settings[i], '=');
      const RectoOption *option;

      if (equals == NULL)
        {
          g_set_error (error, RECTO_ERROR, RECTO_ERROR_USAGE,
                       "stage '%s': '%s' is not of the form option=value", info->name, settings[i]);
          recto_options_free (info, config);
          return NULL;
        }
      option = find_option (info, settings[i], equals - settings[i]);
      if (option == NULL)
        {
          g_set_error (error, RECTO_ERROR, RECTO_ERROR_USAGE,
                       "stage '%s': unknown option '%.*s' (see 'recto inspect %s')", info->name,
                       (int) (equals - settings[i]), settings[i], info->name);
          recto_options_free (info, config);
          return NULL;
        }
      if (!store_value (option, equals + 1, config))
        {
          set_bad_value_error (info, option, equals + 1, error);
          recto_options_free (info, config);
          return NULL;
        }
    }
  return config;
}

static char *
describe_value (const RectoOption *option, const guint8 *config)
{
  const void *field = config + option->offset;

  /* A secret shows only whether it was given. */
  if (option->flags & RECTO_OPTION_SECRET)
    return g_strdup (option->type == RECTO_OPTION_STRING && *(char *const *) field == NULL ? ""
                                                                                           : "***");
  switch (option->type)
    {
    case RECTO_OPTION_BOOLEAN:
      return g_strdup (*(const gboolean *) field ? "true" : "false");
    case RECTO_OPTION_INT:
      return g_strdup_printf ("%d", *(const int *) field);
    case RECTO_OPTION_DOUBLE:
      {
        char buffer[G_ASCII_DTOSTR_BUF_SIZE];
        return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.6g", *(const double *) field));
      }
    case RECTO_OPTION_STRING:
      return g_strdup (*(char *const *) field != NULL ? *(char *const *) field : "");
    case RECTO_OPTION_CHOICE:
      {
        g_auto (GStrv) names = g_strsplit (option->choices, "|", -1);
        int index = *(const int *) field;
        return g_strdup (index >= 0 && index < (int) g_strv_length (names) ? names[index] : "");
      }
    }
  return g_strdup ("");
}

GStrv
recto_options_describe (const RectoStageInfo *info, gconstpointer config)
{
  g_autoptr (GPtrArray) values = g_ptr_array_new ();

  for (const RectoOption *o = info->options; o != NULL && o->name != NULL; o++)
    g_ptr_array_add (values, describe_value (o, config));
  g_ptr_array_add (values, NULL);
  return (GStrv) g_ptr_array_steal (values, NULL);
}

gboolean
recto_options_check_table (const RectoStageInfo *info, GError **error)
{
  gpointer config;

  for (const RectoOption *o = info->options; o != NULL && o->name != NULL; o++)
    {
      size_t size = option_size (o->type);
      if (size == 0)
        {
          g_set_error (error, RECTO_ERROR, RECTO_ERROR_PLUGIN, "option '%s' has an unknown type",
                       o->name);
          return FALSE;
        }
      if (o->offset + size > info->config_size)
        {
          g_set_error (error, RECTO_ERROR, RECTO_ERROR_PLUGIN,
                       "option '%s' lies outside the config struct (%zu bytes)", o->name,
                       info->config_size);
          return FALSE;
        }
      if (o->type == RECTO_OPTION_CHOICE && (o->choices == NULL || *o->choices == '\0'))
        {
          g_set_error (error, RECTO_ERROR, RECTO_ERROR_PLUGIN, "option '%s' has no choices",
                       o->name);
          return FALSE;
        }
    }
  config = recto_options_parse (info, NULL, error);
  recto_options_free (info, config);
  return config != NULL;
}
