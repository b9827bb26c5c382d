/* large-lines.h: the lines of a scanned page set far larger than its text, read again drawn
 * smaller.
 *
 * Tesseract's line model scales every line to a height of its own; a title drawn at twice the
 * em a row of text is given for OCR (22-point bold at 200 dpi: 61 pixels) loses strokes in that
 * scaling and is misread ("江门市新会区人大和旬委会" for "…人大常委会", "新时代镇人入工作高计量发展"
 * for "…人大工作高质量发展"), where the same line drawn at that em (em-pixels) reads whole. The
 * page's text lines are left as read: drawn smaller they read worse. */
#pragma once

#include "ocr-pool.h"

/* Reads again, drawn at @em_pixels pixels an em, each line of @symbols (OcrSymbol in page
 * points, page @page of @doc read at @scale pixels a point) whose type is well larger than the
 * page's text and drawn at well over @em_pixels; the new reading replaces the line when Tesseract
 * is at least as sure of it. */
void large_lines_read (GArray *symbols, RectoDocument *doc, guint page, double scale,
                       guint em_pixels, OcrPool *pool, guint worker);
