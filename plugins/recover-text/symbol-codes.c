/* symbol-codes.c: see symbol-codes.h. */
#include "symbol-codes.h"

#include <string.h>

/* Wingdings bytes and their Unicode symbols (Microsoft's chart): the shapes documents use as
 * bullets, arrows, check boxes and numbers. Sorted by byte. */
static const struct
{
  guint8 byte;
  gunichar symbol;
} wingdings[] = {
  { 0x6C, 0x25CF }, { 0x6D, 0x274D }, { 0x6E, 0x25A0 }, { 0x6F, 0x25A1 }, { 0x71, 0x2751 },
  { 0x72, 0x2752 }, { 0x73, 0x2B27 }, { 0x74, 0x29EB }, { 0x75, 0x25C6 }, { 0x76, 0x2756 },
  { 0x77, 0x2B25 }, { 0x78, 0x2327 }, { 0x7A, 0x2318 }, { 0x80, 0x24EA }, { 0x81, 0x2460 },
  { 0x82, 0x2461 }, { 0x83, 0x2462 }, { 0x84, 0x2463 }, { 0x85, 0x2464 }, { 0x86, 0x2465 },
  { 0x87, 0x2466 }, { 0x88, 0x2467 }, { 0x89, 0x2468 }, { 0x8A, 0x2469 }, { 0x8B, 0x24FF },
  { 0x8C, 0x2776 }, { 0x8D, 0x2777 }, { 0x8E, 0x2778 }, { 0x8F, 0x2779 }, { 0x90, 0x277A },
  { 0x91, 0x277B }, { 0x92, 0x277C }, { 0x93, 0x277D }, { 0x94, 0x277E }, { 0x95, 0x277F },
  { 0x9E, 0x00B7 }, { 0x9F, 0x2022 }, { 0xA0, 0x25AA }, { 0xA1, 0x25CB }, { 0xA2, 0x2B55 },
  { 0xA4, 0x25C9 }, { 0xA5, 0x25CE }, { 0xA7, 0x25AA }, { 0xA8, 0x25FB }, { 0xAA, 0x2726 },
  { 0xAB, 0x2605 }, { 0xD8, 0x27A2 }, { 0xDC, 0x27B2 }, { 0xE8, 0x2794 }, { 0xEF, 0x21E6 },
  { 0xF0, 0x21E8 }, { 0xF1, 0x21E7 }, { 0xF2, 0x21E9 }, { 0xFB, 0x2717 }, { 0xFC, 0x2713 },
  { 0xFD, 0x2612 }, { 0xFE, 0x2611 },
};

gunichar
symbol_codes_wingdings (guint byte)
{
  for (guint i = 0; i < G_N_ELEMENTS (wingdings); i++)
    if (wingdings[i].byte == byte)
      return wingdings[i].symbol;
  return 0;
}

/* Whether @font is Wingdings (not Wingdings 2 or 3, whose charts differ), after any subset
 * tag. */
static gboolean
is_wingdings (const char *font)
{
  const char *plus = strchr (font, '+');
  const char *name = plus != NULL && plus - font == 6 ? plus + 1 : font;

  return g_ascii_strncasecmp (name, "wingdings", 9) == 0
         && (name[9] == '\0' || name[9] == '-' || name[9] == ',');
}

/* Reads @survey's font's codes in @doc; returns how many glyphs it marked. */
static guint
read_font (RectoDocument *doc, FontSurvey *survey)
{
  g_autoptr (GArray) mappings = g_array_new (FALSE, FALSE, sizeof (RectoGlyphMapping));
  g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL); /* code → position + 1 */
  RectoFontCheck check = { .font = survey->font, .verdict = RECTO_FONT_MISSING_MAP,
                           .glyphs = survey->glyphs };

  for (guint p = 0; p < recto_document_get_n_pages (doc); p++)
    {
      RectoPage *page = recto_document_get_page (doc, p);
      gunichar *chars = (gunichar *) page->chars->data;
      for (guint s = 0; s < page->spans->len; s++)
        {
          const RectoSpan *span = &g_array_index (page->spans, RectoSpan, s);
          for (guint i = span->first; span->subset == survey->font && i < span->first + span->length; i++)
            {
              gunichar code = chars[i], symbol;
              guint position;
              if (code < 0xF021 || code > 0xF0FF)
                continue;
              symbol = symbol_codes_wingdings (code - 0xF000);
              position = GPOINTER_TO_UINT (g_hash_table_lookup (seen, GUINT_TO_POINTER (code)));
              if (position == 0)
                {
                  g_array_append_val (mappings, ((RectoGlyphMapping){ code, symbol, symbol != 0 ? 1.0f : 0 }));
                  position = mappings->len;
                  g_hash_table_insert (seen, GUINT_TO_POINTER (code), GUINT_TO_POINTER (position));
                }
              g_array_index (mappings, RectoGlyphMapping, position - 1).occurrences++;
              if (symbol != 0)
                chars[i] = symbol, check.recovered++;
              else
                check.unasserted++;
              recto_page_mark_recovered (doc, page, i, code, symbol != 0 ? 1.0f : 0);
            }
        }
    }
  if (mappings->len == 0)
    return 0;
  survey->symbols_read = TRUE;
  recto_document_add_font_map (doc, survey->font,
                               "Wingdings codes (U+F000 plus the byte, private use) read as the "
                               "symbols of the Wingdings chart; a code without a Unicode symbol "
                               "is kept as a code",
                               (const RectoGlyphMapping *) mappings->data, mappings->len);
  check.method = g_strdup_printf ("A symbol font: its %u private-use codes read as the symbols "
                                  "of the Wingdings chart (%u), or kept as codes (%u)",
                                  check.recovered + check.unasserted, check.recovered,
                                  check.unasserted);
  recto_document_add_font_check (doc, &check);
  g_free (check.method);
  return check.recovered + check.unasserted;
}

guint
symbol_codes_read (RectoDocument *doc, GArray *surveys)
{
  guint marked = 0;

  for (guint i = 0; i < surveys->len; i++)
    {
      FontSurvey *survey = &g_array_index (surveys, FontSurvey, i);
      if (survey->symbols && survey->codes > 0 && is_wingdings (survey->font))
        marked += read_font (doc, survey);
    }
  return marked;
}
