/* recto-json.c: writes JSON text with correct escaping and separators, so callers only say
 * what to write. Output is deterministic: members appear in the order written. */
#include <math.h>

#include "recto-json.h"

struct _RectoJson
{
  GString *out;
  gboolean pretty;
  guint depth;
  gboolean need_comma; /* a value was written at the current level */
  gboolean after_key; /* the next value follows "key": on the same line */
};

RectoJson *
recto_json_new (gboolean pretty)
{
  RectoJson *json = g_new0 (RectoJson, 1);

  json->out = g_string_new (NULL);
  json->pretty = pretty;
  return json;
}

void
recto_json_free (RectoJson *json)
{
  if (json == NULL)
    return;
  g_string_free (json->out, TRUE);
  g_free (json);
}

char *
recto_json_free_to_string (RectoJson *json)
{
  GString *out = json->out;

  g_string_append_c (out, '\n');
  g_free (json);
  return g_string_free (out, FALSE);
}

static void
newline (RectoJson *json)
{
  if (!json->pretty)
    return;
  g_string_append_c (json->out, '\n');
  for (guint i = 0; i < json->depth; i++)
    g_string_append (json->out, "  ");
}

/* Writes what goes before a value: a comma and line break, unless it follows a key. */
static void
before_value (RectoJson *json)
{
  if (json->after_key)
    {
      json->after_key = FALSE;
      return;
    }
  if (json->need_comma)
    g_string_append_c (json->out, ',');
  if (json->depth > 0)
    newline (json);
}

/* Writes the character at @c, or, when @c starts no valid UTF-8 character (a file name in
 * another encoding), the byte as \\udcXX: the "surrogate escape" that Python's os.fsdecode()
 * uses, so that a reader can get the exact bytes back and the line stays valid UTF-8. Returns
 * where the next character starts. */
static const char *
write_non_ascii (GString *out, const char *c)
{
  gunichar u = g_utf8_get_char_validated (c, -1);

  if (u == (gunichar) -1 || u == (gunichar) -2)
    {
      g_string_append_printf (out, "\\udc%02x", (guint) (guchar) *c);
      return c + 1;
    }
  g_string_append_len (out, c, g_utf8_next_char (c) - c);
  return g_utf8_next_char (c);
}

static void
write_string (GString *out, const char *value)
{
  g_string_append_c (out, '"');
  for (const char *c = value; *c != '\0'; c++)
    {
      switch (*c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if ((guchar) *c < 0x20)
            g_string_append_printf (out, "\\u%04x", (guint) (guchar) *c);
          else if ((guchar) *c < 0x80)
            g_string_append_c (out, *c);
          else
            c = write_non_ascii (out, c) - 1;
        }
    }
  g_string_append_c (out, '"');
}

static void
open_container (RectoJson *json, char bracket)
{
  before_value (json);
  g_string_append_c (json->out, bracket);
  json->depth++;
  json->need_comma = FALSE;
}

static void
close_container (RectoJson *json, char bracket)
{
  gboolean had_items = json->need_comma;

  json->depth--;
  if (had_items)
    newline (json);
  g_string_append_c (json->out, bracket);
  json->need_comma = TRUE;
}

void
recto_json_begin_object (RectoJson *json)
{
  open_container (json, '{');
}

void
recto_json_end_object (RectoJson *json)
{
  close_container (json, '}');
}

void
recto_json_begin_array (RectoJson *json)
{
  open_container (json, '[');
}

void
recto_json_end_array (RectoJson *json)
{
  close_container (json, ']');
}

void
recto_json_key (RectoJson *json, const char *key)
{
  before_value (json);
  write_string (json->out, key);
  g_string_append (json->out, json->pretty ? ": " : ":");
  json->after_key = TRUE;
}

void
recto_json_string (RectoJson *json, const char *value)
{
  if (value == NULL)
    {
      recto_json_null (json);
      return;
    }
  before_value (json);
  write_string (json->out, value);
  json->need_comma = TRUE;
}

void
recto_json_int (RectoJson *json, gint64 value)
{
  before_value (json);
  g_string_append_printf (json->out, "%" G_GINT64_FORMAT, value);
  json->need_comma = TRUE;
}

void
recto_json_double (RectoJson *json, double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      recto_json_null (json);
      return;
    }
  before_value (json);
  g_string_append (json->out, g_ascii_dtostr (buffer, sizeof buffer, value));
  json->need_comma = TRUE;
}

void
recto_json_float (RectoJson *json, float value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      recto_json_null (json);
      return;
    }
  /* The fewest significant digits that read back as the same float: 522.956, not
   * 522.95599365234375, and never a rounded value that reads back as another float. Whole
   * numbers are written whole (612, not 6.1e+02). */
  if (value == truncf (value) && fabsf (value) < 1e7f)
    g_ascii_formatd (buffer, sizeof buffer, "%.0f", value);
  else
    for (int digits = 1; digits <= 9; digits++)
      {
        char format[8];
        g_snprintf (format, sizeof format, "%%.%dg", digits);
        g_ascii_formatd (buffer, sizeof buffer, format, value);
        if ((float) g_ascii_strtod (buffer, NULL) == value)
          break;
      }
  before_value (json);
  g_string_append (json->out, buffer);
  json->need_comma = TRUE;
}

void
recto_json_boolean (RectoJson *json, gboolean value)
{
  before_value (json);
  g_string_append (json->out, value ? "true" : "false");
  json->need_comma = TRUE;
}

void
recto_json_null (RectoJson *json)
{
  before_value (json);
  g_string_append (json->out, "null");
  json->need_comma = TRUE;
}

void
recto_json_member_string (RectoJson *json, const char *key, const char *value)
{
  recto_json_key (json, key);
  recto_json_string (json, value);
}

void
recto_json_member_int (RectoJson *json, const char *key, gint64 value)
{
  recto_json_key (json, key);
  recto_json_int (json, value);
}

void
recto_json_member_double (RectoJson *json, const char *key, double value)
{
  recto_json_key (json, key);
  recto_json_double (json, value);
}

void
recto_json_member_float (RectoJson *json, const char *key, float value)
{
  recto_json_key (json, key);
  recto_json_float (json, value);
}
