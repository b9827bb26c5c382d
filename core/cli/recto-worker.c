/* recto-worker.c: see recto-worker.h. */
#include <json-glib/json-glib.h>
#include <string.h>

#include "recto-json.h"
#include "recto-worker.h"

/* Writes "pages", "characters" and "repairs" (stage → count, in the pipeline's order). */
static void
write_counts (RectoJson *json, const RectoConvertResult *result)
{
  recto_json_member_int (json, "pages", result != NULL ? result->pages : 0);
  recto_json_member_int (json, "characters", result != NULL ? (gint64) result->characters : 0);
  recto_json_key (json, "repairs");
  recto_json_begin_object (json);
  for (guint i = 0; result != NULL && result->repairs != NULL && i < result->repairs->len; i++)
    {
      const RectoStageRepairs *repairs = &g_array_index (result->repairs, RectoStageRepairs, i);
      recto_json_member_int (json, repairs->stage, repairs->count);
    }
  recto_json_end_object (json);
}

/* Writes "warnings", each through @write_string. */
static void
write_warnings (RectoJson *json, const RectoConvertResult *result,
                void (*write_string) (RectoJson *json, const char *value))
{
  recto_json_key (json, "warnings");
  recto_json_begin_array (json);
  for (guint i = 0; result != NULL && result->warnings != NULL && i < result->warnings->len; i++)
    write_string (json, g_ptr_array_index (result->warnings, i));
  recto_json_end_array (json);
}

void
recto_convert_result_write_members (RectoJson *json, const RectoConvertResult *result)
{
  write_counts (json, result);
  write_warnings (json, result, recto_json_string);
}

/* The summary's strings travel as base64 of their bytes: an error or warning may hold a file
 * name in another encoding, and json-glib rejects the surrogate escapes recto_json writes for
 * such bytes where two stand side by side, which left the batch without a summary. */
static void
write_bytes (RectoJson *json, const char *text)
{
  g_autofree char *encoded = NULL;

  if (text != NULL)
    encoded = g_base64_encode ((const guchar *) text, strlen (text));
  recto_json_string (json, encoded);
}

static char *
read_bytes (const char *encoded)
{
  gsize length = 0;
  guchar *bytes = g_base64_decode (encoded, &length);
  char *text = g_strndup ((const char *) bytes, length);

  g_free (bytes);
  return text;
}

char *
recto_worker_report_to_json (const RectoConvertResult *result, const GError *error)
{
  RectoJson *json = recto_json_new (FALSE);

  recto_json_begin_object (json);
  recto_json_member_int (json, "exit_code", recto_error_exit_code (error));
  recto_json_key (json, "error");
  write_bytes (json, error != NULL ? error->message : NULL);
  write_counts (json, result);
  write_warnings (json, result, write_bytes);
  recto_json_end_object (json);
  return recto_json_free_to_string (json);
}

static gboolean
has_member_of_type (JsonObject *object, const char *name, JsonNodeType type)
{
  JsonNode *node = json_object_get_member (object, name);
  return node != NULL && json_node_get_node_type (node) == type;
}

gboolean
recto_worker_report_parse (const char *text, RectoWorkerReport *report)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  JsonObject *object;
  JsonObject *repairs;
  JsonArray *warnings;
  g_autoptr (GList) stages = NULL;

  memset (report, 0, sizeof *report);
  if (text == NULL || !json_parser_load_from_data (parser, text, -1, NULL)
      || json_parser_get_root (parser) == NULL
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return FALSE;
  object = json_node_get_object (json_parser_get_root (parser));
  if (!has_member_of_type (object, "repairs", JSON_NODE_OBJECT)
      || !has_member_of_type (object, "warnings", JSON_NODE_ARRAY)
      || !has_member_of_type (object, "exit_code", JSON_NODE_VALUE))
    return FALSE;
  repairs = json_object_get_object_member (object, "repairs");
  warnings = json_object_get_array_member (object, "warnings");

  recto_convert_result_init (&report->result);
  report->exit_code = (int) json_object_get_int_member (object, "exit_code");
  if (json_object_get_string_member_with_default (object, "error", NULL) != NULL)
    report->error = read_bytes (json_object_get_string_member (object, "error"));
  report->result.pages = (guint) json_object_get_int_member_with_default (object, "pages", 0);
  report->result.characters =
      (guint64) json_object_get_int_member_with_default (object, "characters", 0);
  stages = json_object_get_members (repairs); /* in the pipeline's order, as written */
  for (GList *stage = stages; stage != NULL; stage = stage->next)
    {
      RectoStageRepairs stage_repairs = {
        .stage = g_strdup (stage->data),
        .count = (guint) json_object_get_int_member_with_default (repairs, stage->data, 0),
      };
      g_array_append_val (report->result.repairs, stage_repairs);
    }
  for (guint i = 0; i < json_array_get_length (warnings); i++)
    g_ptr_array_add (report->result.warnings,
                     read_bytes (json_array_get_string_element (warnings, i)));
  return TRUE;
}

void
recto_worker_report_clear (RectoWorkerReport *report)
{
  g_clear_pointer (&report->error, g_free);
  recto_convert_result_clear (&report->result);
}
