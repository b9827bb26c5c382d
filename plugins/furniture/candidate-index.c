/* candidate-index.c: the candidates grouped by shape, by bare shape, and the page numbers among
 * them, each group in the candidates' order, so that a loop over a group meets its candidates
 * in the order a loop over all of them would. */
#include "candidate-index.h"

struct _CandidateIndex
{
  GHashTable *by_shape; /* shape (borrowed) → GArray of guint */
  GHashTable *by_bare; /* bare shape (borrowed) → GArray of guint */
  GArray *numbers; /* guint */
};

static void
add_to_group (GHashTable *groups, const char *key, guint i)
{
  GArray *group = g_hash_table_lookup (groups, key);

  if (group == NULL)
    {
      group = g_array_new (FALSE, FALSE, sizeof (guint));
      g_hash_table_insert (groups, (gpointer) key, group);
    }
  g_array_append_val (group, i);
}

CandidateIndex *
candidate_index_new (const GArray *candidates)
{
  CandidateIndex *index = g_new0 (CandidateIndex, 1);

  index->by_shape =
      g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_array_unref);
  index->by_bare =
      g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_array_unref);
  index->numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < candidates->len; i++)
    {
      const Candidate *c = &g_array_index (candidates, Candidate, i);
      add_to_group (index->by_shape, c->shape, i);
      add_to_group (index->by_bare, c->bare, i);
      if (c->number != NULL)
        g_array_append_val (index->numbers, i);
    }
  return index;
}

void
candidate_index_free (CandidateIndex *index)
{
  g_hash_table_unref (index->by_shape);
  g_hash_table_unref (index->by_bare);
  g_array_unref (index->numbers);
  g_free (index);
}

const GArray *
candidate_index_of_shape (const CandidateIndex *index, const char *shape)
{
  return g_hash_table_lookup (index->by_shape, shape);
}

const GArray *
candidate_index_of_bare (const CandidateIndex *index, const char *bare)
{
  return g_hash_table_lookup (index->by_bare, bare);
}

const GArray *
candidate_index_numbers (const CandidateIndex *index)
{
  return index->numbers;
}
