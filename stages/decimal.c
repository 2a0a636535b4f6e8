/* decimal.c: printing and parsing the exact decimals of decimal.h.
 *
 * Kept apart from numbers.c so the reader of numerals does not also carry
 * the digit-by-digit printing; the per-digit arithmetic is inline in
 * decimal.h.
 */
#include "decimal.h"

/* a (not 0) without trailing zeros after the point, and the number of
 * its mantissa's digits: log10 from the highest bit set, then one compare
 * (no division per digit, and no loop whose length changes with the
 * value to mispredict). */
static int dec_strip(ZsDec *a) {
  static const guint64 pow10[20] = {
    1ULL, 10ULL, 100ULL, 1000ULL, 10000ULL, 100000ULL, 1000000ULL, 10000000ULL,
    100000000ULL, 1000000000ULL, 10000000000ULL, 100000000000ULL, 1000000000000ULL,
    10000000000000ULL, 100000000000000ULL, 1000000000000000ULL, 10000000000000000ULL,
    100000000000000000ULL, 1000000000000000000ULL, 10000000000000000000ULL,
  };
  while (a->e < 0 && a->m % 10 == 0) {
    a->m /= 10;
    a->e++;
  }
  int t = ((64 - __builtin_clzll(a->m)) * 1233) >> 12; /* 1233 / 4096 ~ log10(2) */
  return t - (a->m < pow10[t]) + 1;
}

/* e >= 0: digits and e zeros; else a point, with zeros before the digits
 * when there are fewer digits than decimals. */
static gsize dec_size(ZsDec a, int n) {
  if (a.m == 0)
    return 1;
  return a.e >= 0 ? (gsize)n + (gsize)a.e : (gsize)MAX(n, -a.e + 1) + 1;
}

gsize zs_dec_str_len(ZsDec a) {
  if (a.m == 0)
    return 1;
  int n = dec_strip(&a);
  return dec_size(a, n);
}

/* Written from the end, where the size says it ends: each digit once, in
 * place, the zeros and the point between them. */
char *zs_dec_str_to(ZsDec a, char *s) {
  if (a.m == 0) {
    s[0] = '0', s[1] = '\0';
    return s;
  }
  int n = dec_strip(&a);
  char *p = s + dec_size(a, n);
  *p = '\0';
  guint64 m = a.m;
  if (a.e >= 0) {
    for (int k = 0; k < a.e; k++)
      *--p = '0';
  } else {
    /* The decimals: m's last -e digits, zeros once m runs out (0.005). */
    for (int k = 0; k < -a.e; k++, m /= 10)
      *--p = (char)('0' + m % 10);
    *--p = '.';
    if (m == 0)
      *--p = '0';
  }
  for (; m; m /= 10)
    *--p = (char)('0' + m % 10);
  return s;
}

char *zs_dec_str(ZsDec a) { return zs_dec_str_to(a, g_malloc(zs_dec_str_len(a) + 1)); }

ZsDec zs_dec_parse(const char *s) {
  ZsDecReader r = ZS_DEC_READER_INIT;
  for (; *s && !r.failed; s++)
    zs_dec_feed(&r, *s);
  return zs_dec_result(&r);
}
