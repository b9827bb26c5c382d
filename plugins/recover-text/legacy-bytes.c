/* legacy-bytes.c: see legacy-bytes.h. */
#include "legacy-bytes.h"

#include <string.h>

static gboolean
gbk_common (guint code)
{
  /* GB2312's punctuation and full-width rows, and its 3755 level-1 hanzi. */
  return (code & 0xFF) >= 0xA1 && ((code >= 0xA1A1 && code <= 0xA3FE) || (code >= 0xB0A1 && code <= 0xD7F9));
}

static gboolean
big5_common (guint code)
{
  /* Symbols, and the 5401 frequent hanzi. */
  return (code >= 0xA140 && code <= 0xA3BF) || (code >= 0xA440 && code <= 0xC67E);
}

static gboolean
sjis_common (guint code)
{
  /* Symbols, kana, Greek and Cyrillic rows, and the JIS level-1 kanji. */
  return (code >= 0x8140 && code <= 0x84BE) || (code >= 0x889F && code <= 0x9872);
}

static gboolean
euckr_common (guint code)
{
  /* Symbols and full-width rows, and the 2350 Hangul syllables. */
  return (code & 0xFF) >= 0xA1 && ((code >= 0xA1A1 && code <= 0xA3FE) || (code >= 0xB0A1 && code <= 0xC8FE));
}

/* The most frequent hanzi of Chinese text, simplified and traditional forms. */
#define HAN_FREQUENT                                                                              \
  "的一是不了在人有我他这個个们們中来來上大为為和国國地到以说說时時要就出会會可也你对對生能而子那得于"  \
  "於着著下自之年过過发發后後作里裡用道行所然家种種事成方多经經么麼去法学學如都同现現当當没沒动動面起看"  \
  "定天分还還进進好小部其些主样樣理心本前开開但因只从從想实實日者意无無力与與长長把机機民第公此已工使情明"  \
  "性知全三又关關点點正业業外将將两兩高间間由问問最重并物手应應向头頭文体體政相见見被利二等产產或新制"

static const char *const gbk_hints[] = { "gb2312", "gbk", "simsun", "simhei", "song", "heiti",
                                         "kaiti", "fangsong", "stzhong", "fzs", "fzh", "fzk",
                                         "yahei", NULL };
static const char *const big5_hints[] = { "big5", "ming", "dfkai", "kaiu", "biau", NULL };
static const char *const sjis_hints[] = { "sjis", "90ms", "mincho", "gothic", "meiryo", NULL };
static const char *const euckr_hints[] = { "ksc", "batang", "gulim", "dotum", "gungsuh",
                                           "malgun", NULL };

const LegacyEncoding legacy_encodings[] = {
  { "GBK", "GBK", gbk_common, HAN_FREQUENT, gbk_hints },
  { "Big5", "BIG5", big5_common, HAN_FREQUENT, big5_hints },
  { "Shift-JIS", "SHIFT_JIS", sjis_common,
    "のにはをたがでてとしれさいるかなもっこあうすりまんつ、。日一国人年大十二本中長出三時行見月"
    "分後前生五間上東四今金九入学高円子外八六下来気小七山話女北午百書先名川千水半男西電校語土木"
    "聞食車何南万毎白天母火右読友左休父雨市町村県都府区税法条項号計費額", sjis_hints },
  { "EUC-KR", "EUC-KR", euckr_common,
    "이의다는에가을를고하서지기한로으도것수있대사자시정국일인적", euckr_hints },
};

