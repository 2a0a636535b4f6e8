/* ac.c: the Aho-Corasick automaton of ac.h.
 *
 * A trie of the words' bytes with failure links (the longest proper suffix
 * that is also a trie path) and dictionary links (the nearest state on the
 * failure chain where a word ends). The root keeps a dense table of 256
 * children, since nearly every byte of Chinese text starts over from it;
 * other states keep their few children in a short sorted run of a shared
 * array, which keeps a thousand rules' phrases within a few hundred KiB.
 * States with more than one child (a few percent of them: where phrases
 * part ways, as after the lead byte of a common character) also get a
 * dense row of their transitions, failures folded in, so the scan takes
 * one step there instead of walking a run and a failure chain; a row for
 * every state would cost megabytes and most of the start-up time. The rows
 * (and skip2) are made only when the character automaton below is not:
 * else the byte scan serves only tests and invalid text.
 *
 * Valid UTF-8 text is scanned by a second automaton over the same words,
 * read a character at a time (zs_ac_scan_utf8): there a byte automaton
 * spends nearly half its steps inside characters, in states where a
 * phrase's character and the text's part ways after a lead byte. Each
 * character of a word gets a small number (a symbol), looked up in a table
 * of 256-character blocks; a character of no word sends the scan straight
 * back to the root. Words that are not valid UTF-8 of the Basic
 * Multilingual Plane leave it unbuilt, and zs_ac_scan_utf8 reads bytes.
 */
#include "ac.h"

#include <string.h>

#define NONE G_MAXUINT32

typedef struct {
  guint32 fail;  /* failure link */
  guint32 dict;  /* next state on the failure chain that ends a word, or 0 */
  guint32 word;  /* id of the word ending here, or NONE */
  guint32 first; /* children: edges [first, first + n) once built */
  guint32 n;
  guint32 out;   /* first state of its output chain: itself if a word ends
                  * here, else dict; 0 when none */
} State;

/* A state with at least this many children gets a dense row (1 KiB).
 * With the shipped rules: about 190 of 4100 states. */
#define DENSE_MIN 2

typedef struct {
  guint8 byte;
  guint32 child;
} Edge;

typedef struct {
  guint32 sym;
  guint32 child;
} CEdge;

/* A trie's children while it is built: (parent << 16 | symbol or byte) ->
 * child, by open addressing in a table at most half full. A child is never
 * 0 (the root is nobody's child): 0 marks an empty slot. */
typedef struct {
  guint64 key;
  guint32 child;
} Kid;

typedef struct {
  Kid *v;
  gsize cap, n; /* cap a power of two */
} KidMap;

static inline gsize kid_slot(const KidMap *m, guint64 key) {
  return (gsize)((key * G_GUINT64_CONSTANT(0x9E3779B97F4A7C15)) >> 32) & (m->cap - 1);
}

/* The child at `key`, or 0. */
static guint32 kid_get(const KidMap *m, guint64 key) {
  if (!m->cap)
    return 0;
  for (gsize i = kid_slot(m, key);; i = (i + 1) & (m->cap - 1))
    if (!m->v[i].child || m->v[i].key == key)
      return m->v[i].child;
}

/* Adds a child not yet there. */
static void kid_put(KidMap *m, guint64 key, guint32 child) {
  if (2 * (m->n + 1) > m->cap) {
    KidMap bigger = {g_new0(Kid, MAX(64, 2 * m->cap)), MAX(64, 2 * m->cap), 0};
    for (gsize i = 0; i < m->cap; i++)
      if (m->v[i].child)
        kid_put(&bigger, m->v[i].key, m->v[i].child);
    g_free(m->v);
    *m = bigger;
  }
  gsize i = kid_slot(m, key);
  while (m->v[i].child)
    i = (i + 1) & (m->cap - 1);
  m->v[i] = (Kid){key, child};
  m->n++;
}

