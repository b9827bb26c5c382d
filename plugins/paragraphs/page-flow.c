/* page-flow.c: page breaks and furniture in the flow of blocks. Each page's <pb> and <fw> wait
 * until the next block says where they go (inside a paragraph the page breaks, or before the
 * next one); a text page's furniture stays where it stands, a page number inside it ends the
 * page, and a jump in the page numbers marks the pages an extraction lost. */
#include "page-flow.h"

/* Moves what waits (page breaks, furniture, notes) into @parent. */
void
page_flow_flush (Builder *b, RectoBlock *parent)
{
  for (guint i = 0; i < b->pending->len; i++)
    recto_block_insert (parent, g_ptr_array_index (b->pending, i), -1);
  g_ptr_array_set_size (b->pending, 0);
}

static const char *
furniture_type (RectoLineRole role)
{
  switch (role)
    {
    case RECTO_LINE_HEADER:
      return "header";
    case RECTO_LINE_FOOTER:
      return "footer";
    case RECTO_LINE_PAGE_NUMBER:
      return "pageNum";
    case RECTO_LINE_INVISIBLE:
      return "invisible";
    default:
      return NULL;
    }
}

/* Queues a <pb> for @page (its printed number, when a stage found it). */
void
page_flow_open_page (Builder *b, const RectoPage *page)
{
  RectoBlock *pb = recto_block_new (b->doc, RECTO_BLOCK_PB);

  pb->page = (int) page->index;
  recto_block_set_n (pb, page->printed_number);
  g_ptr_array_add (b->pending, pb);
  b->page_break = pb;
  b->page_ended = FALSE;
  /* Blank lines before the page's end belonged to its foot, not to the text. */
  b->page_turned = TRUE;
  b->blank_since_text = FALSE;
}

/* Queues @line of @page as <fw>. */
static void
add_furniture (Builder *b, const RectoPage *page, const RectoLine *line)
{
  RectoBlock *fw = recto_block_new (b->doc, RECTO_BLOCK_FW);

  recto_block_set_type (b->doc, fw, furniture_type (line->role));
  recto_block_append_text (b->doc, fw, text_lines_skip_space (line->text), -1);
  recto_block_add_line (fw, page, line);
  g_ptr_array_add (b->pending, fw);
}

/* Queues the page's <pb> and, for a page with geometry, its furniture as <fw>. A text page's
 * furniture stays where it stands in the text (see page_flow_add_text_furniture()). */
void
page_flow_begin_page (Builder *b, const RectoPage *page)
{
  page_flow_open_page (b, page);
  if (page->height <= 0)
    return;
  for (guint i = 0; i < page->lines->len; i++)
    {
      const RectoLine *line = g_ptr_array_index (page->lines, i);
      if (furniture_type (line->role) != NULL)
        add_furniture (b, page, line);
    }
}

/* An extraction that lost whole pages shows it in its page numbers (13, then 54): a gap before
 * the page break says how many pages are missing. */
static void
mark_lost_pages (Builder *b, const char *number)
{
  guint64 value = 0;
  RectoBlock *gap;
  guint index;

  if (number == NULL || !g_ascii_string_to_unsigned (number, 10, 1, G_MAXUINT32, &value, NULL))
    return;
  if (b->last_page_number > 0 && value > b->last_page_number + 1)
    {
      gap = recto_block_new (b->doc, RECTO_BLOCK_GAP);
      recto_block_set_type (b->doc, gap, "lost-pages");
      {
        guint64 missing = value - b->last_page_number - 1;
        g_autofree char *extent =
            g_strdup_printf ("%" G_GUINT64_FORMAT " %s", missing, missing == 1 ? "page" : "pages");
        recto_block_set_n (gap, extent);
      }
      recto_block_mark_repair (b->doc, gap, "lost-pages",
                               "%" G_GUINT64_FORMAT " to %" G_GUINT64_FORMAT,
                               b->last_page_number + 1, value - 1);
      if (b->page_break->parent != NULL)
        recto_block_insert (b->page_break->parent, gap, recto_block_get_index (b->page_break));
      else if (g_ptr_array_find (b->pending, b->page_break, &index))
        g_ptr_array_insert (b->pending, index, gap);
    }
  b->last_page_number = value;
}

/* Furniture in a text page, in its place. A page-number line below the page's first line ends
 * the page (the extraction lost the form feed): what follows opens the next one. The number
 * goes to the page it ends, or, at the top, to the page it heads. */
void
page_flow_add_text_furniture (Builder *b, const RectoPage *page, const RectoLine *line,
                              gboolean first)
{
  if (b->page_ended)
    page_flow_open_page (b, page);
  add_furniture (b, page, line);
  if (line->role != RECTO_LINE_PAGE_NUMBER)
    return;
  if (b->page_break->n == NULL)
    {
      g_autofree char *number = recto_page_number_parse (line->text);
      recto_block_set_n (b->page_break, number);
      mark_lost_pages (b, number);
    }
  b->page_ended = !first;
}
