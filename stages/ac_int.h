/* ac_int.h: what ac.c (the byte automaton, the build) and ac_chars.c (the
 * character automaton and its scan) share: the automaton's layout.
 *
 * Not for other modules: they see ZsAc only through ac.h.
 */
#ifndef ZS_AC_INT_H
#define ZS_AC_INT_H

#include "ac.h"

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

/* The words of cpair (4 KiB) and ctriple (8 KiB). The pipeline reads
 * them cold for each sentence: with cpair at 16 KiB the scan missed the
 * first-level cache half as often again, for a few fewer false positives
 * (cachegrind on p1: 118k -> 81k misses, 100k -> 105k mispredictions). */
#define PAIR_WORDS 512
#define TRIPLE_BITS 10

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

/* The child at `key`, or 0. */
guint32 zs_ac_kid_get(const KidMap *m, guint64 key);
/* Adds a child not yet there. */
void zs_ac_kid_put(KidMap *m, guint64 key, guint32 child);
/* Lays the children of `kids` out as runs by parent (see ac.c). */
void zs_ac_kids_to_runs(const KidMap *kids, GArray *states, CEdge **runs_out);

struct ZsAc {
  /* The byte automaton, built only when the character automaton cannot
   * be (a word beyond the plane or not valid UTF-8): else the states are
   * the root alone. */
  GArray *states;     /* State; 0 is the root */
  GArray *edges;      /* Edge, each state's children in one sorted run */
  GArray *lens;       /* gsize length of each word */
  gboolean built;     /* zs_ac_build() was called */
  GHashTable *ids;    /* GBytes of each word -> 1 + its id, until built */
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

#define ST(ac, i) (&g_array_index((ac)->states, State, (i)))
#define CST(ac, i) (&g_array_index((ac)->cstates, State, (i)))

/* Builds the character automaton from ac->texts, when every word is valid
 * UTF-8 of the Basic Multilingual Plane without a NUL; else leaves
 * ac->chars FALSE. Called by zs_ac_build() after the byte automaton's
 * links. */
void zs_ac_build_chars(ZsAc *ac);

#endif
