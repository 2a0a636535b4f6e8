/* extract.h: an article's sentences + a rule set -> statistics (ZsStat).
 *
 * The algorithm (which rule claims which number, kinds, 分别 lists,
 * periods) is written out in rules/README.md, "How numbers are matched".
 */
#ifndef ZS_EXTRACT_H
#define ZS_EXTRACT_H

#include "rules.h"
#include "zhstats.h"

/* Sentences longer than this (bytes) are cut, with a warning, before
 * matching: no real sentence is this long, and the cut keeps every step
 * linear in the input. */
#define ZS_SENTENCE_LIMIT (16 * 1024)

typedef struct {
  gboolean all_quantities; /* also emit quantities no rule claimed */
  int year;                /* publication year for 今年/去年, or 0: unknown */
} ZsExtractOptions;

/* Extracts the statistics of one article of input `file`. Returns a new
 * array of ZsStat*, in text order. Warnings (a pattern skipped) are
 * appended to `warnings` (may be NULL). */
GPtrArray *zs_extract_article(const ZsRules *rules, const char *file, const ZsArticle *article,
                              const ZsExtractOptions *opts, GPtrArray *warnings);

/* A short phrase naming what the figure at [start, end) of `sentence`
 * counts: the noun right after it (8489个老旧小区 -> 老旧小区), or else the
 * words before it in its clause (养老床位1883张 -> 养老床位). Returns a new
 * string, "" when there is none. */
char *zs_extract_subject(const char *sentence, gsize start, gsize end);

#endif
