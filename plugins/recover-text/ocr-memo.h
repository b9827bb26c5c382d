/* ocr-memo.h: what OCR read in an image, remembered for an image with the same pixels. A table's
 * cells are read one by one, and the cells that hold the same text at the same width ("—",
 * "余量", "0.20": a third of the rows of a standard's tables) are drawn pixel for pixel alike;
 * the engine would read each the same again (LSTM recognition keeps nothing from one image to
 * the next). Images are told apart by a SHA-256 of their pixels, not kept. */
#pragma once

#include "ocr.h"

typedef struct _OcrMemo OcrMemo;

OcrMemo *ocr_memo_new (void);
void ocr_memo_free (OcrMemo *memo);

/* What tells a reading of @image by the pool's engine @engine (its number for a language set) at
 * @dpi as @layout from the others: a string, to free. */
char *ocr_memo_key (guint engine, const RectoImage *image, int dpi, OcrLayout layout);
/* A copy of the symbols remembered under @key, or NULL. Thread-safe. */
GArray *ocr_memo_find (OcrMemo *memo, const char *key);
/* Remembers a copy of @symbols under @key; past OCR_MEMO_MAX_IMAGES images, it remembers no
 * more. Thread-safe. */
void ocr_memo_keep (OcrMemo *memo, const char *key, const GArray *symbols);

/* A bound on what the memo holds: some 100 bytes of key and a few symbols an image. */
#define OCR_MEMO_MAX_IMAGES 200000
