/* recto-text.h: text that must be UTF-8 although a PDF gave bytes. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @text with every byte that starts no valid UTF-8 character written as \xNN (GBK
 * "\xCB\xCE\xCC\xE5" for 宋体 in a font's name): valid UTF-8 for the TEI, warnings and JSON, and
 * the bytes still readable. Free with g_free(). */
char *recto_text_escape_bytes (const char *text);

G_END_DECLS
