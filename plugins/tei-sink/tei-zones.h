/* tei-zones.h: where each block lies on its page, as facsimile zones.
 *
 * Every block built from source lines with boxes (p, head, item, note, fw, ab, …) gets one
 * <zone> per page and column it covers inside that page's <surface> ("pageN.K", numbered in the
 * order of the text), and @facs on its element pointing at them. A block's line boxes on one
 * page join into one zone while they overlap it horizontally; a line in another column starts
 * another. A zone's @resp names the stage that made the block (drew its bounds). What the
 * zones say is what `recto review` draws over the page image. */
#pragma once

#include <recto/recto.h>

#include "tei-writer.h"

typedef struct _TeiZones TeiZones;

/* Measures the zones of every block of @doc. */
TeiZones *tei_zones_new (RectoDocument *doc);
void tei_zones_free (TeiZones *zones);

/* Writes the <zone> elements of page @page (inside its <surface>). */
void tei_zones_write (TeiZones *zones, TeiWriter *writer, guint page);
/* The @facs value of @block ("#page3.1 #page4.1"), or NULL when it has no zone. */
const char *tei_zones_facs (TeiZones *zones, const RectoBlock *block);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TeiZones, tei_zones_free)
