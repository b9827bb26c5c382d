/* numbered-lines.h: a heading and the numbered heading below it, which the paragraph stage took
 * for one block (a heading that fills its line, "1 样品电性能指标…", over "1.1 主要性能" at the
 * body's pitch): a later line of a heading that opens with the next number of its scheme, or the
 * first of a scheme nested in it ("1.1" under "1", "（一）" under "一、"), begins another
 * heading, and a second line that opens with a caption's label ("图 1：…", a text's line joined
 * to a heading as wide as its measure) begins a caption; a wrapped title does not begin with
 * that. */
#pragma once

#include <recto/recto.h>

/* If a later line of @block, a paragraph of a few lines that opens with a heading's number
 * (@label, of @numbering), opens another heading so numbered (or, the second, a caption), puts
 * the lines before it into a new paragraph inserted before @block, and the lines from it on
 * into another after that, in @block's place; returns the first (@block is left detached). NULL, with
 * nothing changed, when there is no such line, when @block's text is not its lines' own, or
 * when a stage repaired @block already. */
RectoBlock *numbered_lines_split (RectoDocument *doc, RectoBlock *block, RectoNumbering numbering,
                                  const char *label);
