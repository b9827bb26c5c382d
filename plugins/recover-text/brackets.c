/* brackets.c: see brackets.h. */
#include "brackets.h"

static const gunichar kinds[4] = { 0x3008 /* 〈 */, 0x3009 /* 〉 */, 0xFF08 /* （ */, 0xFF09 /* ） */ };

void
bracket_census_add (BracketCensus *census, gunichar c)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (c == kinds[i])
      census->seen[i] = TRUE;
}

gunichar
bracket_census_fix (const BracketCensus *census, gunichar c)
{
  const gboolean *seen = census->seen;

  /* 〈 never closed by a 〉, in a text with ）: the 〈 is a （ (OCR reads some of them right). */
  if (c == kinds[0] && !seen[1] && seen[3])
    return kinds[2];
  if (c == kinds[1] && !seen[0] && seen[2])
    return kinds[3];
  return c;
}
