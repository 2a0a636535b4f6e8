/* dataset.c: datapackage.json beside the CSV files, and --check (see
 * dataset.h).
 *
 * --check runs exactly the pipeline a normal run does, into memory streams
 * instead of files, so "the same command line plus --check" is the whole
 * contract: no second code path that could disagree with the writer.
 */
#include "dataset.h"

#include <csv.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "datapackage.h"
#include "output.h"

/* ---- datapackage.json ------------------------------------------------------ */

gboolean zs_dataset_validate(const char *dp_path, const char *stats_path,
                             const char *articles_path, GError **error) {
  if (!stats_path || strcmp(stats_path, "-") == 0) {
    g_set_error(error, ZS_ERROR, ZS_ERROR_OUTPUT,
                "--datapackage describes a CSV file: give it one with -o FILE");
    return FALSE;
  }
  g_autofree char *rel = zs_dp_relative_path(dp_path, stats_path, error);
  if (!rel)
    return FALSE;
  if (articles_path) {
    g_autofree char *arel = zs_dp_relative_path(dp_path, articles_path, error);
    if (!arel)
      return FALSE;
  }
  return TRUE;
}

/* The descriptor for CSV texts already known (`stats`, `articles`: the
 * bytes, or NULL to read the files). */
static char *build_descriptor(const char *dp_path, const char *stats_path, GBytes *stats,
                              const char *articles_path, GBytes *articles,
                              const ZsRunOptions *opts, GError **error) {
  const char *paths[2] = {stats_path, articles_path};
  GBytes *texts[2] = {stats, articles};
  ZsDpResource res[2] = {{0}};
  /* The strings of res[], owned here (g_autofree cannot free an array). */
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func(g_free);
  for (int i = 0; i < 2 && paths[i]; i++) {
    char *rel = zs_dp_relative_path(dp_path, paths[i], error);
    if (!rel)
      return NULL;
    g_ptr_array_add(owned, rel);
    char *sha;
    if (texts[i]) {
      gsize len;
      const char *data = g_bytes_get_data(texts[i], &len);
      sha = zs_dp_sha256(data, len);
      res[i].bytes = len;
    } else {
      GError *local = NULL;
      sha = zs_dp_sha256_file(paths[i], &res[i].bytes, &local);
      if (local) {
        g_propagate_error(error, local);
        return NULL;
      }
    }
    g_ptr_array_add(owned, sha);
    res[i].path = rel;
    res[i].sha256 = sha;
  }
  return zs_dp_build(&res[0], articles_path ? &res[1] : NULL, &opts->write,
                     opts->extract.all_quantities);
}

gboolean zs_dataset_write_datapackage(const char *dp_path, const char *stats_path,
                                      const char *articles_path, const ZsRunOptions *opts,
                                      GError **error) {
  g_autofree char *json =
      build_descriptor(dp_path, stats_path, NULL, articles_path, NULL, opts, error);
  if (!json)
    return FALSE;
  ZsOutput *out = zs_output_open(dp_path, error);
  if (!out)
    return FALSE;
  fputs(json, zs_output_stream(out));
  return zs_output_commit(out, error);
}

/* ---- comparing CSV texts ------------------------------------------------------ */

typedef struct {
  GPtrArray *rows; /* GPtrArray* of char* fields */
  GPtrArray *cur;
} Rows;

static void on_field(void *s, size_t len, void *data) {
  Rows *r = data;
  g_ptr_array_add(r->cur, g_strndup(s ? s : "", len));
}

static void on_row(int c, void *data) {
  Rows *r = data;
  g_ptr_array_add(r->rows, r->cur);
  r->cur = g_ptr_array_new_with_free_func(g_free);
  (void)c;
}

/* The rows of a CSV text, or NULL when it is not valid CSV. */
static GPtrArray *parse_csv(const char *text, gsize len) {
  if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
    text += 3, len -= 3;
  struct csv_parser p;
  csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
  Rows r = {g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref),
            g_ptr_array_new_with_free_func(g_free)};
  gboolean ok = csv_parse(&p, text, len, on_field, on_row, &r) == len &&
                csv_fini(&p, on_field, on_row, &r) == 0;
  csv_free(&p);
  g_ptr_array_unref(r.cur);
  if (!ok)
    g_clear_pointer(&r.rows, g_ptr_array_unref);
  return r.rows;
}

