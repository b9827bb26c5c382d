/* Unit tests of the tables stage's parts on pages built in memory: segments and bands, grids
 * from rules (full grids with spans, three-line tables), from aligned text (unruled tables),
 * from box-drawing characters, what is not a table (prose in two columns), and the table
 * blocks (every glyph kept, box-drawing rules regularised, lines claimed). */
#include <string.h>

#include "grid.h"
#include "recto-document-private.h"
#include "rules.h"
#include "segments.h"
#include "table-build.h"

#define SIZE 10.0f

static const RectoRepairKind repairs[] = { { "box-drawing", "rules" }, { NULL } };
static const RectoStageInfo tables_stage = { .abi_version = RECTO_STAGE_ABI_VERSION,
                                             .name = "tables",
                                             .kind = RECTO_STAGE_REPAIR,
                                             .repairs = repairs };

/* Adds @text as one body line at (@x, @y): a glyph a type size wide per character (half for
 * ASCII), spaces taking room but no glyph box of their own. */
static RectoLine *
add_line (RectoDocument *doc, RectoPage *page, float x, float y, const char *text)
{
  glong n = g_utf8_strlen (text, -1);
  g_autofree gunichar *chars = g_utf8_to_ucs4_fast (text, -1, NULL);
  g_autofree RectoBox *boxes = g_new (RectoBox, n);
  guint first = page->chars->len;
  RectoLine *line;
  RectoBox box;
  float at = x;

  for (glong i = 0; i < n; i++)
    {
      float width = chars[i] < 0x80 ? SIZE / 2 : SIZE;
      boxes[i] = (RectoBox){ at, y, at + width, y + SIZE };
      at += width;
    }
  recto_page_add_span (doc, page, "Serif", SIZE, 0, chars, boxes, (guint) n);
  box = (RectoBox){ x, y, at, y + SIZE };
  line = recto_page_add_line (page, text, &box);
  line->size = SIZE;
  line->glyphs = g_array_new (FALSE, FALSE, sizeof (guint));
  for (glong i = 0; i < n; i++)
    {
      guint glyph = first + (guint) i;
      g_array_append_val (line->glyphs, glyph);
    }
  return line;
}

typedef struct
{
  RectoDocument *doc;
  RectoPage *page;
  Rules rules;
  GArray *segments;
  GPtrArray *bands;
  GPtrArray *grids;
} Fixture;

static void
fixture_init (Fixture *f)
{
  f->doc = recto_document_new ();
  f->page = recto_document_add_page (f->doc, 595, 842, NULL);
  rules_init (&f->rules);
}

static void
fixture_find (Fixture *f)
{
  GridConfig config = { 1.0f, 3 };

  rules_merge (&f->rules, 1.5f);
  f->segments = segments_find (f->page, 1.0f);
  f->bands = bands_find (f->segments);
  f->grids = grids_find (f->page, f->segments, f->bands, &f->rules, &config);
}

static void
fixture_clear (Fixture *f)
{
  rules_clear (&f->rules);
  g_clear_pointer (&f->grids, g_ptr_array_unref);
  g_clear_pointer (&f->bands, g_ptr_array_unref);
  g_clear_pointer (&f->segments, g_array_unref);
  recto_document_free (f->doc);
}

static void
add_rule (GArray *list, float pos, float from, float to)
{
  g_array_append_val (list, ((Rule){ pos, from, to }));
}

/* The text of the cell at @index of row @row of @table. */
static char *
cell_text (RectoBlock *table, guint row, guint index)
{
  guint seen = 0;

  for (guint i = 0; i < recto_block_get_n_children (table); i++)
    {
      RectoBlock *child = recto_block_get_child (table, i);
      if (child->kind != RECTO_BLOCK_ROW)
        continue;
      if (seen++ == row)
        return recto_block_get_text (recto_block_get_child (child, index));
    }
  g_assert_not_reached ();
}

