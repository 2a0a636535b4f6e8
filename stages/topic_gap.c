/* topic_gap.c: the cohesion gap (zs_topic_gap(), topic.h), where a run of
 * paragraphs splits between two headlines' texts: the gap whose w
 * paragraphs on either side share the fewest character bigrams, as a share
 * of the smaller side's. The text is read once: up to 64 paragraphs, a
 * table maps each bigram to the paragraphs it occurs in (gap_by_masks());
 * longer runs extract each paragraph's bigrams once, as sorted keys
 * (zs_topic_keys()), and merge the sides from them instead of rebuilding
 * hash sets for each gap. Apart from topic.c, whose headline tests share
 * only those keys with it; topic.c's window lends it a table kept from
 * call to call (topic_gap.h).
 */
#include "topic.h"
#include "topic_gap.h"

#include "overlap.h"

#include <string.h>

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
 * The table (ZsTopicZsTopicGapTable, topic_gap.h) serves call after call without being cleared: a
 * slot is in use when its `at` is at least the call's `base`, which is
 * past every `at` written before, so older slots read as empty. `at` is
 * base + the paragraph while one paragraph has the bigram, else base +
 * GAP_MULTI + the index of its paragraph set in `masks`. */


#define GAP_MULTI 64u
#define GAP_WIDE G_MAXUINT
/* A table of more than 1 << GAP_KEEP_BITS slots (64 KB, for a text over
 * 16 KB; most articles are far shorter) is freed after its call rather
 * than kept, so a long article leaves no large table behind. */
#define GAP_KEEP_BITS 13

/* The slot of `key` in t (1 << bits slots, as shift = 32 - bits and
 * mask = (1 << bits) - 1, which the loop keeps at hand) in use since
 * `base`, or the free one where it would go. */
static inline ZsTopicGapSlot *gap_slot(ZsTopicGapSlot *t, guint shift, guint mask, guint32 base,
                                       guint32 key) {
  guint i = (key * 0x9E3779B1u) >> shift;
  while (t[i].at >= base && t[i].key != key)
    i = (i + 1) & mask;
  return &t[i];
}

/* Empties the table, making it 1 << bits slots. */
static void gap_table_make(ZsTopicGapTable *tab, guint bits) {
  g_free(tab->t);
  tab->t = g_new0(ZsTopicGapSlot, 1u << bits);
  tab->bits = bits;
  tab->base = 1;
}

/* Each byte spread to one bit per byte: bit b of i is bit 8b of
 * zs_topic_gap_spread[i] (ZsTopicGapCounts). */
#define SPREAD(i)                                                                          \
  ((guint64)((i) & 1) | (guint64)((i) >> 1 & 1) << 8 | (guint64)((i) >> 2 & 1) << 16 |   \
   (guint64)((i) >> 3 & 1) << 24 | (guint64)((i) >> 4 & 1) << 32 |                      \
   (guint64)((i) >> 5 & 1) << 40 | (guint64)((i) >> 6 & 1) << 48 |                      \
   (guint64)((i) >> 7 & 1) << 56)
#define SPREAD4(i) SPREAD(i), SPREAD(i + 1), SPREAD(i + 2), SPREAD(i + 3)
#define SPREAD16(i) SPREAD4(i), SPREAD4(i + 4), SPREAD4(i + 8), SPREAD4(i + 12)
#define SPREAD64(i) SPREAD16(i), SPREAD16(i + 16), SPREAD16(i + 32), SPREAD16(i + 48)
const guint64 zs_topic_gap_spread[256] = {SPREAD64(0), SPREAD64(64), SPREAD64(128),
                                          SPREAD64(192)};

void zs_topic_gap_counts_init(ZsTopicGapCounts *c, guint n) {
  memset(c, 0, sizeof *c);
  c->lanes = (MIN(n, 64) + 7) / 8;
}

