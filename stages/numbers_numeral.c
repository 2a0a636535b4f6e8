/* numbers_numeral.c: reads a numeral exactly.
 *
 * Arabic ("1,234.5"), Chinese ("一千五百", "二〇二三") or mixed ("3万5千",
 * "1.7亿"), into an exact decimal (decimal.h), with what the scanner of
 * numbers.c needs to judge it: which digits it holds, a power, 余/多 inside.
 * Also numbers.h's two entry points for a whole numeral, zs_num_parse()
 * and zs_num_shift(), which the rules use.
 */
#include <string.h>

#include "numbers.h"
#include "numbers_int.h"
#include "numwords.h"

/* Parses an Arabic number at i: digits, thousands groups, decimals. */
static gboolean parse_arabic(const ZsNumText *t, glong i, glong *end, ZsDec *out) {
  if (!is_adigit(zs_nt_at(t, i)))
    return FALSE;
  ZsDecReader r = ZS_DEC_READER_INIT;
  gsize len = 0; /* characters read into r */
  glong j = i;
  while (is_adigit(zs_nt_at(t, j))) {
    zs_dec_feed(&r, (char)zs_nt_at(t, j++));
    len++;
  }
  /* Thousands groups only when every group has exactly three digits; a
   * space as the separator is what PDF extraction leaves of a thin space
   * or a line break inside a number (12 000). */
  gsize lead = len;
  while ((zs_nt_at(t, j) == ',' || (zs_nt_at(t, j) == ' ' && lead <= 3)) &&
         is_adigit(zs_nt_at(t, j + 1)) && is_adigit(zs_nt_at(t, j + 2)) &&
         is_adigit(zs_nt_at(t, j + 3)) && !is_adigit(zs_nt_at(t, j + 4)) && len <= 3 + 4 * 8) {
    for (int k = 1; k <= 3; k++)
      zs_dec_feed(&r, (char)zs_nt_at(t, j + k));
    len += 3;
    j += 4;
  }
  if (zs_nt_at(t, j) == '.' && is_adigit(zs_nt_at(t, j + 1))) {
    zs_dec_feed(&r, '.');
    j++;
    while (is_adigit(zs_nt_at(t, j)))
      zs_dec_feed(&r, (char)zs_nt_at(t, j++));
  }
  *out = zs_dec_result(&r);
  *end = j;
  return out->ok;
}

