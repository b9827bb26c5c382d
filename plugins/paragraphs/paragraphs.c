/* paragraphs: joins body lines into blocks (paragraphs, and the lines that later stages make
 * into headings, captions and list items), across page and column breaks, and puts every page
 * break and the page's furniture where the page begins.
 *
 * A line continues the open block when it has the same size and weight, is not indented from
 * its column's left edge (or from where the block's own lines start), the line before it filled
 * its column's measure (a block set in from the column: set in as far on the right), and the
 * vertical gap is the volume's usual one; a line that goes on with a sentence the line before
 * it broke may hang under a label and sit a little lower. A
 * line on a new page or column continues a block the same way, so a paragraph broken by a page
 * keeps its <pb> and <fw> inside it. Lines join with nothing where either side is CJK and with
 * a space between Latin text; a Latin line-end hyphen that the line break added is replaced by
 * <lb break="no" rend="-"/> (a marked repair), a real one ("data-driven") stays. Footnote lines become notes at the foot of their page. Without
 * geometry (plain-text sources) only blank lines separate blocks. */
#include <math.h>
#include <string.h>

#include <recto/recto.h>

#include "hyphenation.h"
#include "line-measures.h"
#include "median.h"
#include "note-anchors.h"
#include "table-lines.h"
#include "text-lines.h"

typedef struct
{
  double gap;
  double indent;
  double fill;
} ParagraphsConfig;

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

/* Line pitches: the median distance between consecutive body lines of one size on one page,
 * for each size (headings are often set with more leading than the text), and over all. */
typedef struct
{
  GHashTable *by_size; /* size in tenths of a point → GArray of float, the median in the middle */
  float overall;
  float overall_size; /* the size whose lines gave most of the overall pitches */
} Pitches;

typedef struct
{
  RectoDocument *doc;
  const ParagraphsConfig *config;
  Hyphenation *hyphenation;
  Pitches pitches;
  RectoBlock *body;
  RectoBlock *block; /* the open block, or NULL */
  const RectoLine *first; /* its first line */
  const RectoPage *first_page; /* and that line's page */
  const RectoLine *prev; /* its last line */
  const RectoPage *prev_page; /* and that line's page */
  const LineMeasures *prev_measures; /* and that line's measures */
  RectoBlock *note; /* the open footnote of this page, or NULL */
  GPtrArray *markers; /* the markers of the notes that open on this page, each once */
  GHashTable *called; /* marker → the note its anchor holds, waiting for the note's lines */
  RectoBlock *page_break; /* the <pb> of the page being read */
  gboolean page_ended; /* a page-number line inside a text page ended the page */
  guint64 last_page_number; /* the last printed page number of a text page, 0 before any */
  guint text_measure; /* the measure of text-only lines, in display columns */
  TextSpacing spacing; /* how a text-only document spaces its lines */
  gboolean blank_since_text; /* a blank line came after the block's last line */
  gboolean page_turned; /* a page began after the block's last line */
  GPtrArray *pending; /* pb, fw and notes waiting for the next block to say where they go */
} Builder;

static gboolean
is_bold (const RectoLine *line)
{
  return (line->flags & RECTO_FONT_BOLD) != 0;
}

static gpointer
size_key (float size)
{
  return GINT_TO_POINTER ((int) lroundf (size * 10));
}

static void
add_pitch (Pitches *pitches, float size, float pitch)
{
  GArray *of_size = g_hash_table_lookup (pitches->by_size, size_key (size));

  if (of_size == NULL)
    {
      of_size = g_array_new (FALSE, FALSE, sizeof (float));
      g_hash_table_insert (pitches->by_size, size_key (size), of_size);
    }
  g_array_append_val (of_size, pitch);
}

static void
select_median (gpointer size, gpointer of_size, gpointer unused)
{
  median_of_floats ((float *) ((GArray *) of_size)->data, ((GArray *) of_size)->len);
}

