/* unnumbered.h: headings without a number, told by their type alone. */
#pragma once

#include <recto/recto.h>

#include "body-window.h"
#include "heading-types.h"
#include "ink-weight.h"

/* Whether @block is a heading without a number: short (at most @max_lines, and three), at the
 * body's size (@body) or larger, not a sentence (no closing stop, no lower-case start), not a
 * caption ("Figure 2", "表 1") nor a label and its value ("单位：万元"); and set apart: wholly
 * bold, or drawn heavier than the body (@weight), or set in a type of the volume's numbered
 * headings (@types), or larger than the body by a fifth but no larger than the largest numbered
 * heading (@numbered, from unnumbered_size_cap()) and heading smaller text (@next, the block
 * after it on its page), or larger by @size_ratio, as numbered headings are, and heading a
 * numbered heading set in its type, or one line in italics at the body's size over a paragraph
 * in upright type. */
gboolean unnumbered_heading (const RectoBlock *block, const RectoBlock *next, float body,
                             float numbered, double size_ratio, guint max_lines,
                             const HeadingTypes *types, InkWeight *weight);
/* The size of the largest numbered block of @window (at most two lines, its words outnumbering
 * its figures) set larger than the body (@body) by @size_ratio: a block without a number set
 * larger than that is a title or a cover's line, not a heading. */
float unnumbered_size_cap (BodyWindow *window, float body, double size_ratio);
/* Gives each heading without a number (@unnumbered) the level the numbered headings (@heads)
 * set in the same type have most often, or else one more than the number of heading types set
 * larger (or as large and upright where it is italic). */
void unnumbered_levels (GPtrArray *heads, GPtrArray *unnumbered);
/* Raises each heading without a number (@unnumbered) that stands right over the first heading
 * of a numbered scheme, with nothing between, and no higher than it, to the level above that
 * heading's: it heads the scheme ("歳入歳出予算事項別明細書" over "１ 総括", "２ 歳入" …), not a
 * sibling of its first heading, which a heading with no text of its own would be. Not where
 * that would set it as high as the numbered heading before it, or higher (it would leave the
 * division that heading opens); where it is the top scheme, and no numbered heading stands
 * before, every heading of @body goes a level down first. */
void unnumbered_parents (RectoBlock *body, GPtrArray *unnumbered);
