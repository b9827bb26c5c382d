/* recto-guard.h: what guards one conversion running in this process (a single run, or a batch
 * worker): its memory budget (--max-memory), and, when a signal ends it, the removal of its
 * temporary output and one line saying why it stopped. */
#pragma once

#include <glib.h>

/* A conversion stopped for exceeding its memory budget (README.md, "Exit codes"). */
#define RECTO_EXIT_MEMORY 12
/* The default per-file budget of --max-memory, in MB. */
#define RECTO_DEFAULT_MAX_MEMORY_MB 4096

/* Limits this process's data (heap, anonymous mappings, thread stacks: RLIMIT_DATA; not the
 * mapped input or the libraries) to @megabytes; 0 sets no limit. Returns FALSE, setting no
 * limit, with the reason in @why when it cannot be applied: in a build with AddressSanitizer,
 * whose shadow memory the limit would count. */
gboolean recto_guard_limit_memory (guint64 megabytes, const char **why);

/* From now on, SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGABRT and SIGTRAP remove the temporary output of the
 * conversion of @input before the process ends as the signal would; with a memory budget, so
 * does SIGSEGV. An abort, trap or crash that comes while the budget is at least half used (an
 * allocation failed) instead prints one line, "recto: INPUT: out of memory…", and exits with
 * RECTO_EXIT_MEMORY. */
void recto_guard_install (const char *input);
