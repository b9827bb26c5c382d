/* recto-stage.h: the stage plugin ABI.
 *
 * A stage is a loadable module named <stage-name>.so that exports one function,
 * recto_stage_get_info(), returning a pointer to a constant RectoStageInfo (use
 * RECTO_STAGE_DEFINE). The loader checks abi_version before it reads any other field, so a
 * module built against another ABI is refused with a clear message instead of misread.
 *
 * Options are declared in a table; the core parses defaults and `key=value` settings from the
 * pipeline description into a zeroed config struct of config_size bytes, writing each value at
 * its offset, and passes that struct to process(). One table drives parsing, validation,
 * `recto inspect` and the provenance written into the TEI header.
 *
 * Versioning: fields are only ever appended, and every change to this file's structures, or to
 * the public structures of recto-document.h, bumps RECTO_STAGE_ABI_VERSION. See
 * docs/stage-abi.md. */
#pragma once

#include <gio/gio.h>
#include <gmodule.h>
#include <stddef.h>

#include <recto/recto-document.h>

G_BEGIN_DECLS

typedef enum
{
  RECTO_STAGE_SOURCE = 1, /* makes the document from the input */
  RECTO_STAGE_REPAIR, /* changes the document in place */
  RECTO_STAGE_SINK, /* writes the document to the output */
} RectoStageKind;

typedef enum
{
  RECTO_OPTION_BOOLEAN = 1, /* gboolean; "true"/"false" (also yes/no, 1/0) */
  RECTO_OPTION_INT, /* int, within [minimum, maximum] unless both are 0 */
  RECTO_OPTION_DOUBLE, /* double, within [minimum, maximum] unless both are 0 */
  RECTO_OPTION_STRING, /* char*, owned by the core; NULL when no default */
  RECTO_OPTION_CHOICE, /* int: index of the value in the '|'-separated choices */
} RectoOptionType;

typedef enum
{
  RECTO_OPTION_SECRET = 1 << 0, /* never shown in provenance or reports (passwords) */
} RectoOptionFlags;

typedef struct
{
  const char *name; /* kebab-case */
  RectoOptionType type;
  const char *default_value; /* text parsed like a command-line value; NULL: zero/NULL */
  const char *blurb; /* one line */
  size_t offset; /* offsetof (Config, field) */
  double minimum, maximum;
  const char *choices; /* RECTO_OPTION_CHOICE: "a|b|c" */
  guint32 flags; /* RectoOptionFlags */
} RectoOption;

/* A kind of repair a stage may record with recto_block_mark_repair(). */
typedef struct
{
  const char *id; /* kebab-case, unique within the stage */
  const char *description; /* one line, written into the TEI header */
} RectoRepairKind;

typedef struct _RectoStageContext RectoStageContext;

struct _RectoStageInfo
{
  guint32 abi_version; /* RECTO_STAGE_ABI_VERSION; must stay the first field */
  /* kebab-case; equals the module's file name without ".so"; ends in "-source" exactly when
   * kind is RECTO_STAGE_SOURCE, for recto reads what a module is from its file name before it
   * loads it (loading runs constructors): probing an input loads only "*-source" modules. */
  const char *name;
  const char *summary; /* one line */
  const char *version;
  const char *license; /* SPDX identifier */
  RectoStageKind kind;
  const RectoOption *options; /* terminated by an entry with name NULL; may be NULL */
  size_t config_size; /* size of the struct the options are written into */
  const RectoRepairKind *repairs; /* terminated by an entry with id NULL; may be NULL */
  /* Sources only (may be NULL): how sure the stage is, 0 to 100, that it reads the file
   * named @name whose first bytes are @head. The core gives the file to the most confident
   * source, which reports a precise error if the content then disappoints (a text file named
   * "x.pdf" goes to the PDF source, which says it is not a PDF). */
  guint (*probe) (const char *name, const guint8 *head, gsize length);
  /* Does the stage's work. On failure returns FALSE and sets @error (RECTO_ERROR preferred);
   * the core names the stage in the message. */
  gboolean (*process) (RectoStageContext *ctx, RectoDocument *doc, const void *config,
                       GError **error);
};

typedef const RectoStageInfo *(*RectoStageGetInfoFunc) (void);

#define RECTO_STAGE_GET_INFO_SYMBOL "recto_stage_get_info"

/* Exports @info (a static const RectoStageInfo) as this module's stage. */
#define RECTO_STAGE_DEFINE(info)                                                                   \
  G_MODULE_EXPORT const RectoStageInfo *recto_stage_get_info (void);                               \
  const RectoStageInfo *recto_stage_get_info (void)                                                \
  {                                                                                                \
    return &(info);                                                                                \
  }

/* The input file's bytes (source stages). */
GBytes *recto_stage_context_get_input (RectoStageContext *ctx);
/* The input's name, for messages and metadata (its path as given on the command line). */
const char *recto_stage_context_get_input_name (RectoStageContext *ctx);
/* Where a sink writes (sink stages); the core makes the write atomic. */
GOutputStream *recto_stage_context_get_output (RectoStageContext *ctx);
/* Records a warning about the input; it is reported, and the run goes on. */
void recto_stage_context_warn (RectoStageContext *ctx, const char *format, ...)
    G_GNUC_PRINTF (2, 3);

G_END_DECLS
