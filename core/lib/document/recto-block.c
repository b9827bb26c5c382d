/* recto-block.c: the logical layer, a tree of blocks owned by the document, and the record of
 * repairs that stages make to it. */
#include <stdarg.h>
#include <string.h>

#include "recto-document-private.h"

static void
repair_free (RectoRepair *repair)
{
  g_free (repair->detail);
  g_free (repair);
}

void
recto_block_free (RectoBlock *block)
{
  /* Children are owned by the document's block list, not by their parent. */
  if (block->children != NULL)
    g_ptr_array_unref (block->children);
  if (block->sources != NULL)
    g_array_unref (block->sources);
  if (block->repairs != NULL)
    g_ptr_array_unref (block->repairs);
  g_free (block->text);
  g_free (block->n);
  g_free (block);
}

RectoBlock *
recto_document_get_body (RectoDocument *doc)
{
  return doc->body;
}

/* A block with where it last stood among its siblings: stages walk a body of many thousand
 * blocks replacing and splitting them, and finding each by a scan from the start would make
 * that quadratic. The block comes first, so a RectoBlock* is freed as it is. */
typedef struct
{
  RectoBlock block;
  guint index_hint;
} HintedBlock;

static void
set_index_hint (const RectoBlock *block, guint index)
{
  ((HintedBlock *) block)->index_hint = index;
}

RectoBlock *
recto_block_new (RectoDocument *doc, RectoBlockKind kind)
{
  HintedBlock *hinted = g_new0 (HintedBlock, 1);
  RectoBlock *block = &hinted->block;

  block->kind = kind;
  block->page = -1;
  block->stage = doc->running != NULL ? recto_document_intern (doc, doc->running->name) : NULL;
  g_ptr_array_add (doc->blocks, block);
  return block;
}

void
recto_block_insert (RectoBlock *parent, RectoBlock *child, int index)
{
  g_return_if_fail (parent != NULL && child != NULL && parent != child);
  g_return_if_fail (parent->kind != RECTO_BLOCK_TEXT);

  recto_block_unlink (child);
  if (parent->children == NULL)
    parent->children = g_ptr_array_new ();
  if (index < 0 || (guint) index >= parent->children->len)
    {
      set_index_hint (child, parent->children->len);
      g_ptr_array_add (parent->children, child);
    }
  else
    {
      set_index_hint (child, (guint) index);
      g_ptr_array_insert (parent->children, index, child);
    }
  child->parent = parent;
}

RectoBlock *
recto_block_append (RectoDocument *doc, RectoBlock *parent, RectoBlockKind kind)
{
  RectoBlock *block = recto_block_new (doc, kind);

  recto_block_insert (parent, block, -1);
  return block;
}

int
recto_block_get_index (const RectoBlock *block)
{
  const GPtrArray *siblings = block->parent != NULL ? block->parent->children : NULL;
  guint hint = ((const HintedBlock *) block)->index_hint;

  if (siblings == NULL)
    return -1;
  /* Searched outwards from where it was last seen: blocks inserted or removed before it since
   * moved it only a little. A plain loop: g_ptr_array_find() calls a comparison function for
   * every sibling. */
  for (guint d = 0; d <= MAX (hint, siblings->len); d++)
    {
      if (hint + d < siblings->len && g_ptr_array_index (siblings, hint + d) == block)
        {
          set_index_hint (block, hint + d);
          return (int) (hint + d);
        }
      if (d > 0 && d <= hint && hint - d < siblings->len
          && g_ptr_array_index (siblings, hint - d) == block)
        {
          set_index_hint (block, hint - d);
          return (int) (hint - d);
        }
    }
  return -1;
}

RectoBlock *
recto_block_replace (RectoDocument *doc, RectoBlock *block, RectoBlockKind kind)
{
  RectoBlock *replacement = recto_block_new (doc, kind);
  int index = recto_block_get_index (block);

  /* The replacement takes the block's place among its siblings, and its children. */
  if (index >= 0)
    {
      g_ptr_array_index (block->parent->children, index) = replacement;
      set_index_hint (replacement, (guint) index);
      replacement->parent = g_steal_pointer (&block->parent);
    }
  replacement->children = g_steal_pointer (&block->children);
  for (guint i = 0; i < recto_block_get_n_children (replacement); i++)
    recto_block_get_child (replacement, i)->parent = replacement;
  /* Sources, typography and repairs move over; the old block is left detached and empty. */
  replacement->sources = g_steal_pointer (&block->sources);
  replacement->font = block->font;
  replacement->size = block->size;
  replacement->flags = block->flags;
  replacement->all_bold = block->all_bold;
  replacement->repairs = g_steal_pointer (&block->repairs);
  return replacement;
}

