/* recto-review-jpeg.h: writes a cairo image as JPEG. A review's page images are many and only
 * looked at: JPEG (libjpeg-turbo) writes one several times faster than cairo's PNG writer. */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "recto-review-crop.h"

/* Writes @crop of @surface (CAIRO_FORMAT_RGB24) to @path at @quality (1-100). */
gboolean review_write_jpeg (cairo_surface_t *surface, const ReviewCrop *crop, const char *path,
                            int quality);
