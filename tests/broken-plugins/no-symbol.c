/* A module that exports no recto_stage_get_info(). */
#include <gmodule.h>

G_MODULE_EXPORT int not_a_stage (void);

int
not_a_stage (void)
{
  return 0;
}
