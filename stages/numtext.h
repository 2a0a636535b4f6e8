/* numtext.h: a sentence as code points with their byte offsets, for the
 * number reader (numbers.c), which looks back and ahead by characters.
 *
 * Split out of numbers.c. The two lookups the reader makes at every step,
 * zs_nt_at() and zs_nt_starts(), are inline here.
 */
#ifndef ZS_NUMTEXT_H
#define ZS_NUMTEXT_H

#include <glib.h>

/* Sentences up to this many bytes are decoded into the ZsNumText itself,
 * with no allocation; longer ones (rare) into the heap. */
#define ZS_NT_INLINE 1024

typedef struct {
  const char *s; /* the sentence, valid UTF-8, NUL-terminated (borrowed) */
  gunichar *c;
  gsize *off; /* off[i] = byte offset of c[i]; off[n] = byte length */
  glong n;
  gunichar c_inline[ZS_NT_INLINE];
  gsize off_inline[ZS_NT_INLINE + 1];
} ZsNumText;

/* Decodes `s` of `len` bytes, which must be valid UTF-8 (what segment
 * hands on; the fuzzers ensure it too): it is decoded without checks. `t`
 * borrows `s`; release it with zs_nt_clear(). */
void zs_nt_init(ZsNumText *t, const char *s, gsize len);
void zs_nt_clear(ZsNumText *t);

/* The character at position i, or 0 outside the text. */
static inline gunichar zs_nt_at(const ZsNumText *t, glong i) {
  return i >= 0 && i < t->n ? t->c[i] : 0;
}

/* Does the text at position i start with the UTF-8 string `w`? Compared
 * as bytes, which for valid UTF-8 is comparing the characters; the
 * sentence's NUL ends a match that would run past its end. */
static inline gboolean zs_nt_starts(const ZsNumText *t, glong i, const char *w) {
  if (i < 0 || i > t->n)
    return FALSE;
  const char *p = t->s + t->off[i];
  for (; *w; w++, p++)
    if (*p != *w)
      return FALSE;
  return TRUE;
}

/* Does the text end at position i (exclusive) with `w`? Returns its length
 * in characters, or 0. */
glong zs_nt_ends_with(const ZsNumText *t, glong i, const char *w);

/* The length of `w` in characters. */
glong zs_nt_ulen(const char *w);

#endif
