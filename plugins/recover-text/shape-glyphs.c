/* shape-glyphs.c: see shape-glyphs.h. */
#include "shape-glyphs.h"

#include "font-verdict.h"
#include "glyph-shapes.h"
#include "good-text.h"
#include "han-words.h"

#include <math.h>
#include <string.h>

#define INK 160 /* grey levels below this are ink */
/* Ink as faint as this still joins a stroke to the glyph it belongs to. */
#define LIGHT_INK 224
/* How far beyond its box, in ems, a glyph's strokes are looked for. */
#define REACH_EMS 0.3f
/* A glyph's own ink runs within this many ems of its box's middle, across its line: the whole
 * em, for a glyph's parts may not touch (the dots of ":", the strokes of 三; a narrower band
 * kept one dot of ":" and ";", and both read "."), and no nearer than halfway to the next
 * line's middle (a table set tighter than its boxes are tall). */
#define SEED_EMS 0.5f
/* A glyph whose box's middle is this many ems off another's, across their line, is of another
 * line. */
#define OTHER_LINE_EMS 0.5f
/* Pages drawn for good glyphs besides those of the doubtful codes. */
#define PAGE_BUDGET 24
/* A good glyph is compared only when its type size is within this factor of a doubtful one's. */
#define SIZE_RATIO 2.5f
/* The most pixels a page is drawn with. */
#define MAX_PAGE_PIXELS 16e6
/* Two glyphs whose ink differs in width or height by more than this factor (an em's twentieth
 * added to both, for the smallest) are not one character: "-" and "—", "。" and "o". */
#define EXTENT_RATIO 1.3f
#define EXTENT_SLACK 0.05f

/* A glyph to draw, and whose shape it is. */
typedef struct
{
  guint page, glyph;
  int turn; /* its row's (TextRow.turn) */
  float size;
  gboolean reference; /* a good character's (else a doubtful code's) */
  guint owner; /* index in the references or the targets */
} Wanted;

static int
compare_wanted (gconstpointer a, gconstpointer b)
{
  const Wanted *x = a, *y = b;
  if (x->page != y->page)
    return (x->page > y->page) - (x->page < y->page);
  return (x->glyph > y->glyph) - (x->glyph < y->glyph);
}

/* Whether @font's characters were found good by OCR (font-verdict.h). */
static gboolean
verified_good (const ElectedFont *font)
{
  return !font->wrong && font->check.sampled >= FONT_VERDICT_MIN_SAMPLED
         && !font_verdict_map_is_wrong (font->check.sampled, font->check.disagreed);
}

/* Whether glyph @i of @page (in @span) is a good character: of a font with a map no stage
 * doubts, or kept from an elected font OCR found good; not recovered, not white space. */
static gboolean
is_good_glyph (const GArray *surveys, GArray *elected, const RectoPage *page,
               const RectoSpan *span, guint i)
{
  gunichar c = g_array_index (page->chars, gunichar, i);
  const RectoBox *box = &g_array_index (page->boxes, RectoBox, i);
  ElectedFont *font = learning_find_elected (elected, span->subset);
  const RectoGlyphMapping *mapping;

  if (g_unichar_isspace (c) || c == 0x3000 || !g_unichar_isgraph (c)
      || (span->flags & RECTO_FONT_INVISIBLE) || recto_page_get_recovered (page, i) != NULL)
    return FALSE;
  if (font != NULL)
    return verified_good (font)
           && learning_decode_glyph (font->survey, font->mappings, font->wrong, c,
                                     box->x2 - box->x1, span->size, &mapping)
                  == GLYPH_KEPT;
  return !font_survey_needs_reading (surveys, span->subset, c)
         && !font_survey_is_unmapped (surveys, span->subset);
}

/* Whether @mapping's character is in doubt: none, less sure than wanted, read too seldom to
 * outvote a misreading, read as several characters (@votes), or read as another code's
 * (twin-readings.h). */
static gboolean
is_doubtful (const RectoGlyphMapping *mapping, const CodeVotes *votes,
             const FontLearningOptions *options)
{
  return mapping->character == 0 || mapping->twin != 0
         || mapping->certainty < options->min_certainty || mapping->readings < (guint) options->votes
         || (votes != NULL && votes->candidates->len >= 2);
}

