/* text-tails.h: the rest of a heading that a text without typography (a plain-text extraction)
 * wrapped onto a line of its own. The paragraph stage joins a text's line to the next only where
 * the next word would not have fitted the text's measure; where a page sets its text narrower
 * (two columns), a heading's wrapped rest is left a block of its own, and so is a heading's
 * short last line where an extraction put blank lines between every line. */
#pragma once

#include <recto/recto.h>

#include "body-window.h"

/* Joins the block after @head (at @index of @body) onto it when it is @head's wrapped rest:
 * text-only lines that read as a heading's words (CJK, no digits, no number of their own), and
 * either
 * - @head's last line was full: the widest line of words among the other blocks of its page near
 *   it (the page's measure) would not have held it with the rest's first word and a first-line
 *   indent, and it is no wider than that measure with an indent; no line of the rest is wider
 *   than it with an indent, and the rest's last line is short of the measure or closes the
 *   heading with a stop;
 * - or the rest is a scrap of a line, no wider than @head's last line and at most a third of the
 *   page's measure, that ends no sentence, and no new report follows (@scheme, the heading's
 *   numbering scheme: a report's first heading of that scheme or a higher one comes next, and
 *   the short line may be its title); RECTO_NUMBERING_NONE asks no such question;
 * - or the rest is that block and the next, a line each, the first full at the page's measure or
 *   setting it where the page shows no line as wide: neither @head's last line nor it would have
 *   held the next line's first word, and the second is short or closes the heading.
 * @window is the stage's body window, or NULL once every block is back in @body. Marks the
 * join "rejoin-heading" and returns whether it did. */
gboolean heading_take_tail (RectoDocument *doc, RectoBlock *body, BodyWindow *window,
                            RectoBlock *head, guint index, RectoNumbering scheme);

/* Joins onto @head (at @index of @body), whose last line was full and which heading_take_tail()
 * found no rest for, the line of words that an extraction in stream order set before it, across
 * at most two lines of numbers only (the rows of the column beside): "过程人民民主发展方向",
 * "627 98.4%", "二、坚持一个原则，把牢全". It is one line that reads as a heading's rest as
 * heading_take_tail() asks, which the full line needs (the page's measure would not have held
 * the rest's first word after it), and a line of numbers stands before it too. The caller asks
 * only for a heading that goes on from its sibling numbered one less before it, so that no
 * report begins between them (whose title the line would be). Marks the join "rejoin-heading"
 * and returns whether it did: @head's index in @body is one less then. */
gboolean heading_take_rest_before (RectoDocument *doc, RectoBlock *body, BodyWindow *window,
                                   RectoBlock *head, guint index);
