/* numbers_holds.c: where a sentence first holds a 不, a 《 or a “, read
 * sixteen places at a time, as far as numbers.c asks (the Holds of
 * numbers_int.h).
 *
 * Split out of numbers.c, whose look-backs from a figure (a bound word
 * before it, a title or quoted name around it) ask first whether the
 * sentence holds their mark before the figure at all: most hold none.
 */
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "numbers_int.h"

static inline void first_at(gsize *at, gsize k) {
  if (k < *at)
    *at = k;
}

/* Which of the three starts at p, if any: the field of h it sets. */
static inline gsize *holds_kind(Holds *h, const guchar *p) {
  if (p[0] == 0xE4 && p[1] == 0xB8 && p[2] == 0x8D)
    return &h->bu;
  if (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x8A)
    return &h->title;
  if (p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0x9C)
    return &h->quote;
  return NULL;
}

/* Reads on from h->upto until it passes `at` or has seen all three: 不
 * is E4 B8 8D, 《 E3 80 8A, “ E2 80 9C, sixteen places at a time by their
 * last two bytes (two continuation bytes in a row belong to one
 * character: what else ends so, 渍 逊 and rare ones, holds_kind() turns
 * away). (An offset is far below G_MAXSIZE, so the three or'ed are
 * G_MAXSIZE while one is.) */
void zs_num_holds_read(const ZsNumText *t, Holds *h, gsize at) {
  const guchar *s = (const guchar *)t->s, *p = s + h->upto;
  gsize len = t->off[t->n];
#ifdef __SSE2__
  /* The bytes at p + 1 and p + 2 of the last place lie within the
   * sentence or at its NUL. */
  const __m128i b8 = _mm_set1_epi8((char)0xB8), x8d = _mm_set1_epi8((char)0x8D),
                x80 = _mm_set1_epi8((char)0x80), x8a = _mm_set1_epi8((char)0x8A),
                x9c = _mm_set1_epi8((char)0x9C);
  for (; p < s + at && p + 17 <= s + len && (h->bu | h->title | h->quote) == G_MAXSIZE;
       p += 16) {
    __m128i v1 = _mm_loadu_si128((const __m128i *)(p + 1));
    __m128i v2 = _mm_loadu_si128((const __m128i *)(p + 2));
    __m128i hit = _mm_or_si128(
        _mm_and_si128(_mm_cmpeq_epi8(v1, b8), _mm_cmpeq_epi8(v2, x8d)),
        _mm_and_si128(_mm_cmpeq_epi8(v1, x80),
                      _mm_or_si128(_mm_cmpeq_epi8(v2, x8a), _mm_cmpeq_epi8(v2, x9c))));
    for (unsigned m = (unsigned)_mm_movemask_epi8(hit); m; m &= m - 1) {
      gsize *field = holds_kind(h, p + __builtin_ctz(m));
      if (field)
        first_at(field, (gsize)(p - s) + (gsize)__builtin_ctz(m));
    }
  }
#endif
  for (; p < s + at && p + 3 <= s + len && (h->bu | h->title | h->quote) == G_MAXSIZE; p++) {
    gsize *field = holds_kind(h, p);
    if (field)
      first_at(field, (gsize)(p - s));
  }
  h->upto = (gsize)(p - s);
}
