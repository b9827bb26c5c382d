/* furniture: finds running heads, running feet and page numbers, and the printed number of
 * every page. A line is furniture when it sits at the top or bottom edge of its page and the
 * same shape (its text with digits masked, or without a page number it carries at one end) comes
 * back at the same height on other pages, or, nearest the edge, is that of a running line on two
 * other pages at any height (a title page sets its foot elsewhere); a furniture line that is
 * nothing but a number in a usual form ("- 12 -", "—12—", "12", "Page 12", "第 12 页", roman
 * numerals) is the page number, and one of two such numbers in a row, the second one more
 * (a spread of two pages on one), gives the page its first. Nothing is a fixed list of strings.
 *
 * The stage only sets each line's role and each page's printed number; the paragraph stage
 * turns them into <fw> and <pb n>. */
#include <math.h>
#include <string.h>

#include <recto/recto.h>

typedef struct
{
  double band;
  int lines;
  double tolerance;
} FurnitureConfig;

static const RectoOption furniture_options[] = {
  { .name = "band",
    .type = RECTO_OPTION_DOUBLE,
    .default_value = "0.12",
    .blurb =
        "Height of the top and bottom bands where furniture may sit, as a share of the page "
        "(from the page's edge, or from the edge of the document's text where it is further in)",
    .offset = G_STRUCT_OFFSET (FurnitureConfig, band),
    .minimum = 0.01,
    .maximum = 0.5 },
  { .name = "lines",
    .type = RECTO_OPTION_INT,
    .default_value = "2",
    .blurb = "How many lines from each edge of a page may be furniture",
    .offset = G_STRUCT_OFFSET (FurnitureConfig, lines),
    .minimum = 1,
    .maximum = 10 },
  { .name = "tolerance",
    .type = RECTO_OPTION_DOUBLE,
    .default_value = "4",
    .blurb = "How far, in points, a repeated line may move up or down from page to page",
    .offset = G_STRUCT_OFFSET (FurnitureConfig, tolerance),
    .minimum = 0,
    .maximum = 100 },
  { NULL },
};

typedef enum
{
  EDGE_TOP,
  EDGE_BOTTOM,
} Edge;

/* A line near an edge of its page: where it is and the shape it repeats. */
typedef struct
{
  RectoLine *line;
  float center; /* the line's vertical centre, at hand: each candidate meets every other */
  guint page;
  Edge edge;
  guint depth; /* 0 for the line nearest the edge, 1 for the next */
  gboolean inner; /* beyond the band at the page's edge, within the band at the text's edge */
  char *shape;
  char *bare; /* the shape without a page number at one end */
  char *number; /* the page number it is, if its text is only that */
  gboolean slot; /* a running head or foot by its place and type alone */
} Candidate;

static void
candidate_clear (Candidate *candidate)
{
  g_free (candidate->shape);
  g_free (candidate->bare);
  g_free (candidate->number);
}

static float
center_y (const RectoLine *line)
{
  return (line->box.y1 + line->box.y2) / 2;
}

/* The run of ASCII digits at the start (or, with @at_end, the end) of @text, set off from the
 * rest by a space or a non-digit, or NULL. */
static char *
edge_number (const char *text, gboolean at_end)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  gsize length = strlen (trimmed), start = 0, end = length;

  if (at_end)
    while (start < length && g_ascii_isdigit (trimmed[length - 1 - start]))
      start++;
  else
    while (end > 0 && g_ascii_isdigit (trimmed[length - end]))
      end--;
  if (at_end)
    return start > 0 && start < length && start <= 4 ? g_strdup (trimmed + length - start) : NULL;
  return end < length && end > 0 && length - end <= 4 ? g_strndup (trimmed, length - end) : NULL;
}

/* The shape of @text without the page number it carries at one end: "…所有内容 3" is shaped as
 * "…所有内容" on the pages that print their number on a line of its own. */
