/* recto-numbering.c: see recto-numbering.h. */
#include "recto-numbering.h"

#include <string.h>

static const char cjk_digits[] = "一二三四五六七八九十百零〇两";
static const char *const bullets[] = { "•", "●", "■", "◆", "▪", "–", "·", NULL };

/* The length of the run of CJK numerals at @text. */
static gsize
cjk_number_length (const char *text)
{
  const char *c = text;

  while (*c != '\0')
    {
      gunichar u = g_utf8_get_char (c);
      char buffer[8] = { 0 };
      g_unichar_to_utf8 (u, buffer);
      if (u < 0x80 || strstr (cjk_digits, buffer) == NULL)
        break;
      c = g_utf8_next_char (c);
    }
  return c - text;
}

static gsize
digits_length (const char *text)
{
  gsize n = 0;
  while (g_ascii_isdigit (text[n]))
    n++;
  return n;
}

/* 第X章 and its kin: the scheme named by the character after the numeral. */
static RectoNumbering
match_ordinal (const char *text, gsize *length)
{
  static const struct
  {
    const char *marker;
    RectoNumbering numbering;
  } markers[] = { { "编", RECTO_NUMBERING_PART },    { "編", RECTO_NUMBERING_PART },
                  { "部分", RECTO_NUMBERING_PART },  { "篇", RECTO_NUMBERING_PART },
                  { "章", RECTO_NUMBERING_CHAPTER },
                  { "节", RECTO_NUMBERING_SECTION }, { "節", RECTO_NUMBERING_SECTION },
                  { "条", RECTO_NUMBERING_ARTICLE }, { "條", RECTO_NUMBERING_ARTICLE } };
  const char *number = text + strlen ("第");
  const char *marker;
  gsize n;

  /* Letter-spaced: "第 1 节", "第 一 章". */
  while (*number == ' ')
    number++;
  n = cjk_number_length (number);
  if (n == 0)
    n = digits_length (number);
  if (n == 0)
    return RECTO_NUMBERING_NONE;
  for (marker = number + n; *marker == ' ';)
    marker++;
  for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
    if (g_str_has_prefix (marker, markers[i].marker))
      {
        *length = marker + strlen (markers[i].marker) - text;
        return markers[i].numbering;
      }
  return RECTO_NUMBERING_NONE;
}

/* "（一）", "(一)", "（1）", "(1)". */
static RectoNumbering
match_parenthesised (const char *text, gsize *length)
{
  gsize open = g_str_has_prefix (text, "（") ? strlen ("（") : 1;
  const char *number = text + open;
  gsize n = cjk_number_length (number);
  RectoNumbering numbering = RECTO_NUMBERING_CJK_PAREN;
  const char *close;

  if (n == 0)
    {
      n = digits_length (number);
      numbering = RECTO_NUMBERING_ARABIC_PAREN;
    }
  close = number + n;
  if (n == 0 || !(g_str_has_prefix (close, "）") || *close == ')'))
    return RECTO_NUMBERING_NONE;
  *length = close + (*close == ')' ? 1 : strlen ("）")) - text;
  return numbering;
}

/* "1 Introduction", "1. Introduction", "1.2 Scope", "1.2.3 Method", "1.2 研究背景"; and "1.加强",
 * "1. 加强", "1、加强", "1．加强", the CJK list number. */
static RectoNumbering
match_decimal (const char *text, gsize *length)
{
  static const RectoNumbering by_depth[] = { RECTO_NUMBERING_DECIMAL_1, RECTO_NUMBERING_DECIMAL_2,
                                             RECTO_NUMBERING_DECIMAL_3, RECTO_NUMBERING_DECIMAL_4 };
  const char *c = text;
  guint depth = 0;

  while (digits_length (c) > 0)
    {
      c += digits_length (c);
      depth++;
      if (*c != '.' || !g_ascii_isdigit (c[1]))
        break;
      c++;
    }
  if (depth == 1 && (g_str_has_prefix (c, "、") || g_str_has_prefix (c, "．")))
    {
      *length = c + strlen ("、") - text;
      return RECTO_NUMBERING_ARABIC;
    }
  if (depth == 1 && *c == '.')
    {
      const char *after = c[1] == ' ' ? c + 2 : c + 1;
      if ((guchar) *after >= 0x80)
        {
          *length = after - text;
          return RECTO_NUMBERING_ARABIC;
        }
      c++;
    }
  /* "1.1. Scope": a full stop may close a number of several parts too. */
  if (depth > 1 && c[0] == '.' && c[1] == ' ')
    c++;
  /* A space (or an ideographic one), then a capital or a CJK character starts the title. */
  if (*c == ' ')
    c++;
  else if (g_str_has_prefix (c, "\u3000"))
    c += strlen ("\u3000");
  else
    return RECTO_NUMBERING_NONE;
  /* Before CJK text, a year ("2022 年") is no section number: those have at most two digits. */
  if (depth > G_N_ELEMENTS (by_depth)
      || !(g_ascii_isupper (*c)
           || (g_unichar_iswide (g_utf8_get_char (c)) && digits_length (text) <= 2)))
    return RECTO_NUMBERING_NONE;
  *length = c - text;
  return by_depth[depth - 1];
}

