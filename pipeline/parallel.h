/* parallel.h: runs the inputs on a thread pool, output in input order.
 *
 * Each input file is one job of a GLib thread pool. A job writes through
 * its own streams (statistics, articles, warnings): while every earlier
 * input is finished, straight to the real outputs; otherwise into a buffer
 * that is passed on when its turn comes. The result is byte for byte what
 * one thread writes. A job whose buffer grows past a bound waits for its
 * turn, so memory stays bounded by the number of threads, not the corpus.
 */
#ifndef ZS_PARALLEL_H
#define ZS_PARALLEL_H

#include "pipeline.h"
#include "walk.h"

/* Runs one input through the stages (pipeline.c). Warnings go to `err`, or
 * to g_printerr() when `err` is NULL. */
gboolean zs_pipeline_run_file(const ZsRules *rules, const char *file, FILE *out,
                              FILE *articles, FILE *err, const ZsRunOptions *opts,
                              ZsRunStats *stats, GError **error);

/* zs_pipeline_run() for opts->jobs > 1 threads over the files of `walk`,
 * after the headers are written; the same contract. */
gboolean zs_parallel_run(const ZsRules *rules, ZsWalk *walk, FILE *out, FILE *articles,
                         const ZsRunOptions *opts, ZsRunStats *stats, GError **error);

#endif
