/* topic.c: the segmenter's measures of topic on character bigrams (see
 * topic.h), kept cheap where the segmenter asks often.
 *
 * The keys and the word characters are overlap.c's, so every count here is
 * the one zs_overlap_hits() and zs_overlap_size() give on the same text
 * (test_topic checks it on the corpus against overlap.c):
 *  - zs_topic_gap(): every gap compares the bigrams of the w paragraphs
 *    before it and the w after it; each paragraph's bigrams are extracted
 *    once, as a sorted array of distinct keys, and the sides are merged
 *    from those arrays instead of rebuilding hash sets for each gap.
 *  - ZsTopicWindow: the bigrams of an article body's last bytes, asked for
 *    at every candidate headline. A table keeps where each bigram last
 *    occurred; each paragraph is read once, instead of building the set
 *    afresh for every question (see "the window" below).
 */
#include "topic.h"

#include "overlap.h"
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

/* out = the union of the sorted sets a and b; out must not be a or b. */
static void merge(GArray *out, const GArray *a, const GArray *b) {
  const guint64 *x = (const guint64 *)(const void *)a->data;
  const guint64 *y = (const guint64 *)(const void *)b->data;
  guint i = 0, j = 0, n = 0;
  g_array_set_size(out, a->len + b->len);
  guint64 *o = (guint64 *)(void *)out->data;
  while (i < a->len && j < b->len) {
    if (x[i] < y[j])
      o[n++] = x[i++];
    else if (y[j] < x[i])
      o[n++] = y[j++];
    else
      o[n++] = x[i++], j++;
  }
  while (i < a->len)
    o[n++] = x[i++];
  while (j < b->len)
    o[n++] = y[j++];
  g_array_set_size(out, n);
}

/* *set = the union of keys[from, to), using *tmp as scratch. */
static void union_of(GArray **set, GArray **tmp, GArray **keys, guint from, guint to) {
  g_array_set_size(*set, 0);
  if (from < to) { /* the first set is copied, not merged with nothing */
    g_array_append_vals(*set, keys[from]->data, keys[from]->len);
    from++;
  }
  for (guint k = from; k < to; k++) {
    merge(*tmp, *set, keys[k]);
    GArray *t = *set;
    *set = *tmp;
    *tmp = t;
  }
}

guint zs_topic_common(const GArray *a, const GArray *b) {
  const guint64 *x = (const guint64 *)(const void *)a->data;
  const guint64 *y = (const guint64 *)(const void *)b->data;
  guint i = 0, j = 0, n = 0;
  while (i < a->len && j < b->len) {
    if (x[i] < y[j])
      i++;
    else if (y[j] < x[i])
      j++;
    else
      n++, i++, j++;
  }
  return n;
}

/* The side sizes and shared counts of every gap, for n <= 64 paragraphs
 * and w < 64: one hash table maps each bigram to the set of paragraphs it
 * occurs in (a bit per paragraph). A bigram is on the left of gap g when a
 * paragraph p in [g - w, g) has it, i.e. g in [p + 1, p + w], and on the
 * right when p in [g, g + w), i.e. g in [p - w + 1, p]: shifting its
 * paragraph set gives the set of gaps where it counts on each side, so the
 * text is read once and no set is built per gap. The counts are those of
 * the sorted-key merges below (the same keys, the same distinct sets).
 *
 * The table is probed for every bigram of the text, so a slot is kept to
 * eight bytes, the bigram and where it occurs, and read in one load: the
 * two characters of a bigram of the Basic Multilingual Plane (all but the
 * rarest ideographs) fit in 32 bits, a << 16 | c, never 0
 * (zs_bigram_next_bmp()). A text with a word character outside it is left
 * to the merges (GAP_WIDE).
 *
 * The table (GapTable) serves call after call without being cleared: a
 * slot is in use when its `at` is at least the call's `base`, which is
 * past every `at` written before, so older slots read as empty. `at` is
 * base + the paragraph while one paragraph has the bigram, else base +
 * GAP_MULTI + the index of its paragraph set in `masks`. */
typedef struct {
  guint32 key, at;
} GapSlot;

typedef struct {
  GapSlot *t;
  guint bits;  /* 1 << bits slots; 0 before the first call */
  guint32 base;
} GapTable;