/* The doubtful codes' glyphs in @rows, those of up to CALIBRATION sure ones and those of the
 * other sure ideographs, up to OCCURRENCES each, into @targets and @wanted. Returns how many
 * codes are doubtful or checked. */
static guint
find_targets (RectoDocument *doc, const GArray *rows, GArray *elected,
              const FontLearningOptions *options, GArray *targets, GArray *wanted)
{
  g_autoptr (GHashTable) index = g_hash_table_new (NULL, NULL); /* mapping → target + 1 */
  guint sure_codes = 0;

  for (guint r = 0; r < rows->len; r++)
    {
      const TextRow *row = &g_array_index (rows, TextRow, r);
      const RectoPage *page = recto_document_get_page (doc, row->page);
      for (guint k = 0; k < row->glyphs->len; k++)
        {
          guint i = g_array_index (row->glyphs, guint, k);
          int s = recto_page_find_span (page, i);
          const RectoSpan *span = s >= 0 ? &g_array_index (page->spans, RectoSpan, s) : NULL;
          ElectedFont *font = span != NULL ? learning_find_elected (elected, span->subset) : NULL;
          gunichar code = g_array_index (page->chars, gunichar, i);
          const RectoBox *box = &g_array_index (page->boxes, RectoBox, i);
          const RectoGlyphMapping *found;
          GlyphDecoding decoding;
          gboolean sure;
          guint t;
          if (font == NULL || code == ' ')
            continue;
          decoding = learning_decode_glyph (font->survey, font->mappings, font->wrong, code,
                                            box->x2 - box->x1, span->size, &found);
          /* A kept character is the font's, unless the font numbers its glyphs and OCR did
           * not find it good: then it is a code, left a gap (unread-glyphs.h). */
          if (decoding == GLYPH_KEPT && !(font->survey->numbered && !verified_good (font)))
            continue;
          found = learning_find_mapping (font->mappings, code);
          if (found == NULL || found->character == ' ' || found->from_context)
            continue;
          sure = !is_doubtful (found, g_hash_table_lookup (font->codes, GUINT_TO_POINTER (code)),
                               options);
          t = GPOINTER_TO_UINT (g_hash_table_lookup (index, found));
          if (t == 0 && sure && sure_codes >= CALIBRATION
              && !han_words_is_ideograph (found->character))
            continue;
          if (t == 0)
            {
              gboolean calibrates = sure && sure_codes++ < CALIBRATION;
              g_array_append_val (
                  targets, ((ShapeTarget){ font, (RectoGlyphMapping *) found, sure, calibrates }));
              g_hash_table_insert (index, (gpointer) found, GUINT_TO_POINTER (targets->len));
              t = targets->len;
            }
          if (g_array_index (targets, ShapeTarget, t - 1).listed++ < OCCURRENCES)
            g_array_append_val (wanted,
                                ((Wanted){ row->page, i, row->turn, span->size, FALSE, t - 1 }));
        }
    }
  return targets->len - MIN (sure_codes, CALIBRATION);
}

/* The good glyphs of each character of a type size near the doubtful glyphs' (@wanted so far),
 * up to REFERENCES each, into @references and @wanted: from the doubtful glyphs' own pages
 * first, then from up to PAGE_BUDGET other pages in order. */
