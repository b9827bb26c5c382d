/* page-numbers.h: page numbers printed inside a running line or as a spread's pair. */
#pragma once

#include "candidate-index.h"

/* The page number that @a, a running head or foot, carries at one end, when the same line on
 * another page carries that page's number in the sequence; or NULL. Free with g_free().
 * @index: the candidates'. */
char *page_numbers_carried (const Candidate *a, const GArray *candidates,
                            const CandidateIndex *index);

/* The first number of @text when it is nothing but two page numbers in a usual form, the second
 * one more than the first (a spread of two pages printed on one); NULL for any other text. */
char *page_numbers_spread (const char *text);
