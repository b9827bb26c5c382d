/* recto-document-private.h: what the core, and only the core, sees of a document. */
#pragma once

#include <recto/recto.h>

typedef struct
{
  const RectoStageInfo *info;
  GStrv option_values; /* one per option of info, secrets masked */
} RectoStageRecord;

struct _RectoDocument
{
  GStringChunk *strings; /* interned strings */
  char *source_name;
  char *source_sha256;
  guint64 source_size;
  GPtrArray *metadata_keys; /* char* */
  GPtrArray *metadata_values; /* char* */
  GPtrArray *outline; /* RectoOutlineEntry* */
  GPtrArray *pages; /* RectoPage* */
  GPtrArray *stages; /* RectoStageRecord* */
  const RectoStageInfo *running; /* the stage now processing, NULL outside a stage */
  GPtrArray *blocks; /* every RectoBlock ever made: the document owns them */
  RectoBlock *body;
  GPtrArray *font_maps; /* RectoFontMap* (recto-recovery.c) */
  GPtrArray *font_checks; /* RectoFontCheck* (recto-recovery.c) */
  RectoRenderFunc render; /* the source's page renderer, or NULL */
  gpointer render_data;
  GDestroyNotify render_destroy;
  GMutex render_lock; /* renderers draw one image at a time */
  RectoSubsetFunc find_subset; /* the source's subset finder, or NULL */
  gpointer subset_data;
  GDestroyNotify subset_destroy;
  gboolean subsets_found; /* recto_document_find_subsets() ran */
  gboolean subsets_differ; /* and some span's subset is not its font */
  GPtrArray *kept_pictures; /* pages drawn whole, packed (recto-kept-pictures.c), or NULL */
  gsize kept_bytes;
  /* The TEXT block last grown by recto_block_append_text(), its text's length and allocated
   * size: a paragraph takes its text a line at a time, and measuring (or copying) the whole
   * text at each line would make a long one quadratic. recto-block.c checks it still holds. */
  struct
  {
    const RectoBlock *block;
    const char *text;
    gsize length, capacity;
  } growing;
};

/* recto-recovery.c: frees what a document holds for recovered text. */
void recto_document_clear_recovery (RectoDocument *doc);

/* recto-kept-pictures.c: the pages recto_document_render() drew whole (of at most 4 million
 * pixels, 48 MB packed in all), kept so that another stage asking for the same page, area and
 * scale is given the same picture without drawing it again. Called under render_lock. */
RectoImage *recto_document_find_kept_picture (RectoDocument *doc, guint page,
                                              const RectoBox *area, double scale);
void recto_document_keep_picture (RectoDocument *doc, guint page, const RectoBox *area,
                                  double scale, const RectoImage *image);
void recto_document_clear_kept_pictures (RectoDocument *doc);

/* Records a stage of the pipeline; takes ownership of @option_values. */
void recto_document_add_stage (RectoDocument *doc, const RectoStageInfo *info, GStrv option_values);
/* Which stage is running: blocks and repairs made meanwhile are recorded as its work. */
void recto_document_set_running_stage (RectoDocument *doc, const RectoStageInfo *info);

void recto_block_free (RectoBlock *block);
/* Records a repair of @stage as it is, without checking the stage's declared kinds: for a
 * document read back from a dump, whose stages are not loaded. */
void recto_block_add_repair_record (RectoDocument *doc, RectoBlock *block, const char *stage,
                                    const char *kind, const char *detail);
