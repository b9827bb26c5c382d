/* footnotes: finds the notes at the foot of each page. Going up from the page's foot (past its
 * furniture), the lines set smaller than the body text form the foot zone; the highest of them
 * that starts with a note marker ("①", "1", "*", "†") opens the notes, or a label ("基金项目:")
 * above such a line, and it and every small line below it are notes. Lines above it in the zone
 * (a caption, say) stay body text. A note whose text repeats on other pages was taken for a
 * running foot by the furniture stage; it is taken back when it opens with a marker, but for a
 * number that rises from page to page (the page's number before a running foot). A list of
 * references set small at a page's foot is no notes, though its lines open with numbers (a
 * year, pages) or look like a label ("规划: 从…"): the zone stands right under a heading of
 * references ("参考文献", "References"), or its first "[n]" item goes on with the "[n]" items of
 * the pages before. Nor is a column of small type beside the text (a report's sidebar, a
 * chart's labels): notes lie under the page's text. A type size OCR estimated from a scan's ink
 * is smaller only by more than the estimates' scatter.
 *
 * The stage only sets line roles; the paragraph stage makes the <note> blocks. */

#include <math.h>
#include <string.h>

#include <recto/recto.h>

typedef struct
{
  double size_ratio;
} FootnotesConfig;

static const RectoOption footnotes_options[] = {
  { .name = "size-ratio",
    .type = RECTO_OPTION_DOUBLE,
    .default_value = "0.92",
    .blurb = "Largest size of note type, as a share of the body text's size",
    .offset = G_STRUCT_OFFSET (FootnotesConfig, size_ratio),
    .minimum = 0.1,
    .maximum = 1 },
  { NULL },
};

static gboolean
starts_with_marker (const char *text)
{
  gunichar first = g_utf8_get_char (text);

  return g_unichar_isdigit (first) || (first >= 0x2460 && first <= 0x24FF) || first == '*'
         || first == 0x2020 /* † */ || first == 0x2021 /* ‡ */
         || (first >= 0x2070 && first <= 0x2079) /* superscript digits */
         || first == 0x00B9 || first == 0x00B2 || first == 0x00B3;
}

/* Whether @text opens with a label and a colon ("基金项目:", "收稿日期：", "注释：", "Received:"):
 * two to eight letters, as a journal's first page heads the notes on its article (funding, the
 * dates it was received, the corresponding author) and a report heads its notes. */
static gboolean
starts_with_label (const char *text)
{
  guint letters = 0;

  for (; g_unichar_isalpha (g_utf8_get_char (text)); text = g_utf8_next_char (text))
    letters++;
  while (*text == ' ')
    text++;
  return letters >= 2 && letters <= 8
         && (g_utf8_get_char (text) == ':' || g_utf8_get_char (text) == 0xFF1A /* ： */);
}

/* The text after the number that @line, taken for a running foot, opens with in note type
 * (below @limit): a number of at most three digits, a space and a letter; NULL when it opens
 * with none. Sets *@number to the number. */
static const char *
after_foot_number (const RectoLine *line, float limit, gint64 *number)
{
  const char *c = line->text;
  guint digits = 0;

  if (line->role != RECTO_LINE_FOOTER || !line->has_box || line->size <= 0 || line->size > limit)
    return NULL;
  for (; g_ascii_isdigit (*c); c++)
    digits++;
  if (digits < 1 || digits > 3 || *c != ' ' || !g_unichar_isalpha (g_utf8_get_char (c + 1)))
    return NULL;
  *number = g_ascii_strtoll (line->text, NULL, 10);
  return c + 1;
}

/* How the number before one running foot's text goes from page to page. */
typedef struct
{
  gint64 last; /* on the last page that prints it */
  guint pages;
  gboolean rising; /* larger on every page than on the page before */
} FootNumbers;

/* Maps the text of each running foot that opens with a number (see after_foot_number()) to how
 * that number goes over the pages of @doc. */
static GHashTable *
foot_numbers (RectoDocument *doc, float limit)
{
  GHashTable *feet = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  for (guint p = 0; p < recto_document_get_n_pages (doc); p++)
    {
      RectoPage *page = recto_document_get_page (doc, p);
      for (guint i = 0; i < page->lines->len; i++)
        {
          gint64 number;
          const char *text = after_foot_number (g_ptr_array_index (page->lines, i), limit, &number);
          FootNumbers *seen = text != NULL ? g_hash_table_lookup (feet, text) : NULL;
          if (text == NULL)
            continue;
          if (seen == NULL)
            {
              seen = g_new (FootNumbers, 1);
              *seen = (FootNumbers){ number, 0, TRUE };
              g_hash_table_insert (feet, (gpointer) text, seen);
            }
          else
            seen->rising = seen->rising && number > seen->last;
          seen->last = number;
          seen->pages++;
        }
    }
  return feet;
}

