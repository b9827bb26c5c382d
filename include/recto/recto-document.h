/* recto-document.h: the document that travels through the pipeline.
 *
 * A RectoDocument has two layers:
 *  - the physical layer: pages with their size and label, the glyphs of the text layer in flat
 *    arrays (one character and one box per glyph), spans of glyphs sharing a font and size, and
 *    lines (text in reading order, with a box when the source has geometry);
 *  - the logical layer: an ordered tree of blocks (div, head, p, fw, pb, gap, …) under one body.
 *
 * The document owns everything in it: pages, lines, blocks and interned strings are freed with
 * it, so stages never free what they get from it. Blocks are created detached or appended and
 * stay owned by the document when unlinked. Every block records the stage that created it, and
 * repairs are recorded through recto_block_mark_repair(), so the sink can mark each of them.
 *
 * Coordinates are PDF points with the origin at the top-left corner of the page, y downwards. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _RectoDocument RectoDocument;
typedef struct _RectoStageInfo RectoStageInfo;

typedef struct
{
  float x1, y1, x2, y2;
} RectoBox;

typedef enum
{
  RECTO_FONT_BOLD = 1 << 0,
  RECTO_FONT_ITALIC = 1 << 1,
  RECTO_FONT_UNDERLINE = 1 << 2,
  /* Drawn without ink (render mode 3, or fully transparent) where no image lies under it, drawn
   * wholly outside its clip, or painted over by an opaque rectangle drawn after it: in the text
   * layer, but not on the page for a reader to see. */
  RECTO_FONT_INVISIBLE = 1 << 3,
} RectoFontFlags;

/* A run of glyphs [first, first + length) of one page sharing font, size and flags. */
typedef struct
{
  const char *font; /* interned in the document; NULL when the source does not say */
  float size;
  guint32 flags; /* RectoFontFlags */
  guint first;
  guint length;
  /* The font object the glyphs' codes belong to, interned: @font itself unless the document
   * holds several subsets of that name, each numbering its glyphs its own way; then the
   * subset's full name ("BVCDEE+FZHTK--GBK1-0", or with the page that introduced it when the
   * tag is reused too), once recto_document_find_subsets() has run. Stages that read glyph
   * codes (recover-text, the sink's recovered text) key on it; stages that compare typefaces
   * (headings, furniture) use @font. */
  const char *subset;
} RectoSpan;

typedef enum
{
  RECTO_LINE_BODY,
  RECTO_LINE_HEADER, /* running head */
  RECTO_LINE_FOOTER, /* running foot other than the page number */
  RECTO_LINE_PAGE_NUMBER, /* the printed page number */
  RECTO_LINE_NOTE, /* a footnote at the foot of the page */
  RECTO_LINE_TABLE, /* claimed by a table: its text is in a TABLE block of the body */
  RECTO_LINE_INVISIBLE, /* every glyph RECTO_FONT_INVISIBLE: kept apart from the body */
} RectoLineRole;

/* One line of text in reading order. Text-only sources make lines without boxes or glyphs. */
typedef struct
{
  char *text; /* UTF-8, owned by the document */
  RectoBox box; /* meaningful only when has_box */
  gboolean has_box;
  const char *font; /* font of most of its glyphs, interned; NULL when unknown */
  float size;
  guint32 flags;
  RectoLineRole role;
  GArray *glyphs; /* guint glyph indices of the page in reading order; NULL without geometry */
  /* The text column the line sits in: its left and right edges are the measure against which
   * indentation and line fill are judged. Set with the box (by reading-order). */
  float column_x1, column_x2;
} RectoLine;

