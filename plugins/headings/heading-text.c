/* heading-text.c: see heading-text.h. */
#include "heading-text.h"

#include <string.h>

/* The least characters or words of a script that tell a document's language. */
#define LANGUAGE_EVIDENCE 50

/* The lines a block was made of (1 for a text without them). */
guint
heading_n_lines (const RectoBlock *block)
{
  return block->sources != NULL ? block->sources->len : 1;
}

/* Whether @text has more letters than digits. */
gboolean
heading_mostly_words (const char *text)
{
  int balance = 0;

  for (const char *c = text; *c != '\0'; c = g_utf8_next_char (c))
    {
      gunichar u = g_utf8_get_char (c);
      balance += g_unichar_isalpha (u) ? 1 : g_unichar_isdigit (u) ? -1 : 0;
    }
  return balance > 0;
}

gboolean
heading_has_cjk (const char *text)
{
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (g_unichar_iswide (g_utf8_get_char (text)))
      return TRUE;
  return FALSE;
}

void
heading_count_script (RectoScriptCounts *counts, const RectoBlock *block)
{
  g_autofree char *text = recto_block_get_text (block);

  recto_language_count_text (counts, text);
}

gboolean
heading_script_is_cjk (RectoScriptCounts *counts)
{
  const char *language = recto_language_decide (counts, LANGUAGE_EVIDENCE);

  return language != NULL
         && (g_str_has_prefix (language, "zh") || g_str_equal (language, "ja")
             || g_str_equal (language, "ko"));
}

gboolean
heading_numbered_words (const char *text, gsize *length)
{
  RectoNumbering numbering = recto_numbering_match (text, length);

  return numbering != RECTO_NUMBERING_NONE && numbering != RECTO_NUMBERING_LETTER
         && numbering != RECTO_NUMBERING_BULLET && heading_mostly_words (text + *length);
}

/* Whether @text opens with a caption's label ("Figure 2", "表 1", "表 B.1"): the caption
 * stage's. */
gboolean
heading_is_caption (const char *text)
{
  static const char *const words[] = { "图", "圖", "表", "Figure", "Fig.", "Table", "Chart", NULL };

  for (guint i = 0; words[i] != NULL; i++)
    if (g_str_has_prefix (text, words[i]))
      {
        const char *c = text + strlen (words[i]);
        while (*c == ' ')
          c++;
        /* "表 1", or an annex's "表 B.1" */
        if (g_ascii_isdigit (*c)
            || (g_ascii_isupper (c[0]) && c[1] == '.' && g_ascii_isdigit (c[2])))
          return TRUE;
      }
  return FALSE;
}

/* Whether @c (a character) closes a sentence or a clause. */
gboolean
heading_is_stop (gunichar c)
{
  return c == '.' || c == ':' || c == ';' || c == 0x3002 /* 。 */ || c == 0xFF1A /* ： */
         || c == 0xFF1B /* ； */ || c == 0xFF0E /* ． */;
}

/* @block's text without white space. */
char *
heading_without_spaces (const RectoBlock *block)
{
  g_autofree char *text = recto_block_get_text (block);
  GString *out = g_string_new (NULL);

  for (const char *c = text; *c != '\0'; c = g_utf8_next_char (c))
    if (!g_unichar_isspace (g_utf8_get_char (c)))
      g_string_append_unichar (out, g_utf8_get_char (c));
  return g_string_free (out, FALSE);
}

/* Whether @block's text ends in a stop or a closing bracket or quote. */
gboolean
heading_ends_in_stop (const RectoBlock *block)
{
  g_autofree char *text = g_strstrip (recto_block_get_text (block));
  const char *last = g_utf8_find_prev_char (text, text + strlen (text));
  gunichar c = last != NULL ? g_utf8_get_char (last) : 0;
  GUnicodeType type = g_unichar_type (c);

  return heading_is_stop (c) || type == G_UNICODE_CLOSE_PUNCTUATION
         || type == G_UNICODE_FINAL_PUNCTUATION;
}

/* Whether @c is a check box or a tick, as a form marks its choices with. */
static gboolean
is_choice_mark (gunichar c)
{
  return c == 0x25A1 /* □ */ || (c >= 0x2610 && c <= 0x2612) /* ☐ ☑ ☒ */
         || c == 0x221A /* √ */ || c == 0x2713 /* ✓ */ || c == 0x2714 /* ✔ */;
}

gboolean
heading_is_form_line (const char *text)
{
  guint marks = 0;

  for (const char *c = text; *c != '\0'; c = g_utf8_next_char (c))
    marks += is_choice_mark (g_utf8_get_char (c));
  return marks >= 2;
}

gboolean
heading_is_bracket_label (const char *text)
{
  g_autofree char *label = g_strstrip (g_strdup (text));
  const char *close = strstr (label, "】");

  return g_str_has_prefix (label, "【") && close != NULL && close[strlen ("】")] == '\0'
         && g_utf8_strlen (label, -1) > 2;
}
