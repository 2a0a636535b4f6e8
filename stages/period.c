/* period.c: the time a figure refers to, from the time phrases of its
 * sentence, in the gold's notation ("2023", "2023Q4", "2023-12",
 * "2023-12-31", "2019/2023", "2014/..").
 *
 * One JIT-compiled PCRE2 pattern finds the time phrases; the rules of
 * governance (rules/README.md, "Periods"): a phrase governs the figures
 * after it up to the end of the sentence or the next "；" (but "；其中"
 * continues); "X年的" dates only the figure right after it; a comparison
 * base (较2022年) is not a period; relative time (今年, 4年来) gives none
 * unless a publication year is known; a sentence without a time phrase
 * continues the period in force before it.
 */
#include "period.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

static pcre2_code *period_re;

/* The pattern's named groups, by number: looked up once, after compiling. */
enum { G_CMP, G_S1, G_S2, G_SINCE, G_EY, G_EM, G_YE, G_QY, G_Q, G_RY, G_MY, G_M, G_DY, G_Y,
       G_RELY, G_RQ, G_RM, G_RME, G_RYE, N_GROUPS };
static const char *group_names[N_GROUPS] = {
  "cmp", "s1", "s2", "since", "ey", "em", "ye", "qy", "q", "ry", "my", "m", "dy", "y",
  "rely", "rq", "rm", "rme", "rye",
};
static int group_no[N_GROUPS];

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
      "|(?<rely>今年|去年|前年|明年)(?:(?:第)?(?<rq>[一二三四1-4])季度|(?<rm>\\d{1,2})月(?<rme>底|末)?"
      "|(?<rye>底|末))?"
      "|(?<rel>目前|如今|近年来|多年来|[0-9一二三四五六七八九十几多]+年来|当前|现在|本月|上月"
      "|截至目前))";
  int code;
  PCRE2_SIZE off;
  /* Anchored: zs_period_scan() tries it only where a match can start. */
  pcre2_code *re = pcre2_compile((PCRE2_SPTR)src, PCRE2_ZERO_TERMINATED,
                                 PCRE2_UTF | PCRE2_ANCHORED, &code, &off, NULL);
  g_assert(re); /* a constant pattern: a failure here is a programming error */
  if (zs_jit_enabled())
    pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
  for (int g = 0; g < N_GROUPS; g++)
    group_no[g] = pcre2_substring_number_from_name(re, (PCRE2_SPTR)group_names[g]);
  return re;
}

static char *group(pcre2_match_data *md, const char *s, int g) {
  int n = group_no[g];
  PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
  if (n < 0 || ov[2 * n] == PCRE2_UNSET)
    return NULL;
  return g_strndup(s + ov[2 * n], ov[2 * n + 1] - ov[2 * n]);
}

static gboolean group_set(pcre2_match_data *md, int g) {
  int n = group_no[g];
  return n >= 0 && pcre2_get_ovector_pointer(md)[2 * n] != PCRE2_UNSET;
}

typedef struct {
  gsize start, end;
  char *period; /* "" for relative time */
} TimePhrase;

struct ZsPeriods {
  const char *sentence; /* borrowed: see zs_period_scan() */
  GArray *phrases; /* TimePhrase, in text order */
};

static int cn_quarter(const char *q) {
  static const char *cn[] = {"一", "二", "三", "四"};
  for (int i = 0; i < 4; i++)
    if (strcmp(q, cn[i]) == 0)
      return i + 1;
  return atoi(q);
}

/* The period a time phrase names. `year` is the publication year that
 * resolves 今年 and 去年 (0: unknown, and relative time gives ""). */