typedef struct
{
  guint index; /* 0-based position in the document */
  double width, height; /* 0 when the source has no geometry */
  char *label; /* the PDF page label, or NULL */
  char *printed_number; /* the number printed on the page, once a stage has found it */
  GArray *chars; /* gunichar, one per glyph */
  GArray *boxes; /* RectoBox, one per glyph */
  GArray *spans; /* RectoSpan, covering the glyphs in order */
  GPtrArray *lines; /* RectoLine*, in reading order */
  /* Where the page draws images (RectoBox), as far as the source says: pdf-source lists them
   * for pages with little or no text, where a scan may hide, and on pages with text those
   * under half the page, where a line of text may be drawn as an image. */
  GArray *images;
  /* RectoRecoveredGlyph, sorted by glyph, NULL when none: see recto-recovery.h. */
  GArray *recovered;
  /* 0, or where most of the page's text runs turned a quarter (a table turned to fit a page in
   * portrait): -1 when it reads up the page, 1 down. The source then gives the page in the
   * reader's frame, its text upright: width and height swapped, every box (glyphs, images) and
   * every drawing of it turned (recto_page_printed_box() turns a box back). */
  int turn;
} RectoPage;

typedef struct
{
  guint level; /* 1 = top level */
  char *title;
  int page; /* 0-based page index, -1 when unknown */
} RectoOutlineEntry;

RectoDocument *recto_document_new (void);
void recto_document_free (RectoDocument *doc);

/* Returns a copy of @string that lives as long as @doc; equal strings give the same pointer. */
const char *recto_document_intern (RectoDocument *doc, const char *string);

/* Provenance, set by the core before the pipeline runs. */
void recto_document_set_source (RectoDocument *doc, const char *name, const char *sha256,
                                guint64 size);
const char *recto_document_get_source_name (const RectoDocument *doc);
const char *recto_document_get_source_sha256 (const RectoDocument *doc);
guint64 recto_document_get_source_size (const RectoDocument *doc);

/* Document metadata (title, author, …) as key/value text, kept in insertion order. Setting a
 * key again replaces its value; a NULL or empty @value is ignored. */
void recto_document_set_metadata (RectoDocument *doc, const char *key, const char *value);
const char *recto_document_get_metadata (const RectoDocument *doc, const char *key);
guint recto_document_get_n_metadata (const RectoDocument *doc);
void recto_document_get_metadata_nth (const RectoDocument *doc, guint i, const char **key,
                                      const char **value);

void recto_document_add_outline_entry (RectoDocument *doc, guint level, const char *title,
                                       int page);
guint recto_document_get_n_outline_entries (const RectoDocument *doc);
const RectoOutlineEntry *recto_document_get_outline_entry (const RectoDocument *doc, guint i);

/* Pages. */
RectoPage *recto_document_add_page (RectoDocument *doc, double width, double height,
                                    const char *label);
guint recto_document_get_n_pages (const RectoDocument *doc);
RectoPage *recto_document_get_page (const RectoDocument *doc, guint index);

/* Appends @length glyphs to @page as one span. @boxes may be NULL (no geometry). */
void recto_page_add_span (RectoDocument *doc, RectoPage *page, const char *font, float size,
                          guint32 flags, const gunichar *chars, const RectoBox *boxes,
                          guint length);
/* Appends a line; @box may be NULL. The returned line is owned by the page. */
RectoLine *recto_page_add_line (RectoPage *page, const char *text, const RectoBox *box);
/* Records an image drawn on @page at @box. */
void recto_page_add_image (RectoPage *page, const RectoBox *box);
/* Removes every line of @page (a stage that rebuilds lines calls this first). */
void recto_page_clear_lines (RectoPage *page);
/* The type size that most characters of the body lines are set in (the body text's size), or 0
 * when the source gives no sizes. */
float recto_document_get_body_size (const RectoDocument *doc);
/* The font that most characters of the body lines are set in (interned), or NULL. Each of these
 * two calls counts every body line of the document (the roles change from stage to stage): call
 * them once in a stage, not once per line. */
const char *recto_document_get_body_font (const RectoDocument *doc);
/* @box (in @page's frame) on the page as printed: itself unless the page is turned. */
RectoBox recto_page_printed_box (const RectoPage *page, const RectoBox *box);
/* @box, on a page of @width × @height points as printed, in the frame of that page turned
 * @turn quarters (RectoPage.turn). */
