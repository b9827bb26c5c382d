/* recto-progress.h: a batch's progress on standard error: a bar redrawn in place on a terminal
 * (files done, pages per second, time left), one line per file when asked for in a pipe, and
 * nothing otherwise. Messages printed through it do not tangle with the bar. */
#pragma once

#include <glib.h>

typedef enum
{
  RECTO_PROGRESS_NONE,
  RECTO_PROGRESS_BAR, /* a terminal */
  RECTO_PROGRESS_LINES, /* asked for with --progress in a pipe */
} RectoProgressStyle;

typedef struct _RectoProgress RectoProgress;

RectoProgress *recto_progress_new (RectoProgressStyle style, guint n_files);
void recto_progress_free (RectoProgress *progress);

/* One file is done: @pages converted, @status as in the report ("ok", "failed", …). */
void recto_progress_file_done (RectoProgress *progress, const char *file, const char *status,
                               guint pages);
/* Prints @line (an error or warning) on standard error above the bar. */
void recto_progress_message (RectoProgress *progress, const char *line);
/* Redraws the bar (the elapsed time and the rate move even while no file ends). */
void recto_progress_tick (RectoProgress *progress);
/* Leaves the bar's last state on its own line. */
void recto_progress_finish (RectoProgress *progress);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RectoProgress, recto_progress_free)