/* Whether @line, taken for a running foot because its text repeats from page to page, is a
 * note that repeats ("1 Figures for 2021 are provisional."): set in note type and opened by a
 * number of at most three digits and a space, the marker of each page's own count. Not where
 * that number rises from page to page (@feet, from foot_numbers()): a running foot that opens
 * with the page's number ("4 Row and Column Access Control Support in IBM DB2 for i"). */
static gboolean
is_repeated_note (const RectoLine *line, float limit, GHashTable *feet)
{
  gint64 number;
  const char *text = after_foot_number (line, limit, &number);
  const FootNumbers *seen = text != NULL ? g_hash_table_lookup (feet, text) : NULL;

  return text != NULL && !(seen != NULL && seen->pages >= 2 && seen->rising);
}

/* The longest heading of references, in characters ("参考文献(References)" is 16). */
#define MAX_HEADING_CHARS 24

/* The number of the reference list's item that @text opens ("[14] 王康…", "［3］"), or 0. */
static guint
reference_number (const char *text)
{
  const char *c = text;
  guint64 n;
  char *end;

  if (*c == '[')
    c++;
  else if (g_str_has_prefix (c, "［"))
    c += strlen ("［");
  else
    return 0;
  if (!g_ascii_isdigit (*c))
    return 0;
  n = g_ascii_strtoull (c, &end, 10);
  if (n == 0 || n > G_MAXUINT || (*end != ']' && !g_str_has_prefix (end, "］")))
    return 0;
  return (guint) n;
}

/* Whether @line heads a list of references ("参考文献", "参考文献(References)", "References"):
 * a short line (a sentence that opens with the word is none) that opens with such a word. */
static gboolean
heads_references (const RectoLine *line)
{
  static const char *const words[] = { "参考文献", "참고문헌", "references", "bibliography", NULL };
  const char *text = line->text;

  while (g_unichar_isspace (g_utf8_get_char (text)))
    text = g_utf8_next_char (text);
  if (g_utf8_strlen (text, -1) > MAX_HEADING_CHARS)
    return FALSE;
  for (guint i = 0; words[i] != NULL; i++)
    if (g_ascii_strncasecmp (text, words[i], strlen (words[i])) == 0)
      return TRUE;
  return FALSE;
}

/* Whether the foot zone of @page from line @top on (the line above it @top - 1) is a list of
 * references: under a heading of references, or its first item numbered @last_item + 1, the
 * next after the last item of the pages before. */
static gboolean
zone_is_references (const RectoPage *page, int top, guint last_item)
{
  const RectoLine *above = top > 0 ? g_ptr_array_index (page->lines, top - 1) : NULL;

  if (above != NULL && above->role == RECTO_LINE_BODY && heads_references (above))
    return TRUE;
  for (guint i = top; last_item > 0 && i < page->lines->len; i++)
    {
      const RectoLine *line = g_ptr_array_index (page->lines, i);
      guint n = line->role == RECTO_LINE_BODY ? reference_number (line->text) : 0;
      if (n > 0)
        return n == last_item + 1;
    }
  return FALSE;
}

/* The number of the last item of a list of references in @page's text, or @last_item if it
 * holds none. */
static guint
last_reference (const RectoPage *page, guint last_item)
{
  for (guint i = 0; i < page->lines->len; i++)
    {
      const RectoLine *line = g_ptr_array_index (page->lines, i);
      guint n = line->role == RECTO_LINE_BODY ? reference_number (line->text) : 0;
      if (n > 0)
        last_item = n;
    }
  return last_item;
}

/* Whether line @first of @page lies under the page's text: below every line of text (body or
 * table) before it, by half its size at most of overlap. A column of small type beside the
 * text (a report's sidebar of figures and links) is no notes, though it ends the page's lines. */
static gboolean
lies_under_text (const RectoPage *page, guint first)
{
  const RectoLine *note = g_ptr_array_index (page->lines, first);

  for (guint i = 0; i < first; i++)
    {
      const RectoLine *line = g_ptr_array_index (page->lines, i);
      if ((line->role == RECTO_LINE_BODY || line->role == RECTO_LINE_TABLE) && line->has_box
          && line->box.y2 > note->box.y1 + 0.5f * note->size)
        return FALSE;
    }
  return TRUE;
}

/* Sizes this share of the body's size apart are another type, not the same one misjudged. */
#define SAME_TYPE 0.15

