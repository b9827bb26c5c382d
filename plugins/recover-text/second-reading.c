/* second-reading.c: see second-reading.h. */
#include "second-reading.h"
#include "glyph-shapes.h"
#include "scan-symbols.h"

/* A line whose symbols are at least this share Latin letters may be Chinese given to the Latin
 * model. */
#define LATIN_LINE_SHARE 0.3
/* A line with a symbol read with less confidence than this is doubtful. */
#define DOUBT 0.9
/* At most this many symbols in a row are taken for made up, or for missed. */
#define MAX_INSERTION 2
/* Figures stand some 0.7 of an ideograph's height (Liberation Serif's beside Noto Serif CJK's
 * measured 0.74 on a scan of vol212); a digit whose ink stands this share of its line's
 * ideographs' is an ideograph's ink. */
#define TALL_DIGIT 0.9
/* An ideograph's ink is looked for this share of an em either side of where its box says, in
 * this many steps. */
#define SHIFT 0.15f
#define SHIFTS 2
/* Room for a digit the page's reading missed: this share of the width of a digit beside it. */
#define MISSED_DIGIT_ROOM 0.5

/* The band symbols @from to @to of @symbols, one line, are read again in: their box, as tall
 * as @em at least, and a quarter of that more on every side. */
static RectoBox
line_box (const GArray *symbols, guint from, guint to, float em)
{
  RectoBox box = ocr_symbols_box (symbols, from, to);
  float height, middle, margin;

  height = MAX (box.y2 - box.y1, em), middle = (box.y1 + box.y2) / 2;
  margin = height / 4;
  box.y1 = middle - height / 2 - margin, box.y2 = middle + height / 2 + margin;
  box.x1 -= margin, box.x2 += margin;
  return box;
}

/* Whether a line of @n symbols may be Chinese the Latin model read: a share of it Latin
 * letters, or nothing but a letter or two (a paragraph's last line, "案。" read "Ro"). */
static gboolean
is_mostly_latin (const OcrSymbol *line, guint n)
{
  guint letters = 0;

  for (guint j = 0; j < n; j++)
    letters += scan_symbol_is_latin_letter (line[j].c);
  return (letters >= 3 && letters >= LATIN_LINE_SHARE * n) || (letters > 0 && letters == n);
}

/* What a run of symbols holds. */
typedef struct
{
  guint wide; /* symbols set an em wide */
  guint ideographs; /* of them, Chinese characters (kana, Hangul) */
  guint letters; /* Latin letters */
  guint latin; /* ASCII letters and signs, no figure */
  guint digits;
} Kinds;

static Kinds
count_kinds (const OcrSymbol *symbols, guint from, guint to)
{
  Kinds kinds = { 0 };

  for (guint j = from; j < to; j++)
    {
      gunichar c = symbols[j].c;
      kinds.wide += scan_symbol_is_wide (c);
      kinds.ideographs += scan_symbol_is_ideograph (c);
      kinds.letters += scan_symbol_is_latin_letter (c);
      kinds.latin += c > ' ' && c < 0x7F && !g_ascii_isdigit ((int) c);
      kinds.digits += scan_symbol_is_digit (c);
    }
  return kinds;
}

/* Whether a line of @n symbols holds Latin letters among more wide characters: the Latin
 * model's reading of ink that may be Chinese ("GLK" for "（社区", at 0.93). */
static gboolean
has_letters_among_wide (const OcrSymbol *line, guint n)
{
  Kinds kinds = count_kinds (line, 0, n);

  return kinds.letters > 0 && kinds.wide > kinds.letters;
}

/* Whether a line of @n symbols is doubtful: a symbol read with little confidence, or letters
 * among wide characters. */
static gboolean
is_doubtful (const OcrSymbol *line, guint n)
{
  for (guint j = 0; j < n; j++)
    if (line[j].confidence < DOUBT)
      return TRUE;
  return has_letters_among_wide (line, n);
}

/* For each symbol of @line (@n, the page's reading), the index in @other (@m, the line read
 * alone) of the symbol a longest common subsequence of the two readings pairs it with, or
 * G_MAXUINT. */
