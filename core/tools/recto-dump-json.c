/* recto-dump-json.c: the typed JSON readers of the dump loader (recto-dump-load.c). Each one
 * names the JSON path of a value of the wrong type ("pages[0].lines[3].box: expected a box …"). */
#include "recto-dump-json.h"

gboolean
dump_fail (GError **error, const char *path, const char *expected)
{
  g_set_error (error, RECTO_ERROR, RECTO_ERROR_INPUT_INVALID, "%s: expected %s", path, expected);
  return FALSE;
}

gboolean
dump_is_number (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node)
         && (json_node_get_value_type (node) == G_TYPE_INT64
             || json_node_get_value_type (node) == G_TYPE_DOUBLE);
}

/* The member @key of @object, or NULL when it is absent or null. */
JsonNode *
dump_member (JsonObject *object, const char *key)
{
  JsonNode *node = json_object_get_member (object, key);
  return node != NULL && !JSON_NODE_HOLDS_NULL (node) ? node : NULL;
}

/* Reads the member @key of @object into @value, a `const char *` for G_TYPE_STRING, a double
 * for G_TYPE_DOUBLE (any JSON number) or a gboolean for G_TYPE_BOOLEAN. An absent or null member
 * leaves @value alone; a value of another type is an error that names PATH.KEY. */
gboolean
dump_read_member (JsonObject *object, const char *key, const char *path, GType type, gpointer value,
             GError **error)
{
  JsonNode *node = dump_member (object, key);
  g_autofree char *where = g_strdup_printf ("%s.%s", path, key);
  gboolean holds_type;

  if (node == NULL)
    return TRUE;
  holds_type = JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
  switch (type)
    {
    case G_TYPE_STRING:
      if (!holds_type)
        return dump_fail (error, where, "a string");
      *(const char **) value = json_node_get_string (node);
      return TRUE;
    case G_TYPE_DOUBLE:
      if (!dump_is_number (node))
        return dump_fail (error, where, "a number");
      *(double *) value = json_node_get_double (node);
      return TRUE;
    case G_TYPE_BOOLEAN:
      if (!holds_type)
        return dump_fail (error, where, "true or false");
      *(gboolean *) value = json_node_get_boolean (node);
      return TRUE;
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* The array member @key, or an empty array when it is absent (NULL on a type error). */
JsonArray *
dump_read_array (JsonObject *object, const char *key, const char *path, GError **error)
{
  JsonNode *node = dump_member (object, key);
  g_autofree char *where = g_strdup_printf ("%s.%s", path, key);

  if (node == NULL)
    return json_array_new ();
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      dump_fail (error, where, "an array");
      return NULL;
    }
  return json_array_ref (json_node_get_array (node));
}

JsonObject *
dump_element_object (JsonArray *array, guint i, const char *path, GError **error)
{
  JsonNode *node = json_array_get_element (array, i);
  g_autofree char *where = g_strdup_printf ("%s[%u]", path, i);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      dump_fail (error, where, "an object");
      return NULL;
    }
  return json_node_get_object (node);
}

/* A box [x1, y1, x2, y2]; a null or absent box leaves @has_box FALSE. */
gboolean
dump_read_box (JsonNode *node, const char *path, RectoBox *box, gboolean *has_box, GError **error)
{
  JsonArray *edges;
  float values[4];

  *has_box = FALSE;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) != 4)
    return dump_fail (error, path, "a box [x1, y1, x2, y2] or null");
  edges = json_node_get_array (node);
  for (guint i = 0; i < 4; i++)
    {
      JsonNode *edge = json_array_get_element (edges, i);
      if (!dump_is_number (edge))
        return dump_fail (error, path, "a box of four numbers");
      values[i] = (float) json_node_get_double (edge);
    }
  *box = (RectoBox) { values[0], values[1], values[2], values[3] };
  *has_box = TRUE;
  return TRUE;
}

gboolean
dump_read_style (JsonObject *object, const char *path, const char **font, double *size,
            double *flags, GError **error)
{
  if (!dump_read_member (object, "font", path, G_TYPE_STRING, font, error)
      || !dump_read_member (object, "size", path, G_TYPE_DOUBLE, size, error)
      || !dump_read_member (object, "flags", path, G_TYPE_DOUBLE, flags, error))
    return FALSE;
  /* The flags become a guint32: a value outside it (the fuzzer gave -1) is not a set of flags. */
  if (!(*flags >= 0 && *flags <= G_MAXUINT32 && *flags == (guint32) *flags))
    return dump_fail (error, path, "flags: a whole number from 0 to 4294967295");
  return TRUE;
}
