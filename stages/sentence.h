/* sentence.h: sentence spans and the byline form, for the segmenter
 * (sentence.c). zs_seg_split_sentences() (segment.h) is the public face. */
#ifndef ZS_SENTENCE_H
#define ZS_SENTENCE_H

#include "zhstats.h"

/* Byte spans of the sentences of text[0, len): pairs of gsize (start, end).
 * A sentence ends after a run of 。！？ plus the closing quotes and brackets
 * that follow it, or at the end. Returns a new array. */
GArray *zs_sent_spans(const char *text, gsize len);
/* The same spans in a plain buffer that serves paragraph after paragraph
 * (the segmenter's, one per article): v[0, 2 * n) are the n pairs; v has
 * room for `room` gsize and is grown with g_renew() (NULL and 0 to start;
 * the owner frees v with g_free()). */
typedef struct {
  gsize *v;
  guint n, room;
} ZsSpans;
void zs_sent_spans_into(ZsSpans *spans, const char *text, gsize len);
/* zs_sent_spans_into() that keeps the spans already there: the new ones
 * (offsets into this text) follow them, and n counts all. */
void zs_sent_spans_append(ZsSpans *spans, const char *text, gsize len);

/* Sets *dst (freeing the old value) to the byline s[0, len) as zhstats.h
 * shows it, "记者 孙秀艳": a space goes back around each role word. */
void zs_sent_byline(char **dst, const char *s, gsize len);

#endif
