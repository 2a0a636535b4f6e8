/* overlap.h: character-bigram sets, the one measure of "same topic" that
 * the normalizer (headline after body) and the segmenter (whose headline,
 * where an article splits) share.
 *
 * A set holds the bigrams of runs of word characters (ideographs, letters,
 * digits): no word segmentation is needed for Chinese, and two texts on one
 * topic share many of them.
 */
#ifndef ZS_OVERLAP_H
#define ZS_OVERLAP_H

#include <glib.h>

#include "utf8.h"

/* A word character: an ideograph (all planes), or a letter or digit of any
 * script. A bigram is two adjacent word characters; overlap.c, window.c
 * (the normalizer's topic window) and topic.c (the segmenter's) all count
 * bigrams by this one definition. */
static inline gboolean zs_overlap_is_word_char(gunichar c) {
  if (c < 0x80)
    return g_ascii_isalnum(c);
  if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
      (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3134F) || c == 0x3007)
    return TRUE;
  /* The punctuation of Chinese text, about one character in eight, is
   * turned away without GLib's tables: general punctuation (— “ ” …),
   * the CJK marks and brackets (、 。 《 》 【 】) and the full-width
   * marks (！ （ ） ， ： ； ？) hold no letter or digit (test_topic
   * checks every code point against g_unichar_isalnum()). */
  if ((c >= 0x2000 && c <= 0x206F) || (c >= 0x3000 && c <= 0x3004) ||
      (c >= 0x3008 && c <= 0x3020) || (c >= 0xFF01 && c <= 0xFF0F) ||
      (c >= 0xFF1A && c <= 0xFF20))
    return FALSE;
  return g_unichar_isalnum(c);
}

/* The bigrams of a text, one key at a time (the two code points packed into
 * 64 bits, never 0), in text order, repeats included:
 *   ZsBigramWalk w = zs_bigram_walk(s, len);
 *   for (guint64 key; zs_bigram_next(&w, &key);) ...
 * The text must be valid UTF-8; a NUL ends it early. */
typedef struct {
  const char *p, *end;
  gunichar prev;
} ZsBigramWalk;

static inline ZsBigramWalk zs_bigram_walk(const char *s, gsize len) {
  ZsBigramWalk w = {s, s + len, 0};
  return w;
}

/* The walk's next character, 0 at the end; *word tells whether it is a
 * word character. Both walks below step by it. (Always inlined: it is
 * every topic measure's inner loop, and a call per character would cost
 * as much as the rest of the step.) */
G_ALWAYS_INLINE static inline gunichar zs_bigram_step(ZsBigramWalk *w, gboolean *word) {
  if (w->p >= w->end)
    return 0;
  gunichar c;
  const guchar *s = (const guchar *)w->p;
  /* Chinese text is mostly three-byte characters, and its ideographs
   * (U+4E00..U+9FFF) are word characters: both asked first, before the
   * general decoder and test */
  if ((s[0] & 0xF0) == 0xE0) {
    c = ((gunichar)(s[0] & 0x0F) << 12) | ((gunichar)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    w->p += 3;
  } else {
    if (!s[0])
      return 0; /* a NUL ends the text, and stays where it is */
    c = zs_utf8_next(&w->p);
  }
  *word = c - 0x4E00u <= 0x9FFFu - 0x4E00u || zs_overlap_is_word_char(c);
  return c;
}

G_ALWAYS_INLINE static inline gboolean zs_bigram_next(ZsBigramWalk *w, guint64 *key) {
  gboolean word;
  for (gunichar c; (c = zs_bigram_step(w, &word));) {
    gunichar a = w->prev;
    if (!word) {
      w->prev = 0;
      continue;
    }
    w->prev = c;
    if (a) {
      *key = ((guint64)a << 32) | c;
      return TRUE;
    }
  }
  return FALSE;
}

/* zs_bigram_next() for a caller that keys the bigrams of the Basic
 * Multilingual Plane (all but the rarest ideographs) in 32 bits, a << 16 |
 * c (never 0), with no 64-bit key to form and test: the same bigrams in
 * the same order. It stops (FALSE) at the end of the text, or at a word
 * character outside the BMP, setting *wide: the caller must then count
 * that text another way. */
G_ALWAYS_INLINE static inline gboolean zs_bigram_next_bmp(ZsBigramWalk *w, guint32 *key,
                                                          gboolean *wide) {
  gboolean word;
  for (gunichar c; (c = zs_bigram_step(w, &word));) {
    gunichar a = w->prev;
    if (!word) {
      w->prev = 0;
      continue;
    }
    if (G_UNLIKELY(c > 0xFFFF)) {
      *wide = TRUE;
      return FALSE;
    }
    w->prev = c;
    if (a) {
      *key = a << 16 | c;
      return TRUE;
    }
  }
  return FALSE;
}

typedef struct ZsBigrams ZsBigrams;

/* A new, empty bigram set; free with zs_overlap_free(). */
ZsBigrams *zs_overlap_set_new(void);
void zs_overlap_free(ZsBigrams *set);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(ZsBigrams, zs_overlap_free)

/* Number of distinct bigrams in `set`. */
guint zs_overlap_size(const ZsBigrams *set);

/* Adds the bigrams of s[0, len) to `set`. */
void zs_overlap_add(ZsBigrams *set, const char *s, gsize len);

/* zs_overlap_add() on the last `max` bytes of s[0, len) only (a bounded
 * look back). */
void zs_overlap_add_tail(ZsBigrams *set, const char *s, gsize len, gsize max);

/* How many of `head`'s bigrams `other` has; *total (may be NULL) gets the
 * number of `head`'s bigrams. */
guint zs_overlap_hits(const ZsBigrams *head, const ZsBigrams *other, guint *total);

/* Share (0..1) of the bigrams of `s` that occur in `text`; *hits (may be
 * NULL) gets their count. */
double zs_overlap_share(const char *s, const char *text, guint *hits);

#endif
