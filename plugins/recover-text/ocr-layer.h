/* ocr-layer.h: checks the text a page lays over a scan, and re-reads it where it is wrong.
 *
 * A page whose text lies on an image covering half of it or more is a scan under a text layer
 * an OCR engine made, most often invisible (render mode 3) — or a born-digital page over a
 * background picture, whose text is good. poppler-glib does not say whether text is drawn, so
 * OCR decides: up to SAMPLE_PAGES such pages are drawn whole and read, and each glyph is paired
 * with the symbol read where it stands (the glyph's centre in the symbol's box and the symbol's
 * in the glyph's). Where more than a twentieth of the paired glyphs disagree — several times
 * what OCR misreads on a clean print — the layer was misread: every such page is read, and a
 * glyph whose reading disagrees, was read surely and fits its neighbours at least as well
 * ("2016", not "2O16"; a common word, not a stray ideograph) takes the reading, marked, the
 * layer's character kept as its original. Every other character of the layer stays. */
#pragma once

#include "font-survey.h"
#include "ocr-pool.h"

typedef struct
{
  guint pages; /* pages whose text lies over a scan */
  guint read; /* of them, pages read by OCR */
  guint paired; /* glyphs paired with a symbol read where they stand */
  guint disagreed; /* of them, glyphs whose reading disagrees with their character */
  guint replaced; /* glyphs that took their reading */
  gboolean misread; /* the layer was found misread */
} OcrLayerReport;

/* Whether some page of @doc lays text over a scan. */
gboolean ocr_layer_present (RectoDocument *doc);

/* Checks the text over the scans of @doc (read at @dpi on @pool's engines, pages larger than
 * @max_pixels left out) and, when it was misread, replaces the characters OCR reads surely
 * (at least @min_certainty) and better. Fonts of @surveys without a usable map are left to
 * font learning. Records a font check for each font of a misread layer (their surveys' @layer
 * set, so that they are not recorded good). */
void ocr_layer_check (RectoDocument *doc, GArray *surveys, OcrPool *pool, guint dpi,
                      guint64 max_pixels, float min_certainty, OcrLayerReport *report);
