/* segment.c: paragraphs -> articles -> sentences, streaming.
 *
 * A page is a sequence of body paragraphs and short "furniture" paragraphs
 * (headlines, subtitles, kickers, bylines, section subheads, markers,
 * captions). Body paragraphs drive the segmenter: the furniture seen since
 * the last body paragraph (the block) is resolved when the next body
 * paragraph arrives, by these principles, decided on the text alone:
 *
 *  1. A dateline (本报讯, 本报北京1月30日电, 新华社…电) or a continuation note
 *     (（上接第一版）) always opens a new article; after 上接 the headline is
 *     not on the page, so it is empty. The dateline and the byline in
 *     brackets after it are not part of the first sentence.
 *  2. Headline after body (PDF pages): a headline restates its own body's
 *     topic. A run of 1-3 short lines without punctuation (or one
 *     quotation in 「」), plus a ——subtitle and bylines, that follows body
 *     text is that body's headline when its character bigrams overlap the
 *     body (>= 2 and >= 20% of its bigrams) and, when the next paragraph
 *     could still be this article's (no end, no dateline), overlap the last
 *     ~200 characters before it more than that paragraph. A section subhead
 *     (把舵定向开新篇) announces the text after it rather than restating the
 *     text before it, so it stays in the article as a non-body line.
 *     A page keeps one convention: on a page that began with body text (or,
 *     unless it began with a headline, once a headline closed a body), a
 *     headline-like run before a dateline or the end closes the body before
 *     it when that body has no headline yet, however weak the overlap; on a
 *     page that began with a headline over its body, a run right before a
 *     dateline is the next article's headline, however strong the overlap.
 *     A markdown heading stands after its body when only bylines, captions
 *     or markers follow it before the end, or before the next heading or a
 *     dateline with a byline between; with no byline, the same overlap test
 *     decides. If that body already had a headline before it, the two
 *     headlines share the text: it is split at the gap where the paragraphs
 *     on either side share the fewest bigrams (lexical cohesion).
 *  3. Headline before body: the last markdown heading of the block is the
 *     next article's headline when a byline, subtitle or dateline follows it
 *     or no article is open; headings before it are column markers, plain
 *     short lines before it kickers, a short line after it a subtitle (or,
 *     right before an undated body, the byline). A heading followed directly
 *     by body text inside an open article is a section subhead. A plain
 *     headline followed by a byline opens an article too.
 *  4. A paragraph followed by a photo credit (…摄影报道, …摄) is a caption;
 *     both are dropped, as are section markers (■ …). A short paragraph with
 *     clause punctuation right after body text is body text, unless it is a
 *     kicker (before a heading, or ending in —— before a headline).
 *     The text's last paragraph, short and without its stop, is its last
 *     sentence when it states a quantity or is longer than a subhead.
 *  5. Web pages (classify.c knows their furniture): page metadata (来源：,
 *     编辑：, the page's date, 【字号】, share and print links) is dropped;
 *     a headline with metadata under it opens an article, and may carry
 *     clause punctuation (国家统计局：…); metadata after body text ends the
 *     article, as an editor's note （责任编辑：X） or （完） does. A plain
 *     line under a plain headline is a subtitle only when the lead restates
 *     it, else the issuer (河西市统计局). A headline-like line followed
 *     directly by body, inside an open article, opens the next article when
 *     the lead restates it (half its bigrams), the article so far does not,
 *     and the lead starts another topic, or when the lead opens as only a
 *     lead does (记者从…获悉); numbered heads (一、 （一）) and
 *     short lines ending in a word are section subheads, not sentences.
 *
 * Sentences follow the gold's mechanical rule (zs_seg_split_sentences).
 * Memory: one article plus the pending block; an article whose body passes
 * ART_MAX_BYTES is emitted early and the text after it starts a new one.
 */
#include "segment_int.h"

#include "normalize.h"
#include "sentence.h"

#include <string.h>

#define ART_MAX_BYTES (1u << 20)
#define BLOCK_MAX 32

