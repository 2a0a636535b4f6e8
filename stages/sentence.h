/* sentence.h: sentence spans and the byline form, for the segmenter
 * (sentence.c). zs_seg_split_sentences() (segment.h) is the public face. */
#ifndef ZS_SENTENCE_H
#define ZS_SENTENCE_H

#include "zhstats.h"

/* Byte spans of the sentences of text[0, len): pairs of gsize (start, end).
 * A sentence ends after a run of 。！？ plus the closing quotes and brackets
 * that follow it, or at the end. Returns a new array. */
GArray *zs_sent_spans(const char *text, gsize len);
/* The same spans into `spans` (emptied first), so that one array serves
 * paragraph after paragraph. */
void zs_sent_spans_into(GArray *spans, const char *text, gsize len);

/* Sets *dst (freeing the old value) to the byline s[0, len) as zhstats.h
 * shows it, "记者 孙秀艳": a space goes back around each role word. */
void zs_sent_byline(char **dst, const char *s, gsize len);

#endif
