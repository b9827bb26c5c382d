/* recto-dump.h: the document as JSON (schema "recto-dump/1", docs/dump-format.md), for stage
 * authors who want to see what a stage received and what it changed. */
#pragma once

#include <recto/recto.h>

/* The JSON of @doc as it stands after the stage @after_stage ran. */
char *recto_dump_to_json (RectoDocument *doc, const char *after_stage);

/* Writes recto_dump_to_json() to @path atomically. */
gboolean recto_dump_write (RectoDocument *doc, const char *after_stage, const char *path,
                           GError **error);

/* The names the dump gives block kinds ("p", "head", …) and line roles ("page-number", …). */
const char *recto_dump_block_kind_name (RectoBlockKind kind);
gboolean recto_dump_block_kind_from_name (const char *name, RectoBlockKind *kind);
gboolean recto_dump_line_role_from_name (const char *name, RectoLineRole *role);

/* Reads a document back from a dump (recto-dump/1) or a hand-written fixture in its format:
 * every key may be left out and takes its empty value (no pages, no lines, a body without
 * children…), so a fixture need say only what a stage reads. Returns NULL with a
 * RECTO_ERROR_INPUT_INVALID error naming the JSON path at fault. */
RectoDocument *recto_dump_load (const char *text, gssize length, GError **error);
