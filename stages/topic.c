/* topic.c: the segmenter's measures of topic on character bigrams (see
 * topic.h), kept cheap where the segmenter asks often.
 *
 * The keys and the word characters are overlap.c's, so every count here is
 * the one zs_overlap_hits() and zs_overlap_size() give on the same text
 * (test_topic checks it on the corpus against overlap.c):
 *  - the sorted keys of a text (zs_topic_keys()), which the cohesion gap
 *    (topic_gap.c) merges for long runs and the headline tests compare;
 *  - ZsTopicWindow: the bigrams of an article body's last bytes, asked for
 *    at every candidate headline. A table keeps where each bigram last
 *    occurred; each paragraph is read once, instead of building the set
 *    afresh for every question (see "the window" below).
 */
#include "topic.h"

#include "overlap.h"
#include "perthread.h"
#include "topic_gap.h"
#include "utf8.h"

#include <string.h>


/* Sorts v[0, n) ascending: quicksort, insertion sort for short runs (qsort()
 * calling back for each comparison cost more than the rest of the file). */
static void sort_keys(guint64 *v, gsize n) {
  while (n > 16) {
    guint64 a = v[0], b = v[n / 2], c = v[n - 1];
    guint64 pivot = a < b ? (b < c ? b : (a < c ? c : a)) : (a < c ? a : (b < c ? c : b));
    gsize i = 0, j = n - 1;
    for (;;) {
      while (v[i] < pivot)
        i++;
      while (v[j] > pivot)
        j--;
      if (i >= j)
        break;
      guint64 t = v[i];
      v[i++] = v[j];
      v[j--] = t;
    }
    /* recurse into the smaller part, loop on the larger */
    if (j + 1 < n - j - 1) {
      sort_keys(v, j + 1);
      v += j + 1;
      n -= j + 1;
    } else {
      sort_keys(v + j + 1, n - j - 1);
      n = j + 1;
    }
  }
  for (gsize i = 1; i < n; i++) {
    guint64 t = v[i];
    gsize j = i;
    for (; j > 0 && v[j - 1] > t; j--)
      v[j] = v[j - 1];
    v[j] = t;
  }
}

static inline guint64 key_of(gunichar a, gunichar b) {
  return ((guint64)a << 32) | b;
}

GArray *zs_topic_keys(const char *s, gsize len) {
  /* at most one bigram per byte */
  GArray *k = g_array_sized_new(FALSE, FALSE, sizeof(guint64), (guint)len);
  guint64 *v = (guint64 *)(void *)k->data;
  guint n = 0;
  ZsBigramWalk w = zs_bigram_walk(s, len);
  for (guint64 key; zs_bigram_next(&w, &key);)
    v[n++] = key;
  sort_keys(v, n);
  guint d = 0;
  for (guint i = 0; i < n; i++)
    if (!d || v[i] != v[d - 1])
      v[d++] = v[i];
  g_array_set_size(k, d);
  return k;
}

