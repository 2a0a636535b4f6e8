/* normtext_fast.c: the normalizer's checks and fast paths for the lines
 * most input is, apart from the convention itself (normtext.c).
 *
 * zs_normtext_clean() checks that a line is valid UTF-8 and, from the same
 * bytes, what zs_normtext_into() would make of it: nothing (a plain line,
 * most of Chinese text), or only its spaces taken out (a spaced line),
 * which zs_normtext_spaced() and zs_normtext_spaced_ascii() then do in one
 * pass. Both ask the same questions of a character as normtext.c does
 * (normtext_int.h), so the output is the same as the full pass's.
 */
#include "normtext.h"
#include "normtext_int.h"

#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

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

/* The sixteen bytes at p (eighteen readable, p a character's start) when
 * they are ASCII other than NUL and two- and three-byte characters whose
 * three-byte leads are E1-EC, EE or EF (no overlong form or surrogate is
 * led by them; E0 and ED are): each lead followed by its continuation
 * bytes (80-BF), each continuation byte claimed by a lead, the last
 * character allowed to end in bytes 16 and 17. This is Chinese text with
 * digits and Latin letters in it, which five_plain3() turns away. Returns
 * the bytes they take (16 to 18), or 0 when they are not such. Adds their
 * width to *halves (NBSP counted as 2) and sets *spec to a bit for each
 * byte that zs_normtext_clean() must look at: ASCII below '@' but the
 * digits (every byte ascii_kind marks is among them) and the leads C2, E2,
 * E3, EF that zs_normtext_into() decodes. */
G_ALWAYS_INLINE static inline guint clean16(const guchar *p, __m128i *halves, unsigned *spec) {
  /* bytes told by signed compares: ASCII 01-7F above 0, continuation bytes
   * 80-BF below -64, leads C2-DF in [-62, -33], E1-EF in [-31, -17] */
  const __m128i zero = _mm_setzero_si128(), cont_top = _mm_set1_epi8((char)0xC0);
  __m128i v = _mm_loadu_si128((const __m128i *)p);
  __m128i v2 = _mm_loadu_si128((const __m128i *)(p + 2));
  __m128i asciiv = _mm_cmpgt_epi8(v, zero);
  __m128i leadv = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8((char)0xC1)),
                                _mm_cmpgt_epi8(_mm_set1_epi8((char)0xF0), v));
  leadv = _mm_andnot_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xE0)),
                                        _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xED))),
                           leadv);
  unsigned ascii = (unsigned)_mm_movemask_epi8(asciiv);
  unsigned c = (unsigned)_mm_movemask_epi8(_mm_cmpgt_epi8(cont_top, v));
  unsigned c2 = (unsigned)_mm_movemask_epi8(_mm_cmpgt_epi8(cont_top, v2));
  unsigned lead = (unsigned)_mm_movemask_epi8(leadv);
  unsigned l3 = lead & (unsigned)_mm_movemask_epi8(_mm_cmpgt_epi8(v, _mm_set1_epi8((char)0xDF)));
  /* the continuation bytes the leads claim, and those there are (bits 16
   * and 17 from the load at p + 2) */
  unsigned need = (lead << 1) | (l3 << 2);
  unsigned have = c | (c2 << 2);
  if ((ascii | c | lead) != 0xFFFFu || ((have ^ need) & (0xFFFFu | need)))
    return 0;
  /* a superset of the bytes ascii_kind may mark: ASCII below '@' but the
   * digits; and the leads C2, E2, E3, EF */
  __m128i m = _mm_andnot_si128(
      _mm_cmpeq_epi8(_mm_min_epu8(_mm_sub_epi8(v, _mm_set1_epi8('0')), _mm_set1_epi8(9)),
                     _mm_sub_epi8(v, _mm_set1_epi8('0'))),                /* 0-9 */
      _mm_and_si128(asciiv, _mm_cmpgt_epi8(_mm_set1_epi8('@'), v)));     /* 01-3F */
  m = _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xC2)));
  m = _mm_or_si128(m, _mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8((char)0xFE)),
                                     _mm_set1_epi8((char)0xE2))); /* E2 E3 */
  m = _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xEF)));
  *spec = (unsigned)_mm_movemask_epi8(m);
  /* the width, summed by psadbw: 1 for each ASCII byte, 2 for each lead */
  __m128i w = _mm_sub_epi8(_mm_sub_epi8(zero, asciiv), _mm_add_epi8(leadv, leadv));
  *halves = _mm_add_epi64(*halves, _mm_sad_epu8(w, zero));
  /* need >> 16 is 0, 1 (a character ends at byte 16) or 3 (at byte 17) */
  return 16 + (need >> 16) - (need >> 17);
}

