/* recto-progress.c: see recto-progress.h. */
#include <stdio.h>

#include "recto-progress.h"

#define BAR_WIDTH 24

struct _RectoProgress
{
  RectoProgressStyle style;
  guint n_files;
  guint done;
  guint64 pages;
  gint64 started; /* monotonic µs */
  gboolean drawn; /* the bar is on the current line */
};

RectoProgress *
recto_progress_new (RectoProgressStyle style, guint n_files)
{
  RectoProgress *progress = g_new0 (RectoProgress, 1);

  progress->style = style;
  progress->n_files = n_files;
  progress->started = g_get_monotonic_time ();
  return progress;
}

void
recto_progress_free (RectoProgress *progress)
{
  g_free (progress);
}

static double
elapsed_seconds (const RectoProgress *progress)
{
  return (g_get_monotonic_time () - progress->started) / (double) G_USEC_PER_SEC;
}

static void
clear_bar (RectoProgress *progress)
{
  if (progress->drawn)
    fputs ("\r\033[K", stderr);
  progress->drawn = FALSE;
}

static void
draw_bar (RectoProgress *progress)
{
  double elapsed = elapsed_seconds (progress);
  guint filled = progress->n_files > 0 ? BAR_WIDTH * progress->done / progress->n_files : 0;
  char bar[BAR_WIDTH + 1];
  g_autofree char *eta = NULL;

  for (guint i = 0; i < BAR_WIDTH; i++)
    bar[i] = i < filled ? '#' : '-';
  bar[BAR_WIDTH] = '\0';
  if (progress->done > 0 && progress->done < progress->n_files)
    {
      guint left = (guint) (elapsed / progress->done * (progress->n_files - progress->done));
      eta = g_strdup_printf (", ETA %u:%02u", left / 60, left % 60);
    }
  fprintf (stderr, "\r\033[K[%s] %u/%u files, %" G_GUINT64_FORMAT " pages, %.1f pages/s%s", bar,
           progress->done, progress->n_files, progress->pages,
           elapsed > 0 ? progress->pages / elapsed : 0.0, eta != NULL ? eta : "");
  fflush (stderr);
  progress->drawn = TRUE;
}

void
recto_progress_file_done (RectoProgress *progress, const char *file, const char *status,
                          guint pages)
{
  progress->done++;
  progress->pages += pages;
  switch (progress->style)
    {
    case RECTO_PROGRESS_BAR:
      draw_bar (progress);
      break;
    case RECTO_PROGRESS_LINES:
      fprintf (stderr, "[%u/%u] %s: %s, %u pages, %.1f s elapsed\n", progress->done,
               progress->n_files, file, status, pages, elapsed_seconds (progress));
      break;
    case RECTO_PROGRESS_NONE:
      break;
    }
}

void
recto_progress_message (RectoProgress *progress, const char *line)
{
  clear_bar (progress);
  fprintf (stderr, "%s\n", line);
  if (progress->style == RECTO_PROGRESS_BAR)
    draw_bar (progress);
}

void
recto_progress_tick (RectoProgress *progress)
{
  if (progress->style == RECTO_PROGRESS_BAR)
    draw_bar (progress);
}

void
recto_progress_finish (RectoProgress *progress)
{
  if (progress->drawn)
    fputc ('\n', stderr);
  progress->drawn = FALSE;
}
