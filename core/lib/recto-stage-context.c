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

/* @text with every byte that starts no valid UTF-8 character written as \xNN, as the TEI
 * writes such font names: a PDF's font names are bytes (GBK "\xCB\xCE\xCC\xE5" for 宋体), and a
 * warning goes into the worker's JSON summary and the --report line, which must be UTF-8. */
static char *
escape_invalid_bytes (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0';)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        g_string_append_printf (out, "\\x%02X", (guchar) *p++);
      else
        {
          const char *next = g_utf8_next_char (p);
          g_string_append_len (out, p, next - p);
          p = next;
        }
    }
  return g_string_free (out, FALSE);
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
  valid = escape_invalid_bytes (message);
  g_ptr_array_add (ctx->warnings, g_strdup_printf ("%s: %s", ctx->info->name, valid));
}
