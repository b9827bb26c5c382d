/* note-anchors.c: where the text calls a page's footnotes (see note-anchors.h). */
#include <string.h>

#include "note-anchors.h"

/* A run of more than three digits is a number of the note's text (a year), not its marker. */
gsize
note_marker_length (const char *text)
{
  gunichar first = g_utf8_get_char (text);
  const char *end = g_utf8_next_char (text);

  if (g_unichar_isdigit (first))
    {
      while (g_unichar_isdigit (g_utf8_get_char (end)))
        end = g_utf8_next_char (end);
      if (g_utf8_strlen (text, end - text) > 3)
        return 0;
    }
  else if (!((first >= 0x2460 && first <= 0x24FF) || first == '*' || first == 0x2020))
    return 0;
  while (g_unichar_isspace (g_utf8_get_char (end)))
    end = g_utf8_next_char (end);
  return end - text;
}

/* The marker that opens a note at @line, or NULL: what note_lines_add() takes as its n. */
static char *
opening_marker (const RectoLine *line)
{
  gsize length = line->role == RECTO_LINE_NOTE ? note_marker_length (line->text) : 0;

  if (length == 0 || line->text[length] == '\0')
    return NULL;
  return g_strstrip (g_strndup (line->text, length));
}

GPtrArray *
note_anchors_page_markers (const RectoPage *page)
{
  GPtrArray *markers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) count = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < page->lines->len; i++)
    {
      char *marker = opening_marker (g_ptr_array_index (page->lines, i));
      if (marker != NULL)
        g_hash_table_insert (
            count, marker,
            GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (count, marker)) + 1));
    }
  for (guint i = 0; i < page->lines->len; i++)
    {
      g_autofree char *marker = opening_marker (g_ptr_array_index (page->lines, i));
      if (marker != NULL && GPOINTER_TO_UINT (g_hash_table_lookup (count, marker)) == 1)
        g_ptr_array_add (markers, g_steal_pointer (&marker));
    }
  return markers;
}

static gboolean
is_note_sign (gunichar c)
{
  return g_ascii_isdigit (c) || c == '*' || c == 0x2020 /* † */ || c == 0x2021 /* ‡ */;
}

/* The byte offset in @line's text of each of its glyphs, or NULL when the glyphs, which carry
 * no white space, are not the text's other characters one for one. */
static GArray *
glyph_offsets (const RectoPage *page, const RectoLine *line)
{
  g_autoptr (GArray) offsets = g_array_sized_new (FALSE, FALSE, sizeof (gsize), line->glyphs->len);
  guint k = 0;

  for (const char *c = line->text; *c != '\0'; c = g_utf8_next_char (c))
    {
      gunichar u = g_utf8_get_char (c);
      gsize offset = (gsize) (c - line->text);
      guint glyph;
      if (g_unichar_isspace (u))
        continue;
      if (k >= line->glyphs->len)
        return NULL;
      glyph = g_array_index (line->glyphs, guint, k++);
      if (glyph >= page->chars->len || g_array_index (page->chars, gunichar, glyph) != u)
        return NULL;
      g_array_append_val (offsets, offset);
    }
  return k == line->glyphs->len ? g_steal_pointer (&offsets) : NULL;
}

/* Whether glyph @glyph of @page is set as a note's marker after glyph @before on @line: a note
 * sign in type at most 0.8 of the line's, its foot raised above @before's. */
static gboolean
is_raised_sign (const RectoPage *page, const RectoLine *line, guint before, guint glyph)
{
  const RectoBox *boxes = (const RectoBox *) page->boxes->data;
  int span = recto_page_find_span (page, glyph);

  return span >= 0 && is_note_sign (g_array_index (page->chars, gunichar, glyph))
         && g_array_index (page->spans, RectoSpan, span).size <= 0.8f * line->size
         && boxes[before].y2 - boxes[glyph].y2 > 0.1f * line->size;
}

GArray *
note_anchors_find (const RectoPage *page, const RectoLine *line, const GPtrArray *markers)
{
  GArray *anchors = g_array_new (FALSE, FALSE, sizeof (NoteAnchor));
  g_autoptr (GArray) offsets = NULL;
  guint n;

  if (markers->len == 0 || line->glyphs == NULL || line->size <= 0 || page->boxes == NULL
      || page->boxes->len < page->chars->len)
    return anchors;
  offsets = glyph_offsets (page, line);
  n = offsets != NULL ? offsets->len : 0;
  for (guint i = 1; i < n;)
    {
      guint before = g_array_index (line->glyphs, guint, i - 1);
      guint end = i;
      NoteAnchor anchor;
      const char *last;
      while (end < n
             && is_raised_sign (page, line, before, g_array_index (line->glyphs, guint, end)))
        end++;
      if (end == i)
        {
          i++;
          continue;
        }
      anchor.start = g_array_index (offsets, gsize, i);
      last = line->text + g_array_index (offsets, gsize, end - 1);
      anchor.end = (gsize) (g_utf8_next_char (last) - line->text);
      for (guint m = 0; m < markers->len; m++)
        {
          const char *marker = g_ptr_array_index (markers, m);
          if (strlen (marker) == anchor.end - anchor.start
              && memcmp (marker, line->text + anchor.start, anchor.end - anchor.start) == 0)
            g_array_append_val (anchors, anchor);
        }
      i = end;
    }
  return anchors;
}