static guint *
pair_readings (const OcrSymbol *line, guint n, const OcrSymbol *other, guint m)
{
  guint *pairs = g_new (guint, MAX (n, 1));
  g_autofree guint *common = g_new0 (guint, (gsize) (n + 1) * (m + 1));
  guint i = 0, k = 0;

#define COMMON(a, b) common[(gsize) (a) * (m + 1) + (b)]
  for (guint a = n; a-- > 0;)
    for (guint b = m; b-- > 0;)
      COMMON (a, b) = line[a].c == other[b].c ? COMMON (a + 1, b + 1) + 1
                                              : MAX (COMMON (a + 1, b), COMMON (a, b + 1));
  for (guint a = 0; a < n; a++)
    pairs[a] = G_MAXUINT;
  while (i < n && k < m)
    if (line[i].c == other[k].c && COMMON (i, k) == COMMON (i + 1, k + 1) + 1)
      pairs[i++] = k++;
    else if (COMMON (i + 1, k) >= COMMON (i, k + 1))
      i++;
    else
      k++;
#undef COMMON
  return pairs;
}

/* Whether symbols @from to @to of @symbols are all of a kind (@is_kind). */
static gboolean
all_of_kind (const OcrSymbol *symbols, guint from, guint to, gboolean (*is_kind) (gunichar))
{
  for (guint j = from; j < to; j++)
    if (!is_kind (symbols[j].c))
      return FALSE;
  return to > from;
}

/* The character the ink of the ideograph @symbol reads as alone (@read_glyph, with @data), in
 * @third; FALSE when it reads as nothing, or there is no reader. Its box is an em square from
 * its left edge: the LSTM's boxes run on into the next character (vol111-scanned's "蓬" of a
 * title, 20.5 points tall, boxed 32 points wide), its left edges hold. */
static gboolean
read_third (const OcrSymbol *symbol, SecondReadingGlyph read_glyph, gpointer data,
            OcrSymbol *third)
{
  RectoBox box = { symbol->x1, symbol->y1, symbol->x1 + (symbol->y2 - symbol->y1), symbol->y2 };

  return read_glyph != NULL && read_glyph (&box, data, third);
}

/* Settles each of the ideographs @line[@start, @end) that the line read alone (@other, as many,
 * all ideographs) reads otherwise, by its ink read a third time, alone (@read_glyph): the
 * reading it agrees with stands, surer by its confidence ("莲江区" alone, "蓬江区" on the page
 * and alone: 蓬). Where it agrees with neither, the line alone's reading stands where the
 * page's is doubtful and it is not: the page's LSTM reads some characters worse in the context
 * of the whole page ("戟体" at 0.84 for "载体", 0.99 in the line alone; "侨卷" at 0.64 for
 * "侨眷", 0.98). Two confident readings were no more often right the one than the other
 * ("農曆" came out "農歷" in ragflow__test_rec3, "擦亮" at 0.93 "控亮" at 0.93 on a scan of
 * vol313). */
static void
settle_ideographs (OcrSymbol *line, guint start, guint end, const OcrSymbol *other,
                   SecondReadingGlyph read_glyph, gpointer data)
{
  if (!all_of_kind (line, start, end, scan_symbol_is_ideograph)
      || !all_of_kind (other, 0, end - start, scan_symbol_is_ideograph))
    return;
  for (guint j = start; j < end; j++)
    {
      OcrSymbol *page = &line[j], third;
      const OcrSymbol *alone = &other[j - start];
      gboolean read;
      if (page->c == alone->c)
        continue;
      read = read_third (page, read_glyph, data, &third);
      if (read && third.c == page->c)
        page->confidence = MAX (page->confidence, third.confidence);
      else if (read && third.c == alone->c)
        page->c = alone->c, page->confidence = MAX (alone->confidence, third.confidence);
      else if (page->confidence < DOUBT && alone->confidence >= DOUBT)
        page->c = alone->c, page->confidence = alone->confidence;
    }
}

