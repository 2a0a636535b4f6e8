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

#ifdef __SSE2__
#include <emmintrin.h>
#endif

static pcre2_code *period_re;

/* The pattern's named groups, by number: looked up once, after compiling. */
enum { G_CMP, G_S1, G_S2, G_SINCE, G_EY, G_EM, G_YE, G_QY, G_Q, G_RY, G_MY, G_M, G_DY, G_Y,
       G_RELY, G_RQ, G_RM, G_RME, G_RYE, N_GROUPS };
static const char *group_names[N_GROUPS] = {
  "cmp", "s1", "s2", "since", "ey", "em", "ye", "qy", "q", "ry", "my", "m", "dy", "y",
  "rely", "rq", "rm", "rme", "rye",
};
static int group_no[N_GROUPS];

/* Every character a match can start with: an Arabic digit (tested apart),
 * the first of a comparison word (较 比 同 与 相), or the first of a
 * relative time (今 去 前 明, 目 如 近 多 当 现 本 上 截, or a numeral of
 * 三年来). Keep this list in step with the pattern. */
static const char start_chars[] = "较比同与相今去前明目如近多当现本上截一二三四五六七八九十几";
/* Bit (c % 1024) of each: the scan's first test of a character, which
 * turns away nearly every other one. */
static guint64 start_bloom[16];

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
  for (const char *p = start_chars; *p;) {
    gunichar c = zs_utf8_next(&p);
    start_bloom[c / 64 % 16] |= G_GUINT64_CONSTANT(1) << (c % 64);
  }
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

/* ---- where a match can start ---------------------------------------------
 *
 * The pattern runs anchored, and only where this guard says a match can
 * begin: an exact necessary condition read off the pattern, which turns
 * away nearly every character of a sentence (the old way tried it at every
 * digit and numeral before the last 年 or 月). Keep it in step with the
 * pattern: /period/guard checks, on the corpus and made-up sentences, that
 * the pattern never matches where the guard says it cannot. */

static gboolean at_word(const char *s, gsize len, gsize i, const char *w, gsize wl) {
  return i + wl <= len && memcmp(s + i, w, wl) == 0;
}
#define AT(s, len, i, w) at_word(s, len, i, w, sizeof w - 1)

static gboolean is_digit(char b) { return b >= '0' && b <= '9'; }

/* The byte length of a character of [0-9一二三四五六七八九十几多] at i, or 0. */
static gsize class_len(const char *s, gsize len, gsize i) {
  if (i >= len)
    return 0;
  if ((guchar)s[i] < 0x80)
    return is_digit(s[i]);
  const char *p = s + i;
  switch (zs_utf8_next(&p)) {
  case 0x4E00: case 0x4E8C: case 0x4E09: case 0x56DB: case 0x4E94: /* 一 二 三 四 五 */
  case 0x516D: case 0x4E03: case 0x516B: case 0x4E5D: case 0x5341: /* 六 七 八 九 十 */
  case 0x51E0: case 0x591A:                                        /* 几 多 */
    return (gsize)(p - s) - i;
  default:
    return 0;
  }
}

/* The last run of class characters read: [from, to). A run read from
 * inside it ends where it ends, so a long run of digits is read once, not
 * once per digit. */
typedef struct {
  gsize from, to;
} Run;

/* [0-9一二三四五六七八九十几多]+年来 at i? */
static gboolean run_then_years(const char *s, gsize len, gsize i, Run *run) {
  if (i < run->from || i >= run->to) {
    gsize end = i, l;
    while ((l = class_len(s, len, end)))
      end += l;
    if (end == i)
      return FALSE;
    run->from = i;
    run->to = end;
  }
  return AT(s, len, run->to, "年来");
}

/* Can the pattern's alternation (what follows the optional comparison
 * word) match at i? Each alternative begins with four Arabic digits
 * followed by 年 or a range mark, with a relative-time word, or with a
 * run of numerals before 年来. */