/* A full grid: a header cell spanning two columns over a row of two heads, a label column,
 * one empty cell; rules drawn between every row and column except inside the spans. */
static void
test_full_grid (void)
{
  Fixture f;
  const Grid *grid;
  RectoBlock *table;
  g_autofree guint *owners = NULL;
  float cols[] = { 100, 200, 300, 400 }, rows[] = { 100, 120, 140, 160, 180 };

  fixture_init (&f);
  add_line (f.doc, f.page, 105, 105, "项目");
  add_line (f.doc, f.page, 230, 105, "2023年");
  add_line (f.doc, f.page, 205, 125, "金额");
  add_line (f.doc, f.page, 305, 125, "增长");
  add_line (f.doc, f.page, 105, 145, "收入");
  add_line (f.doc, f.page, 205, 145, "12.5");
  add_line (f.doc, f.page, 305, 145, "3.1");
  add_line (f.doc, f.page, 105, 165, "支出");
  add_line (f.doc, f.page, 205, 165, "8.25");
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    add_rule (f.rules.horizontal, rows[r], r == 1 ? 200 : 100, 400);
  add_rule (f.rules.vertical, 100, 100, 180);
  add_rule (f.rules.vertical, 200, 100, 180);
  add_rule (f.rules.vertical, 300, 120, 180);
  add_rule (f.rules.vertical, 400, 100, 180);
  (void) cols;
  fixture_find (&f);

  g_assert_cmpuint (f.grids->len, ==, 1);
  grid = g_ptr_array_index (f.grids, 0);
  g_assert_cmpuint (grid->n_rows, ==, 4);
  g_assert_cmpuint (grid->n_cols, ==, 3);
  /* "项目" spans two rows, "2023年" two columns. */
  g_assert_cmpuint (grid->owner[1 * 3 + 0], ==, 0);
  g_assert_cmpuint (grid->owner[0 * 3 + 2], ==, 1);
  g_assert_true (grid->label_column);

  owners = table_assign (f.segments, f.grids);
  table = table_build (f.doc, f.page, f.segments, f.grids, 0, owners);
  g_assert_nonnull (table);
  {
    RectoBlock *head = recto_block_get_child (table, 0);
    RectoBlock *corner = recto_block_get_child (head, 0);
    RectoBlock *years = recto_block_get_child (head, 1);
    g_assert_cmpuint (corner->rows, ==, 2);
    g_assert_cmpuint (years->cols, ==, 2);
    g_assert_cmpstr (head->type, ==, "label");
  }
  {
    g_autofree char *empty = cell_text (table, 3, 2);
    g_autofree char *amount = cell_text (table, 2, 1);
    g_assert_cmpstr (empty, ==, "");
    g_assert_cmpstr (amount, ==, "12.5");
  }
  /* Every line is the table's now. */
  for (guint i = 0; i < f.page->lines->len; i++)
    g_assert_cmpint (((RectoLine *) g_ptr_array_index (f.page->lines, i))->role, ==,
                     RECTO_LINE_TABLE);
  fixture_clear (&f);
}

/* A three-line table: rules above, under the header and below; rows from the text. */
static void
test_three_line (void)
{
  Fixture f;
  const Grid *grid;

  fixture_init (&f);
  add_line (f.doc, f.page, 100, 104, "行业");
  add_line (f.doc, f.page, 300, 104, "增加值");
  for (guint r = 0; r < 4; r++)
    {
      add_line (f.doc, f.page, 100, 124 + r * 18, r % 2 ? "工业" : "建筑业");
      add_line (f.doc, f.page, 300, 124 + r * 18, "1,234.5");
    }
  add_rule (f.rules.horizontal, 100, 95, 400);
  add_rule (f.rules.horizontal, 118, 95, 400);
  add_rule (f.rules.horizontal, 200, 95, 400);
  fixture_find (&f);

  g_assert_cmpuint (f.grids->len, ==, 1);
  grid = g_ptr_array_index (f.grids, 0);
  g_assert_cmpuint (grid->n_rows, ==, 5);
  g_assert_cmpuint (grid->n_cols, ==, 2);
  g_assert_cmpuint (grid->header_rows, ==, 1);
  fixture_clear (&f);
}

