/* recto-numbering.h: the numbering schemes of headings and list items ("一、", "（一）", "1.",
 * "（1）", "①", "第一章", "第一节", "第一条", "Chapter 1", "1.2.3"), in the order in which they
 * usually nest, outermost first (letters and bullets, which mark list items, last). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  RECTO_NUMBERING_NONE,
  RECTO_NUMBERING_PART, /* 第一编, 第一部分, 第一篇, Part I */
  RECTO_NUMBERING_CHAPTER, /* 第一章, Chapter 1 */
  RECTO_NUMBERING_SECTION, /* 第一节 */
  RECTO_NUMBERING_DECIMAL_1, /* "1 Introduction", "1. Introduction", "１ 総括" */
  RECTO_NUMBERING_CJK_ENUM, /* 一、 */
  RECTO_NUMBERING_DECIMAL_2, /* 1.2 */
  RECTO_NUMBERING_CJK_PAREN, /* （一） */
  RECTO_NUMBERING_DECIMAL_3, /* 1.2.3 */
  RECTO_NUMBERING_ARABIC, /* 1. 1、 (before CJK text) */
  RECTO_NUMBERING_DECIMAL_4, /* 1.2.3.4 */
  RECTO_NUMBERING_ARABIC_PAREN, /* （1） (1) */
  RECTO_NUMBERING_CIRCLED, /* ① */
  RECTO_NUMBERING_ARTICLE, /* 第一条 */
  RECTO_NUMBERING_LETTER, /* (a) a) */
  RECTO_NUMBERING_BULLET, /* • ● ■ ◆ ▪ – */
  RECTO_N_NUMBERINGS
} RectoNumbering;

/* The scheme that @text's number belongs to, and in @label_length the number's length in bytes
 * (its trailing space included), or RECTO_NUMBERING_NONE. */
RectoNumbering recto_numbering_match (const char *text, gsize *label_length);

/* If @text is nothing but a page number in one of the usual forms ("- 12 -", "—12—", "12",
 * "Page 12", "第 12 页", "[3]", "xii"), returns the number as printed ("12", "xii"); otherwise
 * NULL (a number whose value is 0 too). Free with g_free(). */
char *recto_page_number_parse (const char *text);

/* @text with every run of digits (and a lone page number, roman ones too) replaced by '#' and
 * white space removed: the shape that running heads and feet repeat from page to page. Free
 * with g_free(). */
char *recto_page_number_shape (const char *text);

/* Whether @text's page number is decorated ("- 12 -", "Page 12", "第 12 页"), not a bare
 * number that could as well be any number on a line of its own. */
gboolean recto_page_number_is_decorated (const char *text);

/* Whether @text opens with a caption's label: a word ("图", "表", "Figure", "Fig.", "Table",
 * "Chart"), a number, then a separator or a space; @punctuated says whether a separator (":",
 * ".", "：", "．", "、") follows the number. */
gboolean recto_caption_label_match (const char *text, gboolean *punctuated);

G_END_DECLS
