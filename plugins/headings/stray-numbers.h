/* stray-numbers.h: a heading's lines opened by the numbers of the column beside it. An
 * extraction made like the seed keeps a page's text in rows across both columns and drops the
 * body font's words, so a heading in the right column can share its line with the numbers (set
 * in a Latin font) that survive of the left column's sentence on that row: "2019 5 （二）“民生
 * 实事票决" over "211 制”让基层治理效能提升。". Those numbers are no part of the heading. */
#pragma once

#include <recto/recto.h>

/* In @block, a paragraph of a text without typography at @index of @body, whose lines (two at
 * least: a heading wrapped beside two rows of the other column) each open with a run of number
 * tokens (a digit in each, no CJK, each followed by a space), the first line's before a
 * heading's number and words, a later line's before its words, moves each run into a paragraph
 * of its own inserted before @block (in order: the numbers of lost sentences, which the other
 * stages keep as such) and leaves the rest of the text in @block, marked "stray-numbers".
 * Returns how many paragraphs it inserted: 0, with nothing changed, when a line has no such
 * run or @block's text is not its lines' own. (One line of numbers and a heading's words is as
 * well a row of a table: "171,915,169 一、一般公共服务支出".) */
guint stray_numbers_split (RectoDocument *doc, RectoBlock *body, guint index);
