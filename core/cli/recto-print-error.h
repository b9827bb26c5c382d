/* recto-print-error.h: how the `recto` command reports an error. */
#pragma once

/* Prints "recto: MESSAGE" on standard error as one line (line breaks in @message become
 * spaces), so a batch log keeps one line per error. */
void recto_print_error (const char *message);
