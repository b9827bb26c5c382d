/* text-decode.c: see text-decode.h. */
#include "text-decode.h"

#include <string.h>

/* A text whose valid multi-byte UTF-8 characters outnumber its broken bytes this many times is
 * UTF-8 with a few damaged bytes, not GB18030 (whose byte pairs are seldom valid UTF-8). */
#define UTF8_EVIDENCE 4
/* Bad bytes listed by offset in a warning; the rest are counted. */
#define MAX_OFFSETS_SHOWN 8

static const guint8 utf8_bom[] = { 0xEF, 0xBB, 0xBF };
static const guint8 utf16le_bom[] = { 0xFF, 0xFE };
static const guint8 utf16be_bom[] = { 0xFE, 0xFF };
static const guint8 utf32le_bom[] = { 0xFF, 0xFE, 0x00, 0x00 };
static const guint8 utf32be_bom[] = { 0x00, 0x00, 0xFE, 0xFF };

static gboolean
has_prefix (const guint8 *data, gsize length, const guint8 *prefix, gsize prefix_length)
{
  return length >= prefix_length && memcmp (data, prefix, prefix_length) == 0;
}

/* The bytes that could not be read, for one warning. */
typedef struct
{
  guint count;
  GString *offsets;
} BadBytes;

static void
bad_bytes_add (BadBytes *bad, gsize offset, guint8 byte)
{
  if (bad->count < MAX_OFFSETS_SHOWN)
    g_string_append_printf (bad->offsets, "%s%" G_GSIZE_FORMAT " (0x%02X)",
                            bad->count > 0 ? ", " : "", offset, byte);
  bad->count++;
}

static void
bad_bytes_warn (const BadBytes *bad, const char *what, RectoStageContext *ctx)
{
  if (bad->count == 0)
    return;
  recto_stage_context_warn (ctx, "%u %s kept as U+FFFD (byte offsets %s%s)", bad->count, what,
                            bad->offsets->str, bad->count > MAX_OFFSETS_SHOWN ? ", …" : "");
}

/* The multi-byte characters of valid UTF-8: their lead bytes. */
static gsize
count_multibyte (const char *p, const char *end)
{
  gsize n = 0;

  for (; p < end; p++)
    n += ((guint8) *p & 0xC0) == 0xC0;
  return n;
}

/* Appends @data as UTF-8, each byte that is not (a NUL, a broken sequence) as U+FFFD, recorded
 * in @bad at @base plus its offset. Returns the number of valid multi-byte characters. */
static gsize
append_utf8 (GString *out, const char *data, gsize length, gsize base, BadBytes *bad)
{
  const char *p = data, *end = data + length, *stop;
  gsize multibyte = 0;

  /* g_utf8_validate_len() stops at a NUL too: it is no text either. */
  while (!g_utf8_validate_len (p, end - p, &stop))
    {
      multibyte += count_multibyte (p, stop);
      g_string_append_len (out, p, stop - p);
      g_string_append (out, "\xEF\xBF\xBD");
      bad_bytes_add (bad, base + (gsize) (stop - data), (guint8) *stop);
      p = stop + 1;
    }
  multibyte += count_multibyte (p, end);
  g_string_append_len (out, p, end - p);
  return multibyte;
}

/* Converts @data from @charset. Returns the UTF-8 and its length, or NULL with the offset
 * (from @base) of the first byte that failed in @bad_offset. */
static char *
convert (const guint8 *data, gsize length, gsize base, const char *charset, gsize *written,
         gsize *bad_offset)
{
  gsize read = 0;
  char *text =
      g_convert ((const char *) data, length, "UTF-8", charset, &read, written, NULL);

  *bad_offset = base + read;
  return text;
}

static void
set_convert_error (GError **error, const char *charset, gsize bad_offset)
{
  g_set_error (error, RECTO_ERROR, RECTO_ERROR_INPUT_INVALID,
               "not valid %s text: cannot decode the bytes at offset %" G_GSIZE_FORMAT, charset,
               bad_offset);
}

/* UTF-16 or UTF-32 without a byte-order mark, told by where its NUL bytes fall: ASCII and line
 * ends in UTF-16LE have NULs at odd offsets only, in UTF-32LE every fourth byte is one. Text
 * in any other encoding has no NUL at all. Returns the charset, or NULL. */
static const char *
wide_charset (const guint8 *data, gsize length)
{
  gsize nuls[4] = { 0 };
  gsize n = MIN (length, 65536);

  for (gsize i = 0; i < n; i++)
    nuls[i % 4] += data[i] == 0;
  /* A stray NUL or two in UTF-8 text is damage, not a wide encoding: its ASCII would be read as
   * ideographs. */
  if (nuls[0] + nuls[1] + nuls[2] + nuls[3] < MAX (2, n / 128))
    return NULL;
  /* UTF-32: the top byte of every character is 0, the next one nearly always (the BMP). */
  if (length % 4 == 0 && nuls[3] == n / 4 && nuls[2] >= n / 8 && nuls[0] < n / 4)
    return "UTF-32LE";
  if (length % 4 == 0 && nuls[0] == n / 4 && nuls[1] >= n / 8 && nuls[3] < n / 4)
    return "UTF-32BE";
  /* UTF-16: ASCII's high bytes are 0; so is the low byte of the odd ideograph (一 U+4E00). */
  if (length % 2 == 0 && nuls[1] + nuls[3] >= 4 * (nuls[0] + nuls[2]))
    return "UTF-16LE";
  if (length % 2 == 0 && nuls[0] + nuls[2] >= 4 * (nuls[1] + nuls[3]))
    return "UTF-16BE";
  return NULL;
}

