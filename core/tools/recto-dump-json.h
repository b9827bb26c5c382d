/* recto-dump-json.h: typed readers for the dump loader. Each takes the JSON path of the object
 * it reads (as "pages[0].lines[3]") and, on a value of the wrong type, sets a
 * RECTO_ERROR_INPUT_INVALID error that names the path and returns FALSE (or NULL). */
#pragma once

#include <json-glib/json-glib.h>

#include "recto-document-private.h"

gboolean dump_fail (GError **error, const char *path, const char *expected);
gboolean dump_is_number (JsonNode *node);
JsonNode *dump_member (JsonObject *object, const char *key);
gboolean dump_read_member (JsonObject *object, const char *key, const char *path, GType type,
                           gpointer value, GError **error);
JsonArray *dump_read_array (JsonObject *object, const char *key, const char *path,
                            GError **error);
JsonObject *dump_element_object (JsonArray *array, guint i, const char *path, GError **error);
gboolean dump_read_box (JsonNode *node, const char *path, RectoBox *box, gboolean *has_box,
                        GError **error);
gboolean dump_read_style (JsonObject *object, const char *path, const char **font, double *size,
                          double *flags, GError **error);