struct ZsAc {
  GArray *states;     /* State; 0 is the root */
  GArray *edges;      /* Edge, each state's children in one sorted run */
  GArray *lens;       /* gsize length of each word */
  KidMap *adding;     /* the byte trie's children, until built */
  guint32 *dense;     /* rows of 256: the state after each byte, for busy states */
  guint32 *row;       /* row[s]: the row of state s in `dense`, or NONE; apart
                       * from State so that the scan's first look at a state
                       * reads a small array that stays in the cache */
  guint32 root[256];
  /* Bit (b1 << 8 | b2): reading b1 then b2 from the root ends at the root
   * and finds no word on the way. Most Chinese characters start no word:
   * the scan passes over their first two bytes with one test of this
   * 8 KiB table instead of two steps through the automaton's rows. */
  guint64 skip2[65536 / 64];
  /* emits[s]: does a word end at s or on its dictionary chain (out != 0)?
   * One byte a state, so the scan's test after every step stays in the
   * cache instead of loading the whole State. */
  guint8 *emits;

  GPtrArray *texts;   /* each word's bytes, by id, until built */
  /* The character automaton (valid UTF-8 words only; else `chars` is
   * FALSE): states and sorted edge runs as above, over symbols. */
  gboolean chars;
  GArray *cstates;    /* State; 0 is the root */
  CEdge *cedges;
  guint32 *croot;     /* croot[sym]: the root's child on sym, or 0 */
  guint8 *cemits;     /* as emits */
  guint16 block_of[256]; /* c >> 8 -> 1 + its block in `syms`; 0: no word has such a character */
  guint16 *syms;      /* blocks of 256: c & 0xFF -> symbol (from 1), 0: in no word */
  /* Bit c (c & 0xFFFF: the scan's 0x10000 for a character beyond the
   * plane reads bit 0, never set, as no word holds NUL): some word starts
   * with character c. At the root, where most characters of a text are
   * read, one that starts no word leaves the scan at the root: it is passed
   * over without its symbol looked up in the tens of KiB of symbol blocks.
   * One bit per character (8 KiB, of which Chinese text reads the 2.6 KiB
   * of the CJK block): a filter of 1024 bits let a third more characters
   * through to the lookup. */
  guint64 cfirst[65536 / 64];
};

ZsAc *zs_ac_new(void) {
  ZsAc *ac = g_new0(ZsAc, 1);
  ac->states = g_array_new(FALSE, TRUE, sizeof(State));
  ac->edges = g_array_new(FALSE, FALSE, sizeof(Edge));
  ac->lens = g_array_new(FALSE, FALSE, sizeof(gsize));
  ac->adding = g_new0(KidMap, 1);
  ac->texts = g_ptr_array_new_with_free_func(g_free);
  ac->cstates = g_array_new(FALSE, TRUE, sizeof(State));
  State root = {0, 0, NONE, 0, 0, 0};
  g_array_append_val(ac->states, root);
  return ac;
}

void zs_ac_free(ZsAc *ac) {
  if (!ac)
    return;
  g_array_free(ac->states, TRUE);
  g_array_free(ac->edges, TRUE);
  g_array_free(ac->lens, TRUE);
  if (ac->adding)
    g_free(ac->adding->v);
  g_clear_pointer(&ac->adding, g_free);
  g_clear_pointer(&ac->texts, g_ptr_array_unref);
  g_array_free(ac->cstates, TRUE);
  g_free(ac->cedges);
  g_free(ac->croot);
  g_free(ac->cemits);
  g_free(ac->syms);
  g_free(ac->dense);
  g_free(ac->emits);
  g_free(ac->row);
  g_free(ac);
}

guint zs_ac_words(const ZsAc *ac) { return ac->lens->len; }

gsize zs_ac_word_len(const ZsAc *ac, guint id) {
  g_return_val_if_fail(id < ac->lens->len, 0);
  return g_array_index(ac->lens, gsize, id);
}

#define ST(ac, i) (&g_array_index((ac)->states, State, (i)))

/* The child of `s` on byte `b` once built, or 0 (the root is nobody's
 * child). Runs are short (most states have one child): a linear scan. */
