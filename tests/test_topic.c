/* test_topic.c: zs_topic_gap() (stages/topic.c) must pick the gap that
 * the plain computation with overlap.c's bigram sets picks, on runs of real
 * paragraphs (the corpus and the test pages) and on made-up ones. */
#include "topic.h"
#include "topic_gap.h"
#include "normalize.h"
#include "overlap.h"
#include "testutil.h"

#include <string.h>

/* The gap as segment.c computed it before topic.c: sets rebuilt with
 * zs_overlap_add() for every gap. */
static guint reference_gap(const char *const *texts, guint n, guint w) {
  guint best = n;
  double best_sim = 2.0;
  for (guint g = 1; g < n; g++) {
    g_autoptr(ZsBigrams) left = zs_overlap_set_new();
    g_autoptr(ZsBigrams) right = zs_overlap_set_new();
    for (guint k = g > w ? g - w : 0; k < g; k++)
      zs_overlap_add(left, texts[k], strlen(texts[k]));
    for (guint k = g; k < n && k < g + w; k++)
      zs_overlap_add(right, texts[k], strlen(texts[k]));
    guint tl;
    guint h = zs_overlap_hits(left, right, &tl);
    guint m = MIN(tl, zs_overlap_size(right));
    double sim = m ? (double)h / m : 1.0;
    if (sim < best_sim) {
      best_sim = sim;
      best = g;
    }
  }
  return best;
}

static const char *const files[] = {
    "corpus/peoples-daily-2024-01-31.txt", "corpus/puyang-daily-page.txt",
    "tests/data/fields/corpus.txt", "tests/data/fields/pdf-page.txt",
    "tests/data/layouts/web-scrape.txt", "tests/data/layouts/markdown-page.txt"};

/* The paragraphs of files[f], normalized; *n gets their number. */
static ZsDoc *load(guint f, const char ***texts, guint *n) {
  g_autofree char *data = NULL;
  gsize len;
  g_assert_true(g_file_get_contents(files[f], &data, &len, NULL));
  ZsDoc *doc = zs_norm_document("t", data, len, NULL);
  *n = doc->paras->len;
  *texts = g_new(const char *, *n + 1);
  for (guint i = 0; i < *n; i++)
    (*texts)[i] = ((ZsPara *)doc->paras->pdata[i])->text;
  return doc;
}

/* strlen() of each of the n texts, in a new array. */
static gsize *lengths(const char *const *texts, guint n) {
  gsize *lens = g_new(gsize, n + 1);
  for (guint i = 0; i < n; i++)
    lens[i] = strlen(texts[i]);
  return lens;
}

/* Every run of up to 40 paragraphs of each file, from every start; the
 * gap with a window's table, kept over all the runs (each reads the
 * slots of those before it as empty), as the gap with a table of its
 * own. */
static void test_gap_corpus(void) {
  guint runs = 0;
  g_autoptr(ZsTopicWindow) win = zs_topic_window_new(100);
  for (guint f = 0; f < G_N_ELEMENTS(files); f++) {
    guint n;
    g_autofree const char **texts = NULL;
    g_autoptr(ZsDoc) doc = load(f, &texts, &n);
    g_autofree gsize *lens = lengths(texts, n);
    for (guint from = 0; from < n; from++)
      for (guint len2 = 0; from + len2 <= n && len2 <= 40; len2 += 1 + len2 / 8, runs++)
        for (guint w = 1; w <= 3; w += 2) {
          guint g = reference_gap(texts + from, len2, w);
          g_assert_cmpuint(zs_topic_gap(texts + from, lens + from, len2, w), ==, g);
          g_assert_cmpuint(zs_topic_window_gap(win, texts + from, lens + from, len2, w), ==, g);
        }
  }
  g_assert_cmpuint(runs, >=, 500);
}

/* Repeated bigrams, long paragraphs (the sort's long runs), letters,
 * digits and marks, empty paragraphs; runs on both sides of 64 paragraphs
 * (the paragraph bit sets' limit) and several widths. The last piece, an
 * ideograph outside the BMP, sends a run to the merges; without it
 * (n_pieces one less) every run of up to 64 paragraphs takes the
 * paragraph sets' table. */
