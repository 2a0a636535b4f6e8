/* rules_match.c: finds where the rules match a sentence.
 *
 * Every phrase, exclude phrase and gate literal of every rule is a word of
 * one Aho-Corasick automaton (ac.c): one pass over the sentence finds them
 * all; then only the patterns whose gate occurred run (PCRE2).
 */
#include <stdlib.h>
#include <string.h>

#include "gate.h"
#include "perthread.h"
#include "rules_int.h"

/* The order of zs_rules_match(): by start, the longer first, the longer
 * context first, the rule defined first. */
static gint cmp_match(gconstpointer pa, gconstpointer pb) {
  const ZsRuleMatch *a = pa, *b = pb;
  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  gsize la = a->end - a->start, lb = b->end - b->start;
  if (la != lb)
    return la > lb ? -1 : 1;
  la = a->start - a->context, lb = b->start - b->context;
  if (la != lb)
    return la > lb ? -1 : 1;
  return a->rule->index < b->rule->index ? -1 : a->rule->index > b->rule->index;
}

/* Sorts a sentence's matches by cmp_match(). The phrases come by end, so
 * nearly by start already: an insertion sort does few moves. Matches that
 * compare equal are equal in every field, so any sort gives the same
 * array; a long list goes to qsort() to stay O(n log n). */
static void sort_matches(ZsRuleMatches *out) {
  ZsRuleMatch *v = out->v;
  if (out->len > 64) {
    qsort(v, out->len, sizeof *v, cmp_match);
    return;
  }
  for (guint i = 1; i < out->len; i++) {
    ZsRuleMatch m = v[i];
    guint j = i;
    for (; j > 0 && cmp_match(&m, &v[j - 1]) < 0; j--)
      v[j] = v[j - 1];
    v[j] = m;
  }
}

static void add_hit(GArray *hits, GArray *words, guint word, const ZsRule *r, guint32 rule,
                    guint type, guint slot) {
  Hit h = {r, rule, (guint16)type, (guint16)slot};
  g_array_append_val(hits, h);
  g_array_append_val(words, word);
}

/* Puts every phrase, exclude and gate literal of every rule into one
 * automaton, and records what each of its words means to which rule. */
void zs_rules_index(ZsRules *rules) {
  rules->ac = zs_ac_new();
  rules->ungated = g_array_new(FALSE, FALSE, sizeof(guint32));
  g_autoptr(GArray) hits = g_array_new(FALSE, FALSE, sizeof(Hit));
  g_autoptr(GArray) words = g_array_new(FALSE, FALSE, sizeof(guint));
  rules->ovec_pairs = 1;
  for (guint32 i = 0; i < rules->rules->len; i++) {
    ZsRule *r = rules->rules->pdata[i];
    for (guint k = 0; r->phrases[k]; k++)
      add_hit(hits, words, zs_ac_add(rules->ac, r->phrases[k], strlen(r->phrases[k])), r,
              i, HIT_PHRASE, k);
    for (guint k = 0; r->excludes[k]; k++)
      add_hit(hits, words, zs_ac_add(rules->ac, r->excludes[k], strlen(r->excludes[k])), r,
              i, HIT_EXCLUDE, 0);
    if (!r->code)
      continue;
    guint32 groups = 0;
    pcre2_pattern_info(r->code, PCRE2_INFO_CAPTURECOUNT, &groups);
    rules->ovec_pairs = MAX(rules->ovec_pairs, groups + 1);
    g_autofree gsize *before = NULL;
    g_auto(GStrv) gates = zs_gate_choices_before(r->pattern, &before);
    if (!gates)
      g_array_append_val(rules->ungated, i);
    /* A gate's slot: the most bytes a match holds before it (GATE_UNBOUNDED:
     * no bound). */
    for (guint k = 0; gates && gates[k]; k++)
      add_hit(hits, words, zs_ac_add(rules->ac, gates[k], strlen(gates[k])), r, i, HIT_GATE,
              MIN(before[k], GATE_UNBOUNDED));
  }
  zs_ac_build(rules->ac);
  /* Group the meanings by word: a counting sort keeps each word's in rule
   * order. */
  guint n = zs_ac_words(rules->ac);
  rules->first = g_new0(guint, n + 1);
  for (guint i = 0; i < words->len; i++)
    rules->first[g_array_index(words, guint, i) + 1]++;
  for (guint w = 0; w < n; w++)
    rules->first[w + 1] += rules->first[w];
  g_autofree guint *fill = g_memdup2(rules->first, sizeof(guint) * (n + 1));
  rules->hits = g_new(Hit, MAX(hits->len, 1));
  for (guint i = 0; i < hits->len; i++)
    rules->hits[fill[g_array_index(words, guint, i)]++] = g_array_index(hits, Hit, i);
}