/* Fields joined by U+001F, a character no cell holds: a row as one string. */
static char *join(GPtrArray *row, const int *cols, int n) {
  GString *s = g_string_new(NULL);
  for (guint i = 0; cols ? i < (guint)n : i < row->len; i++) {
    guint c = cols ? (guint)cols[i] : i;
    if (i)
      g_string_append_c(s, '\x1f');
    if (c < row->len)
      g_string_append(s, row->pdata[c]);
  }
  return g_string_free(s, FALSE);
}

static char *show_row(GPtrArray *row) {
  g_autofree char *j = join(row, NULL, 0);
  g_strdelimit(j, "\x1f", ',');
  g_strdelimit(j, "\r\n", ' ');
  if (g_utf8_strlen(j, -1) <= 100)
    return g_steal_pointer(&j);
  g_autofree char *cut = g_utf8_substring(j, 0, 100);
  return g_strconcat(cut, "...", NULL);
}

static char *show_change(GPtrArray *header, int file_col, int line_col, GPtrArray *a,
                         GPtrArray *b) {
  GString *s = g_string_new("~ ");
  if (file_col >= 0 && line_col >= 0)
    g_string_append_printf(s, "%s:%s", (char *)a->pdata[file_col], (char *)a->pdata[line_col]);
  else
    g_string_append(s, "row");
  for (guint i = 0; i < MAX(a->len, b->len); i++) {
    const char *x = i < a->len ? a->pdata[i] : "", *y = i < b->len ? b->pdata[i] : "";
    if (strcmp(x, y) != 0)
      g_string_append_printf(s, " %s: %s -> %s;",
                             header && i < header->len ? (char *)header->pdata[i] : "?", x, y);
  }
  if (s->str[s->len - 1] == ';')
    g_string_truncate(s, s->len - 1);
  return g_string_free(s, FALSE);
}

static int column(GPtrArray *header, const char *name) {
  for (guint i = 0; header && i < header->len; i++)
    if (strcmp(header->pdata[i], name) == 0)
      return (int)i;
  return -1;
}

static void example(GPtrArray *examples, guint max, char *line) {
  if (examples && examples->len < max)
    g_ptr_array_add(examples, line);
  else
    g_free(line);
}

