/* lost-numbers.h: headings whose number an extraction lost, found by the gap they leave in
 * their siblings' numbering ("（一）", a line without a number, "（三）"). */
#pragma once

#include <recto/recto.h>

/* Looks through @body's children for numbered headings (@heads, with their @schemes) whose
 * sibling numbering skips exactly one number, and makes the text-only block between them that
 * reads like a heading into the missing one: a short CJK line that is not a sentence, joined
 * with the line after it that completes it (text-tails.h). Found headings are appended to @heads
 * and
 * @schemes, marked "lost-number" (their number is not invented: they get no @n). */
void lost_numbers_find (RectoDocument *doc, RectoBlock *body, GPtrArray *heads, GArray *schemes);

/* The value of a heading label ("（三）" 3, "十二、" 12, "3." 3, "1.2" 1), or 0. */
guint heading_label_value (const char *label);
