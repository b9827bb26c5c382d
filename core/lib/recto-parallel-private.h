/* recto-parallel-private.h: what the command sets of recto-parallel. */
#pragma once

#include <glib.h>

/* The most threads one conversion uses, however many --threads or RECTO_THREADS ask for: each
 * may hold a copy of the input's parser (Poppler's is about 18 MB). */
#define RECTO_MAX_THREADS 1024

/* The number of threads recto_parallel_for() uses from now on, at most RECTO_MAX_THREADS; 0
 * restores the default. */
void recto_set_n_threads (guint n_threads);
