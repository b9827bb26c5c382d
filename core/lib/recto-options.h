/* recto-options.h: the one parser of stage options, driven by the stage's option table. */
#pragma once

#include <recto/recto.h>

/* Makes @info's config struct: defaults first, then each "key=value" of @settings (may be
 * NULL). Returns NULL and sets a RECTO_ERROR_USAGE error naming the stage and the option for an
 * unknown option or a bad value. Free with recto_options_free(). */
gpointer recto_options_parse (const RectoStageInfo *info, const char *const *settings,
                              GError **error);
void recto_options_free (const RectoStageInfo *info, gpointer config);

/* Each option's value in @config as text, in table order; secret values as "***". */
GStrv recto_options_describe (const RectoStageInfo *info, gconstpointer config);

/* Checks the table itself (offsets inside config_size, known types, parsable defaults).
 * Returns FALSE and sets @error on the first fault. */
gboolean recto_options_check_table (const RectoStageInfo *info, GError **error);

const char *recto_option_type_name (RectoOptionType type);