static const char *const pieces[] = {"统计", "局", "增长", "5.2%", "，", "GDP", "。",
                                      "人民", "日报", "　", "abc", "Ⅳ", "〇", "𠀀"};

static void gap_made_up(guint32 seed, guint n_pieces) {
  GRand *r = g_rand_new_with_seed(seed);
  g_autoptr(ZsTopicWindow) win = zs_topic_window_new(100);
  for (guint round = 0; round < 200; round++) {
    guint n = round % 10 ? (guint)g_rand_int_range(r, 0, 12) : (guint)g_rand_int_range(r, 60, 70);
    guint w = round % 3 ? 3 : (guint)g_rand_int_range(r, 0, 6);
    GPtrArray *t = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < n; i++) {
      GString *s = g_string_new(NULL);
      test_append_pieces(r, s, pieces, n_pieces, 0, round % 5 ? 40 : 600);
      g_ptr_array_add(t, g_string_free(s, FALSE));
    }
    const char *const *texts = (const char *const *)t->pdata;
    g_autofree gsize *lens = lengths(texts, n);
    guint g = reference_gap(texts, n, w);
    g_assert_cmpuint(zs_topic_gap(texts, lens, n, w), ==, g);
    g_assert_cmpuint(zs_topic_window_gap(win, texts, lens, n, w), ==, g);
    g_ptr_array_unref(t);
  }
  g_rand_free(r);
}

static void test_gap_made_up(void) {
  gap_made_up(7, G_N_ELEMENTS(pieces));
}

static void test_gap_made_up_bmp(void) {
  gap_made_up(11, G_N_ELEMENTS(pieces) - 1);
}

/* The counters in byte lanes count as plain ones, for every number of
 * counters: sets of a few, about half and all of them, runs of
 * neighbours (as a bigram's gaps), read back after flushes at odd times
 * and past the 255 additions a lane's byte holds. */
static void test_gap_counts(void) {
  GRand *r = g_rand_new_with_seed(3);
  for (guint n = 1; n <= 64; n++) {
    ZsTopicGapCounts c;
    zs_topic_gap_counts_init(&c, n);
    guint want[64] = {0};
    guint64 all = n == 64 ? ~G_GUINT64_CONSTANT(0) : (G_GUINT64_CONSTANT(1) << n) - 1;
    for (guint round = 0; round < 700; round++) {
      guint64 set;
      switch (round % 4) {
      case 0:
        set = G_GUINT64_CONSTANT(1) << g_rand_int_range(r, 0, 64) |
              G_GUINT64_CONSTANT(1) << g_rand_int_range(r, 0, 64);
        break;
      case 1:
        set = (guint64)g_rand_int(r) << 32 | g_rand_int(r);
        break;
      case 2:
        set = round % 8 == 2 ? ~G_GUINT64_CONSTANT(0) : 0;
        break;
      default:
        set = G_GUINT64_CONSTANT(7) << g_rand_int_range(r, 0, 62);
      }
      set &= all;
      zs_topic_gap_counts_add(&c, set);
      for (guint g = 0; g < n; g++)
        want[g] += set >> g & 1;
      if (g_rand_int_range(r, 0, 100) == 0 || round == 699) {
        zs_topic_gap_counts_flush(&c);
        for (guint g = 0; g < n; g++)
          g_assert_cmpuint(c.total[g], ==, want[g]);
      }
    }
  }
  g_rand_free(r);
}

/* zs_overlap_is_word_char() answers as its first form, which asked GLib
 * of every character outside the ideograph blocks, for every code point. */