/* Whether the digits @other[0, @m), which the line read alone has between line[@start - 1] and
 * line[@start] where the page's reading has nothing, were missed by the page: one of those is a
 * digit, and the page's reading leaves room for @m digits as wide as it between them ("5次" for
 * "59次": the "5" boxed 6.3 points wide, 5.5 points of room before "次"). */
static gboolean
digits_missed (const OcrSymbol *line, guint start, const OcrSymbol *other, guint m)
{
  const OcrSymbol *digit = scan_symbol_is_digit (line[start - 1].c) ? &line[start - 1]
                           : scan_symbol_is_digit (line[start].c)   ? &line[start]
                                                                    : NULL;

  if (digit == NULL || !all_of_kind (other, 0, m, scan_symbol_is_digit))
    return FALSE;
  for (guint k = 0; k < m; k++)
    if (other[k].confidence < DOUBT)
      return FALSE;
  return line[start].x1 - line[start - 1].x2 >= MISSED_DIGIT_ROOM * m * (digit->x2 - digit->x1);
}

/* Puts the digits @other[0, @m) into the room between @symbols[@at - 1] and @symbols[@at], as
 * tall as the digit beside them. */
static void
insert_missed_digits (GArray *symbols, guint at, const OcrSymbol *other, guint m)
{
  const OcrSymbol *before = &g_array_index (symbols, OcrSymbol, at - 1),
                  *after = &g_array_index (symbols, OcrSymbol, at),
                  *digit = scan_symbol_is_digit (before->c) ? before : after;
  float x = before->x2, width = (after->x1 - before->x2) / m;
  g_autofree OcrSymbol *missed = g_new (OcrSymbol, m);

  for (guint k = 0; k < m; k++, x += width)
    {
      missed[k] = other[k];
      missed[k].x1 = x, missed[k].x2 = x + width, missed[k].y1 = digit->y1,
      missed[k].y2 = digit->y2;
      missed[k].starts_word = missed[k].starts_line = FALSE;
    }
  g_array_insert_vals (symbols, at, missed, m);
}

/* Whether the ink about @box, an em square, read alone (@read_glyph) reads @c: the square
 * where it is and shifted by up to SHIFTS steps of SHIFT ems either way (the LSTM's boxes
 * run off the ink, and a square that takes in a sliver of a neighbour reads as nothing or as
 * another character). */
static gboolean
reads_about (const RectoBox *box, gunichar c, SecondReadingGlyph read_glyph, gpointer data)
{
  float em = box->x2 - box->x1;

  for (int k = 0; k <= 2 * SHIFTS; k++)
    {
      float dx = (k % 2 == 0 ? 1 : -1) * ((k + 1) / 2) * SHIFT * em;
      RectoBox square = { box->x1 + dx, box->y1, box->x2 + dx, box->y2 };
      OcrSymbol third;
      if (read_glyph (&square, data, &third) && third.c == c)
        return TRUE;
    }
  return FALSE;
}

/* The end of the run of digits that starts at @a of @line (@a itself where none does). */
static guint
digit_run_end (const OcrSymbol *line, guint n, guint a)
{
  guint b = a;

  while (b < n && scan_symbol_is_digit (line[b].c))
    b++;
  return b;
}

/* Replaces the run of at most MAX_INSERTION digits in @symbols[@from + @start, @from + @end)
 * (the page's reading of a stretch of a line) by the ideograph the line read alone (@other,
 * @m symbols) has in its place, where the rest of the two readings match symbol for symbol
 * and the ink of an @em square about the digits read alone (@read_glyph) reads it too: the
 * page's LSTM reads some ideographs as two digits ("（89）" for "（街）"; the line read alone
 * and the glyph alone read "街"). Returns how many symbols fewer the line has. */