static gboolean rest_may_match(const char *s, gsize len, gsize i, Run *run) {
  if (i >= len)
    return FALSE;
  if (is_digit(s[i])) {
    if (i + 4 < len && is_digit(s[i + 1]) && is_digit(s[i + 2]) && is_digit(s[i + 3])) {
      gsize k = i + 4;
      if (AT(s, len, k, "年") || AT(s, len, k, "至") || AT(s, len, k, "到") ||
          AT(s, len, k, "—") || s[k] == '-' || AT(s, len, k, "～"))
        return TRUE;
    }
    return run_then_years(s, len, i, run);
  }
  const char *p = s + i;
  switch (zs_utf8_next(&p)) {
  case 0x4ECA: case 0x53BB: case 0x524D: case 0x660E: /* 今年 去年 前年 明年 */
    return AT(s, len, i + 3, "年");
  case 0x76EE: return AT(s, len, i, "目前");
  case 0x5982: return AT(s, len, i, "如今");
  case 0x8FD1: return AT(s, len, i, "近年来");
  case 0x5F53: return AT(s, len, i, "当前");
  case 0x73B0: return AT(s, len, i, "现在");
  case 0x672C: return AT(s, len, i, "本月");
  case 0x4E0A: return AT(s, len, i, "上月");
  case 0x622A: return AT(s, len, i, "截至目前");
  default: /* 多年来, 三年来, ... */
    return run_then_years(s, len, i, run);
  }
}

/* Can a match start with the character at p? The first test, inline, on
 * its bytes: every start character is a digit or a three-byte character,
 * whose bits c / 64 % 16 and c % 64 stand in its last two bytes. */
static inline gboolean may_start(const char *p) {
  guchar b = (guchar)p[0];
  if (b < 0x80)
    return is_digit((char)b);
  if (b < 0xE0 || b >= 0xF0)
    return FALSE;
  return (start_bloom[p[1] & 0x0F] & (G_GUINT64_CONSTANT(1) << (p[2] & 0x3F))) != 0;
}

/* The byte length of the character led by b (valid UTF-8). */
static inline gsize char_len(guchar b) {
  return b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
}

/* Can the pattern match at i, whose character c may_start()? Either the
 * alternation matches at i, or a comparison word (较 比 同比 与 相比 比上年
 * 比去年) stands at i and the alternation matches after it. */
static gboolean may_match(const char *s, gsize len, gsize i, gunichar c, Run *run) {
  switch (c) {
  case 0x8F83: case 0x4E0E: /* 较 与 */
    return rest_may_match(s, len, i + 3, run);
  case 0x6BD4: /* 比, 比上年, 比去年 */
    return rest_may_match(s, len, i + 3, run) ||
           ((AT(s, len, i, "比上年") || AT(s, len, i, "比去年")) &&
            rest_may_match(s, len, i + 9, run));
  case 0x540C: /* 同比 */
    return AT(s, len, i, "同比") && rest_may_match(s, len, i + 6, run);
  case 0x76F8: /* 相比 */
    return AT(s, len, i, "相比") && rest_may_match(s, len, i + 6, run);
  default:
    return rest_may_match(s, len, i, run);
  }
}

/* ---- the common phrases, read without PCRE2 ---------------------------------
 *
 * "2023年", "2023年5月", "较2022年", "目前", "今年" and the like are most of
 * the phrases in the news, and PCRE2 costs about a thousand instructions a
 * call. Where the pattern, tried at i, can match only one of the forms
 * below, it is read here; anything else goes to PCRE2 (quick_match()
 * returning 0 never means "no match"). Each form is read off the
 * pattern's order of alternatives, the first that matches winning: at a
 * digit no comparison word or relative time stands; after "dddd年" a
 * range mark (至 到 — - ～) may start s1, which is left to PCRE2, as is
 * every other form not below. /period/quick checks the quick read
 * against PCRE2 at every place of many sentences. */

static gboolean is_cn_quarter(const char *s, gsize len, gsize i) {
  return AT(s, len, i, "一") || AT(s, len, i, "二") || AT(s, len, i, "三") || AT(s, len, i, "四");
}

/* A copy of the four digits at y with `tail` after them. */
static char *year_and(const char *y, const char *tail) {
  gsize tl = strlen(tail);
  char *r = g_malloc(4 + tl + 1);
  memcpy(r, y, 4);
  memcpy(r + 4, tail, tl + 1);
  return r;
}

