/* extract_claim.c: which rule claims which figure of a sentence.
 *
 * A 分别 list first, then the nearest phrase in the same clause (after the
 * phrase first, then before it), the longest phrase winning, then the rule
 * defined first; last, figures with no phrase of their own take the metric
 * of the figure they continue. rules/README.md gives the same algorithm
 * for rule authors, with examples.
 */
#include <string.h>

#include "extract_int.h"
#include "utf8.h"

/* Is there another match, between positions a and b, that accepts the
 * item? `accepts[i]`: does match i accept it. */
static gboolean blocked(ZsRuleMatches *matches, const ZsRuleMatch *self, gsize a, gsize b,
                        const gboolean *accepts) {
  for (guint i = 0; i < matches->len; i++) {
    const ZsRuleMatch *m = &matches->v[i];
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

static void distribute_at(const char *s, gsize p, const ZsClause *clause, Items *items,
                          ZsRuleMatches *matches, gboolean by_figures) {
  /* The lists on the stack for an ordinary sentence: after and before
   * hold items, phr matches. */
  enum { LOCAL = 32 };
  Item *after_local[LOCAL], *before_local[LOCAL];
  const ZsRuleMatch *phr_local[LOCAL];
  g_autofree Item **after_heap = items->len <= LOCAL ? NULL : g_new(Item *, items->len);
  Item **after = after_heap ? after_heap : after_local;
  guint n = 0;
  for (guint i = 0; i < items->len; i++) {
    Item *it = &items->v[i];
    if (it->q->start < p || it->rule)
      continue;
    if (n) {
      Item *prev = after[n - 1];
      if (!list_gap(s, prev->q->end, it->q->start) && clause[it->q->start] != clause[p])
        break;
    } else if (clause[it->q->start] != clause[p]) {
      break;
    }
    after[n++] = it;
  }
  if (n < 2)
    return;
  /* Phrases of the list before 分别, in this clause, that accept them. */
  g_autofree const ZsRuleMatch **phr_heap =
      matches->len <= LOCAL ? NULL : g_new(const ZsRuleMatch *, matches->len);
  const ZsRuleMatch **phr = phr_heap ? phr_heap : phr_local;
  guint n_phr = 0;
  for (guint i = 0; i < matches->len; i++) {
    const ZsRuleMatch *m = &matches->v[i];
    if (m->end > p || clause[m->start] != clause[p])
      continue;
    if (n_phr && phr[n_phr - 1]->end > m->start)
      continue; /* overlapping: keep the first, longest */
    phr[n_phr++] = m;
  }
  gboolean by_phrase = !by_figures && n_phr == n;
  for (guint k = 0; by_phrase && k < n; k++) {
    const Item *it = after[k];
    by_phrase = zs_rule_accepts_bit(phr[k]->rule, it->unit_bit, it->q->unit, it->kind);
  }
  if (by_phrase) {
    for (guint k = 0; k < n; k++) {
      Item *it = after[k];
      it->rule = phr[k]->rule;
      it->metric = it->rule->metric;
    }
  } else if (by_figures) {
    /* The last n claimed figures before 分别 are the subjects. */
    g_autofree Item **before_heap = items->len <= LOCAL ? NULL : g_new(Item *, items->len);
    Item **before = before_heap ? before_heap : before_local;
    guint n_before = 0;
    for (guint i = 0; i < items->len; i++) {
      Item *it = &items->v[i];
      if (it->q->end <= p && it->metric)
        before[n_before++] = it;
    }
    if (n_before >= n)
      for (guint k = 0; k < n; k++) {
        Item *src = before[n_before - n + k];
        Item *it = after[k];
        it->rule = src->rule;
        it->metric = src->metric;
      }
  }
}

void zs_extract_distribute(const char *s, const char *first, const ZsClause *clause,
                           Items *items, ZsRuleMatches *matches, gboolean by_figures) {
  for (const char *hit = first; hit; hit = strstr(hit + strlen("分别"), "分别"))
    distribute_at(s, (gsize)(hit - s), clause, items, matches, by_figures);
}

static gboolean clause_has_match(const ZsClause *clause, ZsRuleMatches *matches, guint c) {
  for (guint i = 0; i < matches->len; i++)
    if (clause[matches->v[i].start] == c)
      return TRUE;
  return FALSE;
}

/* cmp_by_length() of the matches at two indexes into `was`, the index
 * last: the stable order g_qsort_with_data() gives the matches. */
static gint cmp_index_by_length(gconstpointer pa, gconstpointer pb, gpointer was) {
  ZsRuleMatch **v = was;
  guint a = *(const guint *)pa, b = *(const guint *)pb;
  gint c = cmp_by_length(&v[a], &v[b]);
  return c ? c : (a > b) - (a < b);
}

/* A row of `cand` (a bit set of items) copied, or cleared: nearly always
 * one word, which a loop over the words (gcc makes it a memcpy() or
 * memset() call) would cost a call for. */
static inline void row_copy(guint64 *to, const guint64 *from, guint words) {
  if (words == 1)
    *to = *from;
  else
    memcpy(to, from, words * sizeof *to);
}

static inline void row_clear(guint64 *row, guint words) {
  if (words == 1)
    *row = 0;
  else
    memset(row, 0, words * sizeof *row);
}

/* Sorts order[0, n) by cmp_by_length(), and the rows of `cand` (`words`
 * each) with them: by insertion when short (a sentence's claiming matches
 * are few), as g_qsort_with_data() would (both stable); a long list is
 * sorted by its index, then the rows follow. */
static void sort_by_length(ZsRuleMatch **order, guint n, guint64 *cand, guint words) {
  if (n > 32) {
    g_autofree guint *idx = g_new(guint, n);
    g_autofree ZsRuleMatch **was = g_memdup2(order, n * sizeof *order);
    g_autofree guint64 *rows = g_memdup2(cand, (gsize)n * words * sizeof *cand);
    for (guint i = 0; i < n; i++)
      idx[i] = i;
    g_qsort_with_data(idx, (gint)n, sizeof *idx, cmp_index_by_length, was);
    for (guint i = 0; i < n; i++) {
      order[i] = was[idx[i]];
      memcpy(cand + (gsize)i * words, rows + (gsize)idx[i] * words, words * sizeof *cand);
    }
    return;
  }
  g_autofree guint64 *row_heap = words <= 4 ? NULL : g_new(guint64, words);
  guint64 row_local[4], *row = row_heap ? row_heap : row_local;
  for (guint i = 1; i < n; i++) {
    ZsRuleMatch *m = order[i];
    guint j = i;
    if (cmp_by_length(&m, &order[j - 1]) >= 0)
      continue; /* in place already: the common case */
    row_copy(row, cand + (gsize)i * words, words);
    for (; j > 0 && cmp_by_length(&m, &order[j - 1]) < 0; j--) {
      order[j] = order[j - 1];
      row_copy(cand + (gsize)j * words, cand + (gsize)(j - 1) * words, words);
    }
    order[j] = m;
    row_copy(cand + (gsize)j * words, row, words);
  }
}

/* What pass `pass` makes of figure `it` for match m (which accepts it; it
 * is open): NOT it, TAKE it and stop looking, or NEAREST (pass 3: take it
 * unless a later one qualifies too). acc[i]: does match i accept it. */
enum { NOT, TAKE, NEAREST };
static int consider(int pass, const ZsRuleMatch *m, const Item *it, const ZsClause *clause,
                    ZsRuleMatches *matches, const gboolean *acc, guint at_end, guint at_start) {
  if (pass == 0)
    return it->q->start >= m->start && it->q->end <= m->end ? TAKE : NOT;
  if (pass == 1)
    return it->q->end == m->start ? TAKE : NOT;
  if (pass == 2 && it->q->start >= m->end) {
    /* The subject carries into the next clause when that clause names
     * none of its own: 生产总值增长5.8%，达到6.3万亿元. */
    if (m->rule->scope == ZS_SCOPE_CLAUSE && clause[it->q->start] != at_end &&
        !(clause[it->q->start] == at_end + 1 && !clause_has_match(clause, matches, at_end + 1)))
      return NOT;
    return blocked(matches, m, m->end, it->q->start, acc) ? NOT : TAKE;
  }
  if (pass == 3 && it->q->end <= m->start) {
    if (m->rule->scope == ZS_SCOPE_CLAUSE && clause[it->q->start] != at_start)
      return NOT;
    return blocked(matches, m, it->q->end, m->start, acc) ? NOT : NEAREST;
  }
  return NOT;
}

/* Claims figures for rule matches in four passes, each over the matches
 * longest first: a figure inside the match (a pattern that spells out the
 * number), a figure written right before the phrase (8489个老旧小区), the
 * nearest figure after the phrase in its clause, the nearest one before it. */
void zs_extract_claim(const ZsClause *clause, Items *items, ZsRuleMatches *matches) {
  /* The working arrays on the stack for an ordinary sentence. */
  enum { LOCAL = 64 };
  ZsRuleMatch *order_local[LOCAL];
  gboolean accepts_local[4 * LOCAL];
  guint32 clauses_local[LOCAL];
  guint64 cand_local[LOCAL], open_local[1];
  guint n = matches->len, n_items = items->len;
  guint words = (n_items + 63) / 64; /* of a bit set of items */
  gsize n_acc = (gsize)n_items * n + 1, n_cand = (gsize)n * words;
  g_autofree ZsRuleMatch **order_heap = n <= LOCAL ? NULL : g_new(ZsRuleMatch *, n);
  g_autofree gboolean *accepts_heap = n_acc <= G_N_ELEMENTS(accepts_local) ? NULL
                                                                           : g_new(gboolean, n_acc);
  g_autofree guint32 *clauses_heap = n <= LOCAL ? NULL : g_new(guint32, n);
  g_autofree guint64 *cand_heap = n_cand <= LOCAL ? NULL : g_new0(guint64, n_cand);
  g_autofree guint64 *open_heap = words <= 1 ? NULL : g_new0(guint64, words);
  ZsRuleMatch **order = order_heap ? order_heap : order_local;
  gboolean *accepts = accepts_heap ? accepts_heap : accepts_local;
  guint32 *clauses = clauses_heap ? clauses_heap : clauses_local;
  guint64 *cand = cand_heap ? cand_heap : cand_local;
  guint64 *open = open_heap ? open_heap : open_local;
  /* open: the figures without a rule (bit k % 64 of word k / 64). */
  row_clear(open, words);
  for (guint k = 0; k < n_items; k++)
    if (!items->v[k].rule)
      open[k / 64] |= G_GUINT64_CONSTANT(1) << (k % 64);
  /* accepts[k * n + i]: does match i accept item k? Units and kinds do not
   * change while claiming, and every pass asks again. Changes take the
   * metric of what changed (continue_series()), so the figures a match
   * may claim are those it accepts that are not changes (its row of
   * `cand`) and still open; only a match with one can claim anything: the
   * passes go over those alone, and over their figures alone. Figures only
   * gain rules here, so the others stay out of reach throughout. */
  guint n_order = 0;
  for (guint i = 0; i < n; i++) {
    ZsRuleMatch *m = &matches->v[i];
    guint64 *row = cand + (gsize)n_order * words;
    row_clear(row, words);
    gboolean claims = FALSE;
    for (guint k = 0; k < n_items; k++) {
      const Item *it = &items->v[k];
      gboolean acc = zs_rule_accepts_bit(m->rule, it->unit_bit, it->q->unit, it->kind);
      accepts[k * n + i] = acc;
      if (acc && !is_change(it->kind)) {
        row[k / 64] |= G_GUINT64_CONSTANT(1) << (k % 64);
        claims |= !it->rule;
      }
    }
    if (claims)
      order[n_order++] = m;
  }
  /* The sort g_ptr_array_sort() makes (stable: ties keep match order);
   * the rows of `cand` go with their matches. */
  sort_by_length(order, n_order, cand, words);
  /* clauses[i]: the clauses match i starts and ends in, read once for the
   * four passes (at_start << 16 | at_end: ZsClause is 16 bits); DONE once
   * it has claimed its figure. A match spanning clauses looks ahead from
   * the clause it ends in. */
  const guint32 DONE = G_MAXUINT32;
  for (guint i = 0; i < n_order; i++) {
    const ZsRuleMatch *m = order[i];
    guint32 at_end = clause[m->end > m->start ? m->end - 1 : m->start];
    clauses[i] = (guint32)clause[m->start] << 16 | at_end;
  }
  /* Each match claims at most one figure; its figures are tried in text
   * order. */
  for (int pass = 0; pass < 4; pass++)
    for (guint i = 0; i < n_order; i++) {
      ZsRuleMatch *m = order[i];
      if (clauses[i] == DONE)
        continue;
      guint at_end = clauses[i] & 0xFFFF, at_start = clauses[i] >> 16;
      gint best = -1;
      gboolean stop = FALSE;
      for (guint w = 0; w < words && !stop; w++)
        for (guint64 c = cand[(gsize)i * words + w] & open[w]; c && !stop; c &= c - 1) {
          guint k = w * 64 + (guint)__builtin_ctzll(c);
          int what = consider(pass, m, &items->v[k], clause, matches,
                              &accepts[k * n], at_end, at_start);
          if (what != NOT)
            best = (gint)k;
          stop = what == TAKE;
        }
      if (best >= 0) {
        Item *it = &items->v[best];
        it->rule = m->rule;
        it->metric = m->rule->metric;
        open[best / 64] &= ~(G_GUINT64_CONSTANT(1) << (best % 64));
        clauses[i] = DONE;
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

static gboolean figure_between(Items *items, gsize from, gsize to) {
  for (guint i = 0; i < items->len; i++) {
    const Item *it = &items->v[i];
    if (it->q->start >= from && it->q->end <= to)
      return TRUE;
  }
  return FALSE;
}

void zs_extract_continue_series(const char *s, const ZsClause *clause, Items *items,
                                ZsRuleMatches *matches) {
  /* The two bounds of a range share their metric (3到6个月). */
  for (guint k = 0; k + 1 < items->len; k++) {
    Item *lo = &items->v[k], *hi = &items->v[k + 1];
    if (lo->q->range_low && !lo->metric && hi->metric) {
      lo->rule = hi->rule;
      lo->metric = hi->metric;
    }
  }
  for (guint k = 0; k < items->len; k++) {
    Item *it = &items->v[k];
    if (it->metric)
      continue;
    for (guint j = k; j-- > 0;) {
      Item *prev = &items->v[j];
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
          ZsRuleMatch *rm = &matches->v[m];
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
        const ZsRuleMatch *rm = &matches->v[m];
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
