/* coverage.c: counts for --coverage (see coverage.h). */
#include "coverage.h"

#include <string.h>

#include "extract.h"

struct ZsCoverage {
  const ZsRules *rules;
  GHashTable *claimed;   /* metric -> row count */
  GHashTable *unclaimed; /* subject -> count */
};

ZsCoverage *zs_coverage_new(const ZsRules *rules) {
  ZsCoverage *cov = g_new0(ZsCoverage, 1);
  cov->rules = rules;
  cov->claimed = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  cov->unclaimed = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  return cov;
}

void zs_coverage_free(ZsCoverage *cov) {
  if (!cov)
    return;
  g_hash_table_destroy(cov->claimed);
  g_hash_table_destroy(cov->unclaimed);
  g_free(cov);
}

static void bump(GHashTable *t, const char *key) {
  guint n = GPOINTER_TO_UINT(g_hash_table_lookup(t, key));
  g_hash_table_replace(t, g_strdup(key), GUINT_TO_POINTER(n + 1));
}

void zs_coverage_add(ZsCoverage *cov, GPtrArray *stats) {
  for (guint i = 0; i < stats->len; i++) {
    const ZsStat *s = stats->pdata[i];
    if (*s->metric) {
      bump(cov->claimed, s->metric);
    } else {
      g_autofree char *subject =
          zs_extract_subject(s->sentence, s->offset, s->offset + strlen(s->surface));
      bump(cov->unclaimed, *subject ? subject : "(no subject)");
    }
  }
}

typedef struct {
  const char *key;
  guint n;
} Count;

static gint cmp_count(gconstpointer pa, gconstpointer pb) {
  const Count *a = pa, *b = pb;
  if (a->n != b->n)
    return a->n > b->n ? -1 : 1;
  return strcmp(a->key, b->key);
}

void zs_coverage_print(const ZsCoverage *cov, FILE *fp) {
  guint idle = 0;
  fprintf(fp, "coverage: rules that matched nothing:\n");
  for (guint i = 0; i < zs_rules_count(cov->rules); i++) {
    const ZsRule *r = zs_rules_get(cov->rules, i);
    if (!g_hash_table_contains(cov->claimed, r->metric)) {
      fprintf(fp, "  %s [%s]\n", r->where, r->metric);
      idle++;
    }
  }
  fprintf(fp, "coverage: %u of %u rules matched nothing\n", idle, zs_rules_count(cov->rules));

  g_autoptr(GArray) counts = g_array_new(FALSE, FALSE, sizeof(Count));
  GHashTableIter it;
  gpointer k, v;
  g_hash_table_iter_init(&it, cov->unclaimed);
  while (g_hash_table_iter_next(&it, &k, &v)) {
    Count c = {k, GPOINTER_TO_UINT(v)};
    g_array_append_val(counts, c);
  }
  g_array_sort(counts, cmp_count);
  fprintf(fp, "coverage: subjects most often carrying an unclaimed quantity:\n");
  for (guint i = 0; i < counts->len && i < 10; i++) {
    Count *c = &g_array_index(counts, Count, i);
    fprintf(fp, "  %4u  %s\n", c->n, c->key);
  }
}
