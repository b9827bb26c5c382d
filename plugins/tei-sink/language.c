/* language.c: see language.h. */
#include "language.h"

#include <string.h>

/* Frequent characters with a simplified and a traditional form, pair by pair: which of the two
 * a Chinese text uses says how it is written. */
static const char simplified_forms[] =
    "们这国会为发说时对来个经进动实开关电业产长机现务问题与学体区应过还总报资财计设项费万条单预"
    "决监请员门间车东无级华";
static const char traditional_forms[] =
    "們這國會為發說時對來個經進動實開關電業產長機現務問題與學體區應過還總報資財計設項費萬條單預"
    "決監請員門間車東無級華";

/* The CJK Unified Ideographs, most of a Chinese text: all Han, none with a case. */
static gboolean
is_cjk_ideograph (gunichar c)
{
  return c >= 0x4E00 && c <= 0x9FFF;
}

static gboolean
is_form_of (gunichar c, const char *forms)
{
  char utf8[8] = { 0 };
  g_unichar_to_utf8 (c, utf8);
  return strstr (forms, utf8) != NULL;
}

/* Counts @c if it is Han, kana or hangul. ASCII is none of them: only other characters need
 * their script, and ideographs not even a look-up. */
static void
count_script (ScriptCounts *counts, gunichar c)
{
  GUnicodeScript script;

  if (c < 0x80)
    return;
  script = is_cjk_ideograph (c) ? G_UNICODE_SCRIPT_HAN : g_unichar_get_script (c);
  if (script == G_UNICODE_SCRIPT_HAN)
    {
      counts->han++;
      if (is_form_of (c, simplified_forms) && !is_form_of (c, traditional_forms))
        counts->simplified++;
      else if (is_form_of (c, traditional_forms) && !is_form_of (c, simplified_forms))
        counts->traditional++;
    }
  else if (script == G_UNICODE_SCRIPT_HIRAGANA || script == G_UNICODE_SCRIPT_KATAKANA)
    counts->kana++;
  else if (script == G_UNICODE_SCRIPT_HANGUL)
    counts->hangul++;
}

static void
end_word (ScriptCounts *counts)
{
  static const char *const common[] = { "the", "and", "of", "to", "in", "is", "for", NULL };

  if (counts->word_length == 0)
    return;
  counts->latin_words++;
  counts->word[MIN (counts->word_length, sizeof counts->word - 1)] = '\0';
  if (counts->word_length < sizeof counts->word && g_strv_contains (common, counts->word))
    counts->english_words++;
  counts->word_length = 0;
}

static void
count_char (ScriptCounts *counts, gunichar c)
{
  if (c < 0x80)
    c = (gunichar) g_ascii_tolower ((char) c);
  count_script (counts, c);
  if (c >= 'a' && c <= 'z')
    {
      if (counts->word_length < sizeof counts->word - 1)
        counts->word[counts->word_length] = (char) c;
      counts->word_length++;
      return;
    }
  end_word (counts);
}

void
language_count (ScriptCounts *counts, const gunichar *chars, gsize n)
{
  for (gsize i = 0; i < n; i++)
    count_char (counts, chars[i]);
  end_word (counts);
}

void
language_count_text (ScriptCounts *counts, const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    count_char (counts, g_utf8_get_char (p));
  end_word (counts);
}

const char *
language_decide (ScriptCounts *counts, guint least)
{
  if (counts->han + counts->kana + counts->hangul + counts->latin_words < least)
    return NULL;
  if (counts->kana > counts->han / 10 && counts->kana > 0)
    return "ja";
  if (counts->hangul > counts->han && counts->hangul > counts->latin_words)
    return "ko";
  if (counts->han > counts->latin_words)
    {
      if (counts->traditional > 2 * counts->simplified)
        return "zh-Hant";
      if (counts->simplified > 2 * counts->traditional)
        return "zh-Hans";
      return "zh";
    }
  if (counts->latin_words > 0 && counts->english_words * 10 >= counts->latin_words)
    return "en";
  return least == 0 ? "und" : NULL;
}