/* A three-line table that draws no rule above its heads: the heads, just above the rule under
 * them and each over a column, are its first row; heads a line's height further up, a line
 * of prose there, or a caption in two pieces over one column are not. */
static void
test_heads_above_rule (void)
{
  const float top[] = { 104, 90, 104, 104 };

  for (guint k = 0; k < G_N_ELEMENTS (top); k++)
    {
      Fixture f;
      const Grid *grid;
      fixture_init (&f);
      if (k < 2)
        {
          add_line (f.doc, f.page, 100, top[k], "行业");
          add_line (f.doc, f.page, 300, top[k], "增加值");
        }
      else if (k == 2)
        add_line (f.doc, f.page, 100, top[k], "全市规模以上工业增加值比上年增长");
      else
        {
          add_line (f.doc, f.page, 290, top[k], "表 3");
          add_line (f.doc, f.page, 330, top[k], "增加值");
        }
      for (guint r = 0; r < 4; r++)
        {
          add_line (f.doc, f.page, 100, 124 + r * 18, r % 2 ? "工业" : "建筑业");
          add_line (f.doc, f.page, 300, 124 + r * 18, "1,234.5");
        }
      add_rule (f.rules.horizontal, 118, 95, 400);
      add_rule (f.rules.horizontal, 200, 95, 400);
      fixture_find (&f);
      g_assert_cmpuint (f.grids->len, ==, 1);
      grid = g_ptr_array_index (f.grids, 0);
      g_assert_cmpuint (grid->n_rows, ==, k == 0 ? 5 : 4);
      g_assert_cmpuint (grid->n_cols, ==, 2);
      g_assert_cmpint (grid->box.y1 < top[k] + SIZE / 2, ==, k == 0);
      fixture_clear (&f);
    }
}

/* A three-line table whose second head, set flush left, crosses the gap between the body's
 * columns (figures set flush right): the body's gap still parts the columns. Not where a line
 * of text stands between the top rule and the heads: what the rules hold above the rule under
 * the heads is then not only heads. */
static void
test_heads_across_gap (void)
{
  for (guint k = 0; k < 2; k++)
    {
      Fixture f;
      fixture_init (&f);
      add_line (f.doc, f.page, 100, 104, "行业");
      add_line (f.doc, f.page, 128, 104, "金额合计");
      if (k == 1)
        add_line (f.doc, f.page, 100, 86, "单位万元");
      for (guint r = 0; r < 4; r++)
        {
          add_line (f.doc, f.page, 100, 124 + r * 18, "工业");
          add_line (f.doc, f.page, 170, 124 + r * 18, "1,234.5");
        }
      add_rule (f.rules.horizontal, k == 0 ? 100 : 82, 95, 210);
      add_rule (f.rules.horizontal, 118, 95, 210);
      add_rule (f.rules.horizontal, 200, 95, 210);
      fixture_find (&f);
      if (k == 0)
        {
          const Grid *grid;
          g_assert_cmpuint (f.grids->len, ==, 1);
          grid = g_ptr_array_index (f.grids, 0);
          g_assert_cmpuint (grid->n_cols, ==, 2);
          g_assert_cmpuint (grid->n_rows, ==, 5);
        }
      else
        g_assert_cmpuint (f.grids->len, ==, 0);
      fixture_clear (&f);
    }
}

/* A line in a ruled row of a table (heads repeated on every page, which the furniture stage
 * takes for a running head) is enclosed by the rules: rules above and below it and its cell's
 * sides beside it or a cell's side through it. A running head inside a page's border, or over
 * a rule, is not. */
