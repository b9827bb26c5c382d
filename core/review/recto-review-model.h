/* recto-review-model.h: what `recto review` shows, read from a TEI file recto wrote.
 *
 * Pages come from the facsimile (one surface per page, with its size) and the page breaks
 * (pb/@n, the printed number; without surfaces, as in a text source, the n-th pb opens the
 * n-th page). Each element of a role the review draws (head, p, item, note, figure, caption,
 * table, cell, fw, pb, recovered seg, gap, fragment ab) becomes a box on the page where it
 * starts; its geometry is its @facs zones. An element without zones takes the outline, on each
 * page, of its descendants' zones (a figure: its caption) or else its nearest ancestor's
 * outline on the page it sits on (recovered text in a paragraph, a cell in its row);
 * without either it has no geometry (text sources), and the review lists it as a line of its
 * page. Every element with @ana is a repair. */
#pragma once

#include <glib.h>

typedef struct
{
  guint page; /* 0-based */
  float x1, y1, x2, y2; /* points, origin top-left */
} ReviewZone;

typedef struct
{
  guint id; /* its index in the document's boxes */
  guint page;
  const char *role; /* "p", "head", "caption", … (static) */
  char *element; /* the start tag, e.g. <head n="一、" facs="#page2.3"> */
  char *label; /* a short tag for the box: "h2 一、", "fw pageNum", "pb 13" */
  char *text; /* its text, shortened */
  char *stage; /* the stage that made it (its zones' @resp), or NULL */
  char *resp, *ana; /* the repair, or NULL */
  double cert; /* recovered text: its certainty; 1 otherwise */
  GArray *zones; /* ReviewZone */
} ReviewBox;

typedef struct
{
  double width, height; /* points; 0 without a surface */
  char *n; /* the printed page number (pb/@n), or NULL */
  char *label; /* the PDF page label (surface/@n), or NULL */
  GString *tei; /* the TEI of the blocks that start on the page */
} ReviewPage;

typedef struct
{
  guint page;
  guint box; /* the box that shows it */
  char *element, *resp, *ana, *text;
} ReviewRepair;

typedef struct
{
  char *title;
  char *source; /* the source's file name as the header records it */
  char *sha256; /* the source's SHA-256 as the header records it, or NULL */
  GPtrArray *pages; /* ReviewPage* */
  GPtrArray *boxes; /* ReviewBox* */
  GPtrArray *repairs; /* ReviewRepair* */
} ReviewModel;

/* Reads @tei_path. Returns NULL with a RECTO_ERROR when it cannot be read as TEI. */
ReviewModel *review_model_load (const char *tei_path, GError **error);
void review_model_free (ReviewModel *model);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReviewModel, review_model_free)
