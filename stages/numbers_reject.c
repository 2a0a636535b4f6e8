/* numbers_reject.c: turning away, before it is decoded, a sentence that
 * cannot yield a quantity.
 *
 * Most sentences hold no numeral, and most of those that do hold one only
 * inside a word (一些, 统一, 十八大, 一个): two byte passes tell them apart
 * from the others, so that numbers.c decodes and reads only the rest.
 * Kept apart from numbers.c's grammar, though they answer for it: each
 * says below why it never turns away a sentence with a quantity, and
 * test_numbers checks that on the corpus and on made-up strings. A figure
 * surely dropped whatever its unit (第三次, 这四张, 三位一体) gives no
 * reason to read on (dropped_figure()); and the second pass also says
 * where the scan may start, past the figures before the first word one
 * can take (scan_may_start()).
 */
#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "numbers_int.h"

/* Past the three-byte characters from p on while none has `flag`
 * (ZS_NW_START or ZS_NW_END) in numwords' three_flags at its slot
 * c % 1024: what the rejects' loops do one character at a time. Stops at
 * a character start: the first of another length or with the flag, or
 * the end. Five at a time (fifteen of sixteen bytes) while it can: a
 * five's first bytes (0 3 6 9 12) start three-byte characters when their
 * high nibbles are all E; the slot of each, (second byte & 0x0F) << 6 |
 * (third byte & 0x3F), is made in the 16-bit lanes of the bytes and of
 * the bytes one place on, and the five read out of their lanes (bytes 1
 * 4 7 10 13). */
static inline const guchar *skip_three(const guint8 *flags, guint8 flag, const guchar *p,
                                       const guchar *end) {
#ifdef __SSE2__
  const __m128i nib = _mm_set1_epi8((char)0xF0), e = _mm_set1_epi8((char)0xE0);
  const __m128i low4 = _mm_set1_epi16(0x0F), low6 = _mm_set1_epi16(0x3F);
  while (end - p >= 16) {
    __m128i v = _mm_loadu_si128((const __m128i *)p);
    unsigned leads = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(v, nib), e));
    if ((leads & 0x1249) != 0x1249)
      break;
    __m128i w = _mm_srli_si128(v, 1);
    __m128i sv = _mm_or_si128(_mm_slli_epi16(_mm_and_si128(v, low4), 6),
                              _mm_and_si128(_mm_srli_epi16(v, 8), low6));
    __m128i sw = _mm_or_si128(_mm_slli_epi16(_mm_and_si128(w, low4), 6),
                              _mm_and_si128(_mm_srli_epi16(w, 8), low6));
    if ((flags[_mm_extract_epi16(sw, 0)] | flags[_mm_extract_epi16(sv, 2)] |
         flags[_mm_extract_epi16(sw, 3)] | flags[_mm_extract_epi16(sv, 5)] |
         flags[_mm_extract_epi16(sw, 6)]) & flag)
      break;
    p += 15;
  }
#endif
  /* Then one at a time: the last bytes, and the characters of the five
   * before the one that stopped it. */
  while (p + 3 <= end && (p[0] & 0xF0) == 0xE0 && !(flags[(p[1] & 0x0F) << 6 | (p[2] & 0x3F)] & flag))
    p += 3;
  return p;
}

/* The byte offset of the first character of s that passes
 * numeral_start(), or -1. Every Chinese digit and power is a three-byte
 * character, and numbers.c's scan tries nothing but numeral starts, so
 * nothing is missed by starting there. */
