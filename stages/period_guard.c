/* period_guard.c: what period.c's pattern can match, read off it by hand,
 * so that PCRE2 runs seldom.
 *
 * Three things, each an exact reading of the pattern: where a match can
 * start (the guard); the anchor characters every match holds, and how far
 * before one a match can start (the windows); and the common phrases,
 * read here in full. Keep them in step with the pattern in period.c:
 * test_period checks each against PCRE2 on the corpus, made-up and random
 * sentences.
 */
#include <stdlib.h>
#include <string.h>

#include "period_int.h"
#include "utf8.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* Every character a match can start with: an Arabic digit (tested apart),
 * the first of a comparison word (较 比 同 与 相), or the first of a
 * relative time (今 去 前 明, 目 如 近 多 当 现 本 上 截, or a numeral of
 * 三年来). Keep this list in step with the pattern. */
static const char start_chars[] = "较比同与相今去前明目如近多当现本上截一二三四五六七八九十几";
/* Bit (c % 1024) of each: the scan's first test of a character, which
 * turns away nearly every other one. */
guint64 zs_period_start_bloom[16];

void zs_period_guard_init(void) {
  for (const char *p = start_chars; *p;) {
    gunichar c = zs_utf8_next(&p);
    zs_period_start_bloom[c / 64 % 16] |= G_GUINT64_CONSTANT(1) << (c % 64);
  }
}

/* ---- where a match can start ---------------------------------------------
 *
 * The pattern runs anchored, and only where this guard says a match can
 * begin: an exact necessary condition read off the pattern, which turns
 * away nearly every character of a sentence (the old way tried it at every
 * digit and numeral before the last 年 or 月). Keep it in step with the
 * pattern: /period/guard checks, on the corpus and made-up sentences, that
 * the pattern never matches where the guard says it cannot. */


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



/* Can the pattern match at i, whose character c may_start()? Either the
 * alternation matches at i, or a comparison word (较 比 同比 与 相比 比上年
 * 比去年) stands at i and the alternation matches after it. */
gboolean zs_period_may_match(const char *s, gsize len, gsize i, gunichar c, Run *run) {
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

/* The four digits at y with `tail` after them, into out. */
static void year_and(char *out, const char *y, const char *tail) {
  memcpy(out, y, 4);
  gsize k = 4;
  do
    out[k++] = *tail;
  while (*tail++);
}

/* "-MM" or "-MM-DD" after the year at y (month and day 1 to 99). */
static void year_month(char *out, const char *y, int month, int day) {
  char tail[8] = {'-', (char)('0' + month / 10), (char)('0' + month % 10), '\0'};
  if (day) {
    tail[3] = '-';
    tail[4] = (char)('0' + day / 10);
    tail[5] = (char)('0' + day % 10);
    tail[6] = '\0';
  }
  year_and(out, y, tail);
}

/* The four digits at y alone. */
static void year_only(char *out, const char *y) {
  memcpy(out, y, 4);
  out[4] = '\0';
}

/* The alternation (what follows the comparison word) at j, when it is
 * one of the forms below: returns its end, and writes its period into
 * `period` (ZS_PERIOD_QUICK_MAX bytes) when period is not NULL; or 0:
 * PCRE2 must read it. */
static gsize quick_rest(const char *s, gsize len, gsize j, int year, char *period) {
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
          year_only(period, y);
        return e + 3;
      }
      gsize e = d + 3;
      if (AT(s, len, e, "底") || AT(s, len, e, "末")) {
        /* ey: the month's last day; year 0 (no such GDate year) to PCRE2 */
        int ey = atoi(y);
        if (ey < 1)
          return 0;
        if (period && month >= 1 && month <= 12)
          year_month(period, y, month, g_date_get_days_in_month((GDateMonth)month, (GDateYear)ey));
        else if (period)
          year_only(period, y);
        return e + 3;
      }
      if (e < len && is_digit(s[e]))
        return 0; /* my's look-ahead, dy */
      if (period && month >= 1 && month <= 12) /* my */
        year_month(period, y, month, 0);
      else if (period)
        year_only(period, y);
      return e;
    }
    if (k < len && (s[k] == '-' || AT(s, len, k, "至") || AT(s, len, k, "到") ||
                    AT(s, len, k, "—") || AT(s, len, k, "～")))
      return 0; /* s1 */
    if (AT(s, len, k, "以来")) {
      if (period)
        year_and(period, y, "/..");
      return k + 6;
    }
    if (AT(s, len, k, "底") || AT(s, len, k, "末")) {
      if (period)
        year_and(period, y, "-12-31");
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
        year_and(period, y, tail);
      }
      return qe + 6;
    }
    if (period) /* y */
      year_only(period, y);
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
    if (period && year)
      g_snprintf(period, ZS_PERIOD_QUICK_MAX, "%d", year + offset);
    else if (period)
      period[0] = '\0';
    return k;
  }
  /* rel: a relative time with no year of its own */
  /* Lengths known here, and the first byte compared inline before the
   * rest (memcmp() of a length known only at run time is a call). */
