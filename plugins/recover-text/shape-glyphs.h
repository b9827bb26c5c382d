/* shape-glyphs.h: the glyphs shape-readings.h compares, found and drawn.
 *
 * The doubtful codes of the elected fonts, and up to CALIBRATION codes OCR read surely, each
 * drawn where it stands in the rows (up to OCCURRENCES glyphs); the good characters of the
 * document, up to REFERENCES glyphs each, by face, of a type size near theirs, from their pages
 * first and then from up to PAGE_BUDGET others. Each page is drawn once, whole; each glyph's ink
 * (its strokes that run out of its box too, not its neighbours') is scaled to a GRID × GRID
 * grid, its longer side filling it, its extent kept in ems. */
#pragma once

#include "font-learning-private.h"

/* A glyph's ink is scaled to GRID × GRID cells (its longer side fills them). */
#define GRID 24
/* Glyphs drawn of each good character, and of each code. */
#define REFERENCES 4
#define OCCURRENCES 2
/* Codes read surely whose shapes are matched too, to measure the matching. */
#define CALIBRATION 64

/* A glyph's shape. */
typedef struct
{
  float w, h; /* the ink's extent, in ems */
  guint8 ink[GRID * GRID]; /* 0 white … 255 black, blurred a cell */
} Shape;

/* A doubtful code of an elected font and the shapes of its glyphs. */
typedef struct
{
  ElectedFont *font;
  RectoGlyphMapping *mapping;
  /* a code OCR read surely and often: checked against its shape (an ideograph), or, one of the
   * first CALIBRATION, what the shapes say of it measures how far they are to be trusted in
   * this document */
  gboolean sure;
  gboolean calibrates;
  guint listed; /* glyphs of it wanted */
  guint n;
  Shape shapes[OCCURRENCES];
} ShapeTarget;

/* A character of one good font and the shapes of its glyphs. */
typedef struct
{
  const char *font; /* RectoSpan.font: a face */
  gunichar c; /* as its first glyph gives it */
  guint listed;
  guint n;
  Shape shapes[REFERENCES];
} ShapeReference;

/* Finds the doubtful codes of @elected (ElectedFont) in @rows (TextRow) into @targets
 * (ShapeTarget), with up to CALIBRATION sure ones, and the good characters of @doc into
 * @references (ShapeReference), and draws them. Returns how many codes are doubtful; nothing
 * is drawn when none is. */
guint shape_glyphs_find (RectoDocument *doc, const GArray *surveys, const GArray *rows,
                         GArray *elected, const FontLearningOptions *options, GArray *targets,
                         GArray *references);

/* How alike @a and @b are, 0 to 1: the cosine of their ink (a stroke drawn a little bolder at
 * another size costs little); 0 when their extents differ (EXTENT_RATIO). */
float shape_similarity (const Shape *a, const Shape *b);

/* How alike glyphs @a (@n_a of them) are to glyphs @b (@n_b): the mean over @a of the nearest
 * of @b; 0 when either has none. */
float shape_match (const Shape *a, guint n_a, const Shape *b, guint n_b);
