/* recto-parallel.c: see recto-parallel.h. Indices are handed out one at a time from a shared
 * counter, so a slow page does not hold up the others; the calling thread works too. */
#include <recto/recto.h>

#include "recto-parallel-private.h"

static guint configured_threads; /* 0: not set by the command line */

void
recto_set_n_threads (guint n_threads)
{
  configured_threads = MIN (n_threads, RECTO_MAX_THREADS);
}

guint
recto_get_n_threads (void)
{
  const char *env = g_getenv ("RECTO_THREADS");
  guint64 from_env;

  if (configured_threads > 0)
    return configured_threads;
  if (env != NULL && g_ascii_string_to_unsigned (env, 10, 1, G_MAXUINT64, &from_env, NULL))
    return (guint) MIN (from_env, RECTO_MAX_THREADS);
  return MAX (1, g_get_num_processors ());
}

typedef struct
{
  guint n;
  gint next; /* atomic: the next index to hand out */
  RectoParallelFunc func;
  gpointer user_data;
} Work;

typedef struct
{
  Work *work;
  guint worker;
} Worker;

static gpointer
run_worker (gpointer data)
{
  Worker *worker = data;
  Work *work = worker->work;
  guint index;

  while ((index = (guint) g_atomic_int_add (&work->next, 1)) < work->n)
    work->func (index, worker->worker, work->user_data);
  return NULL;
}

void
recto_parallel_for (guint n, RectoParallelFunc func, gpointer user_data)
{
  Work work = { .n = n, .next = 0, .func = func, .user_data = user_data };
  guint n_workers = MIN (recto_get_n_threads (), n);
  g_autofree GThread **threads = NULL;
  g_autofree Worker *workers = NULL;

  if (n_workers <= 1)
    {
      for (guint i = 0; i < n; i++)
        func (i, 0, user_data);
      return;
    }
  threads = g_new0 (GThread *, n_workers);
  workers = g_new0 (Worker, n_workers);
  for (guint w = 0; w < n_workers; w++)
    workers[w] = (Worker) { &work, w };
  for (guint w = 1; w < n_workers; w++)
    threads[w] = g_thread_new ("recto-worker", run_worker, &workers[w]);
  run_worker (&workers[0]);
  for (guint w = 1; w < n_workers; w++)
    g_thread_join (threads[w]);
}
