/* recto-recovery.h: text recovered where the source's text layer failed.
 *
 * Two kinds of damage leave a PDF's text layer without the characters a reader sees:
 *  - a font with no usable Unicode map: Poppler hands over each glyph's code (a control
 *    character, a private-use code point, a Latin-1 letter…) instead of its character. The code
 *    is consistent across the volume, so it stands for the glyph: a stage that learns the
 *    font's code → character map (a RectoFontMap) decodes every glyph of that font;
 *  - a page with no text layer at all (a scan): its glyphs are read from the page image.
 *
 * A recovering stage rewrites the glyphs' characters in the physical layer, before lines are
 * built, so every later stage works on real text. It records each glyph it changed with
 * recto_page_mark_recovered() (keeping the code the source gave, so nothing is lost) and each
 * font map with recto_document_add_font_map(); the sink marks the recovered text and declares
 * each map in the TEI header.
 *
 * Page images: a source that can draw its pages (pdf-source) installs a renderer with
 * recto_document_set_renderer(); stages ask for grey images of page areas with
 * recto_document_render(). Calls are serialised by the core, so any thread may ask. */
#pragma once

#include <recto/recto-document.h>

G_BEGIN_DECLS

/* A glyph whose character a stage recovered. */
typedef struct
{
  guint glyph; /* index in the page's glyph arrays */
  gunichar original; /* the character the source gave (the glyph's code); 0: the glyph was
                      * read from the page image, the source had no text for it */
  float certainty; /* 0 to 1; 0 with the character unchanged: could not be recovered */
  const char *stage; /* interned name of the stage that recovered it */
} RectoRecoveredGlyph;

/* Records that the running stage set the character of glyph @glyph of @page (the caller
 * writes page->chars itself); @original is the character it had. Marking a glyph again
 * replaces its record. */
void recto_page_mark_recovered (RectoDocument *doc, RectoPage *page, guint glyph,
                                gunichar original, float certainty);
/* Inserts before glyph @at of @page a glyph the source drew but gave no text for (Poppler
 * drops glyphs whose code reads as a tab or line feed), with the character @c read for it, into
 * the span of the glyph before it; marks it recovered with no original. Only before lines are
 * built (their glyph indices would move). */
void recto_page_insert_recovered (RectoDocument *doc, RectoPage *page, guint at, gunichar c,
                                  const RectoBox *box, float certainty);
/* Joins glyph @at + 1 of @page into glyph @at (both of one span): the two become one glyph
 * over both boxes, with the character @c, marked recovered from @original (a multi-byte
 * character the source gave as two single-byte glyphs, its bytes high byte first). Only before
 * lines are built (their glyph indices would move). */
void recto_page_join_recovered (RectoDocument *doc, RectoPage *page, guint at, gunichar c,
                                gunichar original, float certainty);
/* The record of glyph @glyph of @page, or NULL when it was not recovered. */
const RectoRecoveredGlyph *recto_page_get_recovered (const RectoPage *page, guint glyph);
/* How many glyphs of @page were recovered. */
guint recto_page_get_n_recovered (const RectoPage *page);

/* One code of a font map. */
typedef struct
{
  gunichar code; /* the character the source gives for the glyph */
  gunichar character; /* the character learned for it; 0 when none could be */
  float certainty; /* 0 to 1 */
  guint occurrences; /* glyphs with this code in the document */
  guint readings; /* glyphs with this code that were read from the image */
  /* the character was read from the document's own good text (the same passage set in a font
   * with a map), not from OCR's readings alone */
  gboolean from_context;
  /* the character was read from the glyph's shape: it matches the glyphs of that character
   * drawn by the document's fonts with a good map */
  gboolean from_shape;
  /* no character: OCR read this code as the character of another code of the font, this one,
   * whose glyph is drawn otherwise and was read more often; 0 when not so */
  gunichar twin;
} RectoGlyphMapping;

/* A font's learned code → character map. */
typedef struct
{
  const char *font; /* interned font name */
  const char *stage; /* interned name of the stage that learned it */
  char *method; /* one sentence: how the map was learned, for the TEI header */
  GArray *mappings; /* RectoGlyphMapping, sorted by code */
  /* NULL for a learned map; for a decoding, the encoding its codes were decoded in (a code is
   * then the bytes of one character, high byte first: 0xB9D8 for the bytes B9 D8) */
  const char *encoding;
} RectoFontMap;

/* Records the running stage's map for @font; @mappings are copied and sorted by code. */
void recto_document_add_font_map (RectoDocument *doc, const char *font, const char *method,
                                  const RectoGlyphMapping *mappings, guint n_mappings);
/* Records that the running stage decoded @font's bytes in @encoding ("GBK"…): the same as a
 * map, whose codes are byte sequences. */
void recto_document_add_font_decoding (RectoDocument *doc, const char *font,
                                       const char *encoding, const char *method,
                                       const RectoGlyphMapping *mappings, guint n_mappings);
guint recto_document_get_n_font_maps (const RectoDocument *doc);
const RectoFontMap *recto_document_get_font_map (const RectoDocument *doc, guint i);
/* The mapping of @code in @map, or NULL. */
const RectoGlyphMapping *recto_font_map_lookup (const RectoFontMap *map, gunichar code);

