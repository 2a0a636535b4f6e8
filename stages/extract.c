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
 *   - the period, from period.c, which reads the sentence's time phrases.
 * rules/README.md gives the same algorithm for rule authors, with examples.
 */
#include "extract.h"

#include <string.h>

#include "numbers.h"
#include "period.h"
#include "utf8.h"

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

/* Fills map[0..n] with the clause number of every byte of s (NUL-terminated
 * at n); a mark belongs to the clause it ends. Every mark starts with ','
 * or ';' or a lead byte 0xE3 or 0xEF, which Chinese text otherwise rarely
 * holds: strpbrk() finds the next of them, and the bytes before it are one
 * run of the same clause. */
static void clause_map(const char *s, gsize n, guint *map) {
  guint c = 0;
  gsize i = 0;
  for (;;) {
    const char *hit = strpbrk(s + i, "\xE3\xEF,;");
    gsize at = hit ? (gsize)(hit - s) : n, l;
    for (; i + 4 <= at; i += 4) /* four at a time: one vector store */
      map[i] = map[i + 1] = map[i + 2] = map[i + 3] = c;
    for (; i < at; i++)
      map[i] = c;
    if (!hit)
      break;
    if (clause_break_at(s, at, &l)) {
      for (; i < at + l; i++)
        map[i] = c;
      c++;
    } else {
      map[i++] = c;
    }
  }
  map[n] = c;
}

/* ---- kinds ---------------------------------------------------------------- */

/* Words with their byte lengths: ends_at() runs for every word before
 * every figure. */
typedef struct {
  const char *w;
  gsize len;
} Word;
#define W(s) {s, sizeof s - 1}
static const Word rise_words[] = {W("增长"), W("增加"), W("提高"), W("上升"), W("提升"),
                                  W("上涨"), W("加快"), W("回升"), W("增"), W("多"),
                                  W("扩大")};
static const Word fall_words[] = {W("下降"), W("减少"), W("降低"), W("下滑"), W("回落"),
                                  W("缩小"), W("下跌"), W("放缓"), W("收窄"), W("降"),
                                  W("少")};
/* Words that may stand between the verb and the number: 增长了, 下降约. */
static const Word links[] = {W("了"), W("达"), W("约"), W("近"), W("超"), W("逾"),
                             W("超过"), W("将近"), W("接近"), W("不到")};
#undef W

/* Does text just before `end` (a byte offset) end with `w`? The last byte
 * first: it nearly always differs. */
static inline gboolean ends_at(const char *s, gsize end, const Word *w) {
  return end >= w->len && s[end - 1] == w->w[w->len - 1] &&
         memcmp(s + end - w->len, w->w, w->len) == 0;
}

/* Is the figure at `start` the amount of a change? Sets *fall. A verb
 * followed by 到/至 (提高到48.3%) names the new level, not the change. */
static gboolean change_before(const char *s, gsize start, gboolean *fall) {
  static const Word more = {"比去年多", sizeof "比去年多" - 1};
  static const Word less = {"比去年少", sizeof "比去年少" - 1};
  gsize end = start;
  for (gboolean again = TRUE; again;) {
    again = FALSE;
    for (gsize k = 0; k < G_N_ELEMENTS(links); k++)
      if (ends_at(s, end, &links[k])) {
        end -= links[k].len;
        again = TRUE;
        break;
      }
  }
  for (gsize k = 0; k < G_N_ELEMENTS(rise_words); k++)
    if (ends_at(s, end, &rise_words[k])) {
      /* 多 and 少 only as 增多/减少 after 比/较: "比去年多3个" */
      *fall = FALSE;
      return strcmp(rise_words[k].w, "多") != 0 || ends_at(s, end, &more);
    }
  for (gsize k = 0; k < G_N_ELEMENTS(fall_words); k++)
    if (ends_at(s, end, &fall_words[k])) {
      *fall = TRUE;
      return strcmp(fall_words[k].w, "少") != 0 || ends_at(s, end, &less);
    }
  return FALSE;
}

static gboolean is_change(ZsKind k) {
  return k == ZS_KIND_CHANGE_PCT || k == ZS_KIND_CHANGE_ABS || k == ZS_KIND_GROWTH_MULTIPLE;
}

