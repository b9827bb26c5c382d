/* recto-parallel.h: work spread over threads, for stages whose work splits by page.
 *
 * A 500-page volume should use every core. A stage hands recto a function and a count; recto
 * calls it for every index on up to recto_get_n_threads() threads and returns when all calls
 * are done. The calls run in no particular order, so each must write only to what belongs to
 * its index (its own page, its own slot of a results array): then the result is the same, byte
 * for byte, whatever the number of threads.
 *
 * Inside a call, do not change the document as a whole: recto_document_intern(),
 * recto_document_add_page(), recto_page_add_span() (it interns), recto_block_*(),
 * recto_document_set_metadata() and recto_stage_context_warn() are not thread-safe. Collect
 * what needs them per index and apply it after, in index order. Reading the document and
 * changing one page's lines (recto_page_add_line(), recto_page_clear_lines()) are fine. */
#pragma once

#include <recto/recto-document.h>

G_BEGIN_DECLS

/* @worker is the calling thread's number, below recto_get_n_threads(): per-thread state (one
 * PopplerDocument per thread, a scratch buffer) can be kept in an array indexed by it. */
typedef void (*RectoParallelFunc) (guint index, guint worker, gpointer user_data);

/* How many threads recto_parallel_for() uses: the --threads option of `recto convert`, else the
 * RECTO_THREADS environment variable, else the number of processors. At least 1. */
guint recto_get_n_threads (void);

/* Calls @func for each index in [0, @n) and returns when every call has returned. */
void recto_parallel_for (guint n, RectoParallelFunc func, gpointer user_data);

G_END_DECLS