static guint
settle_digit_run (GArray *symbols, guint from, guint start, guint end, const OcrSymbol *other,
                  guint m, float em, SecondReadingGlyph read_glyph, gpointer data)
{
  const OcrSymbol *line = &g_array_index (symbols, OcrSymbol, from), *alone;
  guint a = start, b;
  OcrSymbol ideograph;
  RectoBox digits, square;
  float x, y;

  while (a < end && !scan_symbol_is_digit (line[a].c))
    a++;
  b = digit_run_end (line, end, a);
  if (a == end || b - a > MAX_INSERTION || m != (end - start) - (b - a) + 1 || em <= 0
      || read_glyph == NULL)
    return 0;
  for (guint j = b; j < end; j++)
    if (scan_symbol_is_digit (line[j].c))
      return 0; /* a second run */
  alone = &other[a - start];
  digits = ocr_symbols_box (symbols, from + a, from + b);
  x = (digits.x1 + digits.x2) / 2, y = (digits.y1 + digits.y2) / 2;
  square = (RectoBox){ x - em / 2, y - em / 2, x + em / 2, y + em / 2 };
  if (!scan_symbol_is_ideograph (alone->c) || !reads_about (&square, alone->c, read_glyph, data))
    return 0;
  ideograph = *alone;
  ideograph.x1 = square.x1, ideograph.y1 = square.y1, ideograph.x2 = square.x2;
  ideograph.y2 = square.y2;
  ideograph.starts_line = line[a].starts_line, ideograph.starts_word = line[a].starts_word;
  g_array_remove_range (symbols, from + a, b - a);
  g_array_insert_val (symbols, from + a, ideograph);
  return b - a - 1;
}

/* See second-reading.h. */
guint
second_reading_reconcile (GArray *symbols, guint from, guint to, const GArray *again,
                          SecondReadingGlyph read_glyph, gpointer data)
{
  const OcrSymbol *other = (const OcrSymbol *) again->data;
  guint n = to - from;
  g_autofree guint *pairs =
      pair_readings (&g_array_index (symbols, OcrSymbol, from), n, other, again->len);
  /* The stretches between two pairs (or a pair and the line's end), last to first, so that
   * changing one leaves the indices of those before it as they are. */
  guint end = n, other_end = again->len;
  float em = scan_symbols_ideograph_em (symbols, from, to);

  for (guint i = n + 1; i-- > 0;)
    {
      guint start, other_start;
      Kinds kinds, others;
      const OcrSymbol *line = &g_array_index (symbols, OcrSymbol, from);
      if (i > 0 && pairs[i - 1] == G_MAXUINT)
        continue;
      /* The stretch: line[start, end) against other[other_start, other_end). */
      start = i, other_start = i > 0 ? pairs[i - 1] + 1 : 0;
      kinds = count_kinds (line, start, end);
      others = count_kinds (other, other_start, other_end);
      if (other_start == other_end && i > 0 && end < n && end - start <= MAX_INSERTION
          && kinds.wide == end - start && kinds.wide > 0)
        /* Made up: wide symbols the line read alone has nothing for, between two pairs. */
        g_array_remove_range (symbols, from + start, end - start), to -= end - start;
      else if (start == end && i > 0 && end < n && other_end - other_start <= MAX_INSERTION
               && digits_missed (line, start, other + other_start, other_end - other_start))
        {
          insert_missed_digits (symbols, from + start, other + other_start,
                                other_end - other_start);
          to += other_end - other_start;
        }
      else if (kinds.letters > 0 && kinds.latin == end - start && others.ideographs > 0
               && others.letters == 0
               && (start == 0 || !scan_symbol_is_latin_letter (line[start - 1].c))
               && (end == n || !scan_symbol_is_latin_letter (line[end].c)))
        {
          /* The Latin model's letters (and signs) for ink the line read alone reads as wide
           * characters. */
          g_array_remove_range (symbols, from + start, end - start);
          g_array_insert_vals (symbols, from + start, other + other_start, other_end - other_start);
          for (guint j = start; j < start + other_end - other_start; j++)
            g_array_index (symbols, OcrSymbol, from + j).starts_line = j == 0;
          to = to + (other_end - other_start) - (end - start);
        }
      else if (others.ideographs > kinds.ideographs && kinds.digits > 0)
        to -= settle_digit_run (symbols, from, start, end, other + other_start,
                                other_end - other_start, em, read_glyph, data);
      else if (end - start == other_end - other_start)
        settle_ideographs (&g_array_index (symbols, OcrSymbol, from), start, end,
                           other + other_start, read_glyph, data);
      if (i > 0)
        end = i - 1, other_end = pairs[i - 1];
    }
  return to;
}

