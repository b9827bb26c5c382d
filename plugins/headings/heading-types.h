/* heading-types.h: the types (face and size) that a volume sets its numbered headings in, where
 * their face is not the body's (a 黑体 heading in a 宋体 text, "3.1 实验初始化设置" in SimHei at
 * the body's size). A short block without a number set in such a type is a heading as well
 * ("参考文献", "作者简介"): that is how the volume sets its headings. */
#pragma once

#include <recto/recto.h>

#include "body-window.h"

typedef struct _HeadingTypes HeadingTypes;

/* Reads the numbered blocks of @window (at most two lines, at the body's size @body or larger,
 * their words outnumbering their figures, no clause ending in 。) set in another face than the
 * body's (@body_font): a type that MIN_NUMBERED of them share is a heading type. */
HeadingTypes *heading_types_new (BodyWindow *window, float body, const char *body_font);
void heading_types_free (HeadingTypes *types);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeadingTypes, heading_types_free)

/* Whether @block, at most two lines, is set in one of @types' heading types; not a line of a
 * table of contents (leader dots) nor a note wholly in brackets ("(资料性附录)"). */
gboolean heading_types_holds (const HeadingTypes *types, const RectoBlock *block);
