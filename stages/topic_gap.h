/* topic_gap.h: the cohesion gap's table, shared by topic_gap.c (which
 * fills it) and topic.c's window (which keeps one from call to call, so
 * the segmenter's gap questions allocate nothing once it has grown). Not
 * for other modules: they ask zs_topic_gap() or zs_topic_window_gap()
 * (topic.h). */
#ifndef ZS_TOPIC_GAP_H
#define ZS_TOPIC_GAP_H

#include <glib.h>

/* A bigram of two BMP characters (32 bits) and where it occurs; see
 * topic_gap.c for what `at` means. */
typedef struct {
  guint32 key, at;
} ZsTopicGapSlot;

/* Zero-initialized it is empty; t is freed with g_free(). */
typedef struct {
  ZsTopicGapSlot *t;
  guint bits;  /* 1 << bits slots; 0 before the first call */
  guint32 base;
} ZsTopicGapTable;

/* Up to sixty-four counters (one per gap) to which a set of them (a bit
 * each) is added at a time: the cohesion gap adds three sets (left, right,
 * both) for every bigram that more than one paragraph has, each a run or
 * two of neighbouring gaps. Counter g is byte g % 8 of lane g / 8, so a
 * set is added a byte at a time, eight counters at once: the byte spread
 * to one bit per byte (zs_topic_gap_spread) is added to its lane. A byte
 * holds up to 255, so every 255 additions the lanes are emptied into
 * `total`. Only the lanes that can hold the caller's counters are read. */
typedef struct {
  guint64 lane[8];
  guint lanes;   /* lanes in use: the counters below 8 * lanes */
  guint pending; /* additions since the lanes were last emptied */
  guint total[64];
} ZsTopicGapCounts;

extern const guint64 zs_topic_gap_spread[256];

/* Counters 0..n-1 (n <= 64), all 0. */
void zs_topic_gap_counts_init(ZsTopicGapCounts *c, guint n);
/* Empties the lanes into `total` (counter g is total[g] after it). */
void zs_topic_gap_counts_flush(ZsTopicGapCounts *c);

/* Adds 1 to the counters of `set`, which has no bit at or past 8 * lanes. */
static inline void zs_topic_gap_counts_add(ZsTopicGapCounts *c, guint64 set) {
  for (guint j = 0; j < c->lanes; j++, set >>= 8)
    c->lane[j] += zs_topic_gap_spread[set & 0xFF];
  if (++c->pending == 255)
    zs_topic_gap_counts_flush(c);
}

/* zs_topic_gap() with the table `tab` (NULL: a table of its own for the
 * call), which it may grow, replace or free (then t is NULL, bits 0). */
guint zs_topic_gap_with(ZsTopicGapTable *tab, const char *const *texts, const gsize *lens,
                        guint n, guint w);

#endif
