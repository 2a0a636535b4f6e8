/* numtext.c: decoding a sentence into the ZsNumText of numtext.h, and the
 * lookups the number reader makes less often than at every character.
 */
#include "numtext.h"

#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "utf8.h"

#ifdef __SSE2__
/* Decodes the characters at p while they are of three bytes (nearly all
 * of Chinese text), four at a time, into c and off (off[k] = base plus
 * the character's place after p); returns how many it decoded, 0 to 4.
 * Reads sixteen bytes at p. Lane k of `x` is made to hold bytes 3k to
 * 3k+3 (three shifted copies of the bytes, a lane picked from each);
 * in valid UTF-8 a lane whose first byte is 1110xxxx holds a whole
 * character, whatever the lanes before it hold. All four lanes are
 * stored: the caller's arrays have room for four more characters
 * whenever sixteen bytes are left. */
static inline int decode_three4(const guchar *p, gunichar *c, gsize *off, gsize base) {
  __m128i v = _mm_loadu_si128((const __m128i *)p);
  __m128 s1 = _mm_castsi128_ps(_mm_slli_si128(v, 1)), s2 = _mm_castsi128_ps(_mm_slli_si128(v, 2)),
         s3 = _mm_castsi128_ps(_mm_slli_si128(v, 3)), s0 = _mm_castsi128_ps(v);
  __m128 lo = _mm_shuffle_ps(s0, s1, _MM_SHUFFLE(1, 1, 0, 0)); /* v0 v0 s1_1 s1_1 */
  __m128 hi = _mm_shuffle_ps(s2, s3, _MM_SHUFFLE(3, 3, 2, 2)); /* s2_2 s2_2 s3_3 s3_3 */
  __m128i x = _mm_castps_si128(_mm_shuffle_ps(lo, hi, _MM_SHUFFLE(2, 0, 2, 0)));
  __m128i lead = _mm_cmpeq_epi32(_mm_and_si128(x, _mm_set1_epi32(0xF0)), _mm_set1_epi32(0xE0));
  unsigned ok = (unsigned)_mm_movemask_epi8(lead);
  __m128i cp = _mm_or_si128(
      _mm_slli_epi32(_mm_and_si128(x, _mm_set1_epi32(0x0F)), 12),
      _mm_or_si128(_mm_and_si128(_mm_srli_epi32(x, 2), _mm_set1_epi32(0xFC0)),
                   _mm_and_si128(_mm_srli_epi32(x, 16), _mm_set1_epi32(0x3F))));
  _mm_storeu_si128((__m128i *)c, cp);
  off[0] = base;
  off[1] = base + 3;
  off[2] = base + 6;
  off[3] = base + 9;
  /* The lanes that start three-byte characters before the first that does not. */
  return __builtin_ctz(~ok | 0x10000) / 4;
}
#endif

void zs_nt_init(ZsNumText *t, const char *s, gsize len) {
  t->s = s;
  if (len <= ZS_NT_INLINE) {
    t->c = t->c_inline;
    t->off = t->off_inline;
  } else {
    t->c = g_new(gunichar, len);
    t->off = g_new(gsize, len + 1);
  }
  const guchar *p = (const guchar *)s, *end = p + len;
  gunichar *c = t->c;
  gsize *off = t->off;
  while (p < end) {
    /* Sixteen bytes hold at least four characters, so four more fit in
     * c[] (len slots) and off[] (len + 1). */
#ifdef __SSE2__
    if (end - p >= 16) {
      int k = decode_three4(p, c, off, (gsize)(p - (const guchar *)s));
      p += 3 * k;
      c += k;
      off += k;
      if (k == 4)
        continue;
      /* p starts a character of another length: read below. */
    }
#endif
    guchar b = *p;
    if (b < 0x80) {
      /* A run of ASCII (the digits of the numerals) read whole, not
       * retried four at a time at each byte. */
      do {
        *off++ = (gsize)(p - (const guchar *)s);
        *c++ = *p++;
      } while (p < end && *p < 0x80);
    } else {
      /* Of two or four bytes, or of three with fewer than sixteen left. */
      *off++ = (gsize)(p - (const guchar *)s);
      const char *q = (const char *)p;
      *c++ = zs_utf8_next(&q);
      p = (const guchar *)q;
    }
  }
  t->n = c - t->c;
  t->off[t->n] = len;
}

void zs_nt_clear(ZsNumText *t) {
  if (t->c != t->c_inline) {
    g_free(t->c);
    g_free(t->off);
  }
}

/* A byte match ends at a character boundary and starts at one too, since
 * w's first byte is a lead byte. */
glong zs_nt_ends_with(const ZsNumText *t, glong i, const char *w) {
  if (i < 0 || i > t->n)
    return 0;
  gsize l = strlen(w), end = t->off[i];
  if (end < l || memcmp(t->s + end - l, w, l) != 0)
    return 0;
  return g_utf8_strlen(w, -1);
}

glong zs_nt_ulen(const char *w) { return g_utf8_strlen(w, -1); }
