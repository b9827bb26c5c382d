/* recto-work-dir.h: a batch's work folders (.recto-XXXXXX beside the outputs) and how a later
 * batch tells a stale one, left by a batch that was killed, from one that is in use. */
#pragma once

#include <glib.h>

#define RECTO_WORK_DIR_PREFIX ".recto-"
/* A work folder unlocked and untouched for this long is stale. */
#define RECTO_WORK_DIR_STALE_SECONDS (60 * 60)

/* Locks the work folder @dir for this process (a POSIX lock on its file "lock", released by
 * the kernel however the process ends, and seen by other machines on a network file system
 * that shares locks). Returns the lock's descriptor, to close when the folder is removed, or
 * -1 when the folder cannot be locked (it is then protected by its age only). */
int recto_work_dir_lock (const char *dir);

/* Removes, in each folder that holds one of @outputs (char*), the work folders no process has
 * locked and nothing has written into for RECTO_WORK_DIR_STALE_SECONDS, holding only files.
 * Returns how many it removed. */
guint recto_work_dirs_remove_stale (const char *const *outputs, guint n_outputs);
