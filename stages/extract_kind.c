/* extract_kind.c: the clauses of a sentence and the kind of each figure.
 *
 * A figure's kind (level, share, change, ratio, multiple) comes from its
 * unit and from the words right before it (增长 -> a change); the clause
 * map says which clause every byte stands in, for the claiming rules of
 * extract_claim.c.
 */
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "extract_int.h"

/* ---- clauses -------------------------------------------------------------- */

/* Is there a clause mark (，；。！？：,;) at s[i]? Its length in *len. Read
 * byte by byte, a mismatch before the NUL: s is NUL-terminated. */
static gboolean clause_break_at(const char *s, gsize i, gsize *len) {
  const guchar *p = (const guchar *)s + i;
  if (p[0] == ',' || p[0] == ';') {
    *len = 1;
    return TRUE;
  }
  gboolean mark;
  if (p[0] == 0xE3) /* 。 E3 80 82 */
    mark = p[1] == 0x80 && p[2] == 0x82;
  else if (p[0] == 0xEF) /* ，EF BC 8C ；9B ！81 ？9F ：9A */
    mark = p[1] == 0xBC &&
           (p[2] == 0x8C || p[2] == 0x9B || p[2] == 0x81 || p[2] == 0x9F || p[2] == 0x9A);
  else
    return FALSE;
  *len = 3;
  return mark;
}

/* Every clause mark starts with ',' or ';' or a lead byte 0xE3 or 0xEF,
 * which Chinese text otherwise rarely holds: the bytes before the next of
 * them are one run of the same clause, passed sixteen at a time (SSE2)
 * where the scalar loop would test each. */
static inline gboolean mark_lead(guchar b) {
  return b == 0xE3 || b == 0xEF || b == ',' || b == ';';
}

void zs_extract_clause_map(const char *s, gsize n, ZsClause *map) {
  g_assert(n < G_MAXUINT16);
  ZsClause c = 0;
  gsize i = 0;
  while (i < n) {
#ifdef __SSE2__
    const __m128i e3 = _mm_set1_epi8((char)0xE3), ef = _mm_set1_epi8((char)0xEF),
                  comma = _mm_set1_epi8(','), semi = _mm_set1_epi8(';');
    const __m128i cv = _mm_set1_epi16((short)c);
    while (i + 16 <= n) {
      __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
      __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, e3), _mm_cmpeq_epi8(v, ef)),
                                 _mm_or_si128(_mm_cmpeq_epi8(v, comma), _mm_cmpeq_epi8(v, semi)));
      int bits = _mm_movemask_epi8(hit);
      /* All sixteen entries: those from the mark on are written again. */
      for (int k = 0; k < 16; k += 8)
        _mm_storeu_si128((__m128i *)(void *)(map + i + k), cv);
      if (bits) {
        i += (gsize)__builtin_ctz((unsigned)bits);
        break;
      }
      i += 16;
    }
    if (i >= n)
      break;
#endif
    gsize l;
    if (!mark_lead((guchar)s[i]) || !clause_break_at(s, i, &l)) {
      map[i++] = c;
      continue;
    }
    for (gsize end = i + l; i < end; i++)
      map[i] = c;
    c++;
  }
  map[n] = c;
}

/* ---- kinds ---------------------------------------------------------------- */

#define W(s) {s, sizeof s - 1}
static const Word rise_words[] = {W("增长"), W("增加"), W("提高"), W("上升"), W("提升"),
                                  W("上涨"), W("加快"), W("回升"), W("增"), W("多"),
                                  W("扩大")};
static const Word fall_words[] = {W("下降"), W("减少"), W("降低"), W("下滑"), W("回落"),
                                  W("缩小"), W("下跌"), W("放缓"), W("收窄"), W("降"),
                                  W("少")};
/* Words that may stand between the verb and the number: 增长了, 下降约. */
static const Word links[] = {W("了"), W("达"), W("约"), W("近"), W("超"), W("逾"),
                             W("超过"), W("将近"), W("接近"), W("不到")};
#undef W

/* Does text just before `end` (a byte offset) end with `w`? The last byte
 * first: it nearly always differs. */
static inline gboolean ends_at(const char *s, gsize end, const Word *w) {
  if (end < w->len || s[end - 1] != w->w[w->len - 1])
    return FALSE;
  /* A word is a few bytes: compared inline, not by a memcmp() call. */
  for (gsize k = w->len - 1; k-- > 0;)
    if (s[end - w->len + k] != w->w[k])
      return FALSE;
  return TRUE;
}

