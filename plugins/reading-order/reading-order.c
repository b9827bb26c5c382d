/* reading-order: builds each page's lines from glyph geometry, not from the order in which the
 * content stream drew them: glyphs whose vertical centres agree form a row, in x order, so a
 * digit drawn in another font or after the rest of the line still lands in its place. Spaces
 * come from the source's own space glyphs, or from gaps between glyphs.
 *
 * Columns: rows are first cut at every wide gap. Where several cuts line up (a much narrower
 * gap among them, a caption's, does not count), the page has a gutter; cuts elsewhere (a loose
 * justified line) are joined again, and so are cuts at the gutter in a row whose neighbours
 * run across it (a blank left in the row); the glyphs on each side of the gutter are grouped
 * into rows anew, side by side rows being offset. Lines left and right of the gutter between two
 * full-width lines form a two-column zone, read left column first (unless no line of one side
 * lies level with a line of the other: single lines stacked, read top to bottom); where most of
 * a page runs across (an abstract over the columns), the gutter runs down only the band of the
 * zone (gutters.c); a page that fills only one column borrows its neighbour's gutter. Every line
 * learns its column's measure (left and right edges, from that column's lines on the pages
 * whose gutter runs at the same place, or from the full-width lines across the document),
 * against which the paragraph stage judges indentation and line fill.
 *
 * Pages are rebuilt on as many threads as recto uses, in two passes: rows and gutters, then,
 * once every page knows its gutter (or has borrowed one), the columns. */
#include "columns.h"
#include "page-builder.h"
#include "rows.h"

static const RectoOption reading_order_options[] = {
  { .name = "space-gap",
    .type = RECTO_OPTION_DOUBLE,
    .default_value = "0.2",
    .blurb = "Horizontal gap between glyphs, in glyph heights, from which a space is inserted",
    .offset = G_STRUCT_OFFSET (ReadingOrderConfig, space_gap),
    .minimum = 0.01,
    .maximum = 10 },
  { .name = "split-gap",
    .type = RECTO_OPTION_DOUBLE,
    .default_value = "0.8",
    .blurb = "Horizontal gap, in type sizes, from which one row of glyphs is two lines "
             "(a column gutter, or side-by-side blocks)",
    .offset = G_STRUCT_OFFSET (ReadingOrderConfig, split_gap),
    .minimum = 0.1,
    .maximum = 1000 },
  { NULL },
};

/* What the two passes over the pages share. Each call of a pass writes only its own page and
 * its own slots. */
typedef struct
{
  RectoDocument *doc;
  GPtrArray *builders; /* a PageBuilder per thread */
  GArray *gutters; /* ColumnGutter per page: its x -1 where it has no columns */
  GPtrArray *row_ids; /* GArray of guint per page: the row each of its lines was cut from */
  guint *stacked_runs; /* per page: runs read apart from a run they were drawn over */
} Layout;

/* The first pass: rebuilds the lines of page @index from its glyphs, a line for each piece of
 * a row cut at a wide gap, and finds the page's gutter from those cuts. */
static void
find_rows (guint index, guint worker, gpointer data)
{
  Layout *layout = data;
  RectoPage *page = recto_document_get_page (layout->doc, index);
  PageBuilder *b = g_ptr_array_index (layout->builders, worker);
  GArray *row_ids = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) row_gaps = g_array_new (FALSE, FALSE, sizeof (RowGap));

  layout->row_ids->pdata[index] = row_ids;
  g_array_index (layout->gutters, ColumnGutter, index) = (ColumnGutter){ -1, 0, 0 };
  /* A source without glyphs (plain text) brings its own lines. */
  if (page->chars->len == 0)
    return;
  page_builder_start (b, page);
  recto_page_clear_lines (page);
  rows_build_lines (b, row_gaps, row_ids);
  layout->stacked_runs[index] = b->stacked_runs;
  g_array_index (layout->gutters, ColumnGutter, index) = columns_find_gutter (page, row_gaps);
}

/* The second pass, once every page has its gutter: joins the pieces of page @index's rows
 * again except at its gutter, and reads a two-column page column by column. */
static void
arrange_columns (guint index, guint worker, gpointer data)
{
  Layout *layout = data;
  RectoPage *page = recto_document_get_page (layout->doc, index);
  const ColumnGutter *gutter = &g_array_index (layout->gutters, ColumnGutter, index);
  PageBuilder *b = g_ptr_array_index (layout->builders, worker);

  if (page->chars->len == 0)
    return;
  page_builder_start (b, page);
  rows_rejoin_pieces (b, 0, g_ptr_array_index (layout->row_ids, index), gutter);
  if (gutter->x >= 0)
    {
      rows_rebuild_columns (b, gutter);
      if (!gutter->by_rows)
        columns_order_zones (page, gutter);
    }
}

/* Warns how many runs of text drawn over another were read whole, apart, and on which pages. */
static void
warn_stacked_runs (RectoStageContext *ctx, const guint *stacked_runs, guint n_pages)
{
  g_autoptr (RectoPageList) pages = recto_page_list_new ();
  guint runs = 0;

  for (guint i = 0; i < n_pages; i++)
    {
      if (stacked_runs[i] == 0)
        continue;
      runs += stacked_runs[i];
      recto_page_list_add (pages, i + 1);
    }
  if (runs > 0)
    {
      g_autofree char *named = recto_page_list_describe (pages);
      recto_stage_context_warn (ctx,
                                "%u run%s of text drawn over another run on %s: each read whole, "
                                "after the run it stands over, not glyph by glyph with it",
                                runs, runs > 1 ? "s" : "", named);
    }
}

static gboolean
reading_order_process (RectoStageContext *ctx, RectoDocument *doc, const void *config,
                       GError **error)
{
  guint n_pages = recto_document_get_n_pages (doc);
  guint n_threads = recto_get_n_threads ();
  g_autoptr (GPtrArray) builders =
      g_ptr_array_new_full (n_threads, (GDestroyNotify) page_builder_free);
  g_autoptr (GArray) gutters = g_array_sized_new (FALSE, FALSE, sizeof (ColumnGutter), n_pages);
  g_autoptr (GPtrArray) row_ids = g_ptr_array_new_full (n_pages, (GDestroyNotify) g_array_unref);
  g_autofree guint *stacked_runs = g_new0 (guint, n_pages);
  Layout layout = { doc, builders, gutters, row_ids, stacked_runs };

  for (guint i = 0; i < n_threads; i++)
    g_ptr_array_add (builders, page_builder_new (config));
  /* Every slot is filled by the first pass. */
  g_array_set_size (gutters, n_pages);
  g_ptr_array_set_size (row_ids, n_pages);
  recto_parallel_for (n_pages, find_rows, &layout);
  columns_spread_labels (doc, gutters);
  columns_borrow_gutters (doc, gutters);
  recto_parallel_for (n_pages, arrange_columns, &layout);
  columns_set_measures (doc, gutters);
  warn_stacked_runs (ctx, stacked_runs, n_pages);
  return TRUE;
}

static const RectoStageInfo reading_order_info = {
  .abi_version = RECTO_STAGE_ABI_VERSION,
  .name = "reading-order",
  .summary = "Builds lines from glyph geometry (not content-stream order), with spaces from "
             "glyph gaps, ordered top to bottom",
  .version = RECTO_VERSION,
  .license = "LGPL-2.1-or-later",
  .kind = RECTO_STAGE_REPAIR,
  .options = reading_order_options,
  .config_size = sizeof (ReadingOrderConfig),
  .process = reading_order_process,
};

RECTO_STAGE_DEFINE (reading_order_info)
