/* recto-batch.c: see recto-batch.h.
 *
 * Each file is converted in a child forked from the batch, which has loaded the stages once:
 * a new worker costs a fork, not the 40 ms of loading Poppler and its libraries again. The
 * child writes into a private work folder next to the final output (recto-job.h). Only when
 * the worker succeeded does the batch rename the TEI into place; whatever happens to it (error,
 * crash, timeout, Ctrl-C), the work folder is removed, so no partial output is ever left where
 * a script would take it for a result.
 *
 * The batch itself stays single-threaded, so that forking it is safe: it waits for its
 * children and for signals with one poll() on a signalfd, not with a GLib main loop. */
#include <errno.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/wait.h>
#include <unistd.h>

#include <recto/recto.h>

#include "recto-batch.h"
#include "recto-guard.h"
#include "recto-inputs.h"
#include "recto-job.h"
#include "recto-json.h"
#include "recto-progress.h"
#include "recto-up-to-date.h"
#include "recto-work-dir.h"

typedef struct
{
  const RectoBatchOptions *options;
  GPtrArray *inputs; /* RectoInput* */
  guint next; /* the next input to start */
  GPtrArray *running; /* RectoJob*, the workers now at work */
  guint failed;
  int last_failure_code;
  gboolean interrupted;
  FILE *report; /* NULL without --report */
  RectoProgress *progress;
} Batch;

static void
write_report_line (Batch *batch, const RectoInput *input, const char *status,
                   const char *error, int exit_code, double seconds,
                   const RectoConvertResult *result)
{
  RectoJson *json;
  g_autofree char *line = NULL;

  if (batch->report == NULL)
    return;
  json = recto_json_new (FALSE);
  recto_json_begin_object (json);
  recto_json_member_string (json, "file", input->path);
  recto_json_member_string (json, "output", input->output);
  recto_json_member_string (json, "status", status);
  recto_json_member_string (json, "error", error);
  recto_json_member_int (json, "exit_code", exit_code);
  recto_json_member_float (json, "seconds", roundf ((float) seconds * 1000) / 1000);
  recto_convert_result_write_members (json, result);
  recto_json_end_object (json);
  line = recto_json_free_to_string (json);
  /* Line by line, so that a report is complete up to the last file even if the batch dies. */
  fputs (line, batch->report);
  fflush (batch->report);
}

static void print_line (Batch *batch, const char *format, ...) G_GNUC_PRINTF (2, 3);

static void
print_line (Batch *batch, const char *format, ...)
{
  va_list args;
  g_autofree char *message = NULL;
  g_autofree char *line = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_strdelimit (message, "\r\n", ' ');
  line = g_strconcat ("recto: ", message, NULL);
  recto_progress_message (batch->progress, line);
}

/* Records the end of one file: report, progress, the error line, the exit code. */
static void
finish_file (Batch *batch, const RectoInput *input, const char *status, const char *error,
             int exit_code, double seconds, const RectoConvertResult *result)
{
  write_report_line (batch, input, status, error, exit_code, seconds, result);
  if (error != NULL)
    {
      print_line (batch, "%s", error);
      batch->failed++;
      batch->last_failure_code = exit_code;
    }
  if (!batch->options->quiet && result != NULL)
    for (guint i = 0; i < result->warnings->len; i++)
      print_line (batch, "%s: warning: %s", input->path,
                  (const char *) g_ptr_array_index (result->warnings, i));
  recto_progress_file_done (batch->progress, input->path, status,
                            result != NULL ? result->pages : 0);
}

/* Why a worker that left no summary ended, for the report. */
static char *
describe_death (Batch *batch, const RectoJob *job, int wait_status, int *exit_code,
                const char **status)
{
  g_autofree char *said = recto_job_last_said (job);
  const char *path = job->input->path;

  if (job->timed_out)
    {
      *status = "timeout";
      *exit_code = RECTO_EXIT_TIMEOUT;
      return g_strdup_printf ("%s: stopped after the --timeout of %u s", path,
                              batch->options->timeout_seconds);
    }
  if (batch->interrupted)
    {
      *status = "interrupted";
      *exit_code = RECTO_EXIT_INTERRUPTED;
      return g_strdup_printf ("%s: interrupted", path);
    }
  if (WIFEXITED (wait_status) && WEXITSTATUS (wait_status) == RECTO_EXIT_MEMORY && said != NULL)
    {
      /* The worker's guard said so in one line (recto-guard.h). */
      *status = "failed";
      *exit_code = RECTO_EXIT_MEMORY;
      return g_strdup (g_str_has_prefix (said, "recto: ") ? said + strlen ("recto: ") : said);
    }
  *status = "crashed";
  *exit_code = RECTO_EXIT_CRASHED;
  if (WIFSIGNALED (wait_status))
    {
      int signal_number = WTERMSIG (wait_status);
      return g_strdup_printf ("%s: the worker died of signal %d (%s)%s%s%s", path, signal_number,
                              g_strsignal (signal_number),
                              signal_number == SIGKILL ? ", perhaps killed for memory" : "",
                              said != NULL ? ": " : "", said != NULL ? said : "");
    }
  return g_strdup_printf ("%s: the worker exited %d without a summary%s%s", path,
                          WEXITSTATUS (wait_status), said != NULL ? ": " : "",
                          said != NULL ? said : "");
}

