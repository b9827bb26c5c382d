/* recto-registry.c: loads stage modules with GModule and checks each before trusting it: the
 * ABI version first, then the rest of the descriptor. Every problem is one line naming the
 * file; a broken module fails a run only when the pipeline asks for its stage. */
#include "recto-registry.h"
#include "recto-options.h"

typedef struct
{
  const RectoStageInfo *info;
  GModule *module;
  char *path;
} LoadedStage;

struct _RectoRegistry
{
  GPtrArray *stages; /* LoadedStage*, sorted by name after each scan */
  GHashTable *problem_by_name; /* stage name → first problem line, for lookup errors */
  GPtrArray *problems; /* char*, every problem line in the order found */
  GPtrArray *searched; /* char*, directories scanned, for "not found" messages */
};

static void
loaded_stage_free (LoadedStage *stage)
{
  g_module_close (stage->module);
  g_free (stage->path);
  g_free (stage);
}

RectoRegistry *
recto_registry_new (void)
{
  RectoRegistry *registry = g_new0 (RectoRegistry, 1);

  registry->stages = g_ptr_array_new_with_free_func ((GDestroyNotify) loaded_stage_free);
  registry->problem_by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  registry->problems = g_ptr_array_new_with_free_func (g_free);
  registry->searched = g_ptr_array_new_with_free_func (g_free);
  return registry;
}

void
recto_registry_free (RectoRegistry *registry)
{
  if (registry == NULL)
    return;
  g_ptr_array_unref (registry->stages);
  g_hash_table_unref (registry->problem_by_name);
  g_ptr_array_unref (registry->problems);
  g_ptr_array_unref (registry->searched);
  g_free (registry);
}

static LoadedStage *
find_loaded (RectoRegistry *registry, const char *name)
{
  for (guint i = 0; i < registry->stages->len; i++)
    {
      LoadedStage *stage = g_ptr_array_index (registry->stages, i);
      if (g_str_equal (stage->info->name, name))
        return stage;
    }
  return NULL;
}

static void
add_problem (RectoRegistry *registry, const char *name, char *line)
{
  if (!g_hash_table_contains (registry->problem_by_name, name))
    g_hash_table_insert (registry->problem_by_name, g_strdup (name), g_strdup (line));
  g_ptr_array_add (registry->problems, line);
}

static gboolean
is_kebab_case (const char *name)
{
  if (!g_ascii_islower (name[0]))
    return FALSE;
  for (const char *c = name; *c != '\0'; c++)
    if (!g_ascii_islower (*c) && !g_ascii_isdigit (*c) && *c != '-')
      return FALSE;
  return TRUE;
}

/* Descriptors end up in headers and terminal listings: no control characters there. */
static gboolean
is_one_line (const char *text)
{
  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;
  for (const char *c = text; *c != '\0'; c = g_utf8_next_char (c))
    if (g_unichar_iscntrl (g_utf8_get_char (c)))
      return FALSE;
  return TRUE;
}

/* Checks the descriptor of a module whose ABI version already matched. */
static gboolean
check_info (const RectoStageInfo *info, const char *file_stem, GError **error)
{
  if (info->name == NULL || !g_str_equal (info->name, file_stem))
    {
      g_set_error (error, RECTO_ERROR, RECTO_ERROR_PLUGIN,
                   "declares the stage name '%s' but the file is named '%s.so'",
                   info->name != NULL ? info->name : "(null)", file_stem);
      return FALSE;
    }
  if (!is_kebab_case (info->name))
    {
      g_set_error (error, RECTO_ERROR, RECTO_ERROR_PLUGIN, "stage name '%s' is not kebab-case",
                   info->name);
      return FALSE;
    }
  if (info->summary == NULL || info->version == NULL || info->license == NULL
      || info->process == NULL)
    {
      g_set_error (error, RECTO_ERROR, RECTO_ERROR_PLUGIN,
                   "descriptor lacks a summary, version, license or process function");
      return FALSE;
    }
  if (info->kind != RECTO_STAGE_SOURCE && info->kind != RECTO_STAGE_REPAIR
      && info->kind != RECTO_STAGE_SINK)
    {
      g_set_error (error, RECTO_ERROR, RECTO_ERROR_PLUGIN, "unknown stage kind %d",
                   (int) info->kind);
      return FALSE;
    }
  if (!is_one_line (info->summary) || !is_one_line (info->version) || *info->version == '\0')
    {
      g_set_error (error, RECTO_ERROR, RECTO_ERROR_PLUGIN,
                   "summary and version must be one line of printable text");
      return FALSE;
    }
  for (const RectoRepairKind *r = info->repairs; r != NULL && r->id != NULL; r++)
    if (!is_kebab_case (r->id) || r->description == NULL || !is_one_line (r->description))
      {
        g_set_error (error, RECTO_ERROR, RECTO_ERROR_PLUGIN,
                     "repair kind '%s' needs a kebab-case id and a one-line description", r->id);
        return FALSE;
      }
  return recto_options_check_table (info, error);
}