static void
find_pitches (RectoDocument *doc, const GPtrArray *measures, Pitches *pitches)
{
  g_autoptr (GArray) all = g_array_new (FALSE, FALSE, sizeof (float));

  pitches->by_size =
      g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, (GDestroyNotify) g_array_unref);
  for (guint p = 0; p < recto_document_get_n_pages (doc); p++)
    {
      const RectoPage *page = recto_document_get_page (doc, p);
      const RectoLine *prev = NULL;
      const LineMeasures *prev_measures = NULL;
      for (guint i = 0; i < page->lines->len; i++)
        {
          const RectoLine *line = g_ptr_array_index (page->lines, i);
          const LineMeasures *line_measures = line_measures_get (measures, p, i);
          if (line->role != RECTO_LINE_BODY || !line->has_box)
            continue;
          if (prev != NULL && prev->size == line->size)
            {
              float pitch = line_measures_pitch (prev_measures, line_measures);
              /* Lines side by side or far apart say nothing about leading. */
              if (pitch > 0.5f * line_type_size (line) && pitch < 3 * line_type_size (line))
                {
                  add_pitch (pitches, line->size, pitch);
                  g_array_append_val (all, pitch);
                }
            }
          prev = line;
          prev_measures = line_measures;
        }
    }
  pitches->overall = all->len > 0 ? median_of_floats ((float *) all->data, all->len) : 0;
  pitches->overall_size = recto_document_get_body_size (doc);
  /* Found once here: usual_pitch() is asked for every line. */
  g_hash_table_foreach (pitches->by_size, select_median, NULL);
}

/* The usual pitch of lines of @size: their own median where enough pairs give one, else the
 * overall pitch scaled to the size. */
static float
usual_pitch (const Pitches *pitches, float size)
{
  GArray *of_size = g_hash_table_lookup (pitches->by_size, size_key (size));

  if (of_size != NULL && of_size->len >= 3)
    return g_array_index (of_size, float, of_size->len / 2); /* the median: see find_pitches() */
  if (pitches->overall_size > 0 && size > 0)
    return pitches->overall * size / pitches->overall_size;
  return pitches->overall;
}

/* @text after its leading white space (a text line's indent). */
static const char *
skip_space (const char *text)
{
  while (*text != '\0' && g_unichar_isspace (g_utf8_get_char (text)))
    text = g_utf8_next_char (text);
  return text;
}

/* Whether @text opens with a label: a number of a scheme, or a lone mark that is neither a
 * letter nor a digit, set apart by a space (a bullet, perhaps drawn from a symbol font at a
 * private-use code point that no scheme knows). Sets *@length to the label's bytes. */
static gboolean
opens_with_label (const char *text, gsize *length)
{
  gunichar mark = g_utf8_get_char (text);
  const char *after = g_utf8_next_char (text);

  if (recto_numbering_match (text, length) != RECTO_NUMBERING_NONE)
    return TRUE;
  if (mark == 0 || g_unichar_isalnum (mark) || g_unichar_isspace (mark)
      || !g_unichar_isspace (g_utf8_get_char (after)))
    return FALSE;
  *length = after - text;
  return TRUE;
}

/* Whether @line starts where the text after the label of the block's first line starts (a list
 * item's or numbered paragraph's hanging indent). */
static gboolean
hangs_under_label (const Builder *b, const RectoLine *line)
{
  const RectoLine *first = b->first;
  const RectoBox *boxes = (const RectoBox *) b->first_page->boxes->data;
  gsize length;
  guint label_glyphs = 0;
  float label_x, text_x, indent, slack;

  if (first->glyphs == NULL || !opens_with_label (first->text, &length))
    return FALSE;
  /* Line glyphs carry no white space: count the label's other characters. */
  for (const char *c = first->text; c < first->text + length; c = g_utf8_next_char (c))
    if (!g_unichar_isspace (g_utf8_get_char (c)))
      label_glyphs++;
  if (label_glyphs == 0 || label_glyphs >= first->glyphs->len)
    return FALSE;
  label_x = boxes[g_array_index (first->glyphs, guint, label_glyphs - 1)].x2;
  text_x = boxes[g_array_index (first->glyphs, guint, label_glyphs)].x1;
  /* Measured from each line's column: an item may go on in the next column or page. Past the
   * label, and not beyond where the first line's text starts: a justified first line may
   * stretch the space after its label. */
  indent = line->box.x1 - line->column_x1;
  slack = 0.3f * line_type_size (line);
  return indent > label_x - first->column_x1 - slack && indent < text_x - first->column_x1 + slack;
}

static gboolean
has_wide_char (const char *text)
{
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (g_unichar_iswide (g_utf8_get_char (text)))
      return TRUE;
  return FALSE;
}

