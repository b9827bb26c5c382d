/* heading-types.c: see heading-types.h. */
#include "heading-types.h"

#include <string.h>

#include "heading-text.h"

/* Numbered blocks that must share a type for it to be the headings'. */
#define MIN_NUMBERED 2

struct _HeadingTypes
{
  GHashTable *count; /* "font/size" → the numbered blocks set in it (GUINT_TO_POINTER) */
};

static char *
type_key (const RectoBlock *block)
{
  return g_strdup_printf ("%s/%.2f", block->font, block->size);
}

/* Whether @block is numbered as a heading is, in a face not the body's (@body_font). */
static gboolean
numbered_in_own_face (const RectoBlock *block, float body, const char *body_font)
{
  g_autofree char *text = NULL;
  gsize length;

  if (block->kind != RECTO_BLOCK_P || block->font == NULL || block->font == body_font
      || block->size < body * 0.95f || heading_n_lines (block) > 2)
    return FALSE;
  text = g_strstrip (recto_block_get_text (block));
  return heading_numbered_words (text, &length) && !g_str_has_suffix (text, "。");
}

HeadingTypes *
heading_types_new (BodyWindow *window, float body, const char *body_font)
{
  HeadingTypes *types = g_new0 (HeadingTypes, 1);
  const RectoBlock *block;

  types->count = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (body <= 0 || body_font == NULL)
    return types;
  for (guint i = 0; (block = body_window_peek (window, i)) != NULL; i++)
    if (numbered_in_own_face (block, body, body_font))
      {
        char *key = type_key (block);
        guint n = GPOINTER_TO_UINT (g_hash_table_lookup (types->count, key));
        g_hash_table_insert (types->count, key, GUINT_TO_POINTER (n + 1));
      }
  return types;
}

void
heading_types_free (HeadingTypes *types)
{
  if (types == NULL)
    return;
  g_hash_table_unref (types->count);
  g_free (types);
}

/* Whether @text is a line of a table of contents (leader dots: "参考文献 ........ 54") or a
 * note in brackets ("(资料性附录)", what kind of annex the heading above is): set in a heading
 * type, and neither a heading. */
static gboolean
is_contents_or_note (const char *text)
{
  const char *last = g_utf8_find_prev_char (text, text + strlen (text));
  gunichar first = g_utf8_get_char (text);

  if (strstr (text, "....") != NULL || strstr (text, "……") != NULL || strstr (text, "····") != NULL)
    return TRUE;
  return last != NULL && (first == '(' || first == 0xFF08 /* （ */)
         && (*last == ')' || g_utf8_get_char (last) == 0xFF09 /* ） */);
}

gboolean
heading_types_holds (const HeadingTypes *types, const RectoBlock *block)
{
  g_autofree char *key = NULL;
  g_autofree char *text = NULL;

  if (block->font == NULL || heading_n_lines (block) > 2)
    return FALSE;
  text = g_strstrip (recto_block_get_text (block));
  if (is_contents_or_note (text))
    return FALSE;
  key = type_key (block);
  return GPOINTER_TO_UINT (g_hash_table_lookup (types->count, key)) >= MIN_NUMBERED;
}
