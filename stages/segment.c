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
 *
 * Sentences follow the gold's mechanical rule (zs_seg_split_sentences).
 * Memory: one article plus the pending block; an article whose body passes
 * ART_MAX_BYTES is emitted early and the text after it starts a new one.
 */
#include "segment.h"

#include "normalize.h"

#include <string.h>

#define ART_MAX_BYTES (8u << 20)
#define BLOCK_MAX 32
#define SHORT_MAX_CHARS 40
#define OVERLAP_WINDOW 6000
/* The body text "just before" a headline candidate, in characters. */
#define RECENT_CHARS 200

/* Declared in normalize.c (proposed for normalize.h): the input line of a
 * byte offset of a paragraph made by the normalizer. */

typedef enum {
  K_BODY, K_DATELINE, K_CONT, K_HEADING, K_SHORT, K_BYLINE, K_MARKER,
  K_CREDIT, K_CAPTION
} Kind;

typedef enum { R_BODY, R_SKIP, R_HEAD, R_SUB } Role;

typedef struct {
  ZsPara *p;
  gboolean owned;  /* p is freed with the item (not in zs_seg_document) */
  Kind kind;
  Role role;
  gsize skip, cut; /* bytes dropped at the start and the end of the text */
} Item;

typedef struct {
  GPtrArray *items;   /* Item*, in input order */
  char *headline, *subtitle, *dateline, *byline;
  gboolean head_before;  /* its headline came before its body */
  gsize body_bytes;
  guint n_body;
} Art;

struct ZsSegmenter {
  char *file;
  guint next_no;
  Art *cur;
  GPtrArray *block;  /* Item*: furniture since the last body paragraph */
  Item *held;        /* a body paragraph waiting to see if a credit follows */
};

void zs_sentence_free(ZsSentence *s) {
  if (!s)
    return;
  g_free(s->text);
  g_free(s);
}

void zs_article_free(ZsArticle *a) {
  if (!a)
    return;
  g_free(a->headline);
  g_free(a->dateline);
  g_free(a->byline);
  if (a->sentences)
    g_ptr_array_unref(a->sentences);
  g_free(a);
}

static void item_free(Item *it) {
  if (!it)
    return;
  if (it->owned)
    zs_para_free(it->p);
  g_free(it);
}

/* ---- text helpers ------------------------------------------------------ */

static gboolean starts_with(const char *s, const char *prefix) {
  return strncmp(s, prefix, strlen(prefix)) == 0;
}

static gboolean is_dash(gunichar c) {
  return c == 0x2014 || c == 0x2015 || c == 0x2500;
}

static gboolean is_closer(gunichar c) {
  return c == 0x201D || c == 0x2019 || c == 0x300D || c == 0x300F ||
         c == 0xFF09 || c == 0x300B;
}

static gboolean is_stop(gunichar c) {
  return c == 0x3002 || c == 0xFF01 || c == 0xFF1F;
}

static gboolean ends_sentence(const char *s) {
  const char *e = s + strlen(s);
  while (e > s) {
    e = g_utf8_find_prev_char(s, e);
    gunichar c = g_utf8_get_char(e);
    if (!is_closer(c))
      return is_stop(c);
  }
  return FALSE;
}

/* Does t[0, end) end a sentence? */
static gboolean ends_sentence_at(const char *t, const char *end) {
  g_autofree char *head = g_strndup(t, end - t);
  return ends_sentence(head);
}

static gboolean has_any(const char *s, const char *const *list, guint n) {
  for (guint i = 0; i < n; i++)
    if (strstr(s, list[i]))
      return TRUE;
  return FALSE;
}

static const char *const clause_punct[] = {"，", "。", "！", "？", "；", "：",
                                           "、", "…"};

/* Length of a leading dateline (本报讯 / 本报X月X日电), 0 if none. */
static gsize dateline_len(const char *s) {
  if (starts_with(s, "本报讯"))
    return strlen("本报讯");
  if (!starts_with(s, "本报") && !starts_with(s, "新华社") &&
      !starts_with(s, "中新社") && !starts_with(s, "新华网"))
    return 0;
  guint n = 0;
  for (const char *p = s; *p && n < 24; p = g_utf8_next_char(p), n++) {
    if (starts_with(p, "日电"))
      return (p - s) + strlen("日电");
    gunichar c = g_utf8_get_char(p);
    if (c == 0xFF0C || c == 0x3002 || c == 0xFF08)
      return 0;
  }
  return 0;
}