static ZsKind kind_of(const char *unit, gboolean change) {
  if (strcmp(unit, "%") == 0)
    return change ? ZS_KIND_CHANGE_PCT : ZS_KIND_SHARE;
  if (strcmp(unit, "倍") == 0)
    return change ? ZS_KIND_GROWTH_MULTIPLE : ZS_KIND_RATIO;
  return change ? ZS_KIND_CHANGE_ABS : ZS_KIND_LEVEL;
}

/* The text between two figures, s[from, to), is read in place, never
 * copied: these run for every pair of figures. */

/* Is s[from, to) exactly w? */
static gboolean span_is(const char *s, gsize from, gsize to, const char *w) {
  gsize l = strlen(w);
  return to >= from && to - from == l && memcmp(s + from, w, l) == 0;
}

/* Does s[from, to) contain w? */
static gboolean span_has(const char *s, gsize from, gsize to, const char *w) {
  gsize l = strlen(w);
  for (gsize i = from; i + l <= to; i++)
    if (s[i] == w[0] && memcmp(s + i, w, l) == 0)
      return TRUE;
  return FALSE;
}

/* Only list punctuation between two figures: they form one list. */
static gboolean list_gap(const char *s, gsize from, gsize to) {
  return span_is(s, from, to, "、") || span_is(s, from, to, "和") ||
         span_is(s, from, to, "及") || span_is(s, from, to, "与") ||
         span_is(s, from, to, "以及") || span_is(s, from, to, "，");
}

/* ---- one sentence ---------------------------------------------------------- */

typedef struct {
  ZsQuantity *q;
  ZsKind kind;
  gboolean fall;
  const ZsRule *rule; /* claiming rule, or NULL */
  const char *metric; /* borrowed from a rule */
  char *period;
  guint64 unit_bit; /* zs_rules_unit_bit() of the quantity's unit */
} Item;

/* Is there another match, between positions a and b, that accepts the
 * item? `accepts[i]`: does match i accept it. */
static gboolean blocked(GArray *matches, const ZsRuleMatch *self, gsize a, gsize b,
                        const gboolean *accepts) {
  for (guint i = 0; i < matches->len; i++) {
    const ZsRuleMatch *m = &g_array_index(matches, ZsRuleMatch, i);
    if (m == self || m->rule == self->rule)
      continue;
    if (m->start >= a && m->end <= b && accepts[i])
      return TRUE;
  }
  return FALSE;
}

/* Priority of a match: the longer phrase first, then the longer context
 * before a pattern's \K, then the rule defined first. */
static guint match_len(const ZsRuleMatch *m) { return (guint)(m->end - m->start); }
static guint context_len(const ZsRuleMatch *m) { return (guint)(m->start - m->context); }

