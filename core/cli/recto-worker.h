/* recto-worker.h: what a batch worker tells the batch about its one file: one JSON object,
 * left in its work folder (recto-batch.c). */
#pragma once

#include "recto-convert.h"
#include "recto-json.h"

typedef struct
{
  int exit_code; /* the worker's exit code for the file */
  char *error; /* the one-line error, NULL when the file was converted */
  RectoConvertResult result; /* pages, characters, repairs, warnings */
} RectoWorkerReport;

/* Writes @result (may be NULL: nothing converted) as the members "pages", "characters",
 * "repairs" (stage → count, in the pipeline's order) and "warnings" of the open object. */
void recto_convert_result_write_members (RectoJson *json, const RectoConvertResult *result);

/* The worker's side: @result, and @error when the conversion failed, as one line of JSON (its
 * error and warnings as base64 of their bytes). */
char *recto_worker_report_to_json (const RectoConvertResult *result, const GError *error);

/* The batch's side: reads the line back. Returns FALSE when @text is not such a line (the
 * worker died before it could write it). */
gboolean recto_worker_report_parse (const char *text, RectoWorkerReport *report);
void recto_worker_report_clear (RectoWorkerReport *report);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RectoWorkerReport, recto_worker_report_clear)