/* Length of a leading "（…）" of at most `max` characters, 0 if none. */
static gsize paren_len(const char *s, guint max) {
  if (!starts_with(s, "（"))
    return 0;
  guint n = 0;
  for (const char *p = s + strlen("（"); *p && n < max;
       p = g_utf8_next_char(p), n++) {
    if (starts_with(p, "（"))
      return 0;
    if (starts_with(p, "）"))
      return (p - s) + strlen("）");
  }
  return 0;
}

static gboolean is_byline_paren(const char *s, gsize len) {
  g_autofree char *t = g_strndup(s, len);
  return strstr(t, "记者") || strstr(t, "通讯员") || strstr(t, "特约");
}

static gsize continuation_len(const char *s) {
  if (starts_with(s, "（上接") || starts_with(s, "（接上") ||
      starts_with(s, "（紧接"))
    return paren_len(s, 12);
  return 0;
}

/* A photo credit: 叶传增 徐锐摄影报道, 本报记者 张三摄, （新华社发）. */
static gboolean is_credit(const char *t) {
  static const char *const ends[] = {"摄", "摄影", "摄影报道", "供图", "制图", "新华社发"};
  g_autofree char *core = g_strdup(t);
  if (g_str_has_prefix(core, "（") && g_str_has_suffix(core, "）")) {
    core[strlen(core) - strlen("）")] = '\0';
  }
  for (guint i = 0; i < G_N_ELEMENTS(ends); i++)
    if (g_str_has_suffix(core, ends[i]))
      return TRUE;
  return FALSE;
}

static Kind classify(const ZsPara *p) {
  const char *t = p->text;
  glong n = g_utf8_strlen(t, -1);
  gunichar c0 = g_utf8_get_char(t);
  if (p->markdown_heading)
    return K_HEADING;
  if (dateline_len(t))
    return K_DATELINE;
  if (continuation_len(t))
    return K_CONT;
  if ((c0 >= 0x25A0 && c0 <= 0x25FF) || c0 == 0x2605 || c0 == 0x2606)
    return K_MARKER;
  if (n <= 30 && !strstr(t, "。") && !strstr(t, "，") && is_credit(t))
    return K_CREDIT;
  if (n <= SHORT_MAX_CHARS && !strstr(t, "。") &&
      (starts_with(t, "本报记者") || starts_with(t, "本报通讯员") ||
       starts_with(t, "本报特约")))
    return K_BYLINE;
  gsize pl = paren_len(t, 60);
  if (pl && pl == strlen(t) && is_byline_paren(t, pl))
    return K_BYLINE;
  if (n <= SHORT_MAX_CHARS && !ends_sentence(t))
    return K_SHORT;
  return K_BODY;
}

/* A short line that can be (part of) a headline: no punctuation but quotes
 * and book-title marks, not a dash-led subtitle, not a dash-ended kicker. */
static gboolean headline_like(const Item *it) {
  if (it->kind != K_SHORT)
    return FALSE;
  const char *t = it->p->text;
  /* a quotation as a headline: 「节后不用远离家乡，父母娃娃都高兴」 */
  if ((g_str_has_prefix(t, "「") && g_str_has_suffix(t, "」")) ||
      (g_str_has_prefix(t, "“") && g_str_has_suffix(t, "”")))
    return !strstr(t, "。") && !strstr(t, "」「") && !strstr(t, "”“");
  if (has_any(t, clause_punct, G_N_ELEMENTS(clause_punct)))
    return FALSE;
  if (is_dash(g_utf8_get_char(t)))
    return FALSE;
  gsize n = strlen(t);
  if (n >= 3 && is_dash(g_utf8_get_char(g_utf8_find_prev_char(t, t + n))))
    return FALSE;
  return TRUE;
}

static gboolean subtitle_like(const Item *it) {
  return it->kind == K_SHORT && is_dash(g_utf8_get_char(it->p->text));
}

