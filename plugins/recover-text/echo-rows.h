/* echo-rows.h: rows that repeat an earlier row, code for code.
 *
 * A running footer, a disclaimer or a table's recurring line is drawn the same on every page.
 * Read at the same scale, each copy gives OCR the same image and the same reading: a
 * misreading of the first copy is "confirmed" by the second and counts as two votes. A report's
 * footer "请务必阅读正文之后的免责…", set in its body font without a map, came out
 * "辜务必旋丰区之后的匈黄" at 0.7 to 0.97, every code read twice the same wrong way. An echo is
 * read at ECHO_SCALE times the em pixels instead: a second opinion, which a misreading of the
 * first does not survive (the votes disagree; the code is left a gap), while a reading both
 * scales agree on stands. */
#pragma once

#include "text-rows.h"

/* How much larger than the first copy's an echo's image is drawn. */
#define ECHO_SCALE 1.5

/* Marks the rows of @rows (TextRow) of @doc whose glyphs are those of an earlier row, font for
 * font and code for code (TextRow.echo). Returns how many. */
guint echo_rows_mark (RectoDocument *doc, GArray *rows);
