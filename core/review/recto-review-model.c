/* recto-review-model.c: see recto-review-model.h. The TEI is read into a libxml2 tree and
 * walked once in document order. */
#include "recto-review-model.h"

#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <recto/recto.h>

#include "recto-review-tei.h"

/* How much of an element's text a box keeps: enough to recognise it. */
#define TEXT_CHARS 600

typedef struct
{
  ReviewModel *model;
  GHashTable *zones; /* xml:id → ReviewZoneInfo* */
  guint page; /* the page the walk is on */
  guint n_pb; /* page breaks seen */
  gboolean surfaces; /* whether the TEI has a facsimile */
  GString *pending; /* division start tags not yet put on a page */
} Walk;

static void
box_free (ReviewBox *box)
{
  g_free (box->element);
  g_free (box->label);
  g_free (box->text);
  g_free (box->stage);
  g_free (box->resp);
  g_free (box->ana);
  g_array_unref (box->zones);
  g_free (box);
}

static void
page_free (ReviewPage *page)
{
  g_free (page->n);
  g_free (page->label);
  g_string_free (page->tei, TRUE);
  g_free (page);
}

static void
repair_free (ReviewRepair *repair)
{
  g_free (repair->element);
  g_free (repair->resp);
  g_free (repair->ana);
  g_free (repair->text);
  g_free (repair);
}

void
review_model_free (ReviewModel *model)
{
  if (model == NULL)
    return;
  g_free (model->title);
  g_free (model->source);
  g_free (model->sha256);
  g_ptr_array_unref (model->pages);
  g_ptr_array_unref (model->boxes);
  g_ptr_array_unref (model->repairs);
  g_free (model);
}

/* Page @index, made (with the pages before it) when new. */
static ReviewPage *
model_page (ReviewModel *model, guint index)
{
  while (model->pages->len <= index)
    {
      ReviewPage *page = g_new0 (ReviewPage, 1);
      page->tei = g_string_new (NULL);
      g_ptr_array_add (model->pages, page);
    }
  return g_ptr_array_index (model->pages, index);
}

/* The role a box of @node has, or NULL when the review does not draw it. */
static const char *
role_of (xmlNode *node)
{
  static const char *const plain[] = { "p", "item", "note", "figure", "table", "cell",
                                       "fw", "pb", "gap", NULL };

  if (review_tei_is (node, "head"))
    return review_tei_is (node->parent, "figure") ? "caption" : "head";
  if (review_tei_is (node, "ab"))
    return "fragment";
  if (review_tei_is (node, "seg"))
    {
      g_autofree char *type = review_tei_attr (node, "type");
      return g_strcmp0 (type, "recovered") == 0 ? "recovered" : NULL;
    }
  for (guint i = 0; plain[i] != NULL; i++)
    if (review_tei_is (node, plain[i]))
      return plain[i];
  return NULL;
}

/* The zones @node points at with @facs (appended to @zones); the stage of the first one. */
static char *
own_zones (Walk *walk, xmlNode *node, GArray *zones)
{
  g_autofree char *facs = review_tei_attr (node, "facs");
  g_auto (GStrv) refs = facs != NULL ? g_strsplit (facs, " ", -1) : NULL;
  const char *stage = NULL;

  for (guint i = 0; refs != NULL && refs[i] != NULL; i++)
    {
      const ReviewZoneInfo *info =
          refs[i][0] == '#' ? g_hash_table_lookup (walk->zones, refs[i] + 1) : NULL;
      if (info == NULL)
        continue;
      g_array_append_val (zones, info->zone);
      if (stage == NULL)
        stage = info->stage;
    }
  return g_strdup (stage);
}

/* The zones of @node's descendants: what a figure or table without zones of its own covers. */
static void
descendant_zones (Walk *walk, xmlNode *node, GArray *zones)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE)
      {
        g_free (own_zones (walk, child, zones));
        descendant_zones (walk, child, zones);
      }
}

/* One zone per page that encloses @zones there, in the order the pages first appear. A box
 * drawn from other elements' zones (a table from its cells, a recovered seg from its
 * paragraph) takes one of these outlines, never a copy of every zone: copies grow with the
 * square of a table's cells (an 85-page spreadsheet's empty cells made 22 GB of them). */
static GArray *
outlines_by_page (const GArray *zones)
{
  GArray *outlines = g_array_new (FALSE, FALSE, sizeof (ReviewZone));

  for (guint i = 0; i < zones->len; i++)
    {
      const ReviewZone *zone = &g_array_index (zones, ReviewZone, i);
      ReviewZone *outline = NULL;
      /* Blocks run in page order: the page's outline is nearly always the last one. */
      for (guint j = outlines->len; j > 0 && outline == NULL; j--)
        if (g_array_index (outlines, ReviewZone, j - 1).page == zone->page)
          outline = &g_array_index (outlines, ReviewZone, j - 1);
      if (outline == NULL)
        {
          g_array_append_val (outlines, *zone);
          continue;
        }
      outline->x1 = MIN (outline->x1, zone->x1);
      outline->y1 = MIN (outline->y1, zone->y1);
      outline->x2 = MAX (outline->x2, zone->x2);
      outline->y2 = MAX (outline->y2, zone->y2);
    }
  return outlines;
}

