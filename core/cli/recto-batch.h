/* recto-batch.h: converts many files, each in a worker process of its own, so that a crash, a
 * hang or running out of memory costs one file, never the batch. The batch writes each output
 * atomically, can skip files already converted, keeps a JSON Lines report and shows its
 * progress. */
#pragma once

#include "recto-convert.h"

/* Exit codes of a batch beyond those of RectoErrorCode (README.md, "Exit codes"). */
#define RECTO_EXIT_TIMEOUT 10 /* a file took longer than --timeout */
#define RECTO_EXIT_CRASHED 11 /* a file's worker died (a crash, or killed for memory) */
#define RECTO_EXIT_INTERRUPTED 130 /* Ctrl-C or SIGTERM stopped the batch */

typedef struct
{
  RectoRegistry *registry; /* loaded once; every worker inherits it */
  const char *pipeline; /* as for recto_convert_file() */
  const RectoDumpRequest *dump;
  guint jobs; /* workers at a time, at least 1 */
  guint threads; /* recto_parallel_for() threads in each worker */
  guint timeout_seconds; /* per file; 0: no limit */
  gboolean skip_existing; /* skip a file whose output records the same source checksum */
  const char *report_path; /* JSON Lines report, or NULL */
  gboolean progress_lines; /* --progress: report progress even when stderr is no terminal */
  gboolean quiet; /* no warnings, no progress */
} RectoBatchOptions;

/* Converts @inputs (RectoInput*, from recto_inputs_expand()). Returns the exit code: 0 when
 * every file was converted or skipped; when some failed, the failing file's code if it was the
 * only input, else RECTO_EXIT_PARTIAL; RECTO_EXIT_INTERRUPTED when stopped by a signal. A
 * report that cannot be opened is an error before anything runs (@error, exit 8).
 *
 * Call it before anything starts a thread: workers are forked from this process, which must
 * then have one thread only. */
int recto_batch_run (GPtrArray *inputs, const RectoBatchOptions *options, GError **error);
