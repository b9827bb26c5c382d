/* recto-job.h: one file of a batch and its worker process: the work folder beside the output,
 * the forked worker that converts into it, and what the worker leaves there for the batch. */
#pragma once

#include <signal.h>
#include <sys/types.h>

#include "recto-batch.h"
#include "recto-inputs.h"
#include "recto-worker.h"

typedef struct
{
  const RectoInput *input;
  pid_t pid;
  char *work_dir; /* private folder beside the output, removed when the job ends */
  char *work_output;
  int lock_fd; /* the work folder's lock (recto-work-dir.h), or -1 */
  gint64 started; /* monotonic µs */
  gint64 deadline; /* monotonic µs; 0: none */
  gboolean timed_out;
} RectoJob;

void recto_job_free (RectoJob *job);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RectoJob, recto_job_free)

/* Makes the output's folder and the job's private work folder in it. */
gboolean recto_job_prepare_work_dir (RectoJob *job, GError **error);
/* Removes the job's work folder and whatever its worker left in it, and releases its lock. */
void recto_job_remove_work_dir (const RectoJob *job);

/* The forked child of the batch @batch (its process id), which owns @job: converts its file into
 * the work folder, leaves its summary there and exits with the file's exit code. Never
 * returns. */
G_NORETURN void recto_job_run_worker (const RectoBatchOptions *options, RectoJob *job,
                                      const sigset_t *signals, pid_t batch);

/* Reads the summary the worker left; FALSE when there is none (it died first). */
gboolean recto_job_read_summary (const RectoJob *job, RectoWorkerReport *report);
/* The last non-empty line of the worker's standard error, or NULL. */
char *recto_job_last_said (const RectoJob *job);
/* Renames the worker's output into place. */
gboolean recto_job_put_in_place (const RectoJob *job, GError **error);
