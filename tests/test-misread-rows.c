/* test-misread-rows.c: the votes of rows OCR misread as a whole are taken back before the
 * election (plugins/recover-text/font-learning-misread.c), on votes made in memory. */
#include "font-learning-private.h"

#define N_CODES 7

/* Rows 0 and 1 (the body) read codes 0 to 5 right ("A" to "F"), row 2 reads them right but
 * code 5. Rows 3 and 4 (two footers) read codes 0 to 5 and 6 wrong: row 3 as "a" to "g", row 4
 * as "0" to "6". Row 5 reads code 6 (only the footers' and its) as "G". */
typedef struct
{
  GArray *rows; /* TextRow, only counted */
  CodeVotes votes[N_CODES];
  Learning learning;
} Ballots;

static void
cast (Ballots *b, guint row, guint code, gunichar c, float weight)
{
  CodeVotes *votes = &b->votes[code];
  Candidate *candidate = NULL;

  votes->readings++;
  for (guint i = 0; i < votes->candidates->len; i++)
    if (g_array_index (votes->candidates, Candidate, i).c == c)
      candidate = &g_array_index (votes->candidates, Candidate, i);
  if (candidate == NULL)
    {
      g_array_append_val (votes->candidates, ((Candidate){ c, 0, 0 }));
      candidate = &g_array_index (votes->candidates, Candidate, votes->candidates->len - 1);
    }
  candidate->count++;
  candidate->weight += weight;
  learning_ballot (&b->learning, &g_array_index (b->rows, TextRow, row), votes, c, weight);
}

static void
fill (Ballots *b)
{
  b->rows = g_array_new (FALSE, TRUE, sizeof (TextRow));
  g_array_set_size (b->rows, 6);
  b->learning = (Learning){ .rows = b->rows,
                            .ballots = g_array_new (FALSE, FALSE, sizeof (Ballot)) };
  for (guint code = 0; code < N_CODES; code++)
    b->votes[code] = (CodeVotes){ .candidates = g_array_new (FALSE, FALSE, sizeof (Candidate)) };
  for (guint row = 0; row < 3; row++)
    for (guint code = 0; code < 6; code++)
      cast (b, row, code, row == 2 && code == 5 ? 'X' : 'A' + code, 0.95f);
  for (guint code = 0; code < N_CODES; code++)
    cast (b, 3, code, 'a' + code, 0.8f);
  for (guint code = 0; code < N_CODES; code++)
    cast (b, 4, code, '0' + code, 0.8f);
  cast (b, 5, 6, 'G', 0.9f);
}

static void
clear (Ballots *b)
{
  for (guint code = 0; code < N_CODES; code++)
    g_array_unref (b->votes[code].candidates);
  g_array_unref (b->learning.ballots);
  g_array_unref (b->rows);
}

/* The two footers are taken back, the body's rows kept, one misreading and all: each code keeps
 * the body's readings alone, and the code the footers share with one other row keeps that
 * row's. */
static void
test_footers (void)
{
  Ballots b;

  fill (&b);
  g_assert_cmpuint (learning_take_back_misread_rows (&b.learning), ==, 2);
  for (guint code = 0; code < 6; code++)
    {
      const CodeVotes *votes = &b.votes[code];
      g_assert_cmpuint (votes->readings, ==, 3);
      g_assert_cmpuint (votes->candidates->len, ==, code == 5 ? 2 : 1);
      g_assert_cmpuint (g_array_index (votes->candidates, Candidate, 0).c, ==, 'A' + code);
    }
  g_assert_cmpuint (b.votes[6].readings, ==, 1);
  g_assert_cmpuint (g_array_index (b.votes[6].candidates, Candidate, 0).c, ==, 'G');
  clear (&b);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/misread-rows/footers", test_footers);
  return g_test_run ();
}
