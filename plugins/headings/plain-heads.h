/* plain-heads.h: numbered headings set in the body's own type (公文, GB/T 9704: levels 3 and 4,
 * "1." and "（1）", in the body's 仿宋, neither bold nor larger). */
#pragma once

#include <recto/recto.h>

/* The numbering scheme of the block at @at of @body if it is a heading in the body's type, or
 * RECTO_NUMBERING_NONE; its label in @label. Such a heading is one short line standing alone
 * (it stops short of its column's end), numbered, not a sentence (no closing stop), followed by
 * a block that is not numbered in its scheme (a run of short numbered lines is a list), and
 * continuing its scheme's numbering: @last_value holds the value of the last heading of each
 * scheme (0 for none since a heading of a higher scheme). */
RectoNumbering plain_heading_numbering (RectoBlock *body, guint at, const guint *last_value,
                                        char **label);
