/* numtext.c: decoding a sentence into the ZsNumText of numtext.h, and the
 * lookups the number reader makes less often than at every character.
 */
#include "numtext.h"

#include <string.h>

#include "utf8.h"

void zs_nt_init(ZsNumText *t, const char *s, gsize len) {
  t->s = s;
  if (len <= ZS_NT_INLINE) {
    t->c = t->c_inline;
    t->off = t->off_inline;
  } else {
    t->c = g_new(gunichar, len);
    t->off = g_new(gsize, len + 1);
  }
  /* Three-byte characters first: nearly all of Chinese text. */
  const guchar *p = (const guchar *)s, *end = p + len;
  gunichar *c = t->c;
  gsize *off = t->off;
  while (p < end) {
    guchar b = *p;
    *off++ = (gsize)(p - (const guchar *)s);
    if (b >= 0xE0 && b < 0xF0) {
      *c++ = ((gunichar)(b & 0x0F) << 12) | ((gunichar)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
      p += 3;
    } else if (b < 0x80) { /* then ASCII: the digits of the numerals */
      *c++ = b;
      p++;
    } else {
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
