/* recto-batch.c: see recto-batch.h.
 *
 * Each file runs in `recto convert --worker`, which writes its TEI into a private work folder
 * (.recto-XXXXXX) next to the final output and prints a JSON summary (recto-worker.h). Only
 * when the worker succeeded does the batch rename the TEI into place; whatever happens to the
 * worker (error, crash, timeout, Ctrl-C), the work folder is removed, so no partial output is
 * ever left where a script would take it for a result. */
#include <errno.h>
#include <math.h>
#include <glib-unix.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/prctl.h>
#include <string.h>

#include <recto/recto.h>

#include "recto-batch.h"
#include "recto-inputs.h"
#include "recto-json.h"
#include "recto-progress.h"
#include "recto-worker.h"

/* How much of an existing output is searched for the source checksum: the header is first. */
#define HEADER_BYTES 65536

typedef struct _Batch Batch;

typedef struct
{
  Batch *batch;
  const RectoInput *input;
  GSubprocess *process;
  char *work_dir; /* private folder beside the output, removed when the job ends */
  char *work_output;
  gint64 started; /* monotonic µs */
  guint timeout_source;
  gboolean timed_out;
} Job;

struct _Batch
{
  const RectoBatchOptions *options;
  GPtrArray *inputs; /* RectoInput* */
  char *self; /* the recto executable, run again as each worker */
  guint next; /* the next input to start */
  GPtrArray *running; /* Job*, the workers now at work */
  guint failed;
  int last_failure_code;
  gboolean interrupted;
  GSubprocessLauncher *launcher;
  GOutputStream *report; /* NULL without --report */
  RectoProgress *progress;
  GMainLoop *loop;
};

static void start_jobs (Batch *batch);

static void
job_free (Job *job)
{
  g_clear_object (&job->process);
  g_free (job->work_dir);
  g_free (job->work_output);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_free)

