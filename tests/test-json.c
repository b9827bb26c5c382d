/* test-json.c: the JSON writer's separators, escaping and indentation. */
#include "recto-json.h"

static void
test_compact (void)
{
  RectoJson *json = recto_json_new (FALSE);
  g_autofree char *text = NULL;

  recto_json_begin_object (json);
  recto_json_key (json, "name");
  recto_json_string (json, "a \"quoted\"\\ line\nnext\x01");
  recto_json_key (json, "list");
  recto_json_begin_array (json);
  recto_json_int (json, -3);
  recto_json_double (json, 0.25);
  recto_json_boolean (json, TRUE);
  recto_json_null (json);
  recto_json_string (json, NULL);
  recto_json_begin_object (json);
  recto_json_end_object (json);
  recto_json_end_array (json);
  recto_json_key (json, "empty");
  recto_json_begin_array (json);
  recto_json_end_array (json);
  recto_json_end_object (json);
  text = recto_json_free_to_string (json);
  g_assert_cmpstr (text, ==,
                   "{\"name\":\"a \\\"quoted\\\"\\\\ line\\nnext\\u0001\","
                   "\"list\":[-3,0.25,true,null,null,{}],\"empty\":[]}\n");
}

static void
test_pretty (void)
{
  RectoJson *json = recto_json_new (TRUE);
  g_autofree char *text = NULL;

  recto_json_begin_object (json);
  recto_json_key (json, "a");
  recto_json_begin_array (json);
  recto_json_int (json, 1);
  recto_json_int (json, 2);
  recto_json_end_array (json);
  recto_json_key (json, "b");
  recto_json_string (json, "文字");
  recto_json_end_object (json);
  text = recto_json_free_to_string (json);
  g_assert_cmpstr (text, ==, "{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": \"文字\"\n}\n");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/json/compact", test_compact);
  g_test_add_func ("/json/pretty", test_pretty);
  return g_test_run ();
}
