/* extract.c: claims the quantities of each sentence for the rules' metrics.
 *
 * For every sentence of an article: numbers.c finds the quantities, rules.c
 * finds where the rules' phrases stand, and this file decides
 *   - each quantity's kind, from the words right before it (增长 → change),
 *   - which rule claims it: a 分别 list first, then the nearest phrase in
 *     the same clause (after the phrase first, then before it), the longest
 *     phrase winning, then the rule defined first,
 *   - metrics of changes and continued series that name no phrase of their
 *     own (they refer back to the figure before them),
 *   - the period, from the time phrases that govern the figure.
 * rules/README.md gives the same algorithm for rule authors, with examples.
 */
#include "extract.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <string.h>

#include "numbers.h"

void zs_stat_free(ZsStat *s) {
  if (!s)
    return;
  g_free(s->metric);
  g_free(s->value);
  g_free(s->unit);
  g_free(s->sentence);
  g_free(s->surface);
  g_free(s->article);
  g_free(s->file);
  g_free(s->period);
  g_free(s->rule);
  g_free(s);
}

/* ---- clauses -------------------------------------------------------------- */

static gboolean clause_break_at(const char *s, gsize i, gsize *len) {
  static const char *marks[] = {"，", "；", "。", "！", "？", "：", ",", ";"};
  for (gsize k = 0; k < G_N_ELEMENTS(marks); k++) {
    if (s[i] != marks[k][0])
      continue; /* runs for every byte: skip the strlen and strncmp */
    gsize l = strlen(marks[k]);
    if (strncmp(s + i, marks[k], l) == 0) {
      *len = l;
      return TRUE;
    }
  }
  return FALSE;
}

/* Clause number of every byte of s. */
static guint *clause_map(const char *s, gsize n) {
  guint *map = g_new(guint, n + 1);
  guint c = 0;
  for (gsize i = 0; i < n;) {
    gsize l;
    if (clause_break_at(s, i, &l)) {
      for (gsize k = 0; k < l; k++)
        map[i + k] = c;
      c++;
      i += l;
    } else {
      map[i++] = c;
    }
  }
  map[n] = c;
  return map;
}

/* ---- kinds ---------------------------------------------------------------- */

static const char *rise_words[] = {"增长", "增加", "提高", "上升", "提升", "增", "多", "扩大"};
static const char *fall_words[] = {"下降", "减少", "降低", "下滑", "回落", "缩小", "降", "少"};
/* Words that may stand between the verb and the number: 增长了, 下降约. */
static const char *links[] = {"了", "达", "约", "近", "超", "逾", "超过", "将近", "接近", "不到"};

/* Does text just before `end` (a byte offset) end with `w`? */
static gboolean ends_at(const char *s, gsize end, const char *w) {
  gsize l = strlen(w);
  return end >= l && strncmp(s + end - l, w, l) == 0;
}

/* Is the figure at `start` the amount of a change? Sets *fall. A verb
 * followed by 到/至 (提高到48.3%) names the new level, not the change. */
static gboolean change_before(const char *s, gsize start, gboolean *fall) {
  gsize end = start;
  for (gboolean again = TRUE; again;) {
    again = FALSE;
    for (gsize k = 0; k < G_N_ELEMENTS(links); k++)
      if (ends_at(s, end, links[k])) {
        end -= strlen(links[k]);
        again = TRUE;
        break;
      }
  }
  for (gsize k = 0; k < G_N_ELEMENTS(rise_words); k++)
    if (ends_at(s, end, rise_words[k])) {
      /* 多 and 少 only as 增多/减少 after 比/较: "比去年多3个" */
      *fall = FALSE;
      return strcmp(rise_words[k], "多") != 0 || ends_at(s, end, "比去年多");
    }
  for (gsize k = 0; k < G_N_ELEMENTS(fall_words); k++)
    if (ends_at(s, end, fall_words[k])) {
      *fall = TRUE;
      return strcmp(fall_words[k], "少") != 0 || ends_at(s, end, "比去年少");
    }
  return FALSE;
}

