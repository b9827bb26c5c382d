/* tei-header.h: the teiHeader: what the source was (file, checksum, pages, PDF metadata), what
 * made this file (recto and every stage with its options), which repairs were made, and the
 * language. */
#pragma once

#include <recto/recto.h>

#include "tei-writer.h"

/* The xml:id of a stage's <application>, which resp attributes point at. */
char *tei_stage_id (const char *stage);
/* The xml:id of the <category> for a repair kind of a stage, which ana attributes point at. */
char *tei_repair_id (const char *stage, const char *kind);

/* @language: a BCP 47 tag; @date: an ISO date for publicationStmt, or NULL for none. */
void tei_write_header (TeiWriter *writer, RectoDocument *doc, const char *language,
                       const char *date);