static inline guint32 child_of(const ZsAc *ac, guint32 s, guint8 b) {
  if (s == 0)
    return ac->root[b];
  const State *st = ST(ac, s);
  const Edge *e = &g_array_index(ac->edges, Edge, st->first);
  for (guint32 i = 0; i < st->n && e[i].byte <= b; i++)
    if (e[i].byte == b)
      return e[i].child;
  return 0;
}

/* The state after reading byte `b` in state `s`: its child on b, else
 * what its failure link reads; a byte the root has no child for leads
 * back to the root. A dense row holds this answer for every byte. */
static inline guint32 step(const ZsAc *ac, guint32 s, guint8 b) {
  for (;;) {
    if (s == 0)
      return ac->root[b];
    if (ac->row[s] != NONE)
      return ac->dense[(gsize)ac->row[s] * 256 + b];
    const State *st = ST(ac, s);
    guint32 c = child_of(ac, s, b);
    if (c)
      return c;
    s = st->fail;
  }
}

guint zs_ac_add(ZsAc *ac, const char *word, gsize len) {
  g_return_val_if_fail(ac->adding && len > 0, 0);
  guint32 s = 0;
  for (gsize i = 0; i < len; i++) {
    guint8 b = (guint8)word[i];
    guint64 key = ((guint64)s << 16) | b;
    guint32 c = s == 0 ? ac->root[b] : kid_get(ac->adding, key);
    if (!c) {
      State st = {0, 0, NONE, 0, 0, 0};
      c = ac->states->len;
      g_array_append_val(ac->states, st);
      if (s == 0)
        ac->root[b] = c;
      else
        kid_put(ac->adding, key, c);
    }
    s = c;
  }
  if (ST(ac, s)->word == NONE) {
    ST(ac, s)->word = ac->lens->len;
    g_array_append_val(ac->lens, len);
    g_ptr_array_add(ac->texts, g_memdup2(word, len));
  }
  return ST(ac, s)->word;
}

/* Lays the children of `kids` out as runs by parent, each sorted by key:
 * states[p].first and .n (both 0 before) name parent p's run of
 * (key & 0xFFFF, child) pairs in *runs_out, which the caller frees. A
 * counting sort by parent, then an insertion sort of each short run. */
static void kids_to_runs(const KidMap *kids, GArray *states, CEdge **runs_out) {
  CEdge *runs = g_new(CEdge, MAX(kids->n, 1));
  for (gsize i = 0; i < kids->cap; i++)
    if (kids->v[i].child)
      g_array_index(states, State, kids->v[i].key >> 16).n++;
  guint32 at = 0;
  for (guint s = 0; s < states->len; s++) {
    State *st = &g_array_index(states, State, s);
    st->first = at;
    at += st->n;
    st->n = 0;
  }
  for (gsize i = 0; i < kids->cap; i++)
    if (kids->v[i].child) {
      State *st = &g_array_index(states, State, kids->v[i].key >> 16);
      runs[st->first + st->n++] = (CEdge){(guint32)(kids->v[i].key & 0xFFFF), kids->v[i].child};
    }
  for (guint s = 0; s < states->len; s++) {
    const State *st = &g_array_index(states, State, s);
    CEdge *r = runs + st->first;
    for (guint32 i = 1; i < st->n; i++) {
      CEdge e = r[i];
      guint32 j = i;
      for (; j > 0 && r[j - 1].sym > e.sym; j--)
        r[j] = r[j - 1];
      r[j] = e;
    }
  }
  *runs_out = runs;
}

/* ---- the character automaton ----------------------------------------------- */

#define CST(ac, i) (&g_array_index((ac)->cstates, State, (i)))

/* The symbol of character c, or 0 when no word has it. */
static inline guint32 symbol_of(const ZsAc *ac, gunichar c) {
  if (c > 0xFFFF)
    return 0;
  guint16 b = ac->block_of[c >> 8];
  return b ? ac->syms[(gsize)(b - 1) * 256 + (c & 0xFF)] : 0;
}

