/* output.h: output files written atomically.
 *
 * A regular file (or a new path) is written to a temporary file beside it
 * and renamed into place by zs_output_commit(); until then the previous
 * file is untouched, and a failure, SIGINT or SIGTERM removes the temporary
 * file. Standard output, /dev/null, a pipe, a symbolic link or any other
 * non-regular file is written directly: renaming over it would replace the
 * device or the link.
 */
#ifndef ZS_OUTPUT_H
#define ZS_OUTPUT_H

#include <stdio.h>

#include "zhstats.h"

typedef struct ZsOutput ZsOutput;

/* Opens `path` for writing (NULL or "-": standard output). */
ZsOutput *zs_output_open(const char *path, GError **error);
FILE *zs_output_stream(ZsOutput *out);
/* Flushes, syncs and renames into place; frees `out` in every case. */
gboolean zs_output_commit(ZsOutput *out, GError **error);
/* Drops what was written (removes the temporary file); frees `out`. */
void zs_output_abort(ZsOutput *out);

/* Installs the SIGINT/SIGTERM handler that removes temporary files. */
void zs_output_install_signal_handlers(void);

#endif