/* A page break moves the walk to the page it opens: the one its @facs names, else the next. */
static void
enter_page (Walk *walk, xmlNode *pb)
{
  g_autofree char *facs = review_tei_attr (pb, "facs");
  guint64 number = 0;

  if (facs != NULL && g_str_has_prefix (facs, "#page")
      && g_ascii_string_to_unsigned (facs + 5, 10, 1, G_MAXUINT, &number, NULL))
    walk->page = (guint) number - 1;
  else if (!walk->surfaces)
    walk->page = walk->n_pb;
  walk->n_pb++;
  ReviewPage *page = model_page (walk->model, walk->page);
  if (page->n == NULL)
    page->n = review_tei_attr (pb, "n");
}

/* The outline of @outlines (one per page) on @page, where the walk is, else the first one: an
 * element with no zones of its own (an empty cell, a recovered seg) is not drawn as its
 * ancestor on every page the ancestor spans. */
static const ReviewZone *
inherited_outline (const GArray *outlines, guint page)
{
  for (guint i = 0; i < outlines->len; i++)
    if (g_array_index (outlines, ReviewZone, i).page == page)
      return &g_array_index (outlines, ReviewZone, i);
  return &g_array_index (outlines, ReviewZone, 0);
}

static ReviewBox *
add_box (Walk *walk, xmlNode *node, const char *role, GArray *inherited)
{
  ReviewBox *box = g_new0 (ReviewBox, 1);
  g_autofree char *text = review_tei_text (node);

  box->id = walk->model->boxes->len;
  box->role = role;
  box->zones = g_array_new (FALSE, FALSE, sizeof (ReviewZone));
  box->stage = own_zones (walk, node, box->zones);
  if (box->zones->len == 0 && (g_str_equal (role, "figure") || g_str_equal (role, "table")))
    {
      g_autoptr (GArray) covered = g_array_new (FALSE, FALSE, sizeof (ReviewZone));
      descendant_zones (walk, node, covered);
      g_array_unref (box->zones);
      box->zones = outlines_by_page (covered);
    }
  /* A page break lies between pages, whatever block it sits in. */
  if (box->zones->len == 0 && inherited != NULL && !g_str_equal (role, "pb"))
    g_array_append_val (box->zones, *inherited_outline (inherited, walk->page));
  box->page = box->zones->len > 0 ? g_array_index (box->zones, ReviewZone, 0).page : walk->page;
  box->element = review_tei_start_tag (node);
  box->label = review_tei_label (node, role);
  box->text = g_utf8_substring (text, 0, MIN (g_utf8_strlen (text, -1), TEXT_CHARS));
  box->resp = review_tei_attr (node, "resp");
  box->ana = review_tei_attr (node, "ana");
  box->cert = review_tei_cert (node);
  model_page (walk->model, box->page);
  g_ptr_array_add (walk->model->boxes, box);
  return box;
}

static void
add_repair (Walk *walk, xmlNode *node, guint page, guint box)
{
  ReviewRepair *repair = g_new0 (ReviewRepair, 1);
  g_autofree char *text = review_tei_text (node);

  repair->page = page;
  repair->box = box;
  repair->element = review_tei_start_tag (node);
  repair->resp = review_tei_attr (node, "resp");
  repair->ana = review_tei_attr (node, "ana");
  repair->text = g_utf8_substring (text, 0, MIN (g_utf8_strlen (text, -1), 80));
  g_ptr_array_add (walk->model->repairs, repair);
}

/* The TEI of the page: each block below body or a division, on the page it starts on; the
 * divisions it sits in as their start tags. */
static void
add_tei (Walk *walk, xmlNode *node, guint page, int depth)
{
  g_autofree char *indent = g_strnfill ((gsize) depth * 2, ' ');
  GString *tei;

  if (review_tei_is (node, "div"))
    {
      g_autofree char *tag = review_tei_start_tag (node);
      g_string_append_printf (walk->pending, "%s%s\n", indent, tag);
      return;
    }
  tei = model_page (walk->model, page)->tei;
  g_string_append (tei, walk->pending->str);
  g_string_truncate (walk->pending, 0);
  review_tei_dump (tei, node, indent);
}