void zs_dataset_diff_csv(const char *old_text, gsize old_len, const char *new_text,
                         gsize new_len, gboolean header, ZsCsvDiff *diff,
                         GPtrArray *examples, guint max_examples) {
  memset(diff, 0, sizeof *diff);
  g_autoptr(GPtrArray) old_rows = parse_csv(old_text, old_len);
  g_autoptr(GPtrArray) new_rows = parse_csv(new_text, new_len);
  if (!old_rows || !new_rows) {
    diff->not_csv = TRUE;
    return;
  }
  guint skip = header ? 1 : 0;
  GPtrArray *head = header && new_rows->len ? new_rows->pdata[0] : NULL;
  if (header) {
    g_autofree char *a = old_rows->len ? join(old_rows->pdata[0], NULL, 0) : g_strdup("");
    g_autofree char *b = new_rows->len ? join(new_rows->pdata[0], NULL, 0) : g_strdup("");
    diff->header_changed = strcmp(a, b) != 0;
  }
  diff->old_rows = old_rows->len > skip ? old_rows->len - skip : 0;
  diff->new_rows = new_rows->len > skip ? new_rows->len - skip : 0;

  /* Equal rows cancel out, as a multiset. */
  g_autoptr(GHashTable) count = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = skip; i < old_rows->len; i++) {
    char *k = join(old_rows->pdata[i], NULL, 0);
    guint n = GPOINTER_TO_UINT(g_hash_table_lookup(count, k));
    g_hash_table_insert(count, k, GUINT_TO_POINTER(n + 1));
  }
  g_autoptr(GPtrArray) added = g_ptr_array_new();
  for (guint i = skip; i < new_rows->len; i++) {
    g_autofree char *k = join(new_rows->pdata[i], NULL, 0);
    guint n = GPOINTER_TO_UINT(g_hash_table_lookup(count, k));
    if (n)
      g_hash_table_insert(count, g_strdup(k), GUINT_TO_POINTER(n - 1));
    else
      g_ptr_array_add(added, new_rows->pdata[i]);
  }

  /* What is left of the old rows was removed, or changed when an added row
   * has its key. */
  static const char *const key_names[] = {"file", "line", "article", "surface"};
  int key[G_N_ELEMENTS(key_names)], nkey = 0;
  for (guint i = 0; i < G_N_ELEMENTS(key_names); i++)
    if (column(head, key_names[i]) >= 0)
      key[nkey++] = column(head, key_names[i]);
  g_autoptr(GHashTable) by_key =
      g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_queue_free);
  for (guint i = skip; i < old_rows->len; i++) {
    g_autofree char *k = join(old_rows->pdata[i], NULL, 0);
    guint n = GPOINTER_TO_UINT(g_hash_table_lookup(count, k));
    if (!n)
      continue;
    g_hash_table_insert(count, g_strdup(k), GUINT_TO_POINTER(n - 1));
    char *kk = nkey ? join(old_rows->pdata[i], key, nkey) : g_strdup("");
    GQueue *q = g_hash_table_lookup(by_key, kk);
    if (!q)
      g_hash_table_insert(by_key, g_strdup(kk), q = g_queue_new());
    g_free(kk);
    g_queue_push_tail(q, old_rows->pdata[i]);
  }
  int file_col = column(head, "file"), line_col = column(head, "line");
  for (guint i = 0; i < added->len; i++) {
    g_autofree char *kk = nkey ? join(added->pdata[i], key, nkey) : g_strdup("");
    GQueue *q = nkey ? g_hash_table_lookup(by_key, kk) : NULL;
    GPtrArray *was = q ? g_queue_pop_head(q) : NULL;
    if (was) {
      diff->changed++;
      example(examples, max_examples, show_change(head, file_col, line_col, was, added->pdata[i]));
    } else {
      diff->added++;
      g_autofree char *r = show_row(added->pdata[i]);
      example(examples, max_examples, g_strconcat("+ ", r, NULL));
    }
  }
  GHashTableIter it;
  gpointer k, v;
  g_autoptr(GHashTable) removed = g_hash_table_new(NULL, NULL);
  g_hash_table_iter_init(&it, by_key);
  while (g_hash_table_iter_next(&it, &k, &v))
    for (GList *l = ((GQueue *)v)->head; l; l = l->next)
      g_hash_table_add(removed, l->data);
  diff->removed = g_hash_table_size(removed);
  /* Examples in file order, not in hash order. */
  for (guint i = skip; i < old_rows->len && examples && examples->len < max_examples; i++)
    if (g_hash_table_contains(removed, old_rows->pdata[i])) {
      g_autofree char *r = show_row(old_rows->pdata[i]);
      example(examples, max_examples, g_strconcat("- ", r, NULL));
    }
}

/* ---- --check ---------------------------------------------------------------- */

typedef enum { TEXT, CSV_FILE, CSV_HEADER } Form;