static gboolean
ends_sentence (gunichar last)
{
  switch (last)
    {
    case '.':
    case '!':
    case '?':
    case ':':
    case 0x3002: /* 。 */
    case 0xFF01: /* ！ */
    case 0xFF1F: /* ？ */
    case 0xFF1A: /* ： */
      return TRUE;
    default:
      return FALSE;
    }
}

/* Whether @text ends with a letter and a hyphen. */
static gboolean
ends_broken_word (const char *text)
{
  gsize n = strlen (text);

  return n >= 2 && text[n - 1] == '-' && g_ascii_isalpha (text[n - 2]);
}

/* Whether @text leaves a quotation open (more “ than ”). */
static gboolean
opens_quotation (const char *text)
{
  int depth = 0;

  for (const char *c = text; *c != '\0'; c = g_utf8_next_char (c))
    {
      gunichar u = g_utf8_get_char (c);
      depth += u == 0x201C;
      depth -= u == 0x201D && depth > 0;
    }
  return depth > 0;
}

/* Text without geometry: a line that is neither indented nor numbered carries on the block when
 * the line before it was broken only because this line's first word would not fit the measure,
 * or ended on a CJK comma. */
static gboolean
continues_text (const Builder *b, const RectoLine *prev, const RectoLine *line)
{
  gsize label_length;
  const char *text = line->text;
  gunichar last =
      g_utf8_get_char (g_utf8_find_prev_char (prev->text, prev->text + strlen (prev->text)));
  guint space;

  /* An indent starts a paragraph, except in a double-spaced extraction, whose leading spaces
   * are as haphazard as its blank lines. */
  if ((b->spacing != TEXT_SPACING_DOUBLE && g_unichar_isspace (g_utf8_get_char (text)))
      || recto_numbering_match (skip_space (text), &label_length) != RECTO_NUMBERING_NONE)
    return FALSE;
  /* A CJK comma ends no heading or paragraph, nor does an open quotation, nor a word broken at
   * a hyphen: the text goes on. */
  if (last == 0xFF0C /* ， */ || last == 0x3001 /* 、 */ || opens_quotation (prev->text)
      || ends_broken_word (prev->text))
    return TRUE;
  /* Blank lines between paragraphs: any other line goes on, and across a page break so does
   * a sentence left unfinished. */
  if (b->spacing == TEXT_SPACING_BLANK_LINES && !b->page_turned)
    return TRUE;
  if (b->spacing == TEXT_SPACING_BLANK_LINES && !ends_sentence (last))
    return TRUE;
  /* Numbers left on a line of their own do not carry on CJK text (their sentence was lost). */
  if (g_unichar_iswide (last) && !has_wide_char (text))
    return FALSE;
  /* Latin words were separated by a space that the break took away. */
  space = g_unichar_iswide (last) || g_unichar_iswide (g_utf8_get_char (text)) ? 0 : 1;
  return text_lines_width (prev->text) + space + text_lines_first_unit (text) > b->text_measure;
}

/* Whether some glyph of @line of @page is set in @font. */
static gboolean
line_has_font (const RectoPage *page, const RectoLine *line, const char *font)
{
  for (guint i = 0; line->glyphs != NULL && i < line->glyphs->len; i++)
    {
      int span = recto_page_find_span (page, g_array_index (line->glyphs, guint, i));
      if (span >= 0 && g_array_index (page->spans, RectoSpan, span).font == font)
        return TRUE;
    }
  return FALSE;
}

/* Whether a line whose face differs from the line before it goes on in a face that line
 * already holds: running text with a phrase in bold or italics, where the face of most of a
 * line may go either way. A heading is set wholly in its own face, and so is the text after
 * it. */
static gboolean
mix_faces (const RectoPage *prev_page, const RectoLine *prev, const RectoLine *line)
{
  return prev->font != NULL && line->font != NULL && line_has_font (prev_page, prev, line->font);
}

/* How the line before a line ends: on punctuation that may end a paragraph (or on a note's
 * number), in the middle of a sentence (on a letter), or on a comma. */
typedef enum
{
  LINE_END_ANY,
  LINE_END_WORD,
  LINE_END_COMMA,
} LineEnd;

