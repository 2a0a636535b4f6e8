/* test_write.c: the CSV writer (stages/write.c) must give back, through a
 * strict RFC 4180 parser, exactly the fields it was handed, whatever their
 * length: rows are put together in a buffer, so fields that need quoting
 * and fields longer than the buffer are checked on both sides of its size.
 */
#include "write.h"

#include <string.h>

#include "csvread.h"

/* Writes `rows` statistics whose sentence is `sentence` and whose metric
 * is `metric`, reads the CSV back and checks every field. */
static void round_trip(const char *metric, const char *sentence, guint rows, gboolean raw) {
  char *buf = NULL;
  size_t size = 0;
  FILE *fp = open_memstream(&buf, &size);
  g_assert_nonnull(fp);
  ZsWriteOptions opts = {.header = TRUE, .raw = raw, .explain = TRUE};
  zs_write_stats_begin(fp, &opts);
  ZsStat st = {
    .metric = (char *)metric, .value = "11254800", .unit = "人次",
    .sentence = (char *)sentence, .kind = ZS_KIND_CHANGE_PCT,
    .qualifier = ZS_QUAL_NEARLY, .surface = "近1125.48万人次", .article = " 标题, \"引号\" ",
    .file = "corpus/a.txt", .period = "2023Q4", .rule = "rules/a.rules:12",
  };
  for (guint i = 0; i < rows; i++) {
    st.line = i * 1000003u; /* 0, then numbers of several lengths */
    g_autoptr(GPtrArray) one = g_ptr_array_new();
    g_ptr_array_add(one, &st);
    zs_write_stats(fp, one, &opts);
  }
  g_assert_cmpint(fclose(fp), ==, 0);
  /* Every row ends in CRLF, and nothing follows the last one. */
  g_assert_true(size >= 2 && memcmp(buf + size - 2, "\r\n", 2) == 0);
  g_autoptr(GPtrArray) got = csvread_text(buf, size);
  g_assert_nonnull(got);
  g_assert_cmpuint(got->len, ==, rows);
  for (guint i = 0; i < rows; i++) {
    GHashTable *row = got->pdata[i];
    g_autofree char *want_metric =
        !raw && strchr("=+-@", metric[0]) ? g_strconcat("'", metric, NULL) : g_strdup(metric);
    g_assert_cmpstr(csvread_get(row, "metric"), ==, want_metric);
    g_assert_cmpstr(csvread_get(row, "value"), ==, "11254800");
    g_assert_cmpstr(csvread_get(row, "sentence"), ==, sentence);
    g_assert_cmpstr(csvread_get(row, "kind"), ==, "change_pct");
    g_assert_cmpstr(csvread_get(row, "qualifier"), ==, "nearly");
    g_assert_cmpstr(csvread_get(row, "article"), ==, " 标题, \"引号\" ");
    g_autofree char *line = g_strdup_printf("%u", i * 1000003u);
    g_assert_cmpstr(csvread_get(row, "line"), ==, line);
    g_assert_cmpstr(csvread_get(row, "period"), ==, "2023Q4");
    g_assert_cmpstr(csvread_get(row, "rule"), ==, "rules/a.rules:12");
  }
  free(buf);
}

/* A sentence of `len` bytes: Chinese text, with a quote and a comma every
 * `every` bytes when `every` is not 0. */
static char *sentence_of(gsize len, gsize every) {
  GString *s = g_string_new(NULL);
  while (s->len < len) {
    if (every && s->len % every < 3)
      g_string_append(s, s->len % 2 ? "\"" : ",");
    else
      g_string_append(s, "增长");
  }
  return g_string_free(s, FALSE);
}

static void test_fields(void) {
  round_trip("passenger_trips", "全年接待游客近1125.48万人次。", 5, FALSE);
  round_trip("=SUM(1+1)", "a,b", 3, FALSE);
  round_trip("=SUM(1+1)", "\"quoted\"\r\nnext line", 3, TRUE);
  round_trip("-x", " leading and trailing ", 2, FALSE);
}

/* Around the row buffer's size, plain and needing quotes, where a quoted
 * field may double. */
static void test_long_fields(void) {
  static const gsize sizes[] = {1000, 2040, 2050, 4000, 4090, 4100, 8200, 100000};
  for (gsize i = 0; i < G_N_ELEMENTS(sizes); i++) {
    for (gsize every = 0; every <= 9; every += 9) {
      g_autofree char *s = sentence_of(sizes[i], every);
      round_trip("m", s, 3, FALSE);
    }
    /* Nothing but quotes: the quoted field is twice as long. */
    g_autofree char *q = g_strnfill(sizes[i], '"');
    round_trip("m", q, 2, FALSE);
  }
}

/* zs_write_field() alone: the CSV of one field. */
static void test_one_field(void) {
  char *buf = NULL;
  size_t size = 0;
  FILE *fp = open_memstream(&buf, &size);
  ZsWriteOptions opts = {0};
  zs_write_field(fp, "a\"b", FALSE, &opts);
  zs_write_field(fp, ";", FALSE, &opts);
  zs_write_field(fp, "@x", FALSE, &opts);
  zs_write_field(fp, "-5", TRUE, &opts);
  g_assert_cmpint(fclose(fp), ==, 0);
  g_assert_cmpstr(buf, ==, "\"a\"\"b\";'@x-5");
  free(buf);
}

