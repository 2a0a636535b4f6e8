/* datapackage.h: the Frictionless Data Package (datapackage.json) that
 * describes the CSV files: where they are, how they are encoded, and a Table
 * Schema with each column's type, constraints and meaning.
 *
 * The text depends only on the options and the CSV bytes (no timestamp, no
 * absolute path), so a regenerated dataset is byte for byte the same.
 */
#ifndef ZS_DATAPACKAGE_H
#define ZS_DATAPACKAGE_H

#include "write.h"

/* One CSV file described by the package. */
typedef struct {
  const char *path;  /* relative to the descriptor's directory, '/' separated */
  const char *sha256; /* hex digest of the file's bytes, or NULL when unknown */
  gsize bytes;        /* size of the file, when sha256 is set */
} ZsDpResource;

/* The descriptor as JSON text (UTF-8, '\n' line ends, a final newline).
 * `articles` may be NULL. `all_quantities` says whether rows with an empty
 * metric may occur. Free with g_free(). */
char *zs_dp_build(const ZsDpResource *stats, const ZsDpResource *articles,
                  const ZsWriteOptions *opts, gboolean all_quantities);

/* The path of `path` relative to the directory of the descriptor
 * `descriptor`, as the Data Package spec wants it: a child of that
 * directory, '/' separated, no "..". Fails (ZS_ERROR_OUTPUT) when `path` is
 * not inside that directory or is not valid UTF-8. Free with g_free(). */
char *zs_dp_relative_path(const char *descriptor, const char *path, GError **error);

/* SHA-256 (hex) of `len` bytes. Free with g_free(). */
char *zs_dp_sha256(const char *data, gsize len);

/* SHA-256 (hex) and size of the regular file `path`; NULL (no error) when
 * `path` is not a regular file (a device, a pipe), NULL with `error` set
 * when it cannot be read. Free with g_free(). */
char *zs_dp_sha256_file(const char *path, gsize *bytes, GError **error);

#endif