/* Replaces symbols @from to @to of @symbols by @again. Returns the new end of the line. */
static guint
replace_line (GArray *symbols, guint from, guint to, const GArray *again)
{
  g_array_remove_range (symbols, from, to - from);
  g_array_insert_vals (symbols, from, again->data, again->len);
  return from + again->len;
}

/* The page a line's symbols were read from: @image shows @area of it at @scale pixels per
 * point, read on @worker of @pool. */
typedef struct
{
  const RectoImage *image;
  const RectoBox *area;
  double scale;
  OcrPool *pool;
  guint worker;
} PageImage;

/* The height in points of the ink in @box of the page, 0 without any. */
static float
ink_height (const PageImage *page, const RectoBox *box)
{
  g_autoptr (RectoImage) crop = glyph_shape_crop (page->image, page->area, page->scale, box);
  guint top, bottom;

  if (crop == NULL || !glyph_shape_ink_rows (crop, &top, &bottom))
    return 0;
  return (float) ((bottom - top + 1) / page->scale);
}

/* Whether @line holds a run of 1 to MAX_INSERTION digits. */
static gboolean
has_short_digit_run (const OcrSymbol *line, guint n)
{
  for (guint a = 0, b; a < n; a = MAX (b, a + 1))
    {
      b = digit_run_end (line, n, a);
      if (b > a && b - a <= MAX_INSERTION)
        return TRUE;
    }
  return FALSE;
}

/* Whether the line @from to @to of @symbols holds a run of at most MAX_INSERTION digits whose
 * ink is as tall as TALL_DIGIT of its ideographs' (the median of their ink's heights, in the
 * line's band): an ideograph the page's LSTM read as digits, which it may read with every
 * confidence ("（85）" at 0.95 for "（街）"). */
static gboolean
has_tall_digits (const GArray *symbols, guint from, guint to, const PageImage *page)
{
  const OcrSymbol *line = &g_array_index (symbols, OcrSymbol, from);
  RectoBox band = ocr_symbols_box (symbols, from, to), box = band;
  g_autoptr (GArray) heights = NULL;
  double ideograph;

  /* Most lines have no short run of digits: the ink is measured only where one is. */
  if (!has_short_digit_run (line, to - from))
    return FALSE;
  heights = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint j = 0; j < to - from; j++)
    if (scan_symbol_is_ideograph (line[j].c))
      {
        double height;
        box.x1 = line[j].x1, box.x2 = line[j].x2;
        height = ink_height (page, &box);
        g_array_append_val (heights, height);
      }
  if (heights->len == 0 || (ideograph = scan_symbols_median (heights)) <= 0)
    return FALSE;
  for (guint a = 0, b; a < to - from; a = MAX (b, a + 1))
    {
      b = digit_run_end (line, to - from, a);
      box.x1 = line[a].x1, box.x2 = line[MAX (b, a + 1) - 1].x2;
      if (b > a && b - a <= MAX_INSERTION && ink_height (page, &box) >= TALL_DIGIT * ideograph)
        return TRUE;
    }
  return FALSE;
}

static GArray *
read_band (const PageImage *page, const RectoBox *box, OcrLayout layout, gboolean primary)
{
  return ocr_pool_read_line (page->pool, page->worker, page->image, page->area, page->scale,
                             box, layout, primary);
}

/* Reads the ink in @box of the page (@data) as one character, with the Chinese model, framed
 * in half an em of white (its neighbours' ink left out). Tesseract's reading of one character
 * changes with what is around it: "蓬" cut out with a sliver of its neighbours read "功", "莲"
 * or "荐", framed in white "蓬". */
