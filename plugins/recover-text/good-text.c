/* good-text.c: see good-text.h. */
#include "good-text.h"

#include <math.h>

/* The longest n-grams looked at for the length at which the good text is unique. */
#define MAX_UNIQUE 16

GoodText *
good_text_new (void)
{
  GoodText *good = g_new0 (GoodText, 1);

  good->chars = g_array_new (FALSE, FALSE, sizeof (gunichar));
  good->original = g_array_new (FALSE, FALSE, sizeof (gunichar));
  good->positions = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  return good;
}

void
good_text_free (GoodText *good)
{
  g_array_unref (good->chars);
  g_array_unref (good->original);
  g_hash_table_unref (good->positions);
  g_free (good);
}

/* @c after compatibility folding ("．" → ".", "／" → "/"), when that is one character. */
gunichar
good_text_fold (gunichar c)
{
  char utf8[8] = { 0 };
  g_autofree char *normal = NULL;

  g_unichar_to_utf8 (c, utf8);
  normal = g_utf8_normalize (utf8, -1, G_NORMALIZE_NFKC);
  if (normal == NULL || g_utf8_strlen (normal, -1) != 1)
    return c;
  return g_utf8_get_char (normal);
}

void
good_text_add (GoodText *good, gunichar c)
{
  gunichar folded = c != GOOD_TEXT_HOLE ? good_text_fold (c) : GOOD_TEXT_HOLE;
  GArray *list;

  g_array_append_val (good->chars, folded);
  g_array_append_val (good->original, c);
  if (c == GOOD_TEXT_HOLE)
    return;
  good->length++;
  if ((list = g_hash_table_lookup (good->positions, GUINT_TO_POINTER (folded))) == NULL)
    g_hash_table_insert (good->positions, GUINT_TO_POINTER (folded),
                         list = g_array_new (FALSE, FALSE, sizeof (guint)));
  g_array_append_val (list, ((guint){ good->chars->len - 1 }));
}

/* The least n at which half the n-grams of @good occur once (MAX_UNIQUE at most). */
static guint
unique_length (const GoodText *good)
{
  const gunichar *chars = (const gunichar *) good->chars->data;

  for (guint n = 2; n < MAX_UNIQUE; n++)
    {
      g_autoptr (GHashTable) counts = g_hash_table_new (g_int64_hash, g_int64_equal);
      g_autoptr (GArray) keys = g_array_new (FALSE, FALSE, sizeof (gint64));
      guint total = 0, single = 0;
      for (guint i = 0; i + n <= good->chars->len; i++)
        {
          guint64 hash = 14695981039346656037ull;
          guint k = 0;
          for (; k < n && chars[i + k] != GOOD_TEXT_HOLE; k++)
            hash = (hash ^ chars[i + k]) * 1099511628211ull;
          if (k == n)
            g_array_append_val (keys, ((gint64){ (gint64) hash }));
        }
      for (guint i = 0; i < keys->len; i++)
        {
          gint64 *key = &g_array_index (keys, gint64, i);
          g_hash_table_insert (
              counts, key,
              GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + 1));
        }
      total = keys->len;
      for (guint i = 0; i < keys->len; i++)
        single +=
            GPOINTER_TO_UINT (g_hash_table_lookup (counts, &g_array_index (keys, gint64, i))) == 1;
      if (total == 0 || 2 * single >= total)
        return n;
    }
  return MAX_UNIQUE;
}

/* Looks for the passages of @good that @pattern (@n characters, GOOD_TEXT_ANY for any) matches.
 * Returns how many it matched; *@c is the good text's character at @center in them, or 0 when
 * they give different ones. */
guint
good_text_match (const GoodText *good, const gunichar *pattern, guint n, guint center, gunichar *c)
{
  const gunichar *text = (const gunichar *) good->chars->data;
  const GArray *rarest = NULL;
  guint anchor = 0, matched = 0;

  for (guint k = 0; k < n; k++)
    {
      const GArray *list;
      if (pattern[k] == GOOD_TEXT_ANY)
        continue;
      list = g_hash_table_lookup (good->positions, GUINT_TO_POINTER (pattern[k]));
      if (list == NULL)
        return 0;
      if (rarest == NULL || list->len < rarest->len)
        rarest = list, anchor = k;
    }
  *c = 0;
  for (guint j = 0; rarest != NULL && j < rarest->len; j++)
    {
      guint q = g_array_index (rarest, guint, j), k = 0;
      gunichar here;
      if (q < anchor || q - anchor + n > good->chars->len)
        continue;
      for (; k < n; k++)
        {
          gunichar t = text[q - anchor + k];
          if (t == GOOD_TEXT_HOLE || (pattern[k] != GOOD_TEXT_ANY && pattern[k] != t))
            break;
        }
      if (k < n)
        continue;
      here = g_array_index (good->original, gunichar, q - anchor + center);
      if (matched++ > 0 && here != *c)
        {
          *c = 0;
          return matched;
        }
      *c = here;
    }
  return matched;
}

/* How many passages of @good the known characters of @pattern would match by chance. */
double
good_text_chance_matches (const GoodText *good, const gunichar *pattern, guint n)
{
  double log_e = log (good->length);

  for (guint k = 0; k < n; k++)
    if (pattern[k] != GOOD_TEXT_ANY)
      {
        const GArray *list = g_hash_table_lookup (good->positions, GUINT_TO_POINTER (pattern[k]));
        log_e += log ((double) list->len / good->length);
      }
  return exp (log_e);
}

void
good_text_measure (GoodText *good)
{
  good->unique = unique_length (good);
}
