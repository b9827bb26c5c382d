/* han-words.h: whether two ideographs in a row belong to a common Chinese word.
 *
 * A wrong ToUnicode map that gives each glyph another glyph's character ("嘆囈貭鍔" for
 * "中國文件") keeps the document's characters valid, and even their frequencies, for it only
 * relabels them: what it scrambles is which character follows which. In each of 20 fonts of 10
 * real Chinese documents and the samples, 12–35 % of the pairs of adjacent ideographs are pairs
 * out of the few hundred commonest words listed in han-words.c (a Japanese font's kanji 10 %); in
 * a permuted map's text 1–2 %. */
#pragma once

#include <glib.h>

/* Whether @c is a CJK unified ideograph of the basic block (U+4E00–U+9FFF). */
static inline gboolean
han_words_is_ideograph (gunichar c)
{
  return c >= 0x4E00 && c <= 0x9FFF;
}

/* Whether @first followed by @second is a pair of ideographs out of a common word. */
gboolean han_words_is_common_pair (gunichar first, gunichar second);
