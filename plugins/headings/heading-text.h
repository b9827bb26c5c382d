/* heading-text.h: what the heading stage's rules read of a block's text and lines. */
#pragma once

#include <recto/recto.h>

/* How many lines @block was made of (1 for a block of a text without lines). */
guint heading_n_lines (const RectoBlock *block);
/* Whether @text has more letters than digits: a heading's words outnumber its figures. */
gboolean heading_mostly_words (const char *text);
/* Whether @text holds a CJK (wide) character. */
gboolean heading_has_cjk (const char *text);
/* Counts the scripts of @block's text into @counts. */
void heading_count_script (RectoScriptCounts *counts, const RectoBlock *block);
/* Whether @counts show text in Chinese, Japanese or Korean (NULL while they show too little). */
gboolean heading_script_is_cjk (RectoScriptCounts *counts);
/* Whether @text opens with a number of a heading's scheme (not a letter's nor a bullet) and goes
 * on with mostly words; @length gets the number's length. */
gboolean heading_numbered_words (const char *text, gsize *length);
/* Whether @text opens with a caption's label ("Figure 2", "表 1", "圖 2"): the caption stage's. */
gboolean heading_is_caption (const char *text);
/* Whether @c closes a sentence or a clause (. : ; 。 ： ； ．). */
gboolean heading_is_stop (gunichar c);
/* @block's text without white space. Free with g_free(). */
char *heading_without_spaces (const RectoBlock *block);
/* Whether @block's text ends in a stop or a closing bracket or quote. */
gboolean heading_ends_in_stop (const RectoBlock *block);
/* Whether @text is a line of a form's choices, two or more check boxes or ticks ("□适用
 * √不适用", "☐ Yes ☒ No"): a filled-in form set in bold is no heading. */
gboolean heading_is_form_line (const char *text);
/* Whether @text, white space aside, is nothing but a label in lenticular brackets ("【보고사항】",
 * "【摘要】"), which heads what follows it (the paragraph stage set it apart as a block of its own,
 * plugins/paragraphs/continuation.c). */
gboolean heading_is_bracket_label (const char *text);
