/* continuation.h: whether a line carries on the open block. */
#pragma once

#include "builder.h"

/* Whether @line of @page, with @measures, carries on the block that b->prev ended so far. */
gboolean continuation_continues (const Builder *b, const RectoPage *page, const RectoLine *line,
                                 const LineMeasures *measures);

/* Whether @line broke off a sentence: it ends in a letter or a comma, not a full stop. */
gboolean continuation_breaks_sentence (const RectoLine *line);
