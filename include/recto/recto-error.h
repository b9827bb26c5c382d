/* recto-error.h: the one error domain of recto.
 *
 * Every fallible function of librecto and of a stage reports a GError in RECTO_ERROR. Each code
 * maps to one documented exit code of the `recto` command (see README.md, "Exit codes"). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RECTO_ERROR (recto_error_quark ())

typedef enum
{
  RECTO_ERROR_FAILED, /* an internal error; exit 1 */
  RECTO_ERROR_USAGE, /* bad command line, pipeline or option value; exit 2 */
  RECTO_ERROR_INPUT_UNREADABLE, /* missing or unreadable input file; exit 3 */
  RECTO_ERROR_INPUT_INVALID, /* empty, truncated, damaged or not the expected format; exit 4 */
  RECTO_ERROR_ENCRYPTED, /* needs a password, or the password is wrong; exit 5 */
  RECTO_ERROR_PLUGIN, /* a needed stage is missing or its module is broken; exit 6 */
  RECTO_ERROR_STAGE_FAILED, /* a stage failed while processing; exit 7 */
  RECTO_ERROR_OUTPUT, /* the output could not be written; exit 8 */
} RectoErrorCode;

/* Exit code of a run with several inputs of which at least one failed. */
#define RECTO_EXIT_PARTIAL 9

GQuark recto_error_quark (void);

/* The exit code documented for @error: 0 for NULL, 1 for errors outside RECTO_ERROR. */
int recto_error_exit_code (const GError *error);

G_END_DECLS
