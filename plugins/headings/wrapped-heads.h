/* wrapped-heads.h: a heading wrapped onto a line that the paragraph stage took apart from it (a
 * short centred second line, "第三部分……情况" over "说明"; or one indented under a hanging
 * number). */
#pragma once

#include <recto/recto.h>

#include "ink-weight.h"

/* Whether @next is the rest of the heading @head, wrapped: set as @head is (the same font and
 * size, bold where it is bold, drawn heavier than the body where it is, @weight tells), on the
 * same page, its first line at most one and a half sizes below the heading's last, which fills
 * most of its column, shorter than that line, at most two lines, and not numbered. */
gboolean wrapped_heading_continues (const RectoBlock *head, const RectoBlock *next,
                                    InkWeight *weight);

/* Whether @block is nothing but a heading's number ("1.5.", "1.4", "（一）", "一、"), and @next,
 * its title, begins on the same line just right of it (within three of the number's sizes): the
 * two were taken apart at the wide gap between number and title. */
gboolean number_beside_title (const RectoBlock *block, const RectoBlock *next);
