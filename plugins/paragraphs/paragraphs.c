/* paragraphs: joins each page's body lines into paragraphs and opens every page with a <pb>,
 * followed by the page's furniture lines as <fw>. A paragraph starts where the vertical gap
 * grows, the line is indented, the previous line stopped short of the measure, or the type
 * size changes. Lines join with a space between Latin text and with nothing where either side
 * is CJK. Without geometry (plain-text sources) an empty line separates paragraphs.
 *
 * This is the simple, honest version: paragraphs crossing pages, headings and dehyphenation
 * come with the layout work. */
#include <math.h>

#include <recto/recto.h>

typedef struct
{
  double gap;
  double indent;
} ParagraphsConfig;

static const RectoOption paragraphs_options[] = {
  { .name = "gap",
    .type = RECTO_OPTION_DOUBLE,
    .default_value = "0.8",
    .blurb = "Vertical gap between lines, in line heights, from which a new paragraph starts",
    .offset = G_STRUCT_OFFSET (ParagraphsConfig, gap),
    .minimum = 0,
    .maximum = 100 },
  { .name = "indent",
    .type = RECTO_OPTION_DOUBLE,
    .default_value = "1",
    .blurb = "First-line indent, in line heights, from which a line starts a new paragraph",
    .offset = G_STRUCT_OFFSET (ParagraphsConfig, indent),
    .minimum = 0,
    .maximum = 100 },
  { NULL },
};

static float
line_height (const RectoLine *line)
{
  return MAX (line->box.y2 - line->box.y1, 1.0f);
}

/* The page's text measure: the left and right edges of its body lines. */
static void
measure (const RectoPage *page, float *left, float *right)
{
  *left = G_MAXFLOAT;
  *right = -G_MAXFLOAT;
  for (guint i = 0; i < page->lines->len; i++)
    {
      const RectoLine *line = g_ptr_array_index (page->lines, i);
      if (line->role != RECTO_LINE_BODY || !line->has_box)
        continue;
      *left = MIN (*left, line->box.x1);
      *right = MAX (*right, line->box.x2);
    }
}

static gboolean
starts_paragraph (const RectoLine *prev, const RectoLine *line, float left, float right,
                  const ParagraphsConfig *config)
{
  float h = line_height (prev);

  if (!line->has_box || !prev->has_box)
    return FALSE;
  if (line->box.y1 - prev->box.y2 > config->gap * h)
    return TRUE;
  if (line->box.x1 - left > config->indent * h)
    return TRUE;
  /* A line that stops well short of the measure ended its paragraph. */
  if (right - prev->box.x2 > 0.15f * (right - left))
    return TRUE;
  return prev->size > 0 && line->size > 0 && fabsf (prev->size - line->size) > 0.2f * prev->size;
}

static gboolean
is_cjk (gunichar c)
{
  return g_unichar_iswide (c) || g_unichar_iswide_cjk (c);
}

/* Text between two joined lines: nothing where either side is CJK, a space otherwise. */
static const char *
joiner (const char *before, const char *after)
{
  const char *last = g_utf8_find_prev_char (before, before + strlen (before));

  if (last == NULL || *after == '\0')
    return "";
  return is_cjk (g_utf8_get_char (last)) || is_cjk (g_utf8_get_char (after)) ? "" : " ";
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
    case RECTO_LINE_BODY:
      break;
    }
  return NULL;
}

static void
add_page_break (RectoDocument *doc, RectoBlock *body, const RectoPage *page)
{
  RectoBlock *pb = recto_block_append (doc, body, RECTO_BLOCK_PB);

  pb->page = (int) page->index;
  recto_block_set_n (pb, page->printed_number);
  for (guint i = 0; i < page->lines->len; i++)
    {
      const RectoLine *line = g_ptr_array_index (page->lines, i);
      RectoBlock *fw;
      if (line->role == RECTO_LINE_BODY)
        continue;
      fw = recto_block_append (doc, body, RECTO_BLOCK_FW);
      recto_block_set_type (doc, fw, furniture_type (line->role));
      recto_block_append_text (doc, fw, line->text, -1);
      recto_block_add_source (fw, page->index, line->has_box ? &line->box : NULL);
    }
}

static void
build_paragraphs (RectoDocument *doc, RectoBlock *body, const RectoPage *page,
                  const ParagraphsConfig *config)
{
  const RectoLine *prev = NULL;
  RectoBlock *p = NULL;
  g_autoptr (GString) text = g_string_new (NULL);
  float left, right;

  measure (page, &left, &right);
  for (guint i = 0; i < page->lines->len; i++)
    {
      const RectoLine *line = g_ptr_array_index (page->lines, i);

      if (line->role != RECTO_LINE_BODY)
        continue;
      if (*line->text == '\0')
        {
          /* A blank line (text sources) ends the paragraph. */
          p = NULL;
          continue;
        }
      if (p == NULL || starts_paragraph (prev, line, left, right, config))
        {
          if (p != NULL)
            recto_block_append_text (doc, p, text->str, text->len);
          p = recto_block_append (doc, body, RECTO_BLOCK_P);
          g_string_truncate (text, 0);
        }
      else
        g_string_append (text, joiner (text->str, line->text));
      g_string_append (text, line->text);
      recto_block_add_source (p, page->index, line->has_box ? &line->box : NULL);
      prev = line;
    }
  if (p != NULL)
    recto_block_append_text (doc, p, text->str, text->len);
}

static gboolean
paragraphs_process (RectoStageContext *ctx, RectoDocument *doc, const void *config, GError **error)
{
  RectoBlock *body = recto_document_get_body (doc);

  for (guint i = 0; i < recto_document_get_n_pages (doc); i++)
    {
      const RectoPage *page = recto_document_get_page (doc, i);
      add_page_break (doc, body, page);
      build_paragraphs (doc, body, page, config);
    }
  return TRUE;
}

static const RectoStageInfo paragraphs_info = {
  .abi_version = RECTO_STAGE_ABI_VERSION,
  .name = "paragraphs",
  .summary = "Joins lines into paragraphs by gap, indent, line fill and type size, and opens "
             "every page with a page break and its furniture",
  .version = RECTO_VERSION,
  .license = "LGPL-2.1-or-later",
  .kind = RECTO_STAGE_REPAIR,
  .options = paragraphs_options,
  .config_size = sizeof (ParagraphsConfig),
  .process = paragraphs_process,
};

RECTO_STAGE_DEFINE (paragraphs_info)
