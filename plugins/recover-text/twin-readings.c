/* twin-readings.c: see twin-readings.h. */
#include "twin-readings.h"

/* Whether @mapping's character is written: learned from OCR's readings, surely enough. */
static gboolean
is_asserted (const RectoGlyphMapping *mapping, float min_certainty)
{
  return mapping->character != 0 && !g_unichar_isspace (mapping->character)
         && !mapping->from_context && !mapping->from_shape && mapping->certainty >= min_certainty;
}

guint
twin_readings_mark (GArray *elected, float min_certainty)
{
  guint marked = 0;

  for (guint f = 0; f < elected->len; f++)
    {
      GArray *mappings = g_array_index (elected, ElectedFont, f).mappings;
      g_autoptr (GHashTable) first = g_hash_table_new (NULL, NULL); /* character → mapping */
      for (guint i = 0; i < mappings->len; i++)
        {
          RectoGlyphMapping *mapping = &g_array_index (mappings, RectoGlyphMapping, i);
          RectoGlyphMapping *other;
          if (!is_asserted (mapping, min_certainty))
            continue;
          other = g_hash_table_lookup (first, GUINT_TO_POINTER (mapping->character));
          if (other == NULL)
            {
              g_hash_table_insert (first, GUINT_TO_POINTER (mapping->character), mapping);
              continue;
            }
          marked += (other->twin == 0) + 1;
          other->twin = other->code;
          mapping->twin = mapping->code;
        }
    }
  return marked;
}

/* How strongly OCR's readings support @mapping's character: how often it was read, times how
 * surely. */
static float
support (const RectoGlyphMapping *mapping)
{
  return mapping->readings * mapping->certainty;
}

/* Whether @target is a drawn code of @font marked for character @c. */
static gboolean
is_twin (const ShapeTarget *target, const ElectedFont *font, gunichar c)
{
  return c != 0 && target->n > 0 && target->font == font && target->mapping->twin != 0
         && target->mapping->character == c;
}

void
twin_readings_settle (GArray *targets)
{
  for (guint t = 0; t < targets->len; t++)
    {
      const ShapeTarget *first = &g_array_index (targets, ShapeTarget, t);
      const ElectedFont *font = first->font;
      gunichar c = first->mapping->character;
      ShapeTarget *best = NULL, *rival = NULL;
      if (!is_twin (first, font, c))
        continue;
      /* The best-supported drawn code of c, the first of equals in the targets' order. */
      for (guint u = t; u < targets->len; u++)
        {
          ShapeTarget *other = &g_array_index (targets, ShapeTarget, u);
          if (is_twin (other, font, c)
              && (best == NULL || support (other->mapping) > support (best->mapping)))
            best = other;
        }
      /* Each twin settles here once: it keeps c (no longer marked) or loses it. */
      for (guint u = t; u < targets->len; u++)
        {
          ShapeTarget *other = &g_array_index (targets, ShapeTarget, u);
          if (other == best || !is_twin (other, font, c))
            continue;
          if (other->mapping->readings >= TWIN_MANY_READINGS
              || shape_match (other->shapes, other->n, best->shapes, best->n) >= TWIN_SAME_DRAWING)
            {
              other->mapping->twin = 0;
              continue;
            }
          other->mapping->twin = best->mapping->code;
          other->mapping->character = 0;
          if (rival == NULL || support (other->mapping) > support (rival->mapping))
            rival = other;
        }
      /* The best keeps c only where its readings clearly outweigh every twin drawn otherwise. */
      best->mapping->twin = 0;
      if (rival != NULL && best->mapping->readings < TWIN_MANY_READINGS
          && support (best->mapping) < TWIN_CLEAR_SUPPORT * support (rival->mapping))
        best->mapping->twin = rival->mapping->code, best->mapping->character = 0;
    }
}

void
twin_readings_unmark_kept (GArray *elected)
{
  for (guint f = 0; f < elected->len; f++)
    {
      GArray *mappings = g_array_index (elected, ElectedFont, f).mappings;
      for (guint i = 0; i < mappings->len; i++)
        {
          RectoGlyphMapping *mapping = &g_array_index (mappings, RectoGlyphMapping, i);
          if (mapping->character != 0)
            mapping->twin = 0;
        }
    }
}
