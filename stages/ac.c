/* ac.c: the Aho-Corasick automaton of ac.h: the words, and the automaton
 * over their bytes.
 *
 * Words are kept as they are added (a hash of their bytes gives each its
 * id once). zs_ac_build() makes the automaton over their characters
 * (ac_chars.c), which scans valid UTF-8 and, run by run, any text; only
 * when a word is beyond the Basic Multilingual Plane or not valid UTF-8
 * does it make the automaton over bytes below, which nothing else then
 * pays for at start-up.
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
 * every state would cost megabytes and most of the start-up time.
 * ac_int.h holds the layout both files read.
 */
#include "ac_int.h"

#include <string.h>

/* A state with at least this many children gets a dense row (1 KiB).
 * (With the shipped rules' phrases, about 190 of 4100 states.) */
#define DENSE_MIN 2

typedef struct {
  guint8 byte;
  guint32 child;
} Edge;

static inline gsize kid_slot(const KidMap *m, guint64 key) {
  return (gsize)((key * G_GUINT64_CONSTANT(0x9E3779B97F4A7C15)) >> 32) & (m->cap - 1);
}

/* The child at `key`, or 0. */
guint32 zs_ac_kid_get(const KidMap *m, guint64 key) {
  if (!m->cap)
    return 0;
  for (gsize i = kid_slot(m, key);; i = (i + 1) & (m->cap - 1))
    if (!m->v[i].child || m->v[i].key == key)
      return m->v[i].child;
}

/* Adds a child not yet there. */
void zs_ac_kid_put(KidMap *m, guint64 key, guint32 child) {
  if (2 * (m->n + 1) > m->cap) {
    KidMap bigger = {g_new0(Kid, MAX(64, 2 * m->cap)), MAX(64, 2 * m->cap), 0};
    for (gsize i = 0; i < m->cap; i++)
      if (m->v[i].child)
        zs_ac_kid_put(&bigger, m->v[i].key, m->v[i].child);
    g_free(m->v);
    *m = bigger;
  }
  gsize i = kid_slot(m, key);
  while (m->v[i].child)
    i = (i + 1) & (m->cap - 1);
  m->v[i] = (Kid){key, child};
  m->n++;
}

ZsAc *zs_ac_new(void) {
  ZsAc *ac = g_new0(ZsAc, 1);
  ac->states = g_array_new(FALSE, TRUE, sizeof(State));
  ac->edges = g_array_new(FALSE, FALSE, sizeof(Edge));
  ac->lens = g_array_new(FALSE, FALSE, sizeof(gsize));
  ac->ids = g_hash_table_new_full(g_bytes_hash, g_bytes_equal, (GDestroyNotify)g_bytes_unref,
                                  NULL);
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
  g_clear_pointer(&ac->ids, g_hash_table_unref);
  g_clear_pointer(&ac->texts, g_ptr_array_unref);
  g_array_free(ac->cstates, TRUE);
  g_free(ac->cedges);
  g_free(ac->croot);
  g_free(ac->cscan);
  g_free(ac->couts);
  g_free(ac->cpairs);
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
  g_return_val_if_fail(!ac->built && len > 0, 0);
  GBytes *key = g_bytes_new(word, len);
  guint id = GPOINTER_TO_UINT(g_hash_table_lookup(ac->ids, key));
  if (id) {
    g_bytes_unref(key);
    return id - 1;
  }
  id = ac->lens->len;
  g_array_append_val(ac->lens, len);
  g_ptr_array_add(ac->texts, g_memdup2(word, len));
  g_hash_table_insert(ac->ids, key, GUINT_TO_POINTER(id + 1));
  return id;
}

/* The trie of the words' bytes, with each state's children in `kids`. */
static void add_bytes(ZsAc *ac, KidMap *kids) {
  for (guint w = 0; w < ac->texts->len; w++) {
    const guint8 *word = ac->texts->pdata[w];
    gsize len = g_array_index(ac->lens, gsize, w);
    guint32 s = 0;
    for (gsize i = 0; i < len; i++) {
      guint64 key = ((guint64)s << 16) | word[i];
      guint32 c = s == 0 ? ac->root[word[i]] : zs_ac_kid_get(kids, key);
      if (!c) {
        State st = {0, 0, NONE, 0, 0, 0};
        c = ac->states->len;
        g_array_append_val(ac->states, st);
        if (s == 0)
          ac->root[word[i]] = c;
        else
          zs_ac_kid_put(kids, key, c);
      }
      s = c;
    }
    ST(ac, s)->word = w; /* ids are distinct words: each path ends one */
  }
}

