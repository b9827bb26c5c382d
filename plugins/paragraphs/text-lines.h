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

/* The measure of @doc's text-only body lines: the most common width among the long lines (at
 * least three quarters as wide as the widest), where the extraction wrapped them. */
guint text_lines_measure (RectoDocument *doc);

typedef enum
{
  TEXT_SPACING_NONE, /* no blank lines: only the measure tells where paragraphs end */
  TEXT_SPACING_BLANK_LINES, /* blank lines between paragraphs, none inside them */
  TEXT_SPACING_DOUBLE, /* a blank line after most lines: blanks say nothing */
} TextSpacing;

/* How @doc's text-only lines are spaced. */
TextSpacing text_lines_spacing (RectoDocument *doc);

/* @text after its leading white space (a text line's indent). */
const char *text_lines_skip_space (const char *text);
