/* normtext.h: the character-level half of normalize, shared with the line
 * reflow in normalize.c. Other stages call zs_norm_text() (normalize.h). */
#ifndef ZS_NORMTEXT_H
#define ZS_NORMTEXT_H

#include <glib.h>
#include <string.h>

/* g_string_append_len() without its function call when the bytes fit (the
 * normalizer's buffers are recycled, so they nearly always do); GLib 2.74
 * has no inline form of its own. `p` must not point into `s`. */
/* g_string_truncate(s, 0) without the call. */
static inline void zs_gstring_clear(GString *s) {
  s->len = 0;
  s->str[0] = '\0';
}

static inline void zs_gstring_append(GString *s, const char *p, gsize n) {
  if (s->len + n < s->allocated_len) {
    memcpy(s->str + s->len, p, n);
    s->len += n;
    s->str[s->len] = '\0';
  } else {
    g_string_append_len(s, p, n);
  }
}

/* The spaces that normalization removes (ASCII, U+3000, NBSP, tab, the
 * U+2000 spaces, line ends). */
static inline gboolean zs_normtext_is_space(gunichar c) {
  return c == ' ' || c == '\t' || c == 0x3000 || c == 0x00A0 || c == '\n' || c == '\r' ||
         c == '\v' || c == '\f' || (c >= 0x2000 && c <= 0x200A) || c == 0x202F ||
         c == 0x205F;
}

/* The bytes of the space zs_normtext_is_space() knows at p (before e), or
 * 0, read off its bytes, without finding where characters start: NBSP is
 * C2 A0, U+2000-200A E2 80 80-8A, U+202F E2 80 AF, U+205F E2 81 9F,
 * U+3000 E3 80 80 (p may be a continuation byte, which starts none). */
static inline guint zs_normtext_space_len(const guchar *p, const guchar *e) {
  guchar c = p[0];
  if (c < 0x80)
    return zs_normtext_is_space(c);
  if (c == 0xC2)
    return e - p >= 2 && p[1] == 0xA0 ? 2 : 0;
  if ((c != 0xE2 && c != 0xE3) || e - p < 3)
    return 0;
  if (c == 0xE3)
    return p[1] == 0x80 && p[2] == 0x80 ? 3 : 0;
  return (p[1] == 0x80 && (p[2] <= 0x8A || p[2] == 0xAF)) || (p[1] == 0x81 && p[2] == 0x9F)
             ? 3
             : 0;
}

/* Normalizes s[0, len) (valid UTF-8) into a new GString. `marks` (n_marks
 * ascending byte offsets into s, may be NULL) are rewritten in place into
 * offsets of the result. keep_phrase_space: one-line headline mode, a space
 * between two runs of >= 2 ideographs stays. */
GString *zs_normtext_run(const char *s, gsize len, gboolean keep_phrase_space,
                         gsize *marks, guint n_marks);
/* The clause punctuation in a normalized text, a bit for each mark, and
 * whether it has an arrow (what zs_normtext_into() reports): the reflow
 * asks which of them a line has. */
enum {
  ZS_PUNCT_COMMA = 1 << 0,    /* ， */
  ZS_PUNCT_STOP = 1 << 1,     /* 。 */
  ZS_PUNCT_EXCLAIM = 1 << 2,  /* ！ */
  ZS_PUNCT_QUESTION = 1 << 3, /* ？ */
  ZS_PUNCT_SEMI = 1 << 4,     /* ； */
  ZS_PUNCT_COLON = 1 << 5,    /* ： */
  ZS_PUNCT_ENUM = 1 << 6,     /* 、 */
  ZS_PUNCT_ELLIPSIS = 1 << 7, /* … */
  ZS_PUNCT_CLAUSE = (1 << 8) - 1, /* the eight above */
  ZS_PUNCT_ARROW = 1 << 8,        /* > ＞ » ›, a breadcrumb's */
};

/* The same into `o`, which it empties first (a buffer kept for reuse).
 * Returns TRUE when `s` normalizes the same after any other text (without
 * keep_phrase_space): every character after its leading spaces (spaces
 * only) was mapped on its own or by looking only at text of `s` and its
 * output, never at the start or the end. The reflow uses it to join lines
 * it has already normalized, when no run of full-width letters and digits
 * goes on across the joint (a mark inside one moves to its start).
 * *punct (when not NULL) gets the ZS_PUNCT_ marks that `o` has: what
 * strstr() for each would find. */
gboolean zs_normtext_into(GString *o, const char *s, gsize len, gboolean keep_phrase_space,
                          gsize *marks, guint n_marks, guint *punct);

/* What zs_normtext_clean() learns of a line on the way, as it reads every
 * byte anyway. */
typedef struct {
  gboolean markup; /* has a & or a < (scraped HTML: see take_line()) */
  gsize halves;    /* width in half columns, zs_line_width()'s way, before
                      the spaces at either end are taken off */
  gboolean plain;  /* no character needs more than a copy: then
                      zs_normtext_into() gives the text itself, returns TRUE
                      and reports `punct` (most lines of Chinese text) */
  gboolean spaced; /* not plain, but only for its spaces: then
                      zs_normtext_spaced() does what zs_normtext_into()
                      would, and `punct` is known */
  guint punct;     /* its ZS_PUNCT_ marks, when plain or spaced */
  gboolean ascii_spaces; /* spaced, and every space in it is ASCII */
} ZsCleanScan;

/* zs_normtext_into(o, s, len, FALSE, NULL, 0, NULL) for a text that
 * zs_normtext_clean() found spaced, in one pass: the same text and result. */
gboolean zs_normtext_spaced(GString *o, const char *s, gsize len);
/* The same for a text whose spaces are all ASCII (ZsCleanScan.ascii_spaces):
 * then a space is a byte below '!', found with one compare. */
gboolean zs_normtext_spaced_ascii(GString *o, const char *s, gsize len);

/* Is s[0, len) valid UTF-8 without NUL, as g_utf8_validate() has it? A
 * quicker check for the normalizer's input lines, most of which pass.
 * When it is, and `scan` is not NULL, fills in *scan. */
gboolean zs_normtext_clean(const char *s, gsize len, ZsCleanScan *scan);
/* For the test: do the tables zs_normtext_clean() reads the marks of three
 * Unicode pages from agree with its own decoding of them? */
gboolean zs_normtext_page_class_agrees(void);

#endif