static char *
bare_shape (const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  g_autofree char *number = edge_number (trimmed, TRUE);
  gboolean at_end = number != NULL;

  if (number == NULL)
    number = edge_number (trimmed, FALSE);
  if (number == NULL)
    return recto_page_number_shape (trimmed);
  if (at_end)
    trimmed[strlen (trimmed) - strlen (number)] = '\0';
  return recto_page_number_shape (g_strstrip (at_end ? trimmed : trimmed + strlen (number)));
}

static void
add_candidate (GArray *candidates, RectoLine *line, const RectoPage *page, Edge edge, guint depth,
               gboolean inner)
{
  Candidate candidate = {
    .line = line,
    .center = center_y (line),
    .page = page->index,
    .edge = edge,
    .depth = depth,
    .inner = inner,
    .shape = recto_page_number_shape (line->text),
    .bare = bare_shape (line->text),
    .number = recto_page_number_parse (line->text),
  };
  g_array_append_val (candidates, candidate);
}

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

/* The next line with text after line @i of @page going by @step (+1 or -1), or -1. */
static int
next_text_line (const RectoPage *page, int i, int step)
{
  for (i += step; i >= 0 && i < (int) page->lines->len; i += step)
    if (!is_blank (((RectoLine *) g_ptr_array_index (page->lines, i))->text))
      return i;
  return -1;
}

/* Whether @text has a letter or an ideograph: a line of bare figures beside a page number is
 * more likely a table's or a lost sentence's numbers than a running head. */
static gboolean
has_letters (const char *text)
{
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (g_unichar_isalpha (g_utf8_get_char (text)))
      return TRUE;
  return FALSE;
}

/* The line with letters next to the page number at line @number of @page, going by @step
 * (+1: the next page's first line, -1: this page's last), if it is still body text; and in
 * @key its text with the side it stands on. */
static RectoLine *
beside_number (const RectoPage *page, int number, int step, char **key)
{
  int i = next_text_line (page, number, step);
  RectoLine *line = i >= 0 ? g_ptr_array_index (page->lines, i) : NULL;
  g_autofree char *text = NULL;

  if (line == NULL || line->role != RECTO_LINE_BODY || !has_letters (line->text))
    return NULL;
  text = g_strstrip (g_strdup (line->text));
  *key = g_strdup_printf ("%+d %s", step, text);
  return line;
}

/* A text page that holds many pages (an extraction without form feeds): the line just after a
 * page number opens the next page and the line just before it closes its page. A text that
 * stands there beside a good share of the page numbers (the volume's title, repeated as its
 * running head) is furniture; a chapter's running head, which comes back on a few pages only,
 * is left to the chapter stage, which knows the chapter's title. */
static void
mark_text_running_lines (const RectoPage *page)
{
  g_autoptr (GArray) numbers = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr (GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint needed;

  for (guint i = 0; i < page->lines->len; i++)
    if (((RectoLine *) g_ptr_array_index (page->lines, i))->role == RECTO_LINE_PAGE_NUMBER)
      g_array_append_val (numbers, i);
  needed = MAX (3, numbers->len / 4);
  if (numbers->len < needed)
    return;
  for (guint n = 0; n < numbers->len; n++)
    for (int step = -1; step <= 1; step += 2)
      {
        char *key = NULL;
        if (beside_number (page, g_array_index (numbers, int, n), step, &key) != NULL)
          g_hash_table_insert (counts, key,
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + 1));
      }
  for (guint n = 0; n < numbers->len; n++)
    for (int step = -1; step <= 1; step += 2)
      {
        g_autofree char *key = NULL;
        RectoLine *line = beside_number (page, g_array_index (numbers, int, n), step, &key);
        if (line != NULL && GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) >= needed)
          line->role = step > 0 ? RECTO_LINE_HEADER : RECTO_LINE_FOOTER;
      }
}

