/* sort-keys.h: sorting glyphs by two coordinates (top to bottom then left to right, say), for
 * reading-order, which sorts every glyph of a volume more than once. */
#pragma once

#include <glib.h>

/* A glyph with the values it is sorted by beside it, so that comparing two does not go through
 * the page's boxes. */
typedef struct
{
  float primary, secondary;
  guint glyph;
} SortKey;

/* Sorts @n @keys by primary, then secondary, then glyph index, using @scratch (room for @n
 * keys). */
void sort_keys (SortKey *keys, guint n, SortKey *scratch);
