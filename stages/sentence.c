/* sentence.c: the gold's mechanical sentence rule, and the public
 * article and sentence types' free functions and byline form (zhstats.h).
 */
#include "sentence.h"

#include "classify.h"
#include "segment.h"
#include "utf8.h"

#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* A sentence and its text in one allocation, the text right after the
 * struct: an article makes one per sentence, so this halves the
 * allocations of the segmenter's output. */
ZsSentence *zs_sentence_new(const char *text, gsize len, guint line, ZsSentKind kind,
                            guint para) {
  ZsSentence *s = g_malloc(sizeof(ZsSentence) + len + 1);
  s->text = (char *)(s + 1);
  memcpy(s->text, text, len);
  s->text[len] = '\0';
  s->line = line;
  s->kind = kind;
  s->para = para;
  return s;
}

void zs_sentence_free(ZsSentence *s) { g_free(s); }

void zs_article_free(ZsArticle *a) {
  if (!a)
    return;
  g_free(a->headline);
  g_free(a->dateline);
  g_free(a->byline);
  if (a->sentences)
    g_ptr_array_unref(a->sentences);
  g_free(a->block);
  g_free(a);
}

/* A byline as zhstats.h shows it, "记者 孙秀艳": normalized text lost the
 * spaces of （记者 孙秀艳）, so a space goes back around each role word. */
void zs_sent_byline(char **dst, const char *s, gsize len) {
  static const struct {
    const char *s;
    gsize n;
  } roles[] = {{"特约记者", sizeof "特约记者" - 1}, {"记者", sizeof "记者" - 1},
               {"通讯员", sizeof "通讯员" - 1}, {"实习生", sizeof "实习生" - 1}};
  /* written in place: each role gains at most two spaces and is at least
   * six bytes long, so the text grows by at most a third (and the last
   * character, cut by `len`, by its missing bytes) */
  char *o = g_malloc(len + len / 3 + 8), *w = o;
  const char *p = s, *end = s + len;
  while (p < end) {
    guint r = 0;
    /* a role is compared only where its first byte is */
    while (r < G_N_ELEMENTS(roles) &&
           !(*p == roles[r].s[0] && (gsize)(end - p) >= roles[r].n &&
             memcmp(p, roles[r].s, roles[r].n) == 0))
      r++;
    if (r == G_N_ELEMENTS(roles)) {
      const char *q = g_utf8_next_char(p);
      while (p < q)
        *w++ = *p++;
      continue;
    }
    if (w > o && w[-1] != ' ')
      *w++ = ' ';
    memcpy(w, roles[r].s, roles[r].n);
    w += roles[r].n;
    p += roles[r].n;
    if (p < end && *p != ' ')
      *w++ = ' ';
  }
  *w = '\0';
  g_free(*dst);
  *dst = o;
}

/* p after the characters from p on (before end) that pass `is`. */
static inline const char *skip(const char *p, const char *end, gboolean (*is)(gunichar)) {
  while (p < end) {
    const char *q = p;
    if (!is(zs_utf8_next(&q)))
      break;
    p = q;
  }
  return p;
}

#ifdef __SSE2__
/* Candidate starts among q[0, 16) of a stop (。！？), a bit each: 。 is E3
 * 80 82, ！ and ？ are EF BC 81 and EF BC 9F, and a candidate has the lead
 * and the last byte of one (reads q[0, 18)). Two compares on the first and
 * third bytes say it at once, where a test for the leads alone passed the
 * many blocks with a ， or a CJK mark (E3 and EF lead them too) to a
 * second, costlier test; no common character of Chinese text is a
 * candidate (E3 xx 82 with xx other than 80 is a kana or an ideograph of
 * Extension A), so the middle byte is checked in stop_at() instead. */
static inline __m128i stops_v(const guchar *q) {
  __m128i a = _mm_loadu_si128((const __m128i *)q);
  __m128i c = _mm_loadu_si128((const __m128i *)(q + 2));
  __m128i ideo = _mm_and_si128(_mm_cmpeq_epi8(a, _mm_set1_epi8((char)0xE3)),
                               _mm_cmpeq_epi8(c, _mm_set1_epi8((char)0x82)));
  __m128i full = _mm_and_si128(_mm_cmpeq_epi8(a, _mm_set1_epi8((char)0xEF)),
                               _mm_or_si128(_mm_cmpeq_epi8(c, _mm_set1_epi8((char)0x81)),
                                            _mm_cmpeq_epi8(c, _mm_set1_epi8((char)0x9F))));
  return _mm_or_si128(ideo, full);
}

static inline guint64 stops16(const guchar *q) {
  return (guint64)_mm_movemask_epi8(stops_v(q));
}

