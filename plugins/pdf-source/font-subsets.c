/* font-subsets.c: see font-subsets.h. */
#include "font-subsets.h"

#include <string.h>

/* One font object, as Poppler's font scanner first met it. */
typedef struct
{
  int page; /* the 0-based page whose resources first held it */
  char *identity;
} Subset;

struct _FontSubsets
{
  GHashTable *by_name; /* plain name → GArray of Subset, in page order */
};

const char *
font_subsets_plain_name (const char *name)
{
  const char *c = name;

  while (*c >= 'A' && *c <= 'Z')
    c++;
  return c > name && *c == '+' ? c + 1 : name;
}

static void
free_subsets (gpointer data)
{
  GArray *subsets = data;

  for (guint i = 0; i < subsets->len; i++)
    g_free (g_array_index (subsets, Subset, i).identity);
  g_array_unref (subsets);
}

/* Lists the fonts of @document (Subset, identity the full name) in the order Poppler's
 * scanner first meets them, page by page; @pages maps each full name to the page that
 * introduced it (plus one), or to REINTRODUCED where fonts of that name came on several. */
#define REINTRODUCED G_MAXUINT

static GArray *
scan_fonts (PopplerDocument *document, GHashTable *pages)
{
  GArray *fonts = g_array_new (FALSE, FALSE, sizeof (Subset));
  PopplerFontInfo *info = poppler_font_info_new (document);
  int n_pages = poppler_document_get_n_pages (document);

  for (int page = 0; page < n_pages; page++)
    {
      PopplerFontsIter *iter = NULL;

      /* FALSE: the page holds no font the scanner has not met. */
      if (!poppler_font_info_scan (info, 1, &iter) || iter == NULL)
        continue;
      do
        {
          const char *full = poppler_fonts_iter_get_full_name (iter);
          Subset font = { page, NULL };
          guint first;

          if (full == NULL || *full == '\0')
            continue;
          font.identity = g_strdup (full);
          g_array_append_val (fonts, font);
          first = GPOINTER_TO_UINT (g_hash_table_lookup (pages, full));
          g_hash_table_insert (pages, font.identity,
                               GUINT_TO_POINTER (first == 0 || first == (guint) page + 1
                                                     ? (guint) page + 1
                                                     : REINTRODUCED));
        }
      while (poppler_fonts_iter_next (iter));
      poppler_fonts_iter_free (iter);
    }
  g_object_unref (info);
  return fonts;
}

/* Whether the fonts of one plain name need no telling apart: one font, or no subset among
 * them (whole fonts of one name number their glyphs alike). */
static gboolean
nothing_to_tell_apart (gpointer key, gpointer value, gpointer data)
{
  GArray *subsets = value;
  gboolean tagged = FALSE;

  (void) key;
  (void) data;
  for (guint i = 0; i < subsets->len; i++)
    {
      const char *identity = g_array_index (subsets, Subset, i).identity;
      tagged = tagged || font_subsets_plain_name (identity) != identity;
    }
  return subsets->len < 2 || !tagged;
}

FontSubsets *
font_subsets_scan (PopplerDocument *document)
{
  g_autoptr (GHashTable) pages = g_hash_table_new (g_str_hash, g_str_equal);
  GArray *fonts = scan_fonts (document, pages);
  GHashTable *by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_subsets);
  FontSubsets *subsets;

  for (guint i = 0; i < fonts->len; i++)
    {
      Subset *font = &g_array_index (fonts, Subset, i);
      const char *plain = font_subsets_plain_name (font->identity);
      GArray *same = g_hash_table_lookup (by_name, plain);
      /* A full name fonts of several pages share (a tag reused in another part) says its page
       * too. */
      Subset subset = {
        font->page, GPOINTER_TO_UINT (g_hash_table_lookup (pages, font->identity)) == REINTRODUCED
                        ? g_strdup_printf ("%s, page %d", font->identity, font->page + 1)
                        : g_strdup (font->identity)
      };

      if (same == NULL)
        {
          same = g_array_new (FALSE, FALSE, sizeof (Subset));
          g_hash_table_insert (by_name, g_strdup (plain), same);
        }
      g_array_append_val (same, subset);
    }
  free_subsets (fonts);
  g_hash_table_foreach_remove (by_name, nothing_to_tell_apart, NULL);
  if (g_hash_table_size (by_name) == 0)
    {
      g_hash_table_unref (by_name);
      return NULL;
    }
  subsets = g_new (FontSubsets, 1);
  subsets->by_name = by_name;
  return subsets;
}

const char *
font_subsets_lookup (const FontSubsets *subsets, int page, const char *font)
{
  GArray *same =
      subsets != NULL && font != NULL ? g_hash_table_lookup (subsets->by_name, font) : NULL;
  guint low = 0, high = same != NULL ? same->len : 0;
  const Subset *latest;

  /* The first subset introduced after @page: the one before it is the latest up to @page. */
  while (low < high)
    {
      guint mid = (low + high) / 2;
      if (g_array_index (same, Subset, mid).page <= page)
        low = mid + 1;
      else
        high = mid;
    }
  if (low == 0)
    return font;
  latest = &g_array_index (same, Subset, low - 1);
  /* Two subsets of the name first met on one page: the runs do not say which is which. */
  for (guint i = low - 1; i-- > 0 && g_array_index (same, Subset, i).page == latest->page;)
    if (strcmp (g_array_index (same, Subset, i).identity, latest->identity) != 0)
      return font;
  return latest->identity;
}

void
font_subsets_free (FontSubsets *subsets)
{
  if (subsets == NULL)
    return;
  g_hash_table_unref (subsets->by_name);
  g_free (subsets);
}

/* The finder's state: the document to scan, its subsets once scanned, and the spans noted with
 * their fonts' full names. */
typedef struct
{
  PopplerDocument *document;
  gboolean scanned;
  FontSubsets *subsets;
  GHashTable *span_names;
} Finder;

GHashTable *
font_subsets_span_names_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

static gint64 *
span_key (guint page, guint first)
{
  gint64 *key = g_new (gint64, 1);
  *key = ((gint64) page << 32) | first;
  return key;
}

void
font_subsets_note_span (GHashTable *span_names, guint page, guint first, const char *full_name)
{
  g_hash_table_insert (span_names, span_key (page, first), g_strdup (full_name));
}

static const char *
find_subset (gpointer data, guint page, guint first, const char *font)
{
  Finder *finder = data;
  g_autofree gint64 *key = span_key (page, first);
  const char *noted = g_hash_table_lookup (finder->span_names, key);

  if (noted != NULL)
    return noted;
  if (!finder->scanned)
    {
      finder->subsets = font_subsets_scan (finder->document);
      finder->scanned = TRUE;
    }
  return font_subsets_lookup (finder->subsets, (int) page, font);
}

static void
finder_free (gpointer data)
{
  Finder *finder = data;

  font_subsets_free (finder->subsets);
  g_hash_table_unref (finder->span_names);
  g_object_unref (finder->document);
  g_free (finder);
}

void
font_subsets_install (RectoDocument *doc, PopplerDocument *document, GHashTable *span_names)
{
  Finder *finder = g_new0 (Finder, 1);

  finder->document = g_object_ref (document);
  finder->span_names = span_names;
  recto_document_set_subset_finder (doc, find_subset, finder, finder_free);
}
