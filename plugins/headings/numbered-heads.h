/* numbered-heads.h: numbered headings set apart from the body by weight, size or face. */
#pragma once

#include <recto/recto.h>

#include "body-window.h"
#include "ink-weight.h"

/* The headings stage's options. */
typedef struct
{
  int max_lines;
  double size_ratio;
} HeadingsConfig;

/* The numbering scheme of @block if it looks like a heading (a number in a usual scheme, set
 * apart from the body of size @body in @body_font, or heavier on the page by @weight), with its
 * number in @label; or RECTO_NUMBERING_NONE. @cjk_text: the document is written in Chinese,
 * Japanese or Korean. */
RectoNumbering numbered_heading_scheme (const RectoBlock *block, float body, const char *body_font,
                                        gboolean cjk_text, const HeadingsConfig *config,
                                        InkWeight *weight, char **label);

/* In a heading of a text without typography, the offset of numbers left after its last CJK text
 * by a lost sentence, or 0 when there are none. */
gsize numbered_heading_residue (const RectoBlock *block);

/* Whether the block at @at of @body opens its page and repeats @last (a heading's text without
 * white space): a running head the furniture stage left in the body. */
gboolean numbered_heading_repeats (RectoBlock *body, guint at, const char *last);

/* Whether @head, nothing but its number @label, has its title in @next, a short block set
 * apart just below it on its page with no number of its own. */
gboolean numbered_heading_takes_title (const RectoBlock *head, const char *label,
                                       const RectoBlock *next, float body,
                                       const HeadingsConfig *config);

/* In a text without typography, whether the next numbered heading from @from on opens a scheme
 * as high as @scheme or higher: a new report begins before it. */
gboolean numbered_heading_report_follows (BodyWindow *window, guint from, RectoNumbering scheme);
