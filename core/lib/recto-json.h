/* recto-json.h: a small streaming JSON writer (inspect, reports, dumps). */
#pragma once

#include <glib.h>

typedef struct _RectoJson RectoJson;

/* @pretty: indent two spaces per level; otherwise one line. */
RectoJson *recto_json_new (gboolean pretty);
void recto_json_free (RectoJson *json);
/* Returns the text written so far (a trailing newline added) and frees @json. */
char *recto_json_free_to_string (RectoJson *json);

void recto_json_begin_object (RectoJson *json);
void recto_json_end_object (RectoJson *json);
void recto_json_begin_array (RectoJson *json);
void recto_json_end_array (RectoJson *json);
/* Inside an object: the member name the next value belongs to. */
void recto_json_key (RectoJson *json, const char *key);
void recto_json_string (RectoJson *json, const char *value); /* NULL writes null */
void recto_json_int (RectoJson *json, gint64 value);
void recto_json_double (RectoJson *json, double value);
/* A float in the fewest digits that read back as the same float (lossless, yet short). */
void recto_json_float (RectoJson *json, float value);
void recto_json_boolean (RectoJson *json, gboolean value);
void recto_json_null (RectoJson *json);

/* Inside an object: a member @key with a value; recto_json_key() and the value in one call. */
void recto_json_member_string (RectoJson *json, const char *key, const char *value);
void recto_json_member_int (RectoJson *json, const char *key, gint64 value);
void recto_json_member_double (RectoJson *json, const char *key, double value);
void recto_json_member_float (RectoJson *json, const char *key, float value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RectoJson, recto_json_free)