/* How @prev ends, for @line below it: a line that stops on a word or a comma had the rest of
 * its sentence below it, unless @line starts with a label of its own. */
static LineEnd
line_end (const RectoLine *prev, const RectoLine *line)
{
  const char *end = prev->text + strlen (prev->text);
  gsize label_length;
  gunichar last;

  while (end > prev->text && g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (end))))
    end = g_utf8_prev_char (end);
  if (end == prev->text
      || recto_numbering_match (skip_space (line->text), &label_length) != RECTO_NUMBERING_NONE)
    return LINE_END_ANY;
  last = g_utf8_get_char (g_utf8_prev_char (end));
  if (last == ',' || last == 0xFF0C /* ， */ || last == 0x3001 /* 、 */)
    return LINE_END_COMMA;
  return g_unichar_isalpha (last) ? LINE_END_WORD : LINE_END_ANY;
}

/* How far, in type sizes, a line that goes on with the sentence the filled line above it broke
 * may hang right of that line (after "A：", "◎", "제2조(" or a reference's author), and how much
 * further down than the usual pitch it may be set (a larger glyph stretched the leading, or
 * the page is set with more). */
#define HANG 2.5f
#define BROKEN_SENTENCE_GAP 1.0f
/* How far in from its column's left edge, in type sizes, a block is set apart from its column
 * (less is a column edge measured a character off). */
#define SET_IN 2.0f

/* Whether @line, of type size @size and below the block's last line in its column, starts
 * where the block's text runs: where a later line of it starts, or left of its first line by
 * no more than a first-line indent (further is a line set centred or to the right). A stray
 * line further left on the page (a margin note, a table's edge) moves the column's left edge,
 * not the text's. */
static gboolean
starts_with_text (const Builder *b, const RectoLine *line, float size)
{
  const RectoLine *prev = b->prev;
  float slack = b->config->indent * size;

  if (prev != b->first)
    return fabsf (line->box.x1 - prev->box.x1) <= slack;
  return line->box.x1 < prev->box.x1 - slack && line->box.x1 >= prev->box.x1 - HANG * size;
}

/* Whether @line, of type size @size below b->prev, hangs under it to go on with a sentence
 * that line broke: right of it by no more than HANG (level with it after a comma). */
static gboolean
hangs_in_sentence (const Builder *b, const RectoLine *line, float size, LineEnd end)
{
  float hang = line->box.x1 - b->prev->box.x1;
  float slack = b->config->indent * size;

  return (end == LINE_END_COMMA ? hang >= -slack : hang > slack) && hang <= HANG * size;
}

/* Whether @line of @page, with @measures, carries on the block that b->prev ended so far. A
 * line's indent is measured from its column's left edge, or, below the line before it in the
 * same column, from where the block's text runs. */
static gboolean
continues (const Builder *b, const RectoPage *page, const RectoLine *line,
           const LineMeasures *measures)
{
  const RectoLine *prev = b->prev;
  const ParagraphsConfig *config = b->config;
  float size = line_type_size (line);
  gboolean below = page == b->prev_page && line->box.y1 > prev->box.y1
                   && line->column_x1 == prev->column_x1;
  float indent = line->box.x1 - line->column_x1;
  float right = prev->column_x2; /* where a line that filled its measure ends */
  LineEnd end;

  if (!line->has_box || !prev->has_box)
    return continues_text (b, prev, line);
  /* Another size, weight or face: a heading's face may differ only by its name (a synthetic
   * bold, a 黑体 heading in a 宋体 text). */
  if (fabsf (line_type_size (prev) - size) > 0.1f * size)
    return FALSE;
  if ((is_bold (prev) != is_bold (line)
       || (prev->font != NULL && line->font != NULL && prev->font != line->font))
      && !mix_faces (b->prev_page, prev, line))
    return FALSE;
  end = line_end (prev, line);
  if (below && starts_with_text (b, line, size))
    {
      indent = MIN (indent, 0);
      /* A block set in from its column's left edge by more than SET_IN (an abstract, a
       * quotation) is set in as far from the right one: its lines fill that narrower measure,
       * and a line that filled it reaches as far right as the line below (centred lines, the
       * wider one below, do not). */
      float inset = line->box.x1 - line->column_x1;
      if (inset > SET_IN * size && prev->box.x2 >= line->box.x2 - config->indent * size)
        right -= inset;
    }
  if (right - prev->box.x2 > measures->first_unit_width + config->fill * size)
    return FALSE;
  if (indent > config->indent * size && !hangs_under_label (b, line)
      && !(below && end != LINE_END_ANY && hangs_in_sentence (b, line, size, end)))
    return FALSE;
  /* Below the previous line in the same column: the distance must be the usual one. After a
   * page or column break there is nothing to judge. */
  if (below)
    return line_measures_pitch (b->prev_measures, measures)
           <= usual_pitch (&b->pitches, size)
                  + (end != LINE_END_ANY ? BROKEN_SENTENCE_GAP : config->gap) * size;
  return TRUE;
}

