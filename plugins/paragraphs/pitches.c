/* pitches.c: the volume's usual line pitches: the median distance between consecutive body
 * lines of one size on one page, for each size (headings are often set with more leading than
 * the text), and over all, against which the paragraph stage judges a gap between lines. */
#include "pitches.h"

#include <math.h>

#include "median.h"

static gpointer
size_key (float size)
{
  return GINT_TO_POINTER ((int) lroundf (size * 10));
}

static void
add_pitch (Pitches *pitches, float size, float pitch)
{
  GArray *of_size = g_hash_table_lookup (pitches->by_size, size_key (size));

  if (of_size == NULL)
    {
      of_size = g_array_new (FALSE, FALSE, sizeof (float));
      g_hash_table_insert (pitches->by_size, size_key (size), of_size);
    }
  g_array_append_val (of_size, pitch);
}

static void
select_median (gpointer size, gpointer of_size, gpointer unused)
{
  median_of_floats ((float *) ((GArray *) of_size)->data, ((GArray *) of_size)->len);
}

void
pitches_find (RectoDocument *doc, const GPtrArray *measures, Pitches *pitches)
{
  g_autoptr (GArray) all = g_array_new (FALSE, FALSE, sizeof (float));

  pitches->by_size =
      g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, (GDestroyNotify) g_array_unref);
  for (guint p = 0; p < recto_document_get_n_pages (doc); p++)
    {
      const RectoPage *page = recto_document_get_page (doc, p);
      const RectoLine *prev = NULL;
      const LineMeasures *prev_measures = NULL;
      for (guint i = 0; i < page->lines->len; i++)
        {
          const RectoLine *line = g_ptr_array_index (page->lines, i);
          const LineMeasures *line_measures = line_measures_get (measures, p, i);
          if (line->role != RECTO_LINE_BODY || !line->has_box)
            continue;
          if (prev != NULL && prev->size == line->size)
            {
              float pitch = line_measures_pitch (prev_measures, line_measures);
              /* Lines side by side or far apart say nothing about leading. */
              if (pitch > 0.5f * line_type_size (line) && pitch < 3 * line_type_size (line))
                {
                  add_pitch (pitches, line->size, pitch);
                  g_array_append_val (all, pitch);
                }
            }
          prev = line;
          prev_measures = line_measures;
        }
    }
  pitches->overall = all->len > 0 ? median_of_floats ((float *) all->data, all->len) : 0;
  pitches->overall_size = recto_document_get_body_size (doc);
  /* Found once here: pitches_usual() is asked for every line. */
  g_hash_table_foreach (pitches->by_size, select_median, NULL);
}

/* The usual pitch of lines of @size: their own median where enough pairs give one, else the
 * overall pitch scaled to the size. */
float
pitches_usual (const Pitches *pitches, float size)
{
  GArray *of_size = g_hash_table_lookup (pitches->by_size, size_key (size));

  if (of_size != NULL && of_size->len >= 3)
    return g_array_index (of_size, float, of_size->len / 2); /* the median: see pitches_find() */
  if (pitches->overall_size > 0 && size > 0)
    return pitches->overall * size / pitches->overall_size;
  return pitches->overall;
}