gssize zs_num_first_numeral(const ZsNumWords *x, const char *s, gsize len) {
  const guchar *end = (const guchar *)s + len;
  for (const guchar *p = skip_three(x->three_flags, ZS_NW_START, (const guchar *)s, end); *p;) {
    guchar b = *p;
    if (b < 0x80) {
      if (b >= '0' && b <= '9')
        return (gssize)(p - (const guchar *)s);
      p++;
    } else if (b >= 0xE0 && b < 0xF0) {
      /* start_bits' bit c % 1024 stands in the last two bytes: decode only after. */
      if (x->start_bits[p[1] & 0x0F] & (G_GUINT64_CONSTANT(1) << (p[2] & 0x3F))) {
        gunichar c = ((gunichar)(b & 0x0F) << 12) | ((gunichar)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
        if (numeral_start(x, c))
          return (gssize)(p - (const guchar *)s);
      }
      p = skip_three(x->three_flags, ZS_NW_START, p + 3, end);
    } else {
      p += b < 0xE0 ? 2 : 4;
    }
  }
  return -1;
}

/* What may_yield() needs to know of a character. CH_NUM: what a numeral
 * can end with (an Arabic or Chinese digit, a power, 余 多 几); CH_YI: 一
 * or 两, which are that too; CH_BARE: 百 千 万 or 亿 starting a run of
 * them, with no qualifier word before it, which is that too. */
enum { CH_OTHER, CH_NUM, CH_YI, CH_BARE };

#define BIT64(c) (G_GUINT64_CONSTANT(1) << ((c) % 64))

static inline int char_class(const ZsNumWords *x, gunichar c) {
  if (c == 0x4E00 || c == 0x4E24)
    return CH_YI;
  if (c == 0x4F59 || c == 0x591A || c == 0x51E0 || numeral_start(x, c))
    return CH_NUM;
  return CH_OTHER;
}

/* The first word of x (in list order) at p, whose first character c is
 * of three bytes: what numbers.c's index_match() finds there. */
static const ZsWordEntry *first_word_at(const ZsWordIndex *x, gunichar c, const guchar *p) {
  const ZsWordEntry *e, *end = zs_numwords_run(x, c, &e);
  for (; e < end; e++) {
    const guchar *w = (const guchar *)e->word + 3, *q = p + 3;
    while (*w && *w == *q)
      w++, q++;
    if (!*w)
      return e;
  }
  return NULL;
}

/* Does a word of x start at p (whose first character is c, of three
 * bytes)? */
static gboolean word_at(const ZsWordIndex *x, gunichar c, const guchar *p) {
  return first_word_at(x, c, p) != NULL;
}

/* Is p (a 年) right after four Arabic digits that a numeral starts with,
 * nothing before them that a numeral reads (a digit, point, comma, space,
 * Chinese numeral)? Then that numeral is those four digits, a year
 * (Numeral.integer4): read_quantity() drops it with the unit 年, the one
 * unit that starts with 年, and no person noun starts with 年 (while
 * x->year_rule says so of the lists); a not-unit there (年代, 年龄) leaves
 * it with no unit, and it is no range's low bound without one. The year
 * is the most common numeral in news text. */
static gboolean after_year(const ZsNumWords *x, const guchar *s, const guchar *p) {
  if (p - s < 4)
    return FALSE;
  for (int k = 1; k <= 4; k++)
    if (p[-k] < '0' || p[-k] > '9')
      return FALSE;
  const guchar *q = p - 4;
  if (q == s)
    return TRUE;
  guchar b = q[-1];
  if (b < 0x80)
    return !(b >= '0' && b <= '9') && b != '.' && b != ',' && b != ' ';
  if (q - s < 3 || q[-3] < 0xE0 || q[-3] >= 0xF0)
    return FALSE;
  gunichar c = ((gunichar)(q[-3] & 0x0F) << 12) | ((gunichar)(q[-2] & 0x3F) << 6) | (q[-1] & 0x3F);
  return char_class(x, c) == CH_OTHER;
}

/* Does one of the prefix qualifier words (numbers.c) end right before p?
 * Each ends in one of these characters. */
static gboolean after_qualifier(const guchar *s, const guchar *p) {
  if (p - s < 3 || (p[-3] & 0xF0) != 0xE0 || (p[-2] & 0xC0) != 0x80 || (p[-1] & 0xC0) != 0x80)
    return FALSE;
  switch (((gunichar)(p[-3] & 0x0F) << 12) | ((gunichar)(p[-2] & 0x3F) << 6) | (p[-1] & 0x3F)) {
  case 0x8FD1: case 0x7EA6: case 0x8FC7: case 0x4E8E: case 0x7834: /* 近 约 过 于 破 */
  case 0x5230: case 0x8DB3: case 0x8D85: case 0x903E:               /* 到 足 超 逾 */
    return TRUE;
  default:
    return FALSE;
  }
}

/* Does p start one of the n words of w (but the one at `except`)? */
static gboolean starts_any(const guchar *p, const char *const *w, gsize n, gsize except) {
  for (gsize k = 0; k < n; k++) {
    const guchar *a = (const guchar *)w[k], *q = p;
    while (*a && *a == *q)
      a++, q++;
    if (!*a && k != except)
      return TRUE;
  }
  return FALSE;
}

/* What x->year_rule says of 年, for 岁: the one unit that starts with 岁
 * is 岁 (an age, ZS_UNIT_AGE), and no person noun starts with 岁. Read off
 * the lists once. */
static gboolean age_rule(const ZsNumWords *x) {
  static gsize once = 0;
  static gboolean rule;
  if (g_once_init_enter(&once)) {
    const ZsWordEntry *u, *uend = zs_numwords_run(&x->units, 0x5C81, &u);
    const ZsWordEntry *pe, *pend = zs_numwords_run(&x->persons, 0x5C81, &pe);
    rule = uend - u == 1 && strcmp(u->word, "岁") == 0 &&
           (x->unit_flags[u->index] & ZS_UNIT_AGE) && pend == pe;
    g_once_init_leave(&once, 1);
  }
  return rule;
}

/* The code point of the three-byte character at p. */
static inline gunichar cp3(const guchar *p) {
  return ((gunichar)(p[0] & 0x0F) << 12) | ((gunichar)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
}

/* Is the character at p (c, a numeral's first) covered by a set phrase?
 * What numbers.c's in_set_phrase() says there, read off the bytes: a
 * phrase holding c at its place k starts k characters back; those are
 * 3k bytes back when the phrase's first k characters are of three bytes
 * each, and a phrase whose bytes stand there starts at a character
 * (its first byte leads one) and holds the text's characters. Phrases
 * with other characters before c's place are passed over (a no, which
 * only lets the sentence by). */
static gboolean set_phrase_at(const ZsNumWords *x, const guchar *s, const guchar *p, gunichar c) {
  for (guint32 places = x->set_places[c % 1024]; places; places &= places - 1) {
    guint k = (guint)__builtin_ctz(places);
    if ((gsize)(p - s) < 3 * k)
      break;
    const guchar *b = p - 3 * k;
    if ((b[0] & 0xF0) != 0xE0)
      continue;
    const ZsWordEntry *e, *end = zs_numwords_run(&x->set_phrases, cp3(b), &e);
    for (; e < end; e++) {
      if (e->chars <= k || g_utf8_offset_to_pointer(e->word, k) != e->word + 3 * k)
        continue;
      const guchar *w = (const guchar *)e->word, *q = b;
      while (*w && *w == *q)
        w++, q++;
      if (!*w)
        return TRUE;
    }
  }
  return FALSE;
}

/* Is the figure whose numeral starts at p (after a CH_OTHER character,
 * so that no numeral reaches p from before: a numeral holds digits,
 * powers, 余 多 几 after them and the separators inside Arabic numbers,
 * never a CH_OTHER character before a Chinese one) surely dropped,
 * whatever its unit? Returns the end of its numeral, where its unit
 * would stand, or NULL (not known to be: the caller reads on as before).
 * Only numerals that zs_num_parse_numeral() reads whole and without fail
 * are taken, each followed by a three-byte CH_OTHER character (no digit,
 * power, 余 多 or 几, which would carry the numeral on): Arabic digits,
 * one Chinese digit, [digit]十[digit] (digits 1 to 9), or one or two
 * other powers (百, 亿万: too small to overflow), not 百分之. The scanner
 * starts a figure at p (the byte before is no '.' or ','), reads that
 * numeral and goes on after it, so the unit there is this figure's and
 * no other's. It is dropped (read_quantity()), whatever follows the
 * unit, when:
 *   - 第 stands right before it (an ordinal: 第三次, 第12名, 第二十一次;
 *     no qualifier word ends in 第, so it is the figure's `before`);
 *   - a Chinese digit alone follows 这 那 该 or 此 (这四张: Chinese, no
 *     power, no Arabic digit);
 *   - its first character is covered by a set phrase (三位一体, 城乡二元,
 *     亿万, 百姓): in_set_phrase() asks it of the numeral's start;
 *   - the first unit at the end (the one match_unit() takes), no not-unit
 *     there, is a category unit after a Chinese digit alone (三个子女,
 *     value under 100, no power), or is 个 after [digit]十[digit] (十个方面:
 *     value under 100, exponent 0, a power, not bare). */
static const guchar *dropped_figure(const ZsNumWords *x, const guchar *s, const guchar *p,
                                    gunichar c) {
  if (p > s && (p[-1] == '.' || p[-1] == ','))
    return NULL;
  const guchar *q = p;
  gboolean arabic = FALSE, ten = FALSE, one = FALSE;
  if (*p >= '0' && *p <= '9') {
    while (*q >= '0' && *q <= '9')
      q++;
    arabic = TRUE;
  } else {
    int d = cn_digit(x, c), pw = cn_power(x, c);
    if (d < 0 && pw == 0)
      return NULL; /* 余 多 几 */
    if (c == 0x767E && strncmp((const char *)p, "百分之", 9) == 0)
      return NULL; /* its numeral starts after 之 */
    ten = pw == 1;
    q = p + 3;
    if (d >= 1 && d <= 9 && (q[0] & 0xF0) == 0xE0 && cn_power(x, cp3(q)) == 1) {
      ten = TRUE; /* the digit before 十 */
      q += 3;
    }
    if (ten) {
      if ((q[0] & 0xF0) == 0xE0) {
        int d2 = cn_digit(x, cp3(q));
        if (d2 >= 1 && d2 <= 9)
          q += 3;
      }
    } else if (pw > 1 && (q[0] & 0xF0) == 0xE0 && cn_power(x, cp3(q)) > 0) {
      q += 3; /* two powers (亿万): no overflow */
    }
    one = pw == 0 && !ten;
  }
  /* q: what follows the numeral, which must end it. */
  if ((q[0] & 0xF0) != 0xE0)
    return NULL;
  gunichar cq = cp3(q);
  if (char_class(x, cq) != CH_OTHER)
    return NULL;
  gunichar before = p - s >= 3 && (p[-3] & 0xF0) == 0xE0 ? cp3(p - 3) : 0;
  if (before == 0x7B2C) /* 第 */
    return q;
  if (arabic)
    return NULL;
  if (one && (before == 0x8FD9 || before == 0x90A3 || before == 0x8BE5 || before == 0x6B64))
    return q; /* 这 那 该 此 */
  if (set_phrase_at(x, s, p, c))
    return q;
  const ZsWordEntry *u = first_word_at(&x->units, cq, q);
  if (!u || word_at(&x->not_units, cq, q))
    return NULL;
  guint uf = x->unit_flags[u->index];
  if (uf & ZS_UNIT_CHENG)
    return NULL;
  if (one ? (uf & ZS_UNIT_CATEGORY) != 0 : ten && (uf & ZS_UNIT_GE) != 0)
    return q;
  return NULL;
}

/* The unit words with a numeral start after their first character
 * (个百分点, 平方千米): the one way a figure before a run can reach into
 * it (scan_may_start()). Found once; `known` FALSE when there are more
 * than the room here (then every scan starts at the first numeral). */
typedef struct {
  const char *word;
  gsize len;
  gsize at; /* the byte offset in it of such a numeral start */
} InnerUnit;

static struct {
  InnerUnit u[8];
  guint n;
  gboolean known;
} inner;

static gpointer find_inner_units(gpointer data) {
  const ZsNumWords *x = data;
  inner.known = TRUE;
  for (gsize k = 0; k < zs_numwords_n_units; k++) {
    const char *w = zs_numwords_units[k].written;
    for (const char *p = g_utf8_next_char(w); *p; p = g_utf8_next_char(p)) {
      if (!numeral_start(x, g_utf8_get_char(p)))
        continue;
      if (inner.n == G_N_ELEMENTS(inner.u)) {
        inner.known = FALSE;
        return NULL;
      }
      inner.u[inner.n++] = (InnerUnit){w, strlen(w), (gsize)(p - w)};
    }
  }
  return NULL;
}

/* May numbers.c's scan start at r, the start of the run where
 * zs_num_may_yield() met the first word a figure can take, instead of at
 * the first numeral (what passing over the figures before it saves)?
 * Yes when every figure before r yields nothing and touches none from r
 * on, and the scan from the first numeral starts a figure at r:
 *   - before r, no figure has a word of its own (zs_num_may_yield() met
 *     none that it did not prove dropped), so each yields only as a
 *     range's low bound, through a chain of bounds; and only such a
 *     chain's links reach a later figure (its unit, or a 岁 that drops
 *     it). A link from a figure before r to one from r on would put its
 *     separator right before r (turned away below: 到 至 — – - ~ ～), or
 *     have a unit reach into r from before: only a unit word with a
 *     numeral start inside can (个百分点, 平方千米), and one standing over
 *     r is turned away below;
 *   - r follows a CH_OTHER character, which no numeral holds but the
 *     separators inside Arabic numbers (',' '.' ' ', turned away below,
 *     as the scanner's "never start inside" asks of ',' and '.'), so no
 *     figure's numeral reaches r and the scan stops there, as its own
 *     first place. The Holds are read from the sentence's start whatever
 *     the figures are. */
static gboolean scan_may_start(const ZsNumWords *x, const guchar *s, const guchar *r) {
  static GOnce once = G_ONCE_INIT;
  g_once(&once, find_inner_units, (gpointer)x);
  if (!inner.known)
    return FALSE;
  guchar b = r[-1]; /* r is no first numeral, so something stands before it */
  if (b == ',' || b == '.' || b == ' ' || b == '-' || b == '~')
    return FALSE;
  if (r - s >= 3 && (r[-3] & 0xF0) == 0xE0) {
    switch (cp3(r - 3)) {
    case 0x5230: case 0x81F3: case 0x2014: case 0x2013: case 0xFF5E: /* 到 至 — – ～ */
      return FALSE;
    default:
      break;
    }
  }
  for (guint k = 0; k < inner.n; k++) {
    const InnerUnit *u = &inner.u[k];
    if ((gsize)(r - s) >= u->at && memcmp(r - u->at, u->word, u->at) == 0 &&
        strncmp((const char *)r, u->word + u->at, u->len - u->at) == 0)
      return FALSE;
  }
  return TRUE;
}

/* Can s, from byte `from` (its first numeral start) on, yield a quantity?
 * Most sentences with a numeral yield none (一些, 统一, 十八大): they are
 * turned away before they are decoded. What keeps this exact: a quantity
 * is kept only with a unit, its own or (a range's low bound) its high
 * bound's, and read_quantity() (numbers.c) finds one only as 百分之 before the
 * numeral, or as a measure word or person noun right where the numeral
 * ends, after a CH_NUM character (zs_num_parse_numeral() consumes nothing
 * else but the separators inside Arabic numbers). A lone 一 or 两 (no
 * CH_NUM character on either side) before a word other than 倍 and the %
 * units (% 成) is dropped whatever the word: it is no evidence. So is a
 * lone 百 千 万 or 亿 with no qualifier word before it (近万人; a bare
 * numeral, Numeral.bare, but for 百万 千万 and the like, two characters),
 * and a figure of the unit 年 followed by an anchor (12年前, 多年来: what
 * x->year_rule says of 年 makes 年 its unit, or it has none), and one of
 * the unit 岁 followed by a threshold (3岁以下; age_rule()). 余 多 and
 * 几 after a character that is no numeral's are CH_OTHER: the numeral
 * reader takes them only after a digit or a power (更多人, 这几年). Not-units
 * (部门) are not looked at: the test only has to let every quantity by. */
gboolean zs_num_may_yield(const ZsNumWords *x, const char *s, gsize len, gsize from,
                          gsize *start) {
  /* No numeral starts before `from`, so none reaches across it: what
   * stands before counts as CH_OTHER. */
  int prev = CH_OTHER, prev2 = CH_OTHER;
  const guchar *end = (const guchar *)s + len;
  /* Where the run of numeral characters now read began (a numeral start
   * after a CH_OTHER character: a figure's start), and what
   * dropped_figure() says of it once asked. A word met at a place of the
   * run or right after it cannot give a figure its unit when the run's
   * figure is surely dropped: no other figure starts inside its numeral
   * or ends where it ends. */
  const guchar *run = (const guchar *)s + from, *run_end = NULL;
  gboolean run_asked = FALSE;
  for (const guchar *p = (const guchar *)s + from; *p;) {
    guchar b = *p;
    int cls;
    if (b < 0x80) {
      if (b == '%' && prev != CH_OTHER) {
        *start = run > (const guchar *)s + from && scan_may_start(x, (const guchar *)s, run)
                     ? (gsize)(run - (const guchar *)s)
                     : from;
        return TRUE;
      }
      if (b >= '0' && b <= '9' && prev == CH_OTHER) {
        run = p;
        run_asked = FALSE;
      }
      cls = b >= '0' && b <= '9' ? CH_NUM : CH_OTHER;
      p++;
    } else if (b >= 0xE0 && b < 0xF0) {
      /* After a CH_OTHER character, one that end_bits turns away is
       * CH_OTHER too, and passed undecoded. */
      if (prev == CH_OTHER && !(x->end_bits[p[1] & 0x0F] & BIT64(p[2] & 0x3F))) {
        prev2 = CH_OTHER;
        p = skip_three(x->three_flags, ZS_NW_END, p + 3, end);
        continue;
      }
      gunichar c = ((gunichar)(b & 0x0F) << 12) | ((gunichar)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
      cls = char_class(x, c);
      if (cls == CH_NUM && prev == CH_OTHER) {
        if (c == 0x4F59 || c == 0x591A || c == 0x51E0) /* 余 多 几 */
          cls = CH_OTHER;
        else if ((c == 0x767E || c == 0x5343 || c == 0x4E07 || c == 0x4EBF) && /* 百 千 万 亿 */
                 !after_qualifier((const guchar *)s, p))
          cls = CH_BARE;
      }
      if (prev == CH_OTHER && cls != CH_OTHER) {
        run = p;
        run_asked = FALSE;
      }
      if (prev != CH_OTHER) {
        gboolean lone = prev == CH_YI && prev2 == CH_OTHER && cls == CH_OTHER &&
                        c != 0x500D && c != 0x6210; /* 倍 成 */
        gboolean bare = prev == CH_BARE && cls == CH_OTHER;
        gboolean year = c == 0x5E74 /* 年 */ && x->year_rule &&
                        (after_year(x, (const guchar *)s, p) ||
                         starts_any(p + 3, zs_num_year_anchors, zs_num_n_year_anchors,
                                    ZS_NUM_YEAR_ANCHOR_CHU));
        gboolean age = c == 0x5C81 /* 岁 */ && age_rule(x) &&
                       starts_any(p + 3, zs_num_age_thresholds, zs_num_n_age_thresholds, G_MAXSIZE);
        if (!lone && !bare && !year && !age &&
            (word_at(&x->units, c, p) || word_at(&x->persons, c, p))) {
          /* A word here after a figure surely dropped (asked once a run,
           * only here: most runs meet no word) belongs to it alone. */
          if (!run_asked) {
            run_end = dropped_figure(x, (const guchar *)s, run, *run < 0x80 ? *run : cp3(run));
            run_asked = TRUE;
          }
          if (!run_end || p > run_end) {
            *start = run > (const guchar *)s + from && scan_may_start(x, (const guchar *)s, run)
                         ? (gsize)(run - (const guchar *)s)
                         : from;
            return TRUE;
          }
        }
      }
      if (c == 0x767E && strncmp((const char *)p, "百分之", 9) == 0) {
        *start = from;
        return TRUE;
      }
      p += 3;
    } else {
      cls = CH_OTHER; /* no list holds a character of two or four bytes */
      p += b < 0xE0 ? 2 : 4;
    }
    prev2 = prev;
    prev = cls;
  }
  return FALSE;
}
