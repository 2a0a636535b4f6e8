/* rules_int.h: what rules.c (loading) and rules_match.c (matching) share.
 *
 * Not for other stages: they see ZsRules only through rules.h.
 */
#ifndef ZS_RULES_INT_H
#define ZS_RULES_INT_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "ac.h"
#include "rules.h"

/* What an automaton word means for one rule: a phrase of it (slot: the
 * phrase's index), an exclude phrase, or a literal that gates its pattern. */
enum { HIT_PHRASE, HIT_EXCLUDE, HIT_GATE };
/* A gate's slot: the most bytes a match holds before the literal, this
 * value when there is no such bound (or it is this large). */
#define GATE_UNBOUNDED G_MAXUINT16
typedef struct {
  const ZsRule *r;   /* rules->rules->pdata[rule], so that a match reads no more */
  guint32 rule;
  guint16 type;
  guint16 slot;    /* a phrase's index; a gate's bound (GATE_UNBOUNDED) */
} Hit;

struct ZsRules {
  GPtrArray *rules; /* ZsRule* */
  pcre2_match_context *mctx;
  ZsAc *ac;          /* every phrase, exclude and gate literal of every rule */
  Hit *hits;         /* hits[first[w] .. first[w + 1]) are word w's meanings */
  guint *first;
  GArray *ungated;   /* guint32: rules whose pattern has no gate: always run */
  guint32 ovec_pairs; /* largest ovector any pattern needs */
  GPtrArray *units;  /* distinct units of all rules, in first-seen order (borrowed) */
  guint32 *unit_ids;  /* hash table: 1 + index in units, 0 empty (zs_rules_unit_bit) */
  guint32 unit_mask;  /* its size - 1 */
  /* The units' texts one after another, each with its NUL, unit i at
   * unit_text + unit_off[i]: zs_rules_unit_bit() compares in a few hundred
   * bytes, not in strings spread over the heap. */
  char *unit_text;
  guint32 *unit_off;
};

/* Builds the automaton of all phrases, excludes and gate literals and what
 * each of its words means; run once, after loading. */
void zs_rules_index(ZsRules *rules);

#endif
