/* period_int.h: what period.c and period_guard.c share.
 *
 * period.c runs the pattern; period_guard.c holds what is read off the
 * pattern by hand, so that PCRE2 runs seldom: where a match can start,
 * where it cannot be at all, and the common phrases read without it. Each
 * must be kept in step with the pattern (period.c); test_period checks
 * them against PCRE2. Not for other stages.
 */
#ifndef ZS_PERIOD_INT_H
#define ZS_PERIOD_INT_H

#include <string.h>

#include <glib.h>

static inline gboolean at_word(const char *s, gsize len, gsize i, const char *w, gsize wl) {
  return i + wl <= len && memcmp(s + i, w, wl) == 0;
}
#define AT(s, len, i, w) at_word(s, len, i, w, sizeof w - 1)

static inline gboolean is_digit(char b) { return b >= '0' && b <= '9'; }

/* The last run of class characters read: [from, to). A run read from
 * inside it ends where it ends, so a long run of digits is read once, not
 * once per digit. */
typedef struct {
  gsize from, to;
} Run;

/* Bit (c % 1024) of every character a match can start with, but the
 * digits (zs_period_guard_init() fills it). */
extern guint64 zs_period_start_bloom[16];
void zs_period_guard_init(void);

/* Can a match start with the character at p? The first test, inline, on
 * its bytes: every start character is a digit or a three-byte character,
 * whose bits c / 64 % 16 and c % 64 stand in its last two bytes. */
static inline gboolean may_start(const char *p) {
  guchar b = (guchar)p[0];
  if (b < 0x80)
    return is_digit((char)b);
  if (b < 0xE0 || b >= 0xF0)
    return FALSE;
  return (zs_period_start_bloom[p[1] & 0x0F] & (G_GUINT64_CONSTANT(1) << (p[2] & 0x3F))) != 0;
}

/* The byte length of the character led by b (valid UTF-8). */
static inline gsize char_len(guchar b) {
  return b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
}

/* Can the pattern match at i, whose character c may_start()? FALSE: it
 * cannot. */
gboolean zs_period_may_match(const char *s, gsize len, gsize i, gunichar c, Run *run);

/* The first anchor character (年 月 前 今 在, one of which every match
 * holds) at or after byte `from`, or len; where the window of the one at
 * a starts: no match starts before it whose first anchor is a. */
gsize zs_period_next_anchor(const guchar *u, gsize len, gsize from);
gsize zs_period_window_start(const char *s, gsize len, gsize a);

/* The longest period the quick read writes, with its NUL: "2023-12-31",
 * or a year of int's range resolving 今年. */
#define ZS_PERIOD_QUICK_MAX 16

/* The match at i when it is a common phrase read without PCRE2: its end,
 * and in *period its period (written into buf, ZS_PERIOD_QUICK_MAX bytes),
 * or NULL when a comparison word leads it (then it is no phrase); 0:
 * PCRE2 must read it. */
gsize zs_period_quick_match(const char *s, gsize len, gsize i, int year, char *buf,
                            char **period);

#endif