/* The CSV of `stats` as zs_write_stats() writes it. */
static char *write_all(GPtrArray *stats, gboolean raw, gboolean explain) {
  char *buf = NULL;
  size_t size = 0;
  FILE *fp = open_memstream(&buf, &size);
  g_assert_nonnull(fp);
  ZsWriteOptions opts = {.raw = raw, .explain = explain};
  zs_write_stats(fp, stats, &opts);
  g_assert_cmpint(fclose(fp), ==, 0);
  return buf;
}

/* A row from zs_stat_new() is written from the lengths it keeps, its
 * fields scanned sixteen bytes at a time (the short ones together with the
 * bytes before them), most rows copied in runs of fields (write.c's
 * put_runs()): it must come out as the same row built by hand,
 * whose fields are measured, for fields of every length up to a few blocks
 * with a character that needs quoting (or a space, or a formula start) at
 * every place, or none. */
static void test_packed(void) {
  static const char specials[] = {',', '"', '\r', '\n', ' ', '=', '-', 'x'};
  GRand *rnd = g_rand_new_with_seed(7);
  for (guint len = 0; len <= 50; len++)
    for (guint at = 0; at < MAX(len, 1); at++)
      for (guint k = 0; k < G_N_ELEMENTS(specials); k++) {
        char text[64];
        for (guint i = 0; i < len; i++)
          text[i] = "ab1\xe4\xb8\x80%("[g_rand_int_range(rnd, 0, 8)];
        if (len)
          text[at] = specials[k];
        text[len] = '\0';
        /* The field under test in each place, the others short or empty. */
        ZsStat f = {.metric = text, .value = "12", .unit = text, .sentence = text,
                    .surface = text, .article = "", .file = text, .period = text,
                    .rule = text, .line = len};
        ZsStat *packed = zs_stat_new(&f);
        g_assert_true(zs_stat_packed(packed));
        /* Told the lengths of some strings (as extract.c tells the
         * sentence's, the surface's, the headline's and the file's), the
         * same row. */
        const gsize known[ZS_STAT_STRINGS] = {ZS_STAT_UNKNOWN, 2, ZS_STAT_UNKNOWN, len, len,
                                              0, len, ZS_STAT_UNKNOWN, len};
        ZsStat *told = zs_stat_new_known(&f, known);
        g_assert_true(zs_stat_packed(told));
        g_assert_cmpmem(told->lengths, sizeof told->lengths, packed->lengths,
                        sizeof packed->lengths);
        g_assert_cmpmem(told + 1, packed->rule + len + 1 - (char *)(packed + 1), packed + 1,
                        packed->rule + len + 1 - (char *)(packed + 1));
        zs_stat_free(told);
        ZsStat by_hand = *packed;
        by_hand.rule = f.rule;
        g_assert_false(zs_stat_packed(&by_hand));
        for (int mode = 0; mode < 4; mode++) {
          gboolean raw = mode & 1, explain = mode >> 1;
          g_autoptr(GPtrArray) a = g_ptr_array_new();
          g_autoptr(GPtrArray) b = g_ptr_array_new();
          g_ptr_array_add(a, packed);
          g_ptr_array_add(b, &by_hand);
          g_autofree char *got = write_all(a, raw, explain);
          g_autofree char *want = write_all(b, raw, explain);
          g_assert_cmpstr(got, ==, want);
        }
        zs_stat_free(packed);
      }
  g_rand_free(rnd);
}

/* Rows are carved out of per-thread blocks (zhstats.c): rows of every
 * size, some larger than a quarter of a block (a block of their own),
 * made and freed in a shuffled order across many blocks, must each keep
 * their strings until freed, whatever was freed around them; rows freed
 * in another thread than their maker's too. */
static gpointer free_rows(gpointer rows) {
  g_ptr_array_unref(rows);
  return NULL;
}

static void test_row_blocks(void) {
  GRand *rnd = g_rand_new_with_seed(11);
  GPtrArray *live = g_ptr_array_new_with_free_func((GDestroyNotify)zs_stat_free);
  for (guint round = 0; round < 4000; round++) {
    guint len = g_rand_int_range(rnd, 0, 8) ? g_rand_int_range(rnd, 0, 600)
                                            : g_rand_int_range(rnd, 16000, 40000);
    g_autofree char *text = g_malloc(len + 1);
    memset(text, 'a' + round % 26, len);
    text[len] = '\0';
    ZsStat f = {.metric = "m", .value = "1", .sentence = text, .line = round};
    g_ptr_array_add(live, zs_stat_new(&f));
    /* Now and then, free a random third of what lives and check the rest. */
    if (round % 50 != 49)
      continue;
    for (guint i = live->len; i-- > 0;)
      if (g_rand_int_range(rnd, 0, 3) == 0)
        g_ptr_array_remove_index_fast(live, i);
    for (guint i = 0; i < live->len; i++) {
      const ZsStat *s = live->pdata[i];
      g_assert_true(zs_stat_packed(s));
      gsize n = s->lengths[3];
      for (gsize k = 0; k < n; k++)
        g_assert_cmpint(s->sentence[k], ==, 'a' + s->line % 26);
    }
  }
  g_thread_join(g_thread_new("free-rows", free_rows, live));
  g_rand_free(rnd);
}

int main(int argc, char **argv) {
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/write/fields", test_fields);
  g_test_add_func("/write/long-fields", test_long_fields);
  g_test_add_func("/write/one-field", test_one_field);
  g_test_add_func("/write/packed", test_packed);
  g_test_add_func("/write/row-blocks", test_row_blocks);
  return g_test_run();
}
