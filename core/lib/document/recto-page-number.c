/* recto-page-number.c: recognising printed page numbers; declared in recto-numbering.h. */
#include "recto-numbering.h"

#include <string.h>

/* Text that may stand before and after a page number, outer white space removed. */
static const char *const prefixes[] = { "-", "—", "–", "―", "page", "p.", "第", "[", "(", NULL };
static const char *const suffixes[] = { "-", "—", "–", "―", "页", "頁", "]", ")", NULL };

static gboolean
is_roman (const char *word)
{
  if (*word == '\0' || strlen (word) > 8)
    return FALSE;
  for (const char *c = word; *c != '\0'; c++)
    if (strchr ("ivxlcdm", g_ascii_tolower (*c)) == NULL)
      return FALSE;
  return TRUE;
}

/* Removes one of @affixes from the start (or, with @at_end, the end) of @text, in place. */
static void
strip_affix (char *text, const char *const *affixes, gboolean at_end)
{
  gsize length = strlen (text);

  for (guint i = 0; affixes[i] != NULL; i++)
    {
      gsize n = strlen (affixes[i]);
      if (n > length)
        continue;
      if (!at_end && g_ascii_strncasecmp (text, affixes[i], n) == 0)
        {
          memmove (text, text + n, length - n + 1);
          return;
        }
      if (at_end && g_ascii_strcasecmp (text + length - n, affixes[i]) == 0)
        {
          text[length - n] = '\0';
          return;
        }
    }
}

static gboolean
is_number_word (const char *word)
{
  gboolean digits = *word != '\0';

  for (const char *c = word; *c != '\0'; c++)
    digits = digits && g_ascii_isdigit (*c);
  return digits || is_roman (word);
}

/* Removes the count of pages that may follow a page number, in place: "5 / 120", "Page 5 of
 * 120", "第 5 页 共 6 页". A number above its count is no page number ("2024/5" is a date):
 * the text is emptied. */
static void
strip_total (char *text)
{
  static const char *const openers[] = { "/", "of", "共", NULL };

  for (guint i = 0; openers[i] != NULL; i++)
    {
      char *at = g_strrstr (text, openers[i]);
      g_autofree char *total = NULL;

      if (at == NULL || at == text)
        continue;
      total = g_strstrip (g_strdup (at + strlen (openers[i])));
      strip_affix (total, suffixes, TRUE);
      g_strstrip (total);
      if (is_number_word (total))
        {
          *at = '\0';
          g_strstrip (text);
          if (*text != '\0' && g_ascii_isdigit (total[0])
              && g_ascii_isdigit (text[strlen (text) - 1])
              && g_ascii_strtoull (text + strcspn (text, "0123456789"), NULL, 10)
                     > g_ascii_strtoull (total, NULL, 10))
            *text = '\0';
          return;
        }
    }
}

char *
recto_page_number_parse (const char *text)
{
  /* NFKC: full-width digits and the roman numerals of CJK fonts ("Ⅱ") read as plain ones. */
  g_autofree char *core = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  gboolean digits = TRUE;

  if (core == NULL)
    return NULL;
  g_strstrip (core);
  strip_total (core);
  strip_affix (core, prefixes, FALSE);
  g_strstrip (core);
  strip_affix (core, suffixes, TRUE);
  g_strstrip (core);
  if (*core == '\0' || strlen (core) > 6)
    return NULL;
  for (const char *c = core; *c != '\0'; c++)
    digits = digits && g_ascii_isdigit (*c);
  /* No page is numbered 0: a lone "0" or "00" at a page's edge is a table's figure or the end
   * of a code wrapped onto a line of its own. */
  if (digits && core[strspn (core, "0")] == '\0')
    return NULL;
  if (digits || is_roman (core))
    return g_steal_pointer (&core);
  return NULL;
}

char *
recto_page_number_shape (const char *text)
{
  g_autoptr (GString) masked = g_string_new (NULL);
  g_autofree char *number = recto_page_number_parse (text);
  GString *shape;

  if (number != NULL)
    {
      /* A bare number: all page numbers of one form look alike, roman ones too. */
      g_autofree char *copy = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
      char *at = strstr (copy, number);
      if (at != NULL)
        {
          *at = '\0';
          g_string_append_printf (masked, "%s#%s", copy, at + strlen (number));
        }
      else
        g_string_append (masked, "#");
    }
  else
    g_string_append (masked, text);
  /* Digits anywhere (a date, a volume number) count as the same shape: each run becomes one
   * '#', and white space goes, in one pass (erasing in place costs quadratic time on a long
   * line). */
  shape = g_string_sized_new (masked->len);
  for (gsize i = 0; i < masked->len; i++)
    if (g_ascii_isdigit (masked->str[i]))
      {
        if (i == 0 || !g_ascii_isdigit (masked->str[i - 1]))
          g_string_append_c (shape, '#');
      }
    else if (!g_ascii_isspace (masked->str[i]))
      g_string_append_c (shape, masked->str[i]);
  return g_string_free (shape, FALSE);
}

gboolean
recto_page_number_is_decorated (const char *text)
{
  g_autofree char *number = recto_page_number_parse (text);
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  return number != NULL && !g_str_equal (number, trimmed);
}