/* A text page (no geometry) has its first and last lines with text as edges. A decorated page
 * number ("- 12 -", "Page 12") is one wherever it stands: an extraction that lost its form
 * feeds leaves page numbers between the pages' texts. */
static void
collect_text_candidates (const RectoPage *page, GArray *candidates)
{
  int first = -1, last = -1;

  for (guint i = 0; i < page->lines->len; i++)
    {
      RectoLine *line = g_ptr_array_index (page->lines, i);
      if (is_blank (line->text))
        continue;
      if (first < 0)
        first = (int) i;
      last = (int) i;
      if (recto_page_number_is_decorated (line->text))
        line->role = RECTO_LINE_PAGE_NUMBER;
    }
  if (first < 0)
    return;
  mark_text_running_lines (page);
  add_candidate (candidates, g_ptr_array_index (page->lines, first), page, EDGE_TOP, 0, FALSE);
  if (last != first)
    add_candidate (candidates, g_ptr_array_index (page->lines, last), page, EDGE_BOTTOM, 0, FALSE);
}

static int
compare_top (gconstpointer a, gconstpointer b)
{
  const RectoLine *x = *(RectoLine *const *) a, *y = *(RectoLine *const *) b;
  return (x->box.y1 > y->box.y1) - (x->box.y1 < y->box.y1);
}

static int
compare_bottom (gconstpointer a, gconstpointer b)
{
  return compare_top (b, a);
}

/* How far in from the page's top and bottom edges the text of the document begins, as shares
 * of the page's height: the least over its pages. A book printed with its trim marks, or a
 * page with a wide margin, has its running heads below the band at the page's edge. */
typedef struct
{
  double top, bottom;
} Insets;

static Insets
text_insets (RectoDocument *doc)
{
  Insets insets = { 1, 1 };

  for (guint i = 0; i < recto_document_get_n_pages (doc); i++)
    {
      const RectoPage *page = recto_document_get_page (doc, i);
      for (guint j = 0; page->height > 0 && j < page->lines->len; j++)
        {
          const RectoLine *line = g_ptr_array_index (page->lines, j);
          if (!line->has_box || is_blank (line->text))
            continue;
          insets.top = MIN (insets.top, MAX (line->box.y1, 0) / page->height);
          insets.bottom = MIN (insets.bottom, MAX (page->height - line->box.y2, 0) / page->height);
        }
    }
  return insets;
}

/* Adds the lines of @band (sorted from the edge inwards) that lie in the first config->lines
 * rows from the edge; lines on one row (a page number beside a running foot) share a depth.
 * @edge_band: how far from the page's edge the band at the page's edge reaches. */
static void
add_band (GPtrArray *band, const RectoPage *page, Edge edge, double edge_band,
          const FurnitureConfig *config, GArray *candidates)
{
  guint depth = 0;
  const RectoLine *row = NULL; /* the first line of the current row */

  for (guint i = 0; i < band->len; i++)
    {
      RectoLine *line = g_ptr_array_index (band, i);
      gboolean inner =
          edge == EDGE_TOP ? line->box.y2 > edge_band : line->box.y1 < page->height - edge_band;
      if (row != NULL
          && (edge == EDGE_TOP ? line->box.y1 >= row->box.y2 : line->box.y2 <= row->box.y1))
        {
          if (++depth >= (guint) config->lines)
            break;
          row = line;
        }
      if (row == NULL)
        row = line;
      add_candidate (candidates, line, page, edge, depth, inner);
    }
}

/* The lines in the top and bottom bands of @page, at most config->lines rows from each edge.
 * A band reaches config->band from the page's edge, or from the edge of the document's text
 * (@insets) where that is further in. The rows are found by position, not by reading order: a
 * table or a column may be read after the page number below it. */
