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
  /* The sentence's "；" that start a new fact (not ；其中), by byte offset,
   * read on the first zs_period_at() that asks: ZS_PERIOD_SEMIS_UNREAD
   * until then, ZS_PERIOD_SEMIS_MANY when more than semis holds. */
  gsize len;
  guint n_semis;
  gsize semis[4];
  /* The periods of the phrases read without PCRE2 (a few bytes each),
   * one after the other, instead of a string allocated for each; those
   * that do not fit, and PCRE2's, are allocated. */
  guint texts_used;
  char texts[128];
} ZsPeriods;

#define ZS_PERIOD_SEMIS_UNREAD G_MAXUINT
#define ZS_PERIOD_SEMIS_MANY (G_MAXUINT - 1)

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
/* Not const: it reads and keeps the sentence's "；" on first asking. */
char *zs_period_at(ZsPeriods *p, gsize offset, const char *inherited);
/* zs_period_at() without the copy: the string is p's (or `inherited`
 * itself), valid until zs_period_clear(p). */
const char *zs_period_at_borrowed(ZsPeriods *p, gsize offset, const char *inherited);

/* The period in force from one sentence of a paragraph to the next, worked
 * out only when a figure needs it. Most sentences hold no figure: each is
 * put aside (zs_period_carry_defer) instead of scanned, and when a figure
 * comes, the sentences put aside are scanned from the last one back, up to
 * the first whose own time phrases (or a "；") decide what it hands on;
 * a sentence that decides nothing hands on what it was handed. The answer
 * is the one scanning every sentence in turn gives. */
typedef struct {
  const char *s;
  gsize len;
} ZsPeriodDeferred;

typedef struct {
  char *value;     /* in force after the last sentence not put aside, or NULL */
  /* The sentences put aside since, in a plain array kept from paragraph to
   * paragraph (a GArray cost a call per sentence). */
  ZsPeriodDeferred *pending;
  guint n_pending, cap_pending;
  int year;        /* as for zs_period_scan_into() */
} ZsPeriodCarry;

void zs_period_carry_init(ZsPeriodCarry *c, int year);
void zs_period_carry_clear(ZsPeriodCarry *c);
/* A new paragraph, or a headline: nothing is carried. */
void zs_period_carry_reset(ZsPeriodCarry *c);
/* Puts aside a sentence with no figure; `s` must outlive the carry's next
 * zs_period_carry_reset() or zs_period_carry_get(). */
void zs_period_carry_defer(ZsPeriodCarry *c, const char *s, gsize len);
/* The period in force now (borrowed, or NULL). */
const char *zs_period_carry_get(ZsPeriodCarry *c);
/* The period in force after a sentence scanned in full: takes `value`. */
void zs_period_carry_set(ZsPeriodCarry *c, char *value);
/* zs_period_carry_set(c, zs_period_at(p, p->len, zs_period_carry_get(c)))
 * without copying a string: the period is taken out of p (its phrase is
 * left with none, for zs_period_clear() alone) or the carry kept. */
void zs_period_carry_set_after(ZsPeriodCarry *c, ZsPeriods *p);

/* Convenience: scan and look up one figure. */
char *zs_period_of(const char *sentence, gsize offset, const char *inherited, int year);

/* For tests: the pattern is tried only where a cheap guard says a match can
 * start, in a window before an anchor character (年 月 前 今 在). Returns
 * the byte offset of a place where the pattern matches although the guard
 * says it cannot or no window holds it (a bug), or -1. */
gssize zs_period_guard_fails(const char *sentence);

/* For tests: the common phrases ("2023年", "2023年5月", "较2022年", "目前",
 * "今年", ...) are read without PCRE2 where it could match nothing else.
 * Returns the byte offset of a place where PCRE2 reads other than that (a
 * bug), or -1. `year` as for zs_period_scan_into(). */
gssize zs_period_quick_fails(const char *sentence, int year);

/* For tests: does the scan, which tries only the windows, find the
 * phrases that trying every character finds? */
gboolean zs_period_windows_agree(const char *sentence, int year);

#endif
