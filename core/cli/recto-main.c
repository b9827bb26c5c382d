/* recto-main.c: the `recto` command: dispatches to a subcommand. */
#include <locale.h>
#include <stdio.h>

#include <recto/recto.h>

#include "recto-commands.h"
#include "recto-print-error.h"

static const char usage[] =
    "Usage: recto COMMAND [OPTION…]\n"
    "\n"
    "Converts PDF report volumes into archival TEI P5 XML.\n"
    "\n"
    "Commands:\n"
    "  convert INPUT…   convert files to TEI (recto convert --help)\n"
    "  inspect [STAGE]  list the stages and their options (recto inspect --help)\n"
    "  review INPUT     write a visual review of a conversion (recto review --help)\n"
    "\n"
    "Options:\n"
    "  -h, --help       show this help\n"
    "  --version        show the version\n";

int
main (int argc, char **argv)
{
  const char *command;

  setlocale (LC_ALL, "");
  if (argc < 2)
    {
      fputs (usage, stderr);
      return 2;
    }
  command = argv[1];
  if (g_str_equal (command, "--help") || g_str_equal (command, "-h")
      || g_str_equal (command, "help"))
    {
      fputs (usage, stdout);
      return 0;
    }
  if (g_str_equal (command, "--version"))
    {
      printf ("recto %s (stage ABI %d)\n", RECTO_VERSION, RECTO_STAGE_ABI_VERSION);
      return 0;
    }
  if (g_str_equal (command, "convert"))
    return recto_command_convert (argc - 1, argv + 1);
  if (g_str_equal (command, "inspect"))
    return recto_command_inspect (argc - 1, argv + 1);
  if (g_str_equal (command, "review"))
    return recto_command_review (argc - 1, argv + 1);

  g_autofree char *message = g_strdup_printf ("unknown command '%s' (try 'recto --help')", command);
  recto_print_error (message);
  return 2;
}
