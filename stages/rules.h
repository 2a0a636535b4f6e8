/* rules.h: rules files -> a compiled rule set, and where its rules match.
 *
 * A rules file is a GLib key file, one group per metric; rules/README.md
 * documents every key. Loading checks everything a user can get wrong and
 * reports each problem as "FILE:LINE: message".
 */
#ifndef ZS_RULES_H
#define ZS_RULES_H

#include "zhstats.h"

typedef struct ZsRules ZsRules;

typedef enum {
  ZS_SCOPE_CLAUSE = 0, /* a number must stand in the phrase's clause */
  ZS_SCOPE_SENTENCE,   /* anywhere in the sentence */
} ZsScope;

/* One metric's rule. Owned by its ZsRules. */
typedef struct {
  char *metric;
  char *label;
  char *description;
  char **phrases;   /* literal phrases, NULL-terminated */
  char **excludes;  /* phrases that veto a match in the same sentence */
  char **units;     /* accepted base units, NULL-terminated */
  char *pattern;    /* PCRE2 source, or NULL */
  gpointer code;    /* compiled pcre2_code*, or NULL */
  gboolean jit;     /* code was JIT-compiled (rules_match.c calls the JIT directly) */
  guint kinds;      /* bit (1 << ZsKind) per accepted kind */
  guint64 unit_bits; /* zs_rules_unit_bit() of each of its units, or'ed */
  ZsScope scope;
  char *file;
  guint line;       /* line of the [group] header */
  guint index;      /* order of definition across all files */
  char *where;      /* "FILE:LINE" */
  /* strlen() of metric and where, told to the rows the rule claims
   * (zs_stat_new_known()) so that none measures them again. */
  gsize metric_len, where_len;
} ZsRule;

/* Where a rule's phrase or pattern matched a sentence (byte offsets). */
typedef struct {
  const ZsRule *rule;
  gsize start, end; /* what the match reports (a pattern's \K moves start) */
  gsize context;    /* where the whole match began, before any \K */
} ZsRuleMatch;

/* Loads rules from files and directories (a directory: every *.rules file
 * in it, in name order). Every problem found is appended to `problems` as
 * "FILE:LINE: message"; returns NULL when there is any, or when nothing
 * could be read (with `error` set). Free with zs_rules_free(). */
ZsRules *zs_rules_load(const char *const *paths, GPtrArray *problems, GError **error);
void zs_rules_free(ZsRules *rules);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(ZsRules, zs_rules_free)

guint zs_rules_count(const ZsRules *rules);
const ZsRule *zs_rules_get(const ZsRules *rules, guint i);

/* Every match of every rule in `sentence`, ordered by start offset, then by
 * length (longest first), then by the length of a pattern's context
 * before \K (longest first), then by rule order. A rule whose exclude phrase
 * occurs in the sentence gives no match. A pattern that hits the PCRE2
 * match or depth limit is skipped for this sentence, with a warning naming
 * the rule appended to `warnings` (may be NULL). Returns a new GArray of
 * ZsRuleMatch. Safe to call from several threads at once. */
GArray *zs_rules_match(const ZsRules *rules, const char *sentence, GPtrArray *warnings);

/* zs_rules_match() for a sentence of `len` bytes known to be valid UTF-8,
 * as every sentence after the normalizer is (invalid bytes become U+FFFD
 * there): skips the check that zs_rules_match() makes of each sentence. */
GArray *zs_rules_match_valid(const ZsRules *rules, const char *sentence, gsize len,
                             GPtrArray *warnings);

/* A plain growable array of matches for zs_rules_match_into(): the
 * extract stage matches every sentence with a figure, and GArray's calls
 * to size and append cost more than the few moves they make. Start it
 * zeroed; free v with g_free(). */
typedef struct {
  ZsRuleMatch *v;
  guint len, cap;
} ZsRuleMatches;

/* zs_rules_match_valid() into `out` (emptied first), so that a caller
 * matching sentence after sentence keeps one array. */
void zs_rules_match_into(const ZsRules *rules, const char *sentence, gsize len,
                         ZsRuleMatches *out, GPtrArray *warnings);

/* Does the rule accept this unit and kind? */
gboolean zs_rule_accepts(const ZsRule *rule, const char *unit, ZsKind kind);

/* A unit's bit among the distinct units of the rule set: one of its own
 * for each of the first 63, ZS_UNIT_BIT_MORE (shared) for every later one,
 * 0 for a unit no rule names. Lets a caller that asks about one unit
 * against many rules look the unit up once (zs_rule_accepts_bit). */
#define ZS_UNIT_BIT_MORE (G_GUINT64_CONSTANT(1) << 63)
guint64 zs_rules_unit_bit(const ZsRules *rules, const char *unit);

/* zs_rule_accepts(rule, unit, kind), given `bit` = zs_rules_unit_bit() of
 * `unit` in the rule's set: a bit of its own decides alone; only the
 * shared one needs the names compared. */
static inline gboolean zs_rule_accepts_bit(const ZsRule *rule, guint64 bit, const char *unit,
                                           ZsKind kind) {
  if (!(rule->kinds & (1u << kind)) || !(rule->unit_bits & bit))
    return FALSE;
  return bit != ZS_UNIT_BIT_MORE || zs_rule_accepts(rule, unit, kind);
}

#endif
