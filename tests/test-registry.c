/* test-registry.c: loading the build tree's stages, and one clear line naming the file for each
 * kind of broken module; a broken module fails only a pipeline that needs it. */
#include <glib/gstdio.h>

#include "recto-registry.h"

static const char *
env (const char *name)
{
  const char *value = g_getenv (name);
  g_assert_nonnull (value);
  return value;
}

static void
test_build_tree (void)
{
  g_autoptr (RectoRegistry) registry = recto_registry_new ();
  g_autoptr (GError) error = NULL;
  const RectoStageInfo *info;

  recto_registry_scan_dir (registry, env ("RECTO_TEST_PLUGIN_DIR"));
  g_assert_cmpuint (recto_registry_get_problems (registry)->len, ==, 0);
  g_assert_cmpuint (recto_registry_get_n_stages (registry), >=, 4);
  /* Sorted by name. */
  for (guint i = 1; i < recto_registry_get_n_stages (registry); i++)
    g_assert_cmpint (strcmp (recto_registry_get_stage (registry, i - 1)->name,
                             recto_registry_get_stage (registry, i)->name),
                     <, 0);
  info = recto_registry_lookup (registry, "pdf-source", &error);
  g_assert_no_error (error);
  g_assert_cmpint (info->kind, ==, RECTO_STAGE_SOURCE);
  g_assert_true (
      g_str_has_suffix (recto_registry_get_path (registry, "pdf-source"), "pdf-source.so"));
  g_assert_null (recto_registry_lookup (registry, "no-such-stage", &error));
  g_assert_error (error, RECTO_ERROR, RECTO_ERROR_PLUGIN);
  g_assert_nonnull (strstr (error->message, "no stage named 'no-such-stage' (searched "));
}

static gboolean
has_problem (RectoRegistry *registry, const char *file, const char *part)
{
  const GPtrArray *problems = recto_registry_get_problems (registry);

  for (guint i = 0; i < problems->len; i++)
    {
      const char *line = g_ptr_array_index (problems, i);
      if (strstr (line, file) != NULL && strstr (line, part) != NULL && strchr (line, '\n') == NULL)
        return TRUE;
    }
  return FALSE;
}

static void
test_broken_modules (void)
{
  g_autoptr (RectoRegistry) registry = recto_registry_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *garbage_dir = g_dir_make_tmp ("recto-test-XXXXXX", NULL);
  g_autofree char *garbage = g_build_filename (garbage_dir, "garbage.so", NULL);

  g_assert_true (g_file_set_contents (garbage, "not a shared object", -1, NULL));
  recto_registry_scan_dir (registry, env ("RECTO_TEST_EXTRA_DIR"));
  recto_registry_scan_dir (registry, env ("RECTO_TEST_BROKEN_DIR"));
  recto_registry_scan_dir (registry, garbage_dir);

  g_assert_true (has_problem (registry, "wrong-abi.so", "built for stage ABI 999"));
  g_assert_true (has_problem (registry, "no-symbol.so", "exports no recto_stage_get_info()"));
  g_assert_true (has_problem (registry, "misnamed.so",
                              "declares the stage name 'another-name' but the file is named "
                              "'misnamed.so'"));
  g_assert_true (has_problem (registry, "bad-options.so", "outside the config struct"));
  g_assert_true (
      has_problem (registry, "bad-repair.so", "repair kind 'Joined Lines' needs a kebab-case id"));
  g_assert_true (has_problem (registry, "test-source.so", "already loaded from"));
  g_assert_true (has_problem (registry, "garbage.so", "cannot be loaded"));
  g_assert_true (has_problem (registry, "fake-source.so",
                              "a source stage's name, and only a source's, ends in '-source'"));
  g_assert_true (has_problem (registry, "unmarked.so", "and only a source's, ends in '-source'"));
  g_assert_cmpuint (recto_registry_get_problems (registry)->len, ==, 9);

  /* Good stages still load, and the first copy of a duplicate wins. */
  g_assert_nonnull (recto_registry_lookup (registry, "test-source", NULL));
  g_assert_true (g_str_has_prefix (recto_registry_get_path (registry, "test-source"),
                                   env ("RECTO_TEST_EXTRA_DIR")));
  /* Asking for a broken stage gives its problem. */
  g_assert_null (recto_registry_lookup (registry, "wrong-abi", &error));
  g_assert_error (error, RECTO_ERROR, RECTO_ERROR_PLUGIN);
  g_assert_nonnull (strstr (error->message, "stage 'wrong-abi' is unusable: "));
  g_assert_nonnull (strstr (error->message, "rebuild the stage"));

  g_unlink (garbage);
  g_rmdir (garbage_dir);
}

