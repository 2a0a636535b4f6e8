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

/* zs_topic_gap() with the table `tab` (NULL: a table of its own for the
 * call), which it may grow, replace or free (then t is NULL, bits 0). */
guint zs_topic_gap_with(ZsTopicGapTable *tab, const char *const *texts, const gsize *lens,
                        guint n, guint w);

#endif
