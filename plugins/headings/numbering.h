/* numbering.h: the numbering schemes of headings and list items ("一、", "（一）", "1.",
 * "（1）", "①", "第一章", "第一节", "第一条", "Chapter 1", "1.2.3"), in the order in which they
 * usually nest, outermost first. */
#pragma once

#include <glib.h>

typedef enum
{
  NUMBERING_NONE,
  NUMBERING_PART, /* 第一编, Part I */
  NUMBERING_CHAPTER, /* 第一章, Chapter 1 */
  NUMBERING_SECTION, /* 第一节 */
  NUMBERING_DECIMAL_1, /* "1 Introduction", "1. Introduction" */
  NUMBERING_CJK_ENUM, /* 一、 */
  NUMBERING_DECIMAL_2, /* 1.2 */
  NUMBERING_CJK_PAREN, /* （一） */
  NUMBERING_DECIMAL_3, /* 1.2.3 */
  NUMBERING_ARABIC, /* 1. 1、 (before CJK text) */
  NUMBERING_DECIMAL_4, /* 1.2.3.4 */
  NUMBERING_ARABIC_PAREN, /* （1） (1) */
  NUMBERING_CIRCLED, /* ① */
  NUMBERING_ARTICLE, /* 第一条 */
  N_NUMBERINGS
} Numbering;

/* The scheme that @text's number belongs to, and in @label_length the number's length in bytes
 * (its trailing space included), or NUMBERING_NONE. */
Numbering numbering_match (const char *text, gsize *label_length);