static gint cmp_by_length(gconstpointer pa, gconstpointer pb) {
  const ZsRuleMatch *a = *(ZsRuleMatch *const *)pa, *b = *(ZsRuleMatch *const *)pb;
  if (match_len(a) != match_len(b))
    return match_len(a) > match_len(b) ? -1 : 1;
  if (context_len(a) != context_len(b))
    return context_len(a) > context_len(b) ? -1 : 1;
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

static gboolean clause_has_match(const guint *clause, GArray *matches, guint c) {
  for (guint i = 0; i < matches->len; i++)
    if (clause[g_array_index(matches, ZsRuleMatch, i).start] == c)
      return TRUE;
  return FALSE;
}

/* Claims figures for rule matches in four passes, each over the matches
 * longest first: a figure inside the match (a pattern that spells out the
 * number), a figure written right before the phrase (8489个老旧小区), the
 * nearest figure after the phrase in its clause, the nearest one before it. */
static gint cmp_by_length_data(gconstpointer pa, gconstpointer pb, gpointer unused) {
  return cmp_by_length(pa, pb);
}

/* Sorts order[0, n) by cmp_by_length(): by insertion when short (a
 * sentence's claiming matches are few), as g_qsort_with_data() would
 * (both stable). */
static void sort_by_length(ZsRuleMatch **order, guint n) {
  if (n > 32) {
    g_qsort_with_data(order, (gint)n, sizeof *order, cmp_by_length_data, NULL);
    return;
  }
  for (guint i = 1; i < n; i++) {
    ZsRuleMatch *m = order[i];
    guint j = i;
    for (; j > 0 && cmp_by_length(&m, &order[j - 1]) < 0; j--)
      order[j] = order[j - 1];
    order[j] = m;
  }
}

static void claim(const guint *clause, GArray *items, GArray *matches) {
  /* The working arrays on the stack for an ordinary sentence. */
  enum { LOCAL = 64 };
  ZsRuleMatch *order_local[LOCAL];
  gboolean accepts_local[4 * LOCAL], done_local[LOCAL];
  guint n = matches->len;
  gsize n_acc = (gsize)items->len * n + 1;
  g_autofree ZsRuleMatch **order_heap = n <= LOCAL ? NULL : g_new(ZsRuleMatch *, n);
  g_autofree gboolean *accepts_heap = n_acc <= G_N_ELEMENTS(accepts_local) ? NULL
                                                                           : g_new(gboolean, n_acc);
  g_autofree gboolean *done_heap = n <= LOCAL ? NULL : g_new(gboolean, n);
  ZsRuleMatch **order = order_heap ? order_heap : order_local;
  gboolean *accepts = accepts_heap ? accepts_heap : accepts_local;
  gboolean *done = done_heap ? done_heap : done_local;
  /* accepts[k * n + i]: does match i accept item k? Units and kinds do not
   * change while claiming, and every pass asks again. Only a match that
   * accepts a figure it may claim (no rule yet, not a change) can claim
   * anything: the passes go over those alone. Figures only gain rules
   * here, so the others stay out of reach throughout. */
  guint n_order = 0;
  for (guint i = 0; i < n; i++) {
    ZsRuleMatch *m = &g_array_index(matches, ZsRuleMatch, i);
    gboolean claims = FALSE;
    for (guint k = 0; k < items->len; k++) {
      const Item *it = &g_array_index(items, Item, k);
      gboolean acc = zs_rule_accepts_bit(m->rule, it->unit_bit, it->q->unit, it->kind);
      accepts[k * n + i] = acc;
      claims |= acc && !it->rule && !is_change(it->kind);
    }
    if (claims)
      order[n_order++] = m;
  }
  /* The sort g_ptr_array_sort() makes (stable: ties keep match order). */
  sort_by_length(order, n_order);
  memset(done, 0, n_order * sizeof *done);
  /* Each match claims at most one figure. */
  for (int pass = 0; pass < 4; pass++)
    for (guint i = 0; i < n_order; i++) {
      ZsRuleMatch *m = order[i];
      guint mi = (guint)(m - &g_array_index(matches, ZsRuleMatch, 0));
      if (done[i])
        continue;
      /* A match spanning clauses looks ahead from the clause it ends in. */
      guint at_end = clause[m->end > m->start ? m->end - 1 : m->start];
      guint at_start = clause[m->start];
      Item *best = NULL;
      for (guint k = 0; k < items->len; k++) {
        Item *it = &g_array_index(items, Item, k);
        /* Changes take the metric of what changed: continue_series(). */
        const gboolean *acc = &accepts[k * n];
        if (it->rule || is_change(it->kind) || !acc[mi])
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
          /* The subject carries into the next clause when that clause names
           * none of its own: 生产总值增长5.8%，达到6.3万亿元. */
          if (clause_scope && clause[it->q->start] != at_end &&
              !(clause[it->q->start] == at_end + 1 && !clause_has_match(clause, matches, at_end + 1)))
            continue;
          if (!blocked(matches, m, m->end, it->q->start, acc)) {
            best = it;
            break;
          }
        } else if (pass == 3 && it->q->end <= m->start) {
          if (clause_scope && clause[it->q->start] != at_start)
            continue;
          if (!blocked(matches, m, it->q->end, m->start, acc))
            best = it; /* keep the nearest: the last one before */
        }
      }
      if (best) {
        best->rule = m->rule;
        best->metric = m->rule->metric;
        done[i] = TRUE;
      }
    }
}

/* Does the text between two figures carry the first to the second, as in
 * 由35.93%提高到2023年的48.3% (a short gap with 到 or 至)? */
static gboolean moves_to(const char *s, gsize from, gsize to) {
  if (to - from > 3 * 12)
    return FALSE;
  return span_has(s, from, to, "到") || span_has(s, from, to, "至");
}