static const char *strip_dashes(const char *t) {
  while (*t && is_dash(g_utf8_get_char(t)))
    t = g_utf8_next_char(t);
  return t;
}

/* ---- bigram overlap ----------------------------------------------------- */

static gboolean is_word_char(gunichar c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         g_unichar_isalnum(c);
}

/* Adds the bigrams of runs of word characters in s to `set`. */
static void add_bigrams(GHashTable *set, const char *s, gsize len) {
  gunichar prev = 0;
  for (const char *p = s; p < s + len; p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char(p);
    if (!is_word_char(c)) {
      prev = 0;
      continue;
    }
    if (prev) {
      guint64 *k = g_new(guint64, 1);
      *k = ((guint64)prev << 32) | c;
      g_hash_table_add(set, k);
    }
    prev = c;
  }
}

/* add_bigrams() on the last `max` bytes of s only (a bounded look back). */
static void add_bigrams_tail(GHashTable *set, const char *s, gsize len, gsize max) {
  const char *from = s;
  if (len > max)
    from = g_utf8_find_next_char(s + len - max - 1, NULL);
  add_bigrams(set, from, s + len - from);
}

static GHashTable *bigram_set(void) {
  return g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL);
}

/* How many of `head`'s bigrams `other` has; *total gets their number. */
static guint overlap(GHashTable *head, GHashTable *other, guint *total) {
  guint hits = 0;
  GHashTableIter it;
  gpointer k;
  g_hash_table_iter_init(&it, head);
  while (g_hash_table_iter_next(&it, &k, NULL))
    if (g_hash_table_contains(other, k))
      hits++;
  if (total)
    *total = g_hash_table_size(head);
  return hits;
}

/* Bigrams of the body text of `a`, its last OVERLAP_WINDOW bytes. */
static GHashTable *body_bigrams(const Art *a) {
  GHashTable *set = bigram_set();
  gsize used = 0;
  for (guint i = a->items->len; i-- > 0 && used < OVERLAP_WINDOW;) {
    const Item *it = a->items->pdata[i];
    if (it->role != R_BODY)
      continue;
    gsize len = strlen(it->p->text);
    add_bigrams_tail(set, it->p->text, len, OVERLAP_WINDOW - used);
    used += len;
  }
  return set;
}

/* ---- articles ---------------------------------------------------------- */

static Art *art_new(void) {
  Art *a = g_new0(Art, 1);
  a->items = g_ptr_array_new_with_free_func((GDestroyNotify)item_free);
  return a;
}

static void art_free(Art *a) {
  if (!a)
    return;
  g_ptr_array_unref(a->items);
  g_free(a->headline);
  g_free(a->subtitle);
  g_free(a->dateline);
  g_free(a->byline);
  g_free(a);
}

static void art_add(Art *a, Item *it, Role role) {
  it->role = role;
  g_ptr_array_add(a->items, it);
  if (role == R_BODY) {
    a->body_bytes += strlen(it->p->text);
    a->n_body++;
  }
}

static void set_str(char **dst, const char *s, gsize len) {
  g_free(*dst);
  *dst = g_strndup(s, len);
}

/* A byline as zhstats.h shows it, "记者 孙秀艳": normalized text lost the
 * spaces of （记者 孙秀艳）, so a space goes back around each role word. */
static void set_byline(char **dst, const char *s, gsize len) {
  static const char *const roles[] = {"特约记者", "记者", "通讯员", "实习生"};
  GString *o = g_string_new(NULL);
  const char *p = s, *end = s + len;
  while (p < end) {
    guint r = 0;
    while (r < G_N_ELEMENTS(roles) &&
           !((gsize)(end - p) >= strlen(roles[r]) &&
             strncmp(p, roles[r], strlen(roles[r])) == 0))
      r++;
    if (r == G_N_ELEMENTS(roles)) {
      const char *q = g_utf8_next_char(p);
      g_string_append_len(o, p, q - p);
      p = q;
      continue;
    }
    if (o->len && o->str[o->len - 1] != ' ')
      g_string_append_c(o, ' ');
    g_string_append(o, roles[r]);
    p += strlen(roles[r]);
    if (p < end && *p != ' ')
      g_string_append_c(o, ' ');
  }
  g_free(*dst);
  *dst = g_string_free(o, FALSE);
}

