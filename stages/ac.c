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
 * every state would cost megabytes and most of the start-up time.
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

struct ZsAc {
  GArray *states;     /* State; 0 is the root */
  GArray *edges;      /* Edge, each state's children in one sorted run */
  GArray *lens;       /* gsize length of each word */
  GHashTable *adding; /* (state << 8 | byte) -> child, until built */
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
};

ZsAc *zs_ac_new(void) {
  ZsAc *ac = g_new0(ZsAc, 1);
  ac->states = g_array_new(FALSE, TRUE, sizeof(State));
  ac->edges = g_array_new(FALSE, FALSE, sizeof(Edge));
  ac->lens = g_array_new(FALSE, FALSE, sizeof(gsize));
  ac->adding = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL);
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
  g_clear_pointer(&ac->adding, g_hash_table_destroy);
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
    gint64 key = ((gint64)s << 8) | b;
    guint32 c = s == 0 ? ac->root[b]
                       : GPOINTER_TO_UINT(g_hash_table_lookup(ac->adding, &key));
    if (!c) {
      State st = {0, 0, NONE, 0, 0, 0};
      c = ac->states->len;
      g_array_append_val(ac->states, st);
      if (s == 0)
        ac->root[b] = c;
      else
        g_hash_table_insert(ac->adding, g_memdup2(&key, sizeof key), GUINT_TO_POINTER(c));
    }
    s = c;
  }
  if (ST(ac, s)->word == NONE) {
    ST(ac, s)->word = ac->lens->len;
    g_array_append_val(ac->lens, len);
  }
  return ST(ac, s)->word;
}

static gint cmp_edge(gconstpointer pa, gconstpointer pb) {
  const gint64 *a = pa, *b = pb;
  return *a < *b ? -1 : *a > *b;
}

void zs_ac_build(ZsAc *ac) {
  g_return_if_fail(ac->adding);
  /* Children into sorted runs: keys sort by (state, byte). */
  guint n = g_hash_table_size(ac->adding);
  gint64 *keys = g_new(gint64, n);
  guint32 *kids = g_new(guint32, n);
  GHashTableIter it;
  gpointer k, v;
  guint i = 0;
  g_hash_table_iter_init(&it, ac->adding);
  while (g_hash_table_iter_next(&it, &k, &v))
    keys[i++] = *(gint64 *)k;
  if (n) /* g_new() gives NULL for none, which qsort() must not see */
    qsort(keys, n, sizeof *keys, cmp_edge);
  for (i = 0; i < n; i++)
    kids[i] = GPOINTER_TO_UINT(g_hash_table_lookup(ac->adding, &keys[i]));
  g_array_set_size(ac->edges, n);
  for (i = 0; i < n; i++) {
    guint32 s = (guint32)(keys[i] >> 8);
    Edge *e = &g_array_index(ac->edges, Edge, i);
    e->byte = (guint8)(keys[i] & 0xFF);
    e->child = kids[i];
    if (ST(ac, s)->n++ == 0)
      ST(ac, s)->first = i;
  }
  g_free(keys);
  g_free(kids);
  g_clear_pointer(&ac->adding, g_hash_table_destroy);

  /* Failure and dictionary links, breadth first. */
  GQueue queue = G_QUEUE_INIT;
  for (guint b = 0; b < 256; b++)
    if (ac->root[b])
      g_queue_push_tail(&queue, GUINT_TO_POINTER(ac->root[b]));
  while (!g_queue_is_empty(&queue)) {
    guint32 u = GPOINTER_TO_UINT(g_queue_pop_head(&queue));
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
      g_queue_push_tail(&queue, GUINT_TO_POINTER(ed->child));
    }
  }

  /* Dense rows: step() computed the long way, before any row exists. */
  guint32 rows = 0, n_states = ac->states->len;
  g_autofree guint32 *row_of = g_new(guint32, n_states);
  for (i = 0; i < n_states; i++)
    row_of[i] = i > 0 && ST(ac, i)->n >= DENSE_MIN ? rows++ : NONE;
  ac->dense = g_new0(guint32, (gsize)rows * 256);
  ac->row = g_new(guint32, n_states);
  memset(ac->row, 0xFF, sizeof(guint32) * n_states); /* NONE until the rows are full */
  for (i = 0; i < n_states; i++)
    for (guint b = 0; row_of[i] != NONE && b < 256; b++)
      ac->dense[(gsize)row_of[i] * 256 + b] = step(ac, i, (guint8)b);
  memcpy(ac->row, row_of, sizeof(guint32) * n_states);
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
