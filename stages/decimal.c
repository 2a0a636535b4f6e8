/* decimal.c: printing and parsing the exact decimals of decimal.h.
 *
 * Kept apart from numbers.c so the reader of numerals does not also carry
 * the digit-by-digit printing; the per-digit arithmetic is inline in
 * decimal.h.
 */
#include "decimal.h"

#include <string.h>

/* a without trailing zeros after the point; its digits end at `end`, and
 * their number is returned. */
static int dec_digits(ZsDec *a, char *end) {
  if (a->m == 0)
    return 0;
  while (a->e < 0 && a->m % 10 == 0) {
    a->m /= 10;
    a->e++;
  }
  int n = 0;
  for (guint64 m = a->m; m; m /= 10)
    *--end = (char)('0' + m % 10), n++;
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
  /* dec_digits()' trailing zeros dropped, its digits counted by
   * comparison instead of written out one division at a time. */
  if (a.m == 0)
    return 1;
  while (a.e < 0 && a.m % 10 == 0) {
    a.m /= 10;
    a.e++;
  }
  int n = 1;
  for (guint64 p = 10; n < 20 && a.m >= p; p *= 10)
    n++;
  return dec_size(a, n);
}

char *zs_dec_str_to(ZsDec a, char *s) {
  char digits[24];
  int n = dec_digits(&a, digits + sizeof digits);
  const char *d = digits + sizeof digits - n;
  char *p = s;
  if (a.m == 0) {
    *p++ = '0';
  } else if (a.e >= 0) {
    memcpy(p, d, (gsize)n);
    memset(p + n, '0', (gsize)a.e);
    p += n + a.e;
  } else if (-a.e >= n) {
    *p++ = '0';
    *p++ = '.';
    memset(p, '0', (gsize)(-a.e - n));
    p += -a.e - n;
    memcpy(p, d, (gsize)n);
    p += n;
  } else {
    memcpy(p, d, (gsize)(n + a.e));
    p += n + a.e;
    *p++ = '.';
    memcpy(p, d + n + a.e, (gsize)-a.e);
    p += -a.e;
  }
  *p = '\0';
  return s;
}

char *zs_dec_str(ZsDec a) { return zs_dec_str_to(a, g_malloc(zs_dec_str_len(a) + 1)); }

ZsDec zs_dec_parse(const char *s) {
  ZsDecReader r = ZS_DEC_READER_INIT;
  for (; *s && !r.failed; s++)
    zs_dec_feed(&r, *s);
  return zs_dec_result(&r);
}
