/* recto-guard.c: see recto-guard.h. The handler runs in a process that is about to die, possibly
 * inside malloc: it only calls async-signal-safe functions (unlink, open, read, write, _exit)
 * on what recto_guard_install() prepared. */
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "recto-guard.h"
#include "recto-output.h"

#if defined(__SANITIZE_ADDRESS__)
#define BUILT_WITH_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define BUILT_WITH_ASAN 1
#endif
#endif

static guint64 budget_bytes; /* 0: no budget */
static char *out_of_memory_line; /* "recto: INPUT: out of memory…\n" */
static long page_size;

gboolean
recto_guard_limit_memory (guint64 megabytes, const char **why)
{
#ifdef BUILT_WITH_ASAN
  if (megabytes > 0)
    {
      *why = "recto was built with AddressSanitizer, whose shadow memory the limit would count";
      return FALSE;
    }
#endif
  struct rlimit limit = { RLIM_INFINITY, RLIM_INFINITY };

  if (megabytes > 0)
    limit.rlim_cur = limit.rlim_max = (rlim_t) megabytes * 1024 * 1024;
  if (megabytes > 0 && setrlimit (RLIMIT_DATA, &limit) != 0)
    {
      *why = "the system refused the limit";
      return FALSE;
    }
  budget_bytes = megabytes * 1024 * 1024;
  return TRUE;
}

/* This process's data size (the 6th field of /proc/self/statm, in pages), or 0. */
static guint64
data_bytes (void)
{
  char text[256];
  int fd = open ("/proc/self/statm", O_RDONLY | O_CLOEXEC);
  ssize_t n = fd >= 0 ? read (fd, text, sizeof text - 1) : -1;
  guint field = 0;
  guint64 pages = 0;

  if (fd >= 0)
    close (fd);
  for (ssize_t i = 0; i < n; i++)
    if (text[i] == ' ')
      field++;
    else if (field == 5 && text[i] >= '0' && text[i] <= '9')
      pages = pages * 10 + (guint64) (text[i] - '0');
  return pages * (guint64) page_size;
}

static void
on_fatal_signal (int signal_number)
{
  recto_output_remove_temps ();
  /* An abort, trap or crash with the budget at least half used: an allocation the budget
   * refused (GLib and Poppler abort when memory runs out; g_error() traps; and GLib 2.74, when
   * it cannot format its own out-of-memory message, recurses until the stack overflows). */
  if (signal_number != SIGINT && signal_number != SIGTERM && signal_number != SIGHUP
      && signal_number != SIGQUIT && signal_number != SIGXCPU && signal_number != SIGXFSZ
      && budget_bytes > 0 && data_bytes () * 2 >= budget_bytes)
    {
      ssize_t ignored = write (STDERR_FILENO, out_of_memory_line, strlen (out_of_memory_line));
      (void) ignored;
      _exit (RECTO_EXIT_MEMORY);
    }
  /* SA_RESETHAND restored the default action: raised again, it ends the process on return. */
  raise (signal_number);
}

/* GLib's message when an allocation fails is left out while a budget is set: the handler says
 * it in recto's one line. Everything else is logged as usual. */
static GLogWriterOutput
write_log (GLogLevelFlags level, const GLogField *fields, gsize n_fields, gpointer user_data)
{
  if ((level & G_LOG_LEVEL_ERROR) != 0 && budget_bytes > 0)
    for (gsize i = 0; i < n_fields; i++)
      if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0
          && strstr (fields[i].value, "failed to allocate") != NULL)
        return G_LOG_WRITER_HANDLED;
  return g_log_writer_default (level, fields, n_fields, user_data);
}

void
recto_guard_install (const char *input)
{
  /* SIGXCPU and SIGXFSZ: a CPU-time or file-size limit (ulimit -t, -f) was reached. */
  static const int signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGXCPU, SIGXFSZ, SIGABRT, SIGTRAP };
  static gsize writer_set = 0;
  /* A stack of its own, for a handler of a stack overflow (this thread only). */
  static char handler_stack[64 * 1024];
  stack_t alternate = { .ss_sp = handler_stack, .ss_size = sizeof handler_stack };
  struct sigaction action = { .sa_handler = on_fatal_signal,
                              .sa_flags = SA_RESETHAND | SA_ONSTACK };

  page_size = sysconf (_SC_PAGESIZE);
  g_free (out_of_memory_line);
  out_of_memory_line = g_strdup_printf (
      "recto: %s: out of memory: converting it needs more than the budget of %" G_GUINT64_FORMAT
      " MB (--max-memory)\n",
      input, budget_bytes / (1024 * 1024));
  if (g_once_init_enter (&writer_set))
    {
      g_log_set_writer_func (write_log, NULL, NULL);
      g_once_init_leave (&writer_set, 1);
    }
  sigemptyset (&action.sa_mask);
  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    sigaction (signals[i], &action, NULL);
  /* Crashes are left to the default (and to sanitizers) unless a budget may explain them. */
  if (budget_bytes > 0 && sigaltstack (&alternate, NULL) == 0)
    sigaction (SIGSEGV, &action, NULL);
}
