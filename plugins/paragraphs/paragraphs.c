/* paragraphs: joins body lines into blocks (paragraphs, and the lines that later stages make
 * into headings, captions and list items), across page and column breaks, and puts every page
 * break and the page's furniture where the page begins.
 *
 * A line continues the open block when it has the same size and weight, is not indented from
 * its column's left edge (or from where the block's own lines start), the line before it filled
 * its column's measure (a block set in from the column: set in as far on the right), and the
 * vertical gap is the volume's usual one; a line that goes on with a sentence the line before
 * it broke may hang under a label and sit a little lower. A line on a new page or column
 * continues a block the same way, so a paragraph broken by a page keeps its <pb> and <fw> inside
 * it, also where a float set smaller (a chart, its caption) opens the next column or page before
 * the rest of its sentence (float-hold.c). On the same page a block goes on in another column
 * at its head, or level with its last line but for a caption of its own, or at the head of the
 * page's next zone, right under the text above it (continuation.c). Lines join with nothing where either side is CJK and
 * with a space between Latin text; a Latin line-end hyphen that the line break added is replaced
 * by <lb break="no" rend="-"/> (a marked repair), a real one ("data-driven") stays. Footnote
 * lines become notes at the foot of their page. Without geometry (plain-text sources) only blank
 * lines separate blocks. */
#include "builder.h"
#include "continuation.h"
#include "float-hold.h"
#include "line-joins.h"
#include "note-anchors.h"
#include "note-lines.h"
#include "page-flow.h"
#include "table-lines.h"

static const RectoOption paragraphs_options[] = {
  { .name = "gap",
    .type = RECTO_OPTION_DOUBLE,
    .default_value = "0.25",
    .blurb = "Extra distance between lines, in type sizes beyond the volume's usual line pitch, "
             "from which a new block starts",
    .offset = G_STRUCT_OFFSET (ParagraphsConfig, gap),
    .minimum = 0,
    .maximum = 100 },
  { .name = "indent",
    .type = RECTO_OPTION_DOUBLE,
    .default_value = "0.8",
    .blurb = "Indent from the column's left edge, in type sizes, from which a line starts a new "
             "block",
    .offset = G_STRUCT_OFFSET (ParagraphsConfig, indent),
    .minimum = 0,
    .maximum = 100 },
  { .name = "fill",
    .type = RECTO_OPTION_DOUBLE,
    .default_value = "1",
    .blurb = "Space left at the end of a line, in type sizes beyond the width of the next line's "
             "first word, from which the line ends its block",
    .offset = G_STRUCT_OFFSET (ParagraphsConfig, fill),
    .minimum = 0,
    .maximum = 100 },
  { NULL },
};

static const RectoRepairKind paragraphs_repairs[] = {
  { "dehyphenate", "A hyphen added by a line break was taken out of the word it split" },
  { "lost-pages", "Pages missing from a text extraction, found by a jump in its page numbers" },
  { "anchor-note",
    "A footnote was put where its marker calls it in the text; that marker, printed smaller "
    "and raised, is the note's n as the marker before the note is" },
  { NULL },
};

static void
add_body_line (Builder *b, const RectoPage *page, const RectoLine *line,
               const LineMeasures *measures)
{
  const char *text = text_lines_skip_space (line->text);

  if (*text == '\0')
    {
      /* A blank line (text sources) ends the block, unless the text has one after every line
       * or it stands between a page's head and its text. */
      if (b->spacing != TEXT_SPACING_DOUBLE && !b->page_turned)
        b->blank_since_text = TRUE;
      return;
    }
  if (b->page_ended)
    page_flow_open_page (b, page);
  if (float_hold_resume (b, page, line, measures))
    page_flow_flush (b, b->block);
  else if (b->block != NULL && !b->blank_since_text
           && continuation_continues (b, page, line, measures))
    {
      /* Join first: the page break comes between a hyphen and the rest of its word. */
      line_joins_join (b, b->block, text);
      page_flow_flush (b, b->block);
    }
  else
    {
      float_hold_check (b, page, line);
      page_flow_flush (b, b->body);
      b->block = recto_block_append (b->doc, b->body, RECTO_BLOCK_P);
      b->first = line;
      b->first_page = page;
    }
  note_lines_append_calling (b, page, line, text);
  recto_block_add_line (b->block, page, line);
  b->prev = line;
  b->prev_page = page;
  b->prev_measures = measures;
  b->blank_since_text = FALSE;
  b->page_turned = FALSE;
}

