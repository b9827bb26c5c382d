/* stacked-runs.c: see stacked-runs.h. Glyphs whose vertical centres agree form one row, read in
 * x order; two runs drawn over each other a few points apart fall into one row, and reading it
 * glyph by glyph interleaves them ("380%" over "360%" made "338600%%", text the page shows
 * nowhere). Each run is read whole instead, the later one as a row of its own after the
 * earlier. Where the page does not show one of them, pdf-source has flagged it and the rows kept
 * it apart already; here both are drawn, and which one a reader sees (if either) is not told. */
#include "stacked-runs.h"

#include <math.h>
#include <string.h>

/* Runs whose middles lie this many type sizes apart or more are two lines, not one. */
#define STACKED_OFFSET 0.15f
/* How many glyphs after one, in x order, are looked at for one standing over it. */
#define NEIGHBOURS 4

/* What a glyph of the row is, in the marks of stacked_runs_set_apart(). */
enum
{
  NOT_IN_ROW,
  IN_ROW,
  SET_APART,
};

static float
overlap (float a1, float a2, float b1, float b2)
{
  return MIN (a2, b2) - MAX (a1, b1);
}

/* Whether glyphs @g and @h are set in one font (its name), or neither says which. */
static gboolean
same_font (const PageBuilder *b, guint g, guint h)
{
  int s = b->span_of[g], t = b->span_of[h];

  if (s < 0 || t < 0)
    return s == t;
  /* Interned: one name, one pointer. */
  return g_array_index (b->page->spans, RectoSpan, s).font
         == g_array_index (b->page->spans, RectoSpan, t).font;
}

/* Whether glyphs @g and @h, of one font and size, stand over each other on two baselines. A
 * formula's signs, drawn in a font of their own over its letters, do not. */
static gboolean
stacked (const PageBuilder *b, guint g, guint h)
{
  const RectoBox *p = &b->boxes[g], *q = &b->boxes[h];
  float size = page_builder_glyph_size (b, g), other = page_builder_glyph_size (b, h);
  float width = MIN (p->x2 - p->x1, q->x2 - q->x1);

  if (glyph_is_space (b->chars[g]) || glyph_is_space (b->chars[h]) || width <= 0
      || MAX (size, other) > 1.25f * MIN (size, other) || !same_font (b, g, h))
    return FALSE;
  if (overlap (p->x1, p->x2, q->x1, q->x2) < 0.5f * width
      || overlap (p->y1, p->y2, q->y1, q->y2) < 0.5f * MIN (box_height (p), box_height (q)))
    return FALSE;
  /* Moved down or up as a whole: a box only taller (a Latin font's, among CJK glyphs) reaches
   * above and below the other, on the same line. */
  return fabsf (box_center_y (p) - box_center_y (q)) >= STACKED_OFFSET * size
         && (q->y1 - p->y1) * (q->y2 - p->y2) > 0;
}

/* Whether glyph @to, next to glyph @from in the page's order, goes on with the run of @glyph:
 * it is in the row, on @glyph's line (their middles level), and after @from (or before it,
 * going back) by less than a split gap. */
static gboolean
goes_on (const PageBuilder *b, const guint8 *mark, guint from, guint to, guint glyph)
{
  const RectoBox *a = &b->boxes[from], *c = &b->boxes[to];
  float size = page_builder_glyph_size (b, glyph);
  float gap = to > from ? c->x1 - a->x2 : a->x1 - c->x2;
  gboolean forward = to > from ? c->x2 >= a->x2 : c->x1 <= a->x1;

  return mark[to] != NOT_IN_ROW && forward && gap <= b->config->split_gap * size
         && fabsf (box_center_y (c) - box_center_y (&b->boxes[glyph])) < STACKED_OFFSET * size;
}

/* The run of @glyph: the glyphs from *@first to *@last of the page's order. */
static void
run_extent (const PageBuilder *b, const guint8 *mark, guint glyph, guint *first, guint *last)
{
  guint n = b->page->chars->len;

  for (*last = glyph; *last + 1 < n && goes_on (b, mark, *last, *last + 1, glyph); (*last)++)
    ;
  for (*first = glyph; *first > 0 && goes_on (b, mark, *first, *first - 1, glyph); (*first)--)
    ;
}

/* Whether the run of @glyph holds two glyphs or more other than white space: a lone glyph over
 * another is an accent over its letter (a tilde over s), or a sign built of two (≤ of < and _). */
static gboolean
is_word (const PageBuilder *b, const guint8 *mark, guint glyph)
{
  guint first, last, letters = 0;

  run_extent (b, mark, glyph, &first, &last);
  for (guint g = first; g <= last && letters < 2; g++)
    letters += !glyph_is_space (b->chars[g]);
  return letters >= 2;
}

/* Marks SET_APART the run of @glyph; counts it in b->stacked_runs when it was not yet. */
static void
mark_run (PageBuilder *b, guint8 *mark, guint glyph)
{
  guint first, last;

  if (mark[glyph] == SET_APART)
    return;
  b->stacked_runs++;
  run_extent (b, mark, glyph, &first, &last);
  for (guint g = first; g <= last; g++)
    mark[g] = SET_APART;
}

/* Marks SET_APART the runs of the @n keys of b->row that stand over a run before them in the
 * page's order (*@mark, made when there is one: which glyphs are in the row, which set apart);
 * returns whether there was one. */
static gboolean
mark_stacked (PageBuilder *b, guint n, guint8 **mark)
{
  gboolean any = FALSE;

  for (guint i = 0; i < n; i++)
    /* Sorted by their left edges: a glyph that starts beyond this one's right edge, and every
     * one after it, stands beside it. */
    for (guint j = i + 1; j < n && j <= i + NEIGHBOURS
                          && b->row[j].primary < b->boxes[b->row[i].glyph].x2;
         j++)
      {
        guint g = b->row[i].glyph, h = b->row[j].glyph;
        if (!stacked (b, g, h))
          continue;
        if (*mark == NULL)
          {
            *mark = g_new0 (guint8, b->page->chars->len);
            for (guint k = 0; k < n; k++)
              (*mark)[b->row[k].glyph] = IN_ROW;
          }
        if (is_word (b, *mark, g) && is_word (b, *mark, h))
          {
            mark_run (b, *mark, MAX (g, h));
            any = TRUE;
          }
      }
  return any;
}

guint
stacked_runs_set_apart (PageBuilder *b, guint n)
{
  g_autofree guint8 *mark = NULL;
  guint kept = 0, apart = 0, counted = b->stacked_runs;

  if (!mark_stacked (b, n, &mark))
    return 0;
  /* A stable partition, through the scratch keys. */
  for (guint i = 0; i < n; i++)
    if (mark[b->row[i].glyph] == SET_APART)
      b->sort_scratch[apart++] = b->row[i];
    else
      b->row[kept++] = b->row[i];
  /* The earliest run of each stack stays; should runs of the page's order chain back to it on
   * its baseline, the row is read as it is. */
  if (kept == 0)
    {
      memcpy (b->row, b->sort_scratch, n * sizeof *b->row);
      b->stacked_runs = counted;
      return 0;
    }
  memcpy (b->row + kept, b->sort_scratch, apart * sizeof *b->row);
  return apart;
}
