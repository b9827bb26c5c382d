/* good-text.h: a document's good text, as context-readings.h looks passages up in it.
 *
 * The characters the text layer gives validly and recto keeps, in the pages' glyph order, white
 * space left out, each folded (compatibility decomposition: "．" is ".", "／" is "/"); holes
 * where other glyphs stand and at pages' ends, which nothing matches. Each character's
 * positions are indexed, so a pattern is looked for only where its rarest character stands. */
#pragma once

#include <glib.h>

/* Where no good character stands. */
#define GOOD_TEXT_HOLE 0
/* In a pattern: any good character. */
#define GOOD_TEXT_ANY 0

typedef struct
{
  GArray *chars; /* gunichar, folded; GOOD_TEXT_HOLE where no good character stands */
  GArray *original; /* gunichar: the characters as the good text gives them */
  GHashTable *positions; /* folded character → GArray of guint */
  guint length; /* good characters */
  guint unique; /* the least n at which half the good text's n-grams occur once */
} GoodText;

GoodText *good_text_new (void);
void good_text_free (GoodText *good);

/* @c after compatibility folding, when that is one character; else @c. */
gunichar good_text_fold (gunichar c);

/* Adds @c (GOOD_TEXT_HOLE for a glyph that is not good text) at the end of @good. */
void good_text_add (GoodText *good, gunichar c);

/* Sets good->unique: the least n at which half the n-grams of @good occur once. */
void good_text_measure (GoodText *good);

/* Looks for the passages of @good that @pattern (@n folded characters, GOOD_TEXT_ANY for any)
 * matches. Returns how many it matched; *@c is the good text's character (as the text gives
 * it) at @center in them, or 0 when they give different ones. */
guint good_text_match (const GoodText *good, const gunichar *pattern, guint n, guint center,
                       gunichar *c);

/* How many passages of @good the known characters of @pattern would match by chance, given
 * their frequencies in it. */
double good_text_chance_matches (const GoodText *good, const gunichar *pattern, guint n);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GoodText, good_text_free)
