/* test_ac.c: the Aho-Corasick automaton against the plain way of searching.
 *
 * /ac/random/SEED: random words over a small alphabet (ASCII letters and a
 * few Chinese characters, so that many states have several children and
 * many have one; with an odd seed, also a word beyond the plane, for
 * which ac.c makes the automaton over bytes, with its dense rows),
 * scanned over random texts of the same alphabet, every other one with
 * bytes that are not UTF-8 put in. Every occurrence must be reported
 * exactly as comparing each word at each end position reports it: in
 * order of end, the longest first, each word id once. On valid text the
 * character scan (zs_ac_scan_utf8) must report exactly what zs_ac_scan
 * reports.
 * /ac/utf8/wide/SEED: the same, with texts of characters no word starts.
 * /ac/utf8/fallback: words beyond the Basic Multilingual Plane or not valid
 * UTF-8 leave the character automaton unbuilt; the byte scan answers.
 */
#include <string.h>

#include "ac.h"
#include "testutil.h"

static const char *alphabet[] = {"a", "b", "c", "d", "一", "二", "年", "月"};

static char *random_string(GRand *r, guint max_units) {
  GString *s = g_string_new(NULL);
  test_append_pieces(r, s, alphabet, G_N_ELEMENTS(alphabet), 1, (gint32)max_units + 1);
  return g_string_free(s, FALSE);
}

typedef struct {
  guint word;
  gsize end;
} Hit;

/* What zs_ac_scan() (utf8: zs_ac_scan_utf8()) finds in text, as word and
 * end; each occurrence's start must be its end less the word's length. */
static GArray *scan(const ZsAc *ac, const char *text, gsize len, gboolean utf8) {
  ZsAcHits found = {NULL, 0, 0};
  if (utf8)
    zs_ac_scan_utf8(ac, text, len, &found);
  else
    zs_ac_scan(ac, text, len, &found);
  GArray *hits = g_array_new(FALSE, FALSE, sizeof(Hit));
  for (gsize i = 0; i < found.len; i++) {
    const ZsAcHit *f = &found.v[i];
    g_assert_cmpuint(f->start, ==, f->end - zs_ac_word_len(ac, f->word));
    Hit h = {f->word, f->end};
    g_array_append_val(hits, h);
  }
  g_free(found.v);
  return hits;
}

static void test_random(gconstpointer data) {
  guint32 seed = GPOINTER_TO_UINT(data);
  g_autoptr(GRand) r = g_rand_new_with_seed(seed);
  g_autoptr(ZsAc) ac = zs_ac_new();
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func(g_free); /* by id */
  guint n_words = (guint)g_rand_int_range(r, 1, 300);
  for (guint i = 0; i < n_words; i++) {
    char *w = random_string(r, 6);
    guint id = zs_ac_add(ac, w, strlen(w));
    if (id == words->len)
      g_ptr_array_add(words, w);
    else
      g_free(w);
    g_assert_cmpuint(id, <, words->len);
  }
  /* A word beyond the plane in every other set leaves the character
   * automaton unbuilt, and the byte automaton is made (only then), with
   * its dense rows and two-byte skip. */
  if (seed % 2 && zs_ac_add(ac, "\xF0\x9F\x98\x80", 4) == words->len)
    g_ptr_array_add(words, g_strdup("\xF0\x9F\x98\x80"));
  g_assert_cmpuint(zs_ac_words(ac), ==, words->len);
  zs_ac_build(ac);
  /* Word ids, the longest first: two of one length ending at the same
   * place would be the same word, which has one id. */
  g_autoptr(GArray) by_length = g_array_new(FALSE, FALSE, sizeof(guint));
  for (gsize l = 6 * 3; l > 0; l--)
    for (guint id = 0; id < words->len; id++)
      if (strlen(words->pdata[id]) == l)
        g_array_append_val(by_length, id);

  static const char *bad[] = {"\x80", "\xE4", "\xFF", "\xC0\xAF", "\xED\xA0\x80"};
  for (int t = 0; t < 20; t++) {
    g_autofree char *text = random_string(r, 100);
    gsize len = strlen(text);
    /* Every other text gets bytes that are not UTF-8 at some byte
     * (inside a character too), for the byte scan alone. */
    gboolean valid = t % 2 == 0;
    if (!valid) {
      GString *g = g_string_new(text);
      g_string_insert(g, (gssize)((guint)t * 7 % (len + 1)), bad[t % G_N_ELEMENTS(bad)]);
      g_free(text);
      len = g->len;
      text = g_string_free(g, FALSE);
    }
    g_autoptr(GArray) got = scan(ac, text, len, FALSE);

    g_autoptr(GArray) want = g_array_new(FALSE, FALSE, sizeof(Hit));
    for (gsize end = 1; end <= len; end++)
      for (guint k = 0; k < by_length->len; k++) {
        guint id = g_array_index(by_length, guint, k);
        const char *w = words->pdata[id];
        gsize l = strlen(w);
        if (l <= end && memcmp(text + end - l, w, l) == 0) {
          Hit h = {id, end};
          g_array_append_val(want, h);
        }
      }
    g_assert_cmpuint(got->len, ==, want->len);
    for (guint i = 0; i < got->len; i++) {
      g_assert_cmpuint(g_array_index(got, Hit, i).word, ==, g_array_index(want, Hit, i).word);
      g_assert_cmpuint(g_array_index(got, Hit, i).end, ==, g_array_index(want, Hit, i).end);
    }
    for (guint i = 0; i < got->len; i++) {
      const Hit *h = &g_array_index(got, Hit, i);
      g_assert_cmpuint(zs_ac_word_len(ac, h->word), ==, strlen(words->pdata[h->word]));
    }
    if (!valid)
      continue;
    g_autoptr(GArray) by_char = scan(ac, text, len, TRUE);
    g_assert_cmpuint(by_char->len, ==, got->len);
    for (guint i = 0; i < got->len; i++) {
      g_assert_cmpuint(g_array_index(by_char, Hit, i).word, ==, g_array_index(got, Hit, i).word);
      g_assert_cmpuint(g_array_index(by_char, Hit, i).end, ==, g_array_index(got, Hit, i).end);
    }
  }
}