static ZsKind kind_of(const char *unit, gboolean change) {
  if (strcmp(unit, "%") == 0)
    return change ? ZS_KIND_CHANGE_PCT : ZS_KIND_SHARE;
  if (strcmp(unit, "倍") == 0)
    return change ? ZS_KIND_GROWTH_MULTIPLE : ZS_KIND_RATIO;
  return change ? ZS_KIND_CHANGE_ABS : ZS_KIND_LEVEL;
}

/* Only list punctuation between two figures: they form one list. */
static gboolean list_gap(const char *s, gsize from, gsize to) {
  g_autofree char *gap = g_strndup(s + from, to - from);
  return strcmp(gap, "、") == 0 || strcmp(gap, "和") == 0 || strcmp(gap, "及") == 0 ||
         strcmp(gap, "与") == 0 || strcmp(gap, "以及") == 0 || strcmp(gap, "，") == 0;
}

/* ---- one sentence ---------------------------------------------------------- */

typedef struct {
  ZsQuantity *q;
  ZsKind kind;
  gboolean fall;
  const ZsRule *rule; /* claiming rule, or NULL */
  const char *metric; /* borrowed from a rule */
  char *period;
} Item;

/* Is there another match, between positions a and b, that accepts q? */
static gboolean blocked(GArray *matches, const ZsRuleMatch *self, gsize a, gsize b,
                        const Item *it) {
  for (guint i = 0; i < matches->len; i++) {
    const ZsRuleMatch *m = &g_array_index(matches, ZsRuleMatch, i);
    if (m == self || m->rule == self->rule)
      continue;
    if (m->start >= a && m->end <= b && zs_rule_accepts(m->rule, it->q->unit, it->kind))
      return TRUE;
  }
  return FALSE;
}

static guint match_len(const ZsRuleMatch *m) { return (guint)(m->end - m->context); }

static gint cmp_by_length(gconstpointer pa, gconstpointer pb) {
  const ZsRuleMatch *a = *(ZsRuleMatch *const *)pa, *b = *(ZsRuleMatch *const *)pb;
  if (match_len(a) != match_len(b))
    return match_len(a) > match_len(b) ? -1 : 1;
  if (a->rule->index != b->rule->index)
    return a->rule->index < b->rule->index ? -1 : 1;
  return a->start < b->start ? -1 : a->start > b->start;
}

static void distribute_at(const char *s, gsize p, const guint *clause, GArray *items,
                          GArray *matches, gboolean by_figures) {
  GPtrArray *after = g_ptr_array_new();
  for (guint i = 0; i < items->len; i++) {
    Item *it = &g_array_index(items, Item, i);
    if (it->q->start < p || it->rule)
      continue;
    if (after->len) {
      Item *prev = after->pdata[after->len - 1];
      if (!list_gap(s, prev->q->end, it->q->start) && clause[it->q->start] != clause[p])
        break;
    } else if (clause[it->q->start] != clause[p]) {
      break;
    }
    g_ptr_array_add(after, it);
  }
  guint n = after->len;
  if (n >= 2) {
    /* Phrases of the list before 分别, in this clause, that accept them. */
    GPtrArray *phr = g_ptr_array_new();
    for (guint i = 0; i < matches->len; i++) {
      ZsRuleMatch *m = &g_array_index(matches, ZsRuleMatch, i);
      if (m->end > p || clause[m->start] != clause[p])
        continue;
      if (phr->len && ((ZsRuleMatch *)phr->pdata[phr->len - 1])->end > m->start)
        continue; /* overlapping: keep the first, longest */
      g_ptr_array_add(phr, m);
    }
    gboolean by_phrase = !by_figures && phr->len == n;
    for (guint k = 0; by_phrase && k < n; k++)
      by_phrase = zs_rule_accepts(((ZsRuleMatch *)phr->pdata[k])->rule,
                                  ((Item *)after->pdata[k])->q->unit,
                                  ((Item *)after->pdata[k])->kind);
    if (by_phrase) {
      for (guint k = 0; k < n; k++) {
        Item *it = after->pdata[k];
        it->rule = ((ZsRuleMatch *)phr->pdata[k])->rule;
        it->metric = it->rule->metric;
      }
    } else if (by_figures) {
      /* The last n claimed figures before 分别 are the subjects. */
      GPtrArray *before = g_ptr_array_new();
      for (guint i = 0; i < items->len; i++) {
        Item *it = &g_array_index(items, Item, i);
        if (it->q->end <= p && it->metric)
          g_ptr_array_add(before, it);
      }
      if (before->len >= n)
        for (guint k = 0; k < n; k++) {
          Item *src = before->pdata[before->len - n + k];
          Item *it = after->pdata[k];
          it->rule = src->rule;
          it->metric = src->metric;
        }
      g_ptr_array_free(before, TRUE);
    }
    g_ptr_array_free(phr, TRUE);
  }
  g_ptr_array_free(after, TRUE);
}

