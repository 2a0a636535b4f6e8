/* extract.c: claims the quantities of each sentence for the rules' metrics.
 *
 * For every sentence of an article: numbers.c finds the quantities, rules.c
 * finds where the rules' phrases stand, extract_kind.c reads each
 * quantity's kind (增长 → change), extract_claim.c decides which rule
 * claims it, and period.c reads the sentence's time phrases for its
 * period. This file walks the article's sentences (cutting an over-long one
 * into pieces), makes the rows, and names a figure's subject for
 * --coverage. rules/README.md gives the algorithm for rule authors.
 */
#include "extract.h"

#include <string.h>

#include "extract_int.h"
#include "numbers.h"
#include "period.h"
#include "perthread.h"

/* ---- the article --------------------------------------------------------------- */

/* `text` is a NUL-terminated sentence (or piece) of `len` bytes; file_len
 * and headline_len are strlen() of file and a->headline (0 for NULL). The
 * row is told the lengths known here, so zs_stat_new_known() measures only
 * the short strings. */
static ZsStat *make_stat(const char *file, gsize file_len, const ZsArticle *a,
                         gsize headline_len, const ZsSentence *sent, const char *text,
                         gsize len, const Item *it) {
  gboolean neg = it->fall && strcmp(it->q->value, "0") != 0;
  g_autofree char *value = neg ? g_strconcat("-", it->q->value, NULL) : NULL;
  /* The surface is read in place: told its length, the row copies that
   * many bytes (not up to a NUL). */
  gsize n = it->q->end - it->q->start;
  ZsStat f = {
    .metric = (char *)it->metric,
    .value = value ? value : it->q->value,
    .unit = it->q->unit,
    .sentence = (char *)text,
    .kind = it->kind,
    .qualifier = it->q->qualifier,
    .surface = (char *)text + it->q->start,
    .article = a->headline,
    .article_no = a->no,
    .file = (char *)file,
    .line = sent->line,
    .period = (char *)it->period,
    .rule = it->rule ? (char *)it->rule->where : NULL,
    .offset = it->q->start,
  };
  /* A claimed figure's metric is its rule's (the claiming code sets both
   * together); the check keeps a length from being told for another string. */
  const ZsRule *r = it->rule;
  gboolean rule_metric = r && it->metric == r->metric;
  const gsize known[ZS_STAT_STRINGS] = {
    rule_metric ? r->metric_len : ZS_STAT_UNKNOWN, ZS_STAT_UNKNOWN, ZS_STAT_UNKNOWN, len, n,
    headline_len, file_len, ZS_STAT_UNKNOWN, r ? r->where_len : ZS_STAT_UNKNOWN,
  };
  return zs_stat_new_known(&f, known);
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

/* strstr(s, "分别") for s of n bytes without a NUL: asked of every
 * sentence with a figure. strstr() stops at every 分-like lead pair (E5 88
 * starts some of the commonest characters: 分 列 利 到 制 前 …); the last
 * byte of 别 (AB) is rare in Chinese text, so memchr() looks for it and the
 * five bytes before each are compared. Occurrences are found in the order
 * of their ends, which is that of their starts. */
static const char *find_fenbie(const char *s, gsize n) {
  static const char fenbie[] = "分别";
  const gsize k = sizeof fenbie - 1;
  const char *end = s + n;
  for (const char *p = s + k - 1; p < end; p++) {
    p = memchr(p, fenbie[k - 1], (gsize)(end - p));
    if (!p)
      break;
    if (memcmp(p - (k - 1), fenbie, k - 1) == 0)
      return p - (k - 1);
  }
  return NULL;
}

/* The unit last looked up by zs_rules_unit_bit() and its bit: the figures
 * of a sentence, and of the next, mostly share their unit (万元, %, 人).
 * The text is a copy (a quantity's unit goes with it); a unit too long
 * for it is not kept. */
typedef struct {
  char text[16]; /* NUL-terminated; "" (with its bit) before the first */
  guint64 bit;
} UnitMemo;

static inline guint64 unit_bit(const ZsRules *rules, UnitMemo *m, const char *unit) {
  gsize i = 0;
  while (m->text[i] && m->text[i] == unit[i])
    i++;
  if (m->text[i] == unit[i])
    return m->bit;
  guint64 bit = zs_rules_unit_bit(rules, unit);
  gsize len = strlen(unit);
  if (len < sizeof m->text) {
    memcpy(m->text, unit, len + 1);
    m->bit = bit;
  }
  return bit;
}

/* The arrays extract_text() fills for each sentence: the quantities, the
 * figures as items, the rule matches. Kept per thread from one article to
 * the next (each sentence empties them first; no article leaves
 * quantities in qs), not made and grown again for every article. */
typedef struct {
  GPtrArray *qs; /* ZsQuantity*, owned */
  Items items;
  ZsRuleMatches matches;
} Arrays;

static _Thread_local Arrays *my_arrays;

/* Run by the GPrivate in the thread that ends. */
static void arrays_free(gpointer data) {
  Arrays *ar = data;
  my_arrays = NULL;
  g_ptr_array_unref(ar->qs);
  g_free(ar->items.v);
  g_free(ar->matches.v);
  g_free(ar);
}
static GPrivate thread_arrays = G_PRIVATE_INIT(arrays_free);

static Arrays *arrays_new(void) {
  Arrays *ar = g_new0(Arrays, 1);
  ar->qs = g_ptr_array_new_with_free_func((GDestroyNotify)zs_quantity_free);
  return ar;
}

/* The thread's arrays (perthread.h). */
static Arrays *arrays_get(void) {
  return ZS_THREAD_OWN(my_arrays, &thread_arrays, arrays_new());
}

/* What extract_text() is given for the article at hand. */
typedef struct {
  GPtrArray *qs;
  Items *items;
  ZsRuleMatches *matches;
  gsize file_len, headline_len; /* of the article's file and headline (make_stat) */
  UnitMemo unit; /* per article: its bits are the rule set's */
} Work;

/* Extracts the statistics of one piece of text `s` (`n` bytes, its NUL
 * there) of sentence `sent` into `out`, and moves `carry` past it. A piece with no figure is only put
 * aside there when `s` lives as long as the article (`in_place`). */
static void extract_text(const ZsRules *rules, const char *file, const ZsArticle *a,
                         const ZsSentence *sent, const char *s, gsize n, gboolean in_place,
                         const ZsExtractOptions *opts, ZsPeriodCarry *carry, Work *w,
                         GPtrArray *out, GPtrArray *warnings) {
  GPtrArray *qs = w->qs;
  if (qs->len) /* most sentences have no figure: no call to empty nothing */
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
    ZsClause clause_local[1024];
    g_autofree ZsClause *clause_heap =
        n < G_N_ELEMENTS(clause_local) ? NULL : g_new(ZsClause, n + 1);
    ZsClause *clause = clause_heap ? clause_heap : clause_local;
    zs_extract_clause_map(s, n, clause);
    /* Zeroed, all at once. */
    Items *items = w->items;
    if (qs->len > items->cap) {
      items->cap = MAX(2 * items->cap, qs->len);
      items->v = g_renew(Item, items->v, items->cap);
    }
    items->len = qs->len;
    memset(items->v, 0, qs->len * sizeof(Item));
    for (guint i = 0; i < qs->len; i++) {
      Item *it = &items->v[i];
      it->q = qs->pdata[i];
      it->unit_bit = unit_bit(rules, &w->unit, it->q->unit);
    }
    zs_extract_classify(s, items);
    ZsRuleMatches *matches = w->matches;
    zs_rules_match_into(rules, s, n, matches, warnings);
    const char *fenbie = find_fenbie(s, n);
    if (fenbie)
      zs_extract_distribute(s, fenbie, clause, items, matches, FALSE);
    zs_extract_claim(clause, items, matches);
    if (fenbie)
      zs_extract_distribute(s, fenbie, clause, items, matches, TRUE);
    zs_extract_continue_series(s, clause, items, matches);
    for (guint i = 0; i < items->len; i++) {
      Item *it = &items->v[i];
      if (!it->metric && !opts->all_quantities)
        continue;
      /* borrowed from tps (or the carry), which outlive the row's making */
      it->period = headline ? NULL : zs_period_at_borrowed(tps, it->q->start, inherited);
      g_ptr_array_add(out, make_stat(file, w->file_len, a, w->headline_len, sent, s, n, it));
    }
  }
  if (headline)
    return;
  zs_period_carry_set_after(carry, tps); /* the period at n, with `inherited` */
  zs_period_clear(tps);
}

GPtrArray *zs_extract_article(const ZsRules *rules, const char *file, const ZsArticle *a,
                              const ZsExtractOptions *opts, GPtrArray *warnings) {
  /* Room for the rows of most articles, grown by doubling past it. */
  GPtrArray *out = g_ptr_array_new_full(32, (GDestroyNotify)zs_stat_free);
  ZsPeriodCarry carry; /* period in force from the previous sentence */
  zs_period_carry_init(&carry, opts->year);
  /* The quantities of the sentence at hand, and what is made of them: one
   * array each for all of them. */
  Arrays *ar = arrays_get();
  Work w = {ar->qs, &ar->items, &ar->matches, file ? strlen(file) : 0,
            a->headline ? strlen(a->headline) : 0, {"", 0}};
  w.unit.bit = zs_rules_unit_bit(rules, "");
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
      extract_text(rules, file, a, sent, s, n, !copy, opts, &carry, &w, out, warnings);
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
  if (w.qs->len) /* the quantities go back to their pool now */
    g_ptr_array_set_size(w.qs, 0);

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
