/* tei-body.h: the facsimile (one surface per page) and the text body from the block tree. */
#pragma once

#include <recto/recto.h>

#include "tei-writer.h"

void tei_write_facsimile (TeiWriter *writer, RectoDocument *doc);
/* @language: the document's (on the root); a block in another language gets its own xml:lang. */
void tei_write_text (TeiWriter *writer, RectoDocument *doc, const char *language);
