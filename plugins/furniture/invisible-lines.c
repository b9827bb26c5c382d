/* invisible-lines.c: see invisible-lines.h. A tracking code drawn fully transparent at a page's
 * foot is in the text layer, so nothing of it is dropped, but a reader never saw it: it is not
 * body text, nor a running line that others repeat. */
#include "invisible-lines.h"

static gboolean
is_invisible (const RectoPage *page, const RectoLine *line)
{
  guint visible = 0, hidden = 0;

  for (guint i = 0; line->glyphs != NULL && i < line->glyphs->len; i++)
    {
      guint glyph = g_array_index (line->glyphs, guint, i);
      int span = recto_page_find_span (page, glyph);
      if (g_unichar_isspace (g_array_index (page->chars, gunichar, glyph)))
        continue;
      if (span >= 0 && g_array_index (page->spans, RectoSpan, span).flags & RECTO_FONT_INVISIBLE)
        hidden++;
      else
        visible++;
    }
  return hidden > 0 && visible == 0;
}

/* Marks @page's invisible lines; returns how many characters they hold. */
static guint
mark_page (RectoPage *page)
{
  guint chars = 0;

  for (guint i = 0; i < page->lines->len; i++)
    {
      RectoLine *line = g_ptr_array_index (page->lines, i);
      if (line->role != RECTO_LINE_BODY || !is_invisible (page, line))
        continue;
      line->role = RECTO_LINE_INVISIBLE;
      chars += line->glyphs->len;
    }
  return chars;
}

void
invisible_lines_mark (RectoDocument *doc, RectoStageContext *ctx)
{
  g_autoptr (RectoPageList) pages = recto_page_list_new ();
  guint chars = 0;

  for (guint i = 0; i < recto_document_get_n_pages (doc); i++)
    {
      guint page_chars = mark_page (recto_document_get_page (doc, i));
      if (page_chars == 0)
        continue;
      chars += page_chars;
      recto_page_list_add (pages, i + 1);
    }
  if (chars > 0)
    {
      g_autofree char *named = recto_page_list_describe (pages);
      recto_stage_context_warn (ctx,
                                "%u characters the page does not show (drawn without ink, cut "
                                "away by a clip or painted over) on %s: kept apart from the body "
                                "as <fw type=\"invisible\">",
                                chars, named);
    }
}
