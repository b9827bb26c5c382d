/* page-number.h: recognising printed page numbers ("- 12 -", "—12—", "Page 12", "第 12 页",
 * "xii"). */
#pragma once

#include <glib.h>

/* If @text is nothing but a page number in one of the usual forms, returns the number as printed
 * ("12", "xii"); otherwise NULL. */
char *page_number_parse (const char *text);

/* @text with every run of digits (or a lone roman numeral word) replaced by '#' and white space
 * removed: the shape that running heads and footers repeat from page to page. */
char *page_number_mask (const char *text);
