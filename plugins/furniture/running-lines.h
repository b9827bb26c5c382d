/* running-lines.h: telling the running heads, feet and page numbers among the candidates by
 * what comes back from page to page. */
#pragma once

#include "candidate-index.h"

/* Whether @a, a line of @page, is a running line by its shape coming back at about the same
 * height on other pages of the @n_pages (see running-lines.c for how often, how page numbers
 * repeat, and a line that only two pages print: when that alone keeps it from being one, sets
 * @weak); @index: the candidates'. */
gboolean running_lines_repeat (const RectoPage *page, const Candidate *a,
                               const GArray *candidates, const CandidateIndex *index,
                               guint n_pages, const FurnitureConfig *config, gboolean *weak);

/* Whether the running heads (or feet) found so far stand where @a stands and are set as it is,
 * on enough other pages (a tenth of the @n_pages, two at least). */
gboolean running_lines_in_place (const Candidate *a, const GArray *candidates, guint n_pages,
                                 const FurnitureConfig *config);

/* Whether @a, the line nearest its edge, stands where the running heads (or feet) found so far
 * stand and is set as they are, on enough other pages, and is set apart from the body
 * (@body_size, @body_font) and from the text after it. */
gboolean running_lines_in_slot (RectoDocument *doc, const Candidate *a, const GArray *candidates,
                                guint n_pages, float body_size, const char *body_font,
                                const FurnitureConfig *config);

/* Whether @a, the line nearest its edge, stands over the place of the running heads (or feet)
 * found so far, nearer the edge and across their width, and is set as they are, on enough
 * other pages, in a type other than the body's (@body_size, @body_font). */
gboolean running_lines_above_slot (const Candidate *a, const GArray *candidates, guint n_pages,
                                   float body_size, const char *body_font,
                                   const FurnitureConfig *config);

/* Whether @a, the line nearest its edge and not furniture by its height, has the shape of a
 * running head (or foot) found on two other pages. */
gboolean running_lines_repeat_text (const Candidate *a, const GArray *candidates,
                                    const CandidateIndex *index);