/* Where `key` is, or would go, in the `n` sorted keys `k`. */
static inline guint key_index(const guint64 *k, guint n, guint64 key) {
  guint lo = 0, hi = n;
  while (lo < hi) {
    guint mid = (lo + hi) / 2;
    if (k[mid] < key)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

guint zs_topic_find_tail(const GArray *keys, const char *s, gsize len, gsize max,
                         guint8 *found) {
  return zs_topic_find_tail_upto(keys, s, len, max, found, keys->len);
}

/* The keys' second characters, a byte each of 1024 (c % 1024): a pair of
 * characters whose second has none is no key, and most characters of a
 * text are turned away by one load. */
typedef struct {
  guint8 has[1024];
} SecondFilter;

static void second_filter(SecondFilter *f, const guint64 *k, guint n) {
  memset(f, 0, sizeof *f);
  for (guint i = 0; i < n; i++)
    f->has[(guint)k[i] & 1023] = 1;
}

/* Marks found[i] for each of the n sorted keys k among the bigrams of
 * p[0, end) (p at a character's start), counting the new marks in
 * *marked; TRUE once that reaches `enough` (the reading stops there).
 * Every key is two word characters, so the text's characters are not
 * classified (what zs_bigram_next() asks of each): every two adjacent
 * characters are tried as a pair, and one with any other character in
 * it is simply not among the keys. As the walk, a NUL ends the text. */
static gboolean mark_pairs(const guint64 *k, guint n, const SecondFilter *f, const char *p,
                           const char *end, guint8 *found, guint *marked, guint enough) {
  /* the characters are decoded only for a pair that passes the filter:
   * a three-byte character's c % 1024 is in its last two bytes */
  const char *prev = NULL;
  while (p < end) {
    const guchar *s = (const guchar *)p;
    const char *at = p;
    guint low;
    if ((s[0] & 0xF0) == 0xE0) { /* most of Chinese text */
      low = ((guint)(s[1] & 0x0F) << 6) | (s[2] & 0x3F);
      p += 3;
    } else {
      if (!s[0])
        break;
      low = zs_utf8_next(&p) & 1023;
    }
    if (f->has[low]) {
      guint64 key = key_of(prev ? zs_utf8_at(prev) : 0, zs_utf8_at(at));
      guint lo = key_index(k, n, key);
      if (lo < n && k[lo] == key && !found[lo]) {
        found[lo] = 1;
        if (++*marked >= enough)
          return TRUE;
      }
    }
    prev = at;
  }
  return FALSE;
}

/* Up to this many keys, a call without a `found` of its caller's marks
 * on the stack. */
#define FIND_OWN_MAX 256

guint zs_topic_find_tail_upto(const GArray *keys, const char *s, gsize len, gsize max,
                              guint8 *found, guint enough) {
  const char *p = s, *end = s + len;
  guint marked = 0;
  if (!enough)
    return 0;
  guint8 own[FIND_OWN_MAX];
  g_autofree guint8 *big = NULL;
  if (!found) {
    found = keys->len <= FIND_OWN_MAX ? own : (big = g_new(guint8, keys->len));
    memset(found, 0, keys->len);
  }
  SecondFilter f;
  second_filter(&f, (const guint64 *)(const void *)keys->data, keys->len);
  if (len > max) /* the first character starting in the last max bytes */
    for (p = end - max; p < end && ((guchar)*p & 0xC0) == 0x80; p++)
      ;
  mark_pairs((const guint64 *)(const void *)keys->data, keys->len, &f, p, end, found, &marked,
             enough);
  return marked;
}

/* ---- the window ------------------------------------------------------- */

typedef struct {
  const char *text; /* borrowed (topic.h) */
  gsize len;
  gsize at; /* offset of text in the text since the last reset */
} Para;

typedef struct {
  guint64 key; /* the bigram */
  gsize last;  /* offset of its last occurrence (its first character) */
  guint tag;   /* the slot is empty unless tag is the window's */
} Slot;

/* The window never subtracts: the text only grows at its end and the
 * window is always its last `max` bytes, so a bigram is in the window
 * exactly when its last occurrence starts at or after total - max. The
 * table maps each bigram to that offset; each character is read once, when
 * its paragraph is first needed (a paragraph that left the window before
 * anyone asked is never read). A reset empties the table by changing the
 * tag that marks its slots in use, so one table serves text after text
 * without being cleared. */
struct ZsTopicWindow {
  gsize max;
  gsize total; /* bytes pushed since the reset */
  gsize start; /* the window's first byte, as of the last catch_up() */
  /* pushed, not yet read: a plain array (a push per body paragraph) */
  Para *pending;
  guint n_pending, pending_size;
  guint reset_no;
  /* key -> last: open addressing, linear probing, at most half full */
  Slot *slot;
  guint mask, used, tag;
  ZsTopicGapTable gap; /* lent to zs_topic_window_gap() */
};

static void window_destroy(ZsTopicWindow *w) {
  if (!w)
    return;
  g_free(w->pending);
  g_free(w->slot);
  g_free(w->gap.t);
  g_free(w);
}

/* A freed window is kept for the thread's next one (a segmenter, and so a
 * window, is made for every input file, and its two tables cost more to
 * make and clear than a small file's text to read). A reset window reads
 * as a new one: its tables are emptied by their tags, and reset numbers
 * are only ever compared with the same window's. */
static GPrivate kept = G_PRIVATE_INIT((GDestroyNotify)window_destroy);

ZsTopicWindow *zs_topic_window_new(gsize max) {
  ZsTopicWindow *w = zs_spare_take(&kept);
  if (w && w->max == max) {
    zs_topic_window_reset(w);
    return w;
  }
  if (w) /* of another size: it stays the spare */
    zs_spare_keep(&kept, w);
  w = g_new0(ZsTopicWindow, 1);
  w->max = max;
  w->tag = 1; /* the table is made when first needed (catch_up()) */
  return w;
}

void zs_topic_window_free(ZsTopicWindow *w) {
  if (!w)
    return;
  /* One kept, and not one whose table grew past a full window's size. */
  if ((w->slot && w->mask > 4095) || !zs_spare_keep(&kept, w))
    window_destroy(w);
}

guint zs_topic_window_reset(ZsTopicWindow *w) {
  w->total = w->start = 0;
  w->n_pending = 0;
  w->used = 0;
  if (++w->tag == 0 && w->slot) { /* after 2^32 resets, slots of tag 0 look in use */
    memset(w->slot, 0, (w->mask + 1) * sizeof(Slot));
    w->tag = 1;
  }
  return ++w->reset_no;
}

guint zs_topic_window_reset_no(const ZsTopicWindow *w) {
  return w->reset_no;
}

void zs_topic_window_push(ZsTopicWindow *w, const char *text, gsize len) {
  Para p = {text, len, w->total};
  if (w->n_pending == w->pending_size) {
    w->pending_size = MAX(16, w->pending_size * 2);
    w->pending = g_renew(Para, w->pending, w->pending_size);
  }
  w->pending[w->n_pending++] = p;
  w->total += len;
}

static inline guint slot_of(const ZsTopicWindow *w, guint64 key) {
  key ^= key >> 29;
  key *= G_GUINT64_CONSTANT(0x9E3779B97F4A7C15);
  return (guint)(key >> 40) & w->mask;
}

/* The slot of `key`, or the empty slot where it would go. */
static inline Slot *find(const ZsTopicWindow *w, guint64 key) {
  guint i = slot_of(w, key);
  while (w->slot[i].tag == w->tag && w->slot[i].key != key)
    i = (i + 1) & w->mask;
  return &w->slot[i];
}

/* Doubles the table; its slots in use keep their entries, under tag 1. */
static void grow(ZsTopicWindow *w) {
  Slot *old = w->slot;
  guint n_old = w->mask + 1, old_tag = w->tag;
  w->mask = n_old * 2 - 1;
  w->slot = g_new0(Slot, n_old * 2);
  w->tag = 1;
  for (guint i = 0; i < n_old; i++)
    if (old[i].tag == old_tag) {
      Slot s = old[i];
      s.tag = w->tag;
      *find(w, s.key) = s;
    }
  g_free(old);
}

/* The bytes of the UTF-8 form of c. */
static inline guint utf8_len(gunichar c) {
  return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
}

/* Records the bigrams of p whose first character starts at or after
 * p->text + from. */
static void read_para(ZsTopicWindow *w, const Para *p, gsize from) {
  if (from >= p->len)
    return;
  ZsBigramWalk wk = zs_bigram_walk(p->text + from, p->len - from);
  for (guint64 key; zs_bigram_next(&wk, &key);) {
    Slot *slot = find(w, key);
    if (slot->tag != w->tag) {
      slot->key = key;
      slot->tag = w->tag;
      w->used++;
    }
    /* the walk stands after the bigram's second character */
    gsize first = (gsize)(wk.p - p->text) - utf8_len((gunichar)key) - utf8_len((gunichar)(key >> 32));
    slot->last = p->at + first;
    if (w->used * 2 > w->mask)
      grow(w);
  }
}

/* Reads the paragraphs pushed since the last question, from the window's
 * first character on: a character is in the window when it starts at or
 * after total - max (what zs_overlap_add_tail() keeps of each paragraph),
 * a bigram when its first character is. */
static void catch_up(ZsTopicWindow *w) {
  if (!w->slot) {
    /* room for the distinct bigrams of a full window of Chinese text
     * (about 2000 characters) at most half full: doubling step by step
     * from a small table cost more than reading the window */
    w->mask = 4095;
    w->slot = g_new0(Slot, w->mask + 1);
  }
  w->start = w->total > w->max ? w->total - w->max : 0;
  for (guint i = 0; i < w->n_pending; i++) {
    const Para *p = &w->pending[i];
    gsize from = w->start > p->at ? w->start - p->at : 0;
    while (from < p->len && ((guchar)p->text[from] & 0xC0) == 0x80)
      from++;
    read_para(w, p, from);
  }
  w->n_pending = 0;
}

/* Up to this many keys (a headline's), a question is answered without
 * filling an empty table: see scan_pending(). */
#define SCAN_KEYS_MAX 64

/* While the table holds nothing (used == 0: nothing read yet, or nothing
 * read had a bigram), the window's bigrams are all in the pending
 * paragraphs. A question with a few keys, most often the only one asked
 * about a body, is answered from them: each from the last back to the
 * window's first character (what catch_up() would read), a pair looked
 * up only when its second character passes a filter of the keys'
 * (mark_pairs()), and the reading stops once `enough` keys are found. The
 * paragraphs stay pending for a question that needs the table. */
static guint scan_pending(const ZsTopicWindow *w, const GArray *keys, guint enough) {
  const guint64 *k = (const guint64 *)(const void *)keys->data;
  guint8 found[SCAN_KEYS_MAX] = {0};
  SecondFilter f;
  second_filter(&f, k, keys->len);
  gsize start = w->total > w->max ? w->total - w->max : 0;
  guint hits = 0;
  for (guint i = w->n_pending; i-- > 0 && hits < enough;) {
    const Para *p = &w->pending[i];
    if (p->at + p->len <= start)
      break;
    gsize from = start > p->at ? start - p->at : 0;
    while (from < p->len && ((guchar)p->text[from] & 0xC0) == 0x80)
      from++;
    if (mark_pairs(k, keys->len, &f, p->text + from, p->text + p->len, found, &hits, enough))
      break;
  }
  return hits;
}

guint zs_topic_window_hits_upto(ZsTopicWindow *w, const GArray *keys, guint enough) {
  if (w->used == 0 && keys->len <= SCAN_KEYS_MAX)
    return scan_pending(w, keys, enough);
  return MIN(zs_topic_window_hits(w, keys), enough);
}

guint zs_topic_window_hits(ZsTopicWindow *w, const GArray *keys) {
  catch_up(w);
  guint hits = 0;
  for (guint i = 0; i < keys->len; i++) {
    const Slot *s = find(w, g_array_index(keys, guint64, i));
    hits += s->tag == w->tag && s->last >= w->start;
  }
  return hits;
}

guint zs_topic_window_gap(ZsTopicWindow *w, const char *const *texts, const gsize *lens,
                          guint n, guint width) {
  return zs_topic_gap_with(&w->gap, texts, lens, n, width);
}
