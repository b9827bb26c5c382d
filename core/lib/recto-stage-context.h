/* recto-stage-context.h: what the core hands a stage besides the document. */
#pragma once

#include <recto/recto.h>

struct _RectoStageContext
{
  const RectoStageInfo *info; /* the stage this context is for */
  GBytes *input; /* sources: the input's bytes */
  const char *input_name;
  GOutputStream *output; /* sinks: where to write */
  GPtrArray *warnings; /* char*, "stage: message", shared by the whole run */
};
