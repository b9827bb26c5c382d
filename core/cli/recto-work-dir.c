/* recto-work-dir.c: see recto-work-dir.h. A work folder is removed only when three things hold:
 * its name is recto's, no process holds its lock (the batch that made it is gone, here or on
 * another machine), and nothing in it changed for an hour (for file systems whose locks other
 * machines do not see). Only regular files are removed from it, never a folder inside. */
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "recto-work-dir.h"

static int
try_lock (const char *dir, int flags)
{
  g_autofree char *path = g_build_filename (dir, "lock", NULL);
  int fd = open (path, flags | O_CLOEXEC | O_NOFOLLOW, 0600);
  struct flock lock = { .l_type = F_WRLCK, .l_whence = SEEK_SET };

  if (fd < 0)
    return -1;
  if (fcntl (fd, F_SETLK, &lock) != 0)
    {
      close (fd);
      return -2;
    }
  return fd;
}

int
recto_work_dir_lock (const char *dir)
{
  int fd = try_lock (dir, O_RDWR | O_CREAT);
  return fd >= 0 ? fd : -1;
}

/* The newest change to @dir or a file in it; 0 when something in it is not a regular file. */
static time_t
last_change (const char *dir)
{
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;
  struct stat st;
  time_t newest;

  if (handle == NULL || lstat (dir, &st) != 0)
    return 0;
  newest = st.st_mtime;
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      if (lstat (path, &st) != 0 || !S_ISREG (st.st_mode))
        return 0;
      newest = MAX (newest, st.st_mtime);
    }
  return newest;
}

static gboolean
remove_if_stale (const char *dir)
{
  time_t changed = last_change (dir);
  g_autoptr (GDir) handle = NULL;
  const char *name;
  int lock;

  if (changed == 0 || time (NULL) - changed < RECTO_WORK_DIR_STALE_SECONDS)
    return FALSE;
  /* Held by a live batch: -2. No lock file (a batch killed before it made one): -1. */
  lock = try_lock (dir, O_RDWR);
  if (lock == -2)
    return FALSE;
  handle = g_dir_open (dir, 0, NULL);
  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  if (lock >= 0)
    close (lock);
  return g_rmdir (dir) == 0;
}

static gboolean
is_work_dir_name (const char *name)
{
  return g_str_has_prefix (name, RECTO_WORK_DIR_PREFIX)
         && strlen (name) == strlen (RECTO_WORK_DIR_PREFIX) + 6;
}

guint
recto_work_dirs_remove_stale (const char *const *outputs, guint n_outputs)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint removed = 0;

  for (guint i = 0; i < n_outputs; i++)
    {
      char *folder = g_path_get_dirname (outputs[i]);
      g_autoptr (GDir) handle = NULL;
      const char *name;

      if (!g_hash_table_add (seen, folder))
        continue;
      handle = g_dir_open (folder, 0, NULL);
      while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
        {
          g_autofree char *path = g_build_filename (folder, name, NULL);
          if (is_work_dir_name (name) && g_file_test (path, G_FILE_TEST_IS_DIR)
              && !g_file_test (path, G_FILE_TEST_IS_SYMLINK) && remove_if_stale (path))
            removed++;
        }
    }
  return removed;
}
