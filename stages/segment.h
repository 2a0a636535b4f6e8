/* segment.h: paragraphs -> articles -> sentences, streaming.
 *
 * An article is emitted as soon as it is complete (when the next one starts,
 * or at the end of the input), so memory holds one article at a time.
 */
#ifndef ZS_SEGMENT_H
#define ZS_SEGMENT_H

#include "zhstats.h"

typedef struct ZsSegmenter ZsSegmenter;

/* A new segmenter for one input. Free with zs_seg_free(). */
ZsSegmenter *zs_seg_new(const char *file);
void zs_seg_free(ZsSegmenter *s);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(ZsSegmenter, zs_seg_free)

/* Pushes the next paragraph; takes ownership of `p`. Completed articles are
 * appended to `out` (ZsArticle*). */
void zs_seg_push(ZsSegmenter *s, ZsPara *p, GPtrArray *out);

/* Ends the input: flushes the last article(s) to `out`. */
void zs_seg_finish(ZsSegmenter *s, GPtrArray *out);

/* Convenience: segments a whole document. Returns ZsArticle*, in order. */
GPtrArray *zs_seg_document(const ZsDoc *doc);

/* Splits one paragraph of normalized text into sentences, by the gold's
 * mechanical rule: a sentence ends after a run of 。！？ plus the closing
 * quotes and brackets that follow it, or at the end of the paragraph.
 * Returns a new array of new strings. */
GPtrArray *zs_seg_split_sentences(const char *para);

#endif
