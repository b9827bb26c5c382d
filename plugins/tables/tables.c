/* tables: finds tables and their grids, and puts them in the body as table/row/cell.
 *
 * Per page: the body lines are cut into segments at wide gaps (segments.h); pages where several
 * bands hold more than one segment, or where box-drawing characters stand, are drawn and their
 * rules found (rules.h); rules that touch or line up make a ruled table, runs of bands whose
 * segments keep to the same columns an unruled one (grid.h); every glyph of the lines a table
 * takes goes into its cell (table-build.h). A caption just above ("表 3 …", "Table 3."), a
 * unit line ("单位：万元") and a note just below ("注：…") go with the table; a table that
 * ends its page and one that opens the next with as many columns are one table (and a row the
 * page break cut, one row: table-pages.h). The lines a table took get the role RECTO_LINE_TABLE: the paragraph
 * stage puts the table in the flow where its first line stands. */
#include <math.h>
#include <string.h>

#include <recto/recto.h>

#include "frame-lines.h"
#include "grid.h"
#include "rules.h"
#include "segments.h"
#include "table-build.h"
#include "table-pages.h"

typedef struct
{
  double scale;
  double column_gap;
  int min_rows;
} TablesConfig;

static const RectoOption tables_options[] = {
  { .name = "scale",
    .type = RECTO_OPTION_DOUBLE,
    .default_value = "1.5",
    .blurb = "Pixels per point at which a page with table-like text is drawn to find its rules",
    .offset = G_STRUCT_OFFSET (TablesConfig, scale),
    .minimum = 0.5,
    .maximum = 8 },
  { .name = "column-gap",
    .type = RECTO_OPTION_DOUBLE,
    .default_value = "1",
    .blurb = "Narrowest gap between two columns of a table without vertical rules, in type sizes",
    .offset = G_STRUCT_OFFSET (TablesConfig, column_gap),
    .minimum = 0.2,
    .maximum = 20 },
  { .name = "min-rows",
    .type = RECTO_OPTION_INT,
    .default_value = "3",
    .blurb = "Fewest rows of text in columns that make a table without rules",
    .offset = G_STRUCT_OFFSET (TablesConfig, min_rows),
    .minimum = 2,
    .maximum = 1000 },
  { NULL },
};

static const RectoRepairKind tables_repairs[] = {
  { "box-drawing",
    "Box-drawing characters that draw a text table's rules, kept as the source's text with "
    "nothing to read" },
  { NULL },
};

/* What one page's analysis found (made on worker threads, used in page order). */
typedef struct
{
  GArray *segments;
  GPtrArray *bands;
  GPtrArray *grids;
  GError *error; /* the page could not be drawn */
} PageTables;

typedef struct
{
  RectoDocument *doc;
  const TablesConfig *config;
  float min_rule; /* the shortest rule, in points */
  PageTables *pages;
} Analysis;

static const char *
skip_space (const char *text)
{
  while (*text == ' ' || *text == '\t')
    text++;
  return text;
}

static gboolean
is_caption (const char *text)
{
  static const char *const openings[] = { "表", "续表", "Table", "TABLE", "Tab.", "附表" };

  for (guint i = 0; i < G_N_ELEMENTS (openings); i++)
    if (g_str_has_prefix (text, openings[i]))
      {
        const char *rest = text + strlen (openings[i]);
        gunichar next;
        while (*rest == ' ')
          rest++;
        next = g_utf8_get_char (rest);
        return g_unichar_isdigit (next) || g_utf8_strchr ("一二三四五六七八九十ⅠⅡⅢⅣⅤ", -1, next) != NULL
               || (next >= 'A' && next <= 'Z'
                   /* "Table A", or an annex's "表 B.1" */
                   && (strlen (openings[i]) > 3 || (rest[1] == '.' && g_ascii_isdigit (rest[2]))));
      }
  return FALSE;
}

/* Whether @page may hold a table, and is worth drawing to find its rules: a box-drawing glyph,
 * a table's caption (its cells may read as columns of prose: a wide column of a few cells), or
 * two bands one under the other with several segments and none as wide as a column of prose
 * (lines side by side in two columns do not count). Drawing is what the stage costs; most pages of prose are not drawn. */
static gboolean
worth_drawing (const RectoPage *page, const PageTables *found)
{
  gboolean above = FALSE;

  for (guint i = 0; i < page->chars->len; i++)
    if (rules_is_box_drawing (g_array_index (page->chars, gunichar, i)))
      return TRUE;
  for (guint i = 0; i < page->lines->len; i++)
    {
      const RectoLine *line = g_ptr_array_index (page->lines, i);
      if (line->text != NULL && is_caption (skip_space (line->text)))
        return TRUE;
    }
  for (guint b = 0; b < found->bands->len; b++)
    {
      gboolean tabular = band_looks_tabular (g_ptr_array_index (found->bands, b),
                                             found->segments);
      if (tabular && above)
        return TRUE;
      above = tabular;
    }
  return FALSE;
}

