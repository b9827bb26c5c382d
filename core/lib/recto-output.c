/* recto-output.c: writes to a temporary file in the destination's directory and renames it into
 * place on commit, so that a failed or interrupted conversion never leaves a partial file.
 * Standard output is held in memory until commit, for the same reason. */
#include <errno.h>
#include <fcntl.h>
#include <gio/gunixoutputstream.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <recto/recto-error.h>

#include "recto-output.h"

struct _RectoOutput
{
  char *path; /* final path; NULL for standard output */
  char *temp_path; /* NULL for standard output, and once renamed */
  int fd;
  GOutputStream *stream;
};

/* The mode a plain creat() would give, honouring the umask, read once for the process. */
static mode_t
file_mode (void)
{
  static gsize mode = 0;

  if (g_once_init_enter (&mode))
    {
      mode_t mask = umask (0);
      umask (mask);
      /* 0x10000 keeps the value non-zero, as g_once_init_leave() requires. */
      g_once_init_leave (&mode, (gsize) ((0666 & ~mask) | 0x10000));
    }
  return (mode_t) (mode & 0777);
}

RectoOutput *
recto_output_open (const char *path, GError **error)
{
  g_autoptr (RectoOutput) output = g_new0 (RectoOutput, 1);
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;

  output->fd = -1;
  if (g_str_equal (path, "-"))
    {
      output->stream = g_memory_output_stream_new_resizable ();
      return g_steal_pointer (&output);
    }

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  output->path = g_strdup (path);
  output->temp_path = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  output->fd = g_mkstemp_full (output->temp_path, O_WRONLY | O_CLOEXEC, 0600);
  if (output->fd < 0)
    {
      int saved = errno;
      g_clear_pointer (&output->temp_path, g_free);
      g_set_error (error, RECTO_ERROR, RECTO_ERROR_OUTPUT, "%s: cannot write: %s", path,
                   g_strerror (saved));
      return NULL;
    }
  output->stream = g_unix_output_stream_new (output->fd, FALSE);
  return g_steal_pointer (&output);
}

GOutputStream *
recto_output_get_stream (RectoOutput *output)
{
  return output->stream;
}

static gboolean
write_stdout (GMemoryOutputStream *memory, GError **error)
{
  g_autoptr (GOutputStream) out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);
  g_autoptr (GBytes) bytes = g_memory_output_stream_steal_as_bytes (memory);
  g_autoptr (GError) io_error = NULL;

  if (!g_output_stream_write_all (out, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL, NULL, &io_error))
    {
      g_set_error (error, RECTO_ERROR, RECTO_ERROR_OUTPUT, "standard output: %s",
                   io_error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
recto_output_commit (RectoOutput *output, GError **error)
{
  g_autoptr (GError) io_error = NULL;

  if (!g_output_stream_close (output->stream, NULL, &io_error))
    {
      g_set_error (error, RECTO_ERROR, RECTO_ERROR_OUTPUT, "%s: cannot write: %s",
                   output->path != NULL ? output->path : "standard output", io_error->message);
      return FALSE;
    }
  if (output->path == NULL)
    return write_stdout (G_MEMORY_OUTPUT_STREAM (output->stream), error);
  if (fchmod (output->fd, file_mode ()) != 0 || fsync (output->fd) != 0
      || g_rename (output->temp_path, output->path) != 0)
    {
      int saved = errno;
      g_set_error (error, RECTO_ERROR, RECTO_ERROR_OUTPUT, "%s: cannot write: %s", output->path,
                   g_strerror (saved));
      return FALSE;
    }
  g_clear_pointer (&output->temp_path, g_free);
  return TRUE;
}

void
recto_output_free (RectoOutput *output)
{
  if (output == NULL)
    return;
  g_clear_object (&output->stream);
  if (output->fd >= 0)
    close (output->fd);
  if (output->temp_path != NULL)
    g_unlink (output->temp_path);
  g_free (output->temp_path);
  g_free (output->path);
  g_free (output);
}
