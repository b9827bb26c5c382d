/* test-options.c: the option parser: defaults, settings of every type, and each kind of bad
 * input, whose message must name the stage and the option. */
#include "recto-options.h"

typedef struct
{
  gboolean flag;
  int count;
  double ratio;
  char *name;
  int mode;
  char *password;
} Config;

static const RectoOption options[] = {
  { .name = "flag",
    .type = RECTO_OPTION_BOOLEAN,
    .default_value = "true",
    .offset = G_STRUCT_OFFSET (Config, flag) },
  { .name = "count",
    .type = RECTO_OPTION_INT,
    .default_value = "3",
    .offset = G_STRUCT_OFFSET (Config, count),
    .minimum = 1,
    .maximum = 10 },
  { .name = "ratio",
    .type = RECTO_OPTION_DOUBLE,
    .default_value = "0.5",
    .offset = G_STRUCT_OFFSET (Config, ratio) },
  { .name = "name",
    .type = RECTO_OPTION_STRING,
    .default_value = "none",
    .offset = G_STRUCT_OFFSET (Config, name) },
  { .name = "mode",
    .type = RECTO_OPTION_CHOICE,
    .default_value = "fast",
    .choices = "fast|exact",
    .offset = G_STRUCT_OFFSET (Config, mode) },
  { .name = "password",
    .type = RECTO_OPTION_STRING,
    .flags = RECTO_OPTION_SECRET,
    .offset = G_STRUCT_OFFSET (Config, password) },
  { NULL },
};

static const RectoStageInfo stage = {
  .abi_version = RECTO_STAGE_ABI_VERSION,
  .name = "demo",
  .options = options,
  .config_size = sizeof (Config),
};

static void
test_defaults (void)
{
  g_autoptr (GError) error = NULL;
  Config *config = recto_options_parse (&stage, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (config->flag);
  g_assert_cmpint (config->count, ==, 3);
  g_assert_cmpfloat (config->ratio, ==, 0.5);
  g_assert_cmpstr (config->name, ==, "none");
  g_assert_cmpint (config->mode, ==, 0);
  g_assert_null (config->password);
  recto_options_free (&stage, config);
}

static void
test_settings (void)
{
  const char *settings[] = { "flag=no",    "count=10",         "ratio=1e-2", "name=a b=c",
                             "mode=exact", "password=s3cret!", NULL };
  g_autoptr (GError) error = NULL;
  Config *config = recto_options_parse (&stage, settings, &error);
  g_auto (GStrv) described = NULL;

  g_assert_no_error (error);
  g_assert_false (config->flag);
  g_assert_cmpint (config->count, ==, 10);
  g_assert_cmpfloat (config->ratio, ==, 0.01);
  g_assert_cmpstr (config->name, ==, "a b=c");
  g_assert_cmpint (config->mode, ==, 1);
  g_assert_cmpstr (config->password, ==, "s3cret!");

  /* Provenance shows every value but the secret one. */
  described = recto_options_describe (&stage, config);
  g_assert_cmpstr (described[0], ==, "false");
  g_assert_cmpstr (described[1], ==, "10");
  g_assert_cmpstr (described[2], ==, "0.01");
  g_assert_cmpstr (described[3], ==, "a b=c");
  g_assert_cmpstr (described[4], ==, "exact");
  g_assert_cmpstr (described[5], ==, "***");
  g_assert_null (described[6]);
  recto_options_free (&stage, config);
}

static void
assert_rejected (const char *setting, const char *message_part)
{
  const char *settings[] = { setting, NULL };
  g_autoptr (GError) error = NULL;

  g_assert_null (recto_options_parse (&stage, settings, &error));
  g_assert_error (error, RECTO_ERROR, RECTO_ERROR_USAGE);
  g_assert_nonnull (strstr (error->message, "stage 'demo'"));
  g_assert_nonnull (strstr (error->message, message_part));
}

static void
test_bad_settings (void)
{
  assert_rejected ("count=11", "option 'count': bad value '11' (expected int from 1 to 10)");
  assert_rejected ("count=0", "option 'count'");
  assert_rejected ("count=3x", "option 'count'");
  assert_rejected ("count=99999999999", "option 'count'");
  assert_rejected ("ratio=nan", "option 'ratio'");
  assert_rejected ("ratio=", "option 'ratio'");
  assert_rejected ("flag=maybe", "option 'flag': bad value 'maybe'");
  assert_rejected ("mode=slow", "expected one of fast|exact");
  assert_rejected ("colour=red", "unknown option 'colour'");
  assert_rejected ("count", "not of the form option=value");
}

static void
test_table_check (void)
{
  static const RectoOption outside[] = {
    { .name = "big", .type = RECTO_OPTION_DOUBLE, .offset = 8 },
    { NULL },
  };
  static const RectoOption bad_default[] = {
    { .name = "n", .type = RECTO_OPTION_INT, .default_value = "many", .offset = 0 },
    { NULL },
  };
  RectoStageInfo broken = stage;
  g_autoptr (GError) error = NULL;

  g_assert_true (recto_options_check_table (&stage, &error));
  g_assert_no_error (error);

  broken.options = outside;
  broken.config_size = 12;
  g_assert_false (recto_options_check_table (&broken, &error));
  g_assert_error (error, RECTO_ERROR, RECTO_ERROR_PLUGIN);
  g_assert_nonnull (strstr (error->message, "outside the config struct"));
  g_clear_error (&error);

  broken.options = bad_default;
  broken.config_size = sizeof (int);
  g_assert_false (recto_options_check_table (&broken, &error));
  g_assert_nonnull (strstr (error->message, "default: stage 'demo': option 'n'"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/options/defaults", test_defaults);
  g_test_add_func ("/options/settings", test_settings);
  g_test_add_func ("/options/bad-settings", test_bad_settings);
  g_test_add_func ("/options/table-check", test_table_check);
  return g_test_run ();
}
