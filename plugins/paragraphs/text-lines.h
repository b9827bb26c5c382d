/* text-lines.h: measuring lines that have no geometry (plain-text sources), in display
 * columns: a CJK character takes two, anything else one. A hard-wrapped text breaks a line
 * where the next word would not fit the measure; these measures let the paragraph stage tell
 * that break from a paragraph's end. */
#pragma once

#include <recto/recto.h>

/* Whether @c opens a quotation or bracket (and so may not end a line). */
gboolean text_lines_is_opening (gunichar c);

/* The display width of @text, leading white space (an indent) left out. */
guint text_lines_width (const char *text);

/* The display width of what @text starts with that could not be broken (its first word, or
 * its first CJK character with the punctuation that may not start a line), leading white space
 * skipped. */
guint text_lines_first_unit (const char *text);

/* The measure of @doc's text-only body lines: nearly the widest (the 90th percentile of the
 * lines at least three quarters as wide as the widest). */
guint text_lines_measure (RectoDocument *doc);

/* Whether most of @doc's text-only lines are followed by a blank line: an extraction that
 * double-spaces its lines, where a blank line says nothing about paragraphs. */
gboolean text_lines_double_spaced (RectoDocument *doc);