static void
test_probe (void)
{
  g_autoptr (RectoRegistry) registry = recto_registry_new ();
  g_autoptr (GError) error = NULL;
  const char pdf[] = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n";
  const char text[] = "hello\n";

  recto_registry_scan_dir (registry, env ("RECTO_TEST_PLUGIN_DIR"));
  g_assert_cmpstr (
      recto_registry_probe_source (registry, "x.bin", (const guint8 *) pdf, sizeof pdf - 1, &error)
          ->name,
      ==, "pdf-source");
  /* A file named .pdf goes to the PDF source, which will say it is not a PDF. */
  g_assert_cmpstr (recto_registry_probe_source (registry, "x.PDF", (const guint8 *) text,
                                                sizeof text - 1, &error)
                       ->name,
                   ==, "pdf-source");
  g_assert_null (recto_registry_probe_source (registry, "x.bin",
                                              (const guint8 *) "\x7F"
                                                               "ELF",
                                              4, &error));
  g_assert_error (error, RECTO_ERROR, RECTO_ERROR_INPUT_INVALID);
  g_clear_error (&error);
  /* Empty input has no first bytes at all: every source's probe is given NULL. */
  g_assert_cmpstr (recto_registry_probe_source (registry, "empty.pdf", NULL, 0, &error)->name, ==,
                   "pdf-source");
  g_assert_no_error (error);
  g_assert_cmpstr (recto_registry_probe_source (registry, "empty.txt", NULL, 0, &error)->name, ==,
                   "text-source");
}

/* Probing an input loads only the modules named as sources: a module beside them that is no
 * stage (its constructor leaves a marker file) never runs. */
static void
test_probe_loads_sources_only (void)
{
  g_autoptr (RectoRegistry) registry = recto_registry_new ();
  g_autofree char *dir = g_dir_make_tmp ("recto-test-XXXXXX", NULL);
  g_autofree char *marker = g_build_filename (dir, "marker", NULL);
  const char pdf[] = "%PDF-1.7\n";

  g_setenv ("RECTO_TEST_MARKER", marker, TRUE);
  recto_registry_scan_dir (registry, env ("RECTO_TEST_STRAY_DIR"));
  recto_registry_scan_dir (registry, env ("RECTO_TEST_PLUGIN_DIR"));
  g_assert_true (recto_registry_has_source (registry, NULL));
  g_assert_nonnull (
      recto_registry_probe_source (registry, "x.pdf", (const guint8 *) pdf, sizeof pdf - 1, NULL));
  g_assert_nonnull (recto_registry_lookup (registry, "tei-sink", NULL));
  g_assert_false (g_file_test (marker, G_FILE_TEST_EXISTS));
  /* The test can see a load: listing every stage loads the stray module. */
  recto_registry_get_n_stages (registry);
  g_assert_true (g_file_test (marker, G_FILE_TEST_EXISTS));
  g_unsetenv ("RECTO_TEST_MARKER");
  g_unlink (marker);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/registry/build-tree", test_build_tree);
  g_test_add_func ("/registry/broken-modules", test_broken_modules);
  g_test_add_func ("/registry/probe", test_probe);
  g_test_add_func ("/registry/probe-loads-sources-only", test_probe_loads_sources_only);
  return g_test_run ();
}