static void
collect_candidates (const RectoPage *page, const FurnitureConfig *config, Insets insets,
                    GArray *candidates)
{
  double band = config->band * page->height;
  double top_band = (insets.top + config->band) * page->height;
  double bottom_band = (insets.bottom + config->band) * page->height;
  g_autoptr (GPtrArray) top = g_ptr_array_new ();
  g_autoptr (GPtrArray) bottom = g_ptr_array_new ();

  if (page->height <= 0)
    {
      collect_text_candidates (page, candidates);
      return;
    }
  for (guint i = 0; i < page->lines->len; i++)
    {
      RectoLine *line = g_ptr_array_index (page->lines, i);
      if (!line->has_box || is_blank (line->text))
        continue;
      if (line->box.y2 <= top_band)
        g_ptr_array_add (top, line);
      else if (line->box.y1 >= page->height - bottom_band)
        g_ptr_array_add (bottom, line);
    }
  g_ptr_array_sort (top, compare_top);
  g_ptr_array_sort (bottom, compare_bottom);
  add_band (top, page, EDGE_TOP, band, config, candidates);
  add_band (bottom, page, EDGE_BOTTOM, band, config, candidates);
}

static gboolean
is_roman (const Candidate *c)
{
  return !g_ascii_isdigit (c->number[0]);
}

/* Whether @a and @b are arabic page numbers of one sequence: they differ as their pages do (a
 * table's last figure at the foot of two pages does not). */
static gboolean
in_sequence (const Candidate *a, const Candidate *b)
{
  return !is_roman (a) && !is_roman (b)
         && g_ascii_strtoll (b->number, NULL, 10) - g_ascii_strtoll (a->number, NULL, 10)
                == (gint64) b->page - (gint64) a->page;
}

/* Whether @a's shape comes back at about the same height on other pages: on one other page
 * for the line nearest the edge; on more for a line further in, which is more likely text that
 * happens to repeat (the last line of a note that two pages share). Page numbers repeat as
 * any number at the same height (roman front matter, then arabic), or, nearest the edge, as a
 * number of their sequence at either edge and any height: pages put it in another corner (a
 * chapter's first page, a landscape page). */
static gboolean
repeats (const Candidate *a, const GArray *candidates, guint n_pages, const FurnitureConfig *config)
{
  guint needed = a->depth == 0 && !a->inner ? 1 : MAX (2, n_pages / 10);
  guint pages = 0;

  for (guint i = 0; i < candidates->len && pages < needed; i++)
    {
      const Candidate *b = &g_array_index (candidates, Candidate, i);
      if (b->page == a->page)
        continue;
      if (a->number != NULL && b->number != NULL && a->depth == 0 && in_sequence (a, b))
        {
          pages++;
          continue;
        }
      if (b->edge != a->edge || fabsf (b->center - a->center) > config->tolerance)
        continue;
      if (a->number != NULL
              ? b->number != NULL && (is_roman (a) || is_roman (b) || in_sequence (a, b))
              : g_str_equal (a->shape, b->shape) || g_str_equal (a->bare, b->bare))
        pages++;
    }
  return pages >= needed;
}

/* Whether @a and @b are set alike: the same font (when known) and the same size. */
static gboolean
same_type (const RectoLine *a, const RectoLine *b)
{
  return a->font == b->font && fabsf (a->size - b->size) <= 0.05f * MAX (a->size, b->size);
}

/* The space between @line and the next line of @page towards the page's middle, or
 * G_MAXFLOAT when there is none. */
static float
clearance (const RectoPage *page, const RectoLine *line, Edge edge)
{
  float space = G_MAXFLOAT;

  for (guint i = 0; i < page->lines->len; i++)
    {
      const RectoLine *other = g_ptr_array_index (page->lines, i);
      float gap = edge == EDGE_TOP ? other->box.y1 - line->box.y2 : line->box.y1 - other->box.y2;
      if (other != line && other->has_box && !is_blank (other->text) && gap >= 0)
        space = MIN (space, gap);
    }
  return space;
}