/* 分别: the figures of the list after it go, in order, to the phrases of
 * the list before it in the same clause (run before claim()), or else, with
 * `by_figures` (run after claim()), to the last figures claimed before it. */
static void distribute(const char *s, const guint *clause, GArray *items, GArray *matches,
                       gboolean by_figures) {
  for (const char *hit = s; (hit = strstr(hit, "分别")); hit += strlen("分别"))
    distribute_at(s, (gsize)(hit - s), clause, items, matches, by_figures);
}

/* Claims figures for rule matches in four passes, each over the matches
 * longest first: a figure inside the match (a pattern that spells out the
 * number), a figure written right before the phrase (8489个老旧小区), the
 * nearest figure after the phrase in its clause, the nearest one before it. */
static void claim(const guint *clause, GArray *items, GArray *matches) {
  g_autoptr(GPtrArray) order = g_ptr_array_new();
  for (guint i = 0; i < matches->len; i++)
    g_ptr_array_add(order, &g_array_index(matches, ZsRuleMatch, i));
  g_ptr_array_sort(order, cmp_by_length);
  for (int pass = 0; pass < 4; pass++)
    for (guint i = 0; i < order->len; i++) {
      ZsRuleMatch *m = order->pdata[i];
      /* A match spanning clauses looks ahead from the clause it ends in. */
      guint at_end = clause[m->end > m->start ? m->end - 1 : m->start];
      guint at_start = clause[m->start];
      Item *best = NULL;
      for (guint k = 0; k < items->len; k++) {
        Item *it = &g_array_index(items, Item, k);
        if (it->rule || !zs_rule_accepts(m->rule, it->q->unit, it->kind))
          continue;
        gboolean clause_scope = m->rule->scope == ZS_SCOPE_CLAUSE;
        gboolean inside = it->q->start >= m->start && it->q->end <= m->end;
        if (pass == 0) {
          if (inside) {
            best = it;
            break;
          }
        } else if (pass == 1) {
          if (it->q->end == m->start) {
            best = it;
            break;
          }
        } else if (pass == 2 && it->q->start >= m->end) {
          if (clause_scope && clause[it->q->start] != at_end)
            continue;
          if (!blocked(matches, m, m->end, it->q->start, it)) {
            best = it;
            break;
          }
        } else if (pass == 3 && it->q->end <= m->start) {
          if (clause_scope && clause[it->q->start] != at_start)
            continue;
          if (!blocked(matches, m, it->q->end, m->start, it))
            best = it; /* keep the nearest: the last one before */
        }
      }
      if (best) {
        best->rule = m->rule;
        best->metric = m->rule->metric;
      }
    }
}

/* A figure with no phrase of its own continues the figure before it in the
 * sentence: a change (较…增长5%) or the next value of the same series
 * (由35.93%提高到48.3%). */
