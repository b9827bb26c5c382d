/* recto-json-match.c: see recto-json-match.h. The expectation may leave things out so that a
 * fixture test states only what its stage is responsible for. */
#include <math.h>

#include "recto-json-match.h"

static char *
show (JsonNode *node)
{
  g_autofree char *text = json_to_string (node, FALSE);

  /* Whole subtrees would flood the report: a long value is cut, its start is enough. */
  if (g_utf8_strlen (text, -1) > 60)
    {
      g_autofree char *start = g_utf8_substring (text, 0, 57);
      return g_strconcat (start, "…", NULL);
    }
  return g_steal_pointer (&text);
}

static void
differ (GPtrArray *differences, const char *path, JsonNode *expected, JsonNode *actual)
{
  g_autofree char *want = show (expected);
  g_autofree char *got = actual != NULL ? show (actual) : g_strdup ("nothing");

  g_ptr_array_add (differences, g_strdup_printf ("%s: expected %s, got %s", path, want, got));
}

static gboolean
is_number (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node)
         && (json_node_get_value_type (node) == G_TYPE_INT64
             || json_node_get_value_type (node) == G_TYPE_DOUBLE);
}

static gboolean match_at (JsonNode *expected, JsonNode *actual, const char *path,
                          GPtrArray *differences);

static gboolean
match_object (JsonObject *expected, JsonObject *actual, const char *path, GPtrArray *differences)
{
  g_autoptr (GList) keys = json_object_get_members (expected);
  gboolean matched = TRUE;

  for (GList *key = keys; key != NULL; key = key->next)
    {
      g_autofree char *where = g_strdup_printf ("%s.%s", path, (const char *) key->data);
      JsonNode *want = json_object_get_member (expected, key->data);
      JsonNode *got = json_object_get_member (actual, key->data);
      if (got == NULL)
        {
          differ (differences, where, want, NULL);
          matched = FALSE;
        }
      else if (!match_at (want, got, where, differences))
        matched = FALSE;
    }
  return matched;
}

static gboolean
match_array (JsonArray *expected, JsonArray *actual, const char *path, GPtrArray *differences)
{
  guint n_expected = json_array_get_length (expected);
  guint n_actual = json_array_get_length (actual);
  gboolean matched = TRUE;

  for (guint i = 0; i < MIN (n_expected, n_actual); i++)
    {
      g_autofree char *where = g_strdup_printf ("%s[%u]", path, i);
      if (!match_at (json_array_get_element (expected, i), json_array_get_element (actual, i),
                     where, differences))
        matched = FALSE;
    }
  if (n_expected != n_actual)
    {
      g_ptr_array_add (differences, g_strdup_printf ("%s: expected %u elements, got %u", path,
                                                     n_expected, n_actual));
      matched = FALSE;
    }
  return matched;
}

static gboolean
match_at (JsonNode *expected, JsonNode *actual, const char *path, GPtrArray *differences)
{
  if (JSON_NODE_HOLDS_OBJECT (expected) && JSON_NODE_HOLDS_OBJECT (actual))
    return match_object (json_node_get_object (expected), json_node_get_object (actual), path,
                         differences);
  if (JSON_NODE_HOLDS_ARRAY (expected) && JSON_NODE_HOLDS_ARRAY (actual))
    return match_array (json_node_get_array (expected), json_node_get_array (actual), path,
                        differences);
  if (is_number (expected) && is_number (actual))
    {
      if (fabs (json_node_get_double (expected) - json_node_get_double (actual)) <= 0.005)
        return TRUE;
    }
  else if (json_node_equal (expected, actual))
    return TRUE;
  differ (differences, path, expected, actual);
  return FALSE;
}

gboolean
recto_json_match (JsonNode *expected, JsonNode *actual, GPtrArray *differences)
{
  return match_at (expected, actual, "$", differences);
}