/* The last character of @block's text, read through a note its text ends on (an anchor). */
static gunichar
last_char (RectoDocument *doc, const RectoBlock *block)
{
  guint n = recto_block_get_n_children (block);
  RectoBlock *last = n > 0 ? recto_block_get_child (block, n - 1) : NULL;
  const char *end;

  while (last != NULL && last->kind == RECTO_BLOCK_NOTE && --n > 0)
    last = recto_block_get_child (block, n - 1);

  if (last == NULL || last->kind != RECTO_BLOCK_TEXT || *last->text == '\0')
    return 0;
  end = last->text + recto_block_get_text_length (doc, last);
  return g_utf8_get_char (g_utf8_find_prev_char (last->text, end));
}

/* Takes the hyphen off the end of @block's text and puts a marked <lb break="no"> there. */
static void
replace_hyphen (Builder *b, RectoBlock *block)
{
  RectoBlock *text = recto_block_get_child (block, recto_block_get_n_children (block) - 1);
  RectoBlock *lb;

  text->text[recto_block_get_text_length (b->doc, text) - 1] = '\0';
  lb = recto_block_append (b->doc, block, RECTO_BLOCK_LB);
  recto_block_set_n (lb, "-");
  recto_block_mark_repair (b->doc, lb, "dehyphenate", NULL);
}

/* Ends @block's text so that @text can follow: a space between Latin words, nothing where
 * either side is CJK, and a hyphen the line break added replaced by a marked <lb>. */
static void
join_line (Builder *b, RectoBlock *block, const char *text)
{
  gunichar before = last_char (b->doc, block);
  gunichar after = g_utf8_get_char (text);

  guint n = recto_block_get_n_children (block);

  if (n > 0 && recto_block_get_child (block, n - 1)->kind == RECTO_BLOCK_NOTE)
    {
      if (before != 0 && before != '-' && !char_is_cjk (before) && !char_is_cjk (after))
        recto_block_append_text (b->doc, block, " ", 1);
      return;
    }
  if (before == '-' && hyphenation_is_added (b->hyphenation, block, text))
    replace_hyphen (b, block);
  else if (before != 0 && before != '-' && !char_is_cjk (before) && !char_is_cjk (after))
    recto_block_append_text (b->doc, block, " ", 1);
}

/* Moves what waits (page breaks, furniture, notes) into @parent. */
static void
flush_pending (Builder *b, RectoBlock *parent)
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
    default:
      return NULL;
    }
}

/* Queues a <pb> for @page (its printed number, when a stage found it). */
static void
open_page (Builder *b, const RectoPage *page)
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
  recto_block_append_text (b->doc, fw, skip_space (line->text), -1);
  recto_block_add_line (fw, page, line);
  g_ptr_array_add (b->pending, fw);
}

/* Queues the page's <pb> and, for a page with geometry, its furniture as <fw>. A text page's
 * furniture stays where it stands in the text (see add_text_furniture). */