static void continue_series(const char *s, GArray *items, GArray *matches) {
  /* The two bounds of a range share their metric (3到6个月). */
  for (guint k = 0; k + 1 < items->len; k++) {
    Item *lo = &g_array_index(items, Item, k), *hi = &g_array_index(items, Item, k + 1);
    if (lo->q->range_low && !lo->metric && hi->metric) {
      lo->rule = hi->rule;
      lo->metric = hi->metric;
    }
  }
  for (guint k = 0; k < items->len; k++) {
    Item *it = &g_array_index(items, Item, k);
    if (it->metric)
      continue;
    for (guint j = k; j-- > 0;) {
      Item *prev = &g_array_index(items, Item, j);
      if (!prev->metric)
        continue;
      gboolean change = it->kind != ZS_KIND_LEVEL && it->kind != ZS_KIND_SHARE &&
                        it->kind != ZS_KIND_RATIO;
      gboolean same = strcmp(prev->q->unit, it->q->unit) == 0 && prev->kind == it->kind;
      /* A change is measured in % or 倍 whatever the level's unit is. */
      if ((change && (prev->rule->kinds & (1u << it->kind))) ||
          (same && !strstr(s + prev->q->end, "、"))) {
        /* No other phrase may stand between them. */
        gboolean other = FALSE;
        for (guint m = 0; m < matches->len && !other; m++) {
          ZsRuleMatch *rm = &g_array_index(matches, ZsRuleMatch, m);
          other = rm->start >= prev->q->end && rm->end <= it->q->start && rm->rule != prev->rule;
        }
        if (!other) {
          it->rule = prev->rule;
          it->metric = prev->metric;
        }
      }
      break;
    }
  }
}

static void classify(const char *s, GArray *items) {
  for (guint k = 0; k < items->len; k++) {
    Item *it = &g_array_index(items, Item, k);
    gboolean change = change_before(s, it->q->start, &it->fall);
    if (!change && k > 0) {
      Item *prev = &g_array_index(items, Item, k - 1);
      /* 增长238.67%、89.91%: a list after a verb shares its kind. */
      if (prev->kind != ZS_KIND_LEVEL && prev->kind != ZS_KIND_SHARE &&
          prev->kind != ZS_KIND_RATIO && list_gap(s, prev->q->end, it->q->start) &&
          strcmp(prev->q->unit, it->q->unit) == 0) {
        change = TRUE;
        it->fall = prev->fall;
      }
    }
    it->kind = kind_of(it->q->unit, change);
  }
}

/* ---- periods ----------------------------------------------------------------- */

static pcre2_code *period_re;

static gpointer compile_period_re(gpointer unused) {
  static const char *src =
      "(?<cmp>较|比|同比|与|相比|比上年|比去年)?"
      "(?:(?<s1>\\d{4})年?(?:至|到|—|-|～)(?<s2>\\d{4})年"
      "|(?<since>\\d{4})年以来"
      "|(?<ey>\\d{4})年(?<em>\\d{1,2})月(?:底|末)"
      "|(?<ye>\\d{4})年(?:底|末)"
      "|(?<qy>\\d{4})年(?:第)?(?<q>[一二三四1-4])季度"
      "|(?<ry>\\d{4})年\\d{1,2}(?:—|-|至|到)\\d{1,2}月"
      "|(?<my>\\d{4})年(?<m>\\d{1,2})月(?!\\d{1,2}日)"
      "|(?<dy>\\d{4})年\\d{1,2}月\\d{1,2}日"
      "|(?<y>\\d{4})年(?!\\d)"
      "|(?<rel>今年|去年|目前|如今|近年来|当前|现在|本月|上月|明年|前年|截至目前))";
  int code;
  PCRE2_SIZE off;
  pcre2_code *re = pcre2_compile((PCRE2_SPTR)src, PCRE2_ZERO_TERMINATED, PCRE2_UTF, &code,
                                 &off, NULL);
  g_assert(re); /* a constant pattern: a failure here is a programming error */
  pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
  return re;
}

static char *group(pcre2_match_data *md, const char *s, const char *name) {
  int n = pcre2_substring_number_from_name(period_re, (PCRE2_SPTR)name);
  PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
  if (n < 0 || ov[2 * n] == PCRE2_UNSET)
    return NULL;
  return g_strndup(s + ov[2 * n], ov[2 * n + 1] - ov[2 * n]);
}

