/* unread-glyphs.c: see unread-glyphs.h. */
#include "unread-glyphs.h"

#include "font-verdict.h"

/* Marks the glyphs of @survey's font no stage recovered as not recovered, their codes kept
 * (the sink writes them as gaps), and records the font's check with @method. Returns how many
 * glyphs it marked. */
static guint
mark_font (RectoDocument *doc, const FontSurvey *survey, const char *method)
{
  RectoFontCheck check = { .font = survey->font, .verdict = RECTO_FONT_UNKNOWN,
                           .method = (char *) method };

  for (guint p = 0; p < recto_document_get_n_pages (doc); p++)
    {
      RectoPage *page = recto_document_get_page (doc, p);
      for (guint s = 0; s < page->spans->len; s++)
        {
          const RectoSpan *span = &g_array_index (page->spans, RectoSpan, s);
          if (span->subset != survey->font)
            continue;
          for (guint i = span->first; i < span->first + span->length; i++)
            if (g_array_index (page->chars, gunichar, i) != ' '
                && recto_page_get_recovered (page, i) == NULL)
              {
                recto_page_mark_recovered (doc, page, i, g_array_index (page->chars, gunichar, i), 0);
                check.unasserted++;
              }
        }
    }
  check.glyphs = check.unasserted;
  if (check.unasserted > 0)
    recto_document_add_font_check (doc, &check);
  return check.unasserted;
}

guint
unread_glyphs_mark_unmapped (RectoDocument *doc, const GArray *surveys)
{
  guint marked = 0;

  for (guint i = 0; i < surveys->len; i++)
    {
      const FontSurvey *survey = &g_array_index (surveys, FontSurvey, i);
      if (survey->unmapped && !survey->implausible)
        marked += mark_font (doc, survey,
                             "No usable Unicode map, and the source cannot draw its pages to "
                             "read them: its glyphs are kept as codes");
    }
  return marked;
}

/* Whether OCR found the characters of @font good: it sampled enough of them, and most
 * agreed. */
static gboolean
confirmed_good (RectoDocument *doc, const char *font)
{
  for (guint i = 0; i < recto_document_get_n_font_checks (doc); i++)
    {
      const RectoFontCheck *check = recto_document_get_font_check (doc, i);
      if (check->font == font && check->sampled >= FONT_VERDICT_MIN_SAMPLED
          && !font_verdict_map_is_wrong (check->sampled, check->disagreed))
        return TRUE;
    }
  return FALSE;
}

guint
unread_glyphs_mark_numbered (RectoDocument *doc, const GArray *surveys)
{
  guint marked = 0;

  for (guint i = 0; i < surveys->len; i++)
    {
      const FontSurvey *survey = &g_array_index (surveys, FontSurvey, i);
      if (survey->numbered && !confirmed_good (doc, survey->font))
        marked += mark_font (doc, survey,
                             "Its codes number its glyphs from 0x21 (no Unicode map); these "
                             "of its glyphs stand in lines running down the page, which OCR "
                             "does not read: kept as codes");
    }
  return marked;
}
