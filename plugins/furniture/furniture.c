/* furniture: finds running heads, running feet and page numbers, and the printed number of
 * every page. A line is furniture when it sits at the top or bottom edge of its page and the
 * same shape (its text with digits masked, or without a page number it carries at one end) comes
 * back at the same height on other pages, or, nearest the edge, is that of a running line on two
 * other pages at any height (a title page sets its foot elsewhere); a furniture line that is
 * nothing but a number in a usual form ("- 12 -", "—12—", "12", "Page 12", "第 12 页", roman
 * numerals) is the page number, and one of two such numbers in a row, the second one more
 * (a spread of two pages on one), gives the page its first. A line that only two pages of a
 * longer document print must also stand clear of the text, or where other running heads stand
 * (a table's title repeated over its two pages is not furniture). Nothing is a fixed list of
 * strings.
 *
 * Text the page does not show (drawn without ink, cut away by a clip or painted over: the
 * source flags it) is kept apart first, as furniture of its own (invisible-lines.h).
 *
 * The stage only sets each line's role and each page's printed number; the paragraph stage
 * turns them into <fw> and <pb n>. */
#include "candidates.h"
#include "invisible-lines.h"
#include "page-numbers.h"
#include "running-lines.h"

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

/* A one-page document has nothing to repeat: its edge numbers are still page numbers, unless
 * padded with zeros ("05", "000713"), as codes and a form's figures are and a page number with
 * nothing to confirm it is not. */
static gboolean
lone_page_number (const Candidate *c)
{
  return c->number != NULL && !(c->number[0] == '0' && c->number[1] != '\0');
}

static gboolean
furniture_process (RectoStageContext *ctx, RectoDocument *doc, const void *config_data,
                   GError **error)
{
  const FurnitureConfig *config = config_data;
  g_autoptr (GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  guint n_pages = recto_document_get_n_pages (doc);
  Insets insets;
  float body_size;
  const char *body_font;
  g_autoptr (CandidateIndex) index = NULL;

  g_array_set_clear_func (candidates, (GDestroyNotify) candidate_clear);

  invisible_lines_mark (doc, ctx);
  insets = candidates_text_insets (doc);
  for (guint i = 0; i < n_pages; i++)
    candidates_collect (recto_document_get_page (doc, i), config, insets, candidates);
  index = candidate_index_new (candidates);

  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *c = &g_array_index (candidates, Candidate, i);
      RectoPage *page = recto_document_get_page (doc, c->page);

      if (!running_lines_repeat (page, c, candidates, index, n_pages, config, &c->weak)
          && !(n_pages == 1 && lone_page_number (c)))
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
      if (running_lines_repeat_text (c, candidates, index))
        c->slot = TRUE;
    }
  /* Decided after every page's repeated lines, against which it is measured. */
  body_size = recto_document_get_body_size (doc);
  body_font = recto_document_get_body_font (doc);
  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *c = &g_array_index (candidates, Candidate, i);
      if (running_lines_in_slot (doc, c, candidates, n_pages, body_size, body_font, config)
          || running_lines_above_slot (c, candidates, n_pages, body_size, body_font, config)
          || (c->weak && running_lines_in_place (c, candidates, n_pages, config)))
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
      page->printed_number = page_numbers_carried (c, candidates, index);
      if (page->printed_number == NULL
          && (page->printed_number = page_numbers_spread (c->line->text)) != NULL)
        c->line->role = RECTO_LINE_PAGE_NUMBER;
    }
  return TRUE;
}

static const RectoStageInfo furniture_info = {
  .abi_version = RECTO_STAGE_ABI_VERSION,
  .name = "furniture",
  .summary = "Finds running heads, feet and page numbers by position and repetition across "
             "pages, reads each page's printed number, and keeps text the page does not show "
             "apart",
  .version = RECTO_VERSION,
  .license = "LGPL-2.1-or-later",
  .kind = RECTO_STAGE_REPAIR,
  .options = furniture_options,
  .config_size = sizeof (FurnitureConfig),
  .process = furniture_process,
};

RECTO_STAGE_DEFINE (furniture_info)
