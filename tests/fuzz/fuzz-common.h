/* fuzz-common.h: what the libFuzzer targets share: the build tree's stages, loaded once, and a
 * run of a pipeline on bytes into memory. The targets are built only with -Dfuzzing=true
 * (clang); tests/fuzz/run.sh runs them. */
#pragma once

#include "recto-pipeline.h"

/* The registry of the build tree's stages (FUZZ_PLUGIN_DIR), made on first use. */
RectoRegistry *fuzz_registry (void);

/* Runs @description on @data into a memory stream; errors are expected and dropped. */
void fuzz_run_pipeline (const char *description, const guint8 *data, gsize size,
                        const char *name);
