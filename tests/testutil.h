/* testutil.h: small helpers the unit test programs share. */
#ifndef ZS_TESTUTIL_H
#define ZS_TESTUTIL_H

#include <glib.h>
#include <stdio.h>

#include "rules.h"

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

#endif
