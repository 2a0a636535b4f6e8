/* ac_chars.c: the character automaton of ac.h (see ac.c for the bytes).
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
#include "ac_int.h"
#include "utf8.h"

#include <string.h>

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
void zs_ac_build_chars(ZsAc *ac) {
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
      guint32 c = s == 0 ? root_child(ac, ch) : zs_ac_kid_get(&kids, key);
      if (!c) {
        c = ac->cstates->len;
        g_array_append_val(ac->cstates, root);
        if (s == 0)
          ac->croot[first_rank(ac, ch)] = c;
        else
          zs_ac_kid_put(&kids, key, c);
      }
      s = c;
    }
    CST(ac, s)->word = w; /* ids are distinct words: each path ends one */
  }
  /* Children into sorted runs. */
  zs_ac_kids_to_runs(&kids, ac->cstates, &ac->cedges);
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

/* The child on c in a sorted run of n children, or 0. */
static inline guint32 run_child(const CEdge *e, guint32 n, gunichar c) {
  for (guint32 i = 0; i < n && e[i].sym <= c; i++)
    if (e[i].sym == c)
      return e[i].child;
  return 0;
}

/* The character at t of valid UTF-8 and its length in *n (utf8.h's
 * decoder). One beyond the plane is in no word, and every test below turns
 * it away: root_child() and pair_state() by its value, the edges by
 * holding only characters of the plane. */
static inline gunichar char_at(const guchar *t, guint *n) {
  const char *p = (const char *)t;
  gunichar c = zs_utf8_next(&p);
  *n = (guint)(p - (const char *)t);
  return c;
}

/* Passes over characters at the root, from t + i, while the pair test of
 * the scan below turns them away and they and the character after each are
 * of three bytes (nearly all of Chinese text): c % PAIR_WORDS and c2 % 64
 * are read from the bytes, without decoding. Returns where the scan goes
 * on the long way: each step is the one the scan takes for such a pair. */
static inline gsize pass_three(const ZsAc *ac, const guchar *t, gsize i, gsize len) {
  G_STATIC_ASSERT(PAIR_WORDS == 512); /* c % 512: b1's low three bits, then b2's six */
  if ((t[i] & 0xF0) != 0xE0)
    return i;
  while (i + 6 <= len && (t[i + 3] & 0xF0) == 0xE0 &&
         !(ac->cpair[(t[i + 1] & 0x07) << 6 | (t[i + 2] & 0x3F)] >> (t[i + 5] & 0x3F) & 1))
    i += 3;
  return i;
}

void zs_ac_scan_utf8(const ZsAc *ac, const char *text, gsize len, ZsAcHits *out) {
  g_return_if_fail(ac->built);
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
    i = pass_three(ac, t, i, len);
    gunichar c = char_at(t + i, &n);
    for (;; c = c2, n = n2) {
      if (i + n == len) {
        s = root_child(ac, c);
        i += n;
        break;
      }
      c2 = char_at(t + i + n, &n2);
      guint64 pairs = ac->cpair[c % PAIR_WORDS];
      if (pairs >> (c2 % 64) & 1) {
        /* A word of one character sets every bit of its cpair word. */
        if (pairs == G_MAXUINT64 && ac->cword1[(c & 0xFFFF) / 64] >> (c % 64) & 1) {
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
      if (n2 == 3) {
        gsize j = pass_three(ac, t, i, len);
        if (j != i) {
          i = j;
          c2 = char_at(t + i, &n2);
        }
      }
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
