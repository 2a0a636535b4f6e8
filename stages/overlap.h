/* overlap.h: character-bigram sets, the one measure of "same topic" that
 * the normalizer (headline after body) and the segmenter (whose headline,
 * where an article splits) share.
 *
 * A set holds the bigrams of runs of word characters (ideographs, letters,
 * digits): no word segmentation is needed for Chinese, and two texts on one
 * topic share many of them.
 */
#ifndef ZS_OVERLAP_H
#define ZS_OVERLAP_H

#include <glib.h>

typedef struct ZsBigrams ZsBigrams;

/* A new, empty bigram set; free with zs_overlap_free(). */
ZsBigrams *zs_overlap_set_new(void);
void zs_overlap_free(ZsBigrams *set);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(ZsBigrams, zs_overlap_free)

/* Number of distinct bigrams in `set`. */
guint zs_overlap_size(const ZsBigrams *set);

/* Adds the bigrams of s[0, len) to `set`. */
void zs_overlap_add(ZsBigrams *set, const char *s, gsize len);

/* zs_overlap_add() on the last `max` bytes of s[0, len) only (a bounded
 * look back). */
void zs_overlap_add_tail(ZsBigrams *set, const char *s, gsize len, gsize max);

/* How many of `head`'s bigrams `other` has; *total (may be NULL) gets the
 * number of `head`'s bigrams. */
guint zs_overlap_hits(const ZsBigrams *head, const ZsBigrams *other, guint *total);

/* Share (0..1) of the bigrams of `s` that occur in `text`; *hits (may be
 * NULL) gets their count. */
double zs_overlap_share(const char *s, const char *text, guint *hits);

#endif