static void
test_rules_enclose (void)
{
  Rules rules;
  const RectoBox heads = { 100, 60, 300, 70 };

  rules_init (&rules);
  add_rule (rules.horizontal, 55, 90, 400);
  add_rule (rules.horizontal, 75, 90, 400);
  add_rule (rules.vertical, 50, 10, 800);
  add_rule (rules.vertical, 545, 10, 800);
  g_assert_false (rules_enclose (&rules, &heads, 30)); /* a border: no cell's side near it */
  add_rule (rules.vertical, 90, 55, 300);
  add_rule (rules.vertical, 310, 55, 300);
  rules_merge (&rules, 1.5f);
  g_assert_true (rules_enclose (&rules, &heads, 30)); /* its cell's sides */
  rules_clear (&rules);
  rules_init (&rules);
  add_rule (rules.horizontal, 55, 90, 400);
  add_rule (rules.horizontal, 75, 90, 400);
  add_rule (rules.vertical, 200, 55, 300);
  rules_merge (&rules, 1.5f);
  g_assert_true (rules_enclose (&rules, &heads, 30));
  g_assert_false (rules_enclose (&rules, &(RectoBox){ 100, 20, 300, 30 }, 30)); /* far above */
  rules_clear (&rules);
  rules_init (&rules);
  add_rule (rules.horizontal, 75, 90, 400);
  add_rule (rules.vertical, 200, 55, 300);
  rules_merge (&rules, 1.5f);
  g_assert_false (rules_enclose (&rules, &heads, 30)); /* a rule under it only */
  rules_clear (&rules);
}

/* Unruled: a label column and amounts over four rows make a table; a lone pair of lines
 * does not. */
static void
test_unruled (void)
{
  Fixture f;
  const Grid *grid;

  fixture_init (&f);
  for (guint r = 0; r < 4; r++)
    {
      add_line (f.doc, f.page, 100, 100 + r * 16, "税收收入");
      add_line (f.doc, f.page, 250, 100 + r * 16, r == 2 ? "12.00" : "1,200.00");
      add_line (f.doc, f.page, 350, 100 + r * 16, "98.5");
    }
  add_line (f.doc, f.page, 100, 400, "一行字");
  add_line (f.doc, f.page, 300, 400, "12");
  fixture_find (&f);

  g_assert_cmpuint (f.grids->len, ==, 1);
  grid = g_ptr_array_index (f.grids, 0);
  g_assert_cmpuint (grid->n_rows, ==, 4);
  g_assert_cmpuint (grid->n_cols, ==, 3);
  g_assert_true (grid->label_column);
  fixture_clear (&f);
}

/* A table in the left column of a page of two, beside lines of prose of the right column that
 * a wide space cut in two: the table keeps to its column. */
static void
test_other_column (void)
{
  Fixture f;
  const Grid *grid;

  fixture_init (&f);
  for (guint r = 0; r < 4; r++)
    {
      RectoLine *lines[3] = {
        add_line (f.doc, f.page, 72, 100 + r * 16, "税收收入"),
        add_line (f.doc, f.page, 200, 100 + r * 16, "1,200.00"),
        add_line (f.doc, f.page, 310, 100 + r * 16, "协同作业能力以及安全性的提升效果.  其中"),
      };
      for (guint k = 0; k < 3; k++)
        {
          lines[k]->column_x1 = k < 2 ? 72 : 310;
          lines[k]->column_x2 = k < 2 ? 290 : 523;
        }
    }
  fixture_find (&f);
  g_assert_cmpuint (f.grids->len, ==, 1);
  grid = g_ptr_array_index (f.grids, 0);
  g_assert_cmpuint (grid->n_cols, ==, 2);
  g_assert_cmpfloat (grid->box.x2, <, 300);
  fixture_clear (&f);
}