static char *period_of(pcre2_match_data *md, const char *s, int year) {
  if (group_set(md, G_RELY)) {
    if (!year)
      return g_strdup("");
    g_autofree char *rely = group(md, s, G_RELY), *rq = group(md, s, G_RQ);
    g_autofree char *rm = group(md, s, G_RM);
    int offset = g_str_has_prefix(rely, "去") ? -1 : g_str_has_prefix(rely, "前") ? -2
                 : g_str_has_prefix(rely, "明") ? 1 : 0;
    int rel_year = year + offset;
    if (rq)
      return g_strdup_printf("%dQ%d", rel_year, cn_quarter(rq));
    if (rm) {
      int month = atoi(rm);
      if (month < 1 || month > 12)
        return g_strdup_printf("%d", rel_year);
      if (group_set(md, G_RME))
        return g_strdup_printf("%04d-%02d-%02d", rel_year, month,
                               g_date_get_days_in_month((GDateMonth)month, (GDateYear)rel_year));
      return g_strdup_printf("%d-%02d", rel_year, month);
    }
    if (group_set(md, G_RYE))
      return g_strdup_printf("%d-12-31", rel_year);
    return g_strdup_printf("%d", rel_year);
  }
  if (group_set(md, G_S1)) {
    g_autofree char *s1 = group(md, s, G_S1), *s2 = group(md, s, G_S2);
    return g_strdup_printf("%s/%s", s1, s2);
  }
  if (group_set(md, G_SINCE)) {
    g_autofree char *since = group(md, s, G_SINCE);
    return g_strdup_printf("%s/..", since);
  }
  if (group_set(md, G_EY)) {
    g_autofree char *ey = group(md, s, G_EY), *em = group(md, s, G_EM);
    int month = atoi(em), end_year = atoi(ey);
    if (month < 1 || month > 12)
      return g_steal_pointer(&ey);
    return g_strdup_printf("%04d-%02d-%02d", end_year, month,
                           g_date_get_days_in_month((GDateMonth)month, (GDateYear)end_year));
  }
  if (group_set(md, G_YE)) {
    g_autofree char *ye = group(md, s, G_YE);
    return g_strdup_printf("%s-12-31", ye);
  }
  if (group_set(md, G_QY)) {
    g_autofree char *qy = group(md, s, G_QY), *q = group(md, s, G_Q);
    return g_strdup_printf("%sQ%d", qy, cn_quarter(q));
  }
  if (group_set(md, G_RY))
    return group(md, s, G_RY);
  if (group_set(md, G_MY)) {
    g_autofree char *my = group(md, s, G_MY), *m = group(md, s, G_M);
    int month = atoi(m);
    return month >= 1 && month <= 12 ? g_strdup_printf("%s-%02d", my, month)
                                     : g_steal_pointer(&my);
  }
  if (group_set(md, G_DY))
    return group(md, s, G_DY);
  if (group_set(md, G_Y))
    return group(md, s, G_Y);
  return g_strdup(""); /* relative time: no year stated */
}

/* Where the pattern can match, cheaply: it only tries there.
 *
 * Every match begins with one of these characters: the first of a
 * comparison word (较 比 同 与 相), an Arabic digit, or the first of a
 * relative time (今 去 前 明, 目 如 近 多 当 现 本 上 截, or a numeral of
 * 三年来). Keep this list in step with the pattern. */
static gboolean can_start(gunichar c) {
  if (c < 0x80)
    return c >= '0' && c <= '9';
  switch (c) {
  case 0x8F83: case 0x6BD4: case 0x540C: case 0x4E0E: case 0x76F8: /* 较 比 同 与 相 */
  case 0x4ECA: case 0x53BB: case 0x524D: case 0x660E:              /* 今 去 前 明 */
  case 0x76EE: case 0x5982: case 0x8FD1: case 0x591A: case 0x5F53: /* 目 如 近 多 当 */
  case 0x73B0: case 0x672C: case 0x4E0A: case 0x622A:              /* 现 本 上 截 */
  case 0x4E00: case 0x4E8C: case 0x4E09: case 0x56DB: case 0x4E94: /* 一 二 三 四 五 */
  case 0x516D: case 0x4E03: case 0x516B: case 0x4E5D: case 0x5341: /* 六 七 八 九 十 */
  case 0x51E0:                                                     /* 几 */
    return TRUE;
  default:
    return FALSE;
  }
}

/* And every match contains one of these words (each alternative of the
 * pattern has 年, 月, 目前, 如今, 当前 or 现在 in it), so none starts
 * after the last of them. Returns that last start, or -1 when none. */
static gssize last_time_word(const char *s) {
  static const char *words[] = {"年", "月", "目前", "如今", "当前", "现在"};
  gssize last = -1;
  /* Only a later start can raise `last`: each word is looked for after
   * it, not from the beginning (`last` + 1 is within the string, since
   * a word stands there). */
  for (gsize k = 0; k < G_N_ELEMENTS(words); k++)
    for (const char *h = s + last + 1; (h = strstr(h, words[k])); h++)
      last = h - s;
  return last;
}