/* "-MM" or "-MM-DD" after the year at y (month and day 1 to 99). */
static char *year_month(const char *y, int month, int day) {
  char tail[8] = {'-', (char)('0' + month / 10), (char)('0' + month % 10), '\0'};
  if (day) {
    tail[3] = '-';
    tail[4] = (char)('0' + day / 10);
    tail[5] = (char)('0' + day % 10);
    tail[6] = '\0';
  }
  return year_and(y, tail);
}

/* The alternation (what follows the comparison word) at j, when it is
 * one of the forms below: returns its end, and its period in *period when
 * period is not NULL; or 0: PCRE2 must read it. */
static gsize quick_rest(const char *s, gsize len, gsize j, int year, char **period) {
  char *unused, **out = period ? period : &unused;
  if (is_digit(s[j])) {
    if (!(j + 7 <= len && is_digit(s[j + 1]) && is_digit(s[j + 2]) && is_digit(s[j + 3]) &&
          AT(s, len, j + 4, "年")))
      return 0;
    const char *y = s + j;
    gsize k = j + 7;
    if (k < len && is_digit(s[k])) {
      gsize d = k;
      while (d < len && is_digit(s[d]) && d - k < 3)
        d++;
      if (d - k > 2)
        return 0;
      int month = d - k == 1 ? s[k] - '0' : (s[k] - '0') * 10 + (s[k + 1] - '0');
      if (!AT(s, len, d, "月")) {
        /* ry: dddd年d{1,2}(—|-|至|到)d{1,2}月, the period its year */
        gsize m = AT(s, len, d, "—") || AT(s, len, d, "至") || AT(s, len, d, "到") ? d + 3
                  : d < len && s[d] == '-'                                    ? d + 1
                                                                               : 0;
        if (!m)
          return 0;
        gsize e = m;
        while (e < len && is_digit(s[e]) && e - m < 3)
          e++;
        if (e == m || e - m > 2 || !AT(s, len, e, "月"))
          return 0;
        if (period)
          *out = g_strndup(y, 4);
        return e + 3;
      }
      gsize e = d + 3;
      if (AT(s, len, e, "底") || AT(s, len, e, "末")) {
        /* ey: the month's last day; year 0 (no such GDate year) to PCRE2 */
        int ey = atoi(y);
        if (ey < 1)
          return 0;
        if (period)
          *out = month >= 1 && month <= 12
                     ? year_month(y, month, g_date_get_days_in_month((GDateMonth)month, (GDateYear)ey))
                     : g_strndup(y, 4);
        return e + 3;
      }
      if (e < len && is_digit(s[e]))
        return 0; /* my's look-ahead, dy */
      if (period) /* my */
        *out = month >= 1 && month <= 12 ? year_month(y, month, 0) : g_strndup(y, 4);
      return e;
    }
    if (k < len && (s[k] == '-' || AT(s, len, k, "至") || AT(s, len, k, "到") ||
                    AT(s, len, k, "—") || AT(s, len, k, "～")))
      return 0; /* s1 */
    if (AT(s, len, k, "以来")) {
      if (period)
        *out = year_and(y, "/..");
      return k + 6;
    }
    if (AT(s, len, k, "底") || AT(s, len, k, "末")) {
      if (period)
        *out = year_and(y, "-12-31");
      return k + 3;
    }
    /* qy: 年(第)?[一二三四1-4]季度 (a digit right after 年 went above) */
    gsize q = AT(s, len, k, "第") ? k + 3 : k;
    int quarter = 0;
    gsize qe = q;
    if (is_cn_quarter(s, len, q)) {
      quarter = AT(s, len, q, "一") ? 1 : AT(s, len, q, "二") ? 2 : AT(s, len, q, "三") ? 3 : 4;
      qe = q + 3;
    } else if (q < len && s[q] >= '1' && s[q] <= '4') {
      quarter = s[q] - '0';
      qe = q + 1;
    }
    if (quarter && AT(s, len, qe, "季度")) {
      if (period) {
        char tail[3] = {'Q', (char)('0' + quarter), '\0'};
        *out = year_and(y, tail);
      }
      return qe + 6;
    }
    if (period) /* y */
      *out = g_strndup(y, 4);
    return k;
  }
  /* rely alone: 今年 去年 前年 明年, with no quarter, month or 底 末 after */
  int offset = AT(s, len, j, "今年") ? 0 : AT(s, len, j, "去年") ? -1 : AT(s, len, j, "前年") ? -2
               : AT(s, len, j, "明年") ? 1 : 99;
  if (offset != 99) {
    gsize k = j + 6;
    if ((k < len && is_digit(s[k])) || AT(s, len, k, "第") || is_cn_quarter(s, len, k) ||
        AT(s, len, k, "底") || AT(s, len, k, "末"))
      return 0;
    if (period)
      *out = year ? g_strdup_printf("%d", year + offset) : g_strdup("");
    return k;
  }
  /* rel: a relative time with no year of its own */
  static const char *const rel[] = {"目前", "如今", "近年来", "多年来", "当前",
                                    "现在", "本月", "上月", "截至目前"};
  for (gsize r = 0; r < G_N_ELEMENTS(rel); r++) {
    gsize l = strlen(rel[r]);
    if (at_word(s, len, j, rel[r], l)) {
      if (period)
        *out = g_strdup("");
      return j + l;
    }
  }
  return 0;
}