/* A line a table claimed puts its table in the flow where its first line stands; on a later
 * page, what waits (the page break and furniture) goes in before the row the page begins with. */
static void
add_table_line (Builder *b, const TableLines *tables, const RectoPage *page, const RectoLine *line)
{
  const GPtrArray *rows = table_lines_rows (tables, page->index, line);

  /* A chart read as a table is a float too, and a table's caption is a float's. */
  float_hold_check (b, page, line);
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      RectoBlock *row = g_ptr_array_index (rows, i);
      RectoBlock *table = row->parent;
      if (table->parent == NULL)
        {
          page_flow_flush (b, b->body);
          recto_block_insert (b->body, table, -1);
        }
      else if (b->pending->len > 0 && g_ptr_array_index (b->pending, 0) == b->page_break)
        {
          for (guint j = 0; j < b->pending->len; j++)
            recto_block_insert (table, g_ptr_array_index (b->pending, j),
                                recto_block_get_index (row));
          g_ptr_array_set_size (b->pending, 0);
        }
      b->block = NULL;
      b->page_turned = FALSE;
    }
}

/* The index of @page's first line with text in it. */
static guint
first_line_index (const RectoPage *page)
{
  for (guint i = 0; i < page->lines->len; i++)
    if (*text_lines_skip_space (((const RectoLine *) g_ptr_array_index (page->lines, i))->text)
        != '\0')
      return i;
  return 0;
}

static gboolean
paragraphs_process (RectoStageContext *ctx, RectoDocument *doc, const void *config, GError **error)
{
  g_autoptr (GPtrArray) pending = g_ptr_array_new ();
  g_autoptr (Hyphenation) hyphenation = hyphenation_new (doc);
  g_autoptr (GPtrArray) measures = line_measures_take (doc);
  g_autoptr (TableLines) tables = table_lines_take (doc);
  Builder b = {
    .doc = doc,
    .config = config,
    .hyphenation = hyphenation,
    .body = recto_document_get_body (doc),
    .pending = pending,
    .text_measure = text_lines_measure (doc),
    .spacing = text_lines_spacing (doc),
    .called = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
  };

  pitches_find (doc, measures, &b.pitches);
  for (guint i = 0; i < recto_document_get_n_pages (doc); i++)
    {
      const RectoPage *page = recto_document_get_page (doc, i);
      page_flow_begin_page (&b, page);
      b.note = NULL;
      g_clear_pointer (&b.markers, g_ptr_array_unref);
      b.markers = note_anchors_page_markers (page);
      g_hash_table_remove_all (b.called);
      for (guint j = 0; j < page->lines->len; j++)
        {
          const RectoLine *line = g_ptr_array_index (page->lines, j);
          if (line->role == RECTO_LINE_BODY)
            add_body_line (&b, page, line, line_measures_get (measures, i, j));
          else if (line->role == RECTO_LINE_NOTE)
            note_lines_add (&b, page, line);
          else if (line->role == RECTO_LINE_TABLE)
            add_table_line (&b, tables, page, line);
          else if (!line->has_box)
            page_flow_add_text_furniture (&b, page, line, j == first_line_index (page));
        }
    }
  page_flow_flush (&b, b.body);
  g_hash_table_unref (b.pitches.by_size);
  g_clear_pointer (&b.markers, g_ptr_array_unref);
  g_hash_table_unref (b.called);
  return TRUE;
}

static const RectoStageInfo paragraphs_info = {
  .abi_version = RECTO_STAGE_ABI_VERSION,
  .name = "paragraphs",
  .summary = "Joins lines into paragraphs by size, weight, indent, line fill and spacing, across "
             "page and column breaks, removes line-break hyphens, and places page breaks, "
             "furniture and footnotes",
  .version = RECTO_VERSION,
  .license = "LGPL-2.1-or-later",
  .kind = RECTO_STAGE_REPAIR,
  .options = paragraphs_options,
  .config_size = sizeof (ParagraphsConfig),
  .repairs = paragraphs_repairs,
  .process = paragraphs_process,
};

RECTO_STAGE_DEFINE (paragraphs_info)
