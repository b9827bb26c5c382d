/* ocr.h: reading a grey image with Tesseract's C API, one symbol at a time.
 *
 * An OcrEngine is one Tesseract instance: not thread-safe, so each worker thread makes its own
 * (loading chi_sim+eng costs about a fifth of a second). */
#pragma once

#include <recto/recto.h>

typedef struct _OcrEngine OcrEngine;

/* One symbol (character) Tesseract read, with its box in image pixels. */
typedef struct
{
  gunichar c; /* 0 when Tesseract's symbol was more than one character */
  float x1, y1, x2, y2;
  float confidence; /* 0 to 1 */
  gboolean starts_word;
  gboolean starts_line;
  gboolean bold; /* set by the caller that judges it (scanned-pages.c) */
  gboolean raised; /* a note's mark, set small and raised: its box is its own (raised-marks.c) */
} OcrSymbol;

typedef enum
{
  OCR_LINE, /* the image is one line of text */
  OCR_RAW_LINE, /* the image is one line of text, read without first looking for its text */
  OCR_PAGE, /* the image is a page: Tesseract finds the blocks and lines */
  OCR_GLYPH, /* the image is one character */
} OcrLayout;

/* Loads Tesseract with @languages ("chi_sim+eng") from @datapath (NULL: Tesseract's default).
 * Returns NULL with an error naming what is missing. */
OcrEngine *ocr_engine_new (const char *datapath, const char *languages, GError **error);
void ocr_engine_free (OcrEngine *engine);

/* Reads @image, drawn at @dpi pixels per inch, as @layout. Returns OcrSymbol in reading order
 * (empty when nothing was read). */
GArray *ocr_engine_read (OcrEngine *engine, const RectoImage *image, int dpi, OcrLayout layout);

/* Reads @image as one word of the characters in @alphabet. Returns it (free with g_free()),
 * or NULL. */
char *ocr_engine_read_word (OcrEngine *engine, const RectoImage *image, const char *alphabet);

/* Reads @image as one number of at most two digits (a footnote marker inside its ring).
 * Returns the number, or -1 when Tesseract reads no such number. */
int ocr_engine_read_number (OcrEngine *engine, const RectoImage *image);

/* The script Tesseract's orientation and script detection sees in @image, a page drawn at @dpi
 * ("Japanese", "Hangul", "Han", "Latin"…), with its confidence; NULL when its model (osd) is
 * not in @datapath (NULL: Tesseract's own) or it sees none. Free with g_free(). */
char *ocr_detect_script (const char *datapath, const RectoImage *image, int dpi,
                         float *confidence);

/* The index after the last symbol of the line of @symbols (OcrSymbol) that starts at @from. */
guint ocr_symbols_line_end (const GArray *symbols, guint from);

/* The box around symbols @from to @to of @symbols (OcrSymbol), @from < @to. */
RectoBox ocr_symbols_box (const GArray *symbols, guint from, guint to);

/* "tesseract 5.3.0": for provenance. */
const char *ocr_version (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OcrEngine, ocr_engine_free)
