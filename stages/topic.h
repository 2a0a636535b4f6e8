/* topic.h: the segmenter's measures of topic on character bigrams, the
 * bigrams of overlap.h counted alike, in forms that stay cheap where the
 * segmenter asks often (topic.c, topic_gap.c): the sorted keys of a
 * text, the gap of least cohesion in a run of paragraphs, and the bigrams
 * of the last bytes of a growing text (an article's body). */
#ifndef ZS_TOPIC_H
#define ZS_TOPIC_H

#include <glib.h>

/* The distinct bigrams of s[0, len) (the set zs_overlap_add() builds) as
 * sorted guint64 keys. Returns a new array. */
GArray *zs_topic_keys(const char *s, gsize len);

/* How many keys the sorted distinct key arrays a and b share. */
guint zs_topic_common(const GArray *a, const GArray *b);

/* Marks found[i] for each of the sorted distinct `keys` among the bigrams
 * of the last `max` bytes of s[0, len) (the part zs_overlap_add_tail()
 * reads). Returns how many it marked that were not marked yet. */
guint zs_topic_find_tail(const GArray *keys, const char *s, gsize len, gsize max,
                         guint8 *found);
/* zs_topic_find_tail() that stops once it has marked `enough` keys (so
 * MIN(its answer, enough)), for a caller that compares the count with a
 * bound. `found` may be NULL: the marks then last only for the call (none
 * made before). */
guint zs_topic_find_tail_upto(const GArray *keys, const char *s, gsize len, gsize max,
                              guint8 *found, guint enough);

/* The gap g (1..n-1, between texts[g-1] and texts[g]) where the `w` texts
 * on either side share the fewest bigrams, as a share of the smaller
 * side's bigrams; the first such gap on a tie, n when n < 2. lens[k] is
 * the length of texts[k]. */
guint zs_topic_gap(const char *const *texts, const gsize *lens, guint n, guint w);

/* The bigrams of the last `max` bytes of a text pushed paragraph by
 * paragraph (no bigram across paragraphs): the set that
 * zs_overlap_add_tail() builds from the paragraphs, last first, each with
 * the bytes still left of `max`. One window serves one text after another:
 * zs_topic_window_reset() starts the next. */
typedef struct ZsTopicWindow ZsTopicWindow;
ZsTopicWindow *zs_topic_window_new(gsize max);
void zs_topic_window_free(ZsTopicWindow *w);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(ZsTopicWindow, zs_topic_window_free)
/* Forgets the text: the window starts empty. Returns the number of resets
 * so far, which zs_topic_window_reset_no() gives until the next one (a
 * user of a shared window tells by it whether the text is still its own). */
guint zs_topic_window_reset(ZsTopicWindow *w);
guint zs_topic_window_reset_no(const ZsTopicWindow *w);
/* Appends a paragraph. Breaks the ownership rule: `text` is borrowed, and
 * must stay valid as long as the window (it is read again as it leaves). */
void zs_topic_window_push(ZsTopicWindow *w, const char *text, gsize len);
/* How many of the sorted distinct `keys` (zs_topic_keys()) are in the
 * window. */
guint zs_topic_window_hits(ZsTopicWindow *w, const GArray *keys);
/* MIN(zs_topic_window_hits(), enough), which may cost less to tell: the
 * segmenter's tests only compare the count with a threshold. */
guint zs_topic_window_hits_upto(ZsTopicWindow *w, const GArray *keys, guint enough);
/* zs_topic_gap() (width `width`) with a table the window keeps from one
 * call to the next, instead of one made and cleared for each: the
 * segmenter's cohesion gap. The window's text is not read or changed. */
guint zs_topic_window_gap(ZsTopicWindow *w, const char *const *texts, const gsize *lens,
                          guint n, guint width);

#endif
