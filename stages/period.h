/* period.h: a sentence's time phrases -> the period of each figure. */
#ifndef ZS_PERIOD_H
#define ZS_PERIOD_H

#include "zhstats.h"

/* One time phrase of a sentence: where it stands, and the period it
 * names ("" for relative time when no publication year is known). */
typedef struct {
  gsize start, end;
  char *period;
} ZsTimePhrase;

/* The time phrases of one sentence, in text order. Declared here so that
 * extract.c keeps one on its stack: a sentence has a few phrases, held in
 * `inline_phrases` with no allocation; more go to the heap.
 * Breaks the ownership rule: it keeps a pointer to the sentence
 * (zs_period_at() reads it), which must outlive it; extract.c scans each
 * sentence anew, and copying it every time cost more than the scan. */
typedef struct ZsPeriods {
  const char *sentence; /* borrowed */
  ZsTimePhrase *phrases; /* inline_phrases, or the heap when more */
  guint n, cap;
  ZsTimePhrase inline_phrases[8];
} ZsPeriods;

/* Finds the time phrases of `sentence` (`len` bytes), which must be valid
 * UTF-8 (as every sentence after the normalizer is; PCRE2 runs without
 * checking it), into `p`, whose earlier contents are not looked at.
 * `year` is the publication year that resolves 今年/去年, or 0 when
 * unknown (then they give no period). Release with zs_period_clear(). */
void zs_period_scan_into(ZsPeriods *p, const char *sentence, gsize len, int year);
void zs_period_clear(ZsPeriods *p);

/* zs_period_scan_into() on a new ZsPeriods; free with zs_period_free(). */
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

/* For tests: the pattern is tried only where a cheap guard says a match can
 * start. Returns the byte offset of a place where the pattern matches
 * although the guard says it cannot (a bug), or -1. */
gssize zs_period_guard_fails(const char *sentence);

#endif
