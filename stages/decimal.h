/* decimal.h: exact decimals for the number reader (a 64-bit mantissa and a
 * power of ten), so that 1125.48万 is 11254800 and never 11254799.99999.
 *
 * Split out of numbers.c, which reads numerals with these. The operations
 * the reader runs for every digit are inline here; printing and parsing a
 * whole string are in decimal.c. Any overflow turns `ok` off for good.
 */
#ifndef ZS_DECIMAL_H
#define ZS_DECIMAL_H

#include <glib.h>

typedef struct {
  guint64 m; /* mantissa */
  int e;     /* value = m * 10^e */
  gboolean ok;
} ZsDec;

static inline ZsDec zs_dec_int(guint64 v) { return (ZsDec){v, 0, TRUE}; }

static inline gboolean zs_dec_mul_u64(guint64 a, guint64 b, guint64 *out) {
  return !__builtin_mul_overflow(a, b, out);
}

static inline ZsDec zs_dec_align(ZsDec a, int e) {
  while (a.ok && a.e > e) {
    if (!zs_dec_mul_u64(a.m, 10, &a.m))
      a.ok = FALSE;
    a.e--;
  }
  return a;
}

static inline ZsDec zs_dec_add(ZsDec a, ZsDec b) {
  if (!a.ok || !b.ok)
    return (ZsDec){0, 0, FALSE};
  int e = MIN(a.e, b.e);
  a = zs_dec_align(a, e);
  b = zs_dec_align(b, e);
  ZsDec r = {0, e, a.ok && b.ok};
  if (r.ok && __builtin_add_overflow(a.m, b.m, &r.m))
    r.ok = FALSE;
  return r;
}

static inline ZsDec zs_dec_scale(ZsDec a, int k) {
  a.e += k;
  return a;
}

static inline gboolean zs_dec_is_zero(ZsDec a) { return a.m == 0; }

/* Reads a plain decimal one character at a time, so that a number can be
 * read straight from the sentence without first being copied out. Start
 * from ZS_DEC_READER_INIT. */
typedef struct {
  ZsDec d;
  gboolean point, any, failed;
  int zeros; /* zeros not yet multiplied in: 9999999000000000000000 fits */
} ZsDecReader;

#define ZS_DEC_READER_INIT {{0, 0, TRUE}, FALSE, FALSE, FALSE, 0}

/* Takes one of 0-9, '.' (the first only) or ',' (ignored); anything else
 * fails the reader. */
static inline void zs_dec_feed(ZsDecReader *r, char ch) {
  if (r->failed)
    return;
  if (ch == '.' && !r->point) {
    r->point = TRUE;
  } else if (ch >= '0' && ch <= '9') {
    if (ch == '0') {
      r->zeros++;
    } else {
      for (; r->zeros > 0; r->zeros--)
        if (!zs_dec_mul_u64(r->d.m, 10, &r->d.m)) {
          r->failed = TRUE;
          return;
        }
      if (!zs_dec_mul_u64(r->d.m, 10, &r->d.m) ||
          __builtin_add_overflow(r->d.m, (guint64)(ch - '0'), &r->d.m)) {
        r->failed = TRUE;
        return;
      }
    }
    if (r->point)
      r->d.e--;
    r->any = TRUE;
  } else if (ch != ',') {
    r->failed = TRUE;
  }
}

/* What the reader read; not ok when it failed or read no digit. */
static inline ZsDec zs_dec_result(const ZsDecReader *r) {
  if (r->failed)
    return (ZsDec){0, 0, FALSE};
  ZsDec d = r->d;
  d.e += r->zeros;
  d.ok = r->any;
  return d;
}

/* Plain decimal: no exponent, no trailing zeros after the point (new
 * string). */
char *zs_dec_str(ZsDec a);

/* zs_dec_str() into `out`, which has room for zs_dec_str_len(a) bytes and
 * a NUL; returns out. For a caller that keeps the string in an allocation
 * of its own. */
gsize zs_dec_str_len(ZsDec a);
char *zs_dec_str_to(ZsDec a, char *out);

/* The two in one for a caller that sizes and then writes: `a` with its
 * trailing decimal zeros dropped, and the size of its string, worked out
 * once. zs_dec_text(a).size is zs_dec_str_len(a); zs_dec_text_to(t, out)
 * writes what zs_dec_str_to(a, out) does. */
typedef struct {
  ZsDec a; /* stripped */
  gsize size;
} ZsDecText;

ZsDecText zs_dec_text(ZsDec a);
char *zs_dec_text_to(ZsDecText t, char *out);

/* Parses an unsigned plain decimal string ("1125.48") into a ZsDec. */
ZsDec zs_dec_parse(const char *s);

#endif