/* How far the type sizes estimated from a scan's ink (lines without a font) stray from the
 * body's size @body: the mean distance from it of the document's body lines so estimated,
 * among those of about its size; 0 where no size is an estimate. */
static float
size_scatter (RectoDocument *doc, float body)
{
  double sum = 0;
  guint n = 0;

  for (guint p = 0; p < recto_document_get_n_pages (doc); p++)
    {
      const RectoPage *page = recto_document_get_page (doc, p);
      for (guint i = 0; i < page->lines->len; i++)
        {
          const RectoLine *line = g_ptr_array_index (page->lines, i);
          float distance = fabsf (line->size - body);
          if (line->role == RECTO_LINE_BODY && line->has_box && line->font == NULL
              && line->size > 0 && distance <= SAME_TYPE * body)
            sum += distance, n++;
        }
    }
  return n > 0 ? (float) (sum / n) : 0;
}

/* Whether @line is set in note type, no larger than @limit. A size estimated from a scan's ink
 * (@scatter, see size_scatter()) must be smaller by twice the estimate's scatter: OCR's boxes
 * give a body line whose characters it boxed short ("13条，均已转交有关部门办理。") a point
 * under its neighbours. */
static gboolean
in_note_type (const RectoLine *line, float limit, float scatter)
{
  if (!line->has_box || line->size <= 0)
    return FALSE;
  return line->size <= (line->font == NULL ? limit - 2 * scatter : limit);
}

static void
find_notes (RectoPage *page, float limit, float scatter, guint last_item, GHashTable *feet)
{
  int first_note = -1, first_label = -1;
  int i = (int) page->lines->len - 1;
  guint zone = 0, above = 0;

  for (; i >= 0; i--)
    {
      RectoLine *line = g_ptr_array_index (page->lines, i);
      if (is_repeated_note (line, limit, feet))
        line->role = RECTO_LINE_BODY;
      if (line->role != RECTO_LINE_BODY)
        continue;
      if (!in_note_type (line, limit, scatter))
        break;
      zone++;
      if (starts_with_marker (line->text))
        first_note = i;
      else if (starts_with_label (line->text))
        first_label = i;
    }
  /* A label heads notes where a marked note below it shows the zone to be the page's notes:
   * alone at a page's foot, "摘要：" or "说明：" heads text set small. */
  if (first_note >= 0 && first_label >= 0 && first_label < first_note)
    first_note = first_label;
  /* A list of references at the page's foot is no notes, whatever its lines open with. */
  if (zone > 0 && zone_is_references (page, i + 1, last_item))
    return;
  /* Otherwise a page set small throughout (an auditor's report, a table of figures, a list of
   * references) has its text, not its notes, in the zone: notes take less of a page than the
   * text they annotate, unless a label heads them (endnotes after a report's last lines). Notes
   * lie under the text, not beside it. */
  for (; i >= 0; i--)
    above += ((RectoLine *) g_ptr_array_index (page->lines, i))->role == RECTO_LINE_BODY;
  if ((zone > above && first_note != first_label)
      || (first_note >= 0 && !lies_under_text (page, first_note)))
    return;
  for (guint j = first_note < 0 ? page->lines->len : (guint) first_note; j < page->lines->len; j++)
    {
      RectoLine *line = g_ptr_array_index (page->lines, j);
      if (line->role == RECTO_LINE_BODY)
        line->role = RECTO_LINE_NOTE;
    }
}

static gboolean
footnotes_process (RectoStageContext *ctx, RectoDocument *doc, const void *config_data,
                   GError **error)
{
  const FootnotesConfig *config = config_data;
  float body = recto_document_get_body_size (doc), limit = body * config->size_ratio;
  float scatter = size_scatter (doc, body);
  guint last_item = 0;
  g_autoptr (GHashTable) feet = NULL;

  if (limit <= 0)
    return TRUE;
  feet = foot_numbers (doc, limit);
  for (guint p = 0; p < recto_document_get_n_pages (doc); p++)
    {
      RectoPage *page = recto_document_get_page (doc, p);
      find_notes (page, limit, scatter, last_item, feet);
      last_item = last_reference (page, last_item);
    }
  return TRUE;
}

static const RectoStageInfo footnotes_info = {
  .abi_version = RECTO_STAGE_ABI_VERSION,
  .name = "footnotes",
  .summary = "Finds the notes at the foot of each page: smaller type below the text, opened by "
             "a note marker",
  .version = RECTO_VERSION,
  .license = "LGPL-2.1-or-later",
  .kind = RECTO_STAGE_REPAIR,
  .options = footnotes_options,
  .config_size = sizeof (FootnotesConfig),
  .process = footnotes_process,
};

RECTO_STAGE_DEFINE (footnotes_info)
