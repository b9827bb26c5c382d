/* recto-pipeline.c: parses a pipeline description, checks its shape, and runs its stages on a
 * document, recording each stage and its options in the document's provenance. */
#include "recto-pipeline.h"

#include "recto-dump.h"
#include "recto-document-private.h"
#include "recto-options.h"
#include "recto-stage-context.h"

typedef struct
{
  const RectoStageInfo *info;
  gpointer config;
} PipelineStage;

struct _RectoPipeline
{
  GArray *stages; /* PipelineStage */
  GStrv dump_after; /* names of the stages after which the document is dumped, or NULL */
  char *dump_prefix; /* dumps go to PREFIX.NN-STAGE.json */
};

static void
pipeline_stage_clear (PipelineStage *stage)
{
  recto_options_free (stage->info, stage->config);
}

void
recto_pipeline_free (RectoPipeline *pipeline)
{
  if (pipeline == NULL)
    return;
  g_array_unref (pipeline->stages);
  g_strfreev (pipeline->dump_after);
  g_free (pipeline->dump_prefix);
  g_free (pipeline);
}

/* Splits the shell words of a description into groups at "!" words. Outside a setting, "!"
 * also separates inside a word ("a!b" reads as "a ! b"); a setting keeps its "!" (a password
 * may hold one). */
static GPtrArray *
split_groups (char **words)
{
  GPtrArray *groups = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *current = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (groups, current);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_auto (GStrv) parts = NULL;

      if (strchr (words[i], '=') != NULL)
        {
          g_ptr_array_add (current, g_strdup (words[i]));
          continue;
        }
      parts = g_strsplit (words[i], "!", -1);
      for (guint j = 0; parts[j] != NULL; j++)
        {
          if (j > 0)
            {
              current = g_ptr_array_new_with_free_func (g_free);
              g_ptr_array_add (groups, current);
            }
          if (*parts[j] != '\0')
            g_ptr_array_add (current, g_strdup (parts[j]));
        }
    }
  return groups;
}

