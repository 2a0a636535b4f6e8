/* normtext.c: the character-level convention, zs_norm_text().
 *
 * What "normalized" means for one string (full-width forms, ASCII
 * punctuation next to Chinese text, spaces), apart from the reflow of lines
 * into paragraphs that normalize.c does around it. The convention is
 * written out in stages/README.md. The checks and fast paths for the
 * lines most input is (plain and spaced lines) are in normtext_fast.c;
 * what both ask of a character, in normtext_int.h.
 */
#include "normtext.h"
#include "normtext_int.h"

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

static gboolean is_ascii_digit_like(gunichar c) {
  return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
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

