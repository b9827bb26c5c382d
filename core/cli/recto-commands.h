/* recto-commands.h: the subcommands of the `recto` command. Each returns the exit code. */
#pragma once

#include <glib.h>

#include "recto-review.h"

int recto_command_convert (int argc, char **argv);
int recto_command_inspect (int argc, char **argv);
int recto_command_review (int argc, char **argv);
/* Writes the review of @input's conversion @tei into @dir (recto-review.h); @warnings may be
 * NULL, @drawing (taken) the pages drawn since before the conversion, or NULL. Prints an error
 * and returns the exit code. */
int recto_command_review_write (const char *input, const char *tei, const char *dir, double dpi,
                                const GPtrArray *warnings, RectoReviewDrawing *drawing);