/* The match at i when quick_rest() reads it: its end (0: ask PCRE2);
 * *period the period, or NULL when a comparison word leads (no phrase). */
static gsize quick_match(const char *s, gsize len, gsize i, int year, char **period) {
  gsize cmp = AT(s, len, i, "较") || AT(s, len, i, "比") || AT(s, len, i, "与") ? 3
              : AT(s, len, i, "同比") || AT(s, len, i, "相比")                   ? 6
                                                                                 : 0;
  *period = NULL;
  if (cmp)
    return i + cmp < len ? quick_rest(s, len, i + cmp, year, NULL) : 0;
  return quick_rest(s, len, i, year, period);
}

/* Match data is per thread (PCRE2 forbids sharing it); one serves every
 * sentence the thread reads. */
static void free_md(gpointer md) { pcre2_match_data_free(md); }
static GPrivate thread_md = G_PRIVATE_INIT(free_md);

static void init(void) {
  static GOnce once = G_ONCE_INIT;
  period_re = g_once(&once, compile_period_re, NULL);
}

static pcre2_match_data *match_data(void) {
  pcre2_match_data *md = g_private_get(&thread_md);
  if (!md) {
    md = pcre2_match_data_create_from_pattern(period_re, NULL);
    g_private_set(&thread_md, md);
  }
  return md;
}

static void add_phrase(ZsPeriods *p, ZsTimePhrase tp) {
  if (p->n == p->cap) {
    guint cap = p->cap * 2;
    ZsTimePhrase *more = g_new(ZsTimePhrase, cap);
    memcpy(more, p->phrases, p->n * sizeof *more);
    if (p->phrases != p->inline_phrases)
      g_free(p->phrases);
    p->phrases = more;
    p->cap = cap;
  }
  p->phrases[p->n++] = tp;
}

/* ---- where a time phrase can be --------------------------------------------
 *
 * Every match of the pattern holds one of five anchor characters: 年 (the
 * \d{4}年 forms, 今年 去年 前年 明年, 近年来 多年来 …年来), 月 (本月 上月),
 * 前 (目前 当前 截至目前), 今 (如今) or 在 (现在). Its first anchor stands at
 * most ANCHOR_REACH bytes after its start: a comparison word with no anchor
 * in it (同比, 相比: 6 bytes; 比上年 holds 年) and then at most 11 bytes
 * (2019至2023年; 截至目前: 9). The one form without a bound is
 * [0-9一二…多]+年来, whose run may be any length: before such a 年 the
 * match starts at most CMP_MAX bytes (a comparison word) before the run.
 * So the guard and the pattern are tried only in the window before each
 * anchor, the anchors found 16 bytes at a time; the rest of the sentence,
 * most of it, is passed over. Keep this in step with the pattern:
 * /period/guard checks that the pattern matches nowhere outside a window. */
#define ANCHOR_REACH 17
#define CMP_MAX 9

