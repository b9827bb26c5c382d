/* page-reader.h: one page's text layer, read out of Poppler into plain memory.
 *
 * Reading a page (page_text_read) touches only Poppler and the PageText, so pages can be read
 * on worker threads, each with its own PopplerDocument and TextLayer; adding the page to the
 * document (page_text_add) interns and warns, so it happens on the calling thread, in page
 * order. */
#pragma once

#include <poppler.h>

#include <recto/recto.h>

#include "text-layer.h"

/* Glyphs of the page sharing Poppler's text attributes. */
typedef struct
{
  const char *font; /* in the PageText's font chunk; NULL when Poppler did not say */
  const char *full_name; /* the font's name with its subset tag, in the chunk too; or NULL */
  float size;
  guint32 flags; /* RectoFontFlags */
  guint length; /* glyphs, following the previous run's */
} PageRun;

typedef struct
{
  gboolean read; /* FALSE until page_text_read() has run */
  int index; /* the page's 0-based index in the PDF */
  gboolean readable; /* FALSE when Poppler could not give the page */
  /* RectoPage.turn: where most glyphs are drawn turned a quarter, the page is given in the
   * frame of its text upright (width, height and boxes turned). */
  int turn;
  double width, height;
  char *label;
  GArray *chars; /* gunichar, one per glyph: Poppler's line ends are left out */
  GArray *boxes; /* RectoBox, one per glyph */
  GArray *hidden; /* guint8, one per glyph: whether the page shows it (TextHidden) */
  GArray *runs; /* PageRun, covering the glyphs in order */
  GStringChunk *fonts; /* the runs' font names: Poppler's are freed with its attributes */
  GArray *images; /* RectoBox: the page's images, looked for on pages with little text and on
                   * a sample of the others; on the rest, those under half the page
                   * (page-reader.c) */
  /* More characters than page_text_read() was allowed: how many; the glyphs are not read. */
  glong too_many_chars;
} PageText;

/* Reads page @index of @document into @text, which must be zeroed or cleared: its size, label
 * and images from @document, its glyphs from @layer (the same PDF). A page of more than
 * @max_chars characters is not read further than counting them (a decompression bomb's boxes
 * and attributes would take ten times its text's memory): too_many_chars says so. */
void page_text_read (PageText *text, PopplerDocument *document, TextLayer *layer, int index,
                     glong max_chars);

/* Adds @text to @doc as its next page, with the warnings reading it called for; notes in
 * @span_names the spans set in one of several fonts of one name on the page
 * (font_subsets_note_span()). Returns the page. */
RectoPage *page_text_add (const PageText *text, RectoDocument *doc, RectoStageContext *ctx,
                          GHashTable *span_names);

/* Whether @text's glyphs lie on an image that covers half its page or more: a scan under its
 * text layer (an OCR engine's), whose pages all want their images listed. */
gboolean page_text_under_scan (const PageText *text);
/* Lists the images of @page (added without them) from page @page->index of @document. */
void page_images_add (RectoPage *page, PopplerDocument *document);

/* Frees what @text holds and zeroes it. */
void page_text_clear (PageText *text);
