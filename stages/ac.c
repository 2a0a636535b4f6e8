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
 * phrase's character and the text's part ways after a lead byte. Its
 * edges are keyed by the characters' values; the root's children are
 * found by the rank of a character in a bitmap of the words' first
 * characters. At the root, where most of a text is read, a character is
 * passed over by one test of a bitmap of the pairs that start words, with
 * the character after it (cpair); what passes is asked of a bitmap of the
 * triples (ctriple), then goes to the pair's state in one step (cpairs).
 * Off the root, each state keeps its only child in the 16 bytes the scan
 * reads of it (CState). Words that are not valid UTF-8 of the Basic
 * Multilingual Plane (or hold a NUL) leave it unbuilt, and
 * zs_ac_scan_utf8 reads bytes.
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

/* The words of cpair (16 KiB) and ctriple (8 KiB). */
#define PAIR_WORDS 2048
#define TRIPLE_BITS 10

/* A state with at least this many children gets a dense row (1 KiB).
 * With the shipped rules: about 190 of 4100 states. */
#define DENSE_MIN 2

typedef struct {
  guint8 byte;
  guint32 child;
} Edge;

typedef struct {
  guint32 sym; /* a character, or a byte while kids_to_runs() sorts */
  guint32 child;
} CEdge;

/* A state of the character automaton as its scan reads it, in 16 bytes:
 * most states have one child (the next character of a single word),
 * held here instead of in a run of cedges. */
#define RUN 0x80000000u
typedef struct {
  guint32 fail;
  guint32 out;   /* 0 when no word ends here or on the dictionary chain,
                  * else 1 + where those words start in couts */
  guint32 ch;    /* the only child's character (< 0x10000); else RUN | n:
                  * the n children are cedges[next, next + n) */
  guint32 next;  /* the only child, or the first of the run */
} CState;

/* A word that ends at a state of the character automaton, with its
 * length; LAST marks the last of the state's words. The words of each
 * state's output chain are written out in a row (longest first), so the
 * scan reads them from one small array, not from the States of the chain
 * and the lengths of the words, which are cold by the time a word is
 * found. */
#define LAST 0x80000000u
typedef struct {
  guint32 word;
  guint32 len; /* | LAST */
} COut;

/* A trie's children while it is built: (parent << 16 | character or byte) ->
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
   * FALSE): states and sorted edge runs as above, over characters. */
  gboolean chars;
  GArray *cstates;    /* State; 0 is the root */
  CEdge *cedges;
  CState *cscan;      /* what the scan reads of each state */
  COut *couts;
  guint32 *croot;     /* croot[k]: the root's child on the k-th character
                       * (by value) that starts a word; see root_child() */
  /* Bit c: some word starts with character c (c < 0x10000). crank[c / 64]
   * counts the bits below c / 64 * 64, so a character's k is one
   * popcount away. */
  guint64 cfirst[65536 / 64];
  guint32 crank[65536 / 64];
  /* Bit c2 % 64 of cpair[c1 % PAIR_WORDS]: some word starts with c1 c2,
   * or is c1 alone (then every bit of the word is set). Most characters
   * of a text are read at the root, and a character c1 followed by a c2
   * whose bit is clear leads from the root back to it, with no word on
   * the way, by the time c2 is read: the scan passes over c1 with this one
   * test, instead of a step down to c1's state and one back (a third of
   * the characters of Chinese text start some word; few start one
   * together with the character after them). Other pairs share the bits:
   * what passes is read the long way. */
  guint64 cpair[PAIR_WORDS];
  /* Bit c3 % 64 of ctriple[triple_slot(c1, c2)]: some word starts with
   * c1 c2 c3, or is c1 c2 (every bit set). Asked of the pairs cpair lets
   * through, with cword1 (bit c: c alone is a word): half the pairs that
   * start a word in Chinese text part from it at the third character. */
  guint64 ctriple[1 << TRIPLE_BITS];
  /* The states two characters below the root, by the pair (c1 << 16 | c2;
   * 0 marks an empty slot: no word holds NUL), open addressing in 2^bits
   * slots at most half full: where cpair and ctriple let a pair through,
   * the scan goes there in one step, not through c1's run of children. */
  struct {
    guint32 key, state;
  } *cpairs;
  guint32 cpairs_bits;
  guint64 cword1[65536 / 64];
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