/* Match data is per thread (PCRE2 forbids sharing it); one serves every
 * sentence the thread reads. */
static void free_md(gpointer md) { pcre2_match_data_free(md); }
static GPrivate thread_md = G_PRIVATE_INIT(free_md);

ZsPeriods *zs_period_scan(const char *s, int year) {
  static GOnce once = G_ONCE_INIT;
  period_re = g_once(&once, compile_period_re, NULL);
  GArray *out = g_array_new(FALSE, FALSE, sizeof(TimePhrase));
  pcre2_match_data *md = g_private_get(&thread_md);
  if (!md) {
    md = pcre2_match_data_create_from_pattern(period_re, NULL);
    g_private_set(&thread_md, md);
  }
  /* The leftmost match from `at` is the anchored match at the first place
   * from `at` where one exists: the pattern looks neither behind nor
   * before where it starts. The sentence is valid UTF-8 (period.h: the
   * normalizer replaces every invalid byte with U+FFFD and sentences are
   * cut at character boundaries), so PCRE2 is told not to check it. */
  gsize len = strlen(s);
  gssize last = last_time_word(s);
  for (const char *p = s; p - s <= last;) {
    const char *here = p;
    if (!can_start(zs_utf8_next(&p)))
      continue;
    int rc = pcre2_match(period_re, (PCRE2_SPTR)s, len, (PCRE2_SIZE)(here - s),
                         PCRE2_NO_UTF_CHECK, md, NULL);
    if (rc == PCRE2_ERROR_NOMATCH)
      continue;
    if (rc < 0)
      break; /* a limit: the scan stops there, as it always has */
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    if (!group_set(md, G_CMP)) {
      TimePhrase tp = {ov[0], ov[1], period_of(md, s, year)};
      g_array_append_val(out, tp);
    }
    p = s + ov[1];
  }
  ZsPeriods *p = g_new0(ZsPeriods, 1);
  p->sentence = s;
  p->phrases = out;
  return p;
}

void zs_period_free(ZsPeriods *p) {
  if (!p)
    return;
  for (guint i = 0; i < p->phrases->len; i++)
    g_free(g_array_index(p->phrases, TimePhrase, i).period);
  g_array_free(p->phrases, TRUE);
  g_free(p);
}

/* Is there a "；" between a and b that starts a new fact (not ；其中)? */
static gboolean semicolon_between(const char *s, gsize a, gsize b) {
  for (const char *p = s + a; (p = strstr(p, "；")) && (gsize)(p - s) < b; p += 3)
    if (!g_str_has_prefix(p + 3, "其中"))
      return TRUE;
  return FALSE;
}

/* Does the figure at `offset` follow `from` with only a qualifier between? */
static gboolean figure_right_after(const char *s, gsize from, gsize offset) {
  static const char *between[] = {"", "约", "近", "超", "超过", "将近", "接近", "逾"};
  if (offset < from)
    return FALSE;
  for (gsize k = 0; k < G_N_ELEMENTS(between); k++)
    if (offset - from == strlen(between[k]) && strncmp(s + from, between[k], offset - from) == 0)
      return TRUE;
  return FALSE;
}

char *zs_period_at(const ZsPeriods *p, gsize offset, const char *inherited) {
  const char *s = p->sentence;
  GArray *tps = p->phrases;
  for (guint i = tps->len; i-- > 0;) {
    TimePhrase *tp = &g_array_index(tps, TimePhrase, i);
    if (tp->end > offset)
      continue;
    /* 由2014年的35.93%提高到2023年的48.3%: "X年的" dates its own figure
     * only; the figures after that one look further back. */
    if (g_str_has_prefix(s + tp->end, "的") && !figure_right_after(s, tp->end + 3, offset))
      continue;
    if (semicolon_between(s, tp->end, offset))
      return NULL;
    return *tp->period ? g_strdup(tp->period) : NULL;
  }
  if (tps->len == 0 && inherited && !semicolon_between(s, 0, offset))
    return g_strdup(inherited);
  return NULL;
}

char *zs_period_of(const char *sentence, gsize offset, const char *inherited, int year) {
  ZsPeriods *p = zs_period_scan(sentence, year);
  char *r = zs_period_at(p, offset, inherited);
  zs_period_free(p);
  return r;
}
