/* normtext.c: the character-level convention, zs_norm_text().
 *
 * What "normalized" means for one string (full-width forms, ASCII
 * punctuation next to Chinese text, spaces), apart from the reflow of lines
 * into paragraphs that normalize.c does around it. The convention is
 * written out in stages/README.md.
 */
#include "normtext.h"

#include "normalize.h"
#include "utf8.h"

#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* Text here is valid UTF-8 (the input, see zs_normtext_into(), and the
 * output), so characters are read with utf8.h's inline decoders. */

/* ---- character classes -------------------------------------------------- */

static gboolean is_ideo(gunichar c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3134F) ||
         c == 0x3007;
}

/* Chinese text: ideographs, CJK punctuation, full-width forms, and the
 * quotes, dashes and ellipsis Chinese text borrows from general punctuation. */
static gboolean is_chinese(gunichar c) {
  return is_ideo(c) || (c >= 0x3001 && c <= 0x303F) ||
         (c >= 0xFF01 && c <= 0xFFEF) || (c >= 0x2014 && c <= 0x2026) ||
         c == 0x00B7;
}

static gboolean is_ascii_alnum(gunichar c) {
  return c < 0x80 && g_ascii_isalnum((char)c);
}

static gboolean is_ascii_graph(gunichar c) {
  return c > 0x20 && c < 0x7F;
}