/* Whether @a, the line nearest its edge, stands where the running heads (or feet) stand and
 * is set as they are, on enough other pages: a running head that names the chapter is printed
 * on only one page when the chapter has only one page of its side, so its text cannot repeat,
 * but its place and type do. Body lines that open a page take that place too: a running head
 * is set apart from the text, in a type other than the body's, and stands clear of the line
 * after it by at least its own height. */
static gboolean
in_running_slot (RectoDocument *doc, const Candidate *a, const GArray *candidates, guint n_pages,
                 float body_size, const char *body_font, const FurnitureConfig *config)
{
  guint needed = MAX (2, n_pages / 10), pages = 0;
  guint last_page = G_MAXUINT;
  const RectoLine *line = a->line;

  if (a->depth != 0 || a->number != NULL || line->role != RECTO_LINE_BODY)
    return FALSE;
  if (line->font == body_font
      && fabsf (line->size - body_size) <= 0.05f * body_size)
    return FALSE;
  if (clearance (recto_document_get_page (doc, a->page), line, a->edge)
      < line->box.y2 - line->box.y1)
    return FALSE;
  for (guint i = 0; i < candidates->len && pages < needed; i++)
    {
      const Candidate *b = &g_array_index (candidates, Candidate, i);
      RectoLineRole role = a->edge == EDGE_TOP ? RECTO_LINE_HEADER : RECTO_LINE_FOOTER;
      if (b->page == a->page || b->page == last_page || b->edge != a->edge || b->line->role != role
          || fabsf (b->center - a->center) > config->tolerance || !same_type (a->line, b->line))
        continue;
      pages++;
      last_page = b->page;
    }
  return pages >= needed;
}

/* Whether @a, the line nearest its edge and not furniture by its height, has the shape of a
 * running head (or foot) found on two other pages: a title page sets its foot elsewhere. */
static gboolean
repeats_running_text (const Candidate *a, const GArray *candidates)
{
  guint pages = 0, last_page = G_MAXUINT;
  RectoLineRole role = a->edge == EDGE_TOP ? RECTO_LINE_HEADER : RECTO_LINE_FOOTER;

  if (a->depth != 0 || a->number != NULL || a->line->role != RECTO_LINE_BODY)
    return FALSE;
  for (guint i = 0; i < candidates->len && pages < 2; i++)
    {
      const Candidate *b = &g_array_index (candidates, Candidate, i);
      if (b->page == a->page || b->page == last_page || b->edge != a->edge || b->line->role != role
          || !g_str_equal (a->bare, b->bare))
        continue;
      pages++;
      last_page = b->page;
    }
  return pages >= 2;
}

/* A running head or foot that carries the page number at one end ("監察院公報……第 97 期 8",
 * "10 제414회-환경노동제1차"): the number is the page's when the same line on another page ends
 * in the number of that page's place in the sequence. */
static char *
carried_number (const Candidate *a, const GArray *candidates)
{
  for (int at_end = 0; at_end <= 1; at_end++)
    {
      g_autofree char *number = edge_number (a->line->text, at_end);
      if (number == NULL)
        continue;
      for (guint i = 0; i < candidates->len; i++)
        {
          const Candidate *b = &g_array_index (candidates, Candidate, i);
          g_autofree char *other = NULL;
          if (b->page == a->page || b->edge != a->edge || b->line->role == RECTO_LINE_BODY
              || !g_str_equal (a->shape, b->shape))
            continue;
          other = edge_number (b->line->text, at_end);
          if (other != NULL
              && g_ascii_strtoll (other, NULL, 10) - g_ascii_strtoll (number, NULL, 10)
                     == (gint64) b->page - (gint64) a->page)
            return g_steal_pointer (&number);
        }
    }
  return NULL;
}

/* The number of a page that prints two pages side by side (a spread of a table set across
 * facing pages): its head or foot is nothing but two page numbers in a usual form, the second
 * one more than the first ("- 12 -      - 13 -"). The page is numbered by its first half. NULL
 * for any other text. */
