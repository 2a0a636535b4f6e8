/* coverage.h: what the rules claimed and what they missed, for rule authors.
 *
 * `zhstats --coverage` counts, over a run, the rows each rule claimed and
 * the subjects of the quantities no rule claimed, then prints the rules
 * that matched nothing and the ten most frequent unclaimed subjects.
 */
#ifndef ZS_COVERAGE_H
#define ZS_COVERAGE_H

#include <stdio.h>

#include "rules.h"

typedef struct ZsCoverage ZsCoverage;

/* A new counter over `rules` (borrowed: it must outlive the counter). */
ZsCoverage *zs_coverage_new(const ZsRules *rules);
void zs_coverage_free(ZsCoverage *cov);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(ZsCoverage, zs_coverage_free)

/* Counts the rows of one article (ZsStat*, claimed and unclaimed). */
void zs_coverage_add(ZsCoverage *cov, GPtrArray *stats);

/* Prints the summary. */
void zs_coverage_print(const ZsCoverage *cov, FILE *fp);

#endif
