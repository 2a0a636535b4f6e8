/* segment_int.h: the segmenter's state, shared by segment.c (paragraphs,
 * the block, datelines, openings) and segment_after.c (rule 2: a headline
 * after its body closes it). Private to those two files.
 */
#ifndef ZS_SEGMENT_INT_H
#define ZS_SEGMENT_INT_H

#include "segment.h"

#include "article.h"
#include "classify.h"

typedef ZsArtItem Item;
typedef ZsArt Art;

struct ZsSegmenter {
  char *file;
  guint next_no;
  Art *cur;
  GPtrArray *block;  /* Item*: furniture since the last body paragraph */
  Item *held;        /* a body paragraph waiting to see if a credit follows */
  ZsTopicWindow *win; /* the open article's body bigrams (article.h) */
  ZsArtPool *pool;    /* the paragraphs' items, made and freed there */
  GString *head;      /* scratch: a headline run's text, for its bigrams */
  /* A page keeps one convention (rule 2). lead_heads: it began with a
   * headline over its body; tail_heads: it began with body text, or (not
   * lead_heads) a headline closed the body before it. */
  gboolean lead_heads, tail_heads;
};

/* Hands the open article, if any is worth one, to `out` (numbered) and
 * forgets it. */
void zs_seg_emit(ZsSegmenter *sg, GPtrArray *out);
/* Rule 2 (segment.c): is a headline after the open article's body at the
 * start of the block, before body paragraph `next` (NULL at the end)? If
 * so the article is closed with it (and emitted). Returns the end of the
 * block's run it consumed, 0 if none. */
guint zs_seg_after_body_headline(ZsSegmenter *sg, const ZsArtItem *next, GPtrArray *out);

#endif
