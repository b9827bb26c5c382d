/* sort-keys.c: see sort-keys.h. A merge sort with the comparison inlined: GLib's sort calls a
 * comparison function through a pointer for each of the n log n comparisons, and sorting was
 * about half the stage's time. */
#include "sort-keys.h"

#include <math.h>
#include <string.h>

/* Below this many keys, insertion sort is the faster. */
#define INSERTION_SORT_MAX 16

static int
compare_keys (gconstpointer a, gconstpointer b, gpointer unused)
{
  const SortKey *ka = a, *kb = b;

  if (ka->primary != kb->primary)
    return ka->primary < kb->primary ? -1 : 1;
  if (ka->secondary != kb->secondary)
    return ka->secondary < kb->secondary ? -1 : 1;
  return (int) ka->glyph - (int) kb->glyph;
}

static inline gboolean
comes_before (const SortKey *a, const SortKey *b)
{
  return compare_keys (a, b, NULL) < 0;
}

static void
insertion_sort (SortKey *keys, guint n)
{
  for (guint i = 1; i < n; i++)
    {
      SortKey key = keys[i];
      guint j = i;
      for (; j > 0 && comes_before (&key, &keys[j - 1]); j--)
        keys[j] = keys[j - 1];
      keys[j] = key;
    }
}

static void
merge_sort (SortKey *keys, guint n, SortKey *scratch)
{
  guint half = n / 2, left = 0, right = half, out = 0;

  if (n <= INSERTION_SORT_MAX)
    {
      insertion_sort (keys, n);
      return;
    }
  merge_sort (keys, half, scratch);
  merge_sort (keys + half, n - half, scratch);
  if (!comes_before (&keys[half], &keys[half - 1]))
    return; /* already in order, as text drawn in reading order mostly is */
  /* The left half waits in @scratch; the merged keys never overtake the right half. */
  memcpy (scratch, keys, half * sizeof (SortKey));
  while (left < half && right < n)
    keys[out++] = comes_before (&keys[right], &scratch[left]) ? keys[right++] : scratch[left++];
  memcpy (keys + out, scratch + left, (half - left) * sizeof (SortKey));
}

static gboolean
has_nan (const SortKey *keys, guint n)
{
  for (guint i = 0; i < n; i++)
    if (isnan (keys[i].primary) || isnan (keys[i].secondary))
      return TRUE;
  return FALSE;
}

void
sort_keys (SortKey *keys, guint n, SortKey *scratch)
{
  /* Without NaNs the order is total, and every sort finds the same one. A NaN compares as
   * neither less nor more: then only the algorithm the stage always used (GLib's) gives the
   * lines it always gave. */
  if (has_nan (keys, n))
    g_qsort_with_data (keys, (gint) n, sizeof (SortKey), compare_keys, NULL);
  else
    merge_sort (keys, n, scratch);
}