static gboolean starts_with(const char *s, const char *prefix) {
  return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* ---- articles ---------------------------------------------------------- */

void zs_seg_emit(ZsSegmenter *sg, GPtrArray *out) {
  if (!sg->cur)
    return;
  Art *a = g_steal_pointer(&sg->cur);
  if (a->n_body == 0 && !a->headline) {
    zs_art_free(a); /* furniture only: not an article */
    return;
  }
  g_ptr_array_add(out, zs_art_finish(a, ++sg->next_no));
}

/* Opens a new article whose furniture is block[from..]; a heading or a
 * headline-like run becomes its headline. */
static void open_article(ZsSegmenter *sg, guint from, const Item *next,
                         GPtrArray *out) {
  zs_seg_emit(sg, out);
  Art *a = sg->cur = zs_art_new(sg->win, sg->pool);
  GPtrArray *b = sg->block;
  guint h = b->len;
  for (guint k = from; k < b->len; k++)
    if (b->pdata[k] && ((Item *)b->pdata[k])->kind == ZS_PK_HEADING)
      h = k;
  /* a continuation's headline is on another page */
  if (next && next->kind == ZS_PK_CONT)
    h = G_MAXUINT;
  else if (h == b->len) {
    for (guint k = from; k < b->len; k++)
      if (b->pdata[k] && zs_art_headline_like(b->pdata[k])) {
        h = k;
        break;
      }
  }
  if (h == b->len) /* a web page's headline with punctuation */
    for (guint k = from; k < b->len; k++)
      if (b->pdata[k] && zs_art_title_like(b->pdata[k])) {
        h = k;
        break;
      }
  gboolean dated = next && next->kind == ZS_PK_DATELINE;
  /* under a ## headline the page's markup says what a plain line is */
  gboolean marked = h < b->len && ((Item *)b->pdata[h])->kind == ZS_PK_HEADING;
  for (guint k = from; k < b->len; k++) {
    Item *it = b->pdata[k];
    if (!it)
      continue;
    b->pdata[k] = NULL;
    if (k == h) {
      /* a page title's site name goes: …_新闻频道_央视网(cctv.com) */
      it->cut = zs_class_site_suffix(it->p->text);
      zs_art_append_len(&a->headline, it->p->text, it->len - it->cut);
      a->head_before = TRUE;
      zs_art_add(a, it, ZS_ROLE_HEAD);
    } else if ((k > h || h >= b->len) && it->kind == ZS_PK_BYLINE) {
      zs_art_take_byline(a, it);
      zs_art_add(a, it, ZS_ROLE_SKIP);
    } else if (k > h && it->kind == ZS_PK_SHORT && !a->subtitle &&
               (dated || k + 1 < b->len || a->byline ||
                !zs_art_headline_like(it)) &&
               (zs_art_subtitle_like(it) || marked || zs_art_restated(it, next))) {
      /* a subtitle; but the last plain line before an undated body is the
       * byline (names only) */
      a->subtitle = g_strdup(zs_class_strip_dashes(it->p->text));
      zs_art_add(a, it, ZS_ROLE_SUB);
    } else if (k > h && zs_art_headline_like(it) && !a->byline) {
      zs_art_set_str(&a->byline, it->p->text, it->len);
      zs_art_add(a, it, ZS_ROLE_SKIP);
    } else {
      zs_art_item_free(it); /* kickers, column markers, captions */
    }
  }
}

/* A short paragraph with clause punctuation after body text is body text
 * too (…发车间隔……), unless a heading follows it, or it ends in dashes
 * before a headline: then it is a kicker (公安部…开展定点帮扶——). */
static void take_short_body(ZsSegmenter *sg) {
  GPtrArray *b = sg->block;
  guint lead = 0;
  if (!sg->cur || !sg->cur->n_body)
    return;
  while (lead < b->len) {
    Item *it = b->pdata[lead];
    const Item *nx = lead + 1 < b->len ? b->pdata[lead + 1] : NULL;
    if (it->kind != ZS_PK_SHORT || zs_art_headline_like(it) || zs_art_subtitle_like(it) ||
        zs_art_subhead_like(it) ||
        (nx && nx->kind == ZS_PK_HEADING) || (nx && zs_class_ends_dashes(it->p->text) && zs_art_headline_like(nx)))
      break;
    zs_art_add(sg->cur, it, ZS_ROLE_BODY);
    b->pdata[lead++] = NULL;
  }
  g_ptr_array_remove_range(b, 0, lead);
}

/* An issuer and a date right after the body close a notice (河西市交通运输
 * 局 / 2024年1月10日): a signature, not the next article's headline. */
static void take_signature(ZsSegmenter *sg) {
  GPtrArray *b = sg->block;
  Art *a = sg->cur;
  if (!a || !a->n_body || b->len < 2)
    return;
  Item *who = b->pdata[0], *when = b->pdata[1];
  if (!zs_art_headline_like(who) || when->kind != ZS_PK_META ||
      !zs_class_is_date(when->p->text))
    return;
  if (!a->byline)
    zs_art_set_str(&a->byline, who->p->text, who->len);
  zs_art_add(a, g_ptr_array_steal_index(b, 0), ZS_ROLE_SKIP);
  zs_art_add(a, g_ptr_array_steal_index(b, 0), ZS_ROLE_SKIP);
}

/* Resolves the block before body paragraph `next` (NULL at the end). */
static void resolve(ZsSegmenter *sg, const Item *next, GPtrArray *out) {
  GPtrArray *b = sg->block;
  /* most body paragraphs follow body text: with nothing waiting, an open
   * article and no dateline or continuation to open another, nothing
   * below would act */
  if (b->len == 0 && next && sg->cur && next->kind != ZS_PK_DATELINE &&
      next->kind != ZS_PK_CONT)
    return;
  /* the page opens with body text, not a headline: rule 2's convention */
  if (!sg->cur && sg->next_no == 0 && next) {
    gboolean head = FALSE;
    for (guint k = 0; k < b->len; k++)
      head |= zs_art_headline_like(b->pdata[k]) ||
              ((Item *)b->pdata[k])->kind == ZS_PK_HEADING;
    sg->tail_heads |= !head;
    sg->lead_heads |= head;
  }
  take_short_body(sg);
  take_signature(sg);
  guint from = zs_seg_after_body_headline(sg, next, out);
  gboolean opens = next && (next->kind == ZS_PK_DATELINE || next->kind == ZS_PK_CONT);
  gboolean heading = FALSE;
  for (guint k = from; k < b->len; k++)
    if (b->pdata[k] && ((Item *)b->pdata[k])->kind == ZS_PK_HEADING)
      heading = TRUE;
  /* a plain headline with its byline before the body: a new article */
  gboolean head_byline = FALSE, seen_head = FALSE, meta = FALSE, title = FALSE;
  /* a headline then page metadata (来源：…, the date), or metadata that
   * closed the last article (编辑：X) then a title: a web page's next
   * article */
  for (guint k = from; k < b->len; k++) {
    const Item *it = b->pdata[k];
    if (!it)
      continue;
    if (zs_art_headline_like(it) || it->kind == ZS_PK_HEADING)
      seen_head = TRUE;
    else if (it->kind == ZS_PK_BYLINE && seen_head)
      head_byline = TRUE;
    /* a date alone may be a page header in the middle of a text: it
     * closes nothing, only follows a headline */
    gboolean date = it->kind == ZS_PK_META && zs_class_is_date(it->p->text);
    if (it->kind == ZS_PK_META && (title || !date))
      meta = TRUE;
    title |= zs_art_title_like(it);
  }
  if (meta && (title || (sg->cur && sg->cur->n_body)))
    head_byline = TRUE; /* metadata after body: the page ended */
  Art *a = sg->cur;
  if (!next) {
    for (guint k = from; k < b->len; k++) {
      Item *it = b->pdata[k];
      if (it && a && a->n_body && k == from && k + 1 == b->len &&
          zs_art_open_last_sentence(it)) {
        zs_art_add(a, it, ZS_ROLE_BODY); /* the text's last sentence, open */
      } else if (it && a && it->kind == ZS_PK_BYLINE && !a->byline) {
        zs_art_take_byline(a, it);
        zs_art_add(a, it, ZS_ROLE_SKIP);
      } else {
        zs_art_item_free(it);
      }
      b->pdata[k] = NULL;
    }
  } else if (opens || !a || head_byline || zs_art_new_topic_headline(sg->cur, sg->block, from, next, sg->head) ||
             (heading && !(a->n_body && b->len - from == 1 &&
                                          ((Item *)b->pdata[from])->kind == ZS_PK_HEADING))) {
    open_article(sg, from, next, out);
  } else {
    /* inside the open article: subheads, or short body paragraphs */
    for (guint k = from; k < b->len; k++) {
      Item *it = b->pdata[k];
      if (!it)
        continue;
      b->pdata[k] = NULL;
      gboolean body = it->kind == ZS_PK_SHORT && !zs_art_headline_like(it) &&
                      !zs_art_subtitle_like(it) && !zs_art_subhead_like(it);
      if (it->kind == ZS_PK_BYLINE && !a->byline)
        zs_art_take_byline(a, it);
      if (it->kind == ZS_PK_CAPTION || it->kind == ZS_PK_CREDIT || it->kind == ZS_PK_MARKER)
        zs_art_item_free(it);
      else
        zs_art_add(a, it, body ? ZS_ROLE_BODY : ZS_ROLE_SKIP);
    }
  }
  g_ptr_array_set_size(b, 0);
}

/* Adds body paragraph `it` to the article, opening one if needed. */
static void add_body(ZsSegmenter *sg, Item *it, GPtrArray *out) {
  resolve(sg, it, out);
  /* resolve() opened a fresh article for a dateline or a continuation */
  if (it->kind == ZS_PK_CONT)
    it->skip = zs_class_continuation_len(it->p->text);
  if (it->kind == ZS_PK_DATELINE) {
    const char *t = it->p->text;
    gsize d = it->dateline;
    zs_art_set_str(&sg->cur->dateline, t, d);
    gsize pl = zs_class_paren_len(t + d, 40);
    if (pl && zs_class_byline_paren(t + d, pl)) {
      zs_sent_byline(&sg->cur->byline, t + d + strlen("（"), pl - strlen("（）"));
      d += pl;
    }
    if (starts_with(t + d, "："))  /* 央视网消息（新闻联播）： */
      d += strlen("：");
    it->skip = d;
  }
  if (!sg->cur)
    sg->cur = zs_art_new(sg->win, sg->pool);
  /* At the end: a continuation note （下转第二版）, （完）, or a closing
   * byline （记者 X） after the last sentence. */
  const char *t = it->p->text;
  gsize n = it->len;
  /* only a text ending in "）" can end in a "（…）" note */
  const char *lp = n >= strlen("）") && !memcmp(t + n - strlen("）"), "）", strlen("）"))
                       ? g_strrstr_len(t, n, "（")
                       : NULL;
  gboolean ends = FALSE;
  if (lp && lp > t + it->skip && zs_class_paren_len(lp, 40) == (gsize)(t + n - lp)) {
    gsize pl = t + n - lp;
    if (starts_with(lp, "（下转") || starts_with(lp, "（转第")) {
      it->cut = pl;
    } else if (zs_class_is_endnote(lp, pl)) {
      it->cut = pl; /* （完）, （责任编辑：X）: the article ends here */
      ends = TRUE;
    } else if (zs_class_byline_paren(lp, pl) && lp > t && zs_class_ends_sentence_at(t, lp)) {
      zs_sent_byline(&sg->cur->byline, lp + strlen("（"), pl - strlen("（）"));
      it->cut = pl;
    }
  }
  zs_art_add(sg->cur, it, ZS_ROLE_BODY);
  if (ends || sg->cur->body_bytes > ART_MAX_BYTES)
    zs_seg_emit(sg, out);
}

/* ---- public API ---------------------------------------------------------- */

ZsSegmenter *zs_seg_new(const char *file) {
  ZsSegmenter *sg = g_new0(ZsSegmenter, 1);
  sg->file = g_strdup(file ? file : "-");
  sg->block = g_ptr_array_new_with_free_func((GDestroyNotify)zs_art_item_free);
  sg->win = zs_topic_window_new(ZS_ART_OVERLAP_WINDOW);
  sg->pool = zs_art_pool_new();
  sg->head = g_string_sized_new(128);
  return sg;
}

void zs_seg_free(ZsSegmenter *sg) {
  if (!sg)
    return;
  g_free(sg->file);
  g_ptr_array_unref(sg->block);
  zs_art_item_free(sg->held);
  zs_art_free(sg->cur);
  zs_topic_window_free(sg->win);
  zs_art_pool_free(sg->pool); /* after every item went back to it */
  g_string_free(sg->head, TRUE);
  g_free(sg);
}

static void push_block(ZsSegmenter *sg, Item *it, GPtrArray *out) {
  if (sg->block->len >= BLOCK_MAX) {
    /* no body for a long while: the oldest furniture goes */
    Item *old = g_ptr_array_steal_index(sg->block, 0);
    if (sg->cur)
      zs_art_add(sg->cur, old, ZS_ROLE_SKIP);
    else
      zs_art_item_free(old);
  }
  g_ptr_array_add(sg->block, it);
}

static void push(ZsSegmenter *sg, ZsPara *p, gboolean owned, GPtrArray *out) {
  if (!p->text || !*p->text) {
    if (owned)
      zs_para_free(p);
    return;
  }
  Item *it = zs_art_item_new(sg->pool);
  gsize len = zs_para_len(p), dateline;
  ZsParaKind kind = zs_class_para_len(p, len, &dateline);
  it->p = p;
  it->len = len;
  it->dateline = dateline;
  it->owned = owned;
  it->kind = kind;
  if (sg->held) {
    Item *h = g_steal_pointer(&sg->held);
    if (it->kind == ZS_PK_CREDIT) {
      h->kind = ZS_PK_CAPTION;
      push_block(sg, h, out);
      push_block(sg, it, out);
      return;
    }
    /* a line without 。 above page metadata is a headline, even a
     * question (春运车票怎么抢？) or one over 40 characters */
    if (it->kind == ZS_PK_META && h->kind == ZS_PK_BODY &&
        g_utf8_strlen(h->p->text, -1) <= 80 && !strstr(h->p->text, "。")) {
      h->kind = ZS_PK_SHORT;
      push_block(sg, h, out);
      push_block(sg, it, out);
      return;
    }
    add_body(sg, h, out);
  }
  if (it->kind == ZS_PK_END) {
    /* an editor's note closes the article: what waits is its furniture */
    resolve(sg, NULL, out);
    zs_seg_emit(sg, out);
    zs_art_item_free(it);
    return;
  }
  if (it->kind == ZS_PK_BODY || it->kind == ZS_PK_DATELINE || it->kind == ZS_PK_CONT)
    sg->held = it;
  else
    push_block(sg, it, out);
}

void zs_seg_push(ZsSegmenter *sg, ZsPara *p, GPtrArray *out) {
  g_return_if_fail(sg != NULL && p != NULL);
  push(sg, p, TRUE, out);
}

void zs_seg_finish(ZsSegmenter *sg, GPtrArray *out) {
  if (sg->held)
    add_body(sg, g_steal_pointer(&sg->held), out);
  resolve(sg, NULL, out);
  zs_seg_emit(sg, out);
}

GPtrArray *zs_seg_document(const ZsDoc *doc) {
  GPtrArray *out = g_ptr_array_new_with_free_func((GDestroyNotify)zs_article_free);
  g_autoptr(ZsSegmenter) sg = zs_seg_new(doc->file);
  /* the document keeps its paragraphs (and their line maps) */
  for (guint i = 0; i < doc->paras->len; i++)
    push(sg, doc->paras->pdata[i], FALSE, out);
  zs_seg_finish(sg, out);
  return out;
}