/* The charset a byte-order mark names (UTF-32's before UTF-16's, which it starts with), and
 * the mark's length; NULL without one. */
static const char *
bom_charset (const guint8 *data, gsize length, gsize *bom_length)
{
  static const struct
  {
    const guint8 *bom;
    gsize length;
    const char *charset;
  } boms[] = {
    { utf32le_bom, 4, "UTF-32LE" },
    { utf32be_bom, 4, "UTF-32BE" },
    { utf16le_bom, 2, "UTF-16LE" },
    { utf16be_bom, 2, "UTF-16BE" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (boms); i++)
    if (has_prefix (data, length, boms[i].bom, boms[i].length))
      {
        *bom_length = boms[i].length;
        return boms[i].charset;
      }
  return NULL;
}

gboolean
text_decode_is_wide (const guint8 *data, gsize length)
{
  gsize bom_length;

  return bom_charset (data, length, &bom_length) != NULL || wide_charset (data, length) != NULL;
}

/* Replaces each NUL of the decoded @text (which a wide encoding or GB18030 may hold) by
 * U+FFFD, warning about them: the document's text is C strings. */
static char *
without_nuls (char *text, gsize length, RectoStageContext *ctx)
{
  g_autoptr (GString) out = NULL;
  guint count = 0;

  if (memchr (text, 0, length) == NULL)
    return text;
  out = g_string_sized_new (length + 16);
  for (gsize i = 0; i < length; i++)
    if (text[i] == '\0')
      {
        g_string_append (out, "\xEF\xBF\xBD");
        count++;
      }
    else
      g_string_append_c (out, text[i]);
  g_free (text);
  recto_stage_context_warn (ctx, "%u NUL characters kept as U+FFFD", count);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
decode_wide (const guint8 *data, gsize length, gsize base, const char *charset,
             RectoStageContext *ctx, GError **error)
{
  gsize written = 0, bad_offset = 0;
  char *text = convert (data, length, base, charset, &written, &bad_offset);

  if (text == NULL)
    {
      set_convert_error (error, charset, bad_offset);
      return NULL;
    }
  return without_nuls (text, written, ctx);
}

/* UTF-8, or, when it is not and GB18030 reads it, GB18030; a file that is almost all valid
 * UTF-8 stays UTF-8 with its bad bytes marked. */
static char *
decode_narrow (const guint8 *data, gsize length, gsize base, TextEncoding encoding,
               RectoStageContext *ctx, GError **error)
{
  g_autoptr (GString) utf8 = g_string_sized_new (length);
  BadBytes bad = { 0, g_string_new (NULL) };
  g_autoptr (GString) offsets = bad.offsets;
  gsize multibyte = 0, written = 0, gb_offset = 0;
  char *text;

  if (encoding != TEXT_ENCODING_GB18030)
    {
      multibyte = append_utf8 (utf8, (const char *) data, length, base, &bad);
      if (bad.count == 0 || encoding == TEXT_ENCODING_UTF8
          || multibyte >= UTF8_EVIDENCE * (gsize) bad.count)
        {
          bad_bytes_warn (&bad, "bytes that are not UTF-8 are", ctx);
          return g_string_free (g_steal_pointer (&utf8), FALSE);
        }
    }
  text = convert (data, length, base, "GB18030", &written, &gb_offset);
  if (text != NULL)
    return without_nuls (text, written, ctx);
  if (encoding == TEXT_ENCODING_GB18030)
    set_convert_error (error, "GB18030", gb_offset);
  else
    g_set_error (error, RECTO_ERROR, RECTO_ERROR_INPUT_INVALID,
                 "neither UTF-8 nor GB18030 text: %u bytes are not UTF-8 (at offsets %s%s), and "
                 "GB18030 cannot decode the bytes at offset %" G_GSIZE_FORMAT "; text-source "
                 "encoding=utf-8 reads it as UTF-8 with the bad bytes kept as U+FFFD",
                 bad.count, bad.offsets->str, bad.count > MAX_OFFSETS_SHOWN ? ", …" : "",
                 gb_offset);
  return NULL;
}

char *
text_decode (const guint8 *data, gsize length, TextEncoding encoding, RectoStageContext *ctx,
             GError **error)
{
  gsize bom_length = 0;
  const char *charset = NULL;

  if (length == 0)
    return g_strdup (""); /* and no data pointer to look at */
  if (encoding == TEXT_ENCODING_AUTO || encoding == TEXT_ENCODING_UTF16)
    {
      charset = bom_charset (data, length, &bom_length);
      if (charset == NULL)
        charset = wide_charset (data, length);
    }
  if (charset != NULL && (bom_length > 0 || encoding == TEXT_ENCODING_UTF16))
    return decode_wide (data + bom_length, length - bom_length, bom_length, charset, ctx, error);
  if (charset != NULL)
    {
      /* Told by its NUL bytes only: text that does not decode so is read as narrow text. */
      char *text = decode_wide (data, length, 0, charset, ctx, NULL);
      if (text != NULL)
        return text;
    }
  if (encoding == TEXT_ENCODING_UTF16)
    {
      g_set_error (error, RECTO_ERROR, RECTO_ERROR_INPUT_INVALID,
                   "not UTF-16 text: no byte-order mark, and its NUL bytes do not tell the byte "
                   "order");
      return NULL;
    }
  if (has_prefix (data, length, utf8_bom, 3) && encoding != TEXT_ENCODING_GB18030)
    return decode_narrow (data + 3, length - 3, 3, TEXT_ENCODING_UTF8, ctx, error);
  return decode_narrow (data, length, 0, encoding, ctx, error);
}
