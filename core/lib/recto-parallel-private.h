/* recto-parallel-private.h: what the command sets of recto-parallel. */
#pragma once

#include <glib.h>

/* The number of threads recto_parallel_for() uses from now on; 0 restores the default. */
void recto_set_n_threads (guint n_threads);