static void
walk_element (Walk *walk, xmlNode *node, GArray *inherited, guint parent_box, int depth)
{
  const char *role = role_of (node);
  ReviewBox *box = NULL;
  g_autoptr (GArray) outlines = NULL;
  gboolean block_level = review_tei_is (node->parent, "body") || review_tei_is (node->parent, "div");

  if (review_tei_is (node, "pb"))
    enter_page (walk, node);
  if (role != NULL)
    box = add_box (walk, node, role, inherited);
  if (block_level)
    add_tei (walk, node, box != NULL ? box->page : walk->page, depth);
  if (box != NULL)
    {
      parent_box = box->id;
      if (box->zones->len > 0)
        inherited = outlines = outlines_by_page (box->zones);
    }
  else if (xmlHasProp (node, (const xmlChar *) "facs"))
    {
      /* Not drawn, but what its children stand in: a table's row around its cells. */
      g_autoptr (GArray) zones = g_array_new (FALSE, FALSE, sizeof (ReviewZone));
      g_free (own_zones (walk, node, zones));
      if (zones->len > 0)
        inherited = outlines = outlines_by_page (zones);
    }
  if (xmlHasProp (node, (const xmlChar *) "ana"))
    add_repair (walk, node, box != NULL ? box->page : walk->page, parent_box);
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE)
      walk_element (walk, child, inherited, parent_box, depth + 1);
}

static void
read_header (ReviewModel *model, xmlNode *root, guint *n_pages)
{
  xmlNode *title = review_tei_find (root, "title");
  xmlNode *filename = review_tei_find_attr (root, "idno", "type", "filename");
  xmlNode *sha256 = review_tei_find_attr (root, "idno", "type", "SHA-256");
  xmlNode *measure = review_tei_find_attr (root, "measure", "unit", "pages");
  g_autofree char *quantity = measure != NULL ? review_tei_attr (measure, "quantity") : NULL;
  guint64 pages = 0;

  model->title = title != NULL ? review_tei_text (title) : g_strdup ("");
  model->source = filename != NULL ? review_tei_text (filename) : g_strdup ("");
  model->sha256 = sha256 != NULL ? review_tei_text (sha256) : NULL;
  if (quantity != NULL && g_ascii_string_to_unsigned (quantity, 10, 0, 100000, &pages, NULL))
    *n_pages = (guint) pages;
}

static void
read_surfaces (Walk *walk, xmlNode *facsimile)
{
  for (xmlNode *surface = facsimile->children; surface != NULL; surface = surface->next)
    {
      ReviewPage *page;
      guint index;
      if (!review_tei_is (surface, "surface") || !review_tei_surface_index (surface, &index))
        continue;
      walk->surfaces = TRUE;
      page = model_page (walk->model, index);
      review_tei_surface_size (surface, &page->width, &page->height);
      page->label = review_tei_attr (surface, "n");
      review_tei_read_zones (surface, index, walk->zones);
    }
}

ReviewModel *
review_model_load (const char *tei_path, GError **error)
{
  g_autoptr (xmlDoc) xml = NULL;
  xmlNode *root;
  xmlNode *facsimile, *body;
  g_autoptr (ReviewModel) model = NULL;
  g_autoptr (GHashTable) zones = NULL;
  guint n_pages = 0;

  if (!g_file_test (tei_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, RECTO_ERROR, RECTO_ERROR_INPUT_UNREADABLE, "%s: no such file", tei_path);
      return NULL;
    }
  /* Quietly: a file that is not XML is reported below, once. */
  xml = xmlReadFile (tei_path, NULL,
                     XML_PARSE_NONET | XML_PARSE_HUGE | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  root = xml != NULL ? xmlDocGetRootElement (xml) : NULL;
  if (root == NULL || !review_tei_is (root, "TEI"))
    {
      g_set_error (error, RECTO_ERROR, RECTO_ERROR_INPUT_INVALID, "%s: not a TEI file", tei_path);
      return NULL;
    }
  model = g_new0 (ReviewModel, 1);
  model->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) page_free);
  model->boxes = g_ptr_array_new_with_free_func ((GDestroyNotify) box_free);
  model->repairs = g_ptr_array_new_with_free_func ((GDestroyNotify) repair_free);
  zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, review_zone_info_free);
  read_header (model, root, &n_pages);
  if (n_pages > 0)
    model_page (model, n_pages - 1);

  Walk walk = { .model = model, .zones = zones, .pending = g_string_new (NULL) };
  facsimile = review_tei_find (root, "facsimile");
  if (facsimile != NULL)
    read_surfaces (&walk, facsimile);
  body = review_tei_find (root, "body");
  if (body != NULL)
    walk_element (&walk, body, NULL, G_MAXUINT, -1);
  model_page (model, 0);
  g_string_append (model_page (model, walk.page)->tei, walk.pending->str);
  g_string_free (walk.pending, TRUE);
  return g_steal_pointer (&model);
}