static void append_str(char **dst, const char *s) {
  char *t = g_strconcat(*dst ? *dst : "", s, NULL);
  g_free(*dst);
  *dst = t;
}

/* Sets the byline from a byline paragraph's text: "（记者 X）" or
 * "本报记者 X". */
static void take_byline(Art *a, const Item *it) {
  const char *t = it->p->text;
  gsize n = strlen(t);
  if (starts_with(t, "（") && g_str_has_suffix(t, "）"))
    set_byline(&a->byline, t + strlen("（"), n - strlen("（）"));
  else if (starts_with(t, "本报"))
    set_byline(&a->byline, t + strlen("本报"), n - strlen("本报"));
  else
    set_byline(&a->byline, t, n);
}

/* Byte spans of the sentences of text[0, len): pairs of gsize. */
static GArray *sentence_spans(const char *text, gsize len) {
  GArray *spans = g_array_new(FALSE, FALSE, sizeof(gsize));
  const char *p = text, *end = text + len, *start = text;
  while (p < end) {
    gunichar c = g_utf8_get_char(p);
    p = g_utf8_next_char(p);
    if (!is_stop(c))
      continue;
    while (p < end && is_stop(g_utf8_get_char(p)))
      p = g_utf8_next_char(p);
    while (p < end && is_closer(g_utf8_get_char(p)))
      p = g_utf8_next_char(p);
    gsize s = start - text, e = p - text;
    g_array_append_val(spans, s);
    g_array_append_val(spans, e);
    start = p;
  }
  while (start < end && g_unichar_isspace(g_utf8_get_char(start)))
    start = g_utf8_next_char(start);
  if (start < end) {
    gsize s = start - text, e = len;
    g_array_append_val(spans, s);
    g_array_append_val(spans, e);
  }
  return spans;
}

GPtrArray *zs_seg_split_sentences(const char *para) {
  g_return_val_if_fail(para != NULL, NULL);
  GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
  gsize len = strlen(para);
  g_autoptr(GArray) spans = sentence_spans(para, len);
  for (guint i = 0; i + 1 < spans->len; i += 2) {
    gsize s = g_array_index(spans, gsize, i), e = g_array_index(spans, gsize, i + 1);
    g_ptr_array_add(out, g_strndup(para + s, e - s));
  }
  return out;
}

static ZsSentence *sentence_new(const char *text, gsize len, guint line,
                                ZsSentKind kind, guint para) {
  ZsSentence *s = g_new0(ZsSentence, 1);
  s->text = g_strndup(text, len);
  s->line = line;
  s->kind = kind;
  s->para = para;
  return s;
}

/* Builds the public article from `a` and frees `a`. */
static ZsArticle *art_finish(ZsSegmenter *sg, Art *a) {
  ZsArticle *z = g_new0(ZsArticle, 1);
  z->no = ++sg->next_no;
  if (a->headline && a->subtitle && *a->subtitle)
    z->headline = g_strconcat(a->headline, " ——", a->subtitle, NULL);
  else
    z->headline = g_strdup(a->headline ? a->headline : "");
  z->dateline = g_strdup(a->dateline ? a->dateline : "");
  z->byline = g_strdup(a->byline ? a->byline : "");
  z->sentences = g_ptr_array_new_with_free_func((GDestroyNotify)zs_sentence_free);
  z->first_line = G_MAXUINT;
  for (guint i = 0; i < a->items->len; i++) {
    const Item *it = a->items->pdata[i];
    z->first_line = MIN(z->first_line, it->p->line);
    z->last_line = MAX(z->last_line, it->p->last_line);
    if (it->role == R_HEAD || it->role == R_SUB) {
      const char *t = it->role == R_SUB ? strip_dashes(it->p->text) : it->p->text;
      g_ptr_array_add(z->sentences, sentence_new(t, strlen(t), it->p->line,
                                                 ZS_SENT_HEADLINE, i));
    }
  }
  if (z->first_line == G_MAXUINT)
    z->first_line = 0;
  for (guint i = 0; i < a->items->len; i++) {
    const Item *it = a->items->pdata[i];
    if (it->role != R_BODY)
      continue;
    const char *t = it->p->text + it->skip;
    gsize len = strlen(it->p->text) - it->skip - it->cut;
    g_autoptr(GArray) spans = sentence_spans(t, len);
    for (guint k = 0; k + 1 < spans->len; k += 2) {
      gsize s = g_array_index(spans, gsize, k), e = g_array_index(spans, gsize, k + 1);
      guint line = zs_norm_para_line_at(it->p, it->skip + s);
      g_ptr_array_add(z->sentences,
                      sentence_new(t + s, e - s, line, ZS_SENT_BODY, i));
    }
  }
  art_free(a);
  return z;
}

