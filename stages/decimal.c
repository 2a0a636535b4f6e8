/* decimal.c: printing and parsing the exact decimals of decimal.h.
 *
 * Kept apart from numbers.c so the reader of numerals does not also carry
 * the digit-by-digit printing; the per-digit arithmetic is inline in
 * decimal.h.
 */
#include "decimal.h"

/* a without trailing zeros after the point, and the number of its
 * mantissa's digits, counted by comparison (no division per digit). */
static int dec_strip(ZsDec *a) {
  while (a->e < 0 && a->m % 10 == 0) {
    a->m /= 10;
    a->e++;
  }
  int n = 1;
  for (guint64 p = 10; n < 20 && a->m >= p; p *= 10)
    n++;
  return n;
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
