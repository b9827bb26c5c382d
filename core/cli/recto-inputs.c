/* recto-inputs.c: see recto-inputs.h. */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <sys/stat.h>

#include <recto/recto.h>

#include "recto-convert.h"
#include "recto-inputs.h"
#include "recto-output.h"

void
recto_input_free (RectoInput *input)
{
  if (input == NULL)
    return;
  g_free (input->path);
  g_free (input->relative);
  g_free (input->output);
  g_free (input->error);
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

typedef struct
{
  const char *root; /* the directory argument */
  const RectoInputRules *rules;
  GPtrArray *found; /* char*, wanted files' paths below @root */
  GPtrArray *unreadable; /* char*, folders below @root that could not be read, then why */
  GHashTable *visited; /* "device:inode" of every folder entered, so that links never loop */
} Walk;

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Whether the folder @path is entered for the first time (a symbolic link to a folder already
 * walked, such as "sub/up -> ..", is not walked again). */
static gboolean
first_visit (Walk *walk, const char *path)
{
  struct stat st;

  if (stat (path, &st) != 0)
    return TRUE;
  return g_hash_table_add (walk->visited,
                           g_strdup_printf ("%ju:%ju", (uintmax_t) st.st_dev,
                                            (uintmax_t) st.st_ino));
}

/* Adds the wanted files under the folder @below (NULL: the root), in name order. */
static void
walk_dir (Walk *walk, const char *below)
{
  g_autofree char *dir = below != NULL ? g_build_filename (walk->root, below, NULL)
                                       : g_strdup (walk->root);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  struct dirent *entry;
  DIR *handle;

  if (!first_visit (walk, dir))
    return;
  handle = opendir (dir);
  if (handle == NULL)
    {
      g_ptr_array_add (walk->unreadable, g_strdup (below != NULL ? below : "."));
      g_ptr_array_add (walk->unreadable, g_strdup (g_strerror (errno)));
      return;
    }
  while ((entry = readdir (handle)) != NULL)
    /* Hidden entries (and . and ..) include recto's own work folders (.recto-*). */
    if (entry->d_name[0] != '.')
      g_ptr_array_add (names, g_strdup (entry->d_name));
  closedir (handle);
  g_ptr_array_sort (names, compare_strings);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *relative = below != NULL ? g_build_filename (below, name, NULL)
                                                : g_strdup (name);
      g_autofree char *path = g_build_filename (walk->root, relative, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        walk_dir (walk, relative);
      else if (wanted (walk->rules, relative))
        g_ptr_array_add (walk->found, g_steal_pointer (&relative));
    }
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

static gboolean
in_share (const RectoInputRules *rules, const char *relative)
{
  return rules->shard_count == 0
         || recto_shard_contains (relative, rules->shard_index, rules->shard_count);
}

/* A folder of a directory argument that could not be read: reported as a failed input. */
static RectoInput *
unreadable_new (const char *argument, const char *relative, const char *why)
{
  RectoInput *input = g_new0 (RectoInput, 1);
  g_autoptr (GError) error = NULL;

  input->path = g_build_filename (argument, relative, NULL);
  input->relative = g_strdup (relative);
  error = g_error_new (RECTO_ERROR, RECTO_ERROR_INPUT_UNREADABLE,
                       "%s: cannot read the folder: %s", input->path, why);
  input->error = g_strdup (error->message);
  input->exit_code = recto_error_exit_code (error);
  return input;
}

static void
add_argument (GPtrArray *inputs, const char *argument, const RectoInputRules *rules,
              const char *output_dir)
{
  g_autoptr (GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) unreadable = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) visited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Walk walk = { argument, rules, found, unreadable, visited };

  if (!g_file_test (argument, G_FILE_TEST_IS_DIR))
    {
      if (in_share (rules, argument))
        g_ptr_array_add (inputs, input_new (argument, argument, output_dir, FALSE));
      return;
    }
  walk_dir (&walk, NULL);
  g_ptr_array_sort (found, compare_strings);
  for (guint i = 0; i < found->len; i++)
    {
      const char *relative = g_ptr_array_index (found, i);
      g_autofree char *path = g_build_filename (argument, relative, NULL);
      if (in_share (rules, relative))
        g_ptr_array_add (inputs, input_new (path, relative, output_dir, TRUE));
    }
  for (guint i = 0; i + 1 < unreadable->len; i += 2)
    if (in_share (rules, g_ptr_array_index (unreadable, i)))
      g_ptr_array_add (inputs, unreadable_new (argument, g_ptr_array_index (unreadable, i),
                                               g_ptr_array_index (unreadable, i + 1)));
}

static gboolean
outputs_distinct (GPtrArray *inputs, GError **error)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < inputs->len; i++)
    {
      const RectoInput *input = g_ptr_array_index (inputs, i);
      const RectoInput *other;
      if (input->output == NULL)
        continue;
      if (recto_output_is_file (input->output, input->path))
        {
          g_set_error (error, RECTO_ERROR, RECTO_ERROR_USAGE,
                       "%s: the output %s is the input itself: recto never writes over its "
                       "source",
                       input->path, input->output);
          return FALSE;
        }
      other = g_hash_table_lookup (seen, input->output);
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
