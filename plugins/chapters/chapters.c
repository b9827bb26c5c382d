/* chapters: splits a volume into its contributed reports and nests the headings.
 *
 * A chapter starts at a title: a block at the top of a page (only page furniture before it on
 * that page), larger than the volume's headings or set in bold at a larger size than the body,
 * at most a few lines long and not numbered as a heading; or a block whose text is a top-level
 * entry of the PDF's outline. Each title opens a <div type="chapter"> headed by it; inside,
 * every heading opens a <div type="section"> nested by its level. Page breaks and furniture
 * that come just before a title or heading go into its division, so that a chapter begins with
 * the page it starts on. A title wrapped onto a next line in the same type, which the paragraph
 * stage took apart (a short centred line), is joined into one again. In a text without
 * typography, a line that repeats the chapter's title is its running head (<fw>), a line that
 * ends the wider line before it is no title, and the lines between a title and its subtitle
 * are the title's, wrapped. Up to two
 * single lines after a title, in a face other than the body text's, are its front matter: a
 * subtitle (<head type="sub">) when it opens with a dash, else a byline (<head type="byline">). */

#include <string.h>

#include <recto/recto.h>

typedef struct
{
  int max_lines;
  gboolean use_outline;
} ChaptersConfig;

static const RectoOption chapters_options[] = {
  { .name = "max-lines",
    .type = RECTO_OPTION_INT,
    .default_value = "3",
    .blurb = "Most lines a chapter title may run to",
    .offset = G_STRUCT_OFFSET (ChaptersConfig, max_lines),
    .minimum = 1,
    .maximum = 20 },
  {
      .name = "outline",
      .type = RECTO_OPTION_BOOLEAN,
      .default_value = "true",
      .blurb = "Also take the PDF outline's top-level entries as chapter titles",
      .offset = G_STRUCT_OFFSET (ChaptersConfig, use_outline),
  },
  { NULL },
};

static const RectoRepairKind chapters_repairs[] = {
  { "rejoin-title", "A title wrapped over lines that were taken apart was joined into one" },
  { "running-head", "A line of a text without typography that repeats the chapter's title is its "
                    "running head" },
  { NULL },
};