/* A figure with no phrase of its own continues the figure before it in the
 * sentence: a change (较…增长5%) or the next value of the same series
 * (由35.93%提高到48.3%). */
/* Does the text between a figure and a change name a subject of its own?
 * Comparison words (较2022年底, 同比, 比上年) and links do not count; two or
 * more other Han characters do (，客座能力同比增长). */
static gboolean names_subject(const char *s, gsize from, gsize to) {
#define W(x) {x, sizeof x - 1}
  static const Word skip[] = {W("分别"), W("同比"), W("环比"), W("比上年"), W("比去年"),
                              W("较上年"), W("较去年"), W("年底"), W("年末"), W("同期"),
                              W("季度"), W("三季度"), W("上半年"), W("上年"), W("去年"),
                              W("较"), W("比"), W("与"), W("年"), W("月"), W("底"), W("末"),
                              W("共"), W("累计"), W("全年"), W("了"), W("增长"), W("增加"),
                              W("提高"), W("上升"), W("下降"), W("减少"), W("降低"), W("多"),
                              W("少"), W("增"), W("降"), W("以上"), W("以下"), W("左右"),
                              W("名义"), W("实际"), W("分别为")};
#undef W
  guint han = 0;
  for (const char *p = s + from, *end = s + to; p < end;) {
    gsize k;
    for (k = 0; k < G_N_ELEMENTS(skip); k++)
      if ((gsize)(end - p) >= skip[k].len && p[1] == skip[k].w[1] &&
          memcmp(p, skip[k].w, skip[k].len) == 0)
        break;
    if (k < G_N_ELEMENTS(skip)) {
      p += skip[k].len;
      continue;
    }
    gunichar c = zs_utf8_next(&p);
    han += c >= 0x4E00 && c <= 0x9FFF;
  }
  return han >= 2;
}

static gboolean figure_between(GArray *items, gsize from, gsize to) {
  for (guint i = 0; i < items->len; i++) {
    const Item *it = &g_array_index(items, Item, i);
    if (it->q->start >= from && it->q->end <= to)
      return TRUE;
  }
  return FALSE;
}

