/* furniture: finds running heads, running feet and page numbers, and the printed number of
 * every page. A line is furniture when it sits at the top or bottom edge of its page and the
 * same shape (its text with digits masked) comes back at the same height on other pages; a
 * furniture line that is nothing but a number in a usual form ("- 12 -", "—12—", "12",
 * "Page 12", "第 12 页", roman numerals) is the page number. Nothing is a fixed list of strings.
 *
 * The stage only sets each line's role and each page's printed number; the paragraph stage
 * turns them into <fw> and <pb n>. */
#include <math.h>

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
    .blurb = "Height of the top and bottom bands where furniture may sit, as a share of the page",
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
  char *shape;
  char *number; /* the page number it is, if its text is only that */
} Candidate;

static void
candidate_clear (Candidate *candidate)
{
  g_free (candidate->shape);
  g_free (candidate->number);
}

static float
center_y (const RectoLine *line)
{
  return (line->box.y1 + line->box.y2) / 2;
}

static void
add_candidate (GArray *candidates, RectoLine *line, const RectoPage *page, Edge edge, guint depth)
{
  Candidate candidate = {
    .line = line,
    .center = center_y (line),
    .page = page->index,
    .edge = edge,
    .depth = depth,
    .shape = recto_page_number_shape (line->text),
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
  add_candidate (candidates, g_ptr_array_index (page->lines, first), page, EDGE_TOP, 0);
  if (last != first)
    add_candidate (candidates, g_ptr_array_index (page->lines, last), page, EDGE_BOTTOM, 0);
}

/* The lines in the top and bottom bands of @page, at most config->lines from each edge. */
static void
collect_candidates (const RectoPage *page, const FurnitureConfig *config, GArray *candidates)
{
  double band = config->band * page->height;
  guint n = page->lines->len;
  guint top = 0, bottom = 0;

  if (page->height <= 0)
    {
      collect_text_candidates (page, candidates);
      return;
    }
  /* Lines come top to bottom (columns aside), so the edges are at the ends of the list; the
   * bands still decide, since a column's lines may end far above the foot. */
  for (guint i = 0; i < n && top < (guint) config->lines; i++)
    {
      RectoLine *line = g_ptr_array_index (page->lines, i);
      if (!line->has_box || line->box.y2 > band)
        break;
      add_candidate (candidates, line, page, EDGE_TOP, top);
      top++;
    }
  for (guint i = n; i > top && bottom < (guint) config->lines; i--)
    {
      RectoLine *line = g_ptr_array_index (page->lines, i - 1);
      if (!line->has_box || line->box.y1 < page->height - band)
        break;
      add_candidate (candidates, line, page, EDGE_BOTTOM, bottom);
      bottom++;
    }
}

/* Whether @a's shape comes back at about the same height on other pages: on one other page
 * for the line nearest the edge; on more for a line further in, which is more likely text that
 * happens to repeat (the last line of a note that two pages share). */
static gboolean
repeats (const Candidate *a, const GArray *candidates, guint n_pages, const FurnitureConfig *config)
{
  guint needed = a->depth == 0 ? 1 : MAX (2, n_pages / 10);
  guint pages = 0;

  for (guint i = 0; i < candidates->len && pages < needed; i++)
    {
      const Candidate *b = &g_array_index (candidates, Candidate, i);
      if (b->page == a->page || b->edge != a->edge)
        continue;
      if (fabsf (b->center - a->center) > config->tolerance)
        continue;
      /* Page numbers may change form across a volume ("- 9 -" then "- 10 -" align the same,
       * but "iv" and "12" do not share a shape): any two numbers at one height repeat. */
      if (g_str_equal (a->shape, b->shape) || (a->number != NULL && b->number != NULL))
        pages++;
    }
  return pages >= needed;
}

static gboolean
furniture_process (RectoStageContext *ctx, RectoDocument *doc, const void *config_data,
                   GError **error)
{
  const FurnitureConfig *config = config_data;
  g_autoptr (GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  guint n_pages = recto_document_get_n_pages (doc);

  g_array_set_clear_func (candidates, (GDestroyNotify) candidate_clear);
  for (guint i = 0; i < n_pages; i++)
    collect_candidates (recto_document_get_page (doc, i), config, candidates);

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