static void emit(ZsSegmenter *sg, GPtrArray *out) {
  if (!sg->cur)
    return;
  Art *a = g_steal_pointer(&sg->cur);
  if (a->n_body == 0 && !a->headline) {
    art_free(a); /* furniture only: not an article */
    return;
  }
  g_ptr_array_add(out, art_finish(sg, a));
}

/* Headline parts of a block run: items [i, j) are headline-like or
 * subtitles. */
static void set_headline(Art *a, GPtrArray *items, guint i, guint j) {
  for (guint k = i; k < j; k++) {
    Item *it = items->pdata[k];
    if (subtitle_like(it) && a->headline) {
      if (!a->subtitle)
        a->subtitle = g_strdup(strip_dashes(it->p->text));
      it->role = R_SUB;
    } else {
      append_str(&a->headline, it->p->text);
      it->role = R_HEAD;
    }
  }
}

/* Gap (1..n-1 among body items) where the text splits into two articles:
 * least bigram overlap between the paragraphs on either side. */
static guint cohesion_gap(const Art *a, GArray *body_idx) {
  guint n = body_idx->len, best = n, w = 3;
  double best_sim = 2.0;
  for (guint g = 1; g < n; g++) {
    g_autoptr(GHashTable) left = bigram_set();
    g_autoptr(GHashTable) right = bigram_set();
    for (guint k = g > w ? g - w : 0; k < g; k++) {
      const Item *it = a->items->pdata[g_array_index(body_idx, guint, k)];
      add_bigrams(left, it->p->text, strlen(it->p->text));
    }
    for (guint k = g; k < n && k < g + w; k++) {
      const Item *it = a->items->pdata[g_array_index(body_idx, guint, k)];
      add_bigrams(right, it->p->text, strlen(it->p->text));
    }
    guint tl, tr;
    guint h = overlap(left, right, &tl);
    tr = g_hash_table_size(right);
    guint m = MIN(tl, tr);
    double sim = m ? (double)h / m : 1.0;
    if (sim < best_sim) {
      best_sim = sim;
      best = g;
    }
  }
  return best;
}

/* The block items [i, j) are the headline (and bylines) after the body of
 * the open article: close it, splitting its body when it had a headline
 * before it already. */
static void close_with_headline(ZsSegmenter *sg, guint i, guint j,
                                GPtrArray *out) {
  Art *a = sg->cur;
  if (a->head_before) {
    g_autoptr(GArray) body_idx = g_array_new(FALSE, FALSE, sizeof(guint));
    for (guint k = 0; k < a->items->len; k++)
      if (((Item *)a->items->pdata[k])->role == R_BODY)
        g_array_append_val(body_idx, k);
    guint g = cohesion_gap(a, body_idx);
    if (g < body_idx->len) {
      Art *b = art_new();
      guint from = g_array_index(body_idx, guint, g);
      for (guint k = from; k < a->items->len; k++) {
        Item *it = a->items->pdata[k];
        art_add(b, it, it->role);
        a->items->pdata[k] = NULL;
      }
      g_ptr_array_set_size(a->items, from);
      a->n_body = g;
      emit(sg, out);
      sg->cur = b;
      a = b;
    }
  }
  set_headline(a, sg->block, i, j);
  for (guint k = i; k < sg->block->len; k++) {
    Item *it = sg->block->pdata[k];
    if (k >= j && it->kind != K_BYLINE)
      break;
    if (it->kind == K_BYLINE)
      take_byline(a, it);
    art_add(a, it, it->role == R_BODY ? R_SKIP : it->role);
    sg->block->pdata[k] = NULL;
  }
  emit(sg, out);
}

