/* line-joins.h: joining a line's text onto its block. */
#pragma once

#include "builder.h"

/* Ends @block's text so that @text can follow: a space between Latin words, nothing where
 * either side is CJK, and a hyphen the line break added replaced by a marked <lb>. */
void line_joins_join (Builder *b, RectoBlock *block, const char *text);
