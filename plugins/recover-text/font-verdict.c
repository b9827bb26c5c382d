/* font-verdict.c: see font-verdict.h. */
#include "font-verdict.h"

#include <string.h>

/* @c folded for comparison: compatibility decomposition (Ⅱ → II, ｆ → f), lower case. */
static char *
fold (gunichar c)
{
  char utf8[8] = { 0 };
  g_autofree char *normal = NULL;

  g_unichar_to_utf8 (c, utf8);
  normal = g_utf8_normalize (utf8, -1, G_NORMALIZE_NFKC);
  return normal != NULL ? g_utf8_casefold (normal, -1) : g_strdup (utf8);
}

gboolean
font_verdict_agrees (gunichar text, gunichar read)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (text == read)
    return TRUE;
  a = fold (text);
  b = fold (read);
  /* A reading that is part of the text's folding ("I" of "Ⅱ") is OCR missing a stroke. */
  return g_str_equal (a, b) || (*b != '\0' && strstr (a, b) != NULL);
}

gboolean
font_verdict_map_is_wrong (guint sampled, guint disagreed)
{
  /* Most of them: OCR misreads a few glyphs of any font, a wrong map misleads on nearly all. */
  return sampled >= FONT_VERDICT_MIN_SAMPLED && disagreed * 2 > sampled;
}