/* Gives back to the body the lines the furniture stage took for running heads or feet that
 * stand in a ruled row of a table (a table's heads repeated at the top of every page it runs
 * over): a line inside a table is never furniture. TRUE when it gave any back. */
static gboolean
reclaim_furniture (RectoPage *page, const Rules *rules)
{
  gboolean any = FALSE;

  for (guint i = 0; i < page->lines->len; i++)
    {
      RectoLine *line = g_ptr_array_index (page->lines, i);
      float size = line->size > 0 ? line->size : 10;
      if ((line->role == RECTO_LINE_HEADER || line->role == RECTO_LINE_FOOTER) && line->has_box
          && line->glyphs != NULL && rules_enclose (rules, &line->box, 3 * size))
        {
          line->role = RECTO_LINE_BODY;
          any = TRUE;
        }
    }
  return any;
}

static void
analyse_page (guint index, guint worker, gpointer data)
{
  Analysis *analysis = data;
  RectoPage *page = recto_document_get_page (analysis->doc, index);
  PageTables *found = &analysis->pages[index];
  GridConfig grid_config = { (float) analysis->config->column_gap,
                             (guint) analysis->config->min_rows };
  Rules rules;

  (void) worker;
  found->segments = segments_find (page, (float) analysis->config->column_gap);
  found->bands = bands_find (found->segments);
  if (page->width <= 0 || !worth_drawing (page, found))
    return;
  rules_init (&rules);
  rules_add_box_drawing (&rules, page);
  if (recto_document_can_render (analysis->doc))
    rules_add_drawn (&rules, analysis->doc, page, analysis->config->scale,
                     analysis->min_rule, &found->error);
  rules_merge (&rules, 1.5f);
  if (reclaim_furniture (page, &rules))
    {
      g_array_unref (found->segments);
      g_ptr_array_unref (found->bands);
      found->segments = segments_find (page, (float) analysis->config->column_gap);
      found->bands = bands_find (found->segments);
    }
  if (rules.vertical->len > 0)
    {
      GArray *cut = segments_cut_at_rules (page, found->segments, rules.vertical);
      g_array_unref (found->segments);
      g_ptr_array_unref (found->bands);
      found->segments = cut;
      found->bands = bands_find (found->segments);
    }
  found->grids = grids_find (page, found->segments, found->bands, &rules, &grid_config);
  frame_lines_split (page, found->segments, found->grids, &rules);
  rules_clear (&rules);
}

/* ---- captions, unit lines and notes ---- */

static gboolean
is_unit_line (const char *text)
{
  return (g_str_has_prefix (text, "单位") || strstr (text, "单位：") != NULL
          || strstr (text, "单位:") != NULL || g_str_has_prefix (text, "Unit"))
         && g_utf8_strlen (text, -1) <= 40;
}

static gboolean
is_note_line (const char *text)
{
  static const char *const openings[] = { "注：", "注:", "注 ", "注1", "注①", "备注", "说明：",
                                          "资料来源", "数据来源", "来源：", "Note", "Source" };

  for (guint i = 0; i < G_N_ELEMENTS (openings); i++)
    if (g_str_has_prefix (text, openings[i]))
      return TRUE;
  return FALSE;
}

/* The body line nearest to @box above it (@above) or below, within @reach type sizes, not yet
 * taken; NULL when there is none. */
static RectoLine *
neighbour_line (RectoPage *page, const RectoBox *box, gboolean above, float reach)
{
  RectoLine *best = NULL;
  float best_gap = G_MAXFLOAT;

  for (guint i = 0; i < page->lines->len; i++)
    {
      RectoLine *line = g_ptr_array_index (page->lines, i);
      float gap = above ? box->y1 - line->box.y2 : line->box.y1 - box->y2;
      float size = line->size > 0 ? line->size : 10;
      if (line->role != RECTO_LINE_BODY || !line->has_box || gap < -1 || gap > reach * size
          || line->box.x2 < box->x1 || line->box.x1 > box->x2)
        continue;
      if (gap < best_gap)
        best = line, best_gap = gap;
    }
  return best;
}

static void
take_line (RectoDocument *doc, RectoBlock *table, RectoPage *page, RectoLine *line,
           RectoBlockKind kind, const char *type, int index)
{
  RectoBlock *block = recto_block_new (doc, kind);

  recto_block_set_type (doc, block, type);
  recto_block_append_text (doc, block, skip_space (line->text), -1);
  recto_block_add_line (block, page, line);
  recto_block_insert (table, block, index);
  line->role = RECTO_LINE_TABLE;
}

