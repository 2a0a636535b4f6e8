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

ZsDecText zs_dec_text(ZsDec a) {
  if (a.m == 0)
    return (ZsDecText){a, 1};
  int n = dec_strip(&a);
  return (ZsDecText){a, dec_size(a, n)};
}

gsize zs_dec_str_len(ZsDec a) { return zs_dec_text(a).size; }

/* Two digits at a time, m's last two read off a table: half the
 * divisions. */
static void put_digits(char *p, guint64 m) {
  static const char pairs[201] =
      "0001020304050607080910111213141516171819202122232425262728293031323334353637383940414243444546474849"
      "5051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899";
  for (; m >= 10; m /= 100) {
    const char *d = &pairs[2 * (m % 100)];
    *--p = d[1];
    *--p = d[0];
  }
  if (m)
    *--p = (char)('0' + m);
}

/* Written from the end, where the size says it ends: each digit once, in
 * place, the zeros and the point between them. */
char *zs_dec_text_to(ZsDecText t, char *s) {
  ZsDec a = t.a;
  if (a.m == 0) {
    s[0] = '0', s[1] = '\0';
    return s;
  }
  char *p = s + t.size;
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
  put_digits(p, m);
  return s;
}

char *zs_dec_str_to(ZsDec a, char *s) { return zs_dec_text_to(zs_dec_text(a), s); }

char *zs_dec_str(ZsDec a) { return zs_dec_str_to(a, g_malloc(zs_dec_str_len(a) + 1)); }

ZsDec zs_dec_parse(const char *s) {
  ZsDecReader r = ZS_DEC_READER_INIT;
  for (; *s && !r.failed; s++)
    zs_dec_feed(&r, *s);
  return zs_dec_result(&r);
}
