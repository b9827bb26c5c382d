/* test-parallel.c: recto_parallel_for() calls its function once per index, on the number of
 * threads asked for, and the worker numbers stay below that number. */
#include <recto/recto.h>

#include "recto-parallel-private.h"

typedef struct
{
  gint *calls; /* atomic, one counter per index */
  guint n_threads;
  gint bad_worker; /* atomic: set when a worker number is out of range */
} Counts;

static void
count_call (guint index, guint worker, gpointer data)
{
  Counts *counts = data;

  g_atomic_int_inc (&counts->calls[index]);
  if (worker >= counts->n_threads)
    g_atomic_int_set (&counts->bad_worker, 1);
}

static void
test_each_index_once (void)
{
  const guint n_threads[] = { 1, 2, 7 };
  const guint n_items[] = { 0, 1, 3, 1000 };

  for (guint t = 0; t < G_N_ELEMENTS (n_threads); t++)
    for (guint k = 0; k < G_N_ELEMENTS (n_items); k++)
      {
        g_autofree gint *calls = g_new0 (gint, n_items[k] + 1);
        Counts counts = { calls, n_threads[t], 0 };

        recto_set_n_threads (n_threads[t]);
        g_assert_cmpuint (recto_get_n_threads (), ==, n_threads[t]);
        recto_parallel_for (n_items[k], count_call, &counts);
        for (guint i = 0; i < n_items[k]; i++)
          g_assert_cmpint (calls[i], ==, 1);
        g_assert_cmpint (calls[n_items[k]], ==, 0);
        g_assert_cmpint (counts.bad_worker, ==, 0);
      }
  recto_set_n_threads (0);
}

static void
test_thread_count_from_environment (void)
{
  recto_set_n_threads (0);
  g_setenv ("RECTO_THREADS", "3", TRUE);
  g_assert_cmpuint (recto_get_n_threads (), ==, 3);
  g_setenv ("RECTO_THREADS", "none", TRUE);
  g_assert_cmpuint (recto_get_n_threads (), ==, MAX (1, g_get_num_processors ()));
  recto_set_n_threads (2);
  g_setenv ("RECTO_THREADS", "3", TRUE);
  g_assert_cmpuint (recto_get_n_threads (), ==, 2); /* the command line wins */
  g_unsetenv ("RECTO_THREADS");
  recto_set_n_threads (0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/parallel/each-index-once", test_each_index_once);
  g_test_add_func ("/parallel/thread-count-from-environment", test_thread_count_from_environment);
  return g_test_run ();
}