/* Room in out for n matches (its len unchanged). */
static inline void matches_reserve(ZsRuleMatches *out, guint n) {
  if (n > out->cap) {
    out->cap = MAX(MAX(16, 2 * out->cap), n);
    out->v = g_renew(ZsRuleMatch, out->v, out->cap);
  }
}

/* Runs r's pattern over s, match after match, searching from `from`: no
 * match starts before it (see match_sentence()). `last_gate` is where the
 * last occurrence of one of the pattern's gate literals starts (G_MAXSIZE
 * for a pattern without gates): every match holds a gate occurrence
 * between its real start (before any \K) and its end, and a search from
 * `at` starts no match before `at`, so once `at` is past the last gate no
 * further search can match and none is run. */
static void match_pattern(const ZsRules *rules, const ZsRule *r, pcre2_match_data *md,
                          const char *s, gsize len, gsize from, gsize last_gate,
                          uint32_t flags, ZsRuleMatches *out, GPtrArray *warnings) {
  /* pcre2_match() of a JIT-compiled pattern, the UTF-8 check off, does
   * nothing but call pcre2_jit_match() (and check its arguments): the
   * call is made directly. A subject not known to be valid goes through
   * pcre2_match(), which checks it. */
  gboolean direct = r->jit && (flags & PCRE2_NO_UTF_CHECK);
  /* A search starts at a character: PCRE2 is told not to check. */
  PCRE2_SIZE at = MIN(from, len);
  while (at > 0 && (s[at] & 0xC0) == 0x80)
    at--;
  while (at <= len && at <= last_gate) {
    int rc = direct ? pcre2_jit_match(r->code, (PCRE2_SPTR)s, len, at, flags, md, rules->mctx)
                    : pcre2_match(r->code, (PCRE2_SPTR)s, len, at, flags, md, rules->mctx);
    if (rc == PCRE2_ERROR_NOMATCH)
      break;
    if (rc < 0) {
      PCRE2_UCHAR msg[256];
      pcre2_get_error_message(rc, msg, sizeof msg);
      if (warnings)
        g_ptr_array_add(warnings, g_strdup_printf("%s: pattern of [%s] skipped for a sentence: %s",
                                                  r->where, r->metric, (const char *)msg));
      /* Drop what this rule matched in the sentence: a half-run pattern
       * must not decide anything. */
      guint kept = 0;
      for (guint i = 0; i < out->len; i++)
        if (out->v[i].rule != r)
          out->v[kept++] = out->v[i];
      out->len = kept;
      break;
    }
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    if (ov[1] > ov[0]) {
      matches_reserve(out, out->len + 1);
      out->v[out->len++] = (ZsRuleMatch){r, ov[0], ov[1], pcre2_get_startchar(md)};
      at = ov[1];
    } else {
      at = ov[0] + 1;
      while (at < len && (s[at] & 0xC0) == 0x80)
        at++;
    }
  }
}

/* An occurrence of an automaton word: its meaning (index into hits) and
 * where it stands. */
typedef struct {
  guint hit;
  gsize start, end;
} Found;

/* The occurrences of a sentence, one per meaning of each word found. */
typedef struct {
  Found *v;
  guint len, cap;
} FoundList;

/* A list of rule indexes (a sentence's vetoed rules, its patterns to run),
 * kept from one sentence to the next. */
typedef struct {
  guint32 *v;
  guint len, cap;
} RuleList;

static void rule_list_add(RuleList *l, guint32 rule) {
  if (l->len == l->cap) {
    l->cap = MAX(16, l->cap * 2);
    l->v = g_renew(guint32, l->v, l->cap);
  }
  l->v[l->len++] = rule;
}

static gboolean has_rule(const RuleList *l, guint32 rule) {
  for (guint i = 0; i < l->len; i++)
    if (l->v[i] == rule)
      return TRUE;
  return FALSE;
}


static gint cmp_u32(gconstpointer a, gconstpointer b) {
  guint32 x = *(const guint32 *)a, y = *(const guint32 *)b;
  return x < y ? -1 : x > y;
}

/* Sorts a list of rule indexes: most are a few long, sorted by insertion
 * without qsort()'s calls; a long one by qsort(). */
