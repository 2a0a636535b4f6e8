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
      "|(?<rely>今年|去年|前年|明年)(?:(?:第)?(?<rq>[一二三四1-4])季度|(?<rm>\\d{1,2})月(?<rme>底|末)?"
      "|(?<rye>底|末))?"
      "|(?<rel>目前|如今|近年来|多年来|[0-9一二三四五六七八九十几多]+年来|当前|现在|本月|上月"
      "|截至目前))";
  int code;
  PCRE2_SIZE off;
  pcre2_code *re = pcre2_compile((PCRE2_SPTR)src, PCRE2_ZERO_TERMINATED, PCRE2_UTF, &code,
                                 &off, NULL);
  g_assert(re); /* a constant pattern: a failure here is a programming error */
  if (zs_jit_enabled())
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

struct ZsPeriods {
  char *sentence;
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
  g_autofree char *s1 = group(md, s, "s1"), *s2 = group(md, s, "s2");
  g_autofree char *since = group(md, s, "since"), *ey = group(md, s, "ey");
  g_autofree char *em = group(md, s, "em"), *ye = group(md, s, "ye");
  g_autofree char *qy = group(md, s, "qy"), *q = group(md, s, "q");
  g_autofree char *ry = group(md, s, "ry"), *my = group(md, s, "my"), *m = group(md, s, "m");
  g_autofree char *dy = group(md, s, "dy"), *y = group(md, s, "y");
  g_autofree char *rely = group(md, s, "rely"), *rq = group(md, s, "rq");
  g_autofree char *rm = group(md, s, "rm"), *rme = group(md, s, "rme");
  g_autofree char *rye = group(md, s, "rye");
  if (rely) {
    if (!year)
      return g_strdup("");
    int offset = g_str_has_prefix(rely, "去") ? -1 : g_str_has_prefix(rely, "前") ? -2
                 : g_str_has_prefix(rely, "明") ? 1 : 0;
    int rel_year = year + offset;
    if (rq)
      return g_strdup_printf("%dQ%d", rel_year, cn_quarter(rq));
    if (rm) {
      int month = atoi(rm);
      if (month < 1 || month > 12)
        return g_strdup_printf("%d", rel_year);
      if (rme)
        return g_strdup_printf("%04d-%02d-%02d", rel_year, month,
                               g_date_get_days_in_month((GDateMonth)month, (GDateYear)rel_year));
      return g_strdup_printf("%d-%02d", rel_year, month);
    }
    if (rye)
      return g_strdup_printf("%d-12-31", rel_year);
    return g_strdup_printf("%d", rel_year);
  }
  if (s1)
    return g_strdup_printf("%s/%s", s1, s2);
  if (since)
    return g_strdup_printf("%s/..", since);
  if (ey) {
    int month = atoi(em), end_year = atoi(ey);
    if (month < 1 || month > 12)
      return g_strdup(ey);
    return g_strdup_printf("%04d-%02d-%02d", end_year, month,
                           g_date_get_days_in_month((GDateMonth)month, (GDateYear)end_year));
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

ZsPeriods *zs_period_scan(const char *s, int year) {
  static GOnce once = G_ONCE_INIT;
  period_re = g_once(&once, compile_period_re, NULL);
  GArray *out = g_array_new(FALSE, FALSE, sizeof(TimePhrase));
  pcre2_match_data *md = pcre2_match_data_create_from_pattern(period_re, NULL);
  gsize len = strlen(s), at = 0;
  while (at < len && pcre2_match(period_re, (PCRE2_SPTR)s, len, at, 0, md, NULL) >= 0) {
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    g_autofree char *cmp = group(md, s, "cmp");
    if (!cmp) {
      TimePhrase tp = {ov[0], ov[1], period_of(md, s, year)};
      g_array_append_val(out, tp);
    }
    at = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
  }
  pcre2_match_data_free(md);
  ZsPeriods *p = g_new0(ZsPeriods, 1);
  p->sentence = g_strdup(s);
  p->phrases = out;
  return p;
}

void zs_period_free(ZsPeriods *p) {
  if (!p)
    return;
  for (guint i = 0; i < p->phrases->len; i++)
    g_free(g_array_index(p->phrases, TimePhrase, i).period);
  g_array_free(p->phrases, TRUE);
  g_free(p->sentence);
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
