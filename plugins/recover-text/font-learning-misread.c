/* font-learning-misread.c: takes back the votes of rows OCR misread as a whole.
 *
 * OCR reads some rows badly all through: a footer set in a slanted copy of the body font (the
 * research report's "请务必阅读正文之后的免责声明及其项下所有内容", on every page), tinted or
 * tiny type. Their readings vote with the body's: the body read one code 其 twice, the footers
 * read it 丰 twice, and the code was a gap at 0.51; the footers' 硕 for 项 was written in the
 * body's "项目". A row is judged by its codes that the other rows read at least JUDGE_WEIGHT,
 * more than half of it as one character: a row agreeing with under half of MIN_JUDGED or more
 * such codes is misread, and its readings are taken out of the votes before the election. The
 * worst row goes first, and the rest are judged again without it (misread rows alike sway the
 * judgement of each other). A code only such rows read is left without readings: a gap. */
#include "font-learning-private.h"

/* A code's reading by the other rows judges a row where they read it at least this much (two
 * readings of fair confidence) and gave more than this share of that weight to one character. */
#define JUDGE_WEIGHT 1.5f
#define JUDGE_SHARE 0.5f
/* A row is judged on this many of its codes at least. */
#define MIN_JUDGED 4

void
learning_ballot (Learning *learning, const TextRow *row, CodeVotes *votes, gunichar c,
                 float weight)
{
  Ballot ballot = { row - (const TextRow *) learning->rows->data, votes, c, weight };
  g_array_append_val (learning->ballots, ballot);
}

/* The weight @ballots (of one row) give code @votes as @c. */
static float
row_weight (const Ballot *ballots, guint n, const CodeVotes *votes, gunichar c)
{
  float weight = 0;

  for (guint k = 0; k < n; k++)
    if (ballots[k].votes == votes && ballots[k].c == c)
      weight += ballots[k].weight;
  return weight;
}

/* Whether the rows other than the one of @ballots (its @n) read @ballot's code well enough to
 * judge it (*@judged), and as @ballot's character. */
static gboolean
others_agree (const Ballot *ballots, guint n, const Ballot *ballot, gboolean *judged)
{
  const CodeVotes *votes = ballot->votes;
  float total = 0, best = 0;
  gunichar best_c = 0;

  for (guint i = 0; i < votes->candidates->len; i++)
    {
      const Candidate *candidate = &g_array_index (votes->candidates, Candidate, i);
      float others = candidate->weight - row_weight (ballots, n, votes, candidate->c);
      total += others;
      if (others > best)
        best = others, best_c = candidate->c;
    }
  *judged = total >= JUDGE_WEIGHT && best > JUDGE_SHARE * total;
  return *judged && best_c == ballot->c;
}

/* Takes @ballot out of its code's votes. */
static void
take_back (const Ballot *ballot)
{
  CodeVotes *votes = ballot->votes;

  votes->readings--;
  for (guint i = 0; i < votes->candidates->len; i++)
    {
      Candidate *candidate = &g_array_index (votes->candidates, Candidate, i);
      if (candidate->c != ballot->c)
        continue;
      candidate->weight = MAX (0, candidate->weight - ballot->weight);
      if (--candidate->count == 0)
        g_array_remove_index (votes->candidates, i);
      return;
    }
}

/* Judges the rows of @ballots not yet @taken (one flag per row's first ballot) against the votes
 * as they stand, and takes back the votes of the one misread worst, if any; returns whether it
 * took one back. */
static gboolean
take_back_worst (const GArray *ballots_array, gboolean *taken)
{
  const Ballot *ballots = (const Ballot *) ballots_array->data;
  guint worst = G_MAXUINT;
  double worst_share = 0.5; /* a row agreeing with half of its judged codes or more is read */

  /* A row's ballots stand together: its votes are counted at once (learning_count_votes()). */
  for (guint first = 0, end; first < ballots_array->len; first = end)
    {
      guint judged = 0, agreed = 0;
      for (end = first; end < ballots_array->len && ballots[end].row == ballots[first].row;)
        end++;
      for (guint k = first; k < end && !taken[first]; k++)
        {
          gboolean sure;
          agreed += others_agree (ballots + first, end - first, &ballots[k], &sure);
          judged += sure;
        }
      if (judged >= MIN_JUDGED && (double) agreed / judged < worst_share)
        worst = first, worst_share = (double) agreed / judged;
    }
  if (worst == G_MAXUINT)
    return FALSE;
  taken[worst] = TRUE;
  for (guint k = worst; k < ballots_array->len && ballots[k].row == ballots[worst].row; k++)
    take_back (&ballots[k]);
  return TRUE;
}

guint
learning_take_back_misread_rows (Learning *learning)
{
  g_autofree gboolean *taken = g_new0 (gboolean, learning->ballots->len);
  guint rows = 0;

  /* Rows misread alike (a footer on every page) sway the judgement of each other: the worst is
   * taken back first, and the rest judged again without it. */
  while (take_back_worst (learning->ballots, taken))
    rows++;
  return rows;
}
