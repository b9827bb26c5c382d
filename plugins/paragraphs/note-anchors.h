/* note-anchors.h: where the text calls a page's footnotes. A footnote's marker ("1", "*") is
 * printed twice: before the note at the page's foot, and in the text, set smaller and raised,
 * where the note is called. The paragraph stage puts each note there (TEI's place for a note),
 * its marker as the note's n. */
#pragma once

#include <recto/recto.h>

/* A marker that calls a note: bytes [start, end) of a line's text. */
typedef struct
{
  gsize start, end;
} NoteAnchor;

/* The length in bytes of the note marker that opens @text ("1", "12", "①", "*", "†") and the
 * space after it, or 0 when @text does not open with one. */
gsize note_marker_length (const char *text);

/* The markers of the notes that open on @page (the n of each note line that starts one), each
 * once: a marker that opens two notes calls neither from the text. Free with
 * g_ptr_array_unref(). */
GPtrArray *note_anchors_page_markers (const RectoPage *page);

/* The markers in @line of @page that call one of @markers: runs of digits or note signs set
 * smaller than the line and raised above the glyph before them, in the order of the text.
 * Empty when the line's glyphs do not match its text. Free with g_array_unref(). */
GArray *note_anchors_find (const RectoPage *page, const RectoLine *line, const GPtrArray *markers);
