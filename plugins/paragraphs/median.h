/* median.h: the median of a set of floats, for the paragraph stage's line pitches. */
#pragma once

#include <glib.h>

/* The median of the @n (at least 1) @values, reordered so that it stands at @values[@n / 2],
 * where sorting them would put it. */
float median_of_floats (float *values, guint n);
