/* pitches.h: the volume's usual line pitches, by type size. */
#pragma once

#include <recto/recto.h>

#include "line-measures.h"

/* Line pitches: the median distance between consecutive body lines of one size on one page,
 * for each size (headings are often set with more leading than the text), and over all. */
typedef struct
{
  GHashTable *by_size; /* size in tenths of a point → GArray of float, the median in the middle */
  float overall;
  float overall_size; /* the size whose lines gave most of the overall pitches */
} Pitches;

/* Measures @doc's line pitches (@measures: line_measures_take()) into @pitches; free with
 * g_hash_table_unref() on its by_size. */
void pitches_find (RectoDocument *doc, const GPtrArray *measures, Pitches *pitches);

/* The usual pitch of lines of @size: their own median where enough pairs give one, else the
 * overall pitch scaled to the size. */
float pitches_usual (const Pitches *pitches, float size);
