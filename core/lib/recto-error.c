/* recto-error.c: the RECTO_ERROR domain and its exit codes. */
#include <recto/recto-error.h>

G_DEFINE_QUARK (recto - error - quark, recto_error)

int
recto_error_exit_code (const GError *error)
{
  if (error == NULL)
    return 0;
  if (error->domain != RECTO_ERROR)
    return 1;
  switch ((RectoErrorCode) error->code)
    {
    case RECTO_ERROR_FAILED:
      return 1;
    case RECTO_ERROR_USAGE:
      return 2;
    case RECTO_ERROR_INPUT_UNREADABLE:
      return 3;
    case RECTO_ERROR_INPUT_INVALID:
      return 4;
    case RECTO_ERROR_ENCRYPTED:
      return 5;
    case RECTO_ERROR_PLUGIN:
      return 6;
    case RECTO_ERROR_STAGE_FAILED:
      return 7;
    case RECTO_ERROR_OUTPUT:
      return 8;
    }
  return 1;
}