static gboolean is_ascii_digit_like(gunichar c) {
  return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

/* Full-width forms that always become ASCII. */
static gboolean fw_plain(gunichar c) {
  return (c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) ||
         (c >= 0xFF41 && c <= 0xFF5A) || c == 0xFF05 || c == 0xFF0B;
}

static gunichar ascii_to_fullwidth_punct(gunichar c) {
  switch (c) {
  case ',': return 0xFF0C;
  case ';': return 0xFF1B;
  case ':': return 0xFF1A;
  case '?': return 0xFF1F;
  case '!': return 0xFF01;
  case '(': return 0xFF08;
  case ')': return 0xFF09;
  default: return 0;
  }
}

/* After full-width conversion, what a character will read as. */
static gunichar plain_of(gunichar c) {
  return fw_plain(c) ? c - 0xFEE0 : c;
}

/* ---- zs_norm_text ------------------------------------------------------- */

static gunichar last_cp(const GString *o) {
  if (o->len == 0)
    return 0;
  const char *p = zs_utf8_prev(o->str, o->str + o->len);
  return p ? zs_utf8_at(p) : 0;
}

static gunichar second_last_cp(const GString *o) {
  if (o->len == 0)
    return 0;
  const char *p = zs_utf8_prev(o->str, o->str + o->len);
  if (!p)
    return 0;
  p = zs_utf8_prev(o->str, p);
  return p ? zs_utf8_at(p) : 0;
}

/* Characters that vanish: NUL, zero-width space, BOM, C0 controls. */
static gboolean is_dropped(gunichar c) {
  return c == 0x200B || c == 0xFEFF || (c < 0x20 && !zs_normtext_is_space(c));
}

/* Next character at or after `p` that is neither a space nor dropped, or 0. */
static gunichar next_nonspace(const char *p, const char *end) {
  while (p < end) {
    gunichar c = zs_utf8_at(p);
    if (!zs_normtext_is_space(c) && !is_dropped(c))
      return c;
    p = g_utf8_next_char(p);
  }
  return 0;
}

/* The first character after the run of convertible ASCII punctuation that
 * starts at `q` (spaces and dropped characters skipped), or 0. A run such
 * as "?(" is decided as a whole, so a second pass sees the same thing. */
static gunichar after_punct_run(const char *q, const char *end) {
  for (; q < end; q = g_utf8_next_char(q)) {
    gunichar c = zs_utf8_at(q);
    if (!zs_normtext_is_space(c) && !is_dropped(c) && !ascii_to_fullwidth_punct(c))
      return c;
  }
  return 0;
}

/* The output's last character that is not a space. */
static gunichar last_nonspace_cp(const GString *o) {
  gsize n = o->len;
  while (n > 0 && o->str[n - 1] == ' ')
    n--;
  if (n == 0)
    return 0;
  const char *p = zs_utf8_prev(o->str, o->str + n);
  return p ? zs_utf8_at(p) : 0;
}

/* An ASCII , ; : ? ! ( ) between `prev` (the output so far, spaces
 * dropped) and `next` (the first character after its punctuation run)
 * becomes full-width when it touches Chinese text and no ASCII letter or
 * digit. */
static gboolean punct_goes_fullwidth(gunichar prev, gunichar next) {
  next = plain_of(next);
  if (is_ascii_alnum(prev) || is_ascii_alnum(next))
    return FALSE;
  return is_chinese(prev) || is_chinese(next);
}

/* How the character at `q` (the first after a run of spaces that follows
 * `prev`) will read in the output, or 0 at the end. */
static gunichar final_form(gunichar prev, const char *q, const char *end) {
  if (q >= end)
    return 0;
  gunichar c = zs_utf8_at(q);
  if (ascii_to_fullwidth_punct(c) &&
      punct_goes_fullwidth(prev, after_punct_run(g_utf8_next_char(q), end)))
    return ascii_to_fullwidth_punct(c);
  if ((c == 0xFF0D || c == 0xFF0E) && prev >= '0' && prev <= '9' &&
      is_ascii_digit_like(next_nonspace(g_utf8_next_char(q), end)))
    return c == 0xFF0D ? '-' : '.';
  return plain_of(c);
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

/* What plain_run() does at each lead byte: 0, stop (an ASCII byte that
 * needs care: controls, the space, ! ( ) , : ; ?, and > for its
 * ZS_PUNCT_ARROW); 1 to 4, step over that
 * many bytes; 0x80 + the length, decode and ask mb_class(). Only
 * characters led by C2 (NBSP), E2 (the U+2000 spaces, zero width space),
 * E3 (U+3000) and EF (BOM, full-width forms) can need care outside ASCII;
 * the others are stepped over without decoding. */
static const guint8 lead_step[256] = {
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x00, 0x00, 0x01, 0x01, 0x00, 0x01, 0x01, 0x01,
    0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x00, 0x00, 0x01, 0x01, 0x00, 0x00,
    0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01,
    0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01,
    0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01,
    0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01,
    0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01,
    0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01,
    0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01,
    0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01,
    0x02, 0x02, 0x82, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02,
    0x02, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02,
    0x03, 0x03, 0x83, 0x83, 0x03, 0x03, 0x03, 0x03, 0x03, 0x03, 0x03, 0x03, 0x03, 0x03, 0x03, 0x83,
    0x04, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04,
};

#ifdef __SSE2__
/* The bytes of a chunk that lead_step stops at or decodes (0 or 0x80 +
 * the length: below '"', ( ) , : ; > ?, and the leads C2 E2 E3 EF), a bit
 * each. */
static inline unsigned care_mask(__m128i v) {
  __m128i pair = _mm_and_si128(v, _mm_set1_epi8((char)0xFE));
  __m128i m = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8('!')), v); /* <= '!' */
  m = _mm_or_si128(m, _mm_cmpeq_epi8(pair, _mm_set1_epi8('(')));      /* ( ) */
  m = _mm_or_si128(m, _mm_cmpeq_epi8(pair, _mm_set1_epi8(':')));      /* : ; */
  m = _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_set1_epi8('>')));
  m = _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_set1_epi8(',')));
  m = _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_set1_epi8('?')));
  m = _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xC2)));
  m = _mm_or_si128(m, _mm_cmpeq_epi8(pair, _mm_set1_epi8((char)0xE2))); /* E2 E3 */
  m = _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xEF)));
  return (unsigned)_mm_movemask_epi8(m);
}
#endif

/* The character at s, led by C2, E2, E3 or EF (the bytes lead_step
 * decodes): two bytes or three, one test between them. */
