/* recto-language.h: tells the language of text from its scripts and common words (the sink's
 * xml:lang; the OCR model recover-text reads a document with). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint han, kana, hangul, latin_words, english_words;
  guint simplified, traditional; /* Han characters written one way only */
  guint word_length; /* the Latin word being read */
  char word[8];
} RectoScriptCounts;

/* Counts @n characters of @chars into @counts (a word may run on over calls). */
void recto_language_count (RectoScriptCounts *counts, const gunichar *chars, gsize n);
/* Counts the UTF-8 @text into @counts. */
void recto_language_count_text (RectoScriptCounts *counts, const char *text);
/* The language @counts show: kana means Japanese, hangul Korean, Han without them Chinese
 * (zh-Hans or zh-Hant where its characters say which), Latin text English when its common words
 * are frequent. NULL when @counts hold less than @least characters or words of any script. */
const char *recto_language_decide (RectoScriptCounts *counts, guint least);

G_END_DECLS
