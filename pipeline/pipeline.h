/* pipeline.h: runs the stages over each input, in order.
 *
 * Each input is read in chunks and flows through normalize -> segment ->
 * extract -> write one article at a time, so memory holds one article and
 * the rules, never the whole corpus.
 */
#ifndef ZS_PIPELINE_H
#define ZS_PIPELINE_H

#include <stdio.h>

#include "coverage.h"
#include "extract.h"
#include "report.h"
#include "rules.h"
#include "write.h"

typedef enum {
  ZS_STAGE_ALL = 0,
  ZS_STAGE_NORMALIZE, /* print the normalized paragraphs and stop */
  ZS_STAGE_SEGMENT,   /* print the articles and sentences and stop */
} ZsStage;

typedef struct {
  ZsStage stage;
  gboolean strict;          /* any input problem fails the run */
  ZsExtractOptions extract;
  ZsWriteOptions write;
  ZsCoverage *coverage;     /* counts for --coverage, or NULL */
  ZsReport *report;         /* --report: the review page, or NULL */
  guint jobs;               /* threads (-j); 0 or 1: run in this thread */
} ZsRunOptions;

typedef struct {
  guint files, articles, rows, warnings;
} ZsRunStats;

/* Checks the command-line inputs (a file, a directory, "-" for standard
 * input; none: "-") and returns them, so that a missing or unreadable one
 * fails before any row is written. zs_pipeline_run() expands them: a
 * directory gives its regular files, recursively, and all files are run in
 * path order, so the output does not depend on the order given (walk.h). */
GPtrArray *zs_pipeline_inputs(char **args, GError **error);

/* Runs the pipeline over `inputs`, writing statistics to `out` and, when
 * `articles` is not NULL, one row per article to it. Returns FALSE with
 * `error` set when an input cannot be read (or, under --strict, has any
 * problem). */
gboolean zs_pipeline_run(const ZsRules *rules, GPtrArray *inputs, FILE *out, FILE *articles,
                         const ZsRunOptions *opts, ZsRunStats *stats, GError **error);

#endif
