/* recto-commands.h: the subcommands of the `recto` command. Each returns the exit code. */
#pragma once

#include <glib.h>

int recto_command_convert (int argc, char **argv);
int recto_command_inspect (int argc, char **argv);
