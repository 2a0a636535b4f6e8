/* testutil.h: small helpers the unit test programs share. */
#ifndef ZS_TESTUTIL_H
#define ZS_TESTUTIL_H

#include <glib.h>
#include <stdio.h>

#include "normalize.h"
#include "rules.h"
#include "segment.h"

/* The rules of one file or directory; the test fails if they do not load,
 * and any problems are printed to stderr first. */
static inline ZsRules *test_load_rules(const char *path) {
  const char *paths[] = {path, NULL};
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func(g_free);
  g_autoptr(GError) error = NULL;
  ZsRules *r = zs_rules_load(paths, problems, &error);
  for (guint i = 0; i < problems->len; i++)
    fprintf(stderr, "%s\n", (char *)problems->pdata[i]);
  g_assert_no_error(error);
  return r;
}

/* Appends to s a count drawn from [lo, hi) of pieces drawn from
 * pieces[0, n_pieces): the random texts the fast paths' tests compare on. */
static inline void test_append_pieces(GRand *r, GString *s, const char *const *pieces,
                                      gsize n_pieces, gint32 lo, gint32 hi) {
  gint32 len = g_rand_int_range(r, lo, hi);
  for (gint32 k = 0; k < len; k++)
    g_string_append(s, pieces[g_rand_int_range(r, 0, (gint32)n_pieces)]);
}

/* The `n_made` made-up sentences `made`, then every sentence of the pages
 * in corpus/, as the stages cut them (new strings, in an array that frees
 * them). */
static inline GPtrArray *test_corpus_sentences(const char *const *made, gsize n_made) {
  GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
  for (gsize i = 0; i < n_made; i++)
    g_ptr_array_add(out, g_strdup(made[i]));
  g_autoptr(GDir) dir = g_dir_open("corpus", 0, NULL);
  g_assert_nonnull(dir);
  const char *name;
  while ((name = g_dir_read_name(dir))) {
    g_autofree char *path = g_build_filename("corpus", name, NULL), *text = NULL;
    gsize len;
    g_assert_true(g_file_get_contents(path, &text, &len, NULL));
    g_autoptr(ZsDoc) doc = zs_norm_document(path, text, len, NULL);
    g_autoptr(GPtrArray) arts = zs_seg_document(doc);
    for (guint a = 0; a < arts->len; a++) {
      ZsArticle *art = arts->pdata[a];
      for (guint s = 0; s < art->sentences->len; s++)
        g_ptr_array_add(out, g_strdup(((ZsSentence *)art->sentences->pdata[s])->text));
    }
    g_ptr_array_set_free_func(arts, (GDestroyNotify)zs_article_free);
  }
  return out;
}

#endif
