/* recto-output.h: an output file that appears whole or not at all. */
#pragma once

#include <gio/gio.h>

typedef struct _RectoOutput RectoOutput;

/* Opens a temporary file beside @path ("-" means standard output), or beside its target when
 * @path is a symbolic link to a regular file (the link stays). A @path that is not a regular
 * file (a device, a FIFO) is written through on commit, never replaced. Returns NULL with a
 * RECTO_ERROR_OUTPUT error when the directory cannot take it, or @path is a directory or a
 * link to nothing. */
RectoOutput *recto_output_open (const char *path, GError **error);
GOutputStream *recto_output_get_stream (RectoOutput *output);
/* Flushes, syncs and renames the temporary file to the final path. */
gboolean recto_output_commit (RectoOutput *output, GError **error);
/* Whether @path and @other name one file (the same device and inode, through any link). */
gboolean recto_output_is_file (const char *path, const char *other);
/* Removes every temporary file an open output holds. Async-signal-safe: for a handler of a
 * signal that ends the process, so that a killed conversion leaves nothing behind. */
void recto_output_remove_temps (void);
/* Frees @output; an output not committed is removed, leaving no partial file. */
void recto_output_free (RectoOutput *output);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RectoOutput, recto_output_free)
