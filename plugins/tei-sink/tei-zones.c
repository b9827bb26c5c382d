/* tei-zones.c: see tei-zones.h. */
#include "tei-zones.h"
#include "tei-header.h"

typedef struct
{
  RectoBox box;
  const RectoBlock *block;
} Zone;

struct _TeiZones
{
  GArray **pages; /* one GArray of Zone per page, in the order of the text */
  gboolean *surface; /* whether the page has a size, hence a surface for its zones */
  guint n_pages;
  GHashTable *facs; /* const RectoBlock* → char* "#pageN.K …" */
};

static gboolean
has_zones (RectoBlockKind kind)
{
  /* The body is the whole text; text, line breaks and regularisations lie inside a block;
   * a page break points at its whole surface already. */
  return kind != RECTO_BLOCK_BODY && kind != RECTO_BLOCK_TEXT && kind != RECTO_BLOCK_LB
         && kind != RECTO_BLOCK_REG && kind != RECTO_BLOCK_PB;
}

static void
box_union (RectoBox *box, const RectoBox *other)
{
  box->x1 = MIN (box->x1, other->x1);
  box->y1 = MIN (box->y1, other->y1);
  box->x2 = MAX (box->x2, other->x2);
  box->y2 = MAX (box->y2, other->y2);
}

/* Adds @box of @block to @page's zones: into the block's zone on that page that it overlaps
 * horizontally (the same column), else as a zone of its own. @first is the index of the
 * block's first zone on the page. */
static void
add_box (GArray *page, guint first, const RectoBlock *block, const RectoBox *box)
{
  Zone zone = { *box, block };

  for (guint i = first; i < page->len; i++)
    {
      Zone *other = &g_array_index (page, Zone, i);
      if (other->block == block && box->x1 < other->box.x2 && other->box.x1 < box->x2)
        {
          box_union (&other->box, box);
          return;
        }
    }
  g_array_append_val (page, zone);
}

static void
measure_block (TeiZones *zones, const RectoBlock *block)
{
  g_autofree guint *first = NULL;
  g_autoptr (GString) facs = NULL;

  if (!has_zones (block->kind) || block->sources == NULL)
    return;
  first = g_new (guint, zones->n_pages);
  for (guint p = 0; p < zones->n_pages; p++)
    first[p] = zones->pages[p]->len;
  for (guint i = 0; i < block->sources->len; i++)
    {
      const RectoSourceRef *ref = &g_array_index (block->sources, RectoSourceRef, i);
      if (ref->has_box && ref->page < zones->n_pages && zones->surface[ref->page])
        add_box (zones->pages[ref->page], first[ref->page], block, &ref->box);
    }
  facs = g_string_new (NULL);
  for (guint p = 0; p < zones->n_pages; p++)
    for (guint k = first[p]; k < zones->pages[p]->len; k++)
      g_string_append_printf (facs, "%s#page%u.%u", facs->len > 0 ? " " : "", p + 1, k + 1);
  if (facs->len > 0)
    g_hash_table_insert (zones->facs, (gpointer) block, g_string_free (g_steal_pointer (&facs),
                                                                       FALSE));
}

static void
measure_tree (TeiZones *zones, const RectoBlock *block)
{
  measure_block (zones, block);
  for (guint i = 0; i < recto_block_get_n_children (block); i++)
    measure_tree (zones, recto_block_get_child (block, i));
}

TeiZones *
tei_zones_new (RectoDocument *doc)
{
  TeiZones *zones = g_new0 (TeiZones, 1);

  zones->n_pages = recto_document_get_n_pages (doc);
  zones->pages = g_new (GArray *, zones->n_pages);
  zones->surface = g_new (gboolean, zones->n_pages);
  for (guint p = 0; p < zones->n_pages; p++)
    {
      const RectoPage *page = recto_document_get_page (doc, p);
      zones->pages[p] = g_array_new (FALSE, FALSE, sizeof (Zone));
      zones->surface[p] = page->width > 0 && page->height > 0;
    }
  zones->facs = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  measure_tree (zones, recto_document_get_body (doc));
  /* A turned page's zones were joined in the frame of its text upright; they are written on
   * the page as printed, as its surface is. */
  for (guint p = 0; p < zones->n_pages; p++)
    for (guint k = 0; k < zones->pages[p]->len; k++)
      {
        Zone *zone = &g_array_index (zones->pages[p], Zone, k);
        zone->box = recto_page_printed_box (recto_document_get_page (doc, p), &zone->box);
      }
  return zones;
}

void
tei_zones_free (TeiZones *zones)
{
  if (zones == NULL)
    return;
  for (guint p = 0; p < zones->n_pages; p++)
    g_array_unref (zones->pages[p]);
  g_free (zones->pages);
  g_free (zones->surface);
  g_hash_table_unref (zones->facs);
  g_free (zones);
}

static void
write_coordinate (TeiWriter *writer, const char *name, double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  tei_writer_attribute (writer, name, g_ascii_formatd (buffer, sizeof buffer, "%.2f", value));
}

void
tei_zones_write (TeiZones *zones, TeiWriter *writer, guint page)
{
  if (zones == NULL || page >= zones->n_pages)
    return;
  for (guint k = 0; k < zones->pages[page]->len; k++)
    {
      const Zone *zone = &g_array_index (zones->pages[page], Zone, k);
      tei_writer_start (writer, "zone", FALSE);
      tei_writer_attribute_printf (writer, "xml:id", "page%u.%u", page + 1, k + 1);
      write_coordinate (writer, "ulx", zone->box.x1);
      write_coordinate (writer, "uly", zone->box.y1);
      write_coordinate (writer, "lrx", zone->box.x2);
      write_coordinate (writer, "lry", zone->box.y2);
      if (zone->block->stage != NULL)
        {
          g_autofree char *stage_id = tei_stage_id (zone->block->stage);
          tei_writer_attribute_printf (writer, "resp", "#%s", stage_id);
        }
      tei_writer_end (writer);
    }
}

const char *
tei_zones_facs (TeiZones *zones, const RectoBlock *block)
{
  return zones == NULL ? NULL : g_hash_table_lookup (zones->facs, block);
}
