/* language.h: tells the language of text from its scripts and common words, for xml:lang. */
#pragma once

#include <glib.h>

typedef struct
{
  guint han, kana, hangul, latin_words, english_words;
  guint simplified, traditional; /* Han characters written one way only */
  guint word_length; /* the Latin word being read */
  char word[8];
} ScriptCounts;

/* Counts @n characters of @chars into @counts (a word may run on over calls). */
void language_count (ScriptCounts *counts, const gunichar *chars, gsize n);
/* Counts the UTF-8 @text into @counts. */
void language_count_text (ScriptCounts *counts, const char *text);
/* The language @counts show: kana means Japanese, hangul Korean, Han without them Chinese
 * (zh-Hans or zh-Hant where its characters say which), Latin text English when its common words
 * are frequent. NULL when @counts hold less than @least characters or words of any script. */
const char *language_decide (ScriptCounts *counts, guint least);
