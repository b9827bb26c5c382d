/* invisible-lines.h: lines the page does not show, kept apart from the body. */
#pragma once

#include <recto/recto.h>

/* Gives every line of @doc whose glyphs are all RECTO_FONT_INVISIBLE (drawn without ink where
 * no image lies under them, cut away by a clip, or painted over: the source says which) the role RECTO_LINE_INVISIBLE, which the
 * paragraph stage writes as <fw type="invisible">, and warns how many characters on which
 * pages. Call before anything is measured from the lines: such a line at a page's edge is not
 * the edge's first line. */
void invisible_lines_mark (RectoDocument *doc, RectoStageContext *ctx);
