/* recto-output.h: an output file that appears whole or not at all. */
#pragma once

#include <gio/gio.h>

typedef struct _RectoOutput RectoOutput;

/* Opens a temporary file beside @path ("-" means standard output). Returns NULL with a
 * RECTO_ERROR_OUTPUT error when the directory cannot take it. */
RectoOutput *recto_output_open (const char *path, GError **error);
GOutputStream *recto_output_get_stream (RectoOutput *output);
/* Flushes, syncs and renames the temporary file to the final path. */
gboolean recto_output_commit (RectoOutput *output, GError **error);
/* Frees @output; an output not committed is removed, leaving no partial file. */
void recto_output_free (RectoOutput *output);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RectoOutput, recto_output_free)