/* /ac/utf8/wide: words over a few characters, texts over many more (ASCII,
 * two-byte, CJK, characters that share a word's first character's value
 * mod 1024 or 2048 but start none): the character scan skips at the root
 * what starts no word, passes what its pair bitmap lets through (ac_chars.c's
 * cpair, shared by characters equal mod 512), and must still report
 * what the byte scan reports. */
static const char *wide[] = {"a", "z", "é", "老", "人", "养", "年", "增", "长",
                             "\xE4\xB8\x80" /* 一 U+4E00 */, "\xE4\xB8\x81", "%",
                             "\xE5\x88\x80" /* U+5200: 一 + 1024 */, "\xEF\xBF\xBF", "，",
                             "\xE8\xA0\x81" /* U+8801: 老 + 2048 */,
                             "\xE5\x9A\xBA" /* U+56BA: 人 + 2048 */};

static char *wide_string(GRand *r, guint n_chars, guint max_units) {
  GString *s = g_string_new(NULL);
  guint n = (guint)g_rand_int_range(r, 1, (gint32)max_units + 1);
  for (guint i = 0; i < n; i++)
    g_string_append(s, wide[g_rand_int_range(r, 0, (gint32)n_chars)]);
  return g_string_free(s, FALSE);
}

static void test_utf8_wide(gconstpointer data) {
  g_autoptr(GRand) r = g_rand_new_with_seed(GPOINTER_TO_UINT(data));
  g_autoptr(ZsAc) ac = zs_ac_new();
  guint n_words = (guint)g_rand_int_range(r, 1, 40);
  for (guint i = 0; i < n_words; i++) {
    g_autofree char *w = wide_string(r, 6, 4); /* words: the first six characters */
    zs_ac_add(ac, w, strlen(w));
  }
  zs_ac_build(ac);
  for (int t = 0; t < 50; t++) {
    g_autofree char *text = wide_string(r, G_N_ELEMENTS(wide), 200);
    g_autoptr(GArray) bytes = scan(ac, text, strlen(text), FALSE);
    g_autoptr(GArray) chars = scan(ac, text, strlen(text), TRUE);
    g_assert_cmpuint(chars->len, ==, bytes->len);
    for (guint i = 0; i < bytes->len; i++) {
      g_assert_cmpuint(g_array_index(chars, Hit, i).word, ==, g_array_index(bytes, Hit, i).word);
      g_assert_cmpuint(g_array_index(chars, Hit, i).end, ==, g_array_index(bytes, Hit, i).end);
    }
  }
}

static void test_utf8_fallback(void) {
  static const char *sets[][3] = {
    {"养老", "\xF0\x9F\x98\x80", "老人"}, /* U+1F600 */
    {"养老", "\xE5\x85", "老人"},           /* half a character */
  };
  const char *text = "养老\xF0\x9F\x98\x80老人";
  for (gsize k = 0; k < G_N_ELEMENTS(sets); k++) {
    g_autoptr(ZsAc) ac = zs_ac_new();
    for (int i = 0; i < 3; i++)
      zs_ac_add(ac, sets[k][i], strlen(sets[k][i]));
    zs_ac_build(ac);
    g_autoptr(GArray) bytes = scan(ac, text, strlen(text), FALSE);
    g_autoptr(GArray) chars = scan(ac, text, strlen(text), TRUE);
    g_assert_cmpuint(bytes->len, ==, 3);
    g_assert_cmpuint(chars->len, ==, bytes->len);
    for (guint i = 0; i < bytes->len; i++) {
      g_assert_cmpuint(g_array_index(chars, Hit, i).word, ==, g_array_index(bytes, Hit, i).word);
      g_assert_cmpuint(g_array_index(chars, Hit, i).end, ==, g_array_index(bytes, Hit, i).end);
    }
  }
}

int main(int argc, char **argv) {
  g_test_init(&argc, &argv, NULL);
  for (guint seed = 1; seed <= 20; seed++) {
    g_autofree char *path = g_strdup_printf("/ac/random/%u", seed);
    g_test_add_data_func(path, GUINT_TO_POINTER(seed), test_random);
  }
  for (guint seed = 1; seed <= 20; seed++) {
    g_autofree char *path = g_strdup_printf("/ac/utf8/wide/%u", seed);
    g_test_add_data_func(path, GUINT_TO_POINTER(seed), test_utf8_wide);
  }
  g_test_add_func("/ac/utf8/fallback", test_utf8_fallback);
  return g_test_run();
}
