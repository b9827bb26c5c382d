/* recto-registry.c: loads stage modules with GModule and checks each before trusting it: the
 * ABI version first, then the rest of the descriptor. Every problem is one line naming the
 * file; a broken module fails a run only when the pipeline asks for its stage.
 *
 * Loading a module runs its constructors, so a module is loaded only when it is needed, and
 * what it is is read from its file's name first: a stage's name is its file's name, and a
 * source stage's name, and only a source's, ends in "-source". A stage is looked up by name in
 * the file of that name; probing an input's format loads only the "*-source" modules; only
 * listing every stage (recto inspect) loads them all. So a module in a plugin folder that is
 * not a stage of the pipeline, nor named as a source, never runs in a conversion. */
#include "recto-registry.h"
#include "recto-options.h"

typedef struct
{
  const RectoStageInfo *info;
  GModule *module;
  char *path;
} LoadedStage;

/* A module file found by a scan, not loaded until it is needed. */
typedef struct
{
  char *stem; /* the file name without ".so": the stage name it must declare */
  char *path;
  gboolean tried; /* loaded, or found unusable */
} Candidate;

struct _RectoRegistry
{
  GPtrArray *candidates; /* Candidate*, in the order scanned */
  GPtrArray *stages; /* LoadedStage*, sorted by name */
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

static void
candidate_free (Candidate *candidate)
{
  g_free (candidate->stem);
  g_free (candidate->path);
  g_free (candidate);
}

RectoRegistry *
recto_registry_new (void)
{
  RectoRegistry *registry = g_new0 (RectoRegistry, 1);

  registry->candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) candidate_free);
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
  g_ptr_array_unref (registry->candidates);
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

/* Whether a stage (or a module's file stem) named @name is a source, by its name alone. */
static gboolean
is_source_name (const char *name)
{
  return g_str_has_suffix (name, "-source");
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
  if ((info->kind == RECTO_STAGE_SOURCE) != is_source_name (info->name))
    {
      g_set_error (error, RECTO_ERROR, RECTO_ERROR_PLUGIN,
                   "stage '%s': a source stage's name, and only a source's, ends in '-source'",
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
      Candidate *candidate = g_new0 (Candidate, 1);
      candidate->path = g_build_filename (dir, file, NULL);
      candidate->stem = g_strndup (file, strlen (file) - strlen ("." G_MODULE_SUFFIX));
      g_ptr_array_add (registry->candidates, candidate);
    }
}

/* Which modules load_candidates() loads: those of one stage's name, the sources, or all. */
typedef enum
{
  LOAD_NAMED,
  LOAD_SOURCES,
  LOAD_ALL,
} LoadWhich;

static gboolean
candidate_wanted (const Candidate *candidate, LoadWhich which, const char *name)
{
  switch (which)
    {
    case LOAD_NAMED:
      return g_str_equal (candidate->stem, name);
    case LOAD_SOURCES:
      return is_source_name (candidate->stem);
    case LOAD_ALL:
      return TRUE;
    }
  return FALSE;
}

/* Loads the modules @which (for LOAD_NAMED, of the stage @name) not tried yet, in the order
 * scanned; for one name, until one is usable. */
static void
load_candidates (RectoRegistry *registry, LoadWhich which, const char *name)
{
  gboolean added = FALSE;

  for (guint i = 0; i < registry->candidates->len; i++)
    {
      Candidate *candidate = g_ptr_array_index (registry->candidates, i);
      if (candidate->tried || !candidate_wanted (candidate, which, name))
        continue;
      if (name != NULL && find_loaded (registry, name) != NULL)
        break;
      candidate->tried = TRUE;
      load_module (registry, candidate->path, candidate->stem);
      added = TRUE;
    }
  if (added)
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

static char *
searched_dirs (RectoRegistry *registry)
{
  char *dirs;

  g_ptr_array_add (registry->searched, NULL);
  dirs = g_strjoinv (", ", (char **) registry->searched->pdata);
  g_ptr_array_remove_index (registry->searched, registry->searched->len - 1);
  return dirs;
}

const RectoStageInfo *
recto_registry_lookup (RectoRegistry *registry, const char *name, GError **error)
{
  LoadedStage *stage;
  const char *problem;

  load_candidates (registry, LOAD_NAMED, name);
  stage = find_loaded (registry, name);
  if (stage != NULL)
    return stage->info;
  problem = g_hash_table_lookup (registry->problem_by_name, name);
  if (problem != NULL)
    {
      g_set_error (error, RECTO_ERROR, RECTO_ERROR_PLUGIN, "stage '%s' is unusable: %s", name,
                   problem);
      return NULL;
    }
  g_autofree char *dirs = searched_dirs (registry);
  g_set_error (error, RECTO_ERROR, RECTO_ERROR_PLUGIN, "no stage named '%s' (searched %s)", name,
               dirs);
  return NULL;
}

const char *
recto_registry_get_path (RectoRegistry *registry, const char *name)
{
  LoadedStage *stage;

  load_candidates (registry, LOAD_NAMED, name);
  stage = find_loaded (registry, name);
  return stage != NULL ? stage->path : NULL;
}

guint
recto_registry_get_n_stages (RectoRegistry *registry)
{
  load_candidates (registry, LOAD_ALL, NULL);
  return registry->stages->len;
}

const RectoStageInfo *
recto_registry_get_stage (RectoRegistry *registry, guint i)
{
  load_candidates (registry, LOAD_ALL, NULL);
  g_return_val_if_fail (i < registry->stages->len, NULL);
  return ((LoadedStage *) g_ptr_array_index (registry->stages, i))->info;
}

const GPtrArray *
recto_registry_get_problems (RectoRegistry *registry)
{
  load_candidates (registry, LOAD_ALL, NULL);
  return registry->problems;
}

gboolean
recto_registry_has_source (RectoRegistry *registry, GError **error)
{
  load_candidates (registry, LOAD_SOURCES, NULL);
  for (guint i = 0; i < registry->stages->len; i++)
    if (((LoadedStage *) g_ptr_array_index (registry->stages, i))->info->kind
        == RECTO_STAGE_SOURCE)
      return TRUE;
  /* Not the input's fault: recto is not installed, or --plugin-dir is missing. */
  g_autofree char *dirs = searched_dirs (registry);
  g_set_error (error, RECTO_ERROR, RECTO_ERROR_PLUGIN,
               "no source stage found (searched %s): is recto installed, or is "
               "--plugin-dir missing?",
               dirs);
  return FALSE;
}

const RectoStageInfo *
recto_registry_probe_source (RectoRegistry *registry, const char *name, const guint8 *head,
                             gsize length, GError **error)
{
  const RectoStageInfo *best = NULL;
  guint best_score = 0;

  if (!recto_registry_has_source (registry, error))
    return NULL;
  /* Stages are sorted by name, so a tie goes to the same stage on every run. */
  for (guint i = 0; i < registry->stages->len; i++)
    {
      const RectoStageInfo *info = ((LoadedStage *) g_ptr_array_index (registry->stages, i))->info;
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
