/* number-lines.h: lines that are only a number (a page number, mostly) read again as digits.
 *
 * The mixed models read a page number's digits as other digits ("07" for "67", "09" for "69"
 * on the scanned sample volume): the page's number then breaks the sequence of the printed
 * numbers. Read alone with the Latin model and digits only, they come out right. */
#pragma once

#include "ocr-pool.h"

/* Most digits a line taken for a number may have, and most symbols around them. */
#define NUMBER_LINE_MAX_DIGITS 4
#define NUMBER_LINE_MAX_DECORATION 4

/* Whether symbols @from to @to of @symbols (OcrSymbol) are a number alone: one run of one to
 * NUMBER_LINE_MAX_DIGITS ASCII digits, with at most a few dashes, points or spaces around it
 * ("- 67 -"). If so, sets @first and @after to the run's first symbol and the one after it. */
gboolean number_lines_find (const GArray *symbols, guint from, guint to, guint *first,
                            guint *after);

/* Reads the digits of each line of @symbols that is a number alone again, from @image (which shows @area of
 * the page at @scale pixels per point), and takes the digits read where there are as many. */
void number_lines_reread (GArray *symbols, const RectoImage *image, const RectoBox *area,
                          double scale, OcrPool *pool, guint worker);