RectoBlock *
recto_block_split_off (RectoDocument *doc, RectoBlock *block, gsize length, RectoBlockKind kind)
{
  RectoBlock *text =
      recto_block_get_n_children (block) > 0 ? recto_block_get_child (block, 0) : NULL;
  RectoBlock *front;

  g_return_val_if_fail (text != NULL && text->kind == RECTO_BLOCK_TEXT, NULL);
  g_return_val_if_fail (length > 0 && length < strlen (text->text), NULL);
  front = recto_block_new (doc, kind);
  if (block->parent != NULL)
    recto_block_insert (block->parent, front, recto_block_get_index (block));
  recto_block_append_text (doc, front, text->text, length);
  memmove (text->text, text->text + length, strlen (text->text + length) + 1);
  doc->growing.block = NULL; /* its text is shorter now */
  if (block->sources != NULL && block->sources->len > 0)
    {
      const RectoSourceRef *first = &g_array_index (block->sources, RectoSourceRef, 0);
      recto_block_add_source (front, first->page, first->has_box ? &first->box : NULL);
      g_array_index (front->sources, RectoSourceRef, 0).line = first->line;
    }
  front->font = block->font;
  front->size = block->size;
  front->flags = block->flags;
  front->all_bold = block->all_bold;
  return front;
}

void
recto_block_unlink (RectoBlock *block)
{
  int index = recto_block_get_index (block);

  if (index >= 0)
    g_ptr_array_remove_index (block->parent->children, (guint) index);
  block->parent = NULL;
}

/* Whether @doc's record of the block last grown still describes @block's text: the same
 * allocation, still ending where it did (a stage that took a character off the end in place,
 * as paragraphs does with a hyphen, ends it earlier). */
static gboolean
growing_holds (const RectoDocument *doc, const RectoBlock *block)
{
  gsize n = doc->growing.length;

  return doc->growing.block == block && doc->growing.text == block->text && block->text[n] == '\0'
         && (n == 0 || block->text[n - 1] != '\0');
}

gsize
recto_block_get_text_length (RectoDocument *doc, const RectoBlock *block)
{
  if (block->text == NULL)
    return 0;
  return growing_holds (doc, block) ? doc->growing.length : strlen (block->text);
}

/* Appends @length bytes of @text to the text of the TEXT block @last, in an allocation that
 * doubles, so that a paragraph taking its text a line at a time costs linear time. @text may
 * lie inside that text, which the realloc may move. */
static void
extend_text (RectoDocument *doc, RectoBlock *last, const char *text, gsize length)
{
  gsize old_length = recto_block_get_text_length (doc, last);
  gsize capacity = growing_holds (doc, last) ? doc->growing.capacity : old_length + 1;
  gboolean inside = (guintptr) text >= (guintptr) last->text
                    && (guintptr) text <= (guintptr) last->text + old_length;
  gsize offset = inside ? (gsize) (text - last->text) : 0;

  if (old_length + length + 1 > capacity)
    {
      capacity = MAX (old_length + length + 1, 2 * capacity);
      last->text = g_realloc (last->text, capacity);
    }
  memmove (last->text + old_length, inside ? last->text + offset : text, length);
  last->text[old_length + length] = '\0';
  doc->growing.block = last;
  doc->growing.text = last->text;
  doc->growing.length = old_length + length;
  doc->growing.capacity = capacity;
}

void
recto_block_append_text (RectoDocument *doc, RectoBlock *block, const char *text, gssize length)
{
  guint n = recto_block_get_n_children (block);
  RectoBlock *last = n > 0 ? recto_block_get_child (block, n - 1) : NULL;

  if (length < 0)
    length = (gssize) strlen (text);
  if (length == 0)
    return;
  if (last == NULL || last->kind != RECTO_BLOCK_TEXT)
    {
      last = recto_block_append (doc, block, RECTO_BLOCK_TEXT);
      last->text = g_strndup (text, length);
      return;
    }
  extend_text (doc, last, text, length);
}

RectoBlock *
recto_block_regularize (RectoDocument *doc, RectoBlock *text, gsize offset, gsize length,
                        const char *regularised)
{
  gsize text_length = text->text != NULL ? strlen (text->text) : 0;
  RectoBlock *reg;
  int index;

  g_return_val_if_fail (text->kind == RECTO_BLOCK_TEXT && text->parent != NULL, NULL);
  g_return_val_if_fail (length > 0 && offset + length <= text_length, NULL);
  g_return_val_if_fail (regularised != NULL, NULL);

  index = recto_block_get_index (text);
  reg = recto_block_new (doc, RECTO_BLOCK_REG);
  reg->text = g_strdup (regularised);
  recto_block_insert (text->parent, reg, index + 1);
  recto_block_append (doc, reg, RECTO_BLOCK_TEXT)->text = g_strndup (text->text + offset, length);
  if (offset + length < text_length)
    {
      RectoBlock *rest = recto_block_new (doc, RECTO_BLOCK_TEXT);
      rest->text = g_strdup (text->text + offset + length);
      recto_block_insert (text->parent, rest, index + 2);
    }
  text->text[offset] = '\0';
  doc->growing.block = NULL; /* its text is shorter now */
  if (offset == 0)
    recto_block_unlink (text); /* no empty TEXT blocks: the sink and the dump skip nothing */
  return reg;
}

