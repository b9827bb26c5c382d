/* font-subsets.h: which font object a page's text is set in, where one font name stands for
 * several.
 *
 * A PDF made of parts (pages assembled from other files, chapters from separate sources) may
 * hold several subsets of one font: "IVCDEE+FZHTK" on one page, "BVCDEE+FZHTK" on another, each
 * numbering its glyphs in its own way, so that one code means one character in the first and
 * another in the second. Poppler names a run of text by its font's name without the subset tag,
 * and gives no other handle on the font; recover-text learns each font's code → character map
 * and must not pool the codes of different subsets. The fonts of each page's resources, in the
 * order Poppler's font scanner first meets them, tell the subsets apart: a run's font is the
 * subset of its name that the latest page up to its own introduced. A name that stands for one
 * font only keeps its plain name.
 *
 * The scan costs a good third of reading a clean volume's text (0.28 s of CPU for the 83 fonts
 * of a 418-page volume), so it runs only when a stage asks (recto_document_find_subsets():
 * recover-text, when it finds a font to repair), never on a document with nothing broken. */
#pragma once

#include <poppler.h>
#include <recto/recto.h>

typedef struct _FontSubsets FontSubsets;

/* Scans the fonts of @document page by page; NULL when no font name stands for several
 * fonts (the usual case: nothing to tell apart). */
FontSubsets *font_subsets_scan (PopplerDocument *document);
/* The identity of the font named @font (as Poppler's text attributes name it, without its
 * subset tag) on 0-based page @page: the subset's full name, with the page that introduced it
 * when that name too is shared ("RCMGMI+FzBookMaker1DlFont1, page 6"); @font itself when its
 * name stands for one font, or when the page's subset cannot be told. */
const char *font_subsets_lookup (const FontSubsets *subsets, int page, const char *font);
void font_subsets_free (FontSubsets *subsets);

/* @name without a subset tag ("ABCDEF+"), as RectoSpan.font names a font. */
const char *font_subsets_plain_name (const char *name);

/* The full names of spans that the scan cannot tell apart: where one page holds several fonts of
 * one name (cairo sets a font's ASCII in a WinAnsi subset, "DSJYAJ+UMingCN", and its Han in a
 * CID one, "UXEANG+UMingCN", both first met on that page), each of its spans in those fonts is
 * noted with its own font's full name. */
GHashTable *font_subsets_span_names_new (void);
/* Notes that the span starting at glyph @first of page @page is set in the font @full_name. */
void font_subsets_note_span (GHashTable *span_names, guint page, guint first,
                             const char *full_name);

/* Makes @document's font scan @doc's subset finder (recto_document_set_subset_finder()): the
 * scan runs when a stage first asks; a span noted in @span_names (taken) is its noted font. */
void font_subsets_install (RectoDocument *doc, PopplerDocument *document,
                           GHashTable *span_names);