static gboolean
read_glyph_alone (const RectoBox *box, gpointer data, OcrSymbol *symbol)
{
  const PageImage *page = data;
  g_autoptr (RectoImage) glyph = glyph_shape_crop (page->image, page->area, page->scale, box);
  g_autoptr (RectoImage) framed = NULL;
  g_autoptr (GArray) read = NULL;

  if (glyph == NULL)
    return FALSE;
  framed = glyph_shape_framed (glyph, (guint) ((box->y2 - box->y1) / 2 * page->scale + 0.5));
  read = ocr_pool_read_image_primary (page->pool, page->worker, framed,
                                      (int) (page->scale * 72 + 0.5), OCR_GLYPH);
  if (read == NULL || read->len != 1)
    return FALSE;
  *symbol = g_array_index (read, OcrSymbol, 0);
  return TRUE;
}

/* Second readings of the line @from to @to, on a page whose ideographs are @em tall; returns
 * its new end. A line of Latin letters is read in a band an em tall at least (the Latin model
 * boxed pieces of "盖。" 5.5 points tall in 10.5-point type); where the Chinese model's reading
 * replaces it, @read is set to that band. */
static guint
correct_line (GArray *symbols, guint from, guint to, float em, RectoBox *read,
              const PageImage *page)
{
  const OcrSymbol *line = &g_array_index (symbols, OcrSymbol, from);
  RectoBox box = line_box (symbols, from, to, 0);
  g_autoptr (GArray) again = NULL;

  if (is_mostly_latin (line, to - from))
    {
      box = line_box (symbols, from, to, em);
      again = read_band (page, &box, OCR_LINE, TRUE);
      if (again == NULL
          || count_kinds ((const OcrSymbol *) again->data, 0, again->len).wide
                 <= count_kinds (line, 0, to - from).wide)
        return to;
      *read = box;
      return replace_line (symbols, from, to, again);
    }
  if ((!is_doubtful (line, to - from) && !has_tall_digits (symbols, from, to, page))
      || (again = read_band (page, &box, OCR_LINE, FALSE)) == NULL)
    return to;
  to = second_reading_reconcile (symbols, from, to, again, read_glyph_alone, (gpointer) page);
  /* Letters the line read alone with every model reads as letters again ("SPER." then
   * "PA.TER" for "全覆盖。", "Gt区" twice for "（社区") are read a third time, with the Chinese
   * model alone. */
  g_clear_pointer (&again, g_array_unref);
  if (has_letters_among_wide (&g_array_index (symbols, OcrSymbol, from), to - from)
      && (again = read_band (page, &box, OCR_LINE, TRUE)) != NULL)
    to = second_reading_reconcile (symbols, from, to, again, read_glyph_alone, (gpointer) page);
  return to;
}

/* Whether the middle of the line @from to @to lies in @box. */
static gboolean
line_within (const GArray *symbols, guint from, guint to, const RectoBox *box)
{
  RectoBox line = ocr_symbols_box (symbols, from, to);
  float x = (line.x1 + line.x2) / 2, y = (line.y1 + line.y2) / 2;

  return x > box->x1 && x < box->x2 && y > box->y1 && y < box->y2;
}

void
second_reading_correct (GArray *symbols, const RectoImage *image, const RectoBox *area,
                        double scale, OcrPool *pool, guint worker)
{
  float em = scan_symbols_ideograph_em (symbols, 0, symbols->len);
  RectoBox read = { 0, 0, 0, 0 };
  PageImage page = { image, area, scale, pool, worker };

  for (guint from = 0; from < symbols->len;)
    {
      guint to = ocr_symbols_line_end (symbols, from);
      /* The Latin model may give the pieces of one line's ink as two lines ("x", "Into" for
       * "盖。"): read again whole with the first, the second is the same ink. */
      if (is_mostly_latin (&g_array_index (symbols, OcrSymbol, from), to - from)
          && line_within (symbols, from, to, &read))
        {
          g_array_remove_range (symbols, from, to - from);
          continue;
        }
      read = (RectoBox){ 0, 0, 0, 0 };
      from = correct_line (symbols, from, to, em, &read, &page);
    }
}
