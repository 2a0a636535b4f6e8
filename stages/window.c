/* window.c: a window of recent text and the share of a few strings'
 * bigrams that occur in it (window.h), for the normalizer's
 * headline-after-body test.
 *
 * The test used to build a bigram set of the whole window (~2 KB) twice
 * for each question, which cost more than the rest of the reflow. The
 * questions are small (a line, ~80 characters after it) and the window is
 * large, so the sets are built of the questions instead, and the window is
 * read, without building anything, to mark which of their bigrams it has.
 * A filter of the questions' bigrams, by the low six bits of their two
 * characters, lets most window characters be passed over without a probe,
 * and without being decoded: those bits are the low bits of a character's
 * last byte.
 *
 * The window is read from its end, a block at a time, and three questions
 * in four are answered after a sixth of it (see shares_upto()), so its
 * text is read there and then rather than kept decoded: a cache of the
 * whole window decoded more characters than the questions read.
 */
#include "window.h"
#include "normtext.h"
#include "overlap.h"
#include "utf8.h"

#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* The distinct bigrams of the questions: which questions have each (a bit
 * each), and whether the window has it. An entry is in use only when its
 * stamp is the current question's (see ZsWindow). */
typedef struct {
  guint64 key;
  guint32 stamp;
  guint8 of;
  guint8 seen;
} Entry;

/* The filter: a byte for each of the 4096 slots of a pair of characters
 * (pair_slot(); a byte, not a bit: the test of each window character is
 * one load). */
#define FILTER_BITS 4096u

/* Bytes cut off the front of the window that its buffer may keep before
 * they are taken out: the normalizer cuts some 1.8 KB at a time, and
 * moving the rest down at each cut cost as much as appending it. */
#define WINDOW_SLACK (16u << 10)

struct ZsWindow {
  GString *text; /* the window is text->str + start, to its end */
  gsize start;
  /* The filter of the questions' bigrams, by pair_slot(): an entry is set
   * when it holds the current question's fstamp, so the filter is cleared
   * only when that wraps, every 255 questions, not for each. */
  guint8 filter[FILTER_BITS];
  guint8 fstamp;
  /* The questions' table, kept from one question to the next: each
   * question has a new stamp, so the entries of earlier ones read as empty
   * and the table needs no clearing (only when the stamp wraps). */
  Entry *qe;
  guint qslots;
  guint32 stamp;
};

ZsWindow *zs_window_new(void) {
  ZsWindow *w = g_new0(ZsWindow, 1);
  w->text = g_string_new(NULL);
  return w;
}

void zs_window_free(ZsWindow *w) {
  if (!w)
    return;
  g_string_free(w->text, TRUE);
  g_free(w->qe);
  g_free(w);
}

void zs_window_append(ZsWindow *w, const char *s, gsize len) {
  zs_gstring_append(w->text, s, len);
}

void zs_window_cut(ZsWindow *w, gsize n) {
  w->start += n;
  if (w->start >= WINDOW_SLACK) {
    g_string_erase(w->text, 0, w->start);
    w->start = 0;
  }
}

void zs_window_clear(ZsWindow *w) {
  if (w->text->allocated_len > 65536) {
    g_string_free(w->text, TRUE);
    w->text = g_string_new(NULL);
  } else {
    g_string_truncate(w->text, 0);
  }
  w->start = 0;
}

const char *zs_window_text(const ZsWindow *w) {
  return w->text->str + w->start;
}

gsize zs_window_len(const ZsWindow *w) {
  return w->text->len - w->start;
}


static inline guint hash(guint64 key, guint mask) {
  key ^= key >> 29;
  key *= G_GUINT64_CONSTANT(0x9E3779B97F4A7C15);
  return (guint)(key >> 40) & mask;
}

/* Bytes of the window read at a time from its end (about 85 characters):
 * what is read past the stop is at most one block. */
#define WINDOW_BLOCK 256

/* The filter's slot of a pair: the low six bits of each character, which
 * are those of its last byte (of ASCII, the byte's own), so the window is
 * not decoded to find it. */
static inline guint pair_slot(gunichar a, gunichar b) {
  return (a & 63) << 6 | (b & 63);
}