void
recto_block_set_type (RectoDocument *doc, RectoBlock *block, const char *type)
{
  block->type = recto_document_intern (doc, type);
}

void
recto_block_set_n (RectoBlock *block, const char *n)
{
  g_free (block->n);
  block->n = g_strdup (n);
}

void
recto_block_add_source (RectoBlock *block, guint page, const RectoBox *box)
{
  RectoSourceRef ref = { .page = page };

  if (box != NULL)
    {
      ref.box = *box;
      ref.has_box = TRUE;
    }
  if (block->sources == NULL)
    block->sources = g_array_new (FALSE, FALSE, sizeof (RectoSourceRef));
  g_array_append_val (block->sources, ref);
}

void
recto_block_add_line (RectoBlock *block, const RectoPage *page, const RectoLine *line)
{
  gboolean first = block->sources == NULL || block->sources->len == 0;
  gboolean bold = (line->flags & RECTO_FONT_BOLD) != 0;

  recto_block_add_source (block, page->index, line->has_box ? &line->box : NULL);
  g_array_index (block->sources, RectoSourceRef, block->sources->len - 1).line = line;
  if (first)
    {
      block->font = line->font;
      block->size = line->size;
      block->flags = line->flags;
      block->all_bold = bold;
    }
  else
    block->all_bold = block->all_bold && bold;
}

guint
recto_block_get_n_children (const RectoBlock *block)
{
  return block->children != NULL ? block->children->len : 0;
}

RectoBlock *
recto_block_get_child (const RectoBlock *block, guint i)
{
  g_return_val_if_fail (i < recto_block_get_n_children (block), NULL);
  return g_ptr_array_index (block->children, i);
}

static void
collect_text (const RectoBlock *block, GString *out)
{
  switch (block->kind)
    {
    case RECTO_BLOCK_TEXT:
      g_string_append (out, block->text);
      return;
    case RECTO_BLOCK_FW:
    case RECTO_BLOCK_PB:
    case RECTO_BLOCK_NOTE:
    case RECTO_BLOCK_GAP:
      return;
    default:
      for (guint i = 0; i < recto_block_get_n_children (block); i++)
        collect_text (recto_block_get_child (block, i), out);
    }
}

char *
recto_block_get_text (const RectoBlock *block)
{
  GString *out = g_string_new (NULL);

  collect_text (block, out);
  return g_string_free (out, FALSE);
}

static gboolean
stage_declares_repair (const RectoStageInfo *info, const char *kind)
{
  for (const RectoRepairKind *r = info->repairs; r != NULL && r->id != NULL; r++)
    if (g_str_equal (r->id, kind))
      return TRUE;
  return FALSE;
}

void
recto_block_mark_repair (RectoDocument *doc, RectoBlock *block, const char *kind,
                         const char *detail_format, ...)
{
  g_autofree char *detail = NULL;

  g_return_if_fail (doc->running != NULL);
  g_return_if_fail (stage_declares_repair (doc->running, kind));

  if (detail_format != NULL)
    {
      va_list args;
      va_start (args, detail_format);
      detail = g_strdup_vprintf (detail_format, args);
      va_end (args);
    }
  recto_block_add_repair_record (doc, block, doc->running->name, kind, detail);
}

void
recto_block_add_repair_record (RectoDocument *doc, RectoBlock *block, const char *stage,
                               const char *kind, const char *detail)
{
  RectoRepair *repair = g_new0 (RectoRepair, 1);

  repair->stage = recto_document_intern (doc, stage);
  repair->kind = recto_document_intern (doc, kind);
  repair->detail = g_strdup (detail);
  if (block->repairs == NULL)
    block->repairs = g_ptr_array_new_with_free_func ((GDestroyNotify) repair_free);
  g_ptr_array_add (block->repairs, repair);
}

guint
recto_document_count_repairs (const RectoDocument *doc, const char *stage, const char *kind)
{
  guint count = 0;

  for (guint i = 0; i < doc->blocks->len; i++)
    {
      const RectoBlock *block = g_ptr_array_index (doc->blocks, i);
      for (guint j = 0; block->repairs != NULL && j < block->repairs->len; j++)
        {
          const RectoRepair *repair = g_ptr_array_index (block->repairs, j);
          if ((stage == NULL || g_str_equal (stage, repair->stage))
              && (kind == NULL || g_str_equal (kind, repair->kind)))
            count++;
        }
    }
  /* Glyphs whose text a stage recovered (recto-recovery.h) are repairs too, of no block kind:
   * each one it asserted a character for. */
  for (guint p = 0; kind == NULL && p < doc->pages->len; p++)
    {
      const RectoPage *page = g_ptr_array_index (doc->pages, p);
      for (guint i = 0; page->recovered != NULL && i < page->recovered->len; i++)
        {
          const RectoRecoveredGlyph *record = &g_array_index (page->recovered, RectoRecoveredGlyph, i);
          if (record->certainty > 0
              && (stage == NULL || (record->stage != NULL && g_str_equal (stage, record->stage))))
            count++;
        }
    }
  return count;
}
