/* recto-pipeline.h: a chain of stages, parsed from a description like
 * "pdf-source password=x ! reading-order ! paragraphs ! tei-sink". */
#pragma once

#include "recto-registry.h"

typedef struct _RectoPipeline RectoPipeline;

/* The repair stages of the default pipeline, between the source the input calls for and the
 * TEI sink. */
#define RECTO_DEFAULT_REPAIRS                                                                      \
  "reading-order ! furniture ! tables ! footnotes ! paragraphs ! headings ! captions-lists ! fragments ! "  \
  "chapters"
#define RECTO_DEFAULT_SINK "tei-sink"
/* Runs first of the repairs when it is there: it is built only with Tesseract (OCR). On a volume
 * whose text layer is sound it only surveys the fonts. */
#define RECTO_DEFAULT_RECOVERY "recover-text"

/* Parses @description: stages separated by "!", each a name then option=value settings
 * (shell quoting allowed). Exactly one source first, one sink last, repairs between. Returns
 * NULL with a RECTO_ERROR_USAGE or RECTO_ERROR_PLUGIN error that names the stage at fault. */
RectoPipeline *recto_pipeline_new (RectoRegistry *registry, const char *description,
                                   GError **error);
/* Parses @description as a chain of repair stages only, to run on a document that exists
 * already (a fixture read with recto_dump_load()). */
RectoPipeline *recto_pipeline_new_repairs (RectoRegistry *registry, const char *description,
                                           GError **error);
void recto_pipeline_free (RectoPipeline *pipeline);

guint recto_pipeline_get_n_stages (const RectoPipeline *pipeline);
const RectoStageInfo *recto_pipeline_get_stage (const RectoPipeline *pipeline, guint i);

/* After each stage named in @stages, recto_pipeline_run() writes the document as JSON
 * (recto-dump/1, docs/dump-format.md) to PREFIX.NN-STAGE.json, NN the stage's position. A
 * name that is not in the pipeline is a RECTO_ERROR_USAGE error. */
gboolean recto_pipeline_set_dump (RectoPipeline *pipeline, const char *const *stages,
                                  const char *prefix, GError **error);

/* Runs every stage on @doc in order. Takes @input (may be NULL), which only the source stage
 * reads, and releases it once the source has run. Warnings are appended to @warnings (char*). On failure
 * returns FALSE with an error whose message starts with the failing stage's name. */
gboolean recto_pipeline_run (RectoPipeline *pipeline, RectoDocument *doc, GBytes *input,
                             const char *input_name, GOutputStream *output, GPtrArray *warnings,
                             GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RectoPipeline, recto_pipeline_free)
