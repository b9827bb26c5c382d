/* legacy-bytes.h: the legacy multi-byte encodings of East Asian text (GBK, Big5, Shift-JIS,
 * EUC-KR), read from the glyphs of a single-byte font that showed their bytes.
 *
 * A single-byte WinAnsi font gives, for each byte, a Latin-1 letter or one of WinAnsi's
 * characters for 0x80–0x9F; for its unused codes (0x81, 0x8D, 0x8F, 0x90, 0x9D) a bullet, and a
 * hyphen for 0xAD, so a glyph may stand for more than one byte. A pair of glyphs is read as the
 * character its bytes decode to; readings equally good (the encoding's common characters, or
 * merely valid ones) share the certainty. */
#pragma once

#include <recto/recto.h>

typedef struct
{
  const char *name; /* for the header: "GBK" */
  const char *charset; /* for iconv */
  gboolean (*common) (guint code); /* the encoding's symbols and frequent characters */
  const char *frequent; /* UTF-8: the language's most frequent characters */
  const char *const *hints; /* lower-case pieces of font names that say the encoding */
} LegacyEncoding;

/* The encodings, GBK first. */
extern const LegacyEncoding legacy_encodings[];
extern const guint legacy_n_encodings;

/* Decodes byte sequences in one encoding, remembering each. */
typedef struct
{
  const LegacyEncoding *encoding;
  GIConv conv;
  GHashTable *cache; /* code → character + 1 (1: does not decode) */
} LegacyDecoder;

/* Opens a decoder for @encoding; FALSE when iconv lacks it. */
gboolean legacy_decoder_init (LegacyDecoder *decoder, const LegacyEncoding *encoding);
void legacy_decoder_clear (LegacyDecoder *decoder);

/* The one character the @n bytes of @code (high byte first) decode to, or 0. */
gunichar legacy_decode (LegacyDecoder *decoder, guint code, guint n);

/* Whether the glyph character @c stands for a byte 0x80–0xFF. */
gboolean legacy_is_high (gunichar c);

/* A reading of a high byte, alone or with the glyph after it. */
typedef struct
{
  guint glyph;
  guint code; /* the byte, or the pair's two bytes high byte first */
  gunichar c; /* 0: decodes in nothing */
  gboolean pair;
  float certainty; /* 1 over the number of readings as good as this one */
} LegacyReading;

/* The best reading of glyph @glyph, whose character @lead stands for a high byte, alone or with
 * the glyph after it, whose character is @trail ((gunichar) -1: none). */
LegacyReading legacy_read (LegacyDecoder *decoder, guint glyph, gunichar lead, gunichar trail);
