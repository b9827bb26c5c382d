/* ocr-tesseract.h: what the OCR engine module exports.
 *
 * Tesseract and the libraries it pulls in take about 60 M instructions to relocate and
 * initialise, more than the rest of a small conversion; most files never need OCR. So the
 * engine (ocr-tesseract.c) is a module of its own, recover-text/ocr-tesseract.so beside the
 * stage, which ocr.c loads the first time a font or page has to be read. Its one export is
 * the table below. */
#pragma once

#include "ocr.h"

#define OCR_TESSERACT_TABLE_SYMBOL "recto_ocr_tesseract"

typedef struct
{
  OcrEngine *(*engine_new) (const char *datapath, const char *languages, GError **error);
  void (*engine_free) (OcrEngine *engine);
  GArray *(*read) (OcrEngine *engine, const RectoImage *image, int dpi, OcrLayout layout);
  char *(*read_word) (OcrEngine *engine, const RectoImage *image, const char *alphabet);
  char *(*detect_script) (const char *datapath, const RectoImage *image, int dpi,
                          float *confidence);
  const char *(*version) (void);
} OcrTesseract;
