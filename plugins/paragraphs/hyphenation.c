/* hyphenation.c: see hyphenation.h. */
#include "hyphenation.h"

#include <string.h>

struct _Hyphenation
{
  GHashTable *words; /* lower-case words and hyphenated compounds seen inside lines */
  RectoDocument *doc; /* whose paragraphs it looks at, for the length of their text */
};

static gboolean
is_word_char (char c)
{
  return g_ascii_isalpha (c);
}

/* Adds the words of @text to @words (a GPtrArray of strings it owns): its first only when
 * @first_whole (no word was broken onto the line), its last only when the line does not end in
 * a hyphen. A token is a run of letters and inner hyphens ("data-driven"); its parts count as
 * words too. */
static void
collect_line_words (GPtrArray *words, const char *text, gboolean first_whole)
{
  gsize length = strlen (text);
  gboolean last_whole = length > 0 && text[length - 1] != '-';
  g_autoptr (GPtrArray) tokens = g_ptr_array_new_with_free_func (g_free);
  const char *c = text;

  while (*c != '\0')
    {
      const char *start;
      while (*c != '\0' && !is_word_char (*c))
        c++;
      start = c;
      while (is_word_char (*c) || (*c == '-' && is_word_char (c[1]) && c > start))
        c++;
      if (c > start)
        g_ptr_array_add (tokens, g_ascii_strdown (start, c - start));
    }
  for (guint i = first_whole ? 0 : 1; i + (last_whole ? 0 : 1) < tokens->len; i++)
    {
      const char *token = g_ptr_array_index (tokens, i);
      g_ptr_array_add (words, g_strdup (token));
      if (strchr (token, '-') != NULL)
        {
          g_auto (GStrv) parts = g_strsplit (token, "-", -1);
          for (guint j = 0; parts[j] != NULL; j++)
            g_ptr_array_add (words, g_strdup (parts[j]));
        }
    }
}

/* The words of each page's body lines, gathered on as many threads as recto uses: reading the
 * volume's text is the work, the words are few. */
typedef struct
{
  RectoDocument *doc;
  GPtrArray **page_words;
} WordHarvest;

static void
collect_page_words (guint index, guint worker, gpointer data)
{
  WordHarvest *harvest = data;
  const RectoPage *page = recto_document_get_page (harvest->doc, index);
  GPtrArray *words = g_ptr_array_new ();
  const RectoLine *prev = NULL; /* the body line before, on this page */

  for (guint i = 0; i < page->lines->len; i++)
    {
      const RectoLine *line = g_ptr_array_index (page->lines, i);
      gsize length = prev != NULL ? strlen (prev->text) : 0;
      if (line->role != RECTO_LINE_BODY)
        continue;
      /* A page's first line may carry on a word from the page before. */
      collect_line_words (words, line->text, length > 0 && prev->text[length - 1] != '-');
      prev = line;
    }
  harvest->page_words[index] = words;
}

Hyphenation *
hyphenation_new (RectoDocument *doc)
{
  Hyphenation *hyphenation = g_new0 (Hyphenation, 1);
  guint n_pages = recto_document_get_n_pages (doc);
  g_autofree GPtrArray **page_words = g_new0 (GPtrArray *, n_pages);
  WordHarvest harvest = { doc, page_words };

  hyphenation->doc = doc;
  hyphenation->words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  recto_parallel_for (n_pages, collect_page_words, &harvest);
  for (guint p = 0; p < n_pages; p++)
    {
      for (guint i = 0; i < page_words[p]->len; i++)
        {
          char *word = g_ptr_array_index (page_words[p], i);
          if (g_hash_table_contains (hyphenation->words, word))
            g_free (word);
          else
            g_hash_table_add (hyphenation->words, word);
        }
      g_ptr_array_unref (page_words[p]);
    }
  return hyphenation;
}

void
hyphenation_free (Hyphenation *hyphenation)
{
  g_hash_table_unref (hyphenation->words);
  g_free (hyphenation);
}

static gboolean
knows (const Hyphenation *hyphenation, const char *word)
{
  return g_hash_table_contains (hyphenation->words, word);
}

gboolean
hyphenation_is_added (const Hyphenation *hyphenation, const RectoBlock *block,
                      const char *next_line)
{
  guint n = recto_block_get_n_children (block);
  const RectoBlock *last = n > 0 ? recto_block_get_child (block, n - 1) : NULL;
  const char *text, *hyphen, *start;
  gsize tail = 0;
  g_autofree char *head = NULL;
  g_autofree char *tail_word = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *compound = NULL;

  if (last == NULL || last->kind != RECTO_BLOCK_TEXT)
    return FALSE;
  text = last->text;
  /* Not strlen: the block may hold a paragraph of a million lines. */
  hyphen = text + recto_block_get_text_length (hyphenation->doc, last) - 1;
  for (start = hyphen; start > text && is_word_char (start[-1]); start--)
    ;
  while (is_word_char (next_line[tail]))
    tail++;
  if (start == hyphen || tail == 0 || g_ascii_isupper (next_line[0]))
    return FALSE;

  head = g_ascii_strdown (start, hyphen - start);
  tail_word = g_ascii_strdown (next_line, tail);
  joined = g_strconcat (head, tail_word, NULL);
  if (knows (hyphenation, joined))
    return TRUE;
  compound = g_strconcat (head, "-", tail_word, NULL);
  if (knows (hyphenation, compound))
    return FALSE;
  /* No evidence either way: a compound's first half is a word of its own ("data-", "cast-",
   * "long-"); the head of a word broken at a syllable usually is not ("infrastruc-"). */
  return !knows (hyphenation, head);
}