typedef struct {
  gsize start, end;
  char *period; /* "" for relative time */
} TimePhrase;

static int cn_quarter(const char *q) {
  static const char *cn[] = {"一", "二", "三", "四"};
  for (int i = 0; i < 4; i++)
    if (strcmp(q, cn[i]) == 0)
      return i + 1;
  return atoi(q);
}

static char *period_of(pcre2_match_data *md, const char *s) {
  g_autofree char *s1 = group(md, s, "s1"), *s2 = group(md, s, "s2");
  g_autofree char *since = group(md, s, "since"), *ey = group(md, s, "ey");
  g_autofree char *em = group(md, s, "em"), *ye = group(md, s, "ye");
  g_autofree char *qy = group(md, s, "qy"), *q = group(md, s, "q");
  g_autofree char *ry = group(md, s, "ry"), *my = group(md, s, "my"), *m = group(md, s, "m");
  g_autofree char *dy = group(md, s, "dy"), *y = group(md, s, "y");
  if (s1)
    return g_strdup_printf("%s/%s", s1, s2);
  if (since)
    return g_strdup_printf("%s/..", since);
  if (ey) {
    int month = atoi(em), year = atoi(ey);
    if (month < 1 || month > 12)
      return g_strdup(ey);
    return g_strdup_printf("%04d-%02d-%02d", year, month,
                           g_date_get_days_in_month((GDateMonth)month, (GDateYear)year));
  }
  if (ye)
    return g_strdup_printf("%s-12-31", ye);
  if (qy)
    return g_strdup_printf("%sQ%d", qy, cn_quarter(q));
  if (ry)
    return g_strdup(ry);
  if (my) {
    int month = atoi(m);
    return month >= 1 && month <= 12 ? g_strdup_printf("%s-%02d", my, month) : g_strdup(my);
  }
  if (dy)
    return g_strdup(dy);
  if (y)
    return g_strdup(y);
  return g_strdup(""); /* relative time: no year stated */
}

static GArray *time_phrases(const char *s) {
  static GOnce once = G_ONCE_INIT;
  period_re = g_once(&once, compile_period_re, NULL);
  GArray *out = g_array_new(FALSE, FALSE, sizeof(TimePhrase));
  pcre2_match_data *md = pcre2_match_data_create_from_pattern(period_re, NULL);
  gsize len = strlen(s), at = 0;
  while (at < len && pcre2_match(period_re, (PCRE2_SPTR)s, len, at, 0, md, NULL) >= 0) {
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    g_autofree char *cmp = group(md, s, "cmp");
    if (!cmp) {
      TimePhrase tp = {ov[0], ov[1], period_of(md, s)};
      g_array_append_val(out, tp);
    }
    at = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
  }
  pcre2_match_data_free(md);
  return out;
}

static void time_phrases_free(GArray *tps) {
  for (guint i = 0; i < tps->len; i++)
    g_free(g_array_index(tps, TimePhrase, i).period);
  g_array_free(tps, TRUE);
}

/* Is there a "；" between a and b that starts a new fact (not ；其中)? */
static gboolean semicolon_between(const char *s, gsize a, gsize b) {
  for (const char *p = s + a; (p = strstr(p, "；")) && (gsize)(p - s) < b; p += 3)
    if (!g_str_has_prefix(p + 3, "其中"))
      return TRUE;
  return FALSE;
}

static char *period_at(const char *s, GArray *tps, gsize offset, const char *inherited) {
  for (guint i = tps->len; i-- > 0;) {
    TimePhrase *tp = &g_array_index(tps, TimePhrase, i);
    if (tp->end > offset)
      continue;
    if (semicolon_between(s, tp->end, offset))
      return NULL;
    return *tp->period ? g_strdup(tp->period) : NULL;
  }
  if (tps->len == 0 && inherited && !semicolon_between(s, 0, offset))
    return g_strdup(inherited);
  return NULL;
}

char *zs_extract_period(const char *sentence, gsize offset, const char *inherited) {
  GArray *tps = time_phrases(sentence);
  char *p = period_at(sentence, tps, offset, inherited);
  time_phrases_free(tps);
  return p;
}