static gboolean is_noise(const Item *it) {
  return it->kind == K_BYLINE || it->kind == K_CREDIT ||
         it->kind == K_CAPTION || it->kind == K_MARKER;
}

/* Step 2 of the rules at the top: a headline after the open article's
 * body at the start of the block? Returns the end of the consumed run. */
static guint after_body_headline(ZsSegmenter *sg, const Item *next,
                                 GPtrArray *out) {
  GPtrArray *b = sg->block;
  Art *a = sg->cur;
  if (!a || a->n_body == 0 || b->len == 0)
    return 0;
  gboolean opens = next && (next->kind == K_DATELINE || next->kind == K_CONT);
  /* markdown: a heading followed only by bylines and noise */
  for (guint i = 0; i < b->len; i++) {
    const Item *it = b->pdata[i];
    if (it->kind != K_HEADING)
      continue;
    guint k = i + 1, bylines = 0;
    while (k < b->len && is_noise(b->pdata[k])) {
      bylines += ((Item *)b->pdata[k])->kind == K_BYLINE;
      k++;
    }
    gboolean next_heading = k < b->len && ((Item *)b->pdata[k])->kind == K_HEADING;
    if ((k == b->len && !next) || (next_heading && bylines) ||
        (k == b->len && opens && bylines)) {
      close_with_headline(sg, i, i + 1, out); /* what stood before it goes */
      return k;
    }
    break;
  }
  /* plain text: a short run without punctuation restating the body */
  guint i = 0;
  while (i < b->len && ((Item *)b->pdata[i])->kind == K_BYLINE)
    i++;
  guint j = i, lines = 0;
  if (i < b->len && ((Item *)b->pdata[i])->kind == K_HEADING) {
    /* a markdown heading right before the next heading or a dateline, with
     * no byline: only the overlap below can tell whose it is */
    j = i + 1;
    while (j < b->len && subtitle_like(b->pdata[j]))
      j++;
    gboolean last = j == b->len;
    if (!(last && opens) && !(!last && ((Item *)b->pdata[j])->kind == K_HEADING))
      return 0;
  }
  while (j < b->len && lines < 3 &&
         (headline_like(b->pdata[j]) || (j > i && subtitle_like(b->pdata[j])))) {
    lines++;
    j++;
  }
  if (j == i)
    return 0;
  g_autofree char *head = NULL;
  for (guint k = i; k < j; k++)
    append_str(&head, ((Item *)b->pdata[k])->p->text);
  g_autoptr(GHashTable) hs = bigram_set();
  add_bigrams(hs, head, strlen(head));
  g_autoptr(GHashTable) body = body_bigrams(a);
  guint total;
  guint hits = overlap(hs, body, &total);
  /* A subhead announces the text after it; a headline restates the text
   * before it: compare the last RECENT_CHARS of body with the next
   * paragraph. */
  guint hits_last = 0, hits_next = 0;
  g_autoptr(GHashTable) ls = bigram_set();
  glong chars = 0;
  for (guint k = a->items->len; k-- > 0 && chars < RECENT_CHARS;) {
    const Item *it = a->items->pdata[k];
    if (it->role != R_BODY)
      continue;
    gsize len = strlen(it->p->text);
    add_bigrams_tail(ls, it->p->text, len, RECENT_CHARS * 4);
    chars += len / 3 + 1; /* mostly 3-byte characters */
  }
  hits_last = overlap(hs, ls, NULL);
  if (next) {
    g_autoptr(GHashTable) ns = bigram_set();
    add_bigrams(ns, next->p->text, strlen(next->p->text));
    hits_next = overlap(hs, ns, NULL);
  }
  /* ...unless nothing of this article can follow: the end, a dateline */
  gboolean can_continue = next && !opens;
  if (hits < 2 || hits * 5 < total || (can_continue && hits_last <= hits_next))
    return 0;
  /* leading closing bylines belong to the body */
  for (guint d = 0; d < i; d++) {
    Item *it = b->pdata[d];
    take_byline(a, it);
    art_add(a, it, R_SKIP);
    b->pdata[d] = NULL;
  }
  close_with_headline(sg, i, j, out);
  while (j < b->len && ((Item *)b->pdata[j] == NULL ||
                        ((Item *)b->pdata[j])->kind == K_BYLINE))
    j++;
  return j;
}