gboolean zs_num_parse_numeral(const ZsNumWords *words, const ZsNumText *t, glong i, Numeral *num) {
  memset(num, 0, sizeof *num);
  num->start = i;
  ZsDec result = zs_dec_int(0), mid = zs_dec_int(0), section = zs_dec_int(0);
  ZsDec cur = zs_dec_int(0);
  gboolean have_cur = FALSE, last_digit = FALSE, any = FALSE;
  glong j = i;
  int n_arabic_tokens = 0;
  while (j < t->n) {
    gunichar c = zs_nt_at(t, j);
    int d = cn_digit(words, c), p = cn_power(words, c);
    glong e;
    ZsDec a;
    if (is_adigit(c)) {
      if (last_digit || (n_arabic_tokens > 0 && !num->has_power))
        break;
      if (!parse_arabic(t, j, &e, &a))
        return FALSE;
      num->integer4 = (e - j == 4) && !num->has_power && n_arabic_tokens == 0;
      cur = a;
      have_cur = last_digit = any = TRUE;
      num->arabic = TRUE;
      n_arabic_tokens++;
      j = e;
    } else if (d >= 0) {
      if (last_digit) {
        /* 二〇二三: a run of digits, read only as a year by the caller. */
        if (!num->chinese || num->has_power)
          break;
        num->digit_run = TRUE;
        cur = zs_dec_add(zs_dec_scale(cur, 1), zs_dec_int((guint64)d));
      } else {
        cur = zs_dec_int((guint64)d);
      }
      have_cur = last_digit = any = TRUE;
      /* 一百零五: 零 after a power only fills the gap. */
      if (d == 0 && num->has_power && c != 0x3007)
        have_cur = last_digit = FALSE;
      num->chinese = TRUE;
      j++;
    } else if (p > 0 && !num->digit_run) {
      /* A power must not start a numeral unless the caller allows it
       * (近万人, 百万名); 千 after Arabic digits is a unit prefix in 千米. */
      if (p == 3 && num->arabic && (zs_nt_at(t, j + 1) == 0x7C73 /* 米 */ ||
                                    zs_nt_at(t, j + 1) == 0x514B /* 克 */ ||
                                    zs_nt_at(t, j + 1) == 0x74E6 /* 瓦 */))
        break;
      if (!any && p > 1) /* 十五 is a numeral; 百, 千, 万 alone are words */
        num->bare = TRUE;
      num->has_power = TRUE;
      if (!num->arabic)
        num->chinese = TRUE;
      if (p < 4) {
        ZsDec unit_val = have_cur ? cur : zs_dec_int(1);
        section = zs_dec_add(section, zs_dec_scale(unit_val, p));
        num->scale = 0;
      } else if (p == 4) {
        section = zs_dec_add(section, have_cur ? cur : zs_dec_int(0));
        if (zs_dec_is_zero(section))
          section = zs_dec_int(1);
        mid = zs_dec_add(mid, zs_dec_scale(section, 4));
        section = zs_dec_int(0);
        num->scale = 4;
      } else {
        ZsDec x = zs_dec_add(zs_dec_add(mid, section), have_cur ? cur : zs_dec_int(0));
        if (zs_dec_is_zero(x))
          x = zs_dec_int(1);
        result = zs_dec_scale(zs_dec_add(result, x), 8);
        mid = section = zs_dec_int(0);
        num->scale = num->scale == 4 && zs_nt_at(t, j - 1) == 0x4E07 ? 12 : 8;
      }
      cur = zs_dec_int(0);
      have_cur = last_digit = FALSE;
      any = TRUE;
      j++;
    } else if ((c == 0x4F59 /* 余 */ || c == 0x591A /* 多 */) && any &&
               !num->over) {
      /* 3800多万户, 8万余, 50余个: the qualifier may sit before the scale. */
      gunichar next = zs_nt_at(t, j + 1);
      num->over = TRUE;
      j++;
      if (zs_numwords_power(next) < 4)
        break;
    } else if (c == 0x51E0 /* 几 */ && any && !have_cur && num->chinese) {
      num->over = TRUE; /* 十几: the gold reads it as "over 10" */
      j++;
      break;
    } else {
      break;
    }
  }
  if (!any)
    return FALSE;
  if (num->has_power) {
    num->value = zs_dec_add(zs_dec_add(result, mid),
                            zs_dec_add(section, have_cur ? cur : zs_dec_int(0)));
  } else {
    /* result, mid and section are still 0 (only a power sets them), so
     * the sum above is cur brought to an exponent of at most 0: what
     * most numerals (2023, 5.2, 三) come to, without three additions. */
    ZsDec v = have_cur ? cur : zs_dec_int(0);
    if (v.ok)
      v = zs_dec_align(v, MIN(v.e, 0));
    num->value = v.ok ? v : (ZsDec){0, 0, FALSE};
  }
  num->end = j;
  num->lone_yi = num->chinese && !num->has_power && !num->digit_run &&
                 j - i == 1 && (zs_nt_at(t, i) == 0x4E00 || zs_nt_at(t, i) == 0x4E24);
  return num->value.ok;
}

/* ---- whole numerals, for the rules and the tests ------------------------- */

char *zs_num_parse(const char *text) {
  ZsNumText t;
  zs_nt_init(&t, text, strlen(text));
  Numeral n;
  char *r = NULL;
  if (zs_num_parse_numeral(zs_numwords(), &t, 0, &n) && n.end == t.n && !n.over)
    r = zs_dec_str(n.value);
  zs_nt_clear(&t);
  return r;
}

char *zs_num_shift(const char *value, int shift) {
  gboolean neg = value[0] == '-';
  ZsDec d = zs_dec_parse(neg ? value + 1 : value);
  if (!d.ok)
    return NULL;
  g_autofree char *s = zs_dec_str(zs_dec_scale(d, shift));
  return neg && strcmp(s, "0") != 0 ? g_strconcat("-", s, NULL) : g_strdup(s);
}