static gboolean
is_floating (const RectoBlock *block)
{
  switch (block->kind)
    {
    case RECTO_BLOCK_PB:
    case RECTO_BLOCK_FW:
    case RECTO_BLOCK_NOTE:
    case RECTO_BLOCK_GAP:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_fragment (const RectoBlock *block)
{
  return block->kind == RECTO_BLOCK_AB && g_strcmp0 (block->type, "fragment") == 0;
}

/* Type sizes against which a title must stand out. */
typedef struct
{
  float body; /* the body text's size */
  float largest_head; /* the largest heading's, a few outliers aside (measure_sizes) */
} Sizes;

/* Whether @text begins with @prefix (@whole: is @prefix), ASCII white space aside. */
static gboolean
starts_but_spaces (const char *text, const char *prefix, gboolean whole)
{
  for (;; text++, prefix++)
    {
      while (g_ascii_isspace (*text))
        text++;
      while (g_ascii_isspace (*prefix))
        prefix++;
      if (*prefix == '\0')
        return !whole || *text == '\0';
      if (*text != *prefix)
        return FALSE;
    }
}

/* Whether @a and @b are the same text, ASCII white space aside. */
static gboolean
equal_but_spaces (const char *a, const char *b)
{
  return starts_but_spaces (a, b, TRUE);
}

/* Whether @text, white space aside, is a top-level entry of the outline. */
static gboolean
in_outline (RectoDocument *doc, const char *text)
{
  for (guint i = 0; i < recto_document_get_n_outline_entries (doc); i++)
    {
      const RectoOutlineEntry *entry = recto_document_get_outline_entry (doc, i);
      if (entry->level == 1 && entry->title != NULL && equal_but_spaces (entry->title, text))
        return TRUE;
    }
  return FALSE;
}

/* Lines a title may run to in a text without typography (a paper's long title wraps). */
#define MAX_TEXT_TITLE_LINES 3
#define MAX_TEXT_TITLE_CHARS 60

/* A line that could name a report: letters, no digits, no sentence punctuation, no bracketed
 * label ("【摘要】"). */
static gboolean
looks_like_title_line (const RectoBlock *block, const char *text)
{
  guint letters = 0;

  if (block->kind != RECTO_BLOCK_P || block->sources == NULL
      || block->sources->len > MAX_TEXT_TITLE_LINES || g_str_has_prefix (text, "【")
      || *text == '[')
    return FALSE;
  for (const char *c = text; *c != '\0'; c = g_utf8_next_char (c))
    {
      gunichar u = g_utf8_get_char (c);
      if (g_unichar_isdigit (u) || (u < 0x80 && strchr (",.;:!?", (int) u) != NULL)
          || u == 0x3002 /* 。 */ || u == 0xFF0C || u == 0xFF1B || u == 0xFF1A || u == 0xFF01
          || u == 0xFF1F)
        return FALSE;
      letters += g_unichar_isalpha (u);
    }
  return letters >= 2 && g_utf8_strlen (text, -1) <= MAX_TEXT_TITLE_CHARS;
}

/* How wide @text is set, in half-ems: a wide (CJK) character takes two. */
static guint
text_width (const char *text)
{
  guint width = 0;

  for (const char *c = text; *c != '\0'; c = g_utf8_next_char (c))
    width += g_unichar_iswide (g_utf8_get_char (c)) ? 2 : 1;
  return width;
}

/* Whether @text, the line of @blocks[at] in a text without typography, is the wrapped end of
 * the paragraph line straight before it (a caption's, a heading's the heading stage left
 * apart): a line wraps when it is full, so that line is wider than @text, and it ends no
 * sentence or clause. */
static gboolean
ends_line_before (const GPtrArray *blocks, guint at, const char *text)
{
  const RectoBlock *previous = at > 0 ? g_ptr_array_index (blocks, at - 1) : NULL;
  g_autofree char *line = NULL;
  gunichar last;

  if (previous == NULL || previous->kind != RECTO_BLOCK_P || previous->size > 0
      || previous->sources == NULL || previous->sources->len != 1)
    return FALSE;
  line = g_strstrip (recto_block_get_text (previous));
  if (*line == '\0')
    return FALSE;
  last = g_utf8_get_char (g_utf8_find_prev_char (line, line + strlen (line)));
  if ((last < 0x80 && strchr (".;:!?", (int) last) != NULL) || last == 0x3002 /* 。 */
      || last == 0xFF1B || last == 0xFF1A || last == 0xFF01 || last == 0xFF1F)
    return FALSE;
  return text_width (line) > text_width (text);
}

/* Whether the heading label @n is the first of its scheme ("一、", "（一）", "1", "第一章"). */
static gboolean
opens_scheme (const char *n)
{
  g_autoptr (GString) number = g_string_new (NULL);

  for (const char *c = n; c != NULL && *c != '\0'; c = g_utf8_next_char (c))
    {
      gunichar u = g_utf8_get_char (c);
      if (g_unichar_isdigit (u) || u == 0x4E00 /* 一 */)
        g_string_append_unichar (number, u);
      else if (u == '.' || (g_unichar_isalpha (u) && u >= 0x80 && u != 0x4E00))
        break; /* "1.2" is not a first number; 第一章's 章 ends it too */
    }
  return g_str_equal (number->str, "1") || g_str_equal (number->str, "一");
}

/* Text without typography: a title line opens a report when the next heading after it is the
 * first of its scheme, or when another title line or the end comes before any heading (a report
 * whose headings were all lost). */
static gboolean
is_text_title (const GPtrArray *blocks, guint at, const char *text)
{
  if (!looks_like_title_line (g_ptr_array_index (blocks, at), text)
      || ends_line_before (blocks, at, text))
    return FALSE;
  for (guint i = at + 1; i < blocks->len; i++)
    {
      const RectoBlock *next = g_ptr_array_index (blocks, i);
      g_autofree char *next_text = NULL;
      if (next->kind == RECTO_BLOCK_HEAD)
        return opens_scheme (next->n);
      next_text = recto_block_get_text (next);
      if (looks_like_title_line (next, next_text))
        return TRUE;
    }
  return TRUE;
}

static gboolean
is_title (RectoDocument *doc, const GPtrArray *blocks, guint at, gboolean top_of_page,
          const Sizes *sizes, const ChaptersConfig *config)
{
  const RectoBlock *block = g_ptr_array_index (blocks, at);
  g_autofree char *text = NULL;
  gboolean stands_out;

  /* A heading without a number may be a title; a numbered one never is. */
  if (block->kind != RECTO_BLOCK_P && (block->kind != RECTO_BLOCK_HEAD || block->n != NULL))
    return FALSE;
  text = recto_block_get_text (block);
  if (config->use_outline && in_outline (doc, text))
    return TRUE;
  if (block->size <= 0)
    return is_text_title (blocks, at, text);
  if (!top_of_page || block->sources == NULL || block->sources->len > (guint) config->max_lines)
    return FALSE;
  if (sizes->largest_head > 0)
    stands_out = block->size > sizes->largest_head * 1.05f;
  else
    stands_out = block->size > sizes->body * 1.2f && block->all_bold;
  return stands_out;
}

/* The last source of @block, or NULL. */
static const RectoSourceRef *
last_source (const RectoBlock *block)
{
  if (block->sources == NULL || block->sources->len == 0)
    return NULL;
  return &g_array_index (block->sources, RectoSourceRef, block->sources->len - 1);
}

/* Whether @next is the rest of the title @title, wrapped onto the next line and split from it
 * (the paragraph stage ends a block at a short centred line): the same type, on the same page,
 * its first line at most one and a half sizes below the title's last, which is full. */
static gboolean
continues_title (const RectoBlock *title, const RectoBlock *next)
{
  const RectoSourceRef *end = last_source (title);
  const RectoSourceRef *start;

  if ((next->kind != RECTO_BLOCK_P && (next->kind != RECTO_BLOCK_HEAD || next->n != NULL))
      || end == NULL || next->sources == NULL || next->sources->len == 0 || title->size <= 0
      || next->font != title->font || next->all_bold != title->all_bold
      || ABS (next->size - title->size) > 0.05f * title->size)
    return FALSE;
  start = &g_array_index (next->sources, RectoSourceRef, 0);
  if (start->page != end->page || !start->has_box || !end->has_box || end->line == NULL
      || start->box.y1 < end->box.y1 || start->box.y1 - end->box.y2 >= 1.5f * title->size)
    return FALSE;
  /* A line wraps when it is full: the title's line fills most of its column, and what wrapped
   * is shorter than it (a second title of its own may be as long, or longer). */
  return end->box.x2 - end->box.x1 >= 0.75f * (end->line->column_x2 - end->line->column_x1)
         && start->box.x2 - start->box.x1 < end->box.x2 - end->box.x1;
}

/* Moves @next's text, children and sources onto the end of @title. */
static void
join_title (RectoDocument *doc, RectoBlock *title, RectoBlock *next)
{
  g_autofree char *text = recto_block_get_text (title);
  g_autofree char *rest = recto_block_get_text (next);
  const char *last = g_utf8_find_prev_char (text, text + strlen (text));

  if (last != NULL && !g_unichar_iswide (g_utf8_get_char (last))
      && !g_unichar_iswide (g_utf8_get_char (rest)))
    recto_block_append_text (doc, title, " ", 1);
  while (recto_block_get_n_children (next) > 0)
    {
      RectoBlock *child = recto_block_get_child (next, 0);
      if (child->kind == RECTO_BLOCK_TEXT)
        {
          recto_block_append_text (doc, title, child->text, -1);
          recto_block_unlink (child);
        }
      else
        recto_block_insert (title, child, -1);
    }
  for (guint i = 0; i < next->sources->len; i++)
    {
      const RectoSourceRef *source = &g_array_index (next->sources, RectoSourceRef, i);
      recto_block_add_source (title, source->page, source->has_box ? &source->box : NULL);
      g_array_index (title->sources, RectoSourceRef, title->sources->len - 1).line = source->line;
    }
  recto_block_mark_repair (doc, title, "rejoin-title", "%u lines", title->sources->len);
}

/* Of the headings within pages' text, the share largest of all that a title need not stand
 * out against: a scan's line sizes are measured, and a few are measured far too large (a
 * wrapped heading's line at half as large again), which would hide every title. */
#define OUTLIER_HEADS 10

static int
compare_descending (gconstpointer a, gconstpointer b)
{
  float x = *(const float *) a, y = *(const float *) b;
  return (x < y) - (x > y);
}

/* A title stands out against the headings set within a page's text (the largest but for
 * their largest tenth); a heading that opens a page, or goes on from one that does in the same
 * type, may be a title itself (one without a number, which the heading stage cannot tell). */
static Sizes
measure_sizes (RectoDocument *doc)
{
  RectoBlock *body = recto_document_get_body (doc);
  Sizes sizes = { .body = recto_document_get_body_size (doc) };
  gboolean top_of_page = FALSE;
  const RectoBlock *opening = NULL; /* the block that opened the page, and its wrapped lines */
  g_autoptr (GArray) heads = g_array_new (FALSE, FALSE, sizeof (float));

  for (guint i = 0; i < recto_block_get_n_children (body); i++)
    {
      const RectoBlock *block = recto_block_get_child (body, i);
      if (is_floating (block))
        {
          top_of_page = top_of_page || block->kind == RECTO_BLOCK_PB;
          continue;
        }
      if (top_of_page || (opening != NULL && continues_title (opening, block)))
        opening = block;
      else
        {
          opening = NULL;
          if (block->kind == RECTO_BLOCK_HEAD)
            g_array_append_val (heads, block->size);
        }
      top_of_page = FALSE;
    }
  if (heads->len > 0)
    {
      g_array_sort (heads, compare_descending);
      sizes.largest_head = g_array_index (heads, float, heads->len / OUTLIER_HEADS);
    }
  return sizes;
}

/* Whether @block, in a text without typography, is a line with the text of the chapter's title
 * @title again: the running head that repeats it on the chapter's pages. */
static gboolean
repeats_title (const RectoBlock *block, const char *title)
{
  g_autofree char *text = NULL;

  if (block->kind != RECTO_BLOCK_P || block->size > 0 || title == NULL || block->sources == NULL
      || block->sources->len != 1)
    return FALSE;
  text = recto_block_get_text (block);
  return equal_but_spaces (text, title);
}

/* In a text without typography, a chapter's first page may open with its running head, the
 * title, over the title itself wrapped onto lines, which the paragraph stage joined to the head
 * above. When the first line of @blocks[at] is spelt out again by the rest of the block and
 * the @wrapped blocks after it, returns the line's length in bytes (0 otherwise). */
static gsize
running_head_over_title (const GPtrArray *blocks, guint at, guint *wrapped)
{
  const RectoBlock *block = g_ptr_array_index (blocks, at);
  const RectoBlock *first = recto_block_get_n_children (block) > 0
                                ? recto_block_get_child (block, 0)
                                : NULL;
  const RectoLine *line;
  g_autofree char *head = NULL;
  g_autoptr (GString) title = NULL;
  gsize length;

  if (block->kind != RECTO_BLOCK_P || block->size > 0 || block->sources == NULL
      || block->sources->len < 2 || first == NULL || first->kind != RECTO_BLOCK_TEXT)
    return 0;
  line = g_array_index (block->sources, RectoSourceRef, 0).line;
  if (line == NULL)
    return 0;
  head = g_strstrip (g_strdup (line->text));
  length = strlen (head);
  if (length == 0 || !g_str_has_prefix (first->text, head) || first->text[length] == '\0')
    return 0;
  title = g_string_new (first->text + length);
  for (*wrapped = 0; !equal_but_spaces (title->str, head); ++*wrapped)
    {
      const RectoBlock *next =
          at + 1 + *wrapped < blocks->len ? g_ptr_array_index (blocks, at + 1 + *wrapped) : NULL;
      g_autofree char *text = NULL;
      if (next == NULL || next->kind != RECTO_BLOCK_P || title->len >= length)
        return 0;
      text = recto_block_get_text (next);
      g_string_append (title, text);
    }
  return length;
}

/* The text of a paragraph, or of a running head (which recto_block_get_text() leaves out). */
static char *
line_text (const RectoBlock *block)
{
  GString *text;

  if (block->kind != RECTO_BLOCK_FW)
    return recto_block_get_text (block);
  text = g_string_new (NULL);
  for (guint i = 0; i < recto_block_get_n_children (block); i++)
    {
      const RectoBlock *child = recto_block_get_child (block, i);
      if (child->kind == RECTO_BLOCK_TEXT)
        g_string_append (text, child->text);
    }
  return g_string_free (text, FALSE);
}

/* In a text without typography, a title wrapped onto lines that stand apart is spelt out
 * whole by its running head, the first line on the next pages that begins with it. Returns
 * how many blocks after the title @blocks[at] complete it so (0 when they do not). */
static guint
wrapped_text_title (const GPtrArray *blocks, guint at, const char *title)
{
  guint pages = 0;

  for (guint j = at + 1; j < blocks->len && pages <= 2; j++)
    {
      const RectoBlock *block = g_ptr_array_index (blocks, j);
      g_autofree char *head = NULL;
      g_autoptr (GString) joined = NULL;

      pages += block->kind == RECTO_BLOCK_PB;
      if ((block->kind != RECTO_BLOCK_P && block->kind != RECTO_BLOCK_FW)
          || block->sources == NULL || block->sources->len != 1)
        continue;
      head = line_text (block);
      if (!starts_but_spaces (head, title, FALSE) || equal_but_spaces (head, title))
        continue;
      joined = g_string_new (title);
      for (guint k = 1; at + k < j && k < MAX_TEXT_TITLE_LINES; k++)
        {
          const RectoBlock *next = g_ptr_array_index (blocks, at + k);
          g_autofree char *text = NULL;
          if (next->kind != RECTO_BLOCK_P)
            return 0;
          text = recto_block_get_text (next);
          g_string_append (joined, text);
          if (equal_but_spaces (head, joined->str))
            return k;
          if (!starts_but_spaces (head, joined->str, FALSE))
            return 0;
        }
      return 0;
    }
  return 0;
}

/* A subtitle opens with a dash ("——基于……的调查", "— a case study"). */
static gboolean
opens_with_dash (const RectoBlock *block)
{
  g_autofree char *text = g_strchug (recto_block_get_text (block));
  gunichar first = g_utf8_get_char (text);

  return first == 0x2014 || first == 0x2013 || first == '-';
}

/* In a text without typography, a title wrapped onto lines that stand apart is told by its
 * subtitle: under a title comes its subtitle, then its byline, never the other way round, so
 * the title-like single lines between the title @blocks[at] (its text @title) and a subtitle
 * are the title's. Returns how many blocks after the title complete it so (0 when no subtitle
 * follows). */
static guint
lines_before_subtitle (const GPtrArray *blocks, guint at, const char *title)
{
  for (guint k = 1; k <= MAX_TEXT_TITLE_LINES && at + k < blocks->len; k++)
    {
      const RectoBlock *next = g_ptr_array_index (blocks, at + k);
      g_autofree char *text = NULL;
      if (next->kind != RECTO_BLOCK_P || next->size > 0 || next->sources == NULL
          || next->sources->len != 1)
        return 0;
      if (opens_with_dash (next))
        return k - 1;
      text = recto_block_get_text (next);
      /* The title again is the title under its running head, not a wrapped line. */
      if (!looks_like_title_line (next, text) || equal_but_spaces (text, title))
        return 0;
    }
  return 0;
}

/* The open divisions, innermost last; the body at the bottom. */
typedef struct
{
  RectoDocument *doc;
  GPtrArray *open;
  GPtrArray *floating; /* pb, fw, notes since the last block */
} Nest;

static RectoBlock *
innermost (const Nest *nest)
{
  return g_ptr_array_index (nest->open, nest->open->len - 1);
}

static void
put_floating (Nest *nest, RectoBlock *into)
{
  for (guint i = 0; i < nest->floating->len; i++)
    recto_block_insert (into, g_ptr_array_index (nest->floating, i), -1);
  g_ptr_array_set_size (nest->floating, 0);
}

/* Opens a division of @type at @level under the innermost one that is shallower, headed by
 * @head. */
static void
open_division (Nest *nest, RectoBlock *head, const char *type, int level)
{
  RectoBlock *div;

  while (nest->open->len > 1 && innermost (nest)->level >= level)
    g_ptr_array_remove_index (nest->open, nest->open->len - 1);
  div = recto_block_append (nest->doc, innermost (nest), RECTO_BLOCK_DIV);
  recto_block_set_type (nest->doc, div, type);
  div->level = level;
  put_floating (nest, div);
  recto_block_insert (div, head, -1);
  g_ptr_array_add (nest->open, div);
}

/* Whether @block, just after a chapter's title, is a line of the title's front matter (its
 * subtitle, its author): one line, not bold, in another face than the body text's, and not a
 * sentence. */
static gboolean
is_front_line (RectoDocument *doc, const RectoBlock *block)
{
  g_autofree char *text = NULL;
  const char *end;
  gunichar last;

  if (block->kind != RECTO_BLOCK_P || block->sources == NULL || block->sources->len != 1
      || block->font == NULL || block->font == recto_document_get_body_font (doc)
      || (block->flags & RECTO_FONT_BOLD) != 0)
    return FALSE;
  text = g_strstrip (recto_block_get_text (block));
  if (*text == '\0')
    return FALSE;
  end = text + strlen (text);
  last = g_utf8_get_char (g_utf8_find_prev_char (text, end));
  return last != '.' && last != 0x3002 /* 。 */ && last != '!' && last != '?' && last != 0xFF01
         && last != 0xFF1F;
}

static gboolean
chapters_process (RectoStageContext *ctx, RectoDocument *doc, const void *config_data,
                  GError **error)
{
  const ChaptersConfig *config = config_data;
  RectoBlock *body = recto_document_get_body (doc);
  Sizes sizes = measure_sizes (doc);
  g_autoptr (GPtrArray) blocks = g_ptr_array_new ();
  g_autoptr (GPtrArray) open = g_ptr_array_new ();
  g_autoptr (GPtrArray) floating = g_ptr_array_new ();
  Nest nest = { doc, open, floating };
  gboolean top_of_page = FALSE;
  gboolean title_just_opened = FALSE;
  guint front_lines = 0; /* lines of front matter since the last title */
  g_autofree char *title = NULL; /* the text of the last chapter's title */

  /* The body's children move, so walk a copy of the list. They are all taken out first, last
   * to first, which costs nothing, where taking each out of the front of thousands would move
   * the rest every time; they go back in the order they are walked. */
  for (guint i = 0; i < recto_block_get_n_children (body); i++)
    g_ptr_array_add (blocks, recto_block_get_child (body, i));
  for (guint i = blocks->len; i > 0; i--)
    recto_block_unlink (g_ptr_array_index (blocks, i - 1));
  g_ptr_array_add (open, body);

  for (guint i = 0; i < blocks->len; i++)
    {
      RectoBlock *block = g_ptr_array_index (blocks, i);
      guint wrapped = 0;
      gsize head_length;

      if (is_floating (block))
        {
          top_of_page = top_of_page || block->kind == RECTO_BLOCK_PB;
          g_ptr_array_add (floating, block);
          continue;
        }
      if (repeats_title (block, title))
        {
          /* A text without typography: the running head that repeats the chapter's title. */
          RectoBlock *header = recto_block_replace (doc, block, RECTO_BLOCK_FW);
          recto_block_set_type (doc, header, "header");
          recto_block_mark_repair (doc, header, "running-head", "it repeats the chapter's title");
          g_ptr_array_add (floating, header);
          continue;
        }
      head_length = running_head_over_title (blocks, i, &wrapped);
      if (head_length > 0)
        {
          RectoBlock *header = recto_block_split_off (doc, block, head_length, RECTO_BLOCK_FW);
          recto_block_set_type (doc, header, "header");
          recto_block_mark_repair (doc, header, "running-head", "it repeats the title under it");
          g_ptr_array_add (floating, header);
        }
      if (head_length > 0 || is_title (doc, blocks, i, top_of_page, &sizes, config))
        {
          RectoBlock *head = recto_block_replace (doc, block, RECTO_BLOCK_HEAD);
          if (title_just_opened)
            {
              /* A second title line straight after the first: a paper's author line. */
              recto_block_set_type (doc, head, opens_with_dash (head) ? "sub" : "byline");
              put_floating (&nest, innermost (&nest));
              recto_block_insert (innermost (&nest), head, -1);
            }
          else
            /* Level 0: a chapter closes every division, other chapters included. */
            open_division (&nest, head, "chapter", 0);
          if (head_length == 0 && head->size <= 0 && !title_just_opened)
            {
              g_autofree char *text = recto_block_get_text (head);
              wrapped = wrapped_text_title (blocks, i, text);
              if (wrapped == 0)
                wrapped = lines_before_subtitle (blocks, i, text);
            }
          for (; wrapped > 0; wrapped--)
            join_title (doc, head, g_ptr_array_index (blocks, ++i));
          while (i + 1 < blocks->len && continues_title (head, g_ptr_array_index (blocks, i + 1)))
            join_title (doc, head, g_ptr_array_index (blocks, ++i));
          if (!title_just_opened)
            {
              g_free (title);
              title = recto_block_get_text (head);
            }
          title_just_opened = TRUE;
          front_lines = 0;
          top_of_page = FALSE;
          continue;
        }
      if (title_just_opened && front_lines < 2 && is_front_line (doc, block))
        {
          RectoBlock *head = recto_block_replace (doc, block, RECTO_BLOCK_HEAD);
          recto_block_set_type (doc, head, opens_with_dash (head) ? "sub" : "byline");
          put_floating (&nest, innermost (&nest));
          recto_block_insert (innermost (&nest), head, -1);
          front_lines++;
          continue;
        }
      title_just_opened = FALSE;
      if (block->kind == RECTO_BLOCK_HEAD)
        open_division (&nest, block, "section", MAX (block->level, 1));
      else
        {
          put_floating (&nest, innermost (&nest));
          recto_block_insert (innermost (&nest), block, -1);
        }
      /* What survives of a lost body (its figures) stands in stream order, not reading order:
       * a title after it may still open the page. */
      top_of_page = top_of_page && is_fragment (block);
    }
  put_floating (&nest, innermost (&nest));
  return TRUE;
}

static const RectoStageInfo chapters_info = {
  .abi_version = RECTO_STAGE_ABI_VERSION,
  .name = "chapters",
  .summary = "Splits a volume into its contributed reports at title lines (and outline "
             "entries), and nests headings into divisions by level",
  .version = RECTO_VERSION,
  .license = "LGPL-2.1-or-later",
  .kind = RECTO_STAGE_REPAIR,
  .options = chapters_options,
  .config_size = sizeof (ChaptersConfig),
  .repairs = chapters_repairs,
  .process = chapters_process,
};

RECTO_STAGE_DEFINE (chapters_info)