static void
find_references (RectoDocument *doc, const GArray *surveys, GArray *elected, GArray *references,
                 GArray *wanted)
{
  guint n_pages = recto_document_get_n_pages (doc), others = 0;
  g_autofree gboolean *has_target = g_new0 (gboolean, n_pages);
  /* font → (folded character → reference + 1) */
  g_autoptr (GHashTable) fonts =
      g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_hash_table_unref);
  float least = G_MAXFLOAT, most = 0;

  for (guint w = 0; w < wanted->len; w++)
    {
      const Wanted *x = &g_array_index (wanted, Wanted, w);
      has_target[x->page] = TRUE;
      least = MIN (least, x->size);
      most = MAX (most, x->size);
    }
  for (guint pass = 0; pass < 2; pass++)
    for (guint p = 0; p < n_pages && others < PAGE_BUDGET; p++)
      {
        const RectoPage *page = recto_document_get_page (doc, p);
        gboolean used = FALSE;
        if (has_target[p] != (pass == 0))
          continue;
        for (guint s = 0; s < page->spans->len; s++)
          {
            const RectoSpan *span = &g_array_index (page->spans, RectoSpan, s);
            GHashTable *index = g_hash_table_lookup (fonts, span->font);
            if (span->size < least / SIZE_RATIO || span->size > most * SIZE_RATIO)
              continue;
            if (index == NULL)
              g_hash_table_insert (fonts, (gpointer) span->font,
                                   index = g_hash_table_new (NULL, NULL));
            for (guint i = span->first; i < span->first + span->length; i++)
              {
                gunichar c = g_array_index (page->chars, gunichar, i);
                gunichar folded = good_text_fold (c);
                guint r;
                if (!is_good_glyph (surveys, elected, page, span, i))
                  continue;
                r = GPOINTER_TO_UINT (g_hash_table_lookup (index, GUINT_TO_POINTER (folded)));
                if (r == 0)
                  {
                    g_array_append_val (references, ((ShapeReference){ span->font, c }));
                    r = references->len;
                    g_hash_table_insert (index, GUINT_TO_POINTER (folded), GUINT_TO_POINTER (r));
                  }
                if (g_array_index (references, ShapeReference, r - 1).listed++ >= REFERENCES)
                  continue;
                g_array_append_val (wanted, ((Wanted){ p, i, 0, span->size, TRUE, r - 1 }));
                used = TRUE;
              }
          }
        others += pass == 1 && used;
      }
}

/* The mean darkness of @glyph's pixels [x1, x2) × [y1, y2), at least one of them. */
static guint
mean_ink (const RectoImage *glyph, float x1, float y1, float x2, float y2)
{
  guint ix1 = (guint) x1, iy1 = (guint) y1;
  guint ix2 = MAX (ix1 + 1, (guint) ceilf (x2)), iy2 = MAX (iy1 + 1, (guint) ceilf (y2));
  guint sum = 0, n = 0;

  for (guint y = iy1; y < MIN (iy2, glyph->height); y++)
    for (guint x = ix1; x < MIN (ix2, glyph->width); x++, n++)
      sum += 255 - glyph->pixels[y * glyph->stride + x];
  return n > 0 ? sum / n : 0;
}

/* @glyph's shape, drawn at @em pixels an em; FALSE when it has no ink. */
static gboolean
shape_of (const RectoImage *glyph, float em, Shape *shape)
{
  guint left = glyph->width, right = 0, top = glyph->height, bottom = 0;
  guint8 plain[GRID * GRID];
  float side, x0, y0;

  for (guint y = 0; y < glyph->height; y++)
    for (guint x = 0; x < glyph->width; x++)
      if (glyph->pixels[y * glyph->stride + x] < INK)
        {
          left = MIN (left, x), right = MAX (right, x);
          top = MIN (top, y), bottom = MAX (bottom, y);
        }
  if (right < left)
    return FALSE;
  shape->w = (right - left + 1) / em;
  shape->h = (bottom - top + 1) / em;
  /* The longer side fills the grid, the shorter is centred: pixels per cell. */
  side = MAX (right - left + 1, bottom - top + 1) / (float) GRID;
  x0 = left - (GRID * side - (right - left + 1)) / 2;
  y0 = top - (GRID * side - (bottom - top + 1)) / 2;
  for (guint gy = 0; gy < GRID; gy++)
    for (guint gx = 0; gx < GRID; gx++)
      {
        float x1 = x0 + gx * side, y1 = y0 + gy * side;
        gboolean inside = x1 + side > left && x1 < right + 1 && y1 + side > top && y1 < bottom + 1;
        plain[gy * GRID + gx] =
            inside ? (guint8) mean_ink (glyph, MAX (x1, left), MAX (y1, top),
                                        MIN (x1 + side, right + 1), MIN (y1 + side, bottom + 1))
                   : 0;
      }
  /* A cell's blur: its neighbours' ink counts half, so a stroke a cell off still meets. */
  for (int gy = 0; gy < GRID; gy++)
    for (int gx = 0; gx < GRID; gx++)
      {
        guint sum = 2 * plain[gy * GRID + gx], n = 2;
        for (int d = -1; d <= 1; d += 2)
          {
            if (gx + d >= 0 && gx + d < GRID)
              sum += plain[gy * GRID + gx + d], n++;
            if (gy + d >= 0 && gy + d < GRID)
              sum += plain[(gy + d) * GRID + gx], n++;
          }
        shape->ink[gy * GRID + gx] = (guint8) (sum / n);
      }
  return TRUE;
}

