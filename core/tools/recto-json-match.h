/* recto-json-match.h: compares a document's JSON with an expectation that may say less. */
#pragma once

#include <json-glib/json-glib.h>

/* Whether @actual matches @expected: an object matches when each member @expected names
 * matches (members it leaves out are not compared), an array when it has as many elements and
 * each matches in order, a number when it is equal to within 0.005 (boxes are dumped to the
 * hundredth), anything else when it is equal. Each difference is appended to @differences as
 * one line "PATH: expected X, got Y". */
gboolean recto_json_match (JsonNode *expected, JsonNode *actual, GPtrArray *differences);