/* Takes the caption and unit lines just above @grid and the notes just below it. */
static void
take_captions (RectoDocument *doc, RectoBlock *table, RectoPage *page, const Grid *grid)
{
  RectoBox top = grid->box;
  RectoBlock *note;
  RectoLine *line;

  for (guint i = 0; i < 2; i++)
    {
      line = neighbour_line (page, &top, TRUE, 3);
      if (line == NULL)
        break;
      if (is_caption (skip_space (line->text)))
        take_line (doc, table, page, line, RECTO_BLOCK_HEAD, NULL, 0);
      else if (is_unit_line (skip_space (line->text)))
        take_line (doc, table, page, line, RECTO_BLOCK_HEAD, "unit", 0);
      else
        break;
      top.y1 = line->box.y1;
    }
  line = neighbour_line (page, &grid->box, FALSE, 2);
  if (line == NULL || !is_note_line (skip_space (line->text)))
    return;
  /* The note and the lines it wraps onto: close under it, not indented from it. */
  note = recto_block_new (doc, RECTO_BLOCK_NOTE);
  recto_block_set_type (doc, note, "table");
  recto_block_insert (table, note, -1);
  for (guint i = 0; line != NULL && i < 8; i++)
    {
      RectoBox below = line->box;
      recto_block_append_text (doc, note, skip_space (line->text), -1);
      recto_block_add_line (note, page, line);
      line->role = RECTO_LINE_TABLE;
      below.x1 = line->box.x1 - 1;
      line = neighbour_line (page, &below, FALSE, 0.8f);
      if (line != NULL && (line->box.x1 < below.x1 || is_note_line (skip_space (line->text))))
        line = NULL;
    }
}

/* ---- the stage ---- */

static void
page_tables_clear (PageTables *found)
{
  g_clear_pointer (&found->segments, g_array_unref);
  g_clear_pointer (&found->bands, g_ptr_array_unref);
  g_clear_pointer (&found->grids, g_ptr_array_unref);
  g_clear_error (&found->error);
}

static gboolean
tables_process (RectoStageContext *ctx, RectoDocument *doc, const void *config, GError **error)
{
  guint n_pages = recto_document_get_n_pages (doc);
  Analysis analysis = { doc, config, (float) (3 * recto_document_get_body_size (doc) + 1),
                        g_new0 (PageTables, MAX (n_pages, 1)) };
  RectoBlock *open = NULL; /* the last table of the page before, when it ends that page */

  (void) error;
  recto_parallel_for (n_pages, analyse_page, &analysis);
  for (guint i = 0; i < n_pages; i++)
    {
      RectoPage *page = recto_document_get_page (doc, i);
      PageTables *found = &analysis.pages[i];
      RectoBlock *last = NULL;
      const Grid *last_grid = NULL;
      g_autofree guint *owners = NULL;
      if (found->error != NULL)
        recto_stage_context_warn (ctx, "page %u: rules not found: %s", i + 1,
                                  found->error->message);
      if (found->grids != NULL)
        owners = table_assign (found->segments, found->grids);
      for (guint g = 0; found->grids != NULL && g < found->grids->len; g++)
        {
          const Grid *grid = g_ptr_array_index (found->grids, g);
          RectoBlock *table = table_build (doc, page, found->segments, found->grids, g, owners);
          if (table == NULL)
            continue;
          if (open != NULL && last == NULL && table_at_page_edge (page, &grid->box, FALSE)
              && table_n_columns (table) == table_n_columns (open))
            {
              table_continue (doc, open, table, grid, found->segments);
              table = open;
            }
          else
            take_captions (doc, table, page, grid);
          last = table, last_grid = grid;
        }
      open = last != NULL && table_at_page_edge (page, &last_grid->box, TRUE) ? last : NULL;
    }
  for (guint i = 0; i < n_pages; i++)
    page_tables_clear (&analysis.pages[i]);
  g_free (analysis.pages);
  return TRUE;
}

static const RectoStageInfo tables_info = {
  .abi_version = RECTO_STAGE_ABI_VERSION,
  .name = "tables",
  .summary = "Finds tables from the rules the page draws, box-drawing characters and columns of "
             "aligned text, and makes them table/row/cell with spans, header rows, captions and "
             "notes, across page breaks",
  .version = RECTO_VERSION,
  .license = "LGPL-2.1-or-later",
  .kind = RECTO_STAGE_REPAIR,
  .options = tables_options,
  .config_size = sizeof (TablesConfig),
  .repairs = tables_repairs,
  .process = tables_process,
};

RECTO_STAGE_DEFINE (tables_info)