static gboolean
check_shape (RectoPipeline *pipeline, GError **error)
{
  guint n = pipeline->stages->len;

  for (guint i = 0; i < n; i++)
    {
      const RectoStageInfo *info = recto_pipeline_get_stage (pipeline, i);
      RectoStageKind wanted = i == 0       ? RECTO_STAGE_SOURCE
                              : i == n - 1 ? RECTO_STAGE_SINK
                                           : RECTO_STAGE_REPAIR;
      if (info->kind != wanted)
        {
          g_set_error (error, RECTO_ERROR, RECTO_ERROR_USAGE,
                       "pipeline: stage %u '%s' is a %s stage, but a %s stage belongs there "
                       "(a pipeline is one source ! repairs… ! one sink)",
                       i + 1, info->name, recto_stage_kind_name (info->kind),
                       recto_stage_kind_name (wanted));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

static const char needs_source_and_sink[] =
    "pipeline: needs at least a source and a sink, as in 'pdf-source ! tei-sink'";

/* The position of @info in the pipeline so far, or -1. */
static int
find_stage (const RectoPipeline *pipeline, const RectoStageInfo *info)
{
  for (guint i = 0; i < pipeline->stages->len; i++)
    if (g_array_index (pipeline->stages, PipelineStage, i).info == info)
      return (int) i;
  return -1;
}

/* Parses the stages of @description and their settings into @pipeline, in order. */
static gboolean
parse_stages (RectoPipeline *pipeline, RectoRegistry *registry, const char *description,
              GError **error)
{
  g_auto (GStrv) words = NULL;
  g_autoptr (GPtrArray) groups = NULL;
  g_autoptr (GError) shell_error = NULL;

  if (is_blank (description))
    return TRUE;
  if (!g_shell_parse_argv (description, NULL, &words, &shell_error))
    {
      g_set_error (error, RECTO_ERROR, RECTO_ERROR_USAGE, "pipeline: %s", shell_error->message);
      return FALSE;
    }
  groups = split_groups (words);
  for (guint i = 0; i < groups->len; i++)
    {
      GPtrArray *group = g_ptr_array_index (groups, i);
      PipelineStage stage = { 0 };

      if (group->len == 0)
        {
          g_set_error (error, RECTO_ERROR, RECTO_ERROR_USAGE,
                       "pipeline: stage %u is empty (two '!' in a row, or one at an end)", i + 1);
          return FALSE;
        }
      stage.info = recto_registry_lookup (registry, g_ptr_array_index (group, 0), error);
      if (stage.info == NULL)
        return FALSE;
      /* Provenance and repairs name a stage by its name, so each may run once. */
      if (find_stage (pipeline, stage.info) >= 0)
        {
          g_set_error (error, RECTO_ERROR, RECTO_ERROR_USAGE,
                       "pipeline: stage '%s' appears twice; each stage runs once",
                       stage.info->name);
          return FALSE;
        }
      g_ptr_array_add (group, NULL);
      stage.config =
          recto_options_parse (stage.info, (const char *const *) group->pdata + 1, error);
      if (stage.config == NULL)
        return FALSE;
      g_array_append_val (pipeline->stages, stage);
    }
  return TRUE;
}

static RectoPipeline *
pipeline_new_empty (void)
{
  RectoPipeline *pipeline = g_new0 (RectoPipeline, 1);

  pipeline->stages = g_array_new (FALSE, TRUE, sizeof (PipelineStage));
  g_array_set_clear_func (pipeline->stages, (GDestroyNotify) pipeline_stage_clear);
  return pipeline;
}

RectoPipeline *
recto_pipeline_new (RectoRegistry *registry, const char *description, GError **error)
{
  g_autoptr (RectoPipeline) pipeline = pipeline_new_empty ();

  if (!parse_stages (pipeline, registry, description, error))
    return NULL;
  if (pipeline->stages->len < 2)
    {
      g_set_error (error, RECTO_ERROR, RECTO_ERROR_USAGE, "%s", needs_source_and_sink);
      return NULL;
    }
  if (!check_shape (pipeline, error))
    return NULL;
  return g_steal_pointer (&pipeline);
}

RectoPipeline *
recto_pipeline_new_repairs (RectoRegistry *registry, const char *description, GError **error)
{
  g_autoptr (RectoPipeline) pipeline = pipeline_new_empty ();

  if (!parse_stages (pipeline, registry, description, error))
    return NULL;
  if (pipeline->stages->len == 0)
    {
      g_set_error (error, RECTO_ERROR, RECTO_ERROR_USAGE, "pipeline: names no stage");
      return NULL;
    }
  for (guint i = 0; i < pipeline->stages->len; i++)
    {
      const RectoStageInfo *info = recto_pipeline_get_stage (pipeline, i);
      if (info->kind != RECTO_STAGE_REPAIR)
        {
          g_set_error (error, RECTO_ERROR, RECTO_ERROR_USAGE,
                       "pipeline: '%s' is a %s stage; only repair stages run on a document "
                       "fixture", info->name, recto_stage_kind_name (info->kind));
          return NULL;
        }
    }
  return g_steal_pointer (&pipeline);
}

gboolean
recto_pipeline_set_dump (RectoPipeline *pipeline, const char *const *stages, const char *prefix,
                         GError **error)
{
  for (guint i = 0; stages != NULL && stages[i] != NULL; i++)
    {
      gboolean found = FALSE;
      for (guint j = 0; j < pipeline->stages->len && !found; j++)
        found =
            g_str_equal (g_array_index (pipeline->stages, PipelineStage, j).info->name, stages[i]);
      if (!found)
        {
          g_set_error (error, RECTO_ERROR, RECTO_ERROR_USAGE,
                       "--dump-after: the pipeline has no stage '%s'", stages[i]);
          return FALSE;
        }
    }
  g_strfreev (pipeline->dump_after);
  g_free (pipeline->dump_prefix);
  pipeline->dump_after = g_strdupv ((char **) stages);
  pipeline->dump_prefix = g_strdup (prefix);
  return TRUE;
}

guint
recto_pipeline_get_n_stages (const RectoPipeline *pipeline)
{
  return pipeline->stages->len;
}

const RectoStageInfo *
recto_pipeline_get_stage (const RectoPipeline *pipeline, guint i)
{
  g_return_val_if_fail (i < pipeline->stages->len, NULL);
  return g_array_index (pipeline->stages, PipelineStage, i).info;
}

/* Puts the stage's name in front of its error and keeps RECTO_ERROR codes as they are, so that
 * "wrong password" from the source still maps to its exit code. */
static void
name_stage_in_error (const RectoStageInfo *info, GError **error)
{
  GError *e = *error;

  if (e->domain != RECTO_ERROR)
    {
      GError *wrapped = g_error_new (RECTO_ERROR, RECTO_ERROR_STAGE_FAILED, "%s", e->message);
      g_error_free (e);
      *error = e = wrapped;
    }
  g_prefix_error (error, "%s: ", info->name);
}

gboolean
recto_pipeline_run (RectoPipeline *pipeline, RectoDocument *doc, GBytes *input_owned,
                    const char *input_name, GOutputStream *output, GPtrArray *warnings,
                    GError **error)
{
  g_autoptr (GBytes) input = input_owned;

  /* Provenance first: the sink, which runs last, writes every stage into the header. */
  for (guint i = 0; i < pipeline->stages->len; i++)
    {
      PipelineStage *stage = &g_array_index (pipeline->stages, PipelineStage, i);
      recto_document_add_stage (doc, stage->info,
                                recto_options_describe (stage->info, stage->config));
    }

  for (guint i = 0; i < pipeline->stages->len; i++)
    {
      PipelineStage *stage = &g_array_index (pipeline->stages, PipelineStage, i);
      RectoStageContext ctx = {
        .info = stage->info,
        .input = input,
        .input_name = input_name,
        .output = output,
        .warnings = warnings,
      };
      GError *stage_error = NULL;
      gboolean ok;

      recto_document_set_running_stage (doc, stage->info);
      ok = stage->info->process (&ctx, doc, stage->config, &stage_error);
      recto_document_set_running_stage (doc, NULL);
      /* Only the source reads the input: a large file's pages leave memory before the repairs
       * build theirs. */
      if (stage->info->kind == RECTO_STAGE_SOURCE)
        g_clear_pointer (&input, g_bytes_unref);
      if (ok && pipeline->dump_after != NULL
          && g_strv_contains ((const char *const *) pipeline->dump_after, stage->info->name))
        {
          g_autofree char *path =
              g_strdup_printf ("%s.%02u-%s.json", pipeline->dump_prefix, i + 1, stage->info->name);
          if (!recto_dump_write (doc, stage->info->name, path, error))
            return FALSE;
        }
      if (!ok)
        {
          if (stage_error == NULL)
            stage_error =
                g_error_new (RECTO_ERROR, RECTO_ERROR_STAGE_FAILED, "failed without saying why");
          name_stage_in_error (stage->info, &stage_error);
          g_propagate_error (error, stage_error);
          return FALSE;
        }
      g_clear_error (&stage_error);
    }
  return TRUE;
}
