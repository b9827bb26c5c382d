/* recto-review-crop.h: the part of a page image that is not white paper. A review's page image
 * is written cropped to it and shown over a white page: the margins a JPEG would otherwise
 * compress, block by block, are a third of a text page. */
#pragma once

#include <cairo.h>
#include <glib.h>

typedef struct
{
  int x, y, width, height; /* pixels */
} ReviewCrop;

/* The smallest rectangle of @surface (CAIRO_FORMAT_RGB24) that holds every pixel not white;
 * on a white page, its top-left pixel (an image has at least one). */
ReviewCrop review_crop_content (cairo_surface_t *surface);
