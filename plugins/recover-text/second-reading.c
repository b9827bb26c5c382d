/* second-reading.c: see second-reading.h. */
#include "second-reading.h"
#include "scan-symbols.h"

/* A line whose symbols are at least this share Latin letters may be Chinese given to the Latin
 * model. */
#define LATIN_LINE_SHARE 0.3
/* A line with a symbol read with less confidence than this is doubtful. */
#define DOUBT 0.9
/* At most this many symbols in a row are taken for made up. */
#define MAX_INSERTION 2

static gboolean
is_latin_letter (gunichar c)
{
  return c < 0x80 && g_ascii_isalpha ((int) c);
}

static guint
count_wide (const OcrSymbol *symbols, guint n)
{
  guint wide = 0;

  for (guint j = 0; j < n; j++)
    wide += scan_symbol_is_wide (symbols[j].c);
  return wide;
}

/* Reads symbols @from to @to, one line, again on its own (with the first language alone if
 * @primary). Returns the new reading, with boxes in page points, or NULL. */
static GArray *
read_line_again (const GArray *symbols, guint from, guint to, gboolean primary,
                 const RectoImage *image, const RectoBox *area, double scale, OcrPool *pool,
                 guint worker)
{
  RectoBox box = { G_MAXFLOAT, G_MAXFLOAT, -G_MAXFLOAT, -G_MAXFLOAT };
  float margin;

  for (guint j = from; j < to; j++)
    {
      const OcrSymbol *symbol = &g_array_index (symbols, OcrSymbol, j);
      box.x1 = MIN (box.x1, symbol->x1), box.y1 = MIN (box.y1, symbol->y1);
      box.x2 = MAX (box.x2, symbol->x2), box.y2 = MAX (box.y2, symbol->y2);
    }
  margin = (box.y2 - box.y1) / 4;
  box.x1 -= margin, box.y1 -= margin, box.x2 += margin, box.y2 += margin;
  return ocr_pool_read_line (pool, worker, image, area, scale, &box, OCR_LINE, primary);
}

static gboolean
is_mostly_latin (const OcrSymbol *line, guint n)
{
  guint letters = 0;

  for (guint j = 0; j < n; j++)
    letters += is_latin_letter (line[j].c);
  return letters >= 3 && letters >= LATIN_LINE_SHARE * n;
}

static gboolean
is_doubtful (const OcrSymbol *line, guint n)
{
  for (guint j = 0; j < n; j++)
    if (line[j].confidence < DOUBT)
      return TRUE;
  return FALSE;
}

/* See second-reading.h. */
guint
second_reading_find_made_up (const OcrSymbol *line, guint n, const GArray *again, gboolean *made_up)
{
  const OcrSymbol *other = (const OcrSymbol *) again->data;
  guint m = again->len, found = 0, i = 0, k = 0, last_i = G_MAXUINT, last_k = G_MAXUINT;
  g_autofree guint *common = g_new0 (guint, (gsize) (n + 1) * (m + 1));

#define COMMON(a, b) common[(gsize) (a) * (m + 1) + (b)]
  for (guint a = n; a-- > 0;)
    for (guint b = m; b-- > 0;)
      COMMON (a, b) = line[a].c == other[b].c ? COMMON (a + 1, b + 1) + 1
                                              : MAX (COMMON (a + 1, b), COMMON (a, b + 1));
  while (i < n && k < m)
    if (line[i].c == other[k].c && COMMON (i, k) == COMMON (i + 1, k + 1) + 1)
      {
        /* A pair: what lies between it and the last pair? */
        if (last_i != G_MAXUINT && k == last_k + 1 && i - last_i - 1 <= MAX_INSERTION)
          {
            gboolean wide = TRUE;
            for (guint j = last_i + 1; j < i; j++)
              wide = wide && scan_symbol_is_wide (line[j].c);
            for (guint j = last_i + 1; wide && j < i; j++)
              made_up[j] = TRUE, found++;
          }
        last_i = i++, last_k = k++;
      }
    else if (COMMON (i + 1, k) >= COMMON (i, k + 1))
      i++;
    else
      k++;
#undef COMMON
  return found;
}

/* Replaces symbols @from to @to of @symbols by @again. Returns the new end of the line. */
static guint
replace_line (GArray *symbols, guint from, guint to, const GArray *again)
{
  g_array_remove_range (symbols, from, to - from);
  g_array_insert_vals (symbols, from, again->data, again->len);
  return from + again->len;
}

/* Second readings of the line @from to @to; returns its new end. */
static guint
correct_line (GArray *symbols, guint from, guint to, const RectoImage *image,
              const RectoBox *area, double scale, OcrPool *pool, guint worker)
{
  const OcrSymbol *line = &g_array_index (symbols, OcrSymbol, from);
  g_autoptr (GArray) again = NULL;
  g_autofree gboolean *made_up = NULL;

  if (is_mostly_latin (line, to - from))
    {
      again = read_line_again (symbols, from, to, TRUE, image, area, scale, pool, worker);
      if (again != NULL && count_wide ((const OcrSymbol *) again->data, again->len) > count_wide (line, to - from))
        return replace_line (symbols, from, to, again);
      return to;
    }
  if (!is_doubtful (line, to - from)
      || (again = read_line_again (symbols, from, to, FALSE, image, area, scale, pool, worker)) == NULL)
    return to;
  made_up = g_new0 (gboolean, to - from);
  if (second_reading_find_made_up (line, to - from, again, made_up) == 0)
    return to;
  for (guint j = to; j-- > from;)
    if (made_up[j - from])
      {
        /* The line's first symbol is never made up (a pair precedes every removal). */
        g_array_remove_index (symbols, j);
        to--;
      }
  return to;
}

void
second_reading_correct (GArray *symbols, const RectoImage *image, const RectoBox *area,
                        double scale, OcrPool *pool, guint worker)
{
  for (guint from = 0; from < symbols->len;)
    from = correct_line (symbols, from, ocr_symbols_line_end (symbols, from), image, area, scale,
                         pool, worker);
}