/* Compares `want` with the file at `path`; TRUE when they are equal. */
static gboolean compare(const char *path, GBytes *want, Form form) {
  gsize len;
  const char *data = g_bytes_get_data(want, &len);
  g_autofree char *have = NULL;
  gsize have_len = 0;
  g_autoptr(GError) error = NULL;
  if (!g_file_get_contents(path, &have, &have_len, &error)) {
    g_printerr("zhstats: %s: stale: %s\n", path, error->message);
    return FALSE;
  }
  if (have_len == len && memcmp(have, data, len) == 0)
    return TRUE;
  if (form == TEXT) {
    /* The first line that differs is enough to see what changed. */
    g_autofree char *want_text = g_strndup(data, len);
    g_auto(GStrv) a = g_strsplit(have, "\n", -1), b = g_strsplit(want_text, "\n", -1);
    guint i = 0;
    while (a[i] && b[i] && strcmp(a[i], b[i]) == 0)
      i++;
    g_printerr("zhstats: %s: stale: differs from line %u on\n  - %s\n  + %s\n", path, i + 1,
               a[i] ? g_strstrip(a[i]) : "(end of file)", b[i] ? g_strstrip(b[i]) : "(end of file)");
    return FALSE;
  }
  ZsCsvDiff d;
  g_autoptr(GPtrArray) examples = g_ptr_array_new_with_free_func(g_free);
  zs_dataset_diff_csv(have, have_len, data, len, form == CSV_HEADER, &d, examples, 5);
  if (d.not_csv) {
    g_printerr("zhstats: %s: stale: not valid CSV\n", path);
    return FALSE;
  }
  g_printerr("zhstats: %s: stale: rows added %u, removed %u, changed %u (the file has %u "
             "rows, would have %u)%s\n",
             path, d.added, d.removed, d.changed, d.old_rows, d.new_rows,
             d.header_changed ? "; the header differs" : "");
  if (!d.added && !d.removed && !d.changed && !d.header_changed) {
    gboolean bom_have = have_len >= 3 && memcmp(have, "\xEF\xBB\xBF", 3) == 0;
    gboolean bom_want = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0;
    g_printerr("  same cells; %s\n", bom_have != bom_want ? "the byte order mark differs"
                                                          : "quoting or line ends differ");
  }
  for (guint i = 0; i < examples->len; i++)
    g_printerr("  %s\n", (char *)examples->pdata[i]);
  return FALSE;
}

/* The text of a memory stream; NULL when it could not grow (no memory). */
static GBytes *close_memory(FILE *fp, char **buf, size_t *len) {
  if (fclose(fp) != 0) {
    free(*buf);
    return NULL;
  }
  return g_bytes_new_take(*buf, *len);
}

int zs_dataset_check(const ZsRules *rules, GPtrArray *inputs, const ZsRunOptions *opts,
                     const char *stats_path, const char *articles_path, const char *dp_path) {
  char *sbuf = NULL, *abuf = NULL;
  size_t slen = 0, alen = 0;
  FILE *sfp = open_memstream(&sbuf, &slen);
  FILE *afp = articles_path ? open_memstream(&abuf, &alen) : NULL;
  if (!sfp || (articles_path && !afp)) {
    g_printerr("zhstats: --check: %s\n", g_strerror(errno));
    return ZS_EXIT_INPUT;
  }
  ZsRunStats run;
  g_autoptr(GError) error = NULL;
  gboolean ok = zs_pipeline_run(rules, inputs, sfp, afp, opts, &run, &error);
  g_autoptr(GBytes) stats = close_memory(sfp, &sbuf, &slen);
  g_autoptr(GBytes) articles = afp ? close_memory(afp, &abuf, &alen) : NULL;
  if (!ok) {
    g_printerr("zhstats: %s\n", error ? error->message : "input problems (--strict)");
    return ZS_EXIT_INPUT;
  }
  if (!stats || (afp && !articles)) {
    g_printerr("zhstats: --check: out of memory\n");
    return ZS_EXIT_INPUT;
  }
  Form form = opts->write.header ? CSV_HEADER : CSV_FILE;
  gboolean same = compare(stats_path, stats, form);
  if (articles_path)
    same = compare(articles_path, articles, form) && same;
  if (dp_path) {
    g_autofree char *json = build_descriptor(dp_path, stats_path, stats, articles_path,
                                             articles, opts, &error);
    if (!json) {
      g_printerr("zhstats: %s\n", error->message);
      return ZS_EXIT_INPUT;
    }
    gsize len = strlen(json);
    g_autoptr(GBytes) want = g_bytes_new_take(g_steal_pointer(&json), len);
    same = compare(dp_path, want, TEXT) && same;
  }
  if (same)
    g_printerr("zhstats: up to date: %s%s%s%s%s\n", stats_path, articles_path ? ", " : "",
               articles_path ? articles_path : "", dp_path ? ", " : "", dp_path ? dp_path : "");
  return same ? ZS_EXIT_OK : ZS_EXIT_INPUT;
}
