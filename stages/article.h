/* article.h: the article the segmenter is building (article.c): its
 * paragraphs with their kind and role, and the tests on them. Private to
 * the segmenter; the public result is ZsArticle (zhstats.h). */
#ifndef ZS_ARTICLE_H
#define ZS_ARTICLE_H

#include "classify.h"
#include "topic.h"

/* How much of an article's body the topic tests read, in bytes: the size
 * of the window given to zs_art_new(). */
#define ZS_ART_OVERLAP_WINDOW 6000

/* What a paragraph is in its article. */
typedef enum { ZS_ROLE_BODY, ZS_ROLE_SKIP, ZS_ROLE_HEAD, ZS_ROLE_SUB } ZsRole;

typedef struct ZsArtPool ZsArtPool;

/* A paragraph of the input with its kind and role. */
typedef struct ZsArtItem {
  ZsPara *p;
  gboolean owned;  /* p is freed with the item (not in zs_seg_document) */
  ZsParaKind kind;
  ZsRole role;
  gsize len;       /* strlen(p->text), measured once */
  gsize dateline;  /* zs_class_dateline_len(p->text) of a ZS_PK_DATELINE */
  gsize skip, cut; /* bytes dropped at the start and the end of the text */
  /* zs_art_headline_like()'s answer for kind `headline_kind` (the text
   * never changes; the kind may): 0 not asked yet, 1 no, 2 yes */
  guint8 headline;
  ZsParaKind headline_kind;
  ZsArtPool *pool;          /* where zs_art_item_free() puts it back */
  struct ZsArtItem *next;   /* the next free item, while in the pool */
} ZsArtItem;

/* The segmenter makes and frees an item for every paragraph: freed items
 * wait in a pool for the next paragraph instead of a malloc and a free
 * each. The pool must outlive its items; zs_art_pool_free() keeps one
 * pool, with the items waiting in it, for the thread's next
 * zs_art_pool_new(), and frees any other. */
ZsArtPool *zs_art_pool_new(void);
void zs_art_pool_free(ZsArtPool *pool);
/* A new item from the pool: every field 0 but `pool`. */
ZsArtItem *zs_art_item_new(ZsArtPool *pool);

/* An article under construction. */
typedef struct {
  GPtrArray *items;   /* ZsArtItem*, in input order */
  char *headline, *subtitle, *dateline, *byline;
  gboolean head_before;  /* its headline came before its body */
  gsize body_bytes;
  guint n_body;
  /* the body's bigrams, for zs_art_body_hits(): the segmenter's window
   * (borrowed), and its reset_no while it holds this body */
  ZsTopicWindow *win;
  guint win_no;
  ZsArtPool *pool; /* its items' pool, which keeps it when freed */
} ZsArt;

/* Frees the item (back to its pool), and its paragraph when `owned`. */
void zs_art_item_free(ZsArtItem *it);

/* The kind tests of classify.h, on an item. */
gboolean zs_art_headline_like(const ZsArtItem *it);
gboolean zs_art_subtitle_like(const ZsArtItem *it);
/* Any short line that can stand as a web page's headline, clause
 * punctuation allowed: only page metadata around it tells it from a short
 * body line. */
gboolean zs_art_title_like(const ZsArtItem *it);
/* A short paragraph ending in a word (or %, a closing quote or book mark):
 * after body text, a section subhead, not body. */
gboolean zs_art_subhead_like(const ZsArtItem *it);
/* The text's last paragraph, short and without a stop, is a sentence left
 * open: longer than a subhead, or a number with a unit in it. */
gboolean zs_art_open_last_sentence(const ZsArtItem *it);

/* A new article; it borrows `win` (which must outlive it) for its body's
 * bigrams, sharing it with the articles before and after it, and `pool`
 * (which must outlive it too) for its items. zs_art_free() hands its items
 * and itself back to the pool (one article is kept for the next). */
ZsArt *zs_art_new(ZsTopicWindow *win, ZsArtPool *pool);
void zs_art_free(ZsArt *a);
/* Appends `it` (taken) with `role`. */
void zs_art_add(ZsArt *a, ZsArtItem *it, ZsRole role);
/* *dst = a copy of s[0, len), the old value freed. */
void zs_art_set_str(char **dst, const char *s, gsize len);
/* Appends s to *dst (NULL is ""). */
void zs_art_append_str(char **dst, const char *s);
/* Appends s[0, len) to *dst (NULL is ""). */
void zs_art_append_len(char **dst, const char *s, gsize len);
/* Sets the byline from a byline paragraph: （记者 X）, 本报记者 X, 文/X. */
void zs_art_take_byline(ZsArt *a, const ZsArtItem *it);
/* Builds the public article numbered `no` from `a`, and frees `a`. */
ZsArticle *zs_art_finish(ZsArt *a, guint no);

/* How many of the bigrams `keys` (zs_topic_keys()) occur in the last few KB
 * of the body text of `a`, counted up to `enough` (the caller's threshold:
 * the answer is MIN(hits, enough)). */
guint zs_art_body_hits(ZsArt *a, const GArray *keys, guint enough);
/* How many of `keys` occur in the last ~200 characters of the body of `a`
 * (what a subhead does not restate and a headline does). */
guint zs_art_recent_hits(const ZsArt *a, const GArray *keys);
/* The gap (1..n-1 among the body items listed in body_idx) where the text
 * splits into two articles: least bigram overlap across it; n if none. */
guint zs_art_cohesion_gap(const ZsArt *a, GArray *body_idx);
/* Is the plain line `it` restated by the lead `next` (>= 2 bigrams)? */
gboolean zs_art_restated(const ZsArtItem *it, const ZsArtItem *next);
/* Are the items block[from..], right before body `next` inside the open
 * article `a`, the next article's headline? See segment.c, rule 5. `head`
 * is the caller's scratch (its text is replaced). */
gboolean zs_art_new_topic_headline(ZsArt *a, GPtrArray *block, guint from,
                                   const ZsArtItem *next, GString *head);

#endif
