/* text-lines.c: see text-lines.h. */
#include "text-lines.h"

static guint
char_width (gunichar c)
{
  return g_unichar_iswide (c) ? 2 : 1;
}

guint
text_lines_width (const char *text)
{
  guint width = 0;

  for (const char *c = text; *c != '\0'; c = g_utf8_next_char (c))
    width += char_width (g_utf8_get_char (c));
  return width;
}

guint
text_lines_first_unit (const char *text)
{
  const char *c = text;
  guint width = 0;

  while (*c != '\0' && g_unichar_isspace (g_utf8_get_char (c)))
    c = g_utf8_next_char (c);
  if (*c == '\0')
    return 0;
  if (g_unichar_iswide (g_utf8_get_char (c)))
    {
      width = 2;
      for (c = g_utf8_next_char (c); *c != '\0' && g_unichar_ispunct (g_utf8_get_char (c));
           c = g_utf8_next_char (c))
        width += char_width (g_utf8_get_char (c));
      return width;
    }
  for (; *c != '\0' && !g_unichar_isspace (g_utf8_get_char (c))
         && !g_unichar_iswide (g_utf8_get_char (c));
       c = g_utf8_next_char (c))
    width++;
  return width;
}

guint
text_lines_measure (RectoDocument *doc)
{
  guint measure = 0;

  for (guint p = 0; p < recto_document_get_n_pages (doc); p++)
    {
      const RectoPage *page = recto_document_get_page (doc, p);
      for (guint i = 0; i < page->lines->len; i++)
        {
          const RectoLine *line = g_ptr_array_index (page->lines, i);
          if (line->role == RECTO_LINE_BODY && !line->has_box)
            measure = MAX (measure, text_lines_width (line->text));
        }
    }
  return measure;
}
