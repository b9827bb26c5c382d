/* recto-review-tei.c: see recto-review-tei.h. */
#include "recto-review-tei.h"

#include <string.h>

void
review_zone_info_free (gpointer data)
{
  ReviewZoneInfo *info = data;

  g_free (info->stage);
  g_free (info);
}

gboolean
review_tei_is (const xmlNode *node, const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE
         && strcmp ((const char *) node->name, name) == 0;
}

/* libxml2's strings are freed with xmlFree; the review's with g_free. */
static char *
steal_xml_string (xmlChar *value)
{
  char *copy = value != NULL ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}

char *
review_tei_attr (const xmlNode *node, const char *name)
{
  return steal_xml_string (xmlGetProp (node, (const xmlChar *) name));
}

char *
review_tei_text (const xmlNode *node)
{
  g_autofree char *text = steal_xml_string (xmlNodeGetContent (node));
  GString *out = g_string_sized_new (text != NULL ? strlen (text) : 0);
  gboolean space = FALSE;

  for (const char *c = text; c != NULL && *c != '\0'; c++)
    {
      if (g_ascii_isspace (*c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *c);
    }
  return g_string_free (out, FALSE);
}

char *
review_tei_start_tag (const xmlNode *node)
{
  GString *tag = g_string_new ("<");

  g_string_append (tag, (const char *) node->name);
  for (const xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    {
      g_autofree char *value = steal_xml_string (xmlNodeGetContent ((const xmlNode *) attr));
      g_autofree char *escaped = g_markup_escape_text (value != NULL ? value : "", -1);
      const char *prefix = attr->ns != NULL && attr->ns->prefix != NULL
                               ? (const char *) attr->ns->prefix : NULL;
      g_string_append_printf (tag, " %s%s%s=\"%s\"", prefix != NULL ? prefix : "",
                              prefix != NULL ? ":" : "", (const char *) attr->name, escaped);
    }
  g_string_append_c (tag, '>');
  return g_string_free (tag, FALSE);
}

/* How many divisions @node sits in: the level of a heading. */
static int
division_depth (const xmlNode *node)
{
  int depth = 0;

  for (const xmlNode *up = node->parent; up != NULL; up = up->parent)
    depth += review_tei_is (up, "div");
  return MAX (depth, 1);
}

char *
review_tei_label (const xmlNode *node, const char *role)
{
  static const char *const detail[][2] = {
    { "fw", "type" },     { "note", "type" }, { "pb", "n" },      { "item", "n" },
    { "gap", "reason" }, { "recovered", "cert" },
  };
  g_autofree char *n = review_tei_attr (node, "n");

  if (g_str_equal (role, "head"))
    return g_strdup_printf ("h%d%s%s", division_depth (node), n != NULL ? " " : "",
                            n != NULL ? n : "");
  for (guint i = 0; i < G_N_ELEMENTS (detail); i++)
    if (g_str_equal (role, detail[i][0]))
      {
        g_autofree char *value = review_tei_attr (node, detail[i][1]);
        if (value != NULL)
          return g_strdup_printf ("%s %s", role, value);
      }
  return g_strdup (role);
}

double
review_tei_cert (const xmlNode *node)
{
  g_autofree char *cert = review_tei_attr (node, "cert");
  double value = cert != NULL ? g_ascii_strtod (cert, NULL) : 1.0;

  return CLAMP (value, 0.0, 1.0);
}

xmlNode *
review_tei_find_attr (xmlNode *node, const char *name, const char *attr, const char *value)
{
  if (review_tei_is (node, name))
    {
      g_autofree char *actual = attr != NULL ? review_tei_attr (node, attr) : NULL;
      if (attr == NULL || g_strcmp0 (actual, value) == 0)
        return node;
    }
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      xmlNode *found =
          child->type == XML_ELEMENT_NODE ? review_tei_find_attr (child, name, attr, value) : NULL;
      if (found != NULL)
        return found;
    }
  return NULL;
}

xmlNode *
review_tei_find (xmlNode *node, const char *name)
{
  return review_tei_find_attr (node, name, NULL, NULL);
}

void
review_tei_dump (GString *out, xmlNode *node, const char *indent)
{
  xmlBuffer *buffer = xmlBufferCreate ();

  xmlNodeDump (buffer, node->doc, node, 0, 0);
  g_string_append (out, indent);
  g_string_append_len (out, (const char *) xmlBufferContent (buffer), xmlBufferLength (buffer));
  g_string_append_c (out, '\n');
  xmlBufferFree (buffer);
}

static double
coordinate (const xmlNode *node, const char *name)
{
  g_autofree char *value = review_tei_attr (node, name);

  return value != NULL ? g_ascii_strtod (value, NULL) : 0.0;
}

gboolean
review_tei_surface_index (const xmlNode *surface, guint *index)
{
  g_autofree char *id =
      steal_xml_string (xmlGetNsProp (surface, (const xmlChar *) "id", XML_XML_NAMESPACE));
  guint64 number;

  if (id == NULL || !g_str_has_prefix (id, "page")
      || !g_ascii_string_to_unsigned (id + 4, 10, 1, 100000, &number, NULL))
    return FALSE;
  *index = (guint) number - 1;
  return TRUE;
}

void
review_tei_surface_size (const xmlNode *surface, double *width, double *height)
{
  *width = coordinate (surface, "lrx") - coordinate (surface, "ulx");
  *height = coordinate (surface, "lry") - coordinate (surface, "uly");
}

void
review_tei_read_zones (const xmlNode *surface, guint page, GHashTable *zones)
{
  for (xmlNode *zone = surface->children; zone != NULL; zone = zone->next)
    {
      g_autofree char *id = NULL;
      g_autofree char *resp = NULL;
      ReviewZoneInfo *info;
      if (!review_tei_is (zone, "zone"))
        continue;
      id = steal_xml_string (xmlGetNsProp (zone, (const xmlChar *) "id", XML_XML_NAMESPACE));
      if (id == NULL)
        continue;
      resp = review_tei_attr (zone, "resp");
      info = g_new0 (ReviewZoneInfo, 1);
      info->zone = (ReviewZone){ page, coordinate (zone, "ulx"), coordinate (zone, "uly"),
                                 coordinate (zone, "lrx"), coordinate (zone, "lry") };
      info->stage = resp != NULL && g_str_has_prefix (resp, "#stage.") ? g_strdup (resp + 7) : NULL;
      g_hash_table_insert (zones, g_steal_pointer (&id), info);
    }
}
