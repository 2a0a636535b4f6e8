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
 *
 * PCRE2 runs seldom: period_guard.c reads off the pattern where a match
 * can start, the windows where one can be at all, and the common phrases,
 * which it reads itself.
 */
#include "period.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#include "period_int.h"
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
  zs_period_guard_init();
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

/* Is `period` kept in p->texts (not allocated)? */
static inline gboolean in_texts(const ZsPeriods *p, const char *period) {
  return (guintptr)period - (guintptr)p->texts < sizeof p->texts;
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
  char buf[ZS_PERIOD_QUICK_MAX], *period;
  gsize end = zs_period_quick_match(s, sc->len, i, sc->year, buf, &period);
  if (end) {
    if (period) {
      ZsPeriods *p = sc->p;
      gsize n = strlen(period) + 1;
      char *kept = p->texts_used + n <= sizeof p->texts ? p->texts + p->texts_used : NULL;
      if (kept) {
        memcpy(kept, period, n);
        p->texts_used += (guint)n;
      }
      add_phrase(p, (ZsTimePhrase){i, end, kept ? kept : g_strdup(period)});
    }
    return end;
  }
  const char *next = s + i;
  gunichar c = zs_utf8_next(&next);
  if (!zs_period_may_match(s, sc->len, i, c, &sc->run))
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
  p->len = len;
  p->n_semis = ZS_PERIOD_SEMIS_UNREAD;
  p->texts_used = 0;
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
  for (gsize a = zs_period_next_anchor(u, len, 0); a < len && !sc.stop;
       a = zs_period_next_anchor(u, len, i)) {
    gsize lo = zs_period_window_start(s, len, a);
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
    if (!in_texts(p, p->phrases[i].period))
      g_free(p->phrases[i].period);
  if (p->phrases != p->inline_phrases)
    g_free(p->phrases);
  p->phrases = p->inline_phrases;
  p->n = 0;
  p->texts_used = 0;
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
  for (gsize a = zs_period_next_anchor((const guchar *)s, len, i); a < len;
       a = zs_period_next_anchor((const guchar *)s, len, a + 1))
    if (zs_period_window_start(s, len, a) <= i)
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
        !(may_start(s + i) && zs_period_may_match(s, len, i, c, &run) && in_window(s, len, i)))
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
    char buf[ZS_PERIOD_QUICK_MAX], *period;
    gsize end = zs_period_quick_match(s, len, i, year, buf, &period);
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
static inline gboolean is_new_fact_semicolon(const char *p) {
  return memcmp(p, "；", 3) == 0 && strncmp(p + 3, "其中", strlen("其中")) != 0;
}

static gboolean semicolon_between(const char *s, gsize a, gsize b) {
  /* "；" is EF BC 9B: memchr() for its lead byte, bounded by b. */
  for (const char *p = s + a, *e = s + b; p < e && (p = memchr(p, 0xEF, (gsize)(e - p))); p++)
    if (is_new_fact_semicolon(p))
      return TRUE;
  return FALSE;
}

/* semicolon_between(p->sentence, a, b), from the "；" of the sentence
 * read once: zs_period_at() asks it of each figure, from a time phrase
 * (or the start) on to the figure, over the same bytes again and again.
 * What keeps it exact: every "；" of the sentence that starts a new fact,
 * found by the same test, is in semis (else n_semis says MANY and the
 * bytes are read as before), and a one in [a, b) is one of them. */
static gboolean semicolon_in(ZsPeriods *p, gsize a, gsize b) {
  if (p->n_semis == ZS_PERIOD_SEMIS_UNREAD) {
    guint n = 0;
    /* semicolon_between()'s loop over the whole sentence, each one kept. */
    const char *s = p->sentence, *e = s + p->len;
    for (const char *q = s; q < e && (q = memchr(q, 0xEF, (gsize)(e - q))); q++)
      if (is_new_fact_semicolon(q)) {
        if (n == G_N_ELEMENTS(p->semis)) {
          n = ZS_PERIOD_SEMIS_MANY;
          break;
        }
        p->semis[n++] = (gsize)(q - s);
      }
    p->n_semis = n;
  }
  if (p->n_semis == ZS_PERIOD_SEMIS_MANY || b > p->len)
    return semicolon_between(p->sentence, a, b);
  for (guint k = 0; k < p->n_semis; k++)
    if (p->semis[k] >= a && p->semis[k] < b)
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

/* What zs_period_at() answers: the index of the phrase whose period it
 * is (which may be "", no period), AT_INHERITED, or AT_NONE. */
enum { AT_INHERITED = -1, AT_NONE = -2 };

static inline gint period_index(ZsPeriods *p, gsize offset, const char *inherited) {
  const char *s = p->sentence;
  for (guint i = p->n; i-- > 0;) {
    const ZsTimePhrase *tp = &p->phrases[i];
    if (tp->end > offset)
      continue;
    /* 由2014年的35.93%提高到2023年的48.3%: "X年的" dates its own figure
     * only; the figures after that one look further back. */
    if (strncmp(s + tp->end, "的", strlen("的")) == 0 && !figure_right_after(s, tp->end + 3, offset))
      continue;
    if (semicolon_in(p, tp->end, offset))
      return AT_NONE;
    return (gint)i;
  }
  if (p->n == 0 && inherited && !semicolon_in(p, 0, offset))
    return AT_INHERITED;
  return AT_NONE;
}

static inline const char *period_borrowed(ZsPeriods *p, gsize offset, const char *inherited) {
  gint i = period_index(p, offset, inherited);
  if (i >= 0)
    return *p->phrases[i].period ? p->phrases[i].period : NULL;
  return i == AT_INHERITED ? inherited : NULL;
}

const char *zs_period_at_borrowed(ZsPeriods *p, gsize offset, const char *inherited) {
  return period_borrowed(p, offset, inherited);
}

char *zs_period_at(ZsPeriods *p, gsize offset, const char *inherited) {
  const char *v = period_borrowed(p, offset, inherited);
  return v ? g_strdup(v) : NULL;
}

/* The period of phrase i (period_index()), taken out of p rather than
 * copied: the phrase is left with none, for zs_period_clear() alone. NULL
 * when i is no phrase or its period is "". */
static char *take_period(ZsPeriods *p, gint i) {
  if (i < 0 || !*p->phrases[i].period)
    return NULL;
  char *v = p->phrases[i].period;
  if (in_texts(p, v))
    return g_strdup(v);
  p->phrases[i].period = NULL;
  return v;
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
    gboolean hands_on = p.n == 0 && !semicolon_in(&p, 0, d->len);
    if (!hands_on) {
      g_free(c->value);
      c->value = take_period(&p, period_index(&p, d->len, NULL));
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

void zs_period_carry_set_after(ZsPeriodCarry *c, ZsPeriods *p) {
  const char *inherited = zs_period_carry_get(c);
  gint i = period_index(p, p->len, inherited);
  if (i != AT_INHERITED)
    zs_period_carry_set(c, take_period(p, i));
  c->n_pending = 0;
}

char *zs_period_of(const char *sentence, gsize offset, const char *inherited, int year) {
  ZsPeriods *p = zs_period_scan(sentence, year);
  char *r = zs_period_at(p, offset, inherited);
  zs_period_free(p);
  return r;
}
