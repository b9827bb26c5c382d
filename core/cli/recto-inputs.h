/* recto-inputs.h: the files a batch converts: named files, and the files found under named
 * directories (recursively, filtered by --include/--exclude globs), each with its output path,
 * optionally reduced to one machine's share of the archive (--shard K/N). */
#pragma once

#include <glib.h>

typedef struct
{
  char *path; /* as found: the argument, or the argument's directory joined with relative */
  char *relative; /* the path below the directory argument, or the argument itself */
  char *output; /* where its TEI goes; NULL for a folder that could not be read */
  char *error; /* why it cannot be converted (a folder that could not be read), or NULL */
  int exit_code; /* with @error, its exit code */
} RectoInput;

typedef struct
{
  const char *const *include; /* globs on the path below a directory argument; NULL: *.pdf */
  const char *const *exclude; /* globs that drop a file found in a directory */
  const char *output; /* -o: a file (one input), a directory, "-", or NULL (beside each input) */
  guint shard_index, shard_count; /* keep the K-th of N shares (1-based); 0 0 keeps all */
} RectoInputRules;

void recto_input_free (RectoInput *input);

/* Expands @arguments into inputs in a stable order: each argument in turn, a directory's files
 * sorted by path. Files named directly are always taken; files in directories only when they
 * match an include glob and no exclude glob (hidden files and folders are skipped; a folder
 * reached again through a symbolic link is walked once). Outputs mirror the directory tree
 * below -o DIR. Returns NULL with a RECTO_ERROR_USAGE error when -o cannot serve (several
 * inputs need a directory), when two inputs would write one output, or when an output is its
 * input. A missing file is kept (its conversion reports it), and so is a folder that could not
 * be read (as an input with an error). */
GPtrArray *recto_inputs_expand (const char *const *arguments, const RectoInputRules *rules,
                                GError **error);

/* Whether one of @arguments is a directory (which makes a batch). */
gboolean recto_inputs_name_a_directory (const char *const *arguments);

/* Parses "K/N" (1 ≤ K ≤ N) for --shard. */
gboolean recto_shard_parse (const char *text, guint *index, guint *count, GError **error);

/* Whether the file @relative belongs to share @index of @count: by a hash of its path below
 * its directory argument, so a share stays the same when files are added elsewhere and on
 * every machine that runs the same command. */
gboolean recto_shard_contains (const char *relative, guint index, guint count);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RectoInput, recto_input_free)
