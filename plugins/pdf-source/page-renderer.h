/* page-renderer.h: draws areas of a PDF's pages as grey images, for stages that read text from
 * the page image (recover-text). Installed on the document by pdf-source. */
#pragma once

#include <poppler.h>

#include <recto/recto.h>

/* Makes @doc draw its pages from @document (a reference is taken). */
void page_renderer_install (RectoDocument *doc, PopplerDocument *document);