/* Bit b % 64 for the last byte b of each word of a list: text whose last
 * byte has no bit ends with none of them. Most figures follow no verb and
 * no link: one test instead of a comparison per word. */
typedef struct {
  guint64 links, verbs; /* verbs: rise_words and fall_words */
} LastBytes;

static guint64 last_bytes(const Word *w, gsize n) {
  guint64 bits = 0;
  for (gsize k = 0; k < n; k++)
    bits |= G_GUINT64_CONSTANT(1) << ((guchar)w[k].w[w[k].len - 1] % 64);
  return bits;
}

static const LastBytes *last_bytes_of_words(void) {
  static LastBytes lb;
  static gsize done;
  if (g_once_init_enter(&done)) {
    lb.links = last_bytes(links, G_N_ELEMENTS(links));
    lb.verbs = last_bytes(rise_words, G_N_ELEMENTS(rise_words)) |
               last_bytes(fall_words, G_N_ELEMENTS(fall_words));
    g_once_init_leave(&done, 1);
  }
  return &lb;
}

static inline gboolean may_end_with(guint64 bits, const char *s, gsize end) {
  return end > 0 && (bits >> ((guchar)s[end - 1] % 64) & 1);
}

/* Is the figure at `start` the amount of a change? Sets *fall. A verb
 * followed by 到/至 (提高到48.3%) names the new level, not the change. */
static gboolean change_before(const char *s, gsize start, gboolean *fall) {
  static const Word more = {"比去年多", sizeof "比去年多" - 1};
  static const Word less = {"比去年少", sizeof "比去年少" - 1};
  const LastBytes *lb = last_bytes_of_words();
  gsize end = start;
  for (gboolean again = may_end_with(lb->links, s, end); again;) {
    again = FALSE;
    for (gsize k = 0; k < G_N_ELEMENTS(links); k++)
      if (ends_at(s, end, &links[k])) {
        end -= links[k].len;
        again = TRUE;
        break;
      }
  }
  if (!may_end_with(lb->verbs, s, end))
    return FALSE;
  for (gsize k = 0; k < G_N_ELEMENTS(rise_words); k++)
    if (ends_at(s, end, &rise_words[k])) {
      /* 多 and 少 only as 增多/减少 after 比/较: "比去年多3个" */
      *fall = FALSE;
      return strcmp(rise_words[k].w, "多") != 0 || ends_at(s, end, &more);
    }
  for (gsize k = 0; k < G_N_ELEMENTS(fall_words); k++)
    if (ends_at(s, end, &fall_words[k])) {
      *fall = TRUE;
      return strcmp(fall_words[k].w, "少") != 0 || ends_at(s, end, &less);
    }
  return FALSE;
}

/* strcmp(s, lit) == 0 for a short literal, inline: a unit is a few bytes,
 * and a call to a routine made for long strings costs more than the test. */
static inline gboolean str_is(const char *s, const char *lit) {
  for (; *lit; s++, lit++)
    if (*s != *lit)
      return FALSE;
  return *s == '\0';
}

static ZsKind kind_of(const char *unit, gboolean change) {
  if (str_is(unit, "%"))
    return change ? ZS_KIND_CHANGE_PCT : ZS_KIND_SHARE;
  if (str_is(unit, "倍"))
    return change ? ZS_KIND_GROWTH_MULTIPLE : ZS_KIND_RATIO;
  return change ? ZS_KIND_CHANGE_ABS : ZS_KIND_LEVEL;
}

void zs_extract_classify(const char *s, Items *items) {
  for (guint k = 0; k < items->len; k++) {
    Item *it = &items->v[k];
    gboolean change = change_before(s, it->q->start, &it->fall);
    if (!change && k > 0) {
      Item *prev = &items->v[k - 1];
      /* 增长238.67%、89.91%: a list after a verb shares its kind. */
      if (prev->kind != ZS_KIND_LEVEL && prev->kind != ZS_KIND_SHARE &&
          prev->kind != ZS_KIND_RATIO && list_gap(s, prev->q->end, it->q->start) &&
          strcmp(prev->q->unit, it->q->unit) == 0) {
        change = TRUE;
        it->fall = prev->fall;
      }
    }
    it->kind = kind_of(it->q->unit, change);
  }
}