static char *
spread_number (const char *text)
{
  for (const char *p = strchr (text, ' '); p != NULL; p = strchr (p + 1, ' '))
    {
      g_autofree char *left = g_strndup (text, p - text);
      g_autofree char *first = recto_page_number_parse (left);
      g_autofree char *second = first != NULL ? recto_page_number_parse (p + 1) : NULL;
      if (second != NULL && g_ascii_isdigit (first[0]) && g_ascii_isdigit (second[0])
          && g_ascii_strtoll (second, NULL, 10) == g_ascii_strtoll (first, NULL, 10) + 1)
        return g_steal_pointer (&first);
    }
  return NULL;
}

static gboolean
furniture_process (RectoStageContext *ctx, RectoDocument *doc, const void *config_data,
                   GError **error)
{
  const FurnitureConfig *config = config_data;
  g_autoptr (GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  guint n_pages = recto_document_get_n_pages (doc);
  Insets insets = text_insets (doc);
  float body_size;
  const char *body_font;

  g_array_set_clear_func (candidates, (GDestroyNotify) candidate_clear);

  for (guint i = 0; i < n_pages; i++)
    collect_candidates (recto_document_get_page (doc, i), config, insets, candidates);

  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *c = &g_array_index (candidates, Candidate, i);
      RectoPage *page = recto_document_get_page (doc, c->page);

      /* A one-page document has nothing to repeat: its edge numbers are still page numbers. */
      if (!repeats (c, candidates, n_pages, config) && !(n_pages == 1 && c->number != NULL))
        continue;
      if (c->number != NULL && (page->printed_number == NULL || page->height <= 0))
        {
          c->line->role = RECTO_LINE_PAGE_NUMBER;
          /* A text page may hold several pages' numbers: each line keeps its own. */
          if (page->height > 0)
            page->printed_number = g_strdup (c->number);
        }
      else
        c->line->role = c->edge == EDGE_TOP ? RECTO_LINE_HEADER : RECTO_LINE_FOOTER;
    }
  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *c = &g_array_index (candidates, Candidate, i);
      if (repeats_running_text (c, candidates))
        c->slot = TRUE;
    }
  /* Decided after every page's repeated lines, against which it is measured. */
  body_size = recto_document_get_body_size (doc);
  body_font = recto_document_get_body_font (doc);
  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *c = &g_array_index (candidates, Candidate, i);
      if (in_running_slot (doc, c, candidates, n_pages, body_size, body_font, config))
        c->slot = TRUE;
    }
  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *c = &g_array_index (candidates, Candidate, i);
      if (c->slot)
        c->line->role = c->edge == EDGE_TOP ? RECTO_LINE_HEADER : RECTO_LINE_FOOTER;
    }
  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *c = &g_array_index (candidates, Candidate, i);
      RectoPage *page = recto_document_get_page (doc, c->page);
      if (page->printed_number != NULL || page->height <= 0
          || (c->line->role != RECTO_LINE_HEADER && c->line->role != RECTO_LINE_FOOTER))
        continue;
      page->printed_number = carried_number (c, candidates);
      if (page->printed_number == NULL
          && (page->printed_number = spread_number (c->line->text)) != NULL)
        c->line->role = RECTO_LINE_PAGE_NUMBER;
    }
  return TRUE;
}

static const RectoStageInfo furniture_info = {
  .abi_version = RECTO_STAGE_ABI_VERSION,
  .name = "furniture",
  .summary = "Finds running heads, feet and page numbers by position and repetition across "
             "pages, and reads each page's printed number",
  .version = RECTO_VERSION,
  .license = "LGPL-2.1-or-later",
  .kind = RECTO_STAGE_REPAIR,
  .options = furniture_options,
  .config_size = sizeof (FurnitureConfig),
  .process = furniture_process,
};

RECTO_STAGE_DEFINE (furniture_info)
