/* recto-up-to-date.h: --skip-existing's test, whether an existing output was made from this very
 * input. */
#pragma once

#include "recto-inputs.h"

/* Whether @input's output exists and records @input's SHA-256 in its TEI header (read to the
 * header's end, however long): then it was made from this very file and need not be converted
 * again. */
gboolean recto_output_is_up_to_date (const RectoInput *input);