static inline gunichar lead_decode(const guchar *s) {
  if (s[0] >= 0xE0)
    return ((gunichar)(s[0] & 0x0F) << 12) | ((gunichar)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
  return ((gunichar)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
}

#ifdef __SSE2__
/* The marked bytes (`bits`) of the chunk at `base`, taken in turn: the
 * first that starts a character needing care, or NULL when none does. The
 * clause punctuation passed is added to *punct. */
static inline const guchar *first_care(const guchar *base, unsigned bits, guint *punct) {
  for (; bits; bits &= bits - 1) {
    const guchar *at = base + __builtin_ctz(bits);
    if (!(lead_step[*at] & 0x80))
      return at;
    guint k = mb_class(lead_decode(at));
    if (k & MB_CARE)
      return at;
    *punct |= k;
  }
  return NULL;
}
#endif

/* The end of the run of characters from `p` that are copied as they are.
 * Read byte by byte, four at a time, rather than a character at a time:
 * then no byte's test waits for the step past the last character (two
 * loads in a row each time). It can be, as a continuation byte (0x01 in
 * the table) is only ever met after a lead that was passed as plain, and
 * every byte that may start a character needing care (0 or 0x80 + the
 * length) is stopped at. The clause punctuation passed in the run is added
 * to *punct: it is all among the characters decoded. */
static const char *plain_run(const char *s, const char *p, const char *end, guint *punct) {
  const guchar *q = (const guchar *)p, *e = (const guchar *)end;
#ifdef __SSE2__
  /* Sixteen bytes at a time first, marking the bytes that lead_step stops
   * at or decodes (0 or 0x80 + the length: below '"', ( ) , : ; > ?, and
   * the leads C2 E2 E3 EF). Each marked byte starts a character (no
   * continuation byte is one), so they are taken in turn, the chunk read
   * once however many pass. As with the table, a chunk may end inside a
   * character: its continuation bytes are plain. */
  while (e - q >= 16) {
    const guchar *stop = first_care(q, care_mask(_mm_loadu_si128((const __m128i *)q)), punct);
    if (stop)
      return (const char *)stop;
    q += 16;
  }
  /* The last few bytes in one chunk too, when the text has sixteen before
   * its end: the chunk that ends there, the bytes before q masked off. The
   * text ends at a character's end, so every character marked in it ends
   * inside it. */
  if (q < e && e - (const guchar *)s >= 16) {
    const guchar *base = e - 16;
    unsigned bits = care_mask(_mm_loadu_si128((const __m128i *)base)) &
                    ~((1u << (q - base)) - 1u);
    const guchar *stop = first_care(base, bits, punct);
    return stop ? (const char *)stop : end;
  }
#else
  (void)s;
#endif
  for (;;) {
    /* k - 1 is 0..3 for the plain bytes (k 1 to 4), and more for the others */
    while (e - q >= 4 && !(((lead_step[q[0]] - 1u) | (lead_step[q[1]] - 1u) |
                            (lead_step[q[2]] - 1u) | (lead_step[q[3]] - 1u)) & ~3u))
      q += 4;
    while (q < e && lead_step[*q] - 1u <= 3u)
      q++;
    if (q == e)
      return end;
    if (!(lead_step[*q] & 0x80))
      return (const char *)q;
    guint k = mb_class(lead_decode(q));
    if (k & MB_CARE)
      return (const char *)q;
    *punct |= k;
    q += lead_step[*q] & 0x7F;
  }
}

/* The character-level normalization of s[0, len) into `o` (emptied
 * first). `marks` (n ascending byte offsets of character starts in s, may
 * be NULL) are rewritten in place into offsets of the result.
 * keep_phrase_space: one-line headline mode (see the convention above).
 * Returns whether each character past the leading spaces was mapped
 * without looking at its neighbours (see normtext.h). */
gboolean zs_normtext_into(GString *o, const char *s, gsize len, gboolean keep_phrase_space,
                          gsize *marks, guint n_marks, guint *punct) {
  zs_gstring_clear(o);
  gboolean alone = TRUE;
  guint seen = 0; /* *punct: the output's clause punctuation */
  const char *p = s, *end = s + len;
  guint mi = 0;
  while (p < end) {
    while (mi < n_marks && marks[mi] <= (gsize)(p - s))
      marks[mi++] = o->len;
    /* Most text is copied as it is, a run at a time; a mark inside the run
     * moves with its character. */
    const char *run = plain_run(s, p, end, &seen);
    if (run > p) {
      gsize from = (gsize)(p - s), at = o->len;
      while (mi < n_marks && marks[mi] < (gsize)(run - s)) {
        marks[mi] = at + (marks[mi] - from);
        mi++;
      }
      zs_gstring_append(o, p, run - p);
      p = run;
      continue;
    }
    const char *next = p;
    gunichar c = zs_utf8_next(&next);
    if (is_dropped(c)) {
      p = next;
      continue;
    }
    if (zs_normtext_is_space(c)) {
      /* A run of spaces: at most one stays, between two ASCII graphic
       * characters as they will finally read. */
      const char *q = next;
      while (q < end && (zs_normtext_is_space(zs_utf8_at(q)) || is_dropped(zs_utf8_at(q))))
        q = g_utf8_next_char(q);
      if (p == s) { /* leading spaces: alone when there is nothing else */
        const char *r = s;
        while (r < q && zs_normtext_is_space(zs_utf8_at(r)))
          r = g_utf8_next_char(r);
        alone &= r == q;
      } else { /* decided by this text alone: see final_form() */
        gunichar at = q < end ? zs_utf8_at(q) : 0;
        const char *after = q < end ? g_utf8_next_char(q) : end;
        alone &= o->len > 0 && at &&
                 (ascii_to_fullwidth_punct(at)    ? after_punct_run(after, end) != 0
                  : at == 0xFF0D || at == 0xFF0E ? next_nonspace(after, end) != 0
                                                 : TRUE);
      }
      /* kept only after an ASCII graphic character (then the last byte of
       * the output) or in headline mode: else the rest need not be read */
      guchar last = o->len ? (guchar)o->str[o->len - 1] : 0;
      if (!keep_phrase_space && !is_ascii_graph(last)) {
        p = q;
        continue;
      }
      gunichar prev = last_cp(o), nx = final_form(prev, q, end);
      gboolean keep = is_ascii_graph(prev) && is_ascii_graph(nx);
      if (!keep && keep_phrase_space && is_ideo(prev) &&
          is_ideo(second_last_cp(o)) && q < end && is_ideo(nx)) {
        const char *q2 = g_utf8_next_char(q);
        keep = q2 < end && is_ideo(zs_utf8_at(q2));
      }
      if (keep)
        g_string_append_c(o, ' ');
      p = q;
      continue;
    }
    if (fw_plain(c)) {
      /* A span of full-width letters and digits becomes ASCII: what NFKC
       * makes of each of them, without its cost. */
      const char *q = next;
      while (q < end && fw_plain(zs_utf8_at(q)))
        q = g_utf8_next_char(q);
      while (mi < n_marks && marks[mi] < (gsize)(q - s))
        marks[mi++] = o->len;
      while (p < q)
        g_string_append_c(o, (char)(zs_utf8_next(&p) - 0xFEE0));
      continue;
    }
    if (c == 0xFF0D || c == 0xFF0E) { /* － ． between digits */
      gunichar prev = last_cp(o), nx = next_nonspace(next, end);
      alone &= o->len > 0 && nx != 0;
      if (prev >= '0' && prev <= '9' && is_ascii_digit_like(nx)) {
        g_string_append_c(o, c == 0xFF0D ? '-' : '.');
        p = next;
        continue;
      }
    }
    gunichar fw = ascii_to_fullwidth_punct(c);
    gunichar before = fw ? last_nonspace_cp(o) : 0, after = fw ? after_punct_run(next, end) : 0;
    alone &= !fw || (before && after);
    if (fw && punct_goes_fullwidth(before, after)) {
      seen |= punct_bit(fw);
      g_string_append_unichar(o, fw);
      p = next;
      continue;
    }
    seen |= punct_bit(c);
    zs_gstring_append(o, p, next - p);
    p = next;
  }
  while (mi < n_marks)
    marks[mi++] = o->len;
  if (punct)
    *punct = seen;
  return alone;
}

#ifdef __SSE2__
/* Are the fifteen bytes at p (sixteen readable) five three-byte characters
 * led by E1-EC, EE or EF (zs_normtext_clean()'s common case)? Leads E0-EF
 * and continuation bytes 80-BF in their places, and no byte E0 or ED (a
 * continuation byte is never either). Returns -1 when they are not, else a
 * bit for each lead that is E2, E3 or EF (at bytes 0, 3, 6, 9, 12): the
 * characters among them that zs_normtext_into() decodes. */
static inline int five_plain3(const guchar *p) {
  static const guint8 mask[16] = {0xF0, 0xC0, 0xC0, 0xF0, 0xC0, 0xC0, 0xF0, 0xC0,
                                  0xC0, 0xF0, 0xC0, 0xC0, 0xF0, 0xC0, 0xC0, 0};
  static const guint8 want[16] = {0xE0, 0x80, 0x80, 0xE0, 0x80, 0x80, 0xE0, 0x80,
                                  0x80, 0xE0, 0x80, 0x80, 0xE0, 0x80, 0x80, 0};
  __m128i v = _mm_loadu_si128((const __m128i *)p);
  __m128i form = _mm_cmpeq_epi8(_mm_and_si128(v, _mm_loadu_si128((const __m128i *)mask)),
                                _mm_loadu_si128((const __m128i *)want));
  __m128i bad = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xE0)),
                             _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xED)));
  if (_mm_movemask_epi8(form) != 0xFFFF || _mm_movemask_epi8(bad))
    return -1;
  __m128i spec = _mm_or_si128(
      _mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8((char)0xFE)), _mm_set1_epi8((char)0xE2)),
      _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xEF)));
  return _mm_movemask_epi8(spec) & 0x1249;
}
#endif

