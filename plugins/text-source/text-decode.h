/* text-decode.h: the bytes of a text extraction as UTF-8, whatever encoding they came in. */
#pragma once

#include <recto/recto.h>

typedef enum
{
  TEXT_ENCODING_AUTO,
  TEXT_ENCODING_UTF8,
  TEXT_ENCODING_GB18030,
  TEXT_ENCODING_UTF16,
} TextEncoding;

/* Decodes @length bytes of @data as @encoding says, or as the bytes show (a byte-order mark, the
 * NUL bytes of UTF-16 or UTF-32, valid UTF-8, else GB18030). Returns UTF-8 without NUL bytes:
 * every byte that could not be read (a NUL, a broken UTF-8 sequence) becomes U+FFFD, and @ctx
 * is warned of them with their offsets, so nothing is lost unsaid. Returns NULL with a
 * RECTO_ERROR_INPUT_INVALID error naming the offset of the first bad byte when the bytes are in
 * no encoding it reads. */
char *text_decode (const guint8 *data, gsize length, TextEncoding encoding,
                   RectoStageContext *ctx, GError **error);

/* Whether @data starts like UTF-16 or UTF-32 (a byte-order mark, or their NUL bytes). */
gboolean text_decode_is_wide (const guint8 *data, gsize length);