/* Two columns of prose, line beside line, are no table. */
static void
test_prose_columns (void)
{
  Fixture f;

  fixture_init (&f);
  for (guint r = 0; r < 8; r++)
    {
      add_line (f.doc, f.page, 72, 100 + r * 16, "全市经济运行总体平稳主要指标保持增长重点项目");
      add_line (f.doc, f.page, 310, 100 + r * 16, "民生保障持续加强财政收入稳步增加产业结构优化");
    }
  fixture_find (&f);
  g_assert_cmpuint (f.grids->len, ==, 0);
  fixture_clear (&f);
}

/* Lines that fill their column decide nothing by that alone: two lines of prose side by side,
 * each filling a column 22 type sizes wide, are not a band of a table; a code and a name, each
 * alone in a column three type sizes wide (reading-order took a table's columns for text
 * columns), are. */
static void
test_narrow_columns (void)
{
  static const char *const prose[] = { "全市经济运行总体平稳主要指标保持增长重点项目",
                                       "民生保障持续加强财政收入稳步增加产业结构优化" };
  static const char *const cells[] = { "603040", "新坐标" };
  const char *const *texts[] = { prose, cells };
  const float x[2][2] = { { 72, 310 }, { 384, 460 } };

  for (guint k = 0; k < 2; k++)
    {
      Fixture f;
      fixture_init (&f);
      for (guint c = 0; c < 2; c++)
        {
          RectoLine *line = add_line (f.doc, f.page, x[k][c], 100, texts[k][c]);
          line->column_x1 = line->box.x1, line->column_x2 = line->box.x2;
        }
      fixture_find (&f);
      g_assert_cmpuint (f.bands->len, ==, 1);
      g_assert_cmpint (band_looks_tabular (g_ptr_array_index (f.bands, 0), f.segments), ==, k == 1);
      fixture_clear (&f);
    }
}

/* A text grid of box-drawing characters: the characters give the rules, and stay in the table
 * as regularised text, so that no character is lost. */
static void
test_box_drawing (void)
{
  static const char *const lines[] = {
    "┌────┬────┐", "│Item│Qty │", "├────┼────┤", "│Pens│12  │", "│Ink │3   │", "└────┴────┘",
  };
  Fixture f;
  RectoBlock *table;
  g_autofree guint *owners = NULL;
  g_autofree char *text = NULL;
  g_autoptr (GString) all = g_string_new (NULL);
  guint n_rows = 0;

  fixture_init (&f);
  recto_document_set_running_stage (f.doc, &tables_stage);
  /* Monospaced: every character half a size wide, as ASCII is in add_line(). */
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      RectoLine *line = add_line (f.doc, f.page, 100, 100 + i * 12, lines[i]);
      for (guint g = 0; g < line->glyphs->len; g++)
        {
          RectoBox *box = &g_array_index (f.page->boxes, RectoBox,
                                          g_array_index (line->glyphs, guint, g));
          box->x1 = 100 + g * 5, box->x2 = box->x1 + 5;
        }
      g_string_append (all, lines[i]);
    }
  rules_add_box_drawing (&f.rules, f.page);
  fixture_find (&f);
  g_assert_cmpuint (f.grids->len, ==, 1);
  owners = table_assign (f.segments, f.grids);
  table = table_build (f.doc, f.page, f.segments, f.grids, 0, owners);
  for (guint i = 0; i < recto_block_get_n_children (table); i++)
    n_rows += recto_block_get_child (table, i)->kind == RECTO_BLOCK_ROW;
  g_assert_cmpuint (n_rows, ==, 3);
  /* recto_block_get_text() reads the source's side of a regularisation: every character,
   * rules and spaces aside, is in the table. */
  text = recto_block_get_text (table);
  for (const char *p = all->str; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      char buffer[8] = { 0 };
      if (c == ' ')
        continue;
      g_unichar_to_utf8 (c, buffer);
      g_assert_nonnull (strstr (text, buffer));
    }
  g_assert_cmpuint (recto_document_count_repairs (f.doc, "tables", "box-drawing"), >, 0);
  recto_document_set_running_stage (f.doc, NULL);
  fixture_clear (&f);
}

