/* ink-weight.h: lines set in a bold that no font name tells. Word processors embolden a face
 * that has no bold (宋体, 仿宋, 楷体, 黑体) by stroking the glyphs' outlines as well as filling
 * them (text render mode 2): the font is the body's, and only the page's picture shows the
 * weight. So does a volume set in Type 3 fonts without a name, its bold face one of them:
 * Poppler calls every such font "Default", and only the glyphs' shapes differ. A line is
 * heavier than the body when its strokes, measured on the rendered page, are clearly wider than
 * those of the body lines set in the same font and size on its page. */
#pragma once

#include <recto/recto.h>

typedef struct _InkWeight InkWeight;

InkWeight *ink_weight_new (RectoDocument *doc);
void ink_weight_free (InkWeight *weight);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (InkWeight, ink_weight_free)

/* Whether every line of @block (at most a few) is drawn heavier than the body lines in its font
 * and size on its page. FALSE without a renderer, without such body lines to compare (counted
 * before a page is drawn), for a block already set in a bold face, or for a type whose first
 * lines asked about were none heavier (ink-weight.c: SETTLED_LINES). */
gboolean ink_weight_is_heavier (InkWeight *weight, const RectoBlock *block);