RectoBox recto_box_turn (const RectoBox *box, int turn, double width, double height);

/* The index of the span that holds glyph @glyph, or -1. */
int recto_page_find_span (const RectoPage *page, guint glyph);

/* The stages the pipeline ran, in order, with each option's value as text (secret options
 * appear as "***"). Set by the core; the sink writes them into the header. */
guint recto_document_get_n_stages (const RectoDocument *doc);
const RectoStageInfo *recto_document_get_stage (const RectoDocument *doc, guint i,
                                                const char *const **option_values);

/* ---- The logical layer ---- */

typedef enum
{
  RECTO_BLOCK_BODY, /* the root; one per document */
  RECTO_BLOCK_DIV, /* type: "chapter", "section", …; level */
  RECTO_BLOCK_HEAD, /* level; n: its numbering ("一、", "1.2") when known */
  RECTO_BLOCK_P,
  RECTO_BLOCK_FIGURE, /* holds a HEAD (the caption) */
  RECTO_BLOCK_LIST,
  RECTO_BLOCK_ITEM,
  RECTO_BLOCK_NOTE, /* type: "footnote", … */
  RECTO_BLOCK_FW, /* type: "header", "footer", "pageNum", "invisible" */
  RECTO_BLOCK_PB, /* n: printed page number, may be NULL; page: the page it opens */
  RECTO_BLOCK_GAP, /* type: the reason; n: the extent as text */
  RECTO_BLOCK_TEXT, /* text: a run of characters inside its parent */
  RECTO_BLOCK_LB, /* a line break inside a word; n: the hyphen the line break added, if any */
  RECTO_BLOCK_AB, /* type: what the block is, e.g. "fragment" (text surviving from lost text) */
  RECTO_BLOCK_REG, /* text: a regularised form of its one TEXT child, the source's text */
  RECTO_BLOCK_TABLE, /* rows, after its captions (HEAD) and before its notes (NOTE) */
  RECTO_BLOCK_ROW, /* type: "label" for a header row; its cells */
  RECTO_BLOCK_CELL, /* type: "label" for a header or label cell; cols, rows: its spans */
} RectoBlockKind;

typedef struct _RectoBlock RectoBlock;

typedef struct
{
  guint page; /* 0-based page index */
  RectoBox box; /* meaningful only when has_box */
  gboolean has_box;
  const RectoLine *line; /* the line of that page, when the block was built from one */
} RectoSourceRef;

typedef struct
{
  const char *stage; /* interned stage name */
  const char *kind; /* one of the stage's declared RectoRepairKind ids */
  char *detail; /* optional human-readable detail, or NULL */
} RectoRepair;

/* Read the fields freely; change the tree only through the functions below. */
struct _RectoBlock
{
  RectoBlockKind kind;
  RectoBlock *parent; /* NULL for the body and for detached blocks */
  GPtrArray *children; /* RectoBlock*, NULL until the first child */
  char *text; /* RECTO_BLOCK_TEXT only */
  const char *type; /* interned, or NULL */
  char *n; /* or NULL */
  int level;
  int page; /* RECTO_BLOCK_PB: the page index it opens; otherwise -1 */
  const char *stage; /* interned name of the stage that created the block */
  GArray *sources; /* RectoSourceRef, NULL when none */
  GPtrArray *repairs; /* RectoRepair*, NULL when none */
  /* Typography of the first source line added with recto_block_add_line() (NULL and 0 when
   * unknown), and whether every line added was bold: what heading detection reads. */
  const char *font; /* interned */
  float size;
  guint32 flags;
  gboolean all_bold;
  /* RECTO_BLOCK_CELL: how many columns and rows the cell spans (0 counts as 1). */
  guint cols, rows;
};

RectoBlock *recto_document_get_body (RectoDocument *doc);

