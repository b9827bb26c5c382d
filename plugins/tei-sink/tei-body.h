/* tei-body.h: the facsimile (one surface per page) and the text body from the block tree. */
#pragma once

#include <recto/recto.h>

#include "tei-writer.h"
#include "tei-zones.h"

/* The surfaces of the pages that have a size, with their @zones (may be NULL). */
void tei_write_facsimile (TeiWriter *writer, RectoDocument *doc, TeiZones *zones);
/* The text; each block with zones points at them with @facs. @language: the document's (on the
 * root); a block in another language gets its own xml:lang. */
void tei_write_text (TeiWriter *writer, RectoDocument *doc, TeiZones *zones, const char *language);