/* Opens a new article whose furniture is block[from..]; a heading or a
 * headline-like run becomes its headline. */
static void open_article(ZsSegmenter *sg, guint from, const Item *next,
                         GPtrArray *out) {
  emit(sg, out);
  Art *a = sg->cur = art_new();
  GPtrArray *b = sg->block;
  guint h = b->len;
  for (guint k = from; k < b->len; k++)
    if (b->pdata[k] && ((Item *)b->pdata[k])->kind == K_HEADING)
      h = k;
  /* a continuation's headline is on another page */
  if (next && next->kind == K_CONT)
    h = G_MAXUINT;
  else if (h == b->len) {
    for (guint k = from; k < b->len; k++)
      if (b->pdata[k] && headline_like(b->pdata[k])) {
        h = k;
        break;
      }
  }
  gboolean dated = next && next->kind == K_DATELINE;
  for (guint k = from; k < b->len; k++) {
    Item *it = b->pdata[k];
    if (!it)
      continue;
    b->pdata[k] = NULL;
    if (k == h) {
      append_str(&a->headline, it->p->text);
      a->head_before = TRUE;
      art_add(a, it, R_HEAD);
    } else if (k > h && it->kind == K_BYLINE) {
      take_byline(a, it);
      art_add(a, it, R_SKIP);
    } else if (k > h && it->kind == K_SHORT && !a->subtitle &&
               (dated || k + 1 < b->len || a->byline ||
                !headline_like(it))) {
      /* a subtitle; but the last plain line before an undated body is the
       * byline (names only) */
      a->subtitle = g_strdup(strip_dashes(it->p->text));
      art_add(a, it, R_SUB);
    } else if (k > h && it->kind == K_SHORT && !a->byline) {
      set_str(&a->byline, it->p->text, strlen(it->p->text));
      art_add(a, it, R_SKIP);
    } else {
      item_free(it); /* kickers, column markers, captions */
    }
  }
}

static gboolean ends_dashes(const Item *it) {
  const char *t = it->p->text;
  gsize n = strlen(t);
  return n >= 3 && is_dash(g_utf8_get_char(g_utf8_find_prev_char(t, t + n)));
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
    if (it->kind != K_SHORT || headline_like(it) || subtitle_like(it) ||
        (nx && nx->kind == K_HEADING) || (nx && ends_dashes(it) && headline_like(nx)))
      break;
    art_add(sg->cur, it, R_BODY);
    b->pdata[lead++] = NULL;
  }
  g_ptr_array_remove_range(b, 0, lead);
}

/* Resolves the block before body paragraph `next` (NULL at the end). */
static void resolve(ZsSegmenter *sg, const Item *next, GPtrArray *out) {
  GPtrArray *b = sg->block;
  take_short_body(sg);
  guint from = after_body_headline(sg, next, out);
  gboolean opens = next && (next->kind == K_DATELINE || next->kind == K_CONT);
  gboolean heading = FALSE;
  for (guint k = from; k < b->len; k++)
    if (b->pdata[k] && ((Item *)b->pdata[k])->kind == K_HEADING)
      heading = TRUE;
  /* a plain headline with its byline before the body: a new article */
  gboolean head_byline = FALSE, seen_head = FALSE;
  for (guint k = from; k < b->len; k++) {
    const Item *it = b->pdata[k];
    if (!it)
      continue;
    if (headline_like(it))
      seen_head = TRUE;
    else if (it->kind == K_BYLINE && seen_head)
      head_byline = TRUE;
  }
  Art *a = sg->cur;
  if (!next) {
    for (guint k = from; k < b->len; k++) {
      Item *it = b->pdata[k];
      if (it && a && it->kind == K_BYLINE && !a->byline) {
        take_byline(a, it);
        art_add(a, it, R_SKIP);
      } else {
        item_free(it);
      }
      b->pdata[k] = NULL;
    }
  } else if (opens || !a || head_byline ||
             (heading && !(a->n_body && b->len - from == 1 &&
                                          ((Item *)b->pdata[from])->kind == K_HEADING))) {
    open_article(sg, from, next, out);
  } else {
    /* inside the open article: subheads, or short body paragraphs */
    for (guint k = from; k < b->len; k++) {
      Item *it = b->pdata[k];
      if (!it)
        continue;
      b->pdata[k] = NULL;
      gboolean body = it->kind == K_SHORT && !headline_like(it) && !subtitle_like(it);
      if (it->kind == K_BYLINE && !a->byline)
        take_byline(a, it);
      if (it->kind == K_CAPTION || it->kind == K_CREDIT || it->kind == K_MARKER)
        item_free(it);
      else
        art_add(a, it, body ? R_BODY : R_SKIP);
    }
  }
  g_ptr_array_set_size(b, 0);
}