/* The set bits of x (without -mpopcnt, __builtin_popcountll() is a call). */
static inline guint32 popcount64(guint64 x) {
  x -= (x >> 1) & G_GUINT64_CONSTANT(0x5555555555555555);
  x = (x & G_GUINT64_CONSTANT(0x3333333333333333)) + ((x >> 2) & G_GUINT64_CONSTANT(0x3333333333333333));
  x = (x + (x >> 4)) & G_GUINT64_CONSTANT(0x0F0F0F0F0F0F0F0F);
  return (guint32)((x * G_GUINT64_CONSTANT(0x0101010101010101)) >> 56);
}

/* The index in croot of a character c < 0x10000 that starts a word. */
static inline guint32 first_rank(const ZsAc *ac, gunichar c) {
  guint64 below = ac->cfirst[c / 64] & ((G_GUINT64_CONSTANT(1) << (c % 64)) - 1);
  return ac->crank[c / 64] + popcount64(below);
}

/* The root's child on character c (any value), or 0. */
static inline guint32 root_child(const ZsAc *ac, gunichar c) {
  if (c > 0xFFFF || !(ac->cfirst[c / 64] >> (c % 64) & 1))
    return 0;
  return ac->croot[first_rank(ac, c)];
}

/* The word of ctriple for the characters c1 c2: a multiplicative hash,
 * whose top bits depend on every bit of both. */
static inline guint32 triple_slot(gunichar c1, gunichar c2) {
  return ((c1 << 16 ^ c2) * 0x9E3779B1u) >> (32 - TRIPLE_BITS);
}

/* The state of the pair c1 c2 (from cpairs), or 0 when no word starts
 * with it. */
static inline guint32 pair_state(const ZsAc *ac, gunichar c1, gunichar c2) {
  if (c1 > 0xFFFF || c2 > 0xFFFF)
    return 0;
  guint32 key = c1 << 16 | c2, mask = (1u << ac->cpairs_bits) - 1;
  for (guint32 k = (key * 0x9E3779B1u) >> (32 - ac->cpairs_bits);; k = (k + 1) & mask)
    if (ac->cpairs[k].key == key || !ac->cpairs[k].key)
      return ac->cpairs[k].state;
}

/* The child of `s` on character c, or 0. */
static inline guint32 cchild(const ZsAc *ac, guint32 s, gunichar c) {
  if (s == 0)
    return root_child(ac, c);
  const State *st = CST(ac, s);
  const CEdge *e = ac->cedges + st->first;
  for (guint32 i = 0; i < st->n && e[i].sym <= c; i++)
    if (e[i].sym == c)
      return e[i].child;
  return 0;
}

/* Fills cpairs with the states two characters below the root: each
 * child of each of the root's children (by cfirst's bits, c1). */
static void index_pairs(ZsAc *ac) {
  guint32 n = 0;
  for (guint w = 0; w < G_N_ELEMENTS(ac->cfirst); w++)
    for (guint64 bits = ac->cfirst[w]; bits; bits &= bits - 1)
      n += CST(ac, root_child(ac, w * 64 + (gunichar)__builtin_ctzll(bits)))->n;
  ac->cpairs_bits = 4;
  while ((1u << ac->cpairs_bits) < 2 * n)
    ac->cpairs_bits++;
  guint32 mask = (1u << ac->cpairs_bits) - 1;
  ac->cpairs = g_malloc0(sizeof *ac->cpairs << ac->cpairs_bits);
  for (guint w = 0; w < G_N_ELEMENTS(ac->cfirst); w++)
    for (guint64 bits = ac->cfirst[w]; bits; bits &= bits - 1) {
      gunichar c1 = w * 64 + (gunichar)__builtin_ctzll(bits);
      const State *s1 = CST(ac, root_child(ac, c1));
      for (guint32 e = 0; e < s1->n; e++) {
        const CEdge *ed = &ac->cedges[s1->first + e];
        guint32 key = c1 << 16 | ed->sym;
        guint32 k = (key * 0x9E3779B1u) >> (32 - ac->cpairs_bits);
        while (ac->cpairs[k].key)
          k = (k + 1) & mask;
        ac->cpairs[k].key = key;
        ac->cpairs[k].state = ed->child;
      }
    }
}