static void test_word_char(void) {
  for (gunichar c = 0; c <= 0x10FFFF; c++) {
    gboolean want = c < 0x80 ? g_ascii_isalnum(c)
                             : (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
                                   (c >= 0xF900 && c <= 0xFAFF) ||
                                   (c >= 0x20000 && c <= 0x3134F) || c == 0x3007 ||
                                   g_unichar_isalnum(c);
    if (zs_overlap_is_word_char(c) != want)
      g_error("U+%04X: %d, want %d", c, zs_overlap_is_word_char(c), want);
  }
}

/* The window's set as article.c built it before topic.c: the paragraphs
 * last first, each cut to the bytes still left of `max`. */
static ZsBigrams *reference_window(const char *const *texts, guint n, gsize max) {
  ZsBigrams *set = zs_overlap_set_new();
  gsize used = 0;
  for (guint i = n; i-- > 0 && used < max;) {
    gsize len = strlen(texts[i]);
    zs_overlap_add_tail(set, texts[i], len, max - used);
    used += len;
  }
  return set;
}

/* Paragraphs pushed one by one into windows of several sizes (down to a
 * few bytes, so that paragraphs are cut inside characters), asked at
 * irregular steps (so that some paragraphs leave before being counted)
 * about the bigrams of paragraphs before, at and after the current one. */
static void test_window(void) {
  static const gsize sizes[] = {6000, 1000, 97, 10, 4, 1};
  guint asked = 0;
  /* one window per size, reset for each text (and at times in a text) */
  ZsTopicWindow *ws[G_N_ELEMENTS(sizes)];
  /* the same texts, asked only zs_topic_window_hits_upto(): its table stays
   * empty until keys too many to scan for fill it */
  ZsTopicWindow *us[G_N_ELEMENTS(sizes)];
  for (guint z = 0; z < G_N_ELEMENTS(sizes); z++) {
    ws[z] = zs_topic_window_new(sizes[z]);
    us[z] = zs_topic_window_new(sizes[z]);
  }
  for (guint f = 0; f < G_N_ELEMENTS(files); f++) {
    guint n;
    g_autofree const char **texts = NULL;
    g_autoptr(ZsDoc) doc = load(f, &texts, &n);
    for (guint z = 0; z < G_N_ELEMENTS(sizes); z++) {
      ZsTopicWindow *w = ws[z], *u = us[z];
      zs_topic_window_reset(u);
      guint no = zs_topic_window_reset(w);
      g_assert_cmpuint(zs_topic_window_reset_no(w), ==, no);
      guint first = 0;
      for (guint i = 0; i < n; i++) {
        if (i % 50 == 49) {
          zs_topic_window_reset(w);
          zs_topic_window_reset(u);
          first = i;
        }
        zs_topic_window_push(w, texts[i], strlen(texts[i]));
        zs_topic_window_push(u, texts[i], strlen(texts[i]));
        if ((i * 7 + z) % 5 == 3)
          continue;
        g_autoptr(ZsBigrams) ref = reference_window(texts + first, i + 1 - first, sizes[z]);
        for (guint k = i > 2 ? i - 2 : 0; k < n && k <= i + 1; k++) {
          g_autoptr(GArray) keys = zs_topic_keys(texts[k], strlen(texts[k]));
          g_autoptr(ZsBigrams) hs = zs_overlap_set_new();
          zs_overlap_add(hs, texts[k], strlen(texts[k]));
          g_assert_cmpuint(keys->len, ==, zs_overlap_size(hs));
          guint hits = zs_overlap_hits(hs, ref, NULL);
          g_assert_cmpuint(zs_topic_window_hits(w, keys), ==, hits);
          guint enough = (i + k) % 4 == 0 ? G_MAXUINT : (i + k) % 7;
          g_assert_cmpuint(zs_topic_window_hits_upto(u, keys, enough), ==, MIN(hits, enough));
          asked++;
        }
      }
    }
  }
  for (guint z = 0; z < G_N_ELEMENTS(sizes); z++) {
    zs_topic_window_free(ws[z]);
    zs_topic_window_free(us[z]);
  }
  g_assert_cmpuint(asked, >=, 1000);
}

/* zs_topic_find_tail() finds what zs_overlap_hits() counts against the
 * set zs_overlap_add_tail() builds, for tails cut inside characters too,
 * and marks each key once over several texts. */
static void test_find_tail(void) {
  static const gsize maxes[] = {1, 2, 5, 100, 800, G_MAXSIZE};
  guint asked = 0;
  for (guint f = 0; f < G_N_ELEMENTS(files); f++) {
    guint n;
    g_autofree const char **texts = NULL;
    g_autoptr(ZsDoc) doc = load(f, &texts, &n);
    for (guint i = 0; i + 1 < n; i++) {
      gsize len = strlen(texts[i]), len2 = strlen(texts[i + 1]);
      g_autoptr(GArray) keys = zs_topic_keys(texts[i], len);
      g_autoptr(ZsBigrams) hs = zs_overlap_set_new();
      zs_overlap_add(hs, texts[i], len);
      for (guint m = 0; m < G_N_ELEMENTS(maxes); m++, asked++) {
        g_autofree guint8 *found = g_new0(guint8, keys->len + 1);
        g_autoptr(ZsBigrams) tail = zs_overlap_set_new();
        guint hits = zs_topic_find_tail(keys, texts[i + 1], len2, maxes[m], found);
        zs_overlap_add_tail(tail, texts[i + 1], len2, maxes[m]);
        g_assert_cmpuint(hits, ==, zs_overlap_hits(hs, tail, NULL));
        /* the count up to a bound is the count, cut at the bound */
        for (guint enough = 0; enough <= hits + 1; enough++) {
          g_autofree guint8 *f2 = g_new0(guint8, keys->len + 1);
          g_assert_cmpuint(zs_topic_find_tail_upto(keys, texts[i + 1], len2, maxes[m], f2, enough),
                           ==, MIN(hits, enough));
        }
        /* a second text adds only the keys it finds anew */
        hits += zs_topic_find_tail(keys, texts[i], len, maxes[m], found);
        zs_overlap_add_tail(tail, texts[i], len, maxes[m]);
        g_assert_cmpuint(hits, ==, zs_overlap_hits(hs, tail, NULL));
      }
    }
  }
  g_assert_cmpuint(asked, >=, 1000);
}

/* zs_topic_find_tail() on made-up texts: letters, digits, full-width
 * letters, marks and ideographs outside the BMP next to each other (the
 * pairs it tries across every two characters must find what the bigram
 * walk finds). */
static void test_find_tail_made_up(void) {
  static const char *const more[] = {"统计", "局", "5.2%", "，", "GDP", "〇", "𠀀", "Ａｂ",
                                     "—", "·", "ab1", "。", "增长", "　"};
  GRand *r = g_rand_new_with_seed(5);
  for (guint round = 0; round < 2000; round++) {
    GString *a = g_string_new(NULL), *b = g_string_new(NULL);
    test_append_pieces(r, a, more, G_N_ELEMENTS(more), 0, 12);
    test_append_pieces(r, b, more, G_N_ELEMENTS(more), 0, 40);
    g_autoptr(GArray) keys = zs_topic_keys(a->str, a->len);
    g_autoptr(ZsBigrams) hs = zs_overlap_set_new();
    zs_overlap_add(hs, a->str, a->len);
    g_autoptr(ZsBigrams) tail = zs_overlap_set_new();
    gsize max = round % 3 ? G_MAXSIZE : (gsize)g_rand_int_range(r, 1, 40);
    zs_overlap_add_tail(tail, b->str, b->len, max);
    g_autofree guint8 *found = g_new0(guint8, keys->len + 1);
    g_assert_cmpuint(zs_topic_find_tail(keys, b->str, b->len, max, found), ==,
                     zs_overlap_hits(hs, tail, NULL));
    g_string_free(a, TRUE);
    g_string_free(b, TRUE);
  }
  g_rand_free(r);
}

int main(int argc, char **argv) {
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/topic/gap/corpus", test_gap_corpus);
  g_test_add_func("/topic/gap/made-up", test_gap_made_up);
  g_test_add_func("/topic/gap/made-up-bmp", test_gap_made_up_bmp);
  g_test_add_func("/topic/gap/counts", test_gap_counts);
  g_test_add_func("/topic/word-char", test_word_char);
  g_test_add_func("/topic/window", test_window);
  g_test_add_func("/topic/find-tail", test_find_tail);
  g_test_add_func("/topic/find-tail/made-up", test_find_tail_made_up);
  return g_test_run();
}
