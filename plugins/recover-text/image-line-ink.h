/* image-line-ink.h: whether an image shaped like a line of text holds a line of text.
 *
 * image-lines.c reads the rows of images that are shaped like lines; these tests, on the
 * image's own pixels and on what OCR read in it, tell a title drawn as a picture from a chart's
 * strip, a logo or an emblem: ink of two tones, a reading that accounts for the ink, letters on
 * one baseline; and they take the certainty from leader dots read as letters. */
#pragma once

#include "ocr.h"

typedef struct
{
  int background, ink; /* grey levels */
} LineTones;

/* The commonest grey level of @image: its ground (a page's paper, a panel's tint). */
int image_line_ink_ground (const RectoImage *image);

/* Whether @image's ink is like text's (see image-line-ink.c), and its two tones in @tones. */
gboolean image_line_ink_is_text (const RectoImage *image, LineTones *tones);

/* Whether @image is drawn in two tones, ground and ink, as text is (its share of ink aside:
 * image_line_ink_is_text()); its tones in @tones, its share of ink in @ink_share. */
gboolean image_line_ink_two_tones (const RectoImage *image, LineTones *tones, double *ink_share);

/* Whether @symbols (OcrSymbol, in @image's pixels) read @image as a line of text: enough
 * characters for its width, whose boxes hold most of its ink. */
gboolean image_line_ink_read (const RectoImage *image, const LineTones *tones,
                              const GArray *symbols);

/* Whether the letters of @symbols (in @image's pixels) stand on one baseline. */
gboolean image_line_one_baseline (const GArray *symbols, const RectoImage *image);

/* Takes the certainty from the letters and digits of @symbols whose ink is a dot's. */
void image_line_doubt_dots (GArray *symbols, const RectoImage *image, const LineTones *tones);