/* Cells closer than a column gap are two segments where a rule stands between them, and one
 * where none does. */
static void
test_cut_at_rules (void)
{
  Fixture f = { 0 };
  g_autoptr (GArray) cut = NULL;

  fixture_init (&f);
  /* "收入" ends at 120, "12.5" starts at 123: less than a type size apart. */
  add_line (f.doc, f.page, 100, 100, "收入");
  add_line (f.doc, f.page, 123, 100, "12.5");
  {
    /* One line of both, as a line builder makes it. */
    RectoLine *a = g_ptr_array_index (f.page->lines, 0), *b = g_ptr_array_index (f.page->lines, 1);
    g_array_append_vals (a->glyphs, b->glyphs->data, b->glyphs->len);
    a->box.x2 = b->box.x2;
    b->role = RECTO_LINE_HEADER;
  }
  add_rule (f.rules.vertical, 121.5f, 95, 115);
  add_rule (f.rules.vertical, 300, 95, 115);
  f.segments = segments_find (f.page, 1.0f);
  g_assert_cmpuint (f.segments->len, ==, 1);
  cut = segments_cut_at_rules (f.page, f.segments, f.rules.vertical);
  g_assert_cmpuint (cut->len, ==, 2);
  g_assert_true (g_array_index (cut, Segment, 1).numeric);
  g_assert_cmpfloat (g_array_index (cut, Segment, 0).box.x2, <=, 121.5f);
  fixture_clear (&f);
}

/* A grid that rules every row, whose cells hold two lines each: a row stays one row. */
static void
test_cells_of_two_lines (void)
{
  Fixture f;
  const Grid *grid;
  float rows[] = { 100, 130, 160, 190, 220 };

  fixture_init (&f);
  for (guint r = 0; r + 1 < G_N_ELEMENTS (rows); r++)
    {
      add_line (f.doc, f.page, 105, rows[r] + 3, "术语");
      add_line (f.doc, f.page, 105, rows[r] + 16, "Term");
      add_line (f.doc, f.page, 205, rows[r] + 3, "定义");
      add_line (f.doc, f.page, 205, rows[r] + 16, "Definition");
    }
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    add_rule (f.rules.horizontal, rows[r], 100, 400);
  add_rule (f.rules.vertical, 100, 100, 220);
  add_rule (f.rules.vertical, 200, 100, 220);
  add_rule (f.rules.vertical, 400, 100, 220);
  fixture_find (&f);

  g_assert_cmpuint (f.grids->len, ==, 1);
  grid = g_ptr_array_index (f.grids, 0);
  g_assert_cmpuint (grid->n_rows, ==, 4);
  g_assert_cmpuint (grid->n_cols, ==, 2);
  fixture_clear (&f);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/tables/full-grid", test_full_grid);
  g_test_add_func ("/tables/three-line", test_three_line);
  g_test_add_func ("/tables/heads-above-rule", test_heads_above_rule);
  g_test_add_func ("/tables/heads-across-gap", test_heads_across_gap);
  g_test_add_func ("/tables/rules-enclose", test_rules_enclose);
  g_test_add_func ("/tables/unruled", test_unruled);
  g_test_add_func ("/tables/prose-columns", test_prose_columns);
  g_test_add_func ("/tables/other-column", test_other_column);
  g_test_add_func ("/tables/narrow-columns", test_narrow_columns);
  g_test_add_func ("/tables/box-drawing", test_box_drawing);
  g_test_add_func ("/tables/cut-at-rules", test_cut_at_rules);
  g_test_add_func ("/tables/cells-of-two-lines", test_cells_of_two_lines);
  return g_test_run ();
}
