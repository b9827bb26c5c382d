/* tei-body.h: the facsimile (one surface per page) and the text body from the block tree. */
#pragma once

#include <recto/recto.h>

#include "tei-writer.h"

void tei_write_facsimile (TeiWriter *writer, RectoDocument *doc);
void tei_write_text (TeiWriter *writer, RectoDocument *doc);