/* What an ASCII byte tells zs_normtext_clean(): MB_CARE for those
 * zs_normtext_into() stops at to decide (lead_step 0: controls, ! ( ) , :
 * ; ?), ASCII_SPACE for the spaces among them, ZS_PUNCT_ARROW for >, which
 * it stops at but copies, and ASCII_MARKUP for & and <. MB_SPACE is the
 * other spaces' (clean_class()). */
#define ASCII_MARKUP (1u << 30)
#define MB_SPACE (1u << 29)
#define ASCII_SPACE (1u << 28)
#define C_ MB_CARE
#define S_ ASCII_SPACE
static const guint32 ascii_kind[128] = {
    C_, C_, C_, C_, C_, C_, C_, C_, C_, S_, S_, S_, S_, S_, C_, C_,
    C_, C_, C_, C_, C_, C_, C_, C_, C_, C_, C_, C_, C_, C_, C_, C_,
    S_, C_, 0,  0,  0,  0,  ASCII_MARKUP, 0, C_, C_, 0, 0, C_, 0, 0, 0,
    0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  C_, C_, ASCII_MARKUP, 0, ZS_PUNCT_ARROW, C_,
    0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
    0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
    0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
    0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
};
#undef C_
#undef S_

/* mb_class() for zs_normtext_clean(): the spaces told apart from the other
 * characters needing care (MB_SPACE), as zs_normtext_spaced() takes
 * those. */