/* What a stage found a font's text layer to be, checked against the glyphs it draws. */
typedef enum
{
  RECTO_FONT_GOOD, /* its characters are what it draws */
  RECTO_FONT_MISSING_MAP, /* no usable Unicode map: its glyphs carry codes, not characters */
  RECTO_FONT_WRONG_MAP, /* its map gives characters other than the ones it draws */
  RECTO_FONT_MOJIBAKE, /* multi-byte text (GBK, Big5…) shown through a single-byte font */
  RECTO_FONT_BAD_OCR_LAYER, /* an invisible OCR text layer over a scan, misread */
  RECTO_FONT_NO_TEXT_LAYER, /* pages drawn as images, read by OCR (no font) */
  RECTO_FONT_UNKNOWN, /* could not be checked (the source cannot draw its pages…) */
} RectoFontVerdict;

/* One font's check: its verdict, how it was reached and repaired, and what became of its
 * glyphs. The counts are glyphs. */
typedef struct
{
  const char *font; /* interned; NULL for pages without a text layer */
  const char *stage; /* interned name of the stage that checked it */
  RectoFontVerdict verdict;
  char *method; /* one sentence, for the TEI header */
  guint glyphs; /* glyphs of the font (not white space) */
  guint sampled; /* distinct codes whose glyphs were compared with OCR */
  guint disagreed; /* of them, codes whose text disagreed with their glyphs */
  guint recovered; /* glyphs given a character their code did not carry (learned map) */
  guint redecoded; /* glyphs whose bytes were decoded again in another encoding */
  guint reread; /* glyphs read from the page image (scans, glyphs drawn without text) */
  guint replaced; /* glyphs whose valid-looking character was replaced (wrong map) */
  guint unasserted; /* glyphs left without a character: not certain enough */
  guint from_context; /* of recovered and replaced, glyphs whose character came from the
                       * document's good text (RectoGlyphMapping.from_context) */
  guint from_shape; /* of recovered and replaced, glyphs whose character came from their shape
                     * (RectoGlyphMapping.from_shape) */
} RectoFontCheck;

/* The verdict's name, as the TEI header writes it ("good", "missing-map"…). */
const char *recto_font_verdict_name (RectoFontVerdict verdict);
/* Records the running stage's check of a font; @check is copied (its method too), its stage
 * set to the running stage. */
void recto_document_add_font_check (RectoDocument *doc, const RectoFontCheck *check);
guint recto_document_get_n_font_checks (const RectoDocument *doc);
const RectoFontCheck *recto_document_get_font_check (const RectoDocument *doc, guint i);

/* An 8-bit grey image: 0 is black, 255 white; rows of @stride bytes, top row first. */
typedef struct
{
  guint width, height;
  gsize stride;
  guint8 *pixels;
} RectoImage;

RectoImage *recto_image_new (guint width, guint height);
void recto_image_free (RectoImage *image);
/* @image turned a quarter: clockwise when @turn is negative (text that reads up the page comes
 * out upright), else counter-clockwise. */
RectoImage *recto_image_turn (const RectoImage *image, int turn);

/* Draws @area (PDF points, page coordinates) of page @page at @scale pixels per point.
 * Returns NULL with @error set when it cannot. */
typedef RectoImage *(*RectoRenderFunc) (gpointer data, guint page, const RectoBox *area,
                                        double scale, GError **error);

/* Installs the source's renderer; @destroy frees @data with the document. */
void recto_document_set_renderer (RectoDocument *doc, RectoRenderFunc render, gpointer data,
                                  GDestroyNotify destroy);
gboolean recto_document_can_render (const RectoDocument *doc);
/* Renders through the source's renderer. Without one: NULL and RECTO_ERROR_FAILED. A page drawn
 * whole is kept (packed; up to 48 MB a document) and given again to a call for the same page,
 * area and scale without being drawn again. */
RectoImage *recto_document_render (RectoDocument *doc, guint page, const RectoBox *area,
                                   double scale, GError **error);

/* The identity of the font object whose glyph codes the span starting at glyph @first of page
 * @page, in font @font (as RectoSpan.font names it), uses, where one font name stands for
 * several objects (subsets numbering their glyphs each its own way): an interned-able string,
 * or @font itself. */
typedef const char *(*RectoSubsetFunc) (gpointer data, guint page, guint first, const char *font);

/* Installs the source's subset finder; @destroy frees @data with the document. It is asked only
 * through recto_document_find_subsets(): telling the subsets apart may cost a scan of the whole
 * source, which a document with nothing to repair never needs. */
void recto_document_set_subset_finder (RectoDocument *doc, RectoSubsetFunc find, gpointer data,
                                       GDestroyNotify destroy);
/* Sets every span's subset through the source's finder (the first call only; under the
 * renderer's lock). Returns whether some span's subset is not its font's name. */
gboolean recto_document_find_subsets (RectoDocument *doc);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RectoImage, recto_image_free)

G_END_DECLS