/* Checks what @module exports and returns its descriptor, or NULL with an error. */
static const RectoStageInfo *
check_module (GModule *module, const char *file_stem, GError **error)
{
  RectoStageGetInfoFunc get_info = NULL;
  const RectoStageInfo *info;

  if (!g_module_symbol (module, RECTO_STAGE_GET_INFO_SYMBOL, (gpointer *) &get_info)
      || get_info == NULL)
    {
      g_set_error (error, RECTO_ERROR, RECTO_ERROR_PLUGIN,
                   "is not a recto stage: it exports no %s()", RECTO_STAGE_GET_INFO_SYMBOL);
      return NULL;
    }
  info = get_info ();
  if (info == NULL)
    {
      g_set_error (error, RECTO_ERROR, RECTO_ERROR_PLUGIN, "%s() returned NULL",
                   RECTO_STAGE_GET_INFO_SYMBOL);
      return NULL;
    }
  /* Nothing but the first field may be read before the version is known to match. */
  if (info->abi_version != RECTO_STAGE_ABI_VERSION)
    {
      g_set_error (error, RECTO_ERROR, RECTO_ERROR_PLUGIN,
                   "was built for stage ABI %u, but this recto %s loads ABI %u: rebuild the "
                   "stage against recto %s's headers",
                   info->abi_version, RECTO_VERSION, RECTO_STAGE_ABI_VERSION, RECTO_VERSION);
      return NULL;
    }
  if (!check_info (info, file_stem, error))
    return NULL;
  return info;
}

/* Opens @path and returns its checked descriptor, or NULL with an error. On success the
 * module is handed out in @module_out; on failure it is closed. */
static const RectoStageInfo *
open_stage (const char *path, const char *file_stem, GModule **module_out, GError **error)
{
  GModule *module = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  const RectoStageInfo *info;

  if (module == NULL)
    {
      g_set_error (error, RECTO_ERROR, RECTO_ERROR_PLUGIN, "cannot be loaded: %s",
                   g_module_error ());
      return NULL;
    }
  info = check_module (module, file_stem, error);
  if (info == NULL)
    {
      g_module_close (module);
      return NULL;
    }
  *module_out = module;
  return info;
}

static void
load_module (RectoRegistry *registry, const char *path, const char *file_stem)
{
  g_autoptr (GError) error = NULL;
  GModule *module = NULL;
  const RectoStageInfo *info = open_stage (path, file_stem, &module, &error);
  LoadedStage *existing = find_loaded (registry, file_stem);

  if (info == NULL)
    {
      /* A stage already loaded from an earlier directory shadows a broken copy. */
      add_problem (registry, file_stem, g_strdup_printf ("%s: %s", path, error->message));
      return;
    }
  if (existing != NULL)
    {
      add_problem (registry, file_stem,
                   g_strdup_printf ("%s: stage '%s' ignored: already loaded from %s", path,
                                    file_stem, existing->path));
      g_module_close (module);
      return;
    }
  /* Leak checkers can name a module's functions only while it is mapped: with
   * RECTO_KEEP_MODULES set, modules are never unloaded. */
  if (g_getenv ("RECTO_KEEP_MODULES") != NULL)
    g_module_make_resident (module);
  LoadedStage *stage = g_new0 (LoadedStage, 1);
  stage->info = info;
  stage->module = module;
  stage->path = g_strdup (path);
  g_ptr_array_add (registry->stages, stage);
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static int
compare_stages (gconstpointer a, gconstpointer b)
{
  const LoadedStage *sa = *(const LoadedStage *const *) a;
  const LoadedStage *sb = *(const LoadedStage *const *) b;
  return strcmp (sa->info->name, sb->info->name);
}

/* Stages may load libraries that run OpenMP thread teams (Tesseract's recognizer does). recto
 * spreads work over the cores itself (recto_parallel_for), and OpenMP's teams, spin-waiting
 * beside recto's threads, made OCR three times slower. OpenMP reads its settings once, when it
 * is loaded with the first such stage, so they are set before any stage is: one thread per
 * team, unless the user has chosen. */
static void
limit_openmp_threads (void)
{
  g_setenv ("OMP_THREAD_LIMIT", "1", FALSE);
}

void
recto_registry_scan_dir (RectoRegistry *registry, const char *dir)
{
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  limit_openmp_threads ();
  g_ptr_array_add (registry->searched, g_strdup (dir));
  if (handle == NULL)
    return;
  while ((name = g_dir_read_name (handle)) != NULL)
    if (g_str_has_suffix (name, "." G_MODULE_SUFFIX))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);

  for (guint i = 0; i < names->len; i++)
    {
      const char *file = g_ptr_array_index (names, i);
      g_autofree char *path = g_build_filename (dir, file, NULL);
      g_autofree char *stem = g_strndup (file, strlen (file) - strlen ("." G_MODULE_SUFFIX));
      load_module (registry, path, stem);
    }
  g_ptr_array_sort (registry->stages, compare_stages);
}