static guint32 cchild(const ZsAc *ac, guint32 s, guint32 sym) {
  if (s == 0)
    return ac->croot[sym];
  const State *st = CST(ac, s);
  const CEdge *e = ac->cedges + st->first;
  for (guint32 i = 0; i < st->n && e[i].sym <= sym; i++)
    if (e[i].sym == sym)
      return e[i].child;
  return 0;
}

static inline guint32 cstep(const ZsAc *ac, guint32 s, guint32 sym) {
  for (; s; s = CST(ac, s)->fail) {
    guint32 c = cchild(ac, s, sym);
    if (c)
      return c;
  }
  return ac->croot[sym];
}


/* Builds the character automaton from ac->texts, when every word is valid
 * UTF-8 of the Basic Multilingual Plane. */
static void build_chars(ZsAc *ac) {
  guint n_words = ac->texts->len;
  for (guint w = 0; w < n_words; w++) {
    const char *t = ac->texts->pdata[w];
    gsize len = g_array_index(ac->lens, gsize, w);
    if (!g_utf8_validate(t, (gssize)len, NULL))
      return;
    for (const char *p = t; p < t + len; p = g_utf8_next_char(p))
      if (g_utf8_get_char(p) > 0xFFFF)
        return;
  }
  /* Symbols, in order of first appearance. */
  guint32 n_syms = 0, n_blocks = 0;
  for (guint w = 0; w < n_words; w++) {
    const char *t = ac->texts->pdata[w];
    gsize len = g_array_index(ac->lens, gsize, w);
    for (const char *p = t; p < t + len; p = g_utf8_next_char(p)) {
      gunichar c = g_utf8_get_char(p);
      if (!ac->block_of[c >> 8]) {
        ac->syms = g_renew(guint16, ac->syms, (gsize)(n_blocks + 1) * 256);
        memset(ac->syms + (gsize)n_blocks * 256, 0, 256 * sizeof(guint16));
        ac->block_of[c >> 8] = (guint16)++n_blocks;
      }
      guint16 *slot = &ac->syms[(gsize)(ac->block_of[c >> 8] - 1) * 256 + (c & 0xFF)];
      if (!*slot)
        *slot = (guint16)++n_syms; /* at most 0xFFFF characters below 0x10000 but NUL */
    }
  }
  for (guint w = 0; w < n_words; w++) {
    gunichar c = g_utf8_get_char(ac->texts->pdata[w]);
    ac->cfirst[c / 64] |= G_GUINT64_CONSTANT(1) << (c % 64);
  }
  /* The trie over symbols; children keyed (state << 16 | sym) while built. */
  ac->croot = g_new0(guint32, n_syms + 1);
  State root = {0, 0, NONE, 0, 0, 0};
  g_array_append_val(ac->cstates, root);
  KidMap kids = {NULL, 0, 0};
  for (guint w = 0; w < n_words; w++) {
    const char *t = ac->texts->pdata[w];
    gsize len = g_array_index(ac->lens, gsize, w);
    guint32 s = 0;
    for (const char *p = t; p < t + len; p = g_utf8_next_char(p)) {
      guint32 sym = symbol_of(ac, g_utf8_get_char(p));
      guint64 key = ((guint64)s << 16) | sym;
      guint32 c = s == 0 ? ac->croot[sym] : kid_get(&kids, key);
      if (!c) {
        c = ac->cstates->len;
        g_array_append_val(ac->cstates, root);
        if (s == 0)
          ac->croot[sym] = c;
        else
          kid_put(&kids, key, c);
      }
      s = c;
    }
    CST(ac, s)->word = w; /* ids are distinct words: each path ends one */
  }
  /* Children into sorted runs. */
  kids_to_runs(&kids, ac->cstates, &ac->cedges);
  g_free(kids.v);
  guint i;
  /* Failure and dictionary links, breadth first, as for the bytes. */
  g_autofree guint32 *queue = g_new(guint32, ac->cstates->len);
  guint32 head = 0, tail = 0;
  for (guint32 sym = 1; sym <= n_syms; sym++)
    if (ac->croot[sym])
      queue[tail++] = ac->croot[sym];
  while (head < tail) {
    guint32 u = queue[head++];
    guint32 first = CST(ac, u)->first, n_kids = CST(ac, u)->n;
    for (guint32 e = 0; e < n_kids; e++) {
      const CEdge *ed = &ac->cedges[first + e];
      guint32 f = CST(ac, u)->fail;
      while (f && !cchild(ac, f, ed->sym))
        f = CST(ac, f)->fail;
      guint32 c = cchild(ac, f, ed->sym);
      State *sv = CST(ac, ed->child);
      sv->fail = c != ed->child ? c : 0;
      sv->dict = CST(ac, sv->fail)->word != NONE ? sv->fail : CST(ac, sv->fail)->dict;
      queue[tail++] = ed->child;
    }
  }
  guint n_states = ac->cstates->len;
  ac->cemits = g_new(guint8, n_states);
  for (i = 0; i < n_states; i++) {
    State *st = CST(ac, i);
    st->out = st->word != NONE ? i : st->dict;
    ac->cemits[i] = st->out != 0;
  }
  ac->chars = TRUE;
}

