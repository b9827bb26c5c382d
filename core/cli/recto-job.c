/* recto-job.c: see recto-job.h. The worker writes its TEI into a private work folder
 * (.recto-XXXXXX) next to the final output, with its summary (recto-worker.h) and its standard
 * error beside it; the batch renames the TEI into place only when the worker succeeded. */
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <recto/recto.h>

#include "recto-guard.h"
#include "recto-job.h"
#include "recto-output.h"
#include "recto-parallel-private.h"
#include "recto-work-dir.h"

void
recto_job_free (RectoJob *job)
{
  if (job == NULL)
    return;
  g_free (job->work_dir);
  g_free (job->work_output);
  g_free (job);
}

static char *
work_file (const RectoJob *job, const char *name)
{
  return g_build_filename (job->work_dir, name, NULL);
}

/* Removes a job's work folder and whatever its worker left in it. */
void
recto_job_remove_work_dir (const RectoJob *job)
{
  const char *dir = job->work_dir;
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
  if (job->lock_fd >= 0)
    close (job->lock_fd);
}

/* The last non-empty line of the worker's standard error: what a dying program said last. */
char *
recto_job_last_said (const RectoJob *job)
{
  g_autofree char *path = work_file (job, "stderr");
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return NULL;
  lines = g_strsplit (text, "\n", -1);
  for (int i = (int) g_strv_length (lines) - 1; i >= 0; i--)
    if (*g_strstrip (lines[i]) != '\0')
      return g_strdup (lines[i]);
  return NULL;
}

gboolean
recto_job_read_summary (const RectoJob *job, RectoWorkerReport *report)
{
  g_autofree char *path = work_file (job, "summary.json");
  g_autofree char *text = NULL;

  return g_file_get_contents (path, &text, NULL, NULL) && recto_worker_report_parse (text, report);
}

/* Copies the worker's output to a destination that is not a plain file (a symbolic link, a
 * device, a FIFO) through recto_output, which never replaces such a file. */
static gboolean
copy_into_place (const RectoJob *job, GError **error)
{
  g_autoptr (RectoOutput) output = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;

  if (!g_file_get_contents (job->work_output, &text, &length, error))
    return FALSE;
  output = recto_output_open (job->input->output, error);
  return output != NULL
         && g_output_stream_write_all (recto_output_get_stream (output), text, length, NULL,
                                       NULL, error)
         && recto_output_commit (output, error);
}

gboolean
recto_job_put_in_place (const RectoJob *job, GError **error)
{
  struct stat st;
  gboolean plain = lstat (job->input->output, &st) != 0 ? errno == ENOENT : S_ISREG (st.st_mode);

  if (!plain)
    {
      if (copy_into_place (job, error))
        return TRUE;
      g_prefix_error (error, "%s: ", job->input->path);
      return FALSE;
    }
  if (g_rename (job->work_output, job->input->output) == 0)
    return TRUE;
  g_set_error (error, RECTO_ERROR, RECTO_ERROR_OUTPUT, "%s: cannot write %s: %s",
               job->input->path, job->input->output, g_strerror (errno));
  return FALSE;
}

/* Makes the output's folder and a private work folder in it (in the temporary folder when
 * the output is a device or a FIFO, whose folder is no place for it). */
gboolean
recto_job_prepare_work_dir (RectoJob *job, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (job->input->output);
  g_autofree char *base = g_path_get_basename (job->input->output);
  struct stat st;
  gboolean special = stat (job->input->output, &st) == 0 && !S_ISREG (st.st_mode);

  job->work_dir = g_build_filename (special ? g_get_tmp_dir () : dir, RECTO_WORK_DIR_PREFIX "XXXXXX", NULL);
  if (g_mkdir_with_parents (dir, 0755) != 0 || g_mkdtemp (job->work_dir) == NULL)
    {
      g_set_error (error, RECTO_ERROR, RECTO_ERROR_OUTPUT, "%s: cannot write in %s: %s",
                   job->input->path, dir, g_strerror (errno));
      return FALSE;
    }
  job->work_output = g_build_filename (job->work_dir, base, NULL);
  job->lock_fd = recto_work_dir_lock (job->work_dir);
  return TRUE;
}

/* The worker's work: converts one file and leaves its summary in the work folder. Returns the
 * worker's exit code, having freed what it made (so that a leak checker sees a clean worker). */
static int
convert_in_worker (const RectoBatchOptions *options, const RectoJob *job)
{
  g_autofree char *summary_path = work_file (job, "summary.json");
  g_auto (RectoConvertResult) result = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *summary = NULL;

  recto_set_n_threads (options->threads);
  recto_convert_file (options->registry, options->pipeline, options->dump, job->input->path,
                      job->work_output, &result, &error);
  summary = recto_worker_report_to_json (&result, error);
  g_file_set_contents (summary_path, summary, -1, NULL);
  return recto_error_exit_code (error);
}

/* The forked child, which owns @job. Never returns. */
G_NORETURN void
recto_job_run_worker (const RectoBatchOptions *options, RectoJob *job, const sigset_t *signals,
                      pid_t batch)
{
  g_autofree char *stderr_path = work_file (job, "stderr");
  int err_fd = open (stderr_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  int code;

  /* A worker whose batch dies (even by SIGKILL) dies too, rather than go on writing into a
   * work folder nobody will clean; and it takes signals as any program does. */
  prctl (PR_SET_PDEATHSIG, SIGKILL);
  /* Killed between the fork and that call, the batch sent no signal: its worker was left
   * running on (a hanging stage then held the batch's output open for good). */
  if (getppid () != batch)
    _exit (1);
  signal (SIGINT, SIG_DFL);
  signal (SIGTERM, SIG_DFL);
  sigprocmask (SIG_UNBLOCK, signals, NULL);
  recto_guard_install (job->input->path);
  if (err_fd >= 0)
    {
      dup2 (err_fd, STDERR_FILENO);
      close (err_fd);
    }
  g_clear_pointer (&stderr_path, g_free);
  code = convert_in_worker (options, job);
  recto_job_free (job);
  /* _exit: the batch's buffers and exit handlers are the batch's, not the worker's. */
  _exit (code);
}
