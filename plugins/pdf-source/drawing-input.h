/* drawing-input.h: the bytes pdf-source reads and draws pages from, where they can be laid out
 * and drawn more cheaply than the input itself and to the same glyphs and pixels (see
 * drawing-input.cc). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @input with an incremental update whose catalog lists no output intent, where @input (not
 * encrypted) has one and names no colour space that Poppler converts through its profile;
 * NULL where it should be drawn as it is. */
GBytes *drawing_input_new (GBytes *input);

G_END_DECLS
