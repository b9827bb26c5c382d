/* text-layer.h: a page's text layer as Poppler lays it out, every glyph of it.
 *
 * Gives what poppler-glib's poppler_page_get_text(), _get_text_layout() and
 * _get_text_attributes() give, in the same order with the same boxes and attribute runs, but for
 * its line ends and with the glyphs those calls leave out: glyphs of no width at the start of
 * a line (text-layer.cc says why). */
#pragma once

#include <poppler.h>

G_BEGIN_DECLS

typedef struct _TextLayer TextLayer;

/* Whether the page shows a glyph of its text layer, and if not, why. */
typedef enum
{
  TEXT_SHOWN,
  TEXT_INKLESS, /* drawn without ink: render mode 3, or an opacity of 0 */
  TEXT_CLIPPED, /* drawn wholly outside the clip in force */
  TEXT_COVERED, /* painted over by an opaque rectangle drawn after it */
} TextHidden;

/* Opens a Poppler document of its own on @input (held until text_layer_free()), with
 * @password when not NULL. Call after poppler-glib opened @input once (it sets up Poppler's
 * global parameters). Returns NULL when Poppler cannot open it. */
TextLayer *text_layer_open (GBytes *input, const char *password);
void text_layer_free (TextLayer *layer);

/* Reads page @index (0-based) of @layer: its characters, one box each (spaces between words
 * included, boxed from word to word as poppler-glib boxes them), for each whether the page
 * shows it (@hidden: a TextHidden, the same for every glyph of a Poppler word), its attribute runs
 * (PopplerTextAttributes, indexes into the characters, inclusive; free with
 * poppler_page_free_text_attributes()), and in @turned how many of its glyphs of horizontal
 * writing Poppler found drawn at each quarter turn (0 upright; 1 reading down the page, 3 up
 * it). Returns the number of characters, -1 when the page cannot be read; when there are more
 * than @max_chars, returns that number and sets nothing but @turned (to 0). */
glong text_layer_read_page (TextLayer *layer, int index, glong max_chars, gunichar **chars,
                            PopplerRectangle **rects, guint8 **hidden, GList **attributes,
                            glong turned[4]);

/* Whether page @index (0-based) of @layer names among its resources' XObjects (or its forms',
 * a few deep) an image three times as wide as high or more, in its pixels: a strip that may be
 * a line of text (images inline in the content aside). Reads the resources' dictionaries, not
 * the content: far cheaper than listing the page's images, which decodes them. */
gboolean text_layer_page_has_strips (TextLayer *layer, int index);

G_END_DECLS
