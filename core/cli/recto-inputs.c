/* recto-inputs.c: see recto-inputs.h. */
#include <recto/recto.h>

#include "recto-convert.h"
#include "recto-inputs.h"

void
recto_input_free (RectoInput *input)
{
  if (input == NULL)
    return;
  g_free (input->path);
  g_free (input->relative);
  g_free (input->output);
  g_free (input);
}

static gboolean
matches_any (const char *const *globs, const char *relative)
{
  for (guint i = 0; globs != NULL && globs[i] != NULL; i++)
    if (g_pattern_match_simple (globs[i], relative))
      return TRUE;
  return FALSE;
}

static gboolean
wanted (const RectoInputRules *rules, const char *relative)
{
  static const char *const default_include[] = { "*.pdf", "*.PDF", NULL };
  const char *const *include = rules->include != NULL ? rules->include : default_include;

  return matches_any (include, relative) && !matches_any (rules->exclude, relative);
}

/* Appends the wanted files under @dir (whose path below the argument is @below) to @found,
 * as relative paths. */
static void
walk (const char *root, const char *below, const RectoInputRules *rules, GPtrArray *found)
{
  g_autofree char *dir = below != NULL ? g_build_filename (root, below, NULL) : g_strdup (root);
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle == NULL)
    return;
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *relative = below != NULL ? g_build_filename (below, name, NULL)
                                                : g_strdup (name);
      g_autofree char *path = g_build_filename (root, relative, NULL);
      /* Hidden entries include recto's own work folders (.recto-*) in an output tree. */
      if (name[0] == '.')
        continue;
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        walk (root, relative, rules, found);
      else if (wanted (rules, relative))
        g_ptr_array_add (found, g_steal_pointer (&relative));
    }
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* @mirror: @relative lies below a directory argument, and its folders are made again below
 * @output_dir. */
static RectoInput *
input_new (const char *path, const char *relative, const char *output_dir, gboolean mirror)
{
  RectoInput *input = g_new0 (RectoInput, 1);
  g_autofree char *relative_dir = g_path_get_dirname (relative);
  g_autofree char *sub_dir = NULL;

  input->path = g_strdup (path);
  input->relative = g_strdup (relative);
  if (output_dir != NULL && mirror && !g_str_equal (relative_dir, "."))
    sub_dir = g_build_filename (output_dir, relative_dir, NULL);
  else
    sub_dir = g_strdup (output_dir);
  input->output = recto_convert_default_output (path, sub_dir);
  return input;
}

static void
add_argument (GPtrArray *inputs, const char *argument, const RectoInputRules *rules,
              const char *output_dir)
{
  g_autoptr (GPtrArray) found = NULL;

  if (!g_file_test (argument, G_FILE_TEST_IS_DIR))
    {
      if (rules->shard_count == 0
          || recto_shard_contains (argument, rules->shard_index, rules->shard_count))
        g_ptr_array_add (inputs, input_new (argument, argument, output_dir, FALSE));
      return;
    }
  found = g_ptr_array_new_with_free_func (g_free);
  walk (argument, NULL, rules, found);
  g_ptr_array_sort (found, compare_strings);
  for (guint i = 0; i < found->len; i++)
    {
      const char *relative = g_ptr_array_index (found, i);
      g_autofree char *path = g_build_filename (argument, relative, NULL);
      if (rules->shard_count == 0
          || recto_shard_contains (relative, rules->shard_index, rules->shard_count))
        g_ptr_array_add (inputs, input_new (path, relative, output_dir, TRUE));
    }
}

static gboolean
outputs_distinct (GPtrArray *inputs, GError **error)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < inputs->len; i++)
    {
      const RectoInput *input = g_ptr_array_index (inputs, i);
      const RectoInput *other = g_hash_table_lookup (seen, input->output);
      if (other != NULL)
        {
          g_set_error (error, RECTO_ERROR, RECTO_ERROR_USAGE,
                       "%s and %s would both be written to %s", other->path, input->path,
                       input->output);
          return FALSE;
        }
      g_hash_table_insert (seen, input->output, (gpointer) input);
    }
  return TRUE;
}

gboolean
recto_inputs_name_a_directory (const char *const *arguments)
{
  for (guint i = 0; arguments[i] != NULL; i++)
    if (g_file_test (arguments[i], G_FILE_TEST_IS_DIR))
      return TRUE;
  return FALSE;
}

GPtrArray *
recto_inputs_expand (const char *const *arguments, const RectoInputRules *rules, GError **error)
{
  g_autoptr (GPtrArray) inputs = g_ptr_array_new_with_free_func ((GDestroyNotify) recto_input_free);
  guint n_arguments = g_strv_length ((char **) arguments);
  const char *output_dir = NULL;

  if (rules->output != NULL && g_file_test (rules->output, G_FILE_TEST_IS_DIR))
    output_dir = rules->output;
  else if (rules->output != NULL
           && (n_arguments > 1 || recto_inputs_name_a_directory (arguments)))
    {
      g_set_error (error, RECTO_ERROR, RECTO_ERROR_USAGE,
                   "-o %s: with several inputs or a directory, -o must name an existing "
                   "directory",
                   rules->output);
      return NULL;
    }
  /* A missing file is kept: its conversion fails and is reported like any other failure. */
  for (guint i = 0; i < n_arguments; i++)
    add_argument (inputs, arguments[i], rules, output_dir);
  if (rules->output != NULL && output_dir == NULL && inputs->len == 1)
    {
      RectoInput *only = g_ptr_array_index (inputs, 0);
      g_free (only->output);
      only->output = g_strdup (rules->output);
    }
  if (!outputs_distinct (inputs, error))
    return NULL;
  return g_steal_pointer (&inputs);
}

gboolean
recto_shard_parse (const char *text, guint *index, guint *count, GError **error)
{
  g_auto (GStrv) parts = g_strsplit (text, "/", -1);
  guint64 k, n;

  if (g_strv_length (parts) != 2 || !g_ascii_string_to_unsigned (parts[0], 10, 1, G_MAXUINT, &k, NULL)
      || !g_ascii_string_to_unsigned (parts[1], 10, 1, G_MAXUINT, &n, NULL) || k > n)
    {
      g_set_error (error, RECTO_ERROR, RECTO_ERROR_USAGE,
                   "--shard %s: expected K/N with 1 ≤ K ≤ N, as in 3/8", text);
      return FALSE;
    }
  *index = (guint) k;
  *count = (guint) n;
  return TRUE;
}

gboolean
recto_shard_contains (const char *relative, guint index, guint count)
{
  /* FNV-1a, written out so that the shares never change with a library's hash function. */
  guint32 hash = 2166136261u;

  for (const guchar *c = (const guchar *) relative; *c != '\0'; c++)
    hash = (hash ^ *c) * 16777619u;
  return hash % count == index - 1;
}