/* Builds the character automaton from ac->texts, when every word is valid
 * UTF-8 of the Basic Multilingual Plane without a NUL (g_utf8_validate()
 * with a length refuses one): bit 0 of cfirst, which the scan reads for a
 * character beyond the plane, stays clear. */
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
  /* The first characters, their ranks, the root's children by rank. */
  for (guint w = 0; w < n_words; w++) {
    const char *t = ac->texts->pdata[w];
    gsize len = g_array_index(ac->lens, gsize, w);
    const char *second = g_utf8_next_char(t), *third;
    gunichar c = g_utf8_get_char(t);
    ac->cfirst[c / 64] |= G_GUINT64_CONSTANT(1) << (c % 64);
    if (second == t + len) {
      ac->cpair[c % PAIR_WORDS] = G_MAXUINT64;
      ac->cword1[c / 64] |= G_GUINT64_CONSTANT(1) << (c % 64);
      continue;
    }
    gunichar c2 = g_utf8_get_char(second);
    ac->cpair[c % PAIR_WORDS] |= G_GUINT64_CONSTANT(1) << (c2 % 64);
    third = g_utf8_next_char(second);
    if (third == t + len)
      ac->ctriple[triple_slot(c, c2)] = G_MAXUINT64;
    else
      ac->ctriple[triple_slot(c, c2)] |= G_GUINT64_CONSTANT(1) << (g_utf8_get_char(third) % 64);
  }
  guint32 n_first = 0;
  for (guint k = 0; k < G_N_ELEMENTS(ac->cfirst); k++) {
    ac->crank[k] = n_first;
    n_first += popcount64(ac->cfirst[k]);
  }
  ac->croot = g_new0(guint32, n_first + 1);
  /* The trie over characters; children keyed (state << 16 | character)
   * while built. */
  State root = {0, 0, NONE, 0, 0, 0};
  g_array_append_val(ac->cstates, root);
  KidMap kids = {NULL, 0, 0};
  for (guint w = 0; w < n_words; w++) {
    const char *t = ac->texts->pdata[w];
    gsize len = g_array_index(ac->lens, gsize, w);
    guint32 s = 0;
    for (const char *p = t; p < t + len; p = g_utf8_next_char(p)) {
      gunichar ch = g_utf8_get_char(p);
      guint64 key = ((guint64)s << 16) | ch;
      guint32 c = s == 0 ? root_child(ac, ch) : kid_get(&kids, key);
      if (!c) {
        c = ac->cstates->len;
        g_array_append_val(ac->cstates, root);
        if (s == 0)
          ac->croot[first_rank(ac, ch)] = c;
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
  for (guint32 k = 0; k < n_first; k++)
    queue[tail++] = ac->croot[k];
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
  ac->cscan = g_new(CState, n_states);
  GArray *outs = g_array_new(FALSE, FALSE, sizeof(COut));
  for (i = 0; i < n_states; i++) {
    State *st = CST(ac, i);
    guint32 out = 0;
    for (guint32 o = st->word != NONE ? i : st->dict; o; o = CST(ac, o)->dict) {
      if (!out)
        out = outs->len + 1;
      guint32 w = CST(ac, o)->word;
      COut co = {w, (guint32)g_array_index(ac->lens, gsize, w) | (CST(ac, o)->dict ? 0 : LAST)};
      g_array_append_val(outs, co);
    }
    gboolean one = st->n == 1;
    ac->cscan[i] = (CState){st->fail, out, one ? ac->cedges[st->first].sym : RUN | st->n,
                            one ? ac->cedges[st->first].child : st->first};
  }
  ac->couts = (COut *)(void *)g_array_free(outs, FALSE);
  index_pairs(ac);
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
    if (ac->emits[s])
      add_hits(ac, states, states[s].out, i + 1, out);
  }
}

/* The child on c in a sorted run of n children, or 0. */
static inline guint32 run_child(const CEdge *e, guint32 n, gunichar c) {
  for (guint32 i = 0; i < n && e[i].sym <= c; i++)
    if (e[i].sym == c)
      return e[i].child;
  return 0;
}

/* The character at t of valid UTF-8 and its length in *n; 0x10000 for
 * any character beyond the plane (no word holds one). */
static inline gunichar char_at(const guchar *t, guint *n) {
  guchar b = t[0];
  if (b < 0x80) {
    *n = 1;
    return b;
  }
  if (b < 0xE0) {
    *n = 2;
    return ((gunichar)(b & 0x1F) << 6) | (t[1] & 0x3F);
  }
  if (b < 0xF0) {
    *n = 3;
    return ((gunichar)(b & 0x0F) << 12) | ((gunichar)(t[1] & 0x3F) << 6) | (t[2] & 0x3F);
  }
  *n = 4;
  return 0x10000;
}

void zs_ac_scan_utf8(const ZsAc *ac, const char *text, gsize len, ZsAcHits *out) {
  g_return_if_fail(!ac->adding);
  if (!ac->chars) {
    zs_ac_scan(ac, text, len, out);
    return;
  }
  const guchar *t = (const guchar *)text;
  gsize i = 0;
  while (i < len) {
    /* At the root, about to read c. While c and the two characters after
     * it start no word (nor c and the next, nor c alone), the root reads c
     * back to the root with no word by the time it reads the third: pass
     * over it. A pair that starts a word leads straight to its state. */
    guint n, n2, n3;
    guint32 s = 0;
    gunichar c2;
    gunichar c = char_at(t + i, &n);
    for (;; c = c2, n = n2) {
      if (i + n == len) {
        s = root_child(ac, c);
        i += n;
        break;
      }
      c2 = char_at(t + i + n, &n2);
      if (ac->cpair[c % PAIR_WORDS] >> (c2 % 64) & 1) {
        if (ac->cword1[(c & 0xFFFF) / 64] >> (c % 64) & 1) {
          s = root_child(ac, c);
          i += n;
          break;
        }
        gboolean last = i + n + n2 == len;
        gunichar c3 = last ? 0 : char_at(t + i + n + n2, &n3);
        if ((last || ac->ctriple[triple_slot(c, c2)] >> (c3 % 64) & 1) &&
            (s = pair_state(ac, c, c2))) {
          i += n + n2;
          break;
        }
      }
      i += n;
    }
    /* Off the root, each character leads to a child on the failure chain;
     * when none has one, the root reads the character: the loop above. */
    const CState *cs = ac->cscan;
    while (s) {
      const CState *st = &cs[s];
      if (st->out) {
        const COut *o = ac->couts + st->out - 1;
        do {
          if (out->len == out->cap) {
            out->cap = MAX(64, 2 * out->cap);
            out->v = g_renew(ZsAcHit, out->v, out->cap);
          }
          out->v[out->len++] = (ZsAcHit){o->word, i - (o->len & ~LAST), i};
        } while (!(o++->len & LAST));
      }
      if (i == len)
        break;
      c = char_at(t + i, &n);
      guint32 next = 0;
      for (;;) {
        if (st->ch == c) {
          next = st->next;
          break;
        }
        if (st->ch & RUN && (next = run_child(ac->cedges + st->next, st->ch & ~RUN, c)))
          break;
        if (!st->fail)
          break;
        st = &cs[st->fail];
      }
      if (next)
        i += n;
      s = next;
    }
  }
}