/* The first of the candidates `bits` (stops16()'s, of q[0, 64)) whose
 * middle byte makes it a stop, or NULL. */
static inline const char *stop_at(const guchar *q, guint64 bits) {
  for (; bits; bits &= bits - 1) {
    const guchar *s = q + __builtin_ctzll(bits);
    if (s[1] == (s[0] == 0xE3 ? 0x80 : 0xBC))
      return (const char *)s;
  }
  return NULL;
}
#endif

/* Where the next stop starts in [p, end) (p inside text[0, end)), or end.
 * E3 and EF are lead bytes only, so a match of a stop's three bytes is
 * the character. Every body paragraph is read here, so the candidates
 * are looked for sixteen starts at a time, four blocks a round. */
static const char *next_stop(const char *text, const char *p, const char *end) {
  const guchar *q = (const guchar *)p, *e = (const guchar *)end;
#ifdef __SSE2__
  const char *s;
  /* sixty-four starts a round, asked at once; most rounds have none */
  for (; e - q >= 66; q += 64) {
    __m128i v0 = stops_v(q), v1 = stops_v(q + 16), v2 = stops_v(q + 32), v3 = stops_v(q + 48);
    if (!_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(v0, v1), _mm_or_si128(v2, v3))))
      continue;
    guint64 bits = (guint64)_mm_movemask_epi8(v0) | (guint64)_mm_movemask_epi8(v1) << 16 |
                   (guint64)_mm_movemask_epi8(v2) << 32 | (guint64)_mm_movemask_epi8(v3) << 48;
    if ((s = stop_at(q, bits)))
      return s;
  }
  for (; e - q >= 18; q += 16) {
    guint64 bits = stops16(q);
    if (bits && (s = stop_at(q, bits)))
      return s;
  }
  /* the last starts that can hold a stop (up to e - 3), in one block that
   * ends at e and so begins before q, inside the text: its starts before q
   * are shifted out */
  if (e - q > 2 && e - (const guchar *)text >= 18) {
    const guchar *b = e - 18;
    guint64 bits = stops16(b) >> (q - b) << (q - b);
    s = stop_at(b, bits);
    return s ? s : end;
  }
#endif
  for (; e - q >= 3; q++)
    if ((q[0] == 0xE3 && q[1] == 0x80 && q[2] == 0x82) ||
        (q[0] == 0xEF && q[1] == 0xBC && (q[2] == 0x81 || q[2] == 0x9F)))
      return (const char *)q;
  return end;
}

/* Byte spans of the sentences of text[0, len): pairs of gsize, after
 * those in `spans` already. */
void zs_sent_spans_append(ZsSpans *spans, const char *text, gsize len) {
  guint n = 2 * spans->n;
  const char *p = text, *end = text + len, *start = text;
  while ((p = next_stop(text, p, end)) < end) {
    p += 3; /* the stop */
    p = skip(p, end, zs_class_is_stop);
    p = skip(p, end, zs_class_is_closer);
    if (n + 4 > spans->room) { /* room for this span and the last */
      spans->room = MAX(32, 2 * spans->room);
      spans->v = g_renew(gsize, spans->v, spans->room);
    }
    spans->v[n] = start - text;
    spans->v[n + 1] = p - text;
    n += 2;
    start = p;
  }
  while (start < end && g_unichar_isspace(g_utf8_get_char(start)))
    start = g_utf8_next_char(start);
  if (start < end) {
    if (n + 2 > spans->room) {
      spans->room = MAX(32, 2 * spans->room);
      spans->v = g_renew(gsize, spans->v, spans->room);
    }
    spans->v[n] = start - text;
    spans->v[n + 1] = len;
    n += 2;
  }
  spans->n = n / 2;
}

void zs_sent_spans_into(ZsSpans *spans, const char *text, gsize len) {
  spans->n = 0;
  zs_sent_spans_append(spans, text, len);
}

GArray *zs_sent_spans(const char *text, gsize len) {
  ZsSpans s = {NULL, 0, 0};
  zs_sent_spans_into(&s, text, len);
  GArray *spans = g_array_sized_new(FALSE, FALSE, sizeof(gsize), 2 * s.n);
  g_array_append_vals(spans, s.v, 2 * s.n);
  g_free(s.v);
  return spans;
}

GPtrArray *zs_seg_split_sentences(const char *para) {
  g_return_val_if_fail(para != NULL, NULL);
  GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
  gsize len = strlen(para);
  g_autoptr(GArray) spans = zs_sent_spans(para, len);
  for (guint i = 0; i + 1 < spans->len; i += 2) {
    gsize s = g_array_index(spans, gsize, i), e = g_array_index(spans, gsize, i + 1);
    g_ptr_array_add(out, g_strndup(para + s, e - s));
  }
  return out;
}
