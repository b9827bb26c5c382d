/* recto-commands.h: the subcommands of the `recto` command. Each returns the exit code. */
#pragma once

#include <glib.h>

int recto_command_convert (int argc, char **argv);
int recto_command_inspect (int argc, char **argv);

/* Prints "recto: MESSAGE" on standard error as one line (line breaks in @message become
 * spaces), so a batch log keeps one line per error. */
void recto_command_print_error (const char *message);
