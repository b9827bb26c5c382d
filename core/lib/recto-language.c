/* recto-language.c: see recto-language.h. */
#include <recto/recto-language.h>

#include <stdlib.h>
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

/* The characters of one form only, each list sorted, decoded once: a look-up per Han character
 * of a document (strstr over the UTF-8 lists took a tenth of converting a large volume). */
typedef struct
{
  gunichar simplified[64], traditional[64];
  guint n_simplified, n_traditional;
} FormLists;

static int
compare_unichars (const void *a, const void *b)
{
  gunichar x = *(const gunichar *) a, y = *(const gunichar *) b;
  return (x > y) - (x < y);
}

/* Those characters of @forms that @others lacks, into @out (sorted); returns their number. */
static guint
only_in (const char *forms, const char *others, gunichar *out)
{
  guint n = 0;

  for (const char *p = forms; *p != '\0'; p = g_utf8_next_char (p))
    {
      char utf8[8] = { 0 };
      g_unichar_to_utf8 (g_utf8_get_char (p), utf8);
      if (strstr (others, utf8) == NULL)
        out[n++] = g_utf8_get_char (p);
    }
  qsort (out, n, sizeof *out, compare_unichars);
  return n;
}

static const FormLists *
form_lists (void)
{
  static FormLists lists;
  static gsize ready;

  if (g_once_init_enter (&ready))
    {
      G_STATIC_ASSERT (sizeof simplified_forms / 3 <= G_N_ELEMENTS (lists.simplified));
      lists.n_simplified = only_in (simplified_forms, traditional_forms, lists.simplified);
      lists.n_traditional = only_in (traditional_forms, simplified_forms, lists.traditional);
      g_once_init_leave (&ready, 1);
    }
  return &lists;
}

static gboolean
is_in (gunichar c, const gunichar *list, guint n)
{
  return bsearch (&c, list, n, sizeof c, compare_unichars) != NULL;
}

/* Counts @c if it is Han, kana or hangul. ASCII is none of them: only other characters need
 * their script, and ideographs not even a look-up. */
static void
count_script (RectoScriptCounts *counts, gunichar c)
{
  GUnicodeScript script;

  if (c < 0x80)
    return;
  script = is_cjk_ideograph (c) ? G_UNICODE_SCRIPT_HAN : g_unichar_get_script (c);
  if (script == G_UNICODE_SCRIPT_HAN)
    {
      counts->han++;
      const FormLists *lists = form_lists ();
      if (is_in (c, lists->simplified, lists->n_simplified))
        counts->simplified++;
      else if (is_in (c, lists->traditional, lists->n_traditional))
        counts->traditional++;
    }
  else if (script == G_UNICODE_SCRIPT_HIRAGANA || script == G_UNICODE_SCRIPT_KATAKANA)
    counts->kana++;
  else if (script == G_UNICODE_SCRIPT_HANGUL)
    counts->hangul++;
}

static void
end_word (RectoScriptCounts *counts)
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
count_char (RectoScriptCounts *counts, gunichar c)
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
recto_language_count (RectoScriptCounts *counts, const gunichar *chars, gsize n)
{
  for (gsize i = 0; i < n; i++)
    count_char (counts, chars[i]);
  end_word (counts);
}

void
recto_language_count_text (RectoScriptCounts *counts, const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    count_char (counts, g_utf8_get_char (p));
  end_word (counts);
}

const char *
recto_language_decide (RectoScriptCounts *counts, guint least)
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
