/* median.c: see median.h. Only the middle value is wanted: selecting it costs less than
 * sorting, and short runs (a line's glyph edges) are sorted by insertion, without calls. */
#include "median.h"

#include <math.h>

/* Up to this many values, insertion sort beats the rest: a line's glyphs' edges are few and
 * mostly in order already. */
#define SHORT_RUN 64

static int
compare_floats (gconstpointer a, gconstpointer b, gpointer unused)
{
  float fa = *(const float *) a, fb = *(const float *) b;
  return (fa > fb) - (fa < fb);
}

static gboolean
has_nan (const float *values, guint n)
{
  for (guint i = 0; i < n; i++)
    if (isnan (values[i]))
      return TRUE;
  return FALSE;
}

static void
insertion_sort (float *values, guint n)
{
  for (guint i = 1; i < n; i++)
    {
      float value = values[i];
      guint j = i;
      for (; j > 0 && value < values[j - 1]; j--)
        values[j] = values[j - 1];
      values[j] = value;
    }
}

static void
swap (float *a, float *b)
{
  float t = *a;
  *a = *b;
  *b = t;
}

/* Hoare's FIND, as Wirth gives it: partitions around the value at @k until every value before
 * @k is no more than it and every value after no less. */
static void
select_nth (float *values, int n, int k)
{
  int left = 0, right = n - 1;

  while (left < right)
    {
      float pivot = values[k];
      int i = left, j = right;
      do
        {
          while (values[i] < pivot)
            i++;
          while (pivot < values[j])
            j--;
          if (i <= j)
            swap (&values[i++], &values[j--]);
        }
      while (i <= j);
      if (j < k)
        left = i;
      if (k < i)
        right = j;
    }
}

float
median_of_floats (float *values, guint n)
{
  /* A NaN compares as neither less nor more: where there is one, which value lands in the
   * middle depends on the algorithm, and GLib's sort is the one the stage always used. */
  if (has_nan (values, n))
    g_qsort_with_data (values, (gint) n, sizeof (float), compare_floats, NULL);
  else if (n <= SHORT_RUN)
    insertion_sort (values, n);
  else
    select_nth (values, (int) n, (int) (n / 2));
  return values[n / 2];
}