static inline gboolean is_anchor(const guchar *p) {
  switch (p[0]) {
  case 0xE5: /* 年 E5 B9 B4, 前 E5 89 8D, 在 E5 9C A8 */
    return (p[1] == 0xB9 && p[2] == 0xB4) || (p[1] == 0x89 && p[2] == 0x8D) ||
           (p[1] == 0x9C && p[2] == 0xA8);
  case 0xE6: /* 月 E6 9C 88 */
    return p[1] == 0x9C && p[2] == 0x88;
  case 0xE4: /* 今 E4 BB 8A */
    return p[1] == 0xBB && p[2] == 0x8A;
  default:
    return FALSE;
  }
}

/* The byte offset of the first anchor at or after `from`, or len. A lead
 * byte is never a continuation byte, so a match of is_anchor() is a whole
 * character wherever it is tried. */
static gsize next_anchor(const guchar *u, gsize len, gsize from) {
  gsize i = from;
#ifdef __SSE2__
  /* The anchors' second bytes (B9 89 9C BB) at i + 1 ... i + 16 point at
   * the characters that may start at i ... i + 15; their third bytes lie
   * within the bytes loaded, or at the terminating NUL. */
  const __m128i b9 = _mm_set1_epi8((char)0xB9), b89 = _mm_set1_epi8((char)0x89),
                b9c = _mm_set1_epi8((char)0x9C), bbb = _mm_set1_epi8((char)0xBB);
  while (i + 17 <= len) {
    __m128i v = _mm_loadu_si128((const __m128i *)(u + i + 1));
    __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, b9), _mm_cmpeq_epi8(v, b89)),
                               _mm_or_si128(_mm_cmpeq_epi8(v, b9c), _mm_cmpeq_epi8(v, bbb)));
    for (unsigned m = (unsigned)_mm_movemask_epi8(hit); m; m &= m - 1) {
      gsize k = i + (gsize)__builtin_ctz(m);
      if (is_anchor(u + k))
        return k;
    }
    i += 16;
  }
#endif
  for (; i < len; i++)
    if (is_anchor(u + i))
      return i;
  return len;
}

/* Where the window of the anchor at a starts (maybe inside a character). */
static gsize window_start(const char *s, gsize len, gsize a) {
  gsize lo = a > ANCHOR_REACH ? a - ANCHOR_REACH : 0;
  if (AT(s, len, a, "年来")) {
    gsize r = a; /* back over the run of [0-9一二…多] before it */
    for (;;) {
      if (r >= 1 && is_digit(s[r - 1]))
        r--;
      else if (r >= 3 && class_len(s, len, r - 3) == 3)
        r -= 3;
      else
        break;
    }
    lo = MIN(lo, r > CMP_MAX ? r - CMP_MAX : 0);
  }
  return lo;
}

typedef struct {
  ZsPeriods *p;
  const char *s;
  gsize len;
  int year;
  pcre2_match_data *md; /* on first need */
  Run run;
  gboolean stop; /* a PCRE2 limit was hit */
} Scan;

/* Tries the pattern at i, a character boundary: where the scan goes on. */
static inline gsize try_at(Scan *sc, gsize i) {
  const char *s = sc->s;
  if (!may_start(s + i))
    return i + char_len((guchar)s[i]);
  char *period;
  gsize end = quick_match(s, sc->len, i, sc->year, &period);
  if (end) {
    if (period)
      add_phrase(sc->p, (ZsTimePhrase){i, end, period});
    return end;
  }
  const char *next = s + i;
  gunichar c = zs_utf8_next(&next);
  if (!may_match(s, sc->len, i, c, &sc->run))
    return (gsize)(next - s);
  if (!sc->md)
    sc->md = match_data();
  int rc = pcre2_match(period_re, (PCRE2_SPTR)s, sc->len, i, PCRE2_NO_UTF_CHECK, sc->md, NULL);
  if (rc == PCRE2_ERROR_NOMATCH)
    return (gsize)(next - s);
  if (rc < 0) {
    sc->stop = TRUE; /* a limit: the scan stops there, as it always has */
    return sc->len;
  }
  PCRE2_SIZE *ov = pcre2_get_ovector_pointer(sc->md);
  if (!group_set(sc->md, G_CMP)) {
    ZsTimePhrase tp = {ov[0], ov[1], period_of(sc->md, s, sc->year)};
    add_phrase(sc->p, tp);
  }
  return ov[1];
}

