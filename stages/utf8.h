/* utf8.h: decoding one character of text already known to be valid UTF-8,
 * inline. Every stage after the normalizer reads validated text (the
 * normalizer replaces invalid bytes with U+FFFD), so the hot loops need
 * neither g_utf8_get_char()'s function call nor its checks. */
#ifndef ZS_UTF8_H
#define ZS_UTF8_H

#include <glib.h>

/* The character at *p; advances *p past it. *p must point into valid
 * UTF-8 (not at its terminating NUL, which decodes as 0 and is not passed). */
static inline gunichar zs_utf8_next(const char **p) {
  const guchar *s = (const guchar *)*p;
  guchar c = s[0];
  if (c < 0x80) {
    *p += 1;
    return c;
  }
  if (c < 0xE0) {
    *p += 2;
    return ((gunichar)(c & 0x1F) << 6) | (s[1] & 0x3F);
  }
  if (c < 0xF0) {
    *p += 3;
    return ((gunichar)(c & 0x0F) << 12) | ((gunichar)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
  }
  *p += 4;
  return ((gunichar)(c & 0x07) << 18) | ((gunichar)(s[1] & 0x3F) << 12) |
         ((gunichar)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
}

/* The character at p, not advancing (g_utf8_get_char() inline). */
static inline gunichar zs_utf8_at(const char *p) {
  return zs_utf8_next(&p);
}

/* The start of the character before p, or NULL when there is none at or
 * after s (g_utf8_find_prev_char() inline). */
static inline const char *zs_utf8_prev(const char *s, const char *p) {
  while (p > s)
    if ((*--p & 0xC0) != 0x80)
      return p;
  return NULL;
}

#endif
