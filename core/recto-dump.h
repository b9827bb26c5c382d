/* recto-dump.h: the document as JSON (schema "recto-dump/1", docs/dump-format.md), for stage
 * authors who want to see what a stage received and what it changed. */
#pragma once

#include <recto/recto.h>

/* The JSON of @doc as it stands after the stage @after_stage ran. */
char *recto_dump_to_json (RectoDocument *doc, const char *after_stage);

/* Writes recto_dump_to_json() to @path atomically. */
gboolean recto_dump_write (RectoDocument *doc, const char *after_stage, const char *path,
                           GError **error);