static void sort_rules(RuleList *l) {
  if (l->len > 16) {
    qsort(l->v, l->len, sizeof *l->v, cmp_u32);
    return;
  }
  for (guint i = 1; i < l->len; i++) {
    guint32 r = l->v[i];
    guint j = i;
    for (; j > 0 && l->v[j - 1] > r; j--)
      l->v[j] = l->v[j - 1];
    l->v[j] = r;
  }
}

/* The working arrays of match_sentence(), per thread and kept from one
 * sentence to the next: each call starts by emptying them, and none of
 * them leaves the call. */
typedef struct {
  ZsAcHits words;
  FoundList found;
  RuleList vetoed, run;
  guint *taken; /* indexes into found */
  guint taken_cap;
  /* last_gate[rule]: where the sentence's last gate occurrence of a rule in
   * `run` starts (match_pattern()); G_MAXSIZE for a rule run ungated.
   * Written only for the rules in `run`, so never cleared. */
  gsize *last_gate;
  /* first_start[rule]: where a search for a rule in `run` may start, no
   * match of it starting before: the least, over its gate occurrences, of
   * the occurrence's start less the most bytes a match holds before that
   * gate (zs_gate_choices_before()); 0 for a rule run ungated. */
  gsize *first_start;
  guint last_gate_cap;
  /* PCRE2 forbids sharing match data between threads; one, as large as
   * the largest pattern needs, serves every pattern the thread runs. */
  pcre2_match_data *md;
  guint32 md_pairs;  /* its ovector's pairs */
} Scratch;

static _Thread_local Scratch *my_scratch;

/* Run by the GPrivate in the thread that ends. */
static void scratch_free(gpointer data) {
  Scratch *sx = data;
  my_scratch = NULL;
  g_free(sx->words.v);
  g_free(sx->found.v);
  g_free(sx->vetoed.v);
  g_free(sx->run.v);
  g_free(sx->taken);
  g_free(sx->last_gate);
  g_free(sx->first_start);
  pcre2_match_data_free(sx->md);
  g_free(sx);
}
/* The thread's scratch, asked for per sentence (perthread.h). */
static GPrivate thread_scratch = G_PRIVATE_INIT(scratch_free);

static Scratch *scratch(const ZsRules *rules) {
  Scratch *sx = ZS_THREAD_OWN(my_scratch, &thread_scratch, g_new0(Scratch, 1));
  if (sx->md_pairs < rules->ovec_pairs) {
    pcre2_match_data_free(sx->md);
    sx->md = pcre2_match_data_create(rules->ovec_pairs, NULL);
    sx->md_pairs = rules->ovec_pairs;
  }
  if (sx->last_gate_cap < rules->rules->len) {
    sx->last_gate_cap = rules->rules->len;
    sx->last_gate = g_renew(gsize, sx->last_gate, sx->last_gate_cap);
    sx->first_start = g_renew(gsize, sx->first_start, sx->last_gate_cap);
  }
  sx->words.len = 0;
  sx->found.len = 0;
  sx->vetoed.len = 0;
  sx->run.len = 0;
  return sx;
}

/* One pass of the automaton finds every phrase, exclude and gate; then
 * only the patterns whose gate occurred (or that have none) run. The
 * result is what scanning each rule on its own gives: a phrase's
 * occurrences are taken left to right without overlapping each other. */
