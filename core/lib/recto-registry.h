/* recto-registry.h: finds, loads and checks stage modules. */
#pragma once

#include <recto/recto.h>

typedef struct _RectoRegistry RectoRegistry;

RectoRegistry *recto_registry_new (void);
/* Closes every module; the stage infos it handed out become invalid. */
void recto_registry_free (RectoRegistry *registry);

/* Finds every "<name>.so" in @dir, in name order, to be loaded when needed, for loading a
 * module runs its constructors: by recto_registry_lookup() of its name; the "*-source" modules
 * by has_source and probe_source; every module by what lists them all (get_n_stages,
 * get_stage, get_problems). A module that
 * cannot be used is not fatal: its one-line problem, naming the file, is recorded
 * (recto_registry_get_problems()) and becomes the error of recto_registry_lookup() for its
 * name. A missing @dir is skipped. */
void recto_registry_scan_dir (RectoRegistry *registry, const char *dir);
/* Scans @plugin_dirs (from --plugin-dir, may be NULL), then each directory of the
 * RECTO_PLUGIN_PATH environment variable, then the installed plugin directory. An earlier
 * directory's stage shadows a later one of the same name. */
void recto_registry_scan_default (RectoRegistry *registry, const char *const *plugin_dirs);

/* The stage named @name, or NULL with a RECTO_ERROR_PLUGIN error saying why. */
const RectoStageInfo *recto_registry_lookup (RectoRegistry *registry, const char *name,
                                             GError **error);
/* The file the stage named @name was loaded from, or NULL. */
const char *recto_registry_get_path (RectoRegistry *registry, const char *name);

/* The loaded stages, sorted by name. */
guint recto_registry_get_n_stages (RectoRegistry *registry);
const RectoStageInfo *recto_registry_get_stage (RectoRegistry *registry, guint i);

/* One line per module that could not be used, in the order found. */
const GPtrArray *recto_registry_get_problems (RectoRegistry *registry);

/* Whether any source stage is usable (loading the "*-source" modules), or FALSE with a
 * RECTO_ERROR_PLUGIN error saying where it looked. */
gboolean recto_registry_has_source (RectoRegistry *registry, GError **error);
/* The source stage most confident that it reads the file @name starting with @head (loading
 * the "*-source" modules only), or NULL with a RECTO_ERROR_INPUT_INVALID error when none
 * is, or a RECTO_ERROR_PLUGIN error when there is no source stage at all. */
const RectoStageInfo *recto_registry_probe_source (RectoRegistry *registry, const char *name,
                                                   const guint8 *head, gsize length,
                                                   GError **error);

/* "source", "repair" or "sink". */
const char *recto_stage_kind_name (RectoStageKind kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RectoRegistry, recto_registry_free)