/* WinAnsi's characters for the bytes 0x80–0x9F, as Poppler gives them (0: undefined). */
static const gunichar winansi_high[32] = {
  0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
  0x2039, 0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
  0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

/* The bytes a single-byte font's glyph of character @c may stand for, into @bytes (at most
 * MAX_BYTES), the likeliest first; returns how many. WinAnsi gives a bullet for its unused codes
 * too, and a hyphen for 0xAD. */
#define MAX_BYTES 6
static guint
bytes_of (gunichar c, guint8 *bytes)
{
  static const guint8 bullets[] = { 0x95, 0x81, 0x8D, 0x8F, 0x90, 0x9D };

  if (c == '-')
    {
      bytes[0] = '-';
      bytes[1] = 0xAD;
      return 2;
    }
  if (c == 0x2022)
    {
      memcpy (bytes, bullets, sizeof bullets);
      return G_N_ELEMENTS (bullets);
    }
  if (c < 0x100)
    {
      bytes[0] = (guint8) c;
      return 1;
    }
  for (guint i = 0; i < G_N_ELEMENTS (winansi_high); i++)
    if (winansi_high[i] == c)
      {
        bytes[0] = (guint8) (0x80 + i);
        return 1;
      }
  return 0;
}

gboolean
legacy_is_high (gunichar c)
{
  guint8 bytes[MAX_BYTES];

  /* Called for every glyph of a document: ASCII and ideographs are told without the table. */
  if (c < 0x80 || c > 0x2122)
    return FALSE;
  return c <= 0xFF || (bytes_of (c, bytes) > 0 && bytes[0] >= 0x80);
}

gunichar
legacy_decode (LegacyDecoder *decoder, guint code, guint n)
{
  gpointer cached = g_hash_table_lookup (decoder->cache, GUINT_TO_POINTER (code));
  char in[2] = { (char) (n == 2 ? code >> 8 : code), (char) code }, out[16];
  char *inp = in, *outp = out;
  gsize in_left = n, out_left = sizeof out;
  gunichar c = 0;

  if (cached != NULL)
    return GPOINTER_TO_UINT (cached) - 1;
  g_iconv (decoder->conv, NULL, NULL, NULL, NULL);
  if (g_iconv (decoder->conv, &inp, &in_left, &outp, &out_left) != (gsize) -1 && in_left == 0
      && g_utf8_strlen (out, outp - out) == 1)
    c = g_utf8_get_char_validated (out, outp - out);
  if (c == (gunichar) -1 || c == (gunichar) -2 || c < 0x80)
    c = 0;
  g_hash_table_insert (decoder->cache, GUINT_TO_POINTER (code), GUINT_TO_POINTER (c + 1));
  return c;
}

/* How well @c, decoded from @code, reads in @decoder's encoding: 0 when it does not decode, 1
 * decodes, 2 one of the encoding's common characters. */
static guint
rank (const LegacyDecoder *decoder, guint code, gunichar c)
{
  if (c == 0)
    return 0;
  return decoder->encoding->common (code) ? 2 : 1;
}

/* Over the bytes each glyph may stand for. Readings as good as each other share the certainty:
 * a bullet may stand for six bytes, and which one is not known. */
LegacyReading
legacy_read (LegacyDecoder *decoder, guint glyph, gunichar lead, gunichar trail)
{
  guint8 leads[MAX_BYTES] = { 0 }, trails[MAX_BYTES] = { 0 };
  guint n_leads = bytes_of (lead, leads);
  guint n_trails = trail != (gunichar) -1 ? bytes_of (trail, trails) : 0;
  LegacyReading best = { .glyph = glyph, .code = leads[0] };
  guint best_rank = 0, ties = 0;

  for (guint l = 0; l < n_leads; l++)
    for (guint t = 0; leads[l] >= 0x80 && t < n_trails; t++)
      {
        guint code = ((guint) leads[l] << 8) | trails[t];
        gunichar c = legacy_decode (decoder, code, 2);
        guint r = rank (decoder, code, c);
        ties = r == best_rank ? ties + 1 : r > best_rank ? 1 : ties;
        if (r > best_rank)
          {
            best = (LegacyReading){ glyph, code, c, TRUE, 1 };
            best_rank = r;
          }
      }
  for (guint l = 0; best_rank == 0 && l < n_leads; l++)
    if (leads[l] >= 0x80 && legacy_decode (decoder, leads[l], 1) != 0)
      {
        best = (LegacyReading){ glyph, leads[l], legacy_decode (decoder, leads[l], 1), FALSE, 1 };
        best_rank = ties = 1;
      }
  if (best_rank > 0)
    best.certainty = 1.0f / (float) ties;
  return best;
}

const guint legacy_n_encodings = G_N_ELEMENTS (legacy_encodings);

gboolean
legacy_decoder_init (LegacyDecoder *decoder, const LegacyEncoding *encoding)
{
  GIConv conv = g_iconv_open ("UTF-8", encoding->charset);

  if (conv == (GIConv) -1)
    return FALSE;
  *decoder = (LegacyDecoder){ encoding, conv, g_hash_table_new (NULL, NULL) };
  return TRUE;
}

void
legacy_decoder_clear (LegacyDecoder *decoder)
{
  g_iconv_close (decoder->conv);
  g_hash_table_unref (decoder->cache);
}
