/* hyphenation.h: telling a hyphen that a line break added ("infrastruc-" / "ture") from a real
 * one that fell at a line end ("data-" / "driven"), from the volume's own vocabulary. */
#pragma once

#include <recto/recto.h>

typedef struct _Hyphenation Hyphenation;

/* Learns the words of @doc's body lines. Only words inside a line count: the first and last
 * word of a line may be halves of a broken word. */
Hyphenation *hyphenation_new (RectoDocument *doc);
void hyphenation_free (Hyphenation *hyphenation);

/* Whether the hyphen that ends @block's text was added by the line break before @next_line:
 * yes when the joined word occurs in the volume; no when the hyphenated compound occurs, when
 * the first half is a word of its own, or when the second half starts with a capital. */
gboolean hyphenation_is_added (const Hyphenation *hyphenation, const RectoBlock *block,
                               const char *next_line);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Hyphenation, hyphenation_free)
