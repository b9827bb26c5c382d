/* recto-stage-context.c: the accessors stages use to reach the core's input, output and
 * warning list. */
#include <stdarg.h>

#include "recto-stage-context.h"

GBytes *
recto_stage_context_get_input (RectoStageContext *ctx)
{
  return ctx->input;
}

const char *
recto_stage_context_get_input_name (RectoStageContext *ctx)
{
  return ctx->input_name;
}

GOutputStream *
recto_stage_context_get_output (RectoStageContext *ctx)
{
  return ctx->output;
}

void
recto_stage_context_warn (RectoStageContext *ctx, const char *format, ...)
{
  va_list args;
  g_autofree char *message = NULL;
  g_autofree char *valid = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  /* A font's name is bytes; the warning goes into the worker's JSON summary and the report. */
  valid = recto_text_escape_bytes (message);
  g_ptr_array_add (ctx->warnings, g_strdup_printf ("%s: %s", ctx->info->name, valid));
}