#define GAP_MULTI 64u
#define GAP_WIDE G_MAXUINT
/* A table of more than 1 << GAP_KEEP_BITS slots (64 KB, for a text over
 * 16 KB; most articles are far shorter) is freed after its call rather
 * than kept, so a long article leaves no large table behind. */
#define GAP_KEEP_BITS 13

static inline guint gap_hash(guint32 key, guint bits) {
  return (key * 0x9E3779B1u) >> (32 - bits);
}

/* The slot of `key` in t (1 << bits slots) in use since `base`, or the
 * free one where it would go. */
static inline GapSlot *gap_slot(GapSlot *t, guint bits, guint32 base, guint32 key) {
  guint mask = (1u << bits) - 1, i = gap_hash(key, bits);
  while (t[i].at >= base && t[i].key != key)
    i = (i + 1) & mask;
  return &t[i];
}

/* Empties the table, making it 1 << bits slots. */
static void gap_table_make(GapTable *tab, guint bits) {
  g_free(tab->t);
  tab->t = g_new0(GapSlot, 1u << bits);
  tab->bits = bits;
  tab->base = 1;
}

static guint gap_by_masks(GapTable *tab, const char *const *texts, const gsize *lens, guint n,
                          guint w) {
  gsize bytes = 0;
  for (guint k = 0; k < n; k++)
    bytes += lens[k];
  /* Chinese text has about one distinct bigram in five bytes, at most one
   * a character (three bytes): room for bytes / 2 keeps the table at most
   * a third full; a text with more (letters and digits) doubles it, at
   * most half full. The `at` of this call go up to base + GAP_MULTI + one
   * per bigram, at most one a byte. */
  if (bytes > G_MAXUINT32 / 2)
    return GAP_WIDE;
  guint bits = 6;
  while ((1u << bits) < bytes / 2 && bits < 30)
    bits++;
  /* a table kept from a far longer text would be read sparsely: made
   * anew, as when base could pass 2^32 in this call */
  if (tab->bits < bits || tab->bits > bits + 2 ||
      GAP_MULTI + bytes + 1 > G_MAXUINT32 - (gsize)tab->base)
    gap_table_make(tab, bits);
  GapSlot *t = tab->t;
  bits = tab->bits;
  guint32 base = tab->base;
  guint used = 0;
  /* Most bigrams occur in one paragraph p only: they count on the left of
   * the gaps p+1..p+w and on the right of p-w+1..p, never on both sides,
   * so they are counted per paragraph (single[p]) as they are read, and
   * spread over the gaps once. A bigram leaves single[] for `masks` when a
   * second paragraph has it; only those are read back. */
  guint single[64] = {0};
  guint64 *masks = NULL;
  guint n_multi = 0, multi_room = 0;
  gboolean wide = FALSE;
  for (guint k = 0; k < n && !wide; k++) {
    guint64 bit = G_GUINT64_CONSTANT(1) << k;
    guint32 here = base + k;
    ZsBigramWalk wk = zs_bigram_walk(texts[k], lens[k]);
    for (guint32 k32; zs_bigram_next_bmp(&wk, &k32, &wide);) {
      GapSlot *s = gap_slot(t, bits, base, k32);
      if (s->at < base) {
        s->key = k32;
        s->at = here;
        single[k]++;
        if (++used * 2 > (1u << bits)) { /* double the table */
          GapSlot *old = t;
          guint n_old = 1u << bits;
          bits++;
          t = g_new0(GapSlot, 1u << bits);
          for (guint i = 0; i < n_old; i++)
            if (old[i].at >= base)
              *gap_slot(t, bits, base, old[i].key) = old[i];
          g_free(old);
          tab->t = t;
          tab->bits = bits;
        }
      } else if (s->at - base >= GAP_MULTI) {
        masks[s->at - base - GAP_MULTI] |= bit;
      } else if (s->at != here) { /* in one paragraph before this */
        single[s->at - base]--;
        if (n_multi == multi_room) {
          multi_room = MAX(64, 2 * multi_room);
          masks = g_renew(guint64, masks, multi_room);
        }
        masks[n_multi] = (G_GUINT64_CONSTANT(1) << (s->at - base)) | bit;
        s->at = base + GAP_MULTI + n_multi++;
      }
    }
  }
  /* the next call's base is past every `at` written here */
  tab->base = base + GAP_MULTI + n_multi + 1;
  if (wide) {
    g_free(masks);
    return GAP_WIDE;
  }
  guint left[64] = {0}, right[64] = {0}, shared[64] = {0};
  /* the gaps 1..n-1 */
  guint64 gaps = (n == 64 ? ~G_GUINT64_CONSTANT(0) : (G_GUINT64_CONSTANT(1) << n) - 1) &
                 ~G_GUINT64_CONSTANT(1);
  for (guint i = 0; i < n_multi; i++) {
    guint64 m = masks[i], l = 0, r = 0;
    for (guint d = 1; d <= w; d++)
      l |= m << d;
    for (guint d = 0; d < w; d++)
      r |= m >> d;
    l &= gaps;
    r &= gaps;
    for (guint64 b = l & r; b; b &= b - 1)
      shared[__builtin_ctzll(b)]++;
    for (; l; l &= l - 1)
      left[__builtin_ctzll(l)]++;
    for (; r; r &= r - 1)
      right[__builtin_ctzll(r)]++;
  }
  g_free(masks);
  for (guint p = 0; p < n; p++) {
    if (!single[p])
      continue;
    for (guint g = p + 1; g <= p + w && g < n; g++)
      left[g] += single[p];
    for (guint g = p + 1 > w ? p + 1 - w : 1; g <= p; g++)
      right[g] += single[p];
  }
  guint best = n;
  double best_sim = 2.0;
  for (guint g = 1; g < n; g++) {
    guint m = MIN(left[g], right[g]);
    double sim = m ? (double)shared[g] / m : 1.0;
    if (sim < best_sim) {
      best_sim = sim;
      best = g;
    }
  }
  return best;
}

