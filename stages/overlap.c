/* overlap.c: character-bigram sets (see overlap.h), one implementation for
 * the normalizer and the segmenter, so both stages judge topic alike. */
#include "overlap.h"

#include <string.h>

/* Ideographs (all planes), and letters and digits of any script. */
static gboolean is_word_char(gunichar c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3134F) ||
         c == 0x3007 || g_unichar_isalnum(c);
}

/* A bigram is two code points (21 bits each) packed into one integer, kept
 * in the set as the key pointer itself: no allocation per bigram. Where a
 * pointer is narrower than 64 bits the integer is boxed instead. */
#if GLIB_SIZEOF_VOID_P >= 8
static guint bigram_hash(gconstpointer v) {
  guint64 x = (guint64)GPOINTER_TO_SIZE(v);
  x ^= x >> 31;
  x *= G_GUINT64_CONSTANT(0x9E3779B97F4A7C15);
  return (guint)(x >> 32);
}

GHashTable *zs_overlap_set_new(void) {
  return g_hash_table_new(bigram_hash, g_direct_equal);
}

static void set_add(GHashTable *set, guint64 key) {
  g_hash_table_add(set, GSIZE_TO_POINTER((gsize)key));
}
#else
GHashTable *zs_overlap_set_new(void) {
  return g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL);
}

static void set_add(GHashTable *set, guint64 key) {
  guint64 *k = g_new(guint64, 1);
  *k = key;
  g_hash_table_add(set, k);
}
#endif

void zs_overlap_add(GHashTable *set, const char *s, gsize len) {
  gunichar prev = 0;
  for (const char *p = s; p < s + len; p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char(p);
    if (!is_word_char(c)) {
      prev = 0;
      continue;
    }
    if (prev)
      set_add(set, ((guint64)prev << 32) | c);
    prev = c;
  }
}

void zs_overlap_add_tail(GHashTable *set, const char *s, gsize len, gsize max) {
  const char *from = s;
  if (len > max)
    from = g_utf8_find_next_char(s + len - max - 1, NULL);
  zs_overlap_add(set, from, s + len - from);
}

guint zs_overlap_hits(GHashTable *head, GHashTable *other, guint *total) {
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

double zs_overlap_share(const char *s, const char *text, guint *hits) {
  g_autoptr(GHashTable) a = zs_overlap_set_new();
  g_autoptr(GHashTable) b = zs_overlap_set_new();
  zs_overlap_add(a, s, strlen(s));
  zs_overlap_add(b, text, strlen(text));
  guint n;
  guint h = zs_overlap_hits(a, b, &n);
  if (hits)
    *hits = h;
  return n ? (double)h / n : 0;
}