static void
begin_page (Builder *b, const RectoPage *page)
{
  open_page (b, page);
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
static void
add_text_furniture (Builder *b, const RectoPage *page, const RectoLine *line, gboolean first)
{
  if (b->page_ended)
    open_page (b, page);
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

/* A footnote line starts a note when it is the first or begins with a new marker (its size is
 * what set it apart). The marker goes into the note's n (TEI <note n="1">), as a label does for
 * a list item, and the note's text is what follows it. */
static void
add_note_line (Builder *b, const RectoPage *page, const RectoLine *line)
{
  gsize marker = note_marker_length (line->text);
  const char *text = line->text;

  if (marker > 0 && text[marker] != '\0')
    {
      g_autofree char *n = g_strstrip (g_strndup (text, marker));
      RectoBlock *called = g_hash_table_lookup (b->called, n);
      if (called != NULL)
        {
          g_hash_table_remove (b->called, n);
          b->note = called;
          text += marker;
        }
    }
  if (b->note == NULL || (marker > 0 && text == line->text))
    {
      b->note = recto_block_new (b->doc, RECTO_BLOCK_NOTE);
      recto_block_set_type (b->doc, b->note, "footnote");
      g_ptr_array_add (b->pending, b->note);
      if (marker > 0 && text[marker] != '\0')
        {
          g_autofree char *n = g_strstrip (g_strndup (text, marker));
          guint index;
          recto_block_set_n (b->note, n);
          text += marker;
          /* Opened before the text that calls it (read in another order): it stays put. */
          if (g_ptr_array_find_with_equal_func (b->markers, n, g_str_equal, &index))
            g_ptr_array_remove_index (b->markers, index);
        }
    }
  join_line (b, b->note, text);
  recto_block_append_text (b->doc, b->note, text, -1);
  recto_block_add_line (b->note, page, line);
}

/* Appends @text, the text of @line from where it starts, to the open block, with a note in the
 * place of each marker that calls one of the page's notes: the note's lines fill it. */
static void
append_calling_notes (Builder *b, const RectoPage *page, const RectoLine *line, const char *text)
{
  g_autoptr (GArray) anchors = note_anchors_find (page, line, b->markers);
  gsize done = (gsize) (text - line->text);

  for (guint i = 0; i < anchors->len; i++)
    {
      const NoteAnchor *anchor = &g_array_index (anchors, NoteAnchor, i);
      char *marker = g_strndup (line->text + anchor->start, anchor->end - anchor->start);
      RectoBlock *note;
      if (anchor->start < done || g_hash_table_contains (b->called, marker))
        {
          g_free (marker);
          continue;
        }
      recto_block_append_text (b->doc, b->block, line->text + done, anchor->start - done);
      note = recto_block_append (b->doc, b->block, RECTO_BLOCK_NOTE);
      recto_block_set_type (b->doc, note, "footnote");
      recto_block_set_n (note, marker);
      recto_block_mark_repair (b->doc, note, "anchor-note", NULL);
      g_hash_table_insert (b->called, marker, note);
      done = anchor->end;
    }
  recto_block_append_text (b->doc, b->block, line->text + done, -1);
}

static void
add_body_line (Builder *b, const RectoPage *page, const RectoLine *line,
               const LineMeasures *measures)
{
  const char *text = skip_space (line->text);

  if (*text == '\0')
    {
      /* A blank line (text sources) ends the block, unless the text has one after every line
       * or it stands between a page's head and its text. */
      if (b->spacing != TEXT_SPACING_DOUBLE && !b->page_turned)
        b->blank_since_text = TRUE;
      return;
    }
  if (b->page_ended)
    open_page (b, page);
  if (b->block != NULL && !b->blank_since_text && continues (b, page, line, measures))
    {
      /* Join first: the page break comes between a hyphen and the rest of its word. */
      join_line (b, b->block, text);
      flush_pending (b, b->block);
    }
  else
    {
      flush_pending (b, b->body);
      b->block = recto_block_append (b->doc, b->body, RECTO_BLOCK_P);
      b->first = line;
      b->first_page = page;
    }
  append_calling_notes (b, page, line, text);
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

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      RectoBlock *row = g_ptr_array_index (rows, i);
      RectoBlock *table = row->parent;
      if (table->parent == NULL)
        {
          flush_pending (b, b->body);
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
    if (*skip_space (((const RectoLine *) g_ptr_array_index (page->lines, i))->text) != '\0')
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

  find_pitches (doc, measures, &b.pitches);
  for (guint i = 0; i < recto_document_get_n_pages (doc); i++)
    {
      const RectoPage *page = recto_document_get_page (doc, i);
      begin_page (&b, page);
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
            add_note_line (&b, page, line);
          else if (line->role == RECTO_LINE_TABLE)
            add_table_line (&b, tables, page, line);
          else if (!line->has_box)
            add_text_furniture (&b, page, line, j == first_line_index (page));
        }
    }
  flush_pending (&b, b.body);
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