/* A worker ended with @wait_status: record what became of its file. */
static void
finish_job (Batch *batch, RectoJob *job, int wait_status)
{
  g_auto (RectoWorkerReport) report = { 0 };
  g_autoptr (GError) output_error = NULL;
  g_autofree char *error = NULL;
  const char *status = "ok";
  int exit_code = 0;
  double seconds = (g_get_monotonic_time () - job->started) / (double) G_USEC_PER_SEC;
  gboolean have_report = !job->timed_out && recto_job_read_summary (job, &report);

  if (!have_report)
    error = describe_death (batch, job, wait_status, &exit_code, &status);
  else if (report.error != NULL)
    {
      status = "failed";
      exit_code = report.exit_code;
      error = g_strdup (report.error);
    }
  else if (!recto_job_put_in_place (job, &output_error))
    {
      status = "failed";
      exit_code = recto_error_exit_code (output_error);
      error = g_strdup (output_error->message);
    }
  recto_job_remove_work_dir (job);
  finish_file (batch, job->input, status, error, exit_code, seconds,
               have_report ? &report.result : NULL);
}

static void
start_job (Batch *batch, const RectoInput *input, const sigset_t *signals)
{
  g_autoptr (RectoJob) job = g_new0 (RectoJob, 1);
  g_autoptr (GError) error = NULL;
  pid_t self;

  job->input = input;
  job->lock_fd = -1;
  job->started = g_get_monotonic_time ();
  if (batch->options->timeout_seconds > 0)
    job->deadline = job->started + (gint64) batch->options->timeout_seconds * G_USEC_PER_SEC;
  if (!recto_job_prepare_work_dir (job, &error))
    {
      finish_file (batch, input, "failed", error->message, recto_error_exit_code (error), 0, NULL);
      return;
    }
  fflush (NULL);
  self = getpid ();
  job->pid = fork ();
  if (job->pid == 0)
    recto_job_run_worker (batch->options, g_steal_pointer (&job), signals, self);
  if (job->pid < 0)
    {
      g_autofree char *message =
          g_strdup_printf ("%s: cannot start a worker: %s", input->path, g_strerror (errno));
      recto_job_remove_work_dir (job);
      finish_file (batch, input, "failed", message, 1, 0, NULL);
      return;
    }
  g_ptr_array_add (batch->running, g_steal_pointer (&job));
}

static void
start_jobs (Batch *batch, const sigset_t *signals)
{
  while (!batch->interrupted && batch->running->len < batch->options->jobs
         && batch->next < batch->inputs->len)
    {
      const RectoInput *input = g_ptr_array_index (batch->inputs, batch->next++);
      if (input->error != NULL)
        {
          finish_file (batch, input, "failed", input->error, input->exit_code, 0, NULL);
          continue;
        }
      if (batch->options->skip_existing && recto_output_is_up_to_date (input))
        {
          g_auto (RectoConvertResult) none = { 0 };
          recto_convert_result_init (&none);
          finish_file (batch, input, "skipped", NULL, 0, 0, &none);
          continue;
        }
      start_job (batch, input, signals);
    }
}

/* Collects every worker that has ended. */
static void
reap (Batch *batch)
{
  for (guint i = 0; i < batch->running->len;)
    {
      RectoJob *job = g_ptr_array_index (batch->running, i);
      int wait_status;
      if (waitpid (job->pid, &wait_status, WNOHANG) != job->pid)
        {
          i++;
          continue;
        }
      finish_job (batch, job, wait_status);
      g_ptr_array_remove_index (batch->running, i);
    }
}