/* Creates a detached block owned by @doc, recorded as made by the running stage. */
RectoBlock *recto_block_new (RectoDocument *doc, RectoBlockKind kind);
/* Creates a block and appends it to @parent. */
RectoBlock *recto_block_append (RectoDocument *doc, RectoBlock *parent, RectoBlockKind kind);
/* Appends @text (of @length bytes, or -1) as the last TEXT child of @block, merging it with a
 * TEXT child already last. */
void recto_block_append_text (RectoDocument *doc, RectoBlock *block, const char *text,
                              gssize length);
/* The length in bytes of @block's text (0 without text): constant time for the TEXT block last
 * grown by recto_block_append_text(), so that a stage building a long paragraph can look at its
 * end at every line. */
gsize recto_block_get_text_length (RectoDocument *doc, const RectoBlock *block);
/* Moves @child (detached or not) to @parent at @index (-1 appends). */
void recto_block_insert (RectoBlock *parent, RectoBlock *child, int index);
/* @block's position among its parent's children, or -1 when it is detached. */
int recto_block_get_index (const RectoBlock *block);
/* Puts a new block of @kind in @block's place, made by the running stage, and moves @block's
 * children, sources, typography and repairs into it; @block is left detached and empty.
 * Returns the new block (a paragraph that turns out to be a heading, say). */
RectoBlock *recto_block_replace (RectoDocument *doc, RectoBlock *block, RectoBlockKind kind);
/* Moves the first @length bytes of @block's text, which must lie inside its first child (a
 * TEXT block), into a new block of @kind inserted just before @block, with @block's first
 * source and typography. Returns the new block (a heading run into its paragraph, say). */
RectoBlock *recto_block_split_off (RectoDocument *doc, RectoBlock *block, gsize length,
                                   RectoBlockKind kind);
/* Regularises @length bytes at @offset of the TEXT block @text (a whole number of characters):
 * they move into a new REG block, which keeps them as the original and holds @regularised as
 * the form to read (TEI: <choice><orig>…</orig><reg>…</reg></choice>), so no character of the
 * source is lost. Text after the range moves into a new TEXT block after the REG block.
 * Returns the REG block, on which the running stage marks its repair. The text of the parent
 * (recto_block_get_text()) stays the original. */
RectoBlock *recto_block_regularize (RectoDocument *doc, RectoBlock *text, gsize offset,
                                    gsize length, const char *regularised);
/* Detaches @block from its parent; it stays owned by the document. */
void recto_block_unlink (RectoBlock *block);
void recto_block_set_type (RectoDocument *doc, RectoBlock *block, const char *type);
void recto_block_set_n (RectoBlock *block, const char *n);
void recto_block_add_source (RectoBlock *block, guint page, const RectoBox *box);
/* Adds @line of @page as a source of @block and folds in its typography (size, flags). */
void recto_block_add_line (RectoBlock *block, const RectoPage *page, const RectoLine *line);
guint recto_block_get_n_children (const RectoBlock *block);
RectoBlock *recto_block_get_child (const RectoBlock *block, guint i);
/* The text of @block's TEXT descendants, concatenated (fw, pb, note and gap excluded).
 * Free with g_free(). */
char *recto_block_get_text (const RectoBlock *block);

/* Records that the running stage repaired @block in the way @kind names. @kind must be one of
 * the running stage's declared repair kinds (a programming error otherwise). */
void recto_block_mark_repair (RectoDocument *doc, RectoBlock *block, const char *kind,
                              const char *detail_format, ...) G_GNUC_PRINTF (4, 5);
/* How many repairs of @kind (or of every kind when NULL) @stage (or every stage when NULL) made.
 * Every kind: glyphs whose character the stage recovered (recto-recovery.h) count too. */
guint recto_document_count_repairs (const RectoDocument *doc, const char *stage, const char *kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RectoDocument, recto_document_free)

G_END_DECLS