G_ALWAYS_INLINE static inline guint clean_class(gunichar c) {
  guint k = mb_class(c);
  return (k & MB_CARE) && zs_normtext_is_space(c) ? MB_SPACE : k;
}

/* Is `c` a lead byte of the characters zs_normtext_into() decodes (C2, E2,
 * E3, EF; see lead_step)? */
static inline gboolean decoded_lead(guchar c) {
  return c == 0xC2 || (c & 0xFE) == 0xE2 || c == 0xEF;
}

/* The well-formed sequences of RFC 3629, the common three-byte characters
 * first. On the way, what zs_normtext_into() would make of each character
 * (see ZsCleanScan.plain), from the same bytes: ascii_kind for ASCII, and
 * mb_class() for a character with a decoded lead, as plain_run() asks. */
gboolean zs_normtext_clean(const char *s, gsize len, ZsCleanScan *scan) {
  const guchar *p = (const guchar *)s, *e = p + len;
  guint kinds = 0; /* MB_CARE, MB_SPACE, ASCII_SPACE, ASCII_MARKUP, ZS_PUNCT_ bits met */
  gsize halves = 0; /* ASCII 1, any other character 2, NBSP 1 */
  /* the lead bytes E1-EC, EE and EF, by their low four bits: no overlong
   * form or surrogate is led by them (E0 and ED are) */
  const guint plain3 = 0xDFFEu;
  while (p < e) {
    guchar c = p[0];
    /* the common cases first, with as few tests as will do: ASCII other
     * than NUL, and E1-EC, EE, EF followed by two continuation bytes, two
     * such characters (six bytes) read at once while eight are left, one
     * (three) while four are */
    if (c - 1u < 0x7Fu) {
      kinds |= ascii_kind[c];
      halves++;
      p++;
      continue;
    }
#ifdef __SSE2__
    int spec;
    if (e - p >= 16 && (spec = five_plain3(p)) >= 0) {
      do {
        for (; spec; spec &= spec - 1)
          kinds |= clean_class(lead_decode(p + __builtin_ctz((unsigned)spec)));
        halves += 10;
        p += 15;
      } while (e - p >= 16 && (spec = five_plain3(p)) >= 0);
      continue;
    }
#endif
    if (e - p >= 8) {
      guint64 w;
      memcpy(&w, p, 8);
      w = GUINT64_FROM_LE(w);
      if ((w & G_GUINT64_CONSTANT(0xC0C0F0C0C0F0)) == G_GUINT64_CONSTANT(0x8080E08080E0) &&
          (plain3 >> (c & 15) & plain3 >> (p[3] & 15) & 1)) {
        if (decoded_lead(c))
          kinds |= clean_class(lead_decode(p));
        if (decoded_lead(p[3]))
          kinds |= clean_class(lead_decode(p + 3));
        halves += 4;
        p += 6;
        continue;
      }
    }
    if (e - p >= 4) {
      guint32 w;
      memcpy(&w, p, 4);
      w = GUINT32_FROM_LE(w);
      if ((w & 0xC0C0F0u) == 0x8080E0u && (plain3 >> (c & 15) & 1)) {
        if (decoded_lead(c))
          kinds |= clean_class(lead_decode(p));
        halves += 2;
        p += 3;
        continue;
      }
    }
    if (c < 0x80) {
      if (!c)
        return FALSE;
      kinds |= ascii_kind[c];
      halves++;
      p++;
      continue;
    }
    halves += c == 0xC2 && e - p >= 2 && p[1] == 0xA0 ? 1 : 2; /* NBSP is C2 A0 */
    gsize left = (gsize)(e - p);
    if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) {
      if (left < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80)
        return FALSE;
      if (decoded_lead(c))
        kinds |= clean_class(lead_decode(p));
      p += 3;
    } else if (c >= 0xC2 && c <= 0xDF) {
      if (left < 2 || (p[1] & 0xC0) != 0x80)
        return FALSE;
      if (c == 0xC2)
        kinds |= clean_class(lead_decode(p));
      p += 2;
    } else if (c == 0xE0 || c == 0xED) { /* no overlong form, no surrogate */
      if (left < 3 || (c == 0xE0 ? p[1] < 0xA0 || p[1] > 0xBF : p[1] < 0x80 || p[1] > 0x9F) ||
          (p[2] & 0xC0) != 0x80)
        return FALSE;
      p += 3;
    } else if (c >= 0xF0 && c <= 0xF4) { /* no overlong form, none past U+10FFFF */
      guchar lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
      if (left < 4 || p[1] < lo || p[1] > hi || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80)
        return FALSE;
      p += 4;
    } else {
      return FALSE;
    }
  }
  if (scan) {
    scan->markup = (kinds & ASCII_MARKUP) != 0;
    scan->halves = halves;
    scan->plain = !(kinds & (MB_CARE | MB_SPACE | ASCII_SPACE));
    scan->spaced = !(kinds & MB_CARE) && (kinds & (MB_SPACE | ASCII_SPACE));
    scan->ascii_spaces = (kinds & (MB_CARE | MB_SPACE | ASCII_SPACE)) == ASCII_SPACE;
    scan->punct = kinds & (ZS_PUNCT_CLAUSE | ZS_PUNCT_ARROW);
  }
  return TRUE;
}