/* Removes a job's work folder and whatever a killed worker left in it. */
static void
remove_work_dir (const char *dir)
{
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

static char *
file_sha256 (const char *path)
{
  g_autoptr (GMappedFile) mapped = g_mapped_file_new (path, FALSE, NULL);
  g_autoptr (GBytes) bytes = NULL;

  if (mapped == NULL)
    return NULL;
  bytes = g_mapped_file_get_bytes (mapped);
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

/* Whether @input's output exists and records @input's checksum in its header: then it was made
 * from this very file and --skip-existing need not convert it again. */
static gboolean
is_up_to_date (const RectoInput *input)
{
  g_autoptr (GFile) file = g_file_new_for_path (input->output);
  g_autoptr (GFileInputStream) stream = g_file_read (file, NULL, NULL);
  g_autofree char *head = g_malloc0 (HEADER_BYTES + 1);
  g_autofree char *sha256 = NULL;
  g_autofree char *idno = NULL;
  gsize length = 0;

  if (stream == NULL
      || !g_input_stream_read_all (G_INPUT_STREAM (stream), head, HEADER_BYTES, &length, NULL,
                                   NULL))
    return FALSE;
  sha256 = file_sha256 (input->path);
  if (sha256 == NULL)
    return FALSE;
  idno = g_strdup_printf ("<idno type=\"SHA-256\">%s</idno>", sha256);
  return strstr (head, idno) != NULL;
}

static void
write_report_line (Batch *batch, const RectoInput *input, const char *status,
                   const char *error, int exit_code, double seconds,
                   const RectoConvertResult *result)
{
  RectoJson *json = recto_json_new (FALSE);
  g_autofree char *line = NULL;

  if (batch->report == NULL)
    {
      recto_json_free (json);
      return;
    }
  recto_json_begin_object (json);
  recto_json_member_string (json, "file", input->path);
  recto_json_member_string (json, "output", input->output);
  recto_json_member_string (json, "status", status);
  recto_json_member_string (json, "error", error);
  recto_json_member_int (json, "exit_code", exit_code);
  recto_json_member_int (json, "pages", result != NULL ? result->pages : 0);
  recto_json_member_float (json, "seconds", roundf ((float) seconds * 1000) / 1000);
  recto_json_member_int (json, "characters", result != NULL ? (gint64) result->characters : 0);
  recto_json_key (json, "repairs");
  recto_json_begin_object (json);
  for (guint i = 0; result != NULL && i < result->repairs->len; i++)
    {
      const RectoStageRepairs *repairs = &g_array_index (result->repairs, RectoStageRepairs, i);
      recto_json_member_int (json, repairs->stage, repairs->count);
    }
  recto_json_end_object (json);
  recto_json_key (json, "warnings");
  recto_json_begin_array (json);
  for (guint i = 0; result != NULL && i < result->warnings->len; i++)
    recto_json_string (json, g_ptr_array_index (result->warnings, i));
  recto_json_end_array (json);
  recto_json_end_object (json);
  line = recto_json_free_to_string (json);
  /* Line by line, so that a report is complete up to the last file even if the batch dies. */
  g_output_stream_write_all (batch->report, line, strlen (line), NULL, NULL, NULL);
  g_output_stream_flush (batch->report, NULL, NULL);
}

static void
print_line (Batch *batch, const char *format, ...) G_GNUC_PRINTF (2, 3);

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

/* The worker's last line on stderr: what a crashing program said last. */
static char *
last_line (const char *text)
{
  g_auto (GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);

  for (int i = (int) g_strv_length (lines) - 1; i >= 0; i--)
    if (*g_strstrip (lines[i]) != '\0')
      return g_strdup (lines[i]);
  return NULL;
}

/* Why a worker that wrote no summary ended, for the report. */
static char *
describe_death (Job *job, const char *err, int *exit_code, const char **status)
{
  g_autofree char *said = last_line (err);
  const char *path = job->input->path;

  if (job->timed_out)
    {
      *status = "timeout";
      *exit_code = RECTO_EXIT_TIMEOUT;
      return g_strdup_printf ("%s: stopped after the --timeout of %u s", path,
                              job->batch->options->timeout_seconds);
    }
  if (job->batch->interrupted)
    {
      *status = "interrupted";
      *exit_code = RECTO_EXIT_INTERRUPTED;
      return g_strdup_printf ("%s: interrupted", path);
    }
  *status = "crashed";
  *exit_code = RECTO_EXIT_CRASHED;
  if (g_subprocess_get_if_signaled (job->process))
    {
      int signal_number = g_subprocess_get_term_sig (job->process);
      return g_strdup_printf ("%s: the worker died of signal %d (%s)%s%s%s", path, signal_number,
                              g_strsignal (signal_number),
                              signal_number == SIGKILL ? ", perhaps killed for memory" : "",
                              said != NULL ? ": " : "", said != NULL ? said : "");
    }
  return g_strdup_printf ("%s: the worker exited %d without a summary%s%s", path,
                          g_subprocess_get_exit_status (job->process), said != NULL ? ": " : "",
                          said != NULL ? said : "");
}

static gboolean
put_in_place (Job *job, GError **error)
{
  if (g_rename (job->work_output, job->input->output) == 0)
    return TRUE;
  g_set_error (error, RECTO_ERROR, RECTO_ERROR_OUTPUT, "%s: cannot write %s: %s",
               job->input->path, job->input->output, g_strerror (errno));
  return FALSE;
}

static void
on_worker_done (GObject *source, GAsyncResult *async_result, gpointer data)
{
  g_autoptr (Job) job = data;
  Batch *batch = job->batch;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto (RectoWorkerReport) report = { 0 };
  g_autoptr (GError) output_error = NULL;
  g_autofree char *error = NULL;
  const char *status = "ok";
  int exit_code = 0;
  double seconds = (g_get_monotonic_time () - job->started) / (double) G_USEC_PER_SEC;
  gboolean have_report;

  g_subprocess_communicate_utf8_finish (job->process, async_result, &out, &err, NULL);
  g_clear_handle_id (&job->timeout_source, g_source_remove);
  have_report = !job->timed_out && recto_worker_report_parse (out, &report);
  if (!have_report)
    error = describe_death (job, err, &exit_code, &status);
  else if (report.error != NULL)
    {
      status = "failed";
      exit_code = report.exit_code;
      error = g_strdup (report.error);
    }
  else if (!put_in_place (job, &output_error))
    {
      status = "failed";
      exit_code = recto_error_exit_code (output_error);
      error = g_strdup (output_error->message);
    }
  remove_work_dir (job->work_dir);
  finish_file (batch, job->input, status, error, exit_code, seconds,
               have_report ? &report.result : NULL);
  g_ptr_array_remove (batch->running, job);
  start_jobs (batch);
}

static gboolean
on_timeout (gpointer data)
{
  Job *job = data;

  job->timed_out = TRUE;
  job->timeout_source = 0;
  g_subprocess_force_exit (job->process);
  return G_SOURCE_REMOVE;
}

static char **
worker_argv (Batch *batch, const Job *job)
{
  GPtrArray *argv = g_ptr_array_new ();
  const char *const *extra = batch->options->worker_args;

  g_ptr_array_add (argv, g_strdup (batch->self));
  g_ptr_array_add (argv, g_strdup ("convert"));
  g_ptr_array_add (argv, g_strdup ("--worker"));
  for (guint i = 0; extra != NULL && extra[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (extra[i]));
  g_ptr_array_add (argv, g_strdup ("-o"));
  g_ptr_array_add (argv, g_strdup (job->work_output));
  g_ptr_array_add (argv, g_strdup ("--"));
  g_ptr_array_add (argv, g_strdup (job->input->path));
  g_ptr_array_add (argv, NULL);
  return (char **) g_ptr_array_free (argv, FALSE);
}

/* Makes the output's folder and a private work folder in it. */
static gboolean
prepare_work_dir (Job *job, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (job->input->output);
  g_autofree char *base = g_path_get_basename (job->input->output);

  job->work_dir = g_build_filename (dir, ".recto-XXXXXX", NULL);
  if (g_mkdir_with_parents (dir, 0755) != 0 || g_mkdtemp (job->work_dir) == NULL)
    {
      g_set_error (error, RECTO_ERROR, RECTO_ERROR_OUTPUT, "%s: cannot write in %s: %s",
                   job->input->path, dir, g_strerror (errno));
      return FALSE;
    }
  job->work_output = g_build_filename (job->work_dir, base, NULL);
  return TRUE;
}

static void
start_job (Batch *batch, const RectoInput *input)
{
  g_autoptr (Job) job = g_new0 (Job, 1);
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) argv = NULL;

  job->batch = batch;
  job->input = input;
  job->started = g_get_monotonic_time ();
  if (!prepare_work_dir (job, &error))
    {
      finish_file (batch, input, "failed", error->message, recto_error_exit_code (error), 0, NULL);
      return;
    }
  argv = worker_argv (batch, job);
  job->process = g_subprocess_launcher_spawnv (batch->launcher, (const char *const *) argv, &error);
  if (job->process == NULL)
    {
      g_autofree char *message =
          g_strdup_printf ("%s: cannot start a worker: %s", input->path, error->message);
      remove_work_dir (job->work_dir);
      finish_file (batch, input, "failed", message, 1, 0, NULL);
      return;
    }
  if (batch->options->timeout_seconds > 0)
    job->timeout_source = g_timeout_add_seconds (batch->options->timeout_seconds, on_timeout, job);
  g_ptr_array_add (batch->running, job);
  /* The job belongs to on_worker_done() from here on. */
  Job *started = g_steal_pointer (&job);
  g_subprocess_communicate_utf8_async (started->process, NULL, NULL, on_worker_done, started);
}

static void
start_jobs (Batch *batch)
{
  while (!batch->interrupted && batch->running->len < batch->options->jobs
         && batch->next < batch->inputs->len)
    {
      const RectoInput *input = g_ptr_array_index (batch->inputs, batch->next++);
      if (batch->options->skip_existing && is_up_to_date (input))
        {
          RectoConvertResult none = { 0 };
          recto_convert_result_init (&none);
          finish_file (batch, input, "skipped", NULL, 0, 0, &none);
          recto_convert_result_clear (&none);
          continue;
        }
      start_job (batch, input);
    }
  if (batch->running->len == 0)
    g_main_loop_quit (batch->loop);
}

/* Ctrl-C or SIGTERM: no new file starts, and every worker is told to stop (from a terminal
 * they got Ctrl-C already); their work folders go as each one ends. */
static gboolean
on_interrupt (gpointer data)
{
  Batch *batch = data;

  batch->interrupted = TRUE;
  for (guint i = 0; i < batch->running->len; i++)
    g_subprocess_send_signal (((Job *) g_ptr_array_index (batch->running, i))->process, SIGTERM);
  return G_SOURCE_CONTINUE;
}

/* In the worker, before recto runs: a worker whose batch dies (even by SIGKILL) dies too,
 * rather than go on writing into a work folder nobody will clean. */
static void
die_with_parent (gpointer unused)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static gboolean
on_tick (gpointer data)
{
  recto_progress_tick (((Batch *) data)->progress);
  return G_SOURCE_CONTINUE;
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

static GOutputStream *
open_report (const char *path, GError **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) io_error = NULL;
  GFileOutputStream *stream =
      g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &io_error);

  if (stream == NULL)
    g_set_error (error, RECTO_ERROR, RECTO_ERROR_OUTPUT, "--report %s: %s", path,
                 io_error->message);
  return G_OUTPUT_STREAM (stream);
}

int
recto_batch_run (GPtrArray *inputs, const RectoBatchOptions *options, GError **error)
{
  Batch batch = { .options = options, .inputs = inputs };
  guint sigint_source, sigterm_source, tick_source;

  batch.self = g_file_read_link ("/proc/self/exe", error);
  if (batch.self == NULL)
    return 1;
  if (options->report_path != NULL)
    {
      batch.report = open_report (options->report_path, error);
      if (batch.report == NULL)
        {
          g_free (batch.self);
          return 8;
        }
    }
  batch.progress = recto_progress_new (progress_style (options), inputs->len);
  batch.loop = g_main_loop_new (NULL, FALSE);
  sigint_source = g_unix_signal_add (SIGINT, on_interrupt, &batch);
  sigterm_source = g_unix_signal_add (SIGTERM, on_interrupt, &batch);
  tick_source = g_timeout_add_seconds (1, on_tick, &batch);

  batch.launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                              | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_child_setup (batch.launcher, die_with_parent, NULL, NULL);
  batch.running = g_ptr_array_new ();
  start_jobs (&batch);
  if (batch.running->len > 0)
    g_main_loop_run (batch.loop);
  g_ptr_array_unref (batch.running);
  g_object_unref (batch.launcher);

  g_source_remove (tick_source);
  g_source_remove (sigint_source);
  g_source_remove (sigterm_source);
  recto_progress_finish (batch.progress);
  if (batch.report != NULL)
    g_output_stream_close (batch.report, NULL, NULL);
  g_clear_object (&batch.report);
  g_clear_pointer (&batch.progress, recto_progress_free);
  g_main_loop_unref (batch.loop);
  g_free (batch.self);

  if (batch.interrupted)
    return RECTO_EXIT_INTERRUPTED;
  if (batch.failed == 0)
    return 0;
  return inputs->len == 1 ? batch.last_failure_code : RECTO_EXIT_PARTIAL;
}
