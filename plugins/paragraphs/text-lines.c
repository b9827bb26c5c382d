/* text-lines.c: see text-lines.h. */
#include "text-lines.h"

/* Characters of ambiguous width (“ ” ‘ ’ …) take two columns too: extractions of CJK text
 * wrap at a count of characters, and these stand among them. */
static guint
char_width (gunichar c)
{
  return g_unichar_iswide_cjk (c) ? 2 : 1;
}

guint
text_lines_width (const char *text)
{
  const char *c = text;
  guint width = 0;

  while (*c != '\0' && g_unichar_isspace (g_utf8_get_char (c)))
    c = g_utf8_next_char (c);
  for (; *c != '\0'; c = g_utf8_next_char (c))
    width += char_width (g_utf8_get_char (c));
  return width;
}

gboolean
text_lines_is_opening (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);
  return type == G_UNICODE_OPEN_PUNCTUATION || type == G_UNICODE_INITIAL_PUNCTUATION;
}

guint
text_lines_first_unit (const char *text)
{
  const char *c = text;
  guint width = 0;

  while (*c != '\0' && g_unichar_isspace (g_utf8_get_char (c)))
    c = g_utf8_next_char (c);
  /* Opening quotes and brackets may not end a line: they go with what follows. */
  for (; *c != '\0' && text_lines_is_opening (g_utf8_get_char (c)); c = g_utf8_next_char (c))
    width += char_width (g_utf8_get_char (c));
  if (*c == '\0')
    return width;
  if (g_unichar_iswide (g_utf8_get_char (c)))
    {
      width += 2;
      for (c = g_utf8_next_char (c); *c != '\0' && g_unichar_ispunct (g_utf8_get_char (c))
                                     && !text_lines_is_opening (g_utf8_get_char (c));
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

static int
compare_uints (gconstpointer a, gconstpointer b)
{
  guint ua = *(const guint *) a, ub = *(const guint *) b;
  return (ua > ub) - (ua < ub);
}

/* The most common value of sorted @values (the larger on a tie). */
static guint
mode (const GArray *values)
{
  guint best = 0, best_count = 0, run = 0;

  for (guint i = 0; i < values->len; i++)
    {
      guint value = g_array_index (values, guint, i);
      run = i > 0 && value == g_array_index (values, guint, i - 1) ? run + 1 : 1;
      if (run >= best_count)
        {
          best_count = run;
          best = value;
        }
    }
  return best;
}

guint
text_lines_measure (RectoDocument *doc)
{
  g_autoptr (GArray) widths = g_array_new (FALSE, FALSE, sizeof (guint));
  guint widest = 0, kept = 0;

  for (guint p = 0; p < recto_document_get_n_pages (doc); p++)
    {
      const RectoPage *page = recto_document_get_page (doc, p);
      for (guint i = 0; i < page->lines->len; i++)
        {
          const RectoLine *line = g_ptr_array_index (page->lines, i);
          guint width;
          if (line->role != RECTO_LINE_BODY || line->has_box)
            continue;
          width = text_lines_width (line->text);
          g_array_append_val (widths, width);
          widest = MAX (widest, width);
        }
    }
  /* The long lines set the measure: the width most of them share is where the extraction
   * wrapped (a few run past it with punctuation that may not start a line). */
  for (guint i = 0; i < widths->len; i++)
    if (g_array_index (widths, guint, i) * 4 >= widest * 3)
      g_array_index (widths, guint, kept++) = g_array_index (widths, guint, i);
  if (kept == 0)
    return widest;
  g_array_set_size (widths, kept);
  g_array_sort (widths, compare_uints);
  return mode (widths);
}

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

TextSpacing
text_lines_spacing (RectoDocument *doc)
{
  guint lines = 0, blanks = 0, followed_by_blank = 0;

  for (guint p = 0; p < recto_document_get_n_pages (doc); p++)
    {
      const RectoPage *page = recto_document_get_page (doc, p);
      for (guint i = 0; i < page->lines->len; i++)
        {
          const RectoLine *line = g_ptr_array_index (page->lines, i);
          const RectoLine *next =
              i + 1 < page->lines->len ? g_ptr_array_index (page->lines, i + 1) : NULL;
          if (line->has_box)
            continue;
          if (is_blank (line->text))
            {
              blanks++;
              continue;
            }
          lines++;
          followed_by_blank += next != NULL && is_blank (next->text);
        }
    }
  if (followed_by_blank * 2 > lines)
    return TEXT_SPACING_DOUBLE;
  /* A few blank lines (one in twenty lines at least) separate paragraphs. */
  return blanks * 20 >= lines && blanks > 0 ? TEXT_SPACING_BLANK_LINES : TEXT_SPACING_NONE;
}

/* @text after its leading white space (a text line's indent). */
const char *
text_lines_skip_space (const char *text)
{
  while (*text != '\0' && g_unichar_isspace (g_utf8_get_char (text)))
    text = g_utf8_next_char (text);
  return text;
}
