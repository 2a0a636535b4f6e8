/* decimal.c: printing and parsing the exact decimals of decimal.h.
 *
 * Kept apart from numbers.c so the reader of numerals does not also carry
 * the digit-by-digit printing; the per-digit arithmetic is inline in
 * decimal.h.
 */
#include "decimal.h"

#include <string.h>

char *zs_dec_str(ZsDec a) {
  if (a.m == 0)
    return g_strdup("0");
  while (a.e < 0 && a.m % 10 == 0) {
    a.m /= 10;
    a.e++;
  }
  char digits[24];
  int n = 0;
  for (guint64 m = a.m; m; m /= 10)
    digits[sizeof digits - 1 - n++] = (char)('0' + m % 10);
  const char *d = digits + sizeof digits - n;
  /* e >= 0: digits and e zeros; else a point, with zeros before the digits
   * when there are fewer digits than decimals. */
  gsize size = a.e >= 0 ? (gsize)n + (gsize)a.e : (gsize)MAX(n, -a.e + 1) + 1;
  char *s = g_malloc(size + 1), *p = s;
  if (a.e >= 0) {
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

ZsDec zs_dec_parse(const char *s) {
  ZsDecReader r = ZS_DEC_READER_INIT;
  for (; *s && !r.failed; s++)
    zs_dec_feed(&r, *s);
  return zs_dec_result(&r);
}