/* The bytes at p (eighteen readable) that zs_normtext_clean() takes at
 * once: five three-byte characters when they are such (most of Chinese
 * text), else what clean16() takes; 0 when neither. */
G_ALWAYS_INLINE static inline guint block(const guchar *p, __m128i *halves, unsigned *spec) {
  int five = five_plain3(p);
  if (five >= 0) {
    *spec = (unsigned)five;
    *halves = _mm_add_epi64(*halves, _mm_cvtsi32_si128(10));
    return 15;
  }
  return clean16(p, halves, spec);
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

/* clean_class() of the three-byte character at q (led by E2, E3 or EF),
 * read off its bytes where it can be: most marks of Chinese text lie on
 * three pages of 64 characters, U+2000-203F (E2 80 xx: quotes, dashes, …),
 * U+3000-303F (E3 80 xx: 、。 and the brackets) and U+FF00-FF3F (EF BC xx:
 * ，：；！？（）), whose classes are tables by the last byte. They are
 * clean_class() written out (test_normtext /normtext/page-class compares
 * every character of the pages with it); other characters are decoded. */
static const guint32 page_2000[64] = {
    MB_SPACE, MB_SPACE, MB_SPACE, MB_SPACE, MB_SPACE, MB_SPACE, MB_SPACE, MB_SPACE,
    MB_SPACE, MB_SPACE, MB_SPACE, MB_CARE, /* U+2000-200A spaces, 200B dropped */
    [0x26] = ZS_PUNCT_ELLIPSIS, [0x2F] = MB_SPACE, [0x3A] = ZS_PUNCT_ARROW};
static const guint32 page_3000[64] = {MB_SPACE, ZS_PUNCT_ENUM, ZS_PUNCT_STOP};
static const guint32 page_ff00[64] = {
    [0x01] = ZS_PUNCT_EXCLAIM, [0x05] = MB_CARE, [0x0B] = MB_CARE, [0x0C] = ZS_PUNCT_COMMA,
    [0x0D] = MB_CARE, [0x0E] = MB_CARE, /* ％ ＋ － ． */
    [0x10] = MB_CARE, MB_CARE, MB_CARE, MB_CARE, MB_CARE, MB_CARE, MB_CARE, MB_CARE,
    MB_CARE, MB_CARE, /* ０-９ */
    [0x1A] = ZS_PUNCT_COLON, [0x1B] = ZS_PUNCT_SEMI, [0x1E] = ZS_PUNCT_ARROW,
    [0x1F] = ZS_PUNCT_QUESTION,
    [0x21] = MB_CARE, MB_CARE, MB_CARE, MB_CARE, MB_CARE, MB_CARE, MB_CARE, MB_CARE, MB_CARE,
    MB_CARE, MB_CARE, MB_CARE, MB_CARE, MB_CARE, MB_CARE, MB_CARE, MB_CARE, MB_CARE, MB_CARE,
    MB_CARE, MB_CARE, MB_CARE, MB_CARE, MB_CARE, MB_CARE, MB_CARE /* Ａ-Ｚ */};

G_ALWAYS_INLINE static inline guint page_class(const guchar *q) {
  if (q[1] == 0x80 && q[0] == 0xE3)
    return page_3000[q[2] & 63];
  if (q[1] == 0xBC && q[0] == 0xEF)
    return page_ff00[q[2] & 63];
  if (q[1] == 0x80 && q[0] == 0xE2)
    return page_2000[q[2] & 63];
  return clean_class(lead_decode(q));
}

/* For the test: does page_class() answer as clean_class() for every
 * character of the three pages? */
gboolean zs_normtext_page_class_agrees(void) {
  static const gunichar pages[] = {0x2000, 0x3000, 0xFF00};
  for (guint i = 0; i < G_N_ELEMENTS(pages); i++)
    for (gunichar c = pages[i]; c < pages[i] + 64; c++) {
      char b[4];
      g_unichar_to_utf8(c, b);
      if (page_class((const guchar *)b) != clean_class(c))
        return FALSE;
    }
  return TRUE;
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
#ifdef __SSE2__
  __m128i wide = _mm_setzero_si128(); /* halves of the 16-byte blocks, two sums */
#endif
  /* the lead bytes E1-EC, EE and EF, by their low four bits: no overlong
   * form or surrogate is led by them (E0 and ED are) */
  const guint plain3 = 0xDFFEu;
  /* ... and among them those zs_normtext_into() decodes: E2, E3, EF */
  const guint decoded3 = 0x800Cu;
  while (p < e) {
    guchar c = p[0];
#ifdef __SSE2__
    /* fifteen or sixteen bytes at a time (block()) while eighteen are
     * left; NBSP (C2 A0), the one character of half a column that is not
     * ASCII, is among the decoded leads and taken off there */
    guint step;
    unsigned spec;
    if (e - p >= 18 && (step = block(p, &wide, &spec))) {
      do {
        for (; spec; spec &= spec - 1) {
          const guchar *q = p + __builtin_ctz(spec);
          if (*q < 0x80) {
            kinds |= ascii_kind[*q];
          } else if (*q != 0xC2) {
            kinds |= page_class(q);
          } else {
            kinds |= clean_class(lead_decode(q));
            halves -= q[1] == 0xA0;
          }
        }
        p += step;
      } while (e - p >= 18 && (step = block(p, &wide, &spec)));
      continue;
    }
#endif
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
    if (e - p >= 8) {
      guint64 w;
      memcpy(&w, p, 8);
      w = GUINT64_FROM_LE(w);
      if ((w & G_GUINT64_CONSTANT(0xC0C0F0C0C0F0)) == G_GUINT64_CONSTANT(0x8080E08080E0) &&
          (plain3 >> (c & 15) & plain3 >> (p[3] & 15) & 1)) {
        if ((decoded3 >> (c & 15) | decoded3 >> (p[3] & 15)) & 1) { /* seldom */
          if (decoded3 >> (c & 15) & 1)
            kinds |= page_class(p);
          if (decoded3 >> (p[3] & 15) & 1)
            kinds |= page_class(p + 3);
        }
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
        if (decoded3 >> (c & 15) & 1)
          kinds |= page_class(p);
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
        kinds |= page_class(p);
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
#ifdef __SSE2__
  halves += (gsize)_mm_cvtsi128_si64(wide) + (gsize)_mm_cvtsi128_si64(_mm_unpackhi_epi64(wide, wide));
#endif
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
 * control but them (each would need care), every byte below '!' is one.
 * The text starts at s: the last bytes are read in the sixteen that end
 * at e, those before q masked off, when the text has sixteen. */
static const guchar *next_ascii_space(const guchar *q, const guchar *e, const guchar *s) {
#ifdef __SSE2__
  for (; e - q >= 16; q += 16) {
    __m128i v = _mm_loadu_si128((const __m128i *)q);
    unsigned bits = (unsigned)_mm_movemask_epi8(
        _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(' ')), v)); /* <= ' ' */
    if (bits)
      return q + __builtin_ctz(bits);
  }
  if (q < e && e - s >= 16) {
    const guchar *b = e - 16;
    __m128i v = _mm_loadu_si128((const __m128i *)b);
    unsigned bits = (unsigned)_mm_movemask_epi8(
                        _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(' ')), v)) >>
                    (q - b);
    return bits ? q + __builtin_ctz(bits) : e;
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
   * in one sixteen-byte load and store when it fits (most do), a longer
   * one sixteen bytes at a time, the last sixteen ending where it ends. */
  if (o->allocated_len < len + 17)
    g_string_set_size(o, len + 16);
  char *w = o->str;
  const guchar *p = (const guchar *)s, *e = p + len, *q = p;
  gboolean alone = TRUE;
  for (;;) {
    q = ascii ? next_ascii_space(q, e, (const guchar *)s) : next_space(q, e);
#ifdef __SSE2__
    if (q - p <= 16 && e - p >= 16) {
      _mm_storeu_si128((__m128i *)w, _mm_loadu_si128((const __m128i *)p));
    } else if (q - p > 16) {
      gsize k = (gsize)(q - p), i = 0;
      for (; i + 16 < k; i += 16)
        _mm_storeu_si128((__m128i *)(w + i), _mm_loadu_si128((const __m128i *)(p + i)));
      _mm_storeu_si128((__m128i *)(w + k - 16), _mm_loadu_si128((const __m128i *)(p + k - 16)));
    } else
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
