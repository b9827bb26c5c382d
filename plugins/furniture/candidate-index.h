/* candidate-index.h: the candidates grouped by what they may repeat, so that a line is compared
 * only with the candidates it could match rather than with every candidate of the volume (which
 * made the stage quadratic in the number of pages). */
#pragma once

#include "candidates.h"

typedef struct _CandidateIndex CandidateIndex;

/* Groups @candidates, which must not change while the index is in use: it borrows their
 * shapes. */
CandidateIndex *candidate_index_new (const GArray *candidates);
void candidate_index_free (CandidateIndex *index);

/* The indices (guint) in the candidates, in their order, of those of shape @shape, of bare shape
 * @bare, and of those that are page numbers; NULL when there are none. */
const GArray *candidate_index_of_shape (const CandidateIndex *index, const char *shape);
const GArray *candidate_index_of_bare (const CandidateIndex *index, const char *bare);
const GArray *candidate_index_numbers (const CandidateIndex *index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CandidateIndex, candidate_index_free)