#define REL(w) {w, sizeof w - 1}
  static const struct {
    const char *w;
    gsize len;
  } rel[] = {REL("目前"), REL("如今"), REL("近年来"), REL("多年来"), REL("当前"),
             REL("现在"), REL("本月"), REL("上月"), REL("截至目前")};
#undef REL
  for (gsize r = 0; r < G_N_ELEMENTS(rel); r++) {
    if (j < len && s[j] == rel[r].w[0] && at_word(s, len, j, rel[r].w, rel[r].len)) {
      if (period)
        period[0] = '\0';
      return j + rel[r].len;
    }
  }
  return 0;
}

/* The match at i when quick_rest() reads it: its end (0: ask PCRE2);
 * *period the period (written into buf), or NULL when a comparison word
 * leads (no phrase). */
gsize zs_period_quick_match(const char *s, gsize len, gsize i, int year, char *buf,
                            char **period) {
  gsize cmp = AT(s, len, i, "较") || AT(s, len, i, "比") || AT(s, len, i, "与") ? 3
              : AT(s, len, i, "同比") || AT(s, len, i, "相比")                   ? 6
                                                                                 : 0;
  *period = NULL;
  if (cmp)
    return i + cmp < len ? quick_rest(s, len, i + cmp, year, NULL) : 0;
  *period = buf;
  return quick_rest(s, len, i, year, buf);
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
gsize zs_period_next_anchor(const guchar *u, gsize len, gsize from) {
  gsize i = from;
#ifdef __SSE2__
  /* The last two bytes of each anchor, at i ... i + 15 at once, and
   * is_anchor() of what they let by: two continuation bytes in a row
   * belong to one character, so a pair stands at i + 1 only in an anchor
   * or in a rare character with the same ending (乴 湴 蹴...), and the
   * first bytes need no compare of their own. The last bytes read are at
   * most the terminating NUL. (The second bytes alone let through 有 以
   * 们 地 场 平 and the like, a mispredicted branch each.) */
  const __m128i b9 = _mm_set1_epi8((char)0xB9), b4 = _mm_set1_epi8((char)0xB4),
                x89 = _mm_set1_epi8((char)0x89), x8d = _mm_set1_epi8((char)0x8D),
                x9c = _mm_set1_epi8((char)0x9C), a8 = _mm_set1_epi8((char)0xA8),
                x88 = _mm_set1_epi8((char)0x88), bb = _mm_set1_epi8((char)0xBB),
                x8a = _mm_set1_epi8((char)0x8A);
  while (i + 17 <= len) {
    __m128i v1 = _mm_loadu_si128((const __m128i *)(u + i + 1));
    __m128i v2 = _mm_loadu_si128((const __m128i *)(u + i + 2));
    __m128i mid9c = _mm_cmpeq_epi8(v1, x9c);
    __m128i hit = _mm_or_si128(
        _mm_or_si128(_mm_and_si128(_mm_cmpeq_epi8(v1, b9), _mm_cmpeq_epi8(v2, b4)),   /* 年 */
                     _mm_and_si128(_mm_cmpeq_epi8(v1, x89), _mm_cmpeq_epi8(v2, x8d))), /* 前 */
        _mm_or_si128(
            _mm_and_si128(mid9c, _mm_or_si128(_mm_cmpeq_epi8(v2, a8),                 /* 在 */
                                              _mm_cmpeq_epi8(v2, x88))),              /* 月 */
            _mm_and_si128(_mm_cmpeq_epi8(v1, bb), _mm_cmpeq_epi8(v2, x8a))));        /* 今 */
    for (unsigned m = (unsigned)_mm_movemask_epi8(hit); m; m &= m - 1)
      if (is_anchor(u + i + (gsize)__builtin_ctz(m)))
        return i + (gsize)__builtin_ctz(m);
    i += 16;
  }
#endif
  /* The last places a character at a time: the two bytes after a lead
   * byte of three continue it, and no anchor starts on them. (An anchor
   * needs three bytes: none starts in the last two.) */
  while (i + 3 <= len) {
    if (is_anchor(u + i))
      return i;
    i += u[i] >= 0xE0 && u[i] < 0xF0 ? 3 : 1;
  }
  return len;
}

/* Where the window of the anchor at a starts (maybe inside a character). */
gsize zs_period_window_start(const char *s, gsize len, gsize a) {
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
