/* inkless-text.c: see inkless-text.h. A tracking string drawn white and fully transparent at
 * the page's foot, text left in mode 3 by a layout program, or a number a table drew outside
 * its cell's clip (under the number the cell shows) is in the text layer but not on the page:
 * it is kept (flagged), and later stages keep it out of the body and out of the lines the page
 * shows. */
#include "inkless-text.h"

gboolean
inkless_text_any (const PageText *text)
{
  for (guint i = 0; i < text->hidden->len; i++)
    if (g_array_index (text->hidden, guint8, i) == TEXT_INKLESS)
      return TRUE;
  return FALSE;
}

static gboolean
any_hidden (const PageText *text)
{
  for (guint i = 0; i < text->hidden->len; i++)
    if (g_array_index (text->hidden, guint8, i) != TEXT_SHOWN)
      return TRUE;
  return FALSE;
}

static gboolean
over_image (const PageText *text, const RectoBox *box)
{
  float x = (box->x1 + box->x2) / 2, y = (box->y1 + box->y2) / 2;

  for (guint i = 0; text->images != NULL && i < text->images->len; i++)
    {
      const RectoBox *image = &g_array_index (text->images, RectoBox, i);
      if (x >= image->x1 && x <= image->x2 && y >= image->y1 && y <= image->y2)
        return TRUE;
    }
  return FALSE;
}

static gboolean
hidden (const PageText *text, guint glyph)
{
  switch (g_array_index (text->hidden, guint8, glyph))
    {
    case TEXT_SHOWN:
      return FALSE;
    case TEXT_INKLESS:
      return !over_image (text, &g_array_index (text->boxes, RectoBox, glyph));
    default:
      return TRUE;
    }
}

void
inkless_text_mark (PageText *text)
{
  g_autoptr (GArray) runs = NULL;
  guint first = 0;

  if (!any_hidden (text))
    return;
  runs = g_array_sized_new (FALSE, FALSE, sizeof (PageRun), text->runs->len);
  for (guint r = 0; r < text->runs->len; r++)
    {
      const PageRun *run = &g_array_index (text->runs, PageRun, r);
      guint end = first + run->length;
      while (first < end)
        {
          PageRun piece = *run;
          gboolean is_hidden = hidden (text, first);
          piece.length = 0;
          for (; first < end && hidden (text, first) == is_hidden; first++)
            piece.length++;
          if (is_hidden)
            piece.flags |= RECTO_FONT_INVISIBLE;
          g_array_append_val (runs, piece);
        }
    }
  g_array_unref (text->runs);
  text->runs = g_steal_pointer (&runs);
}