/* zs_topic_gap() with the table `tab` (NULL: a table of its own for the
 * call). */
static guint gap_with(GapTable *tab, const char *const *texts, const gsize *lens, guint n,
                      guint w) {
  guint best = n;
  double best_sim = 2.0;
  if (n < 2)
    return n;
  if (n <= 64 && w < 64) {
    GapTable own = {NULL, 0, 0};
    guint g = gap_by_masks(tab ? tab : &own, texts, lens, n, w);
    g_free(own.t);
    if (tab && tab->bits > GAP_KEEP_BITS) {
      g_clear_pointer(&tab->t, g_free);
      tab->bits = 0;
    }
    if (g != GAP_WIDE)
      return g;
  }
  /* longer runs (and bigrams outside the BMP): each paragraph's sorted
   * keys, the sides merged per gap */
  GArray **keys = g_new(GArray *, n);
  for (guint k = 0; k < n; k++)
    keys[k] = zs_topic_keys(texts[k], lens[k]);
  GArray *left = g_array_new(FALSE, FALSE, sizeof(guint64));
  GArray *right = g_array_new(FALSE, FALSE, sizeof(guint64));
  GArray *tmp = g_array_new(FALSE, FALSE, sizeof(guint64));
  for (guint g = 1; g < n; g++) {
    union_of(&left, &tmp, keys, g > w ? g - w : 0, g);
    union_of(&right, &tmp, keys, g, MIN(n, g + w));
    guint h = zs_topic_common(left, right);
    guint m = MIN(left->len, right->len);
    double sim = m ? (double)h / m : 1.0;
    if (sim < best_sim) {
      best_sim = sim;
      best = g;
    }
  }
  for (guint k = 0; k < n; k++)
    g_array_unref(keys[k]);
  g_free(keys);
  g_array_unref(left);
  g_array_unref(right);
  g_array_unref(tmp);
  return best;
}

guint zs_topic_gap(const char *const *texts, const gsize *lens, guint n, guint w) {
  return gap_with(NULL, texts, lens, n, w);
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
  GapTable gap; /* lent to zs_topic_window_gap() */
};

ZsTopicWindow *zs_topic_window_new(gsize max) {
  ZsTopicWindow *w = g_new0(ZsTopicWindow, 1);
  w->max = max;
  w->tag = 1; /* the table is made when first needed (catch_up()) */
  return w;
}

void zs_topic_window_free(ZsTopicWindow *w) {
  if (!w)
    return;
  g_free(w->pending);
  g_free(w->slot);
  g_free(w->gap.t);
  g_free(w);
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
  return gap_with(&w->gap, texts, lens, n, width);
}
