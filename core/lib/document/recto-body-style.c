/* recto-body-style.c: the body size and font of a document (recto_document_get_body_size(),
 * recto_document_get_body_font()), the style most characters of its lines are set in: the
 * measure that stages' rules are relative to. */
#include <math.h>
#include <string.h>

#include "recto-document-private.h"

/* A style of body lines (sizes are told apart to a tenth of a point; an unknown font is the
 * empty name), and how many characters are set in it. */
typedef struct
{
  long tenths;
  const char *font;
  guint chars;
} StyleCount;

static guint
style_hash (gconstpointer key)
{
  const StyleCount *style = key;

  return g_str_hash (style->font) * 31 + (guint) style->tenths;
}

static gboolean
style_equal (gconstpointer a, gconstpointer b)
{
  const StyleCount *style_a = a, *style_b = b;

  return style_a->tenths == style_b->tenths && g_str_equal (style_a->font, style_b->font);
}

/* The count of the style of @line (@tenths of a point) in @counts, added if new. */
static StyleCount *
count_of_style (GHashTable *counts, const RectoLine *line, long tenths)
{
  StyleCount wanted = { tenths, line->font != NULL ? line->font : "", 0 };
  StyleCount *count = g_hash_table_lookup (counts, &wanted);

  if (count == NULL)
    {
      count = g_memdup2 (&wanted, sizeof wanted);
      g_hash_table_add (counts, count);
    }
  return count;
}

/* The characters of the UTF-8 @text: its bytes less its continuation bytes (10xxxxxx), counted
 * eight at a time. Several stages ask for the body's style, and g_utf8_strlen() steps from
 * character to character, each step waiting for the last. */
static guint
count_chars (const char *text)
{
  gsize length = strlen (text), i = 0, continuations = 0;

  for (; i + 8 <= length; i += 8)
    {
      guint64 bytes;
      memcpy (&bytes, text + i, 8);
      /* The top bit of each continuation byte, moved down to 1 and summed by a multiplication
       * into the top byte. */
      continuations +=
          (((bytes & ~(bytes << 1) & 0x8080808080808080u) >> 7) * 0x0101010101010101u) >> 56;
    }
  for (; i < length; i++)
    continuations += ((guchar) text[i] & 0xC0) == 0x80;
  return (guint) (length - continuations);
}

/* The style (size and font) that most characters of the body lines are set in: the first to
 * lead, line by line, in reading order. */
static void
find_body_style (const RectoDocument *doc, float *size, const char **font)
{
  g_autoptr (GHashTable) counts = g_hash_table_new_full (style_hash, style_equal, g_free, NULL);
  StyleCount *count = NULL; /* the last line's style: most lines share the one before's */
  const char *count_font = NULL; /* and that line's font */
  guint best_chars = 0;

  gboolean upright = FALSE;

  *size = 0;
  *font = NULL;
  /* A page turned to fit what its measure cannot hold (RectoPage.turn: a wide table) is no
   * part of the body's text where the document has upright pages with lines. */
  for (guint p = 0; p < recto_document_get_n_pages (doc) && !upright; p++)
    upright = recto_document_get_page (doc, p)->turn == 0
              && recto_document_get_page (doc, p)->lines->len > 0;
  for (guint p = 0; p < recto_document_get_n_pages (doc); p++)
    {
      const RectoPage *page = recto_document_get_page (doc, p);
      for (guint i = 0; i < page->lines->len && !(upright && page->turn != 0); i++)
        {
          const RectoLine *line = g_ptr_array_index (page->lines, i);
          long tenths;
          if (line->role != RECTO_LINE_BODY || line->size <= 0)
            continue;
          tenths = lroundf (line->size * 10);
          /* The same font pointer is the same name, without hashing it. */
          if (count == NULL || line->font != count_font || tenths != count->tenths)
            {
              count = count_of_style (counts, line, tenths);
              count_font = line->font;
            }
          count->chars += count_chars (line->text);
          if (count->chars > best_chars)
            {
              best_chars = count->chars;
              *size = line->size;
              *font = line->font;
            }
        }
    }
}

float
recto_document_get_body_size (const RectoDocument *doc)
{
  float size;
  const char *font;

  find_body_style (doc, &size, &font);
  return size;
}

const char *
recto_document_get_body_font (const RectoDocument *doc)
{
  float size;
  const char *font;

  find_body_style (doc, &size, &font);
  return font;
}