typedef struct {
  Entry *e;
  guint mask;
  guint32 stamp; /* of this question's entries */
  guint8 *filter, fstamp; /* the window's filter, set where it is fstamp */
} QuerySet;

static void query_add(QuerySet *q, guint which, const char *s, gsize len, guint *total) {
  /* (the set's fields in locals: the stores to its entries would otherwise
   * have them loaded again for every bigram) */
  Entry *e = q->e;
  const guint mask = q->mask;
  const guint32 stamp = q->stamp;
  guint8 *filter = q->filter;
  const guint8 fstamp = q->fstamp, bit = (guint8)(1u << which);
  guint added = 0;
  ZsBigramWalk walk = zs_bigram_walk(s, len);
  for (guint64 key; zs_bigram_next(&walk, &key);) {
    guint i = hash(key, mask);
    while (e[i].stamp == stamp && e[i].key != key)
      i = (i + 1) & mask;
    if (e[i].stamp != stamp)
      e[i] = (Entry){.key = key, .stamp = stamp};
    added += !(e[i].of & bit);
    e[i].of |= bit;
    filter[pair_slot((gunichar)(key >> 32), (gunichar)key)] = fstamp;
  }
  total[which] += added;
}

/* The pair of the characters at `before` and `at`, which passed the
 * filter: when it is a bigram of the questions not seen before, counts it
 * for the questions that have it. Returns TRUE when question stop_k's
 * share has reached `enough` (hits only grow: it stays there). */
static inline gboolean probe(QuerySet *q, const guchar *before, const guchar *at, guint n,
                             guint stop_k, double enough, guint *h, const guint *total) {
  guint64 key = (guint64)zs_utf8_at((const char *)before) << 32 | zs_utf8_at((const char *)at);
  guint i = hash(key, q->mask);
  while (q->e[i].stamp == q->stamp && q->e[i].key != key)
    i = (i + 1) & q->mask;
  if (q->e[i].stamp != q->stamp || q->e[i].seen)
    return FALSE;
  q->e[i].seen = 1;
  for (guint k = 0; k < n; k++)
    h[k] += (q->e[i].of >> k) & 1;
  return stop_k < n && (q->e[i].of >> stop_k & 1) && (double)h[stop_k] / total[stop_k] >= enough;
}

#ifdef __SSE2__
/* Are the fifteen bytes at p (sixteen readable, valid UTF-8) five
 * three-byte characters? Their leads, at 0, 3, 6, 9 and 12, say so. */
static inline gboolean five_three(const guchar *p) {
  __m128i v = _mm_loadu_si128((const __m128i *)p);
  unsigned m = (unsigned)_mm_movemask_epi8(
      _mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8((char)0xF0)), _mm_set1_epi8((char)0xE0)));
  return (m & 0x1249) == 0x1249;
}
#endif

