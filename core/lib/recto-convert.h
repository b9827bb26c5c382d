/* recto-convert.h: converts one input file, start to finish. */
#pragma once

#include "recto-registry.h"

/* How many repairs one stage of the pipeline marked. */
typedef struct
{
  char *stage;
  guint count;
} RectoStageRepairs;

typedef struct
{
  guint pages; /* pages in the document */
  guint64 characters; /* characters of the source's text layer (glyphs, or a text's characters) */
  GArray *repairs; /* RectoStageRepairs, one per stage of the pipeline, in its order */
  GPtrArray *warnings; /* char*, "stage: message" */
} RectoConvertResult;

/* Empties @result and gives it empty lists of repairs and warnings. */
void recto_convert_result_init (RectoConvertResult *result);
void recto_convert_result_clear (RectoConvertResult *result);

/* What to dump while converting: the document after each stage named in @after, as JSON in
 * @dir (see recto_pipeline_set_dump()). */
typedef struct
{
  const char *const *after;
  const char *dir;
} RectoDumpRequest;

/* Converts @input_path into @output_path ("-" for standard output) with @pipeline, or, when
 * @pipeline is NULL, with the source stage that recognises the input followed by the default
 * repairs and the TEI sink; @dump (may be NULL) asks for JSON dumps on the way. The output
 * appears only when everything succeeded. On failure returns FALSE with a RECTO_ERROR whose
 * message starts with @input_path. @result (may be NULL) is filled either way; clear it with
 * recto_convert_result_clear(). */
gboolean recto_convert_file (RectoRegistry *registry, const char *pipeline,
                             const RectoDumpRequest *dump, const char *input_path,
                             const char *output_path, RectoConvertResult *result, GError **error);

/* The bytes of the regular file @path, mapped. Anything else (a FIFO, a device, a directory)
 * is refused at once with a RECTO_ERROR_INPUT_UNREADABLE error, without waiting for a writer;
 * an empty file is RECTO_ERROR_INPUT_INVALID. */
GBytes *recto_convert_read_input (const char *path, GError **error);

/* The default output path for @input_path: its name with the extension replaced by
 * ".tei.xml", in @output_dir when not NULL, else beside the input. */
char *recto_convert_default_output (const char *input_path, const char *output_dir);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RectoConvertResult, recto_convert_result_clear)