float
shape_similarity (const Shape *a, const Shape *b)
{
  double ab = 0, aa = 0, bb = 0;

  if ((MAX (a->w, b->w) + EXTENT_SLACK) > EXTENT_RATIO * (MIN (a->w, b->w) + EXTENT_SLACK)
      || (MAX (a->h, b->h) + EXTENT_SLACK) > EXTENT_RATIO * (MIN (a->h, b->h) + EXTENT_SLACK))
    return 0;
  for (guint i = 0; i < GRID * GRID; i++)
    {
      ab += (double) a->ink[i] * b->ink[i];
      aa += (double) a->ink[i] * a->ink[i];
      bb += (double) b->ink[i] * b->ink[i];
    }
  return aa > 0 && bb > 0 ? (float) (ab / sqrt (aa * bb)) : 0;
}

float
shape_match (const Shape *a, guint n_a, const Shape *b, guint n_b)
{
  float sum = 0;

  for (guint i = 0; i < n_a; i++)
    {
      float best = 0;
      for (guint j = 0; j < n_b; j++)
        best = MAX (best, shape_similarity (&a[i], &b[j]));
      sum += best;
    }
  return n_a > 0 ? sum / n_a : 0;
}

/* Keeps of @glyph only the ink connected to ink within [@x1, @x2) × [@y1, @y2), its box: the
 * glyph's own strokes, which may run out of its box (a glyph box of some fonts leaves out the
 * top of an ideograph), and not its neighbours'. */
static void
keep_own_ink (RectoImage *glyph, guint x1, guint y1, guint x2, guint y2)
{
  guint width = glyph->width, height = glyph->height;
  g_autofree guint8 *own = g_new0 (guint8, (gsize) width * height);
  g_autoptr (GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint y = y1; y < MIN (y2, height); y++)
    for (guint x = x1; x < MIN (x2, width); x++)
      if (glyph->pixels[y * glyph->stride + x] < LIGHT_INK)
        {
          own[y * width + x] = 1;
          g_array_append_val (stack, ((guint){ y * width + x }));
        }
  while (stack->len > 0)
    {
      guint at = g_array_index (stack, guint, stack->len - 1), x = at % width, y = at / width;
      g_array_set_size (stack, stack->len - 1);
      for (guint ny = y > 0 ? y - 1 : 0; ny <= MIN (y + 1, height - 1); ny++)
        for (guint nx = x > 0 ? x - 1 : 0; nx <= MIN (x + 1, width - 1); nx++)
          if (!own[ny * width + nx] && glyph->pixels[ny * glyph->stride + nx] < LIGHT_INK)
            {
              own[ny * width + nx] = 1;
              g_array_append_val (stack, ((guint){ ny * width + nx }));
            }
    }
  for (guint y = 0; y < height; y++)
    for (guint x = 0; x < width; x++)
      if (!own[y * width + x])
        glyph->pixels[y * glyph->stride + x] = 255;
}

/* How far from its box's middle, across its line, @glyph's own ink is looked for: SEED_EMS,
 * and no nearer than halfway to the middle of a glyph of another line beside it. */
static float
seed_half (const RectoPage *page, guint glyph, float size, int turn)
{
  const RectoBox *box = &g_array_index (page->boxes, RectoBox, glyph);
  float half = SEED_EMS * size;
  float middle = turn == 0 ? (box->y1 + box->y2) / 2 : (box->x1 + box->x2) / 2;

  for (guint i = 0; i < page->boxes->len; i++)
    {
      const RectoBox *other = &g_array_index (page->boxes, RectoBox, i);
      gboolean beside = turn == 0 ? other->x2 > box->x1 && other->x1 < box->x2
                                  : other->y2 > box->y1 && other->y1 < box->y2;
      float apart = fabsf ((turn == 0 ? (other->y1 + other->y2) / 2 : (other->x1 + other->x2) / 2)
                           - middle);
      if (beside && apart > OTHER_LINE_EMS * size)
        half = MIN (half, apart / 2);
    }
  return half;
}