/* zs_window_shares(), and zs_window_shares_upto() when stop_k < n. */
static gboolean shares_upto(ZsWindow *w, guint n, const char *const *qs, guint stop_k,
                            double enough, double *shares, guint *hits) {
  g_return_val_if_fail(n <= 8, FALSE);
  guint total[8] = {0};
  /* at most one bigram a character of the questions, so a byte; at most
   * half full (counting the characters cost more than the larger table:
   * its entries are stamped, never cleared) */
  gsize bytes = 0, lens[8];
  for (guint k = 0; k < n; k++) {
    lens[k] = strlen(qs[k]);
    bytes += lens[k];
  }
  guint slots = 64;
  while (slots < 2 * bytes + 2)
    slots *= 2;
  if (w->qslots < slots) {
    g_free(w->qe);
    w->qe = g_new0(Entry, slots);
    w->qslots = slots;
  }
  if (++w->stamp == 0) { /* wrapped: no entry may look current */
    memset(w->qe, 0, w->qslots * sizeof *w->qe);
    w->stamp = 1;
  }
  QuerySet q;
  q.e = w->qe;
  q.mask = slots - 1;
  q.stamp = w->stamp;
  if (++w->fstamp == 0) { /* wrapped: no filter entry may look current */
    memset(w->filter, 0, sizeof w->filter);
    w->fstamp = 1;
  }
  q.filter = w->filter;
  q.fstamp = w->fstamp;
  for (guint k = 0; k < n; k++)
    query_add(&q, k, qs[k], lens[k], total);
  /* Every bigram of the questions is two word characters, so a pair with
   * any other character in it is simply not found: the window's characters
   * need no classifying. The hits are counted as bigrams are first seen;
   * the window is read from its end (the text nearest the questions, where
   * they share most), a block at a time, each block from its start, as the
   * order does not change what is seen. */
  guint h[8] = {0};
  gboolean stopped = FALSE;
  const char *text = zs_window_text(w), *hi = w->text->str + w->text->len;
  while (hi > text && !stopped) {
    /* the block [lo, hi), lo at a character's start, with the pair that
     * ends at its first character (the text's own first has none) */
    const char *lo = text;
    if (hi - text > (gssize)WINDOW_BLOCK) {
      lo = hi - WINDOW_BLOCK;
      while (((guchar)*lo & 0xC0) == 0x80)
        lo--;
    }
    /* pa: where the character before p starts; six: its low six bits */
    const guchar *pa, *p;
    if (lo == text) {
      pa = (const guchar *)text;
      p = pa + g_utf8_skip[*pa];
    } else {
      pa = (const guchar *)zs_utf8_prev(text, lo);
      p = (const guchar *)lo;
    }
    guint six = p[-1] & 63;
    while (p < (const guchar *)hi) {
#ifdef __SSE2__
      /* five three-byte characters at once (most of the window): the five
       * pairs ending in them asked of the filter together, without a
       * branch for each character's length and test, and only those that
       * pass looked up, in order */
      if ((*p & 0xF0) == 0xE0 && (const guchar *)hi - p >= 16 && five_three(p)) {
        guint s0 = p[2] & 63, s1 = p[5] & 63, s2 = p[8] & 63, s3 = p[11] & 63,
              s4 = p[14] & 63;
        const guint8 *F = q.filter;
        guint8 fs = q.fstamp;
        guint pass = (guint)(F[six << 6 | s0] == fs) | (guint)(F[s0 << 6 | s1] == fs) << 1 |
                     (guint)(F[s1 << 6 | s2] == fs) << 2 | (guint)(F[s2 << 6 | s3] == fs) << 3 |
                     (guint)(F[s3 << 6 | s4] == fs) << 4;
        const guchar *g = p, *before_g = pa;
        p += 15;
        pa = g + 12;
        six = s4;
        for (; pass; pass &= pass - 1) {
          const guchar *at = g + 3 * __builtin_ctz(pass);
          if (probe(&q, at > g ? at - 3 : before_g, at, n, stop_k, enough, h, total)) {
            stopped = TRUE;
            break;
          }
        }
        if (stopped)
          break;
        continue;
      }
#endif
      /* a three-byte character (most of Chinese text) asked first: then
       * the next character's start does not wait for a table load */
      const guchar *at = p;
      p += (*p & 0xF0) == 0xE0 ? 3 : g_utf8_skip[*p];
      guint f = six << 6 | (p[-1] & 63);
      six = p[-1] & 63;
      const guchar *before = pa;
      pa = at;
      if (q.filter[f] == q.fstamp && probe(&q, before, at, n, stop_k, enough, h, total)) {
        stopped = TRUE;
        break;
      }
    }
    hi = lo;
  }
  for (guint k = 0; k < n; k++) {
    if (hits)
      hits[k] = h[k];
    shares[k] = total[k] ? (double)h[k] / total[k] : 0;
  }
  return stopped;
}

void zs_window_shares(ZsWindow *w, guint n, const char *const *qs, double *shares,
                      guint *hits) {
  shares_upto(w, n, qs, G_MAXUINT, 0, shares, hits);
}

gboolean zs_window_shares_upto(ZsWindow *w, guint n, const char *const *qs, guint k,
                               double enough, double *shares, guint *hits) {
  g_return_val_if_fail(k < n, FALSE);
  return shares_upto(w, n, qs, k, enough, shares, hits);
}
