/* unread-lines.h: lines of a scanned page that Tesseract's page layout analysis left unread.
 *
 * The layout analysis can take a block of text for part of a figure and return nothing for it
 * (on the scanned sample volume: the line after a chart, "“12345”政务服务便民热线数据，…").
 * The page is cut into columns (by blank gutters) and each column into bands of rows with ink;
 * a band of a text line's height in which no symbol was read is read as a line of its own.
 * It also skips a page's number standing alone at the foot or head ("2" of the English sample
 * drawn as a scan): a band above or below every symbol read, in a column or across the page
 * (a number centred between two columns stands in neither), narrower than a line, is read too
 * and kept when it reads as a number. */
#pragma once

#include "ocr-pool.h"

/* Reads the unread lines of @image (which shows @area of a page at @scale pixels per point) and
 * inserts their symbols (page points) into @symbols, in reading order by their height on the
 * page. */
void unread_lines_read (GArray *symbols, const RectoImage *image, const RectoBox *area,
                        double scale, OcrPool *pool, guint worker);

/* Inserts @line (OcrSymbol, page points) into @symbols after the last line of its column above
 * it (a line that starts above @middle and reaches into @line's columns), or else before the
 * first line of its column, or else at the end. */
void unread_lines_insert (GArray *symbols, const GArray *line, float middle);