void zs_topic_gap_counts_flush(ZsTopicGapCounts *c) {
  for (guint j = 0; j < c->lanes; j++) {
    for (guint b = 0; b < 8; b++)
      c->total[8 * j + b] += (guint)(c->lane[j] >> (8 * b) & 0xFF);
    c->lane[j] = 0;
  }
  c->pending = 0;
}

static guint gap_by_masks(ZsTopicGapTable *tab, const char *const *texts, const gsize *lens, guint n,
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
  ZsTopicGapSlot *t = tab->t;
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
  /* the table's size, as the loop asks it (kept in step by the doubling) */
  guint grow_at = 1u << (bits - 1), shift = 32 - bits, mask = (1u << bits) - 1;
  for (guint k = 0; k < n && !wide; k++) {
    guint64 bit = G_GUINT64_CONSTANT(1) << k;
    guint32 here = base + k;
    guint fresh = 0; /* single[k], counted here: only this paragraph adds to it */
    ZsBigramWalk wk = zs_bigram_walk(texts[k], lens[k]);
    for (guint32 k32; zs_bigram_next_bmp(&wk, &k32, &wide);) {
      ZsTopicGapSlot *s = gap_slot(t, shift, mask, base, k32);
      if (s->at < base) {
        s->key = k32;
        s->at = here;
        fresh++;
        if (++used > grow_at) { /* double the table */
          ZsTopicGapSlot *old = t;
          guint n_old = 1u << bits;
          bits++;
          grow_at = n_old;
          shift--;
          mask = 2 * n_old - 1;
          t = g_new0(ZsTopicGapSlot, 1u << bits);
          for (guint i = 0; i < n_old; i++)
            if (old[i].at >= base)
              *gap_slot(t, shift, mask, base, old[i].key) = old[i];
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
    single[k] += fresh;
  }
  /* the next call's base is past every `at` written here */
  tab->base = base + GAP_MULTI + n_multi + 1;
  if (wide) {
    g_free(masks);
    return GAP_WIDE;
  }
  /* the bigrams in several paragraphs: a set of gaps added to each side's
   * counters at once */
  ZsTopicGapCounts lc, rc, sc;
  zs_topic_gap_counts_init(&lc, n);
  zs_topic_gap_counts_init(&rc, n);
  zs_topic_gap_counts_init(&sc, n);
  /* the gaps 1..n-1 */
  guint64 gaps = (n == 64 ? ~G_GUINT64_CONSTANT(0) : (G_GUINT64_CONSTANT(1) << n) - 1) &
                 ~G_GUINT64_CONSTANT(1);
  for (guint i = 0; i < n_multi; i++) {
    guint64 m = masks[i], l = 0, r = 0;
    if (w == 3) { /* the segmenter's width, unrolled */
      l = m << 1 | m << 2 | m << 3;
      r = m | m >> 1 | m >> 2;
    } else {
      for (guint d = 1; d <= w; d++)
        l |= m << d;
      for (guint d = 0; d < w; d++)
        r |= m >> d;
    }
    l &= gaps;
    r &= gaps;
    zs_topic_gap_counts_add(&lc, l);
    zs_topic_gap_counts_add(&rc, r);
    zs_topic_gap_counts_add(&sc, l & r);
  }
  g_free(masks);
  zs_topic_gap_counts_flush(&lc);
  zs_topic_gap_counts_flush(&rc);
  zs_topic_gap_counts_flush(&sc);
  guint *left = lc.total, *right = rc.total, *shared = sc.total;
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

guint zs_topic_gap_with(ZsTopicGapTable *tab, const char *const *texts, const gsize *lens, guint n,
                      guint w) {
  guint best = n;
  double best_sim = 2.0;
  if (n < 2)
    return n;
  if (n <= 64 && w < 64) {
    ZsTopicGapTable own = {NULL, 0, 0};
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
  return zs_topic_gap_with(NULL, texts, lens, n, w);
}