/* Adds body paragraph `it` to the article, opening one if needed. */
static void add_body(ZsSegmenter *sg, Item *it, GPtrArray *out) {
  resolve(sg, it, out);
  /* resolve() opened a fresh article for a dateline or a continuation */
  if (it->kind == K_CONT)
    it->skip = continuation_len(it->p->text);
  if (it->kind == K_DATELINE) {
    const char *t = it->p->text;
    gsize d = dateline_len(t);
    set_str(&sg->cur->dateline, t, d);
    gsize pl = paren_len(t + d, 40);
    if (pl && is_byline_paren(t + d, pl)) {
      set_byline(&sg->cur->byline, t + d + strlen("（"), pl - strlen("（）"));
      d += pl;
    }
    it->skip = d;
  }
  if (!sg->cur)
    sg->cur = art_new();
  /* At the end: a continuation note （下转第二版）, （完）, or a closing
   * byline （记者 X） after the last sentence. */
  const char *t = it->p->text;
  gsize n = strlen(t);
  const char *lp = g_strrstr(t, "（");
  if (lp && lp > t + it->skip && paren_len(lp, 40) == (gsize)(t + n - lp)) {
    gsize pl = t + n - lp;
    if (starts_with(lp, "（下转") || starts_with(lp, "（转第") ||
        strcmp(lp, "（完）") == 0) {
      it->cut = pl;
    } else if (is_byline_paren(lp, pl) && lp > t && ends_sentence_at(t, lp)) {
      set_byline(&sg->cur->byline, lp + strlen("（"), pl - strlen("（）"));
      it->cut = pl;
    }
  }
  art_add(sg->cur, it, R_BODY);
  if (sg->cur->body_bytes > ART_MAX_BYTES)
    emit(sg, out);
}

/* ---- public API ---------------------------------------------------------- */

ZsSegmenter *zs_seg_new(const char *file) {
  ZsSegmenter *sg = g_new0(ZsSegmenter, 1);
  sg->file = g_strdup(file ? file : "-");
  sg->block = g_ptr_array_new_with_free_func((GDestroyNotify)item_free);
  return sg;
}

void zs_seg_free(ZsSegmenter *sg) {
  if (!sg)
    return;
  g_free(sg->file);
  g_ptr_array_unref(sg->block);
  item_free(sg->held);
  art_free(sg->cur);
  g_free(sg);
}

static void push_block(ZsSegmenter *sg, Item *it, GPtrArray *out) {
  if (sg->block->len >= BLOCK_MAX) {
    /* no body for a long while: the oldest furniture goes */
    Item *old = g_ptr_array_steal_index(sg->block, 0);
    if (sg->cur)
      art_add(sg->cur, old, R_SKIP);
    else
      item_free(old);
  }
  g_ptr_array_add(sg->block, it);
}

static void push(ZsSegmenter *sg, ZsPara *p, gboolean owned, GPtrArray *out) {
  if (!p->text || !*p->text) {
    if (owned)
      zs_para_free(p);
    return;
  }
  Item *it = g_new0(Item, 1);
  it->p = p;
  it->owned = owned;
  it->kind = classify(p);
  if (sg->held) {
    Item *h = g_steal_pointer(&sg->held);
    if (it->kind == K_CREDIT) {
      h->kind = K_CAPTION;
      push_block(sg, h, out);
      push_block(sg, it, out);
      return;
    }
    add_body(sg, h, out);
  }
  if (it->kind == K_BODY || it->kind == K_DATELINE || it->kind == K_CONT)
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
  emit(sg, out);
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
