/* ocr-pool.h: one OCR engine per worker thread, loaded on first use, and the reading of page
 * areas with them; an image read once is not read again (ocr-memo.h). */
#pragma once

#include "ocr-memo.h"
#include "ocr.h"

typedef struct
{
  const char *datapath;
  const char *languages;
  OcrEngine **engines; /* one slot per recto_get_n_threads() worker */
  guint n_engines;
  OcrEngine **numbers; /* per worker: reads footnote numbers ("eng"), loaded on first use */
  char *primary_language; /* the first of several languages ("chi_sim"), or NULL */
  OcrEngine **primary; /* per worker: reads @primary_language alone, loaded on first use */
  GMutex lock; /* guards the first error */
  GError *error; /* the first engine that failed to load */
  OcrMemo *memo; /* what the engines read, by image (ocr-memo.h) */
} OcrPool;

void ocr_pool_init (OcrPool *pool, const char *datapath, const char *languages);
void ocr_pool_clear (OcrPool *pool);

/* Draws @area of page @page at @scale pixels per point and reads it as @layout on @worker's
 * engine. Returns OcrSymbol with boxes in page points, or NULL when the area cannot be drawn or
 * no engine loads (the pool keeps the error). With @image, hands over the image read. */
GArray *ocr_pool_read_area (OcrPool *pool, guint worker, RectoDocument *doc, guint page,
                            const RectoBox *area, double scale, OcrLayout layout,
                            RectoImage **image);

/* Reads @image, drawn at @dpi, as @layout on @worker's engine. Returns OcrSymbol with boxes in
 * the image's pixels, or NULL when no engine loads. */
GArray *ocr_pool_read_image (OcrPool *pool, guint worker, const RectoImage *image, int dpi,
                             OcrLayout layout);

/* Reads @image as ocr_pool_read_image() does, with the Latin model ("eng") alone; NULL when
 * that engine cannot load. */
GArray *ocr_pool_read_image_latin (OcrPool *pool, guint worker, const RectoImage *image, int dpi,
                                   OcrLayout layout);

/* Turns the pixel boxes of @symbols (OcrSymbol), read from an image of @area of a page at
 * @scale pixels per point, into page points. */
void ocr_symbols_to_page (GArray *symbols, const RectoBox *area, double scale);

/* Reads @image as ocr_pool_read_image() does, with the first of the pool's languages alone;
 * NULL when the pool reads one language only or that engine cannot load. */
GArray *ocr_pool_read_image_primary (OcrPool *pool, guint worker, const RectoImage *image,
                                     int dpi, OcrLayout layout);

/* Reads the part of @image (which shows @area of a page at @scale pixels per point) under @box
 * as one line (@layout: OCR_LINE or OCR_RAW_LINE), with the first language alone if @primary.
 * Returns OcrSymbol in page points, the first starting the line, or NULL. */
GArray *ocr_pool_read_line (OcrPool *pool, guint worker, const RectoImage *image,
                            const RectoBox *area, double scale, const RectoBox *box,
                            OcrLayout layout, gboolean primary);

/* Reads @image as a number (ocr_engine_read_number) on @worker's number reader; -1 when it
 * reads none or cannot load. Outside recto_parallel_for(), use worker 0. */
int ocr_pool_read_number (OcrPool *pool, guint worker, const RectoImage *image);
/* Reads @image as one word of @alphabet (ocr_engine_read_word) on @worker's "eng" engine. */
char *ocr_pool_read_word (OcrPool *pool, guint worker, const RectoImage *image,
                          const char *alphabet);