static void continue_series(const char *s, const guint *clause, GArray *items,
                            GArray *matches) {
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
      gboolean change = is_change(it->kind);
      gsize gap = prev->q->end, gap_end = it->q->start;
      if (change && (span_has(s, gap, gap_end, "其中") || names_subject(s, gap, gap_end)))
        break; /* 其中制造业投资增长15%, 客座能力增长14.1%: another subject */
      gboolean same = strcmp(prev->q->unit, it->q->unit) == 0 && prev->kind == it->kind;
      gboolean range = prev->q->range_low && j + 1 == k;
      /* A change is measured in % or 倍 whatever the level's unit is. */
      if (range || (change && (prev->rule->kinds & (1u << it->kind))) ||
          (same && moves_to(s, prev->q->end, it->q->start))) {
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
    /* A change right after its subject: 地区生产总值增长5.8%. */
    if (!it->metric && is_change(it->kind)) {
      const ZsRuleMatch *best = NULL;
      for (guint m = 0; m < matches->len; m++) {
        const ZsRuleMatch *rm = &g_array_index(matches, ZsRuleMatch, m);
        if (rm->end <= it->q->start && clause[rm->start] == clause[it->q->start] &&
            (rm->rule->kinds & (1u << it->kind)) && (!best || rm->end > best->end))
          best = rm;
      }
      if (best && !figure_between(items, best->end, it->q->start)) {
        it->rule = best->rule;
        it->metric = best->rule->metric;
      }
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

/* ---- the article --------------------------------------------------------------- */

static ZsStat *make_stat(const char *file, const ZsArticle *a, const ZsSentence *sent,
                         const char *text, const Item *it) {
  gboolean neg = it->fall && strcmp(it->q->value, "0") != 0;
  g_autofree char *value = neg ? g_strconcat("-", it->q->value, NULL) : NULL;
  /* The surface is a few characters: copied on the stack when it fits. */
  gsize n = it->q->end - it->q->start;
  char local[128];
  g_autofree char *heap = n < sizeof local ? NULL : g_malloc(n + 1);
  char *surface = heap ? heap : local;
  memcpy(surface, text + it->q->start, n);
  surface[n] = '\0';
  ZsStat f = {
    .metric = (char *)it->metric,
    .value = value ? value : it->q->value,
    .unit = it->q->unit,
    .sentence = (char *)text,
    .kind = it->kind,
    .qualifier = it->q->qualifier,
    .surface = surface,
    .article = a->headline,
    .article_no = a->no,
    .file = (char *)file,
    .line = sent->line,
    .period = it->period,
    .rule = it->rule ? (char *)it->rule->where : NULL,
    .offset = it->q->start,
  };
  return zs_stat_new(&f);
}

/* The length of the next piece of an over-long sentence: the whole rest
 * when it fits, else up to the last clause break (，；) that fits, else a
 * character boundary. */
static gsize piece_end(const char *s, gsize len) {
  if (len <= ZS_SENTENCE_LIMIT)
    return len;
  for (gsize i = ZS_SENTENCE_LIMIT; i > ZS_SENTENCE_LIMIT / 2; i--)
    if (memcmp(s + i - 3, "，", 3) == 0 || memcmp(s + i - 3, "；", 3) == 0)
      return i;
  return (gsize)(g_utf8_find_prev_char(s, s + ZS_SENTENCE_LIMIT + 1) - s);
}

/* Extracts the statistics of one piece of text `s` (`n` bytes, its NUL
 * there) of sentence `sent` into `out`, and moves `carry` past it. A piece with no figure is only put
 * aside there when `s` lives as long as the article (`in_place`). */
static void extract_text(const ZsRules *rules, const char *file, const ZsArticle *a,
                         const ZsSentence *sent, const char *s, gsize n, gboolean in_place,
                         const ZsExtractOptions *opts, ZsPeriodCarry *carry, GPtrArray *qs,
                         GPtrArray *out, GPtrArray *warnings) {
  g_ptr_array_set_size(qs, 0);
  zs_num_scan_into(s, n, qs);
  /* A headline has no period: its time phrases are not looked for. */
  gboolean headline = sent->kind == ZS_SENT_HEADLINE;
  if (!headline && !qs->len && in_place) {
    zs_period_carry_defer(carry, s, n);
    return;
  }
  ZsPeriods tps_local, *tps = &tps_local;
  const char *inherited = NULL;
  if (!headline) {
    inherited = zs_period_carry_get(carry);
    zs_period_scan_into(tps, s, n, opts->year);
  }
  if (qs->len) {
    /* Clause numbers on the stack for a sentence of ordinary length. */
    guint clause_local[1024];
    g_autofree guint *clause_heap = n < G_N_ELEMENTS(clause_local) ? NULL : g_new(guint, n + 1);
    guint *clause = clause_heap ? clause_heap : clause_local;
    clause_map(s, n, clause);
    /* Zeroed, all at once. */
    GArray *items = g_array_sized_new(FALSE, TRUE, sizeof(Item), qs->len);
    g_array_set_size(items, qs->len);
    for (guint i = 0; i < qs->len; i++) {
      Item *it = &g_array_index(items, Item, i);
      it->q = qs->pdata[i];
      it->unit_bit = zs_rules_unit_bit(rules, it->q->unit);
    }
    classify(s, items);
    GArray *matches = zs_rules_match_valid(rules, s, n, warnings);
    gboolean fenbie = strstr(s, "分别") != NULL;
    if (fenbie)
      distribute(s, clause, items, matches, FALSE);
    claim(clause, items, matches);
    if (fenbie)
      distribute(s, clause, items, matches, TRUE);
    continue_series(s, clause, items, matches);
    for (guint i = 0; i < items->len; i++) {
      Item *it = &g_array_index(items, Item, i);
      if (!it->metric && !opts->all_quantities)
        continue;
      it->period = headline ? NULL : zs_period_at(tps, it->q->start, inherited);
      g_ptr_array_add(out, make_stat(file, a, sent, s, it));
      g_free(it->period);
    }
    g_array_free(matches, TRUE);
    g_array_free(items, TRUE);
  }
  if (headline)
    return;
  zs_period_carry_set(carry, zs_period_at(tps, n, inherited));
  zs_period_clear(tps);
}

GPtrArray *zs_extract_article(const ZsRules *rules, const char *file, const ZsArticle *a,
                              const ZsExtractOptions *opts, GPtrArray *warnings) {
  GPtrArray *out = g_ptr_array_new_with_free_func((GDestroyNotify)zs_stat_free);
  ZsPeriodCarry carry; /* period in force from the previous sentence */
  zs_period_carry_init(&carry, opts->year);
  /* The quantities of the sentence at hand: one array for all of them. */
  g_autoptr(GPtrArray) qs = g_ptr_array_new_with_free_func((GDestroyNotify)zs_quantity_free);
  guint carry_para = G_MAXUINT;
  guint first_body = 0;

  for (guint si = 0; si < a->sentences->len; si++) {
    const ZsSentence *sent = a->sentences->pdata[si];
    if (sent->para != carry_para || sent->kind == ZS_SENT_HEADLINE)
      zs_period_carry_reset(&carry);
    gsize total = strlen(sent->text);
    if (total > ZS_SENTENCE_LIMIT && warnings)
      g_ptr_array_add(warnings,
                      g_strdup_printf("%s:%u: sentence of %zu bytes matched in pieces of at most "
                                      "%d bytes", file, sent->line, total, ZS_SENTENCE_LIMIT));
    /* An over-long sentence is matched piece by piece, each piece ending at
     * a clause break where there is one: every step stays linear in the
     * input, and no figure is lost. */
    for (gsize from = 0; from < total || total == 0;) {
      gsize n = piece_end(sent->text + from, total - from);
      /* The last piece (nearly always the whole sentence) ends at the
       * sentence's NUL: read in place, not copied. */
      g_autofree char *copy = from + n < total ? g_strndup(sent->text + from, n) : NULL;
      const char *s = copy ? copy : sent->text + from;
      extract_text(rules, file, a, sent, s, n, !copy, opts, &carry, qs, out, warnings);
      from += n;
      if (total == 0)
        break;
    }
    if (sent->kind == ZS_SENT_HEADLINE) {
      first_body = out->len;
      zs_period_carry_reset(&carry);
    } else {
      carry_para = sent->para;
    }
  }

  zs_period_carry_clear(&carry);

  /* A headline restating a body figure takes the body's period. */
  for (guint i = 0; i < first_body && i < out->len; i++) {
    ZsStat *h = out->pdata[i];
    if (!*h->metric)
      continue;
    for (guint j = first_body; j < out->len; j++) {
      ZsStat *b = out->pdata[j];
      if (strcmp(b->metric, h->metric) == 0 && *b->period && b->kind == h->kind) {
        ZsStat f = *h;
        f.period = b->period;
        out->pdata[i] = zs_stat_new(&f);
        zs_stat_free(h);
        break;
      }
    }
  }
  return out;
}

/* ---- subjects, for --coverage ------------------------------------------------ */

static gboolean is_han(gunichar c) { return c >= 0x4E00 && c <= 0x9FFF; }

/* Verbs and links that stand between a subject and its figure. */
static const char *subject_fillers[] = {"达到", "达", "为", "有", "共", "共计", "累计",
                                        "超过", "约", "近", "了", "是", "占"};

char *zs_extract_subject(const char *sentence, gsize start, gsize end) {
  /* The noun after the figure: a run of Han characters, at most 8. */
  GString *after = g_string_new(NULL);
  guint n = 0;
  for (const char *p = sentence + end; *p && n < 8; p = g_utf8_next_char(p), n++) {
    gunichar c = g_utf8_get_char(p);
    if (!is_han(c))
      break;
    g_string_append_unichar(after, c);
  }
  if (n >= 2)
    return g_string_free(after, FALSE);
  g_string_free(after, TRUE);
  /* Else the Han characters before it, back to the clause start. */
  const char *p = sentence + start;
  const char *from = p;
  n = 0;
  while (from > sentence && n < 10) {
    const char *prev = g_utf8_prev_char(from);
    if (!is_han(g_utf8_get_char(prev)))
      break;
    from = prev;
    n++;
  }
  g_autofree char *before = g_strndup(from, (gsize)(p - from));
  for (gsize k = 0; k < G_N_ELEMENTS(subject_fillers); k++)
    if (g_str_has_suffix(before, subject_fillers[k]))
      before[strlen(before) - strlen(subject_fillers[k])] = '\0';
  return g_steal_pointer(&before);
}
