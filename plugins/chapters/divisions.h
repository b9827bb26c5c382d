/* divisions.h: nesting the body's blocks into divisions under titles and headings. */
#pragma once

#include <recto/recto.h>

/* The open divisions, innermost last; the body at the bottom. */
typedef struct
{
  RectoDocument *doc;
  GPtrArray *open;
  GPtrArray *floating; /* pb, fw, notes since the last block */
} Nest;

/* Whether @block floats between the text's blocks (a page break, furniture, a note, a gap): it
 * goes into the division of the block after it. */
gboolean divisions_is_floating (const RectoBlock *block);

/* The innermost open division (the body when none is open). */
RectoBlock *divisions_innermost (const Nest *nest);

/* Moves the floating blocks gathered so far into @into. */
void divisions_put_floating (Nest *nest, RectoBlock *into);

/* Opens a division of @type at @level under the innermost one that is shallower, headed by
 * @head. */
void divisions_open (Nest *nest, RectoBlock *head, const char *type, int level);