/* Draws the pages of @wanted (sorted by page), each once, and takes the glyphs' shapes. */
static void
draw_wanted (RectoDocument *doc, const GArray *wanted, GArray *targets, GArray *references,
             guint em_pixels)
{
  for (guint w = 0; w < wanted->len;)
    {
      const Wanted *first = &g_array_index (wanted, Wanted, w);
      const RectoPage *page = recto_document_get_page (doc, first->page);
      RectoBox area = { 0, 0, (float) page->width, (float) page->height };
      float least = G_MAXFLOAT;
      double scale;
      g_autoptr (RectoImage) image = NULL;
      guint end = w;

      for (; end < wanted->len && g_array_index (wanted, Wanted, end).page == first->page; end++)
        least = MIN (least, g_array_index (wanted, Wanted, end).size);
      scale = MIN (em_pixels / MAX (least, 1.0f),
                   sqrt (MAX_PAGE_PIXELS / MAX (page->width * page->height, 1.0)));
      image = recto_document_render (doc, first->page, &area, scale, NULL);
      for (; image != NULL && w < end; w++)
        {
          const Wanted *x = &g_array_index (wanted, Wanted, w);
          const RectoBox *box = &g_array_index (page->boxes, RectoBox, x->glyph);
          float reach = REACH_EMS * x->size;
          RectoBox around = { MAX (box->x1 - reach, 0), MAX (box->y1 - reach, 0),
                              MIN (box->x2 + reach, area.x2), MIN (box->y2 + reach, area.y2) };
          g_autoptr (RectoImage) crop = glyph_shape_crop (image, &area, scale, &around);
          g_autoptr (RectoImage) upright = NULL;
          RectoBox seed = *box;
          float half;
          Shape *shape;
          guint *n, most;
          if (crop == NULL)
            continue;
          /* A box may reach far above or below its glyph's em (a font's tall bounding box), into
           * the line beside: the ink that counts runs through its middle (across it, in a
           * turned row). */
          half = seed_half (page, x->glyph, x->size, x->turn);
          if (x->turn == 0)
            seed.y1 = MAX (box->y1, (box->y1 + box->y2) / 2 - half),
            seed.y2 = MIN (box->y2, (box->y1 + box->y2) / 2 + half);
          else
            seed.x1 = MAX (box->x1, (box->x1 + box->x2) / 2 - half),
            seed.x2 = MIN (box->x2, (box->x1 + box->x2) / 2 + half);
          keep_own_ink (crop, (guint) ((seed.x1 - around.x1) * scale),
                        (guint) ((seed.y1 - around.y1) * scale),
                        (guint) ceil ((seed.x2 - around.x1) * scale),
                        (guint) ceil ((seed.y2 - around.y1) * scale));
          if (x->turn != 0)
            upright = recto_image_turn (crop, x->turn);
          if (x->reference)
            {
              ShapeReference *ref = &g_array_index (references, ShapeReference, x->owner);
              n = &ref->n, most = REFERENCES, shape = &ref->shapes[MIN (*n, REFERENCES - 1)];
            }
          else
            {
              ShapeTarget *target = &g_array_index (targets, ShapeTarget, x->owner);
              n = &target->n, most = OCCURRENCES;
              shape = &target->shapes[MIN (*n, OCCURRENCES - 1)];
            }
          if (*n < most && shape_of (upright != NULL ? upright : crop, x->size * scale, shape))
            (*n)++;
        }
      w = end;
    }
}

guint
shape_glyphs_find (RectoDocument *doc, const GArray *surveys, const GArray *rows,
                   GArray *elected, const FontLearningOptions *options, GArray *targets,
                   GArray *references)
{
  g_autoptr (GArray) wanted = g_array_new (FALSE, FALSE, sizeof (Wanted));
  guint doubtful = find_targets (doc, rows, elected, options, targets, wanted);

  if (doubtful == 0 || !recto_document_can_render (doc))
    return 0;
  find_references (doc, surveys, elected, references, wanted);
  g_array_sort (wanted, compare_wanted);
  draw_wanted (doc, wanted, targets, references, options->em_pixels);
  return doubtful;
}
