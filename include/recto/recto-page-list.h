/* recto-page-list.h: the pages a warning or a header note names, as short ranges.
 *
 * Stages that count something per page say where it was: "pages 3, 7-9, 12". Past
 * RECTO_PAGE_LIST_MAX_RANGES ranges the rest is only counted ("… and 40 more"), so a volume of
 * 20,000 scanned pages still gets one short line. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RECTO_PAGE_LIST_MAX_RANGES 10

typedef struct _RectoPageList RectoPageList;

RectoPageList *recto_page_list_new (void);
void recto_page_list_free (RectoPageList *list);

/* Adds page @number (1-based), not below any page added before; adding the page last added
 * again does nothing. */
void recto_page_list_add (RectoPageList *list, guint number);

/* How many pages were added. */
guint recto_page_list_get_count (const RectoPageList *list);

/* "page 3" or "pages 3, 7-9 and 12 more" (no page: "no page"). Free with g_free(). */
char *recto_page_list_describe (const RectoPageList *list);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RectoPageList, recto_page_list_free)

G_END_DECLS