/* The first space at or after q (a character's start), or e: sixteen bytes
 * at a time, each space found by its bytes as zs_normtext_space_len()
 * reads them (ASCII ones all below '!', as no other byte is in a spaced
 * line). */
static const guchar *next_space(const guchar *q, const guchar *e) {
#ifdef __SSE2__
  while (e - q >= 18) {
    __m128i v = _mm_loadu_si128((const __m128i *)q);
    __m128i v1 = _mm_loadu_si128((const __m128i *)(q + 1));
    __m128i v2 = _mm_loadu_si128((const __m128i *)(q + 2));
    __m128i m = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(' ')), v); /* <= ' ' */
    __m128i c2 = _mm_and_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xC2)),
                               _mm_cmpeq_epi8(v1, _mm_set1_epi8((char)0xA0)));
    __m128i e3 = _mm_and_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xE3)),
                               _mm_and_si128(_mm_cmpeq_epi8(v1, _mm_set1_epi8((char)0x80)),
                                             _mm_cmpeq_epi8(v2, _mm_set1_epi8((char)0x80))));
    /* E2 80 80-8A or AF, E2 81 9F */
    __m128i low = _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(v2, _mm_set1_epi8((char)0x8A)), v2),
                               _mm_cmpeq_epi8(v2, _mm_set1_epi8((char)0xAF)));
    __m128i e2 = _mm_and_si128(
        _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xE2)),
        _mm_or_si128(_mm_and_si128(_mm_cmpeq_epi8(v1, _mm_set1_epi8((char)0x80)), low),
                     _mm_and_si128(_mm_cmpeq_epi8(v1, _mm_set1_epi8((char)0x81)),
                                   _mm_cmpeq_epi8(v2, _mm_set1_epi8((char)0x9F)))));
    unsigned bits = (unsigned)_mm_movemask_epi8(
        _mm_or_si128(_mm_or_si128(m, c2), _mm_or_si128(e3, e2)));
    if (bits)
      return q + __builtin_ctz(bits);
    q += 16;
  }
