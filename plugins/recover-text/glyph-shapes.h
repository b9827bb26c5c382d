/* glyph-shapes.h: what one glyph's shape says where OCR reads it wrong.
 *
 * Two shapes of Chinese report volumes defeat Tesseract's Chinese model: the em dash, which it
 * reads as 一 (an em dash's ink runs from edge to edge of its em; 一 leaves side bearings), and
 * the circled numbers ①…⑳ that mark footnotes, which it does not know (a ring of constant
 * radius around a number: the number is read alone once the ring is blanked out). It also reads
 * the numerals 二 and 三 as "=", which their bars tell apart, and a form's □ and √ as 口 and
 * "v". */
#pragma once

#include <recto/recto.h>

/* Grey levels below this are ink, in the 8-bit page images OCR reads. */
#define GLYPH_SHAPE_INK 128

/* The part of @image (which shows @area of a page at @scale pixels per point) under @box. */
RectoImage *glyph_shape_crop (const RectoImage *image, const RectoBox *area, double scale,
                              const RectoBox *box);

/* @glyph with @margin pixels of white all round it. */
RectoImage *glyph_shape_framed (const RectoImage *glyph, guint margin);

/* The first and last columns of @glyph that hold ink; FALSE when none does. */
gboolean glyph_shape_ink_columns (const RectoImage *glyph, guint *left, guint *right);

/* The first and last rows of @glyph that hold ink; FALSE when none does. */
gboolean glyph_shape_ink_rows (const RectoImage *glyph, guint *top, guint *bottom);

/* Sets inked[x] for each column x of @glyph (its width of them): whether it holds ink. */
void glyph_shape_inked_columns (const RectoImage *glyph, gboolean *inked);

/* Sets inked[y] for each row y of @glyph (its height of them): whether it holds ink. */
void glyph_shape_inked_rows (const RectoImage *glyph, gboolean *inked);

/* Blanks the ink of @glyph that runs on from its left edge, pixel row by pixel row: what a
 * neighbour on the left overhangs into it (the arm of a "y" over a full stop beside it). */
void glyph_shape_clear_left_edge (RectoImage *glyph);

/* The same for the ink that runs on from @glyph's right edge: a right neighbour's. */
void glyph_shape_clear_right_edge (RectoImage *glyph);

/* The share of @glyph's pixels that are ink. */
double glyph_shape_ink_share (const RectoImage *glyph);

/* How much of @glyph its ink covers, grey counting for its share: a hairline that anti-aliasing
 * draws in grey lighter than ink (a table's "—" in small type) still covers some; the faintest
 * grey, the fringe of a neighbour's stroke, none. */
double glyph_shape_ink_coverage (const RectoImage *glyph);

/* Whether a column of @glyph holds ink from its top to its bottom: a rule drawn across a row
 * (a table's), not a letter, which leaves room above or below it in its row's box. */
gboolean glyph_shape_has_rule (const RectoImage *glyph);

/* Whether @glyph is a horizontal bar across its whole box. */
gboolean glyph_shape_is_dash (const RectoImage *glyph);

/* The longest bar of @glyph that stands alone, no more than @max_thickness rows thick and
 * overlapping columns @from to @to: a run of ink along a row with none above or below it in
 * its columns (a dash; the bar of an "e" or a "2" has its letter's ink there), up to where a
 * neighbour's stroke touches it. Its first and last columns in @left and @right; FALSE when
 * there is none. */
gboolean glyph_shape_lone_bar (const RectoImage *glyph, guint from, guint to, guint max_thickness,
                               guint *left, guint *right);

/* Whether @glyph is one stroke across most of its box whose middle line rises and falls: a
 * tilde ("3.3～4.7"), which Tesseract's Chinese model reads as 一 about as often as "~". */
gboolean glyph_shape_is_wave (const RectoImage *glyph);

/* Whether @glyph is a ring around something; if so, blanks the ring out of it. */
gboolean glyph_shape_open_ring (RectoImage *glyph);

/* How many horizontal bars @glyph is drawn with, one above the other: 2 for 二, 3 for 三
 * (which Tesseract's Chinese model reads as "=" between parentheses: "（=）"). */
guint glyph_shape_count_bars (const RectoImage *glyph);

/* Whether @glyph's upright stroke stands in the middle of its foot, not at its left end: an
 * "l" with serifs, which Tesseract reads as "L" in small type (Al, Cl), where an "L"'s foot
 * runs to the right of its stem. */
gboolean glyph_shape_stem_centred (const RectoImage *glyph);

/* Whether @glyph is a square outline as tall as most of its box, its sides running from corner to
 * corner and nothing inside: the □ of a form's choices ("□适用 √不适用"), which Tesseract reads
 * as 口. */
gboolean glyph_shape_is_box (const RectoImage *glyph);

/* Whether @glyph is a check mark: a short arm low on the left down to a foot left of its middle,
 * a long stroke up to the top on the right (the √ of a form's choices, read "v" or "V"). */
gboolean glyph_shape_is_check (const RectoImage *glyph);

/* Whether @glyph, a glyph's full cell, is a small ring low on the left of it, nothing else
 * there: the "。" of Chinese and Japanese type, which Tesseract misreads ("«", "o") or does not
 * read at all in small type. */
gboolean glyph_shape_is_full_stop (const RectoImage *glyph);

/* Whether @glyph, a glyph's full cell, holds one short stroke low on the left of it, slanting
 * down to the right: the "、" of Chinese and Japanese type, which Tesseract reads as "，"
 * (whose stroke falls to the left), again when the glyph is read a second time. */
gboolean glyph_shape_is_enumeration_comma (const RectoImage *glyph);

/* The circled number ①…⑳ for @number, or 0. */
gunichar glyph_shape_circled (int number);
