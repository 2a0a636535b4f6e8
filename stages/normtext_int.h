/* normtext_int.h: what normtext.c (zs_normtext_into(), the convention
 * itself) and normtext_fast.c (the checks and fast paths for the lines most
 * input is) both ask of a character, so that the fast paths decide exactly
 * as the full pass would. Not for other modules: they see normtext.h.
 */
#ifndef ZS_NORMTEXT_INT_H
#define ZS_NORMTEXT_INT_H

#include "normtext.h"

#include <glib.h>

static inline gboolean is_ascii_graph(gunichar c) {
  return c > 0x20 && c < 0x7F;
}

/* Full-width forms that always become ASCII. */
static inline gboolean fw_plain(gunichar c) {
  return (c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) ||
         (c >= 0xFF41 && c <= 0xFF5A) || c == 0xFF05 || c == 0xFF0B;
}

/* Characters that vanish: NUL, zero-width space, BOM, C0 controls. */
static inline gboolean is_dropped(gunichar c) {
  return c == 0x200B || c == 0xFEFF || (c < 0x20 && !zs_normtext_is_space(c));
}

/* Does `c` (>= 0x80) need more than a copy? Every branch of
 * zs_normtext_into() but the last: the spaces and dropped characters
 * (all below U+FF00), the full-width forms (all at or above it); the ASCII
 * punctuation is decided by lead_step. */
static inline gboolean needs_care_mb(gunichar c) {
  return c >= 0xFF00 ? fw_plain(c) || c == 0xFF0D || c == 0xFF0E
                     : zs_normtext_is_space(c) || is_dropped(c);
}

/* The ZS_PUNCT_ bit of `c`, or 0. All of them but > are led by C2, E2, E3
 * or EF, which plain_run() decodes; > it stops at. */
static inline guint punct_bit(gunichar c) {
  static const guint16 ff[32] = {[0x01] = ZS_PUNCT_EXCLAIM, [0x0C] = ZS_PUNCT_COMMA,
                                 [0x1A] = ZS_PUNCT_COLON,   [0x1B] = ZS_PUNCT_SEMI,
                                 [0x1E] = ZS_PUNCT_ARROW,   [0x1F] = ZS_PUNCT_QUESTION};
  if (c - 0xFF00u < 32u)
    return ff[c - 0xFF00u];
  switch (c) {
  case 0x3002: return ZS_PUNCT_STOP;
  case 0x3001: return ZS_PUNCT_ENUM;
  case 0x2026: return ZS_PUNCT_ELLIPSIS;
  case '>': case 0xBB: case 0x203A: return ZS_PUNCT_ARROW;
  default: return 0;
  }
}

/* For a character that plain_run() decodes (led by C2, E2, E3 or EF):
 * MB_CARE when needs_care_mb(), else its ZS_PUNCT_ bit or 0. The commonest,
 * led by E3 (、。 and the brackets) and E2 (quotes, dashes, …), are told
 * apart with a test or two instead of the whole chain of spaces. */
#define MB_CARE (1u << 31)

G_ALWAYS_INLINE static inline guint mb_class(gunichar c) {
  if (c - 0x3000u < 0x1000u) /* U+3000 is the only space among them */
    return c == 0x3000 ? MB_CARE : c == 0x3002 ? ZS_PUNCT_STOP : c == 0x3001 ? ZS_PUNCT_ENUM : 0;
  if (c - 0x2000u < 0x1000u) /* the U+2000 spaces, U+200B dropped */
    return c <= 0x200B || c == 0x202F || c == 0x205F ? MB_CARE
           : c == 0x2026                             ? ZS_PUNCT_ELLIPSIS
           : c == 0x203A                             ? ZS_PUNCT_ARROW
                                                     : 0;
  return needs_care_mb(c) ? MB_CARE : punct_bit(c);
}

/* The character at s, led by C2, E2, E3 or EF (the bytes lead_step
 * decodes): two bytes or three, one test between them. */
static inline gunichar lead_decode(const guchar *s) {
  if (s[0] >= 0xE0)
    return ((gunichar)(s[0] & 0x0F) << 12) | ((gunichar)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
  return ((gunichar)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
}

#endif