static void scan_init(Scan *sc, ZsPeriods *p, const char *s, gsize len, int year) {
  p->sentence = s;
  p->phrases = p->inline_phrases;
  p->n = 0;
  p->cap = G_N_ELEMENTS(p->inline_phrases);
  init();
  *sc = (Scan){p, s, len, year, NULL, {0, 0}, FALSE};
}

/* The leftmost match from `i` is the anchored match at the first place
 * from `i` where one exists: the pattern looks neither behind nor before
 * where it starts. So trying every character in turn, and going on after
 * each match, finds the phrases; the windows only leave out places where
 * no match can start. The sentence is valid UTF-8 (period.h: the
 * normalizer replaces every invalid byte with U+FFFD and sentences are
 * cut at character boundaries), so PCRE2 is told not to check it. */
void zs_period_scan_into(ZsPeriods *p, const char *s, gsize len, int year) {
  Scan sc;
  scan_init(&sc, p, s, len, year);
  const guchar *u = (const guchar *)s;
  gsize i = 0; /* the next place to try, a character boundary */
  for (gsize a = next_anchor(u, len, 0); a < len && !sc.stop; a = next_anchor(u, len, i)) {
    gsize lo = window_start(s, len, a);
    if (lo > i)
      for (i = lo; (u[i] & 0xC0) == 0x80; i++)
        ;
    while (i <= a && !sc.stop)
      i = try_at(&sc, i);
  }
}

/* zs_period_scan_into() trying every character (for the tests). */
static void scan_every(ZsPeriods *p, const char *s, gsize len, int year) {
  Scan sc;
  scan_init(&sc, p, s, len, year);
  for (gsize i = 0; i < len && !sc.stop;)
    i = try_at(&sc, i);
}

void zs_period_clear(ZsPeriods *p) {
  for (guint i = 0; i < p->n; i++)
    g_free(p->phrases[i].period);
  if (p->phrases != p->inline_phrases)
    g_free(p->phrases);
  p->phrases = p->inline_phrases;
  p->n = 0;
}

ZsPeriods *zs_period_scan(const char *s, int year) {
  ZsPeriods *p = g_new(ZsPeriods, 1);
  zs_period_scan_into(p, s, strlen(s), year);
  return p;
}

void zs_period_free(ZsPeriods *p) {
  if (!p)
    return;
  zs_period_clear(p);
  g_free(p);
}

/* Does a window (above) hold i? */
static gboolean in_window(const char *s, gsize len, gsize i) {
  for (gsize a = next_anchor((const guchar *)s, len, i); a < len;
       a = next_anchor((const guchar *)s, len, a + 1))
    if (window_start(s, len, a) <= i)
      return TRUE;
  return FALSE;
}

gssize zs_period_guard_fails(const char *s) {
  gsize len = strlen(s);
  init();
  pcre2_match_data *md = match_data();
  Run run = {0, 0};
  for (gsize i = 0; i < len;) {
    const char *next = s + i;
    gunichar c = zs_utf8_next(&next);
    if (pcre2_match(period_re, (PCRE2_SPTR)s, len, i, PCRE2_NO_UTF_CHECK, md, NULL) >= 0 &&
        !(may_start(s + i) && may_match(s, len, i, c, &run) && in_window(s, len, i)))
      return (gssize)i;
    i = (gsize)(next - s);
  }
  return -1;
}

gssize zs_period_quick_fails(const char *s, int year) {
  gsize len = strlen(s);
  init();
  pcre2_match_data *md = match_data();
  for (gsize i = 0; i < len; i += char_len((guchar)s[i])) {
    g_autofree char *period = NULL;
    gsize end = quick_match(s, len, i, year, &period);
    if (!end)
      continue;
    if (pcre2_match(period_re, (PCRE2_SPTR)s, len, i, PCRE2_NO_UTF_CHECK, md, NULL) < 0)
      return (gssize)i;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    if (ov[0] != i || ov[1] != end || group_set(md, G_CMP) != (period == NULL))
      return (gssize)i;
    g_autofree char *want = period ? period_of(md, s, year) : NULL;
    if (period && strcmp(want, period) != 0)
      return (gssize)i;
  }
  return -1;
}

