/* brackets.h: brackets come in pairs. OCR reads the full-width parentheses of Chinese text as
 * angle brackets (（ as 〈, ） as 〉): a text that has 〈 and ） but no 〉 has misread its （, and
 * the other way round. The census is taken over a whole font map or a whole volume. */
#pragma once

#include <glib.h>

typedef struct
{
  gboolean seen[4]; /* 〈 〉 （ ） */
} BracketCensus;

void bracket_census_add (BracketCensus *census, gunichar c);
/* @c, or the parenthesis it was misread for. */
gunichar bracket_census_fix (const BracketCensus *census, gunichar c);