#endif
  while (q < e && !zs_normtext_space_len(q, e))
    q++;
  return q;
}

/* next_space() for a text whose spaces are all ASCII: as clean found no
 * control but them (each would need care), every byte below '!' is one. */
static const guchar *next_ascii_space(const guchar *q, const guchar *e) {
#ifdef __SSE2__
  for (; e - q >= 16; q += 16) {
    __m128i v = _mm_loadu_si128((const __m128i *)q);
    unsigned bits = (unsigned)_mm_movemask_epi8(
        _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(' ')), v)); /* <= ' ' */
    if (bits)
      return q + __builtin_ctz(bits);
  }
#endif
  while (q < e && *q > ' ')
    q++;
  return q;
}

/* The spaces of s[0, len) as zs_normtext_into() treats them, for a line
 * whose characters need no care but its spaces (ZsCleanScan.spaced): each
 * run of them goes, but for one ' ' between two ASCII graphic characters
 * (what every other character reads as: itself). Not in headline mode.
 * Runs are found by their bytes (see zs_normtext_space_len()); every other
 * byte is copied. Returns what zs_normtext_into() returns: FALSE when the
 * text ends in a space run, whose fate depends on what follows. */
G_ALWAYS_INLINE static inline gboolean spaced(GString *o, const char *s, gsize len, gboolean ascii) {
  /* The text only shrinks, so it is written straight into o's buffer, with
   * room for sixteen bytes past its end: a piece between spaces is copied
   * in one sixteen-byte load and store when it fits (most do). */
  if (o->allocated_len < len + 17)
    g_string_set_size(o, len + 16);
  char *w = o->str;
  const guchar *p = (const guchar *)s, *e = p + len, *q = p;
  gboolean alone = TRUE;
  for (;;) {
    q = ascii ? next_ascii_space(q, e) : next_space(q, e);
#ifdef __SSE2__
    if (q - p <= 16 && e - p >= 16)
      _mm_storeu_si128((__m128i *)w, _mm_loadu_si128((const __m128i *)p));
    else
#endif
      memcpy(w, p, (gsize)(q - p));
    w += q - p;
    if (q == e)
      break;
    const guchar *run = q;
    if (ascii)
      while (q < e && *q <= ' ')
        q++;
    else
      for (guint k; q < e && (k = zs_normtext_space_len(q, e));)
        q += k;
    if (q == e) { /* only spaces: alone, as leading ones */
      alone = run == (const guchar *)s;
      break;
    }
    if (run > (const guchar *)s && is_ascii_graph(run[-1]) && is_ascii_graph(*q))
      *w++ = ' ';
    p = q;
  }
  o->len = (gsize)(w - o->str);
  o->str[o->len] = '\0';
  return alone;
}

gboolean zs_normtext_spaced(GString *o, const char *s, gsize len) {
  return spaced(o, s, len, FALSE);
}

gboolean zs_normtext_spaced_ascii(GString *o, const char *s, gsize len) {
  return spaced(o, s, len, TRUE);
}

GString *zs_normtext_run(const char *s, gsize len, gboolean keep_phrase_space, gsize *marks,
                         guint n_marks) {
  GString *o = g_string_sized_new(len + 8);
  zs_normtext_into(o, s, len, keep_phrase_space, marks, n_marks, NULL);
  return o;
}

char *zs_norm_text(const char *s, gssize len) {
  g_return_val_if_fail(s != NULL, NULL);
  gsize n = len < 0 ? strlen(s) : (gsize)len;
  if (!g_utf8_validate(s, n, NULL)) { /* never read past a broken tail */
    g_autofree char *valid = g_utf8_make_valid(s, n);
    return g_string_free(zs_normtext_run(valid, strlen(valid), FALSE, NULL, 0), FALSE);
  }
  return g_string_free(zs_normtext_run(s, n, FALSE, NULL, 0), FALSE);
}

