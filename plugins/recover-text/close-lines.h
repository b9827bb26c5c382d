/* close-lines.h: a row's image without the lines set close above and below it.
 *
 * OCR reads a line's letters with the edges of its neighbours' where lines are set closer than
 * their glyphs' boxes are tall: vol511-lost-body-text's "earlier", under the descenders of
 * "temporary", read "eariier" (the "l" took a descender's tip for an "i"'s dot), and every
 * reading of a letter so spoiled is a vote or a glyph recovered wrong. */
#pragma once

#include "text-rows.h"

/* Whitens in @image, @area of @row's frame drawn at @scale pixels per point, the lines of @page
 * whose glyphs' boxes reach into the row's band from above or below (their middles outside
 * it), as far across as those glyphs go: the image beyond the band, and in the band, as far as
 * their boxes reach, the ink cut off so, which alone would read as a quotation mark or a dot.
 * The glyphs of the line above that a source drew without text have no box, but stand among
 * those that have, and go with them. Boxes that reach over more than a quarter of the band (a
 * Type 3 font's, taller than its ink) are no measure: that side is left as drawn, but for the
 * glyphs an em or more beside the row's, another column's lines on other baselines. An image a
 * rule crosses from top to bottom (a row of a table's grid, whose rules, cut, read as brackets)
 * is left as drawn. */
void close_lines_clear (const TextRow *row, const RectoPage *page, const RectoBox *area,
                        double scale, RectoImage *image);