void zs_ac_build(ZsAc *ac) {
  g_return_if_fail(ac->adding);
  /* Children into sorted runs by (state, byte). */
  CEdge *runs;
  kids_to_runs(ac->adding, ac->states, &runs);
  guint n = (guint)ac->adding->n, i;
  g_array_set_size(ac->edges, n);
  for (i = 0; i < n; i++)
    g_array_index(ac->edges, Edge, i) = (Edge){(guint8)runs[i].sym, runs[i].child};
  g_free(runs);
  g_free(ac->adding->v);
  g_clear_pointer(&ac->adding, g_free);

  /* Failure and dictionary links, breadth first; bfs[] keeps the order
   * and is the queue (every state but the root enters it once). */
  guint32 n_bfs = 0, head = 0;
  g_autofree guint32 *bfs = g_new(guint32, ac->states->len);
  for (guint b = 0; b < 256; b++)
    if (ac->root[b])
      bfs[n_bfs++] = ac->root[b];
  while (head < n_bfs) {
    guint32 u = bfs[head++];
    State *su = ST(ac, u);
    for (guint32 e = 0; e < su->n; e++) {
      const Edge *ed = &g_array_index(ac->edges, Edge, su->first + e);
      guint32 f = su->fail, c;
      while (f && !child_of(ac, f, ed->byte))
        f = ST(ac, f)->fail;
      c = child_of(ac, f, ed->byte);
      State *sv = ST(ac, ed->child);
      sv->fail = c != ed->child ? c : 0;
      sv->dict = ST(ac, sv->fail)->word != NONE ? sv->fail : ST(ac, sv->fail)->dict;
      bfs[n_bfs++] = ed->child;
    }
  }

  /* The dense rows and skip2 below serve the byte scan alone: when the
   * character automaton is built, valid text (all the pipeline reads) never
   * takes the byte scan, so they are left out, and the byte scan, still
   * right for tests and invalid text, walks runs and failure links (a
   * thousand rules' rows cost millions of instructions at start-up). */
  build_chars(ac);

  /* Dense rows. step(u, b) is u's child on b, else step(fail(u), b): a
   * row is its failure state's answers with its own children written over
   * them. Filled breadth first, a failure state (shallower) has its row
   * before u does, when it gets one at all; row[] names a row only once
   * it is full, so step() reads no half-filled row. */
  guint32 rows = 0, n_states = ac->states->len;
  g_autofree guint32 *row_of = g_new(guint32, n_states);
  for (i = 0; i < n_states; i++)
    row_of[i] = !ac->chars && i > 0 && ST(ac, i)->n >= DENSE_MIN ? rows++ : NONE;
  ac->dense = g_new0(guint32, (gsize)rows * 256);
  ac->row = g_new(guint32, n_states);
  memset(ac->row, 0xFF, sizeof(guint32) * n_states); /* NONE until the rows are full */
  for (guint32 q = 0; q < n_bfs; q++) {
    guint32 u = bfs[q];
    if (row_of[u] == NONE)
      continue;
    guint32 *r = ac->dense + (gsize)row_of[u] * 256;
    const State *su = ST(ac, u);
    for (guint b = 0; b < 256; b++)
      r[b] = step(ac, su->fail, (guint8)b);
    for (guint32 e = 0; e < su->n; e++) {
      const Edge *ed = &g_array_index(ac->edges, Edge, su->first + e);
      r[ed->byte] = ed->child;
    }
    ac->row[u] = row_of[u];
  }
  ac->emits = g_new(guint8, n_states);
  for (i = 0; i < n_states; i++) {
    State *st = ST(ac, i);
    st->out = st->word != NONE ? i : st->dict;
    ac->emits[i] = st->out != 0;
  }
  memset(ac->skip2, 0, sizeof ac->skip2);
  for (guint b1 = 0; b1 < 256 && !ac->chars; b1++) {
    guint32 s1 = ac->root[b1];
    if (ST(ac, s1)->out)
      continue;
    for (guint b2 = 0; b2 < 256; b2++)
      if (step(ac, s1, (guint8)b2) == 0)
        ac->skip2[(b1 << 8 | b2) / 64] |= G_GUINT64_CONSTANT(1) << ((b1 << 8 | b2) % 64);
  }
  g_clear_pointer(&ac->texts, g_ptr_array_unref);
}