/* "１ 総括", "１．概要": full-width digits (a Japanese text sets its numbers so) number as
 * ASCII ones do. They are read as ASCII ones, each three bytes in UTF-8 where an ASCII digit is
 * one, so the label's length grows by two bytes a digit. */
static RectoNumbering
match_fullwidth_decimal (const char *text, gsize *length)
{
  g_autoptr (GString) ascii = g_string_new (NULL);
  const char *c = text;
  RectoNumbering numbering;

  for (gunichar u; (u = g_utf8_get_char (c)) >= 0xFF10 && u <= 0xFF19; c = g_utf8_next_char (c))
    g_string_append_c (ascii, (char) ('0' + (u - 0xFF10)));
  g_string_append (ascii, c);
  numbering = match_decimal (ascii->str, length);
  if (numbering != RECTO_NUMBERING_NONE)
    *length += 2 * g_utf8_strlen (text, c - text);
  return numbering;
}

/* "A.1 范围", "C.1.2 Scope": a clause of an annex (GB/T 1.1, ISO), numbered as the body's are
 * with the annex's letter for the number's first part: one scheme deeper than the same number
 * without it ("C.1" is a clause as "3.1" is). */
static RectoNumbering
match_annex (const char *text, gsize *length)
{
  RectoNumbering numbering;

  if (!g_ascii_isupper (text[0]) || text[1] != '.' || !g_ascii_isdigit (text[2]))
    return RECTO_NUMBERING_NONE;
  numbering = match_decimal (text + 2, length);
  *length += 2;
  switch (numbering)
    {
    case RECTO_NUMBERING_DECIMAL_1:
      return RECTO_NUMBERING_DECIMAL_2;
    case RECTO_NUMBERING_DECIMAL_2:
      return RECTO_NUMBERING_DECIMAL_3;
    case RECTO_NUMBERING_DECIMAL_3:
      return RECTO_NUMBERING_DECIMAL_4;
    default:
      *length = 0;
      return RECTO_NUMBERING_NONE;
    }
}

/* "(a) ", "a) ": a lower-case letter, its parenthesis, a space. */
static gboolean
match_letter (const char *text, gsize *length)
{
  gsize open = *text == '(' ? 1 : 0;

  if (!g_ascii_islower (text[open]) || text[open + 1] != ')' || text[open + 2] != ' ')
    return FALSE;
  *length = open + 3;
  return TRUE;
}

RectoNumbering
recto_numbering_match (const char *text, gsize *label_length)
{
  gunichar first = g_utf8_get_char (text);
  gsize n;

  *label_length = 0;
  if (g_str_has_prefix (text, "第"))
    return match_ordinal (text, label_length);
  if (g_str_has_prefix (text, "（") || *text == '(')
    {
      RectoNumbering numbering = match_parenthesised (text, label_length);
      if (numbering != RECTO_NUMBERING_NONE)
        return numbering;
    }
  if (match_letter (text, label_length))
    return RECTO_NUMBERING_LETTER;
  for (guint i = 0; bullets[i] != NULL; i++)
    if (g_str_has_prefix (text, bullets[i]) && text[strlen (bullets[i])] == ' ')
      {
        *label_length = strlen (bullets[i]) + 1;
        return RECTO_NUMBERING_BULLET;
      }
  if (first >= 0x2460 && first <= 0x2473) /* ① to ⑳ */
    {
      *label_length = g_utf8_next_char (text) - text;
      return RECTO_NUMBERING_CIRCLED;
    }
  if (g_ascii_isdigit (*text))
    return match_decimal (text, label_length);
  if (first >= 0xFF10 && first <= 0xFF19) /* ０ to ９ */
    return match_fullwidth_decimal (text, label_length);
  if (g_ascii_isupper (*text) && text[1] == '.')
    return match_annex (text, label_length);
  if (g_ascii_strncasecmp (text, "chapter ", 8) == 0 && digits_length (text + 8) > 0)
    {
      *label_length = 8 + digits_length (text + 8);
      return RECTO_NUMBERING_CHAPTER;
    }
  n = cjk_number_length (text);
  if (n > 0 && g_str_has_prefix (text + n, "、"))
    {
      *label_length = n + strlen ("、");
      return RECTO_NUMBERING_CJK_ENUM;
    }
  return RECTO_NUMBERING_NONE;
}

static const char *const caption_words[] = { "图", "表", "Figure", "Fig.", "Table", "Chart", NULL };

gboolean
recto_caption_label_match (const char *text, gboolean *punctuated)
{
  for (guint i = 0; caption_words[i] != NULL; i++)
    {
      const char *c = text;
      if (!g_str_has_prefix (c, caption_words[i]))
        continue;
      c += strlen (caption_words[i]);
      while (*c == ' ')
        c++;
      if (!g_ascii_isdigit (*c))
        continue;
      while (g_ascii_isdigit (*c) || *c == '.' || *c == '-')
        c++;
      if (c[-1] == '.')
        c--;
      /* "图 3、图 4：" captions two figures at once. */
      *punctuated = *c == ':' || *c == '.' || g_str_has_prefix (c, "：")
                    || g_str_has_prefix (c, "．") || g_str_has_prefix (c, "、");
      return *punctuated || *c == ' ';
    }
  return FALSE;
}
