/* recto-output.c: writes to a temporary file in the destination's directory and renames it into
 * place on commit, so that a failed or interrupted conversion never leaves a partial file.
 * Standard output is held in memory until commit, for the same reason, and so is a destination
 * that is not a regular file (a device, a FIFO): it is written through, never renamed over. A
 * symbolic link to a regular file keeps the link: its target is replaced, beside the target. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <gio/gunixoutputstream.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <recto/recto-error.h>

#include "recto-output.h"

struct _RectoOutput
{
  char *path; /* final path; NULL for standard output */
  char *temp_path; /* NULL when held in memory, and once renamed */
  gboolean through; /* @path is not a regular file: written through on commit */
  int fd;
  GOutputStream *stream;
};

/* The temporary files open now, for recto_output_remove_temps() to remove from a signal
 * handler: fixed slots, claimed and released atomically, read without locks or allocation. */
#define N_TEMP_SLOTS 16
static struct
{
  gint used;
  char path[PATH_MAX];
} temp_slots[N_TEMP_SLOTS];

static void
track_temp (const char *path)
{
  if (strlen (path) >= PATH_MAX)
    return;
  for (guint i = 0; i < N_TEMP_SLOTS; i++)
    if (g_atomic_int_get (&temp_slots[i].used) == 0)
      {
        /* 2: being written, not yet for a handler to read. */
        if (!g_atomic_int_compare_and_exchange (&temp_slots[i].used, 0, 2))
          continue;
        strcpy (temp_slots[i].path, path);
        g_atomic_int_set (&temp_slots[i].used, 1);
        return;
      }
}

static void
untrack_temp (const char *path)
{
  for (guint i = 0; i < N_TEMP_SLOTS; i++)
    if (g_atomic_int_get (&temp_slots[i].used) == 1 && strcmp (temp_slots[i].path, path) == 0)
      {
        g_atomic_int_set (&temp_slots[i].used, 0);
        return;
      }
}

void
recto_output_remove_temps (void)
{
  for (guint i = 0; i < N_TEMP_SLOTS; i++)
    if (g_atomic_int_get (&temp_slots[i].used) == 1)
      unlink (temp_slots[i].path);
}

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

/* Where the bytes for @path go: a regular file (or none yet) is replaced atomically, through
 * its symbolic link if it is one (*@atomic_path is the link's target then); anything else that
 * is not a directory is written through (*@through). */
static gboolean
resolve_destination (const char *path, char **atomic_path, gboolean *through, GError **error)
{
  struct stat st;

  *through = FALSE;
  if (stat (path, &st) != 0)
    {
      int saved = errno;
      if (saved == ENOENT && lstat (path, &st) != 0)
        {
          *atomic_path = g_strdup (path); /* a new file */
          return TRUE;
        }
      if (saved == ENOENT)
        g_set_error (error, RECTO_ERROR, RECTO_ERROR_OUTPUT,
                     "%s: cannot write: a symbolic link to a missing file", path);
      else
        g_set_error (error, RECTO_ERROR, RECTO_ERROR_OUTPUT, "%s: cannot write: %s", path,
                     g_strerror (saved));
      return FALSE;
    }
  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, RECTO_ERROR, RECTO_ERROR_OUTPUT, "%s: cannot write: is a directory",
                   path);
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      *through = TRUE;
      return TRUE;
    }
  *atomic_path = realpath (path, NULL);
  if (*atomic_path == NULL)
    {
      g_set_error (error, RECTO_ERROR, RECTO_ERROR_OUTPUT, "%s: cannot write: %s", path,
                   g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

RectoOutput *
recto_output_open (const char *path, GError **error)
{
  g_autoptr (RectoOutput) output = g_new0 (RectoOutput, 1);
  g_autofree char *atomic_path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;

  output->fd = -1;
  if (g_str_equal (path, "-"))
    {
      output->stream = g_memory_output_stream_new_resizable ();
      return g_steal_pointer (&output);
    }
  output->path = g_strdup (path);
  if (!resolve_destination (path, &atomic_path, &output->through, error))
    return NULL;
  if (output->through)
    {
      output->stream = g_memory_output_stream_new_resizable ();
      return g_steal_pointer (&output);
    }

  dir = g_path_get_dirname (atomic_path);
  base = g_path_get_basename (atomic_path);
  g_free (output->path);
  output->path = g_steal_pointer (&atomic_path);
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
  track_temp (output->temp_path);
  output->stream = g_unix_output_stream_new (output->fd, FALSE);
  return g_steal_pointer (&output);
}

gboolean
recto_output_is_file (const char *path, const char *other)
{
  struct stat a, b;

  return stat (path, &a) == 0 && stat (other, &b) == 0 && a.st_dev == b.st_dev
         && a.st_ino == b.st_ino;
}

GOutputStream *
recto_output_get_stream (RectoOutput *output)
{
  return output->stream;
}

/* Writes what was held in memory to standard output (@path NULL) or through to @path. */
static gboolean
write_held (GMemoryOutputStream *memory, const char *path, GError **error)
{
  int fd = path != NULL ? open (path, O_WRONLY | O_CLOEXEC | O_NOCTTY) : STDOUT_FILENO;
  g_autoptr (GOutputStream) out = NULL;
  g_autoptr (GBytes) bytes = g_memory_output_stream_steal_as_bytes (memory);
  g_autoptr (GError) io_error = NULL;

  if (fd < 0)
    {
      g_set_error (error, RECTO_ERROR, RECTO_ERROR_OUTPUT, "%s: cannot write: %s", path,
                   g_strerror (errno));
      return FALSE;
    }
  out = g_unix_output_stream_new (fd, path != NULL);
  if (!g_output_stream_write_all (out, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL, NULL, &io_error)
      || !g_output_stream_close (out, NULL, &io_error))
    {
      g_set_error (error, RECTO_ERROR, RECTO_ERROR_OUTPUT, "%s: %s",
                   path != NULL ? path : "standard output", io_error->message);
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
  if (output->temp_path == NULL)
    return write_held (G_MEMORY_OUTPUT_STREAM (output->stream), output->path, error);
  if (fchmod (output->fd, file_mode ()) != 0 || fsync (output->fd) != 0
      || g_rename (output->temp_path, output->path) != 0)
    {
      int saved = errno;
      g_set_error (error, RECTO_ERROR, RECTO_ERROR_OUTPUT, "%s: cannot write: %s", output->path,
                   g_strerror (saved));
      return FALSE;
    }
  untrack_temp (output->temp_path);
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
    {
      g_unlink (output->temp_path);
      untrack_temp (output->temp_path);
    }
  g_free (output->temp_path);
  g_free (output->path);
  g_free (output);
}
