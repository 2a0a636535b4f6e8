/* dataset.h: the dataset as a whole: datapackage.json beside the CSV files,
 * and --check, which regenerates everything in memory and compares it with
 * the files on disk (so CI fails when a committed dataset is stale).
 */
#ifndef ZS_DATASET_H
#define ZS_DATASET_H

#include "pipeline.h"

/* Checks, before any output is opened, that a datapackage at `dp_path` can
 * describe the CSV files: they are named (not standard output) and lie in
 * its directory or below. `articles_path` may be NULL. */
gboolean zs_dataset_validate(const char *dp_path, const char *stats_path,
                             const char *articles_path, GError **error);

/* Writes datapackage.json atomically (see output.h), with the size and
 * SHA-256 of the CSV files as they now are on disk. */
gboolean zs_dataset_write_datapackage(const char *dp_path, const char *stats_path,
                                      const char *articles_path, const ZsRunOptions *opts,
                                      GError **error);

/* --check: runs the pipeline into memory and compares what it would write to
 * `stats_path`, `articles_path` and `dp_path` (each may be NULL but the
 * first) with those files. Prints one summary per file that differs to
 * standard error and returns ZS_EXIT_OK when all are identical,
 * ZS_EXIT_INPUT otherwise (or when an input fails). Writes no file. */
int zs_dataset_check(const ZsRules *rules, GPtrArray *inputs, const ZsRunOptions *opts,
                     const char *stats_path, const char *articles_path, const char *dp_path);

/* How two versions of a CSV file differ, row by row. Rows present in both
 * (as many times) are equal; the rest are paired as `changed` when they
 * share the key columns (file, line, article, surface: those the header
 * has), else counted as added or removed. */
typedef struct {
  guint old_rows, new_rows; /* data rows, header excluded */
  guint added, removed, changed;
  gboolean header_changed;
  gboolean not_csv; /* the old text is not valid CSV */
} ZsCsvDiff;

/* Compares two CSV texts (a byte order mark ignored). `header`: their first
 * row is a header. Up to `max_examples` lines describing differences
 * ("+ row", "- row", "~ file:line col: old -> new") are added to `examples`
 * (may be NULL). */
void zs_dataset_diff_csv(const char *old_text, gsize old_len, const char *new_text,
                         gsize new_len, gboolean header, ZsCsvDiff *diff,
                         GPtrArray *examples, guint max_examples);

#endif
