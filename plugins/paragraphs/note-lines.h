/* note-lines.h: footnotes in the flow of blocks. */
#pragma once

#include "builder.h"

/* Adds @line of @page, a footnote line, to the open note or opens a note with it. */
void note_lines_add (Builder *b, const RectoPage *page, const RectoLine *line);

/* Appends @text, the text of @line from where it starts, to the open block, with a note in the
 * place of each marker that calls one of the page's notes. */
void note_lines_append_calling (Builder *b, const RectoPage *page, const RectoLine *line,
                                const char *text);