void zs_ac_scan(const ZsAc *ac, const char *text, gsize len, ZsAcHitFunc hit, gpointer data) {
  g_return_if_fail(!ac->adding);
  const State *states = (const State *)(void *)ac->states->data;
  guint32 s = 0;
  for (gsize i = 0; i < len; i++) {
    /* At the root, two bytes that lead back to it with no word between
     * are passed over together (skip2); what is left is read a step at a
     * time, so the states and the hits are those of the plain scan. */
    while (s == 0 && i + 1 < len) {
      guint k = (guint)(guint8)text[i] << 8 | (guint8)text[i + 1];
      if (!(ac->skip2[k / 64] & (G_GUINT64_CONSTANT(1) << (k % 64))))
        break;
      i += 2;
    }
    if (i == len)
      break;
    s = step(ac, s, (guint8)text[i]);
    if (!ac->emits[s])
      continue;
    for (guint32 o = states[s].out; o; o = states[o].dict)
      hit(states[o].word, i + 1, data);
  }
}

void zs_ac_scan_utf8(const ZsAc *ac, const char *text, gsize len, ZsAcHitFunc hit,
                     gpointer data) {
  g_return_if_fail(!ac->adding);
  if (!ac->chars) {
    zs_ac_scan(ac, text, len, hit, data);
    return;
  }
  const State *states = (const State *)(void *)ac->cstates->data;
  const guchar *t = (const guchar *)text;
  guint32 s = 0;
  for (gsize i = 0; i < len;) {
    guchar b = t[i];
    gunichar c;
    if (b < 0x80) {
      c = b;
      i += 1;
    } else if (b < 0xE0) {
      c = ((gunichar)(b & 0x1F) << 6) | (t[i + 1] & 0x3F);
      i += 2;
    } else if (b < 0xF0) {
      c = ((gunichar)(b & 0x0F) << 12) | ((gunichar)(t[i + 1] & 0x3F) << 6) | (t[i + 2] & 0x3F);
      i += 3;
    } else {
      c = 0x10000; /* beyond the plane: in no word */
      i += 4;
    }
    if (s == 0 && !(ac->cfirst[(c & 0xFFFF) / 64] >> (c % 64) & 1))
      continue; /* no word starts with c: the root reads it to the root */
    guint32 sym = symbol_of(ac, c);
    if (!sym) {
      s = 0; /* no trie path holds c: nothing of the match so far survives it */
      continue;
    }
    s = cstep(ac, s, sym);
    if (!ac->cemits[s])
      continue;
    for (guint32 o = states[s].out; o; o = states[o].dict)
      hit(states[o].word, i, data);
  }
}