/* Lays the children of `kids` out as runs by parent, each sorted by key:
 * states[p].first and .n (both 0 before) name parent p's run of
 * (key & 0xFFFF, child) pairs in *runs_out, which the caller frees. A
 * counting sort by parent, then an insertion sort of each short run. */
void zs_ac_kids_to_runs(const KidMap *kids, GArray *states, CEdge **runs_out) {
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

/* The byte automaton, for words the character automaton cannot hold. */
static void build_bytes(ZsAc *ac) {
  KidMap kids = {NULL, 0, 0};
  add_bytes(ac, &kids);
  /* Children into sorted runs by (state, byte). */
  CEdge *runs;
  zs_ac_kids_to_runs(&kids, ac->states, &runs);
  guint n = (guint)kids.n, i;
  g_array_set_size(ac->edges, n);
  for (i = 0; i < n; i++)
    g_array_index(ac->edges, Edge, i) = (Edge){(guint8)runs[i].sym, runs[i].child};
  g_free(runs);
  g_free(kids.v);

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

  /* Dense rows. step(u, b) is u's child on b, else step(fail(u), b): a
   * row is its failure state's answers with its own children written over
   * them. Filled breadth first, a failure state (shallower) has its row
   * before u does, when it gets one at all; row[] names a row only once
   * it is full, so step() reads no half-filled row. */
  guint32 rows = 0, n_states = ac->states->len;
  g_autofree guint32 *row_of = g_new(guint32, n_states);
  for (i = 0; i < n_states; i++)
    row_of[i] = i > 0 && ST(ac, i)->n >= DENSE_MIN ? rows++ : NONE;
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
  for (guint b1 = 0; b1 < 256; b1++) {
    guint32 s1 = ac->root[b1];
    if (ST(ac, s1)->out)
      continue;
    for (guint b2 = 0; b2 < 256; b2++)
      if (step(ac, s1, (guint8)b2) == 0)
        ac->skip2[(b1 << 8 | b2) / 64] |= G_GUINT64_CONSTANT(1) << ((b1 << 8 | b2) % 64);
  }
}

void zs_ac_build(ZsAc *ac) {
  g_return_if_fail(!ac->built);
  ac->built = TRUE;
  g_clear_pointer(&ac->ids, g_hash_table_unref);
  zs_ac_build_chars(ac);
  if (!ac->chars)
    build_bytes(ac);
  g_clear_pointer(&ac->texts, g_ptr_array_unref);
}

/* Appends to *out the occurrences of the words whose states are on the
 * output chain from `o` (states[o].dict links it), all ending at `end`. */
static void add_hits(const ZsAc *ac, const State *states, guint32 o, gsize end, ZsAcHits *out) {
  for (; o; o = states[o].dict) {
    if (out->len == out->cap) {
      out->cap = MAX(64, 2 * out->cap);
      out->v = g_renew(ZsAcHit, out->v, out->cap);
    }
    guint w = states[o].word;
    out->v[out->len++] = (ZsAcHit){w, end - g_array_index(ac->lens, gsize, w), end};
  }
}

void zs_ac_scan(const ZsAc *ac, const char *text, gsize len, ZsAcHits *out) {
  g_return_if_fail(ac->built);
  if (ac->chars) {
    /* Each word is valid UTF-8 and starts with a lead byte, so an
     * occurrence lies inside a run that g_utf8_validate() passes, from a
     * character boundary of it: the runs between the bytes where it
     * stops (each passed over alone) are scanned by characters. */
    for (gsize i = 0; i < len;) {
      const char *end;
      g_utf8_validate(text + i, (gssize)(len - i), &end);
      gsize run = (gsize)(end - (text + i)), from = out->len;
      zs_ac_scan_utf8(ac, text + i, run, out);
      for (gsize k = from; k < out->len; k++) {
        out->v[k].start += i;
        out->v[k].end += i;
      }
      i += run + 1;
    }
    return;
  }
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
    if (ac->emits[s])
      add_hits(ac, states, states[s].out, i + 1, out);
  }
}