/* The period in force at the end of a sentence, for the next one. */
static char *period_after(const char *s, GArray *tps, const char *inherited) {
  return period_at(s, tps, strlen(s), inherited);
}

/* ---- the article --------------------------------------------------------------- */

static ZsStat *make_stat(const char *file, const ZsArticle *a, const ZsSentence *sent,
                         const Item *it) {
  ZsStat *st = g_new0(ZsStat, 1);
  st->metric = g_strdup(it->metric ? it->metric : "");
  st->value = it->fall && strcmp(it->q->value, "0") != 0 ? g_strconcat("-", it->q->value, NULL)
                                                         : g_strdup(it->q->value);
  st->unit = g_strdup(it->q->unit);
  st->sentence = g_strdup(sent->text);
  st->kind = it->kind;
  st->qualifier = it->q->qualifier;
  st->surface = g_strndup(sent->text + it->q->start, it->q->end - it->q->start);
  st->article = g_strdup(a->headline);
  st->article_no = a->no;
  st->file = g_strdup(file);
  st->line = sent->line;
  st->period = g_strdup(it->period ? it->period : "");
  st->rule = g_strdup(it->rule ? it->rule->where : "");
  st->offset = it->q->start;
  return st;
}

GPtrArray *zs_extract_article(const ZsRules *rules, const char *file, const ZsArticle *a,
                              const ZsExtractOptions *opts, GPtrArray *warnings) {
  GPtrArray *out = g_ptr_array_new_with_free_func((GDestroyNotify)zs_stat_free);
  g_autofree char *carry = NULL; /* period in force from the previous sentence */
  guint carry_para = G_MAXUINT;
  guint first_body = 0;

  for (guint si = 0; si < a->sentences->len; si++) {
    const ZsSentence *sent = a->sentences->pdata[si];
    const char *s = sent->text;
    gsize n = strlen(s);
    g_autoptr(GPtrArray) qs = zs_num_scan(s);
    GArray *tps = time_phrases(s);
    if (sent->para != carry_para || sent->kind == ZS_SENT_HEADLINE)
      g_clear_pointer(&carry, g_free);

    if (qs->len) {
      g_autofree guint *clause = clause_map(s, n);
      GArray *items = g_array_new(FALSE, TRUE, sizeof(Item));
      for (guint i = 0; i < qs->len; i++) {
        Item it = {.q = qs->pdata[i]};
        g_array_append_val(items, it);
      }
      classify(s, items);
      GArray *matches = zs_rules_match(rules, s, warnings);
      distribute(s, clause, items, matches, FALSE);
      claim(clause, items, matches);
      distribute(s, clause, items, matches, TRUE);
      continue_series(s, items, matches);
      for (guint i = 0; i < items->len; i++) {
        Item *it = &g_array_index(items, Item, i);
        if (!it->metric && !opts->all_quantities)
          continue;
        it->period = sent->kind == ZS_SENT_HEADLINE ? NULL
                                                    : period_at(s, tps, it->q->start, carry);
        g_ptr_array_add(out, make_stat(file, a, sent, it));
        g_free(it->period);
      }
      g_array_free(matches, TRUE);
      g_array_free(items, TRUE);
    }
    if (sent->kind == ZS_SENT_HEADLINE) {
      first_body = out->len;
    } else {
      char *next = period_after(s, tps, carry);
      g_free(carry);
      carry = next;
      carry_para = sent->para;
    }
    time_phrases_free(tps);
  }

  /* A headline restating a body figure takes the body's period. */
  for (guint i = 0; i < first_body && i < out->len; i++) {
    ZsStat *h = out->pdata[i];
    if (!*h->metric)
      continue;
    for (guint j = first_body; j < out->len; j++) {
      ZsStat *b = out->pdata[j];
      if (strcmp(b->metric, h->metric) == 0 && *b->period && b->kind == h->kind) {
        g_free(h->period);
        h->period = g_strdup(b->period);
        break;
      }
    }
  }
  return out;
}