void
recto_registry_scan_default (RectoRegistry *registry, const char *const *plugin_dirs)
{
  const char *env = g_getenv ("RECTO_PLUGIN_PATH");

  for (guint i = 0; plugin_dirs != NULL && plugin_dirs[i] != NULL; i++)
    recto_registry_scan_dir (registry, plugin_dirs[i]);
  if (env != NULL)
    {
      g_auto (GStrv) dirs = g_strsplit (env, G_SEARCHPATH_SEPARATOR_S, -1);
      for (guint i = 0; dirs[i] != NULL; i++)
        if (*dirs[i] != '\0')
          recto_registry_scan_dir (registry, dirs[i]);
    }
  recto_registry_scan_dir (registry, RECTO_PLUGIN_DIR);
}

const RectoStageInfo *
recto_registry_lookup (RectoRegistry *registry, const char *name, GError **error)
{
  LoadedStage *stage = find_loaded (registry, name);
  const char *problem;

  if (stage != NULL)
    return stage->info;
  problem = g_hash_table_lookup (registry->problem_by_name, name);
  if (problem != NULL)
    {
      g_set_error (error, RECTO_ERROR, RECTO_ERROR_PLUGIN, "stage '%s' is unusable: %s", name,
                   problem);
      return NULL;
    }
  g_ptr_array_add (registry->searched, NULL);
  g_autofree char *dirs = g_strjoinv (", ", (char **) registry->searched->pdata);
  g_ptr_array_remove_index (registry->searched, registry->searched->len - 1);
  g_set_error (error, RECTO_ERROR, RECTO_ERROR_PLUGIN, "no stage named '%s' (searched %s)", name,
               dirs);
  return NULL;
}

const char *
recto_registry_get_path (RectoRegistry *registry, const char *name)
{
  LoadedStage *stage = find_loaded (registry, name);
  return stage != NULL ? stage->path : NULL;
}

guint
recto_registry_get_n_stages (RectoRegistry *registry)
{
  return registry->stages->len;
}

const RectoStageInfo *
recto_registry_get_stage (RectoRegistry *registry, guint i)
{
  g_return_val_if_fail (i < registry->stages->len, NULL);
  return ((LoadedStage *) g_ptr_array_index (registry->stages, i))->info;
}

const GPtrArray *
recto_registry_get_problems (RectoRegistry *registry)
{
  return registry->problems;
}

const RectoStageInfo *
recto_registry_probe_source (RectoRegistry *registry, const char *name, const guint8 *head,
                             gsize length, GError **error)
{
  const RectoStageInfo *best = NULL;
  guint best_score = 0;

  /* Stages are sorted by name, so a tie goes to the same stage on every run. */
  for (guint i = 0; i < registry->stages->len; i++)
    {
      const RectoStageInfo *info = recto_registry_get_stage (registry, i);
      guint score;
      if (info->kind != RECTO_STAGE_SOURCE || info->probe == NULL)
        continue;
      score = info->probe (name, head, length);
      if (score > best_score)
        {
          best = info;
          best_score = score;
        }
    }
  if (best == NULL)
    g_set_error (error, RECTO_ERROR, RECTO_ERROR_INPUT_INVALID,
                 "not a format any source stage reads");
  return best;
}

const char *
recto_stage_kind_name (RectoStageKind kind)
{
  switch (kind)
    {
    case RECTO_STAGE_SOURCE:
      return "source";
    case RECTO_STAGE_REPAIR:
      return "repair";
    case RECTO_STAGE_SINK:
      return "sink";
    }
  return "unknown";
}