static void match_sentence(const ZsRules *rules, const char *sentence, gsize len,
                           gboolean valid, ZsRuleMatches *out, GPtrArray *warnings) {
  Scratch *sx = scratch(rules);
  FoundList *found = &sx->found;
  RuleList *vetoed = &sx->vetoed, *run = &sx->run;
  if (valid)
    zs_ac_scan_utf8(rules->ac, sentence, len, &sx->words);
  else
    zs_ac_scan(rules->ac, sentence, len, &sx->words);
  /* Each word's meanings: excludes veto their rule, gates have their
   * pattern run, phrases are the occurrences `found` holds. */
  for (gsize k = 0; k < sx->words.len; k++) {
    const ZsAcHit *w = &sx->words.v[k];
    for (guint h = rules->first[w->word]; h < rules->first[w->word + 1]; h++) {
      const Hit *hit = &rules->hits[h];
      if (hit->type == HIT_EXCLUDE) {
        if (!has_rule(vetoed, hit->rule))
          rule_list_add(vetoed, hit->rule);
      } else if (hit->type == HIT_GATE) {
        gsize start = hit->slot == GATE_UNBOUNDED || w->start < hit->slot ? 0
                                                                          : w->start - hit->slot;
        if (!has_rule(run, hit->rule)) {
          rule_list_add(run, hit->rule);
          sx->last_gate[hit->rule] = w->start;
          sx->first_start[hit->rule] = start;
        } else {
          sx->last_gate[hit->rule] = MAX(sx->last_gate[hit->rule], w->start);
          sx->first_start[hit->rule] = MIN(sx->first_start[hit->rule], start);
        }
      } else {
        if (found->len == found->cap) {
          found->cap = MAX(64, found->cap * 2);
          found->v = g_renew(Found, found->v, found->cap);
        }
        found->v[found->len++] = (Found){h, w->start, w->end};
      }
    }
  }
  /* Phrases: occurrences come by end, so per phrase by start too. There
   * are at most as many as occurrences: `taken` has room for that, `out`
   * is sized for it first and cut to what was taken after. */
  guint n_taken = 0;
  if (found->len > sx->taken_cap) {
    sx->taken_cap = found->cap;
    sx->taken = g_renew(guint, sx->taken, sx->taken_cap);
  }
  matches_reserve(out, found->len);
  guint *taken = sx->taken;
  ZsRuleMatch *om = out->v;
  for (guint i = 0; i < found->len; i++) {
    const Found *f = &found->v[i];
    const Hit *h = &rules->hits[f->hit];
    if (vetoed->len && has_rule(vetoed, h->rule))
      continue;
    gboolean overlaps = FALSE;
    for (guint k = n_taken; k-- > 0;) {
      const Found *prev = &found->v[taken[k]];
      if (prev->hit == f->hit) {
        overlaps = f->start < prev->end;
        break;
      }
    }
    if (overlaps)
      continue;
    om[n_taken] = (ZsRuleMatch){h->r, f->start, f->end, f->start};
    taken[n_taken++] = i;
  }
  out->len = n_taken;

  /* PCRE2 would check the UTF-8 of the whole sentence at every call of the
   * loop; once is enough (or none: zs_rules_match_valid). On invalid UTF-8
   * (the normalizer never gives any) every pattern runs, checked, and each
   * reports it, as before. */
  uint32_t flags = valid ? PCRE2_NO_UTF_CHECK : 0;
  GArray *always = rules->ungated;
  if (!valid) {
    run->len = 0;
    for (guint32 i = 0; i < rules->rules->len; i++)
      if (((ZsRule *)rules->rules->pdata[i])->code) {
        rule_list_add(run, i);
        sx->last_gate[i] = G_MAXSIZE;
        sx->first_start[i] = 0;
      }
    always = NULL;
  }
  for (guint i = 0; always && i < always->len; i++) {
    guint32 ri = g_array_index(always, guint32, i);
    if (!has_rule(run, ri)) {
      rule_list_add(run, ri);
      sx->last_gate[ri] = G_MAXSIZE;
      sx->first_start[ri] = 0;
    }
  }
  if (run->len) {
    /* Warnings come in rule order, as they would rule by rule. */
    sort_rules(run);
    for (guint i = 0; i < run->len; i++) {
      guint32 ri = run->v[i];
      if (!has_rule(vetoed, ri))
        match_pattern(rules, rules->rules->pdata[ri], sx->md, sentence, len,
                      sx->first_start[ri], sx->last_gate[ri], flags, out, warnings);
    }
  }
  sort_matches(out);
}

/* The matches of a sentence as a new GArray, for the callers that keep
 * them. */
static GArray *match_array(const ZsRules *rules, const char *sentence, gsize len,
                           gboolean valid, GPtrArray *warnings) {
  ZsRuleMatches m = {NULL, 0, 0};
  match_sentence(rules, sentence, len, valid, &m, warnings);
  GArray *out = g_array_sized_new(FALSE, FALSE, sizeof(ZsRuleMatch), m.len);
  g_array_append_vals(out, m.v, m.len);
  g_free(m.v);
  return out;
}

GArray *zs_rules_match(const ZsRules *rules, const char *sentence, GPtrArray *warnings) {
  gsize len = strlen(sentence);
  return match_array(rules, sentence, len, g_utf8_validate(sentence, (gssize)len, NULL),
                     warnings);
}

GArray *zs_rules_match_valid(const ZsRules *rules, const char *sentence, gsize len,
                             GPtrArray *warnings) {
  return match_array(rules, sentence, len, TRUE, warnings);
}

void zs_rules_match_into(const ZsRules *rules, const char *sentence, gsize len,
                         ZsRuleMatches *out, GPtrArray *warnings) {
  match_sentence(rules, sentence, len, TRUE, out, warnings);
}
