/* period.h: a sentence's time phrases -> the period of each figure. */
#ifndef ZS_PERIOD_H
#define ZS_PERIOD_H

#include "zhstats.h"

/* The time phrases of one sentence. Free with zs_period_free(). */
typedef struct ZsPeriods ZsPeriods;

/* Finds the time phrases of `sentence`, which must be valid UTF-8 (as every
 * sentence after the normalizer is; PCRE2 runs without checking it).
 * `year` is the publication year that resolves 今年/去年, or 0 when
 * unknown (then they give no period).
 * Breaks the ownership rule: the result keeps a pointer to `sentence`
 * (zs_period_at() reads it), which must outlive it; extract.c scans each
 * sentence anew, and copying it every time cost more than the scan. */
ZsPeriods *zs_period_scan(const char *sentence, int year);
void zs_period_free(ZsPeriods *p);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(ZsPeriods, zs_period_free)

/* The period of the figure at byte `offset` ("2023", "2023Q4", …), or NULL
 * when none governs it. `inherited` is the period in force at the end of
 * the previous sentence of the same paragraph, or NULL. At `offset` = the
 * sentence's length, it is the period in force for the next sentence. */
char *zs_period_at(const ZsPeriods *p, gsize offset, const char *inherited);

/* Convenience: scan and look up one figure. */
char *zs_period_of(const char *sentence, gsize offset, const char *inherited, int year);

#endif
