/* turned-rows.h: rows of text set turned a quarter on the page (a table turned to fit a page
 * in portrait: its lines run up or down the page), found and read in their own upright frame.
 *
 * A turned row keeps its glyphs' boxes, its own box and what OCR read in the frame of the text
 * turned upright: x along the line in reading order, y down its letters. Font learning then
 * reads, aligns and votes on it as on any row; only drawing it (the page area turned back, the
 * image turned upright) and mapping boxes back to the page are this file's. */
#pragma once

#include "ocr-pool.h"
#include "text-rows.h"

/* Adds to @rows the turned rows of @page made of its glyphs @glyphs[0..@n) (those whose lines
 * run down the page), each row a run of glyphs along one line, cut at gaps wider than
 * TEXT_ROWS_GUTTER_EMS, kept only if it holds glyphs of a font @surveys finds unmapped. */
void turned_rows_add (GArray *rows, const GArray *surveys, const RectoPage *page,
                      const guint *glyphs, guint n);

/* Glyph @glyph's box in @row's frame (its page box when the row is not turned). */
RectoBox text_row_glyph_box (const TextRow *row, const RectoPage *page, guint glyph);

/* @box, in @row's frame, on @page. */
RectoBox text_row_page_box (const TextRow *row, const RectoPage *page, const RectoBox *box);

/* The width and height of @page in @row's frame. */
void text_row_frame_size (const TextRow *row, const RectoPage *page, float *width, float *height);

/* Draws @area (in @row's frame) of its page at @scale pixels per point, upright, and reads it as
 * one line on @worker's engine, as ocr_pool_read_area() does: symbols with boxes in the frame,
 * and with @image the upright image read. With @alone, the lines set so close above and below
 * the row that their glyphs' boxes reach into its band are whitened first, as far across as
 * they go, outside a table's grid. NULL when it cannot be drawn or read. */
GArray *text_row_read (OcrPool *pool, guint worker, RectoDocument *doc, const TextRow *row,
                       const RectoBox *area, double scale, gboolean alone, RectoImage **image);
