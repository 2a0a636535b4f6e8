/* test_window.c: the recent-text window (stages/window.c) must answer as
 * zs_overlap_share() does on the window's text: on the corpus pages fed
 * paragraph by paragraph, with the front cut as the normalizer cuts it, and
 * with windows of several sizes; zs_window_shares_upto() stopping early
 * must agree with it.
 */
#include "overlap.h"
#include "window.h"

#include <string.h>

static guint stops, full_reads; /* of zs_window_shares_upto() */

/* Checks line i, and the lines after it, against rebuilt sets. */
static guint check_line(ZsWindow *w, char **lines, guint n_lines, guint i) {
  const char *line = lines[i];
  guint checks = 0;
  /* a line and the text after it, as headline_after_body() asks */
  g_autoptr(GString) next = g_string_new(line);
  for (guint k = i + 1; k < n_lines && next->len < 240; k++)
    g_string_append(next, lines[k]);
  const char *qs[] = {line, next->str};
  double got[2];
  guint got_hits[2];
  zs_window_shares(w, 2, qs, got, got_hits);
  /* the early stop, at a few thresholds of either question: stopped, the
   * asked share reached the threshold and no count passes the whole
   * window's; not stopped, the answers are the whole window's */
  static const double enough[] = {0.05, 0.1, 0.2, 0.5};
  double up_share[G_N_ELEMENTS(enough)][2][2];
  guint up_hits[G_N_ELEMENTS(enough)][2][2];
  gboolean up_stopped[G_N_ELEMENTS(enough)][2];
  for (guint e = 0; e < G_N_ELEMENTS(enough); e++)
    for (guint k = 0; k < 2; k++) {
      up_stopped[e][k] = zs_window_shares_upto(w, 2, qs, k, enough[e], up_share[e][k],
                                               up_hits[e][k]);
      *(up_stopped[e][k] ? &stops : &full_reads) += 1;
    }
  for (guint q = 0; q < G_N_ELEMENTS(qs); q++) {
    guint want_hits = 0;
    double want = zs_overlap_share(qs[q], zs_window_text(w), &want_hits);
    g_assert_cmpuint(got_hits[q], ==, want_hits);
    g_assert_cmpfloat(got[q], ==, want);
    for (guint e = 0; e < G_N_ELEMENTS(enough); e++)
      for (guint k = 0; k < 2; k++) {
        if (up_stopped[e][k]) {
          g_assert_cmpuint(up_hits[e][k][q], <=, want_hits);
          g_assert_cmpfloat(up_share[e][k][q], <=, want);
          if (q == k) {
            g_assert_cmpfloat(up_share[e][k][q], >=, enough[e]);
            g_assert_cmpfloat(want, >=, enough[e]);
          }
        } else {
          g_assert_cmpuint(up_hits[e][k][q], ==, want_hits);
          g_assert_cmpfloat(up_share[e][k][q], ==, want);
          if (q == k)
            g_assert_cmpfloat(want, <, enough[e]);
        }
      }
    checks++;
  }
  return checks;
}

/* Feeds the lines of `path` into a window of about `keep` bytes (cut when
 * it passes 2 * keep) and checks every `every`-th line, and the next few
 * lines together, against a rebuilt set (the lines between are appended
 * and cut unasked; a window of 1800 bytes is read in several blocks, whose
 * joints must lose no bigram). Returns the number of checks. */
static guint check_file(const char *path, gsize keep, guint rounds, guint every) {
  g_autofree char *data = NULL;
  g_assert_true(g_file_get_contents(path, &data, NULL, NULL));
  g_auto(GStrv) lines = g_strsplit(data, "\n", -1);
  guint n_lines = g_strv_length(lines);
  g_autoptr(ZsWindow) w = zs_window_new();
  guint checks = 0;
  for (guint r = 0; r < rounds; r++) {
    for (guint i = 0; i < n_lines; i++) {
      const char *line = lines[i];
      if (i % every == 0)
        checks += check_line(w, lines, n_lines, i);
      zs_window_append(w, line, strlen(line));
      gsize len = zs_window_len(w);
      if (len > 2 * keep) {
        const char *text = zs_window_text(w);
        const char *cut = g_utf8_find_next_char(text + len - keep - 1, NULL);
        zs_window_cut(w, cut - text);
      }
    }
  }
  return checks;
}

static void test_corpus(void) {
  static const char *const pages[] = {"corpus/peoples-daily-2024-01-31.txt",
                                      "corpus/puyang-daily-page.txt"};
  static const gsize keeps[] = {1800, 300, 40, 3};
  static const guint everys[] = {1, 3, 17};
  for (guint i = 0; i < G_N_ELEMENTS(pages); i++)
    for (guint k = 0; k < G_N_ELEMENTS(keeps); k++)
      for (guint e = 0; e < G_N_ELEMENTS(everys); e++)
        g_assert_cmpuint(check_file(pages[i], keeps[k], 3, everys[e]), >, 20);
  g_assert_cmpuint(stops, >, 1000);
  g_assert_cmpuint(full_reads, >, 1000);
}

/* Hits need the whole bigram inside the window: one cut between its two
 * characters, and it is gone. */
static void test_cut_bigram(void) {
  g_autoptr(ZsWindow) w = zs_window_new();
  zs_window_append(w, "经济", strlen("经济"));
  const char *q[] = {"经济", "济发"};
  double share[2];
  guint hits[2];
  zs_window_shares(w, 1, q, share, hits);
  g_assert_cmpfloat(share[0], ==, 1.0);
  g_assert_cmpuint(hits[0], ==, 1);
  zs_window_cut(w, strlen("经"));
  zs_window_shares(w, 1, q, share, hits);
  g_assert_cmpfloat(share[0], ==, 0.0);
  g_assert_cmpuint(hits[0], ==, 0);
  /* a bigram across two appends counts */
  zs_window_append(w, "发展", strlen("发展"));
  zs_window_shares(w, 2, q, share, hits);
  g_assert_cmpfloat(share[1], ==, 1.0);
  g_assert_cmpuint(hits[1], ==, 1);
}

int main(int argc, char **argv) {
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/window/corpus", test_corpus);
  g_test_add_func("/window/cut-bigram", test_cut_bigram);
  return g_test_run();
}