/* Kills the workers past their deadline; returns how long poll() may wait for the next one. */
static int
enforce_deadlines (Batch *batch)
{
  gint64 now = g_get_monotonic_time ();
  gint64 wait = G_USEC_PER_SEC; /* the progress bar's clock moves each second */

  for (guint i = 0; i < batch->running->len; i++)
    {
      RectoJob *job = g_ptr_array_index (batch->running, i);
      if (job->deadline == 0 || job->timed_out)
        continue;
      if (now >= job->deadline)
        {
          job->timed_out = TRUE;
          kill (job->pid, SIGKILL);
        }
      else
        wait = MIN (wait, job->deadline - now);
    }
  return (int) ((wait + 999) / 1000);
}

/* Ctrl-C or SIGTERM: no new file starts, and every worker is told to stop (from a terminal they
 * got Ctrl-C already); their work folders go as each one ends. */
static void
interrupt (Batch *batch)
{
  batch->interrupted = TRUE;
  for (guint i = 0; i < batch->running->len; i++)
    kill (((RectoJob *) g_ptr_array_index (batch->running, i))->pid, SIGTERM);
}

/* Runs the batch until every input is done or the batch is interrupted and its workers ended. */
static void
run_loop (Batch *batch, int signal_fd, const sigset_t *signals)
{
  start_jobs (batch, signals);
  while (batch->running->len > 0)
    {
      struct pollfd wait_for = { .fd = signal_fd, .events = POLLIN };
      struct signalfd_siginfo info;

      if (poll (&wait_for, 1, enforce_deadlines (batch)) > 0)
        while (read (signal_fd, &info, sizeof info) == sizeof info)
          if (info.ssi_signo == SIGINT || info.ssi_signo == SIGTERM)
            interrupt (batch);
      reap (batch);
      start_jobs (batch, signals);
      recto_progress_tick (batch->progress);
    }
}

static RectoProgressStyle
progress_style (const RectoBatchOptions *options)
{
  if (options->quiet)
    return RECTO_PROGRESS_NONE;
  if (isatty (STDERR_FILENO))
    return RECTO_PROGRESS_BAR;
  return options->progress_lines ? RECTO_PROGRESS_LINES : RECTO_PROGRESS_NONE;
}

/* Work folders left beside these outputs by a batch that was killed (SIGKILL, a reboot). */
static void
remove_stale_work_dirs (GPtrArray *inputs)
{
  g_autoptr (GPtrArray) outputs = g_ptr_array_new ();

  for (guint i = 0; i < inputs->len; i++)
    {
      const RectoInput *input = g_ptr_array_index (inputs, i);
      if (input->output != NULL)
        g_ptr_array_add (outputs, input->output);
    }
  recto_work_dirs_remove_stale ((const char *const *) outputs->pdata, outputs->len);
}

int
recto_batch_run (GPtrArray *inputs, const RectoBatchOptions *options, GError **error)
{
  Batch batch = { .options = options, .inputs = inputs };
  sigset_t signals, previous;
  int signal_fd;

  if (options->report_path != NULL)
    {
      batch.report = fopen (options->report_path, "w");
      if (batch.report == NULL)
        {
          g_set_error (error, RECTO_ERROR, RECTO_ERROR_OUTPUT, "--report %s: %s",
                       options->report_path, g_strerror (errno));
          return recto_error_exit_code (*error);
        }
    }
  remove_stale_work_dirs (inputs);
  /* Signals arrive through a file descriptor, read when the loop is ready for them. */
  sigemptyset (&signals);
  sigaddset (&signals, SIGINT);
  sigaddset (&signals, SIGTERM);
  sigaddset (&signals, SIGCHLD);
  sigprocmask (SIG_BLOCK, &signals, &previous);
  signal_fd = signalfd (-1, &signals, SFD_NONBLOCK | SFD_CLOEXEC);
  batch.progress = recto_progress_new (progress_style (options), inputs->len);
  batch.running = g_ptr_array_new_with_free_func ((GDestroyNotify) recto_job_free);

  run_loop (&batch, signal_fd, &signals);

  g_ptr_array_unref (batch.running);
  close (signal_fd);
  sigprocmask (SIG_SETMASK, &previous, NULL);
  recto_progress_finish (batch.progress);
  recto_progress_free (batch.progress);
  if (batch.report != NULL)
    fclose (batch.report);

  if (batch.interrupted)
    return RECTO_EXIT_INTERRUPTED;
  if (batch.failed == 0)
    return 0;
  return inputs->len == 1 ? batch.last_failure_code : RECTO_EXIT_PARTIAL;
}
