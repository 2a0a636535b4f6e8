/* extract_int.h: what the files of the extract stage share.
 *
 * extract.c walks an article's sentences; extract_kind.c reads each
 * figure's kind and the clauses of the sentence; extract_claim.c decides
 * which rule claims which figure. Not for other stages.
 */
#ifndef ZS_EXTRACT_INT_H
#define ZS_EXTRACT_INT_H

#include <string.h>

#include "rules.h"
#include "zhstats.h"

/* A figure of the sentence at hand, as the extract stage sees it. */
typedef struct {
  ZsQuantity *q;
  ZsKind kind;
  gboolean fall;
  const ZsRule *rule; /* claiming rule, or NULL */
  const char *metric; /* borrowed from a rule */
  const char *period; /* borrowed (zs_period_at_borrowed()) */
  guint64 unit_bit; /* zs_rules_unit_bit() of the quantity's unit */
} Item;

/* The figures of the sentence at hand: a plain array, refilled for every
 * sentence with a figure (GArray's calls cost more than the moves). */
typedef struct {
  Item *v;
  guint len, cap;
} Items;

/* Words with their byte lengths: ends_at() runs for every word before
 * every figure. */
typedef struct {
  const char *w;
  gsize len;
} Word;

static inline gboolean is_change(ZsKind k) {
  return k == ZS_KIND_CHANGE_PCT || k == ZS_KIND_CHANGE_ABS || k == ZS_KIND_GROWTH_MULTIPLE;
}

/* The text between two figures, s[from, to), is read in place, never
 * copied: these run for every pair of figures. */

/* Is s[from, to) exactly w? */
static inline gboolean span_is(const char *s, gsize from, gsize to, const char *w) {
  gsize l = strlen(w);
  return to >= from && to - from == l && memcmp(s + from, w, l) == 0;
}

/* Does s[from, to) contain w? */
static inline gboolean span_has(const char *s, gsize from, gsize to, const char *w) {
  gsize l = strlen(w);
  for (gsize i = from; i + l <= to; i++)
    if (s[i] == w[0] && memcmp(s + i, w, l) == 0)
      return TRUE;
  return FALSE;
}

/* Only list punctuation between two figures: they form one list. */
static inline gboolean list_gap(const char *s, gsize from, gsize to) {
  return span_is(s, from, to, "、") || span_is(s, from, to, "和") ||
         span_is(s, from, to, "及") || span_is(s, from, to, "与") ||
         span_is(s, from, to, "以及") || span_is(s, from, to, "，");
}

/* A clause number: 16 bits, half the bytes of a guint to write for every
 * byte of a sentence. A piece has at most ZS_SENTENCE_LIMIT bytes, so at
 * most that many marks; zs_extract_clause_map() takes fewer than 65535. */
typedef guint16 ZsClause;

/* Fills map[0..n] with the clause number of every byte of s (NUL-terminated
 * at n, n < 65535); a mark belongs to the clause it ends. map has n + 1
 * entries. */
void zs_extract_clause_map(const char *s, gsize n, ZsClause *map);

/* Sets each item's kind (and fall) from the words before it. */
void zs_extract_classify(const char *s, Items *items);

/* 分别: the figures of the list after it go, in order, to the phrases of
 * the list before it in the same clause (run before zs_extract_claim()),
 * or else, with `by_figures` (run after it), to the last figures claimed
 * before it. `first` is the first 分别 of s (strstr(s, "分别"), which the
 * caller has asked already). */
void zs_extract_distribute(const char *s, const char *first, const ZsClause *clause,
                           Items *items, ZsRuleMatches *matches, gboolean by_figures);

/* Gives figures to the rule matches that claim them (rule, metric). */
void zs_extract_claim(const ZsClause *clause, Items *items, ZsRuleMatches *matches);

/* Gives the figures no match claimed the metric of the figure they
 * continue (a change, the next value of a series, a range's bound). */
void zs_extract_continue_series(const char *s, const ZsClause *clause, Items *items,
                                ZsRuleMatches *matches);

#endif
