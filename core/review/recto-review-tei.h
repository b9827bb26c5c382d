/* recto-review-tei.h: small readers of TEI elements (libxml2 nodes) for the review model. */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

#include "recto-review-model.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

/* A zone of the facsimile and the stage its @resp names ("paragraphs"), or NULL. */
typedef struct
{
  ReviewZone zone;
  char *stage;
} ReviewZoneInfo;

void review_zone_info_free (gpointer info);

/* Whether @node is the element @name (TEI elements have no prefix). */
gboolean review_tei_is (const xmlNode *node, const char *name);
/* @node's attribute @name as a new string, or NULL. */
char *review_tei_attr (const xmlNode *node, const char *name);
/* @node's text content, runs of white space made one space. */
char *review_tei_text (const xmlNode *node);
/* @node's start tag with its attributes: <head n="一、">. */
char *review_tei_start_tag (const xmlNode *node);
/* A short label for a box of @role: "h2 一、", "fw pageNum", "pb 13", "recovered 0.82". */
char *review_tei_label (const xmlNode *node, const char *role);
/* @cert as a number, 1 when absent. */
double review_tei_cert (const xmlNode *node);
/* The first element @name below @node in document order (@node included), or NULL. */
xmlNode *review_tei_find (xmlNode *node, const char *name);
/* The same, among elements whose @attr is @value. */
xmlNode *review_tei_find_attr (xmlNode *node, const char *name, const char *attr,
                               const char *value);
/* Appends @node serialised, each line after @indent, and a line break. */
void review_tei_dump (GString *out, xmlNode *node, const char *indent);

/* The 0-based page of a surface whose xml:id is "pageN". */
gboolean review_tei_surface_index (const xmlNode *surface, guint *index);
void review_tei_surface_size (const xmlNode *surface, double *width, double *height);
/* Adds each <zone> of @surface (page @page) to @zones by xml:id. */
void review_tei_read_zones (const xmlNode *surface, guint page, GHashTable *zones);
