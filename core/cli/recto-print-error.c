/* recto-print-error.c: see recto-print-error.h. */
#include <stdio.h>

#include <glib.h>

#include "recto-print-error.h"

void
recto_print_error (const char *message)
{
  g_autofree char *line = g_strdup (message);

  g_strdelimit (line, "\r\n", ' ');
  fprintf (stderr, "recto: %s\n", line);
}
