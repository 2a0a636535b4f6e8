/* overlap.c: character-bigram sets (see overlap.h), one implementation for
 * the normalizer and the segmenter, so both stages judge topic alike.
 *
 * The sets are built for every candidate headline and paragraph join, so
 * they are the segmenter's and normalizer's inner loop: a bigram is two code
 * points packed into one 64-bit key (never 0), kept in an open-addressing
 * table of keys (linear probing, at most half full) whose first slots live
 * inside the struct, so a small set costs no allocation. */
#include "overlap.h"
#include "utf8.h"

#include <string.h>

#define INLINE_SLOTS 64

struct ZsBigrams {
  guint64 *slot; /* 0 = empty */
  guint mask;    /* slots - 1, a power of two minus one */
  guint n;
  guint64 inline_slot[INLINE_SLOTS];
};

ZsBigrams *zs_overlap_set_new(void) {
  ZsBigrams *b = g_new0(ZsBigrams, 1);
  b->slot = b->inline_slot;
  b->mask = INLINE_SLOTS - 1;
  return b;
}

void zs_overlap_free(ZsBigrams *b) {
  if (!b)
    return;
  if (b->slot != b->inline_slot)
    g_free(b->slot);
  g_free(b);
}

guint zs_overlap_size(const ZsBigrams *b) {
  return b->n;
}

static inline guint slot_of(const ZsBigrams *b, guint64 key) {
  key ^= key >> 29;
  key *= G_GUINT64_CONSTANT(0x9E3779B97F4A7C15);
  return (guint)(key >> 40) & b->mask;
}

static gboolean has(const ZsBigrams *b, guint64 key) {
  for (guint i = slot_of(b, key);; i = (i + 1) & b->mask) {
    if (b->slot[i] == key)
      return TRUE;
    if (!b->slot[i])
      return FALSE;
  }
}

static void put(ZsBigrams *b, guint64 key);

static void grow(ZsBigrams *b) {
  guint64 *old = b->slot;
  guint n_old = b->mask + 1;
  b->slot = g_new0(guint64, n_old * 2);
  b->mask = n_old * 2 - 1;
  b->n = 0;
  for (guint i = 0; i < n_old; i++)
    if (old[i])
      put(b, old[i]);
  if (old != b->inline_slot)
    g_free(old);
}

static void put(ZsBigrams *b, guint64 key) {
  guint i = slot_of(b, key);
  for (; b->slot[i]; i = (i + 1) & b->mask)
    if (b->slot[i] == key)
      return;
  b->slot[i] = key;
  if (++b->n * 2 > b->mask + 1)
    grow(b);
}


/* Room for `extra` more keys without growing step by step: a text of len
 * bytes has at most len / 3 bigrams of ideographs, the common case. */
static void reserve(ZsBigrams *b, gsize extra) {
  gsize want = (b->n + extra) * 2;
  if (want <= (gsize)b->mask + 1 || want > G_MAXUINT / 2)
    return;
  if (b->n == 0) {
    guint size = b->mask + 1;
    while (size < want)
      size *= 2;
    if (b->slot != b->inline_slot)
      g_free(b->slot);
    b->slot = g_new0(guint64, size);
    b->mask = size - 1;
    return;
  }
  while ((gsize)b->mask + 1 < want)
    grow(b);
}

void zs_overlap_add(ZsBigrams *set, const char *s, gsize len) {
  reserve(set, len / 3);
  ZsBigramWalk w = zs_bigram_walk(s, len);
  for (guint64 key; zs_bigram_next(&w, &key);)
    put(set, key);
}

void zs_overlap_add_tail(ZsBigrams *set, const char *s, gsize len, gsize max) {
  const char *from = s;
  if (len > max)
    from = g_utf8_find_next_char(s + len - max - 1, NULL);
  zs_overlap_add(set, from, s + len - from);
}

guint zs_overlap_hits(const ZsBigrams *head, const ZsBigrams *other, guint *total) {
  guint hits = 0;
  for (guint i = 0; i <= head->mask; i++)
    if (head->slot[i] && has(other, head->slot[i]))
      hits++;
  if (total)
    *total = head->n;
  return hits;
}

double zs_overlap_share(const char *s, const char *text, guint *hits) {
  g_autoptr(ZsBigrams) a = zs_overlap_set_new();
  g_autoptr(ZsBigrams) b = zs_overlap_set_new();
  zs_overlap_add(a, s, strlen(s));
  zs_overlap_add(b, text, strlen(text));
  guint n;
  guint h = zs_overlap_hits(a, b, &n);
  if (hits)
    *hits = h;
  return n ? (double)h / n : 0;
}
