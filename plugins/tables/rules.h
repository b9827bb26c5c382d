/* rules.h: the rules (ruling lines) a page draws, for the tables stage.
 *
 * Poppler's GLib API gives no vector paths, so the rules are found on a picture of the page:
 * the source's renderer draws it at a modest resolution, the glyph boxes recto already knows are
 * blanked, and long thin runs of ink left over are the rules. This finds rules however the PDF
 * draws them (stroked paths, thin filled rectangles, dashes, even images of lines), which
 * reading the drawing operations would not. Box-drawing characters (─ │ ┼ ━ ┃ ╋ …) drawn as
 * text are rules too: their glyphs give rules of their own. */
#pragma once

#include <recto/recto.h>

/* A horizontal rule lies at y = pos from x = from to x = to; a vertical one at x = pos from
 * y = from to y = to (PDF points). */
typedef struct
{
  float pos, from, to;
} Rule;

typedef struct
{
  GArray *horizontal; /* Rule, sorted by pos then from */
  GArray *vertical; /* Rule, sorted by pos then from */
} Rules;

void rules_init (Rules *rules);
void rules_clear (Rules *rules);

/* Whether @c is a box-drawing character (U+2500–U+257F). */
gboolean rules_is_box_drawing (gunichar c);

/* Adds the rules drawn by the box-drawing glyphs of @page. */
void rules_add_box_drawing (Rules *rules, const RectoPage *page);

/* Adds the rules found on @page's picture drawn at @scale pixels per point, at least @min_length
 * points long, and the hairlines (light grey at that scale) inside a frame of them whose ends
 * both meet a rule. FALSE with @error set when the page cannot be drawn. */
gboolean rules_add_drawn (Rules *rules, RectoDocument *doc, const RectoPage *page, double scale,
                          float min_length, GError **error);

/* Sorts the rules and joins pieces of one rule (collinear within @tolerance, apart by at most
 * @tolerance points). */
void rules_merge (Rules *rules, float tolerance);
/* The same for one list of rules (Rule) of one direction. */
void rules_merge_list (GArray *list, float tolerance);

/* Whether @box sits in a ruled row of a table: rules above and below it that span its width,
 * within @reach points of it, and a vertical rule through it that reaches over both its top
 * and its bottom (a cell's side between two pieces of its text), or one on either side within
 * @reach points of it (the sides of its cell; a page's border stands further off). */
gboolean rules_enclose (const Rules *rules, const RectoBox *box, float reach);
