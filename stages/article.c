/* article.c: the article under construction (ZsArt) and its paragraphs
 * (ZsArtItem) for the segmenter: building it, turning it into the public
 * ZsArticle, and the topic tests on it (bigram overlap of headlines, body
 * and lead) that decide where articles begin. segment.c decides roles.
 */
#include "article.h"

#include "normalize.h"
#include "perthread.h"
#include "sentence.h"
#include "topic.h"
#include "utf8.h"

#include <string.h>

/* The body text "just before" a headline candidate, in characters. */
#define RECENT_CHARS 200
/* Longer than a section subhead: the body left a sentence open. */
#define SUBHEAD_MAX_CHARS 20

static gboolean starts_with(const char *s, const char *prefix) {
  return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Up to this many free items wait in a pool (a page's worth): an article
 * of thousands of paragraphs hands most of its items back to malloc. */
#define POOL_MAX 256

/* An items array over this long, or zs_art_finish()'s spans of sentences
 * (two words each) over this many words, is not kept for the next
 * article. */
#define SPARE_ITEMS_MAX 1024
#define SPANS_KEEP_MAX (1u << 13)

struct ZsArtPool {
  ZsArtItem *free; /* linked by `next` */
  guint n_free;
  /* The last article freed, emptied (no items, no strings), for the next
   * zs_art_new(): the segmenter holds one article at a time, so one spare
   * saves the struct's and its items array's allocations per article. */
  ZsArt *spare;
  /* zs_art_finish()'s scratch, kept from article to article: the spans of
   * the body's sentences, and how many each item has */
  ZsSpans spans;
  guint *counts;
  guint counts_room;
};

static void pool_destroy(ZsArtPool *pool) {
  if (pool->spare) {
    g_ptr_array_unref(pool->spare->items); /* empty */
    g_free(pool->spare);
  }
  g_free(pool->spans.v);
  g_free(pool->counts);
  while (pool->free) {
    ZsArtItem *it = pool->free;
    pool->free = it->next;
    g_free(it);
  }
  g_free(pool);
}

/* A freed pool is kept for the thread's next segmenter (the next file):
 * made and freed for every file, its items and scratch went back to malloc
 * and were asked for again, a few hundred calls a file on a corpus of small
 * ones. A kept pool needs no reset: its free items are rewritten when
 * taken, its spare article is empty and its spans are scratch. */
static GPrivate kept = G_PRIVATE_INIT((GDestroyNotify)pool_destroy);

ZsArtPool *zs_art_pool_new(void) {
  ZsArtPool *pool = zs_spare_take(&kept);
  return pool ? pool : g_new0(ZsArtPool, 1);
}

void zs_art_pool_free(ZsArtPool *pool) {
  if (pool && !zs_spare_keep(&kept, pool))
    pool_destroy(pool);
}

ZsArtItem *zs_art_item_new(ZsArtPool *pool) {
  ZsArtItem *it = pool->free;
  if (it) {
    pool->free = it->next;
    pool->n_free--;
  } else {
    it = g_new(ZsArtItem, 1);
  }
  *it = (ZsArtItem){.pool = pool};
  return it;
}

void zs_art_item_free(ZsArtItem *it) {
  if (!it)
    return;
  if (it->owned)
    zs_para_free(it->p);
  ZsArtPool *pool = it->pool;
  if (pool->n_free >= POOL_MAX) {
    g_free(it);
    return;
  }
  it->next = pool->free;
  pool->free = it;
  pool->n_free++;
}

/* The kind tests of classify.h, on an item. The segmenter asks about the
 * same items again and again as the block is resolved, so the headline
 * test's answer is kept in the item, for the kind it was asked with (the
 * text is fixed; the item is the segmenter's, hence the cast). */
gboolean zs_art_headline_like(const ZsArtItem *it) {
  ZsArtItem *m = (ZsArtItem *)it;
  if (!m->headline || m->headline_kind != it->kind) {
    m->headline = zs_class_headline_like(it->kind, it->p->text) ? 2 : 1;
    m->headline_kind = it->kind;
  }
  return m->headline == 2;
}

gboolean zs_art_subtitle_like(const ZsArtItem *it) {
  return zs_class_subtitle_like(it->kind, it->p->text);
}

/* Any short line that can stand as a web page's headline, which may carry
 * clause punctuation (国家统计局：2023年GDP增长5.2%): only page metadata
 * around it tells it from a short body line. */
gboolean zs_art_title_like(const ZsArtItem *it) {
  return zs_art_headline_like(it) || it->kind == ZS_PK_HEADING ||
         (it->kind == ZS_PK_SHORT && !zs_art_subtitle_like(it) &&
          !zs_class_ends_dashes(it->p->text));
}

/* A short paragraph that ends in a word, after body text, is a section
 * subhead even with clause punctuation inside (从生态保护到生育支持：让人民
 * 群众奔着更好的日子去): body text left open ends in a mark (……, ——, ：). */
gboolean zs_art_subhead_like(const ZsArtItem *it) {
  const char *t = it->p->text;
  gsize n = it->len;
  if (it->kind != ZS_PK_SHORT || !n)
    return FALSE;
  gunichar c = zs_utf8_at(zs_utf8_prev(t, t + n));
  return g_unichar_isalnum(c) || c == '%' || c == 0x201D || c == 0x300B ||
         c == 0x300D;
}

/* The last paragraph of a text, short and without its stop, after body
 * text (sloppy web text: …同比增长7.1%): nothing follows for a subhead to
 * announce, so it is a sentence left open when it is longer than a subhead
 * or states a quantity (a number with a unit: 1.2万人, 5.2%). */
gboolean zs_art_open_last_sentence(const ZsArtItem *it) {
  const char *t = it->p->text;
  if (it->kind != ZS_PK_SHORT || zs_art_subtitle_like(it) || zs_class_ends_dashes(t))
    return FALSE;
  if (g_utf8_strlen(t, -1) > SUBHEAD_MAX_CHARS)
    return TRUE;
  for (const char *p = t; *p; p++) {
    if (!g_ascii_isdigit(*p))
      continue;
    while (g_ascii_isdigit(p[1]) || (p[1] == '.' && g_ascii_isdigit(p[2])))
      p++;
    gunichar c = g_utf8_get_char(p + 1);
    if (c == '%' || c == 0x2030 || (c >= 0x4E00 && c <= 0x9FFF))
      return TRUE;
  }
  return FALSE;
}

/* The topic tests ask at every candidate headline, so the body's bigrams
 * are kept in a window that follows the body (topic.h) rather than rebuilt
 * for each question. The window is the segmenter's, reset for each new
 * article; should an older article ask after that (none does today), its
 * body is pushed into it again. */
guint zs_art_body_hits(ZsArt *a, const GArray *keys, guint enough) {
  if (a->win_no != zs_topic_window_reset_no(a->win)) {
    a->win_no = zs_topic_window_reset(a->win);
    for (guint i = 0; i < a->items->len; i++) {
      const ZsArtItem *it = a->items->pdata[i];
      if (it->role == ZS_ROLE_BODY)
        zs_topic_window_push(a->win, it->p->text, it->len);
    }
  }
  return zs_topic_window_hits_upto(a->win, keys, enough);
}

/* Each body paragraph from the last is read back RECENT_CHARS * 4 bytes,
 * until about RECENT_CHARS characters are read. */
guint zs_art_recent_hits(const ZsArt *a, const GArray *keys) {
  guint8 own[256];
  g_autofree guint8 *big = keys->len <= sizeof own ? NULL : g_new(guint8, keys->len);
  guint8 *found = big ? big : own;
  memset(found, 0, keys->len);
  guint hits = 0;
  glong chars = 0;
  for (guint k = a->items->len; k-- > 0 && chars < RECENT_CHARS;) {
    const ZsArtItem *it = a->items->pdata[k];
    if (it->role != ZS_ROLE_BODY)
      continue;
    gsize len = it->len;
    hits += zs_topic_find_tail(keys, it->p->text, len, RECENT_CHARS * 4, found);
    chars += len / 3 + 1; /* mostly 3-byte characters */
  }
  return hits;
}

ZsArt *zs_art_new(ZsTopicWindow *win, ZsArtPool *pool) {
  ZsArt *a = g_steal_pointer(&pool->spare);
  if (a) {
    GPtrArray *items = a->items; /* empty */
    *a = (ZsArt){.items = items};
  } else {
    a = g_new0(ZsArt, 1);
    /* room for a page's article without growing, mostly */
    a->items = g_ptr_array_new_full(32, (GDestroyNotify)zs_art_item_free);
  }
  a->pool = pool;
  a->win = win;
  a->win_no = zs_topic_window_reset(win);
  return a;
}

void zs_art_free(ZsArt *a) {
  if (!a)
    return;
  g_free(a->headline);
  g_free(a->subtitle);
  g_free(a->dateline);
  g_free(a->byline);
  ZsArtPool *pool = a->pool;
  if (!pool->spare && a->items->len <= SPARE_ITEMS_MAX) {
    g_ptr_array_set_size(a->items, 0); /* the items go back to the pool */
    pool->spare = a;
    return;
  }
  g_ptr_array_unref(a->items);
  g_free(a);
}

void zs_art_add(ZsArt *a, ZsArtItem *it, ZsRole role) {
  it->role = role;
  g_ptr_array_add(a->items, it);
  if (role == ZS_ROLE_BODY) {
    gsize len = it->len;
    /* the item, and so its text, lives as long as the article */
    if (a->win_no == zs_topic_window_reset_no(a->win))
      zs_topic_window_push(a->win, it->p->text, len);
    a->body_bytes += len;
    a->n_body++;
  }
}

void zs_art_set_str(char **dst, const char *s, gsize len) {
  g_free(*dst);
  *dst = g_strndup(s, len);
}

void zs_art_append_str(char **dst, const char *s) {
  zs_art_append_len(dst, s, strlen(s));
}

void zs_art_append_len(char **dst, const char *s, gsize len) {
  gsize old = *dst ? strlen(*dst) : 0;
  char *t = g_realloc(*dst, old + len + 1);
  memcpy(t + old, s, len);
  t[old + len] = '\0';
  *dst = t;
}

/* Sets the byline from a byline paragraph's text: "（记者 X）" or
 * "本报记者 X". */
void zs_art_take_byline(ZsArt *a, const ZsArtItem *it) {
  const char *t = it->p->text;
  gsize n = it->len;
  if (starts_with(t, "（") && g_str_has_suffix(t, "）"))
    zs_sent_byline(&a->byline, t + strlen("（"), n - strlen("（）"));
  else if (starts_with(t, "本报"))
    zs_sent_byline(&a->byline, t + strlen("本报"), n - strlen("本报"));
  else if (strstr(t, "/") || strstr(t, "／")) { /* 文/张明: the names */
    const char *sl = strstr(t, "/") ? strstr(t, "/") + 1 : strstr(t, "／") + strlen("／");
    zs_sent_byline(&a->byline, sl, t + n - sl);
  }
  else
    zs_sent_byline(&a->byline, t, n);
}


/* Fills *s with a sentence whose text, text[0, len) and a NUL, is copied to
 * `at`; returns the byte after it. */
static char *put_sentence(ZsSentence *s, char *at, const char *text, gsize len, guint line,
                          ZsSentKind kind, guint para) {
  memcpy(at, text, len);
  at[len] = '\0';
  s->text = at;
  s->line = line;
  s->kind = kind;
  s->para = para;
  return at + len + 1;
}

/* Builds the public article from `a` and frees `a`. */
ZsArticle *zs_art_finish(ZsArt *a, guint no) {
  ZsArticle *z = g_new0(ZsArticle, 1);
  z->no = no;
  if (a->headline && a->subtitle && *a->subtitle)
    z->headline = g_strconcat(a->headline, " ——", a->subtitle, NULL);
  else
    z->headline = a->headline ? g_steal_pointer(&a->headline) : g_strdup("");
  z->dateline = a->dateline ? g_steal_pointer(&a->dateline) : g_strdup("");
  z->byline = a->byline ? g_steal_pointer(&a->byline) : g_strdup("");
  /* All the sentences go into one block (ZsArticle.block): the spans of
   * every body item are found first (in one array, with their number for
   * each item), so that the block's size is known, then the sentences are
   * made in it.
   * One allocation and one free an article instead of one a sentence. */
  z->first_line = G_MAXUINT;
  guint n_sent = 0;
  gsize text_bytes = 0;
  for (guint i = 0; i < a->items->len; i++) {
    const ZsArtItem *it = a->items->pdata[i];
    z->first_line = MIN(z->first_line, it->p->line);
    z->last_line = MAX(z->last_line, it->p->last_line);
    if (it->role == ZS_ROLE_HEAD || it->role == ZS_ROLE_SUB) {
      n_sent++;
      text_bytes += it->len + 1;
    }
  }
  if (z->first_line == G_MAXUINT)
    z->first_line = 0;
  ZsArtPool *pool = a->pool;
  ZsSpans *spans = &pool->spans;
  guint n_items = a->items->len;
  if (pool->counts_room < n_items) {
    pool->counts_room = MAX(n_items, 2 * pool->counts_room);
    pool->counts = g_renew(guint, pool->counts, pool->counts_room);
  }
  guint *counts = pool->counts; /* set for the body items only */
  spans->n = 0;
  for (guint i = 0; i < n_items; i++) {
    const ZsArtItem *it = a->items->pdata[i];
    if (it->role != ZS_ROLE_BODY)
      continue;
    guint before = spans->n;
    zs_sent_spans_append(spans, it->p->text + it->skip, it->len - it->skip - it->cut);
    counts[i] = spans->n - before;
    for (guint k = before; k < spans->n; k++)
      text_bytes += spans->v[2 * k + 1] - spans->v[2 * k] + 1;
  }
  n_sent += spans->n;
  z->sentences = g_ptr_array_sized_new(n_sent);
  g_ptr_array_set_size(z->sentences, n_sent);
  gpointer *out = z->sentences->pdata;
  ZsSentence *sent = z->block = g_malloc(n_sent * sizeof(ZsSentence) + text_bytes);
  char *text = (char *)(sent + n_sent);
  for (guint i = 0; i < n_items; i++) {
    const ZsArtItem *it = a->items->pdata[i];
    if (it->role == ZS_ROLE_HEAD || it->role == ZS_ROLE_SUB) {
      const char *t = it->role == ZS_ROLE_SUB ? zs_class_strip_dashes(it->p->text) : it->p->text;
      gsize len = it->len - (gsize)(t - it->p->text) - it->cut;
      text = put_sentence(sent, text, t, len, it->p->line, ZS_SENT_HEADLINE, i);
      *out++ = sent++;
    }
  }
  const gsize *v = spans->v;
  for (guint i = 0; i < n_items; i++) {
    const ZsArtItem *it = a->items->pdata[i];
    if (it->role != ZS_ROLE_BODY)
      continue;
    const ZsPara *p = it->p;
    const char *t = p->text + it->skip;
    /* The line where each sentence starts, as zs_norm_para_line_at()
     * gives it (the last joined line starting at or before it; the
     * first line for a one-line paragraph): the sentences come in the
     * order of the offsets, which ascend, so a cursor over the lines
     * takes the place of a search for each. */
    gboolean map = p->line_offsets && p->n_lines;
    guint line = p->line, at = 0;
    for (guint k = counts[i]; k-- > 0; v += 2) {
      if (map) {
        gsize offset = it->skip + v[0];
        while (at + 1 < p->n_lines && p->line_offsets[at + 1] <= offset)
          at++;
        line = p->line_numbers[at];
      }
      text = put_sentence(sent, text, t + v[0], v[1] - v[0], line, ZS_SENT_BODY, i);
      *out++ = sent++;
    }
  }
  if (spans->room > SPANS_KEEP_MAX) { /* a long article's: not kept */
    g_clear_pointer(&spans->v, g_free);
    spans->room = 0;
  }
  if (pool->counts_room > SPARE_ITEMS_MAX) {
    g_clear_pointer(&pool->counts, g_free);
    pool->counts_room = 0;
  }
  zs_art_free(a);
  return z;
}

/* Gap (1..n-1 among body items) where the text splits into two articles:
 * least bigram overlap between the three paragraphs on either side. */
guint zs_art_cohesion_gap(const ZsArt *a, GArray *body_idx) {
  g_autofree const char **texts = g_new(const char *, body_idx->len + 1);
  g_autofree gsize *lens = g_new(gsize, body_idx->len + 1);
  for (guint k = 0; k < body_idx->len; k++) {
    const ZsArtItem *it = a->items->pdata[g_array_index(body_idx, guint, k)];
    texts[k] = it->p->text;
    lens[k] = it->len;
  }
  return zs_topic_window_gap(a->win, texts, lens, body_idx->len, 3);
}

/* A plain line under a plain headline (no markup) is a subtitle when the
 * lead restates it
 * as it restates the headline (>= 2 of its bigrams in the next paragraph:
 * 惠及居民897万户); else it says who wrote or issued it (国家统计局). */
gboolean zs_art_restated(const ZsArtItem *it, const ZsArtItem *next) {
  if (!next)
    return TRUE;
  /* the line's distinct bigrams found in the lead (zs_overlap_hits() of
   * the two sets), read only until two are */
  g_autoptr(GArray) hs = zs_topic_keys(it->p->text, it->len);
  return zs_topic_find_tail_upto(hs, next->p->text, next->len, next->len, NULL, 2) >= 2;
}

/* A headline right before body text, inside an open article, with no
 * dateline, byline or metadata to say so: is it the next article's
 * headline or a section subhead? A headline is restated by the lead
 * paragraph after it (>= 2 and half of its bigrams occur there) and not by the
 * article so far (under half as many hits there), and the next paragraph
 * starts another topic (under 20% of its bigrams occur in the article's
 * body). A subhead belongs to the article's topic, so one of these fails.
 * Numbered section heads (一、 （一）) never get here: they are not
 * headline-like. */
gboolean zs_art_new_topic_headline(ZsArt *a, GPtrArray *b, guint from,
                                   const ZsArtItem *next, GString *head) {
  if (!a || !a->n_body || !next || next->kind != ZS_PK_BODY)
    return FALSE;
  gboolean any = FALSE;
  g_string_truncate(head, 0);
  for (guint k = from; k < b->len; k++) {
    const ZsArtItem *it = b->pdata[k];
    if (!it)
      continue;
    if (!zs_art_headline_like(it) && it->kind != ZS_PK_HEADING && !zs_art_subtitle_like(it) &&
        !zs_art_subhead_like(it))
      return FALSE;
    any = TRUE;
    g_string_append_len(head, it->p->text, it->len - zs_class_site_suffix(it->p->text));
  }
  if (!any)
    return FALSE;
  /* a lead that only opens articles: 记者从…获悉 */
  if (zs_class_is_lead(next->p->text))
    return TRUE;
  g_autoptr(GArray) hs = zs_topic_keys(head->str, head->len);
  guint total = hs->len;
  /* the headline's keys found in the lead (= zs_topic_common() of both
   * sets); the lead's own keys are extracted only if the last test needs
   * them */
  gsize next_len = next->len;
  guint hn = zs_topic_find_tail_upto(hs, next->p->text, next_len, next_len, NULL, total);
  /* the tests in turn, the body's (the costly ones) last */
  if (hn < 2 || hn * 2 < total)
    return FALSE;
  guint half = (hn + 1) / 2; /* hits * 2 >= hn */
  if (zs_art_body_hits(a, hs, half) >= half)
    return FALSE;
  g_autoptr(GArray) ns = zs_topic_keys(next->p->text, next_len);
  guint n_next = ns->len;
  /* news copy shares stock words (发布数据, 同比增长) across topics, so a
   * strongly restated headline (>= 6 bigrams) needs a weaker shift: under
   * 1/3 of the lead's bigrams in the body, not 1/5 (shift * 3 < n_next) */
  guint shift_max = hn >= 6 ? (n_next + 2) / 3 : (n_next + 4) / 5;
  return zs_art_body_hits(a, ns, shift_max) < shift_max;
}