gboolean zs_period_windows_agree(const char *s, int year) {
  gsize len = strlen(s);
  ZsPeriods a, b;
  zs_period_scan_into(&a, s, len, year);
  scan_every(&b, s, len, year);
  gboolean same = a.n == b.n;
  for (guint k = 0; same && k < a.n; k++)
    same = a.phrases[k].start == b.phrases[k].start && a.phrases[k].end == b.phrases[k].end &&
           strcmp(a.phrases[k].period, b.phrases[k].period) == 0;
  zs_period_clear(&a);
  zs_period_clear(&b);
  return same;
}

/* Is there a "；" between a and b that starts a new fact (not ；其中)? */
static gboolean semicolon_between(const char *s, gsize a, gsize b) {
  /* "；" is EF BC 9B: memchr() for its lead byte, bounded by b. */
  for (const char *p = s + a, *e = s + b; p < e && (p = memchr(p, 0xEF, (gsize)(e - p))); p++)
    if (memcmp(p, "；", 3) == 0 && strncmp(p + 3, "其中", strlen("其中")) != 0)
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
  for (guint i = p->n; i-- > 0;) {
    const ZsTimePhrase *tp = &p->phrases[i];
    if (tp->end > offset)
      continue;
    /* 由2014年的35.93%提高到2023年的48.3%: "X年的" dates its own figure
     * only; the figures after that one look further back. */
    if (strncmp(s + tp->end, "的", strlen("的")) == 0 && !figure_right_after(s, tp->end + 3, offset))
      continue;
    if (semicolon_between(s, tp->end, offset))
      return NULL;
    return *tp->period ? g_strdup(tp->period) : NULL;
  }
  if (p->n == 0 && inherited && !semicolon_between(s, 0, offset))
    return g_strdup(inherited);
  return NULL;
}

/* ---- the carry ------------------------------------------------------------ */

void zs_period_carry_init(ZsPeriodCarry *c, int year) {
  c->value = NULL;
  c->pending = NULL;
  c->n_pending = c->cap_pending = 0;
  c->year = year;
}

void zs_period_carry_clear(ZsPeriodCarry *c) {
  g_clear_pointer(&c->value, g_free);
  g_clear_pointer(&c->pending, g_free);
  c->n_pending = c->cap_pending = 0;
}

void zs_period_carry_reset(ZsPeriodCarry *c) {
  g_clear_pointer(&c->value, g_free);
  c->n_pending = 0;
}

void zs_period_carry_defer(ZsPeriodCarry *c, const char *s, gsize len) {
  if (c->n_pending == c->cap_pending) {
    c->cap_pending = MAX(16, c->cap_pending * 2);
    c->pending = g_renew(ZsPeriodDeferred, c->pending, c->cap_pending);
  }
  c->pending[c->n_pending++] = (ZsPeriodDeferred){s, len};
}

/* zs_period_at(p, len, inherited) is a copy of `inherited` when the
 * sentence has no time phrase and no "；" that starts a new fact, and
 * otherwise does not depend on `inherited` at all. */
const char *zs_period_carry_get(ZsPeriodCarry *c) {
  for (guint k = c->n_pending; k-- > 0;) {
    const ZsPeriodDeferred *d = &c->pending[k];
    ZsPeriods p;
    zs_period_scan_into(&p, d->s, d->len, c->year);
    gboolean hands_on = p.n == 0 && !semicolon_between(d->s, 0, d->len);
    if (!hands_on) {
      g_free(c->value);
      c->value = zs_period_at(&p, d->len, NULL);
    }
    zs_period_clear(&p);
    if (!hands_on)
      break;
  }
  c->n_pending = 0;
  return c->value;
}

void zs_period_carry_set(ZsPeriodCarry *c, char *value) {
  g_free(c->value);
  c->value = value;
  c->n_pending = 0;
}

char *zs_period_of(const char *sentence, gsize offset, const char *inherited, int year) {
  ZsPeriods *p = zs_period_scan(sentence, year);
  char *r = zs_period_at(p, offset, inherited);
  zs_period_free(p);
  return r;
}
