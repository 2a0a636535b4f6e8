/* test_dataset.c: the row diff behind --check, the datapackage's relative
 * paths, and the CSV writer's cells as the datapackage describes them.
 *
 * The end-to-end behaviour (exit codes, messages, nothing written) is in
 * tests/t_check_stale.sh; these paths pin the counting rules one at a time.
 */
#include <string.h>

#include "datapackage.h"
#include "dataset.h"

#define HEAD "metric,value,unit,file,line,surface\r\n"
#define R1 "a,1,人,f.txt,3,1人\r\n"
#define R2 "b,2,元,f.txt,4,2元\r\n"
#define R3 "c,3,家,f.txt,5,3家\r\n"

static ZsCsvDiff diff_of(const char *old_text, const char *new_text, GPtrArray *examples) {
  ZsCsvDiff d;
  zs_dataset_diff_csv(old_text, strlen(old_text), new_text, strlen(new_text), TRUE, &d,
                      examples, 10);
  return d;
}

static void test_same(void) {
  ZsCsvDiff d = diff_of(HEAD R1 R2, HEAD R1 R2, NULL);
  g_assert_cmpuint(d.added + d.removed + d.changed, ==, 0);
  g_assert_false(d.header_changed);
  g_assert_cmpuint(d.old_rows, ==, 2);
}

/* Reordered rows are the same rows; a BOM is not a row change. */
static void test_reordered(void) {
  ZsCsvDiff d = diff_of("\xEF\xBB\xBF" HEAD R2 R1, HEAD R1 R2, NULL);
  g_assert_cmpuint(d.added + d.removed + d.changed, ==, 0);
  g_assert_false(d.not_csv);
}

static void test_added_removed(void) {
  g_autoptr(GPtrArray) ex = g_ptr_array_new_with_free_func(g_free);
  ZsCsvDiff d = diff_of(HEAD R1 R2, HEAD R2 R3, ex);
  g_assert_cmpuint(d.added, ==, 1);
  g_assert_cmpuint(d.removed, ==, 1);
  g_assert_cmpuint(d.changed, ==, 0);
  g_assert_cmpuint(ex->len, ==, 2);
  g_assert_cmpstr(ex->pdata[0], ==, "+ c,3,家,f.txt,5,3家");
  g_assert_cmpstr(ex->pdata[1], ==, "- a,1,人,f.txt,3,1人");
}

/* Same file, line and surface: one changed row, not one added and one
 * removed; the example names the cell. */
static void test_changed(void) {
  g_autoptr(GPtrArray) ex = g_ptr_array_new_with_free_func(g_free);
  ZsCsvDiff d = diff_of(HEAD R1 R2, HEAD "a,1,人,f.txt,3,1人\r\n" "x,2,元,f.txt,4,2元\r\n", ex);
  g_assert_cmpuint(d.changed, ==, 1);
  g_assert_cmpuint(d.added + d.removed, ==, 0);
  g_assert_cmpstr(ex->pdata[0], ==, "~ f.txt:4 metric: b -> x");
}

/* A duplicated row counts once more, as added. */
static void test_duplicate(void) {
  ZsCsvDiff d = diff_of(HEAD R1, HEAD R1 R1, NULL);
  g_assert_cmpuint(d.added, ==, 1);
  g_assert_cmpuint(d.removed + d.changed, ==, 0);
}

static void test_header(void) {
  ZsCsvDiff d = diff_of(HEAD R1, "metric,value,unit,file,line,surface,rule\r\n" R1, NULL);
  g_assert_true(d.header_changed);
}

static void test_not_csv(void) {
  ZsCsvDiff d = diff_of("a,\"b\r\n", HEAD R1, NULL);
  g_assert_true(d.not_csv);
}

static void test_relative_path(void) {
  g_autoptr(GError) error = NULL;
  g_autofree char *a = zs_dp_relative_path("out/datapackage.json", "out/statistics.csv", &error);
  g_assert_no_error(error);
  g_assert_cmpstr(a, ==, "statistics.csv");
  g_autofree char *b = zs_dp_relative_path("out/dp.json", "./out/csv/../csv/s.csv", &error);
  g_assert_cmpstr(b, ==, "csv/s.csv");
  g_autofree char *c = zs_dp_relative_path("out/dp.json", "outside/s.csv", &error);
  g_assert_null(c);
  g_assert_error(error, ZS_ERROR, ZS_ERROR_OUTPUT);
  g_clear_error(&error);
  /* A sibling whose name starts like the directory is not inside it. */
  g_autofree char *d = zs_dp_relative_path("out/dp.json", "out2/s.csv", &error);
  g_assert_null(d);
}

/* The JSON escapes what a path may hold. */
static void test_escaping(void) {
  ZsDpResource r = {"a \"q\"\\b\t.csv", NULL, 0};
  ZsWriteOptions opts = {TRUE, FALSE, FALSE, FALSE};
  g_autofree char *json = zs_dp_build(&r, NULL, &opts, FALSE);
  g_assert_nonnull(strstr(json, "\"path\": \"a \\\"q\\\"\\\\b\\t.csv\""));
  g_assert_null(strstr(json, "\"hash\""));
  g_assert_true(g_str_has_suffix(json, "}\n"));
}

int main(int argc, char **argv) {
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/dataset/diff/same", test_same);
  g_test_add_func("/dataset/diff/reordered", test_reordered);
  g_test_add_func("/dataset/diff/added-removed", test_added_removed);
  g_test_add_func("/dataset/diff/changed", test_changed);
  g_test_add_func("/dataset/diff/duplicate", test_duplicate);
  g_test_add_func("/dataset/diff/header", test_header);
  g_test_add_func("/dataset/diff/not-csv", test_not_csv);
  g_test_add_func("/datapackage/relative-path", test_relative_path);
  g_test_add_func("/datapackage/escaping", test_escaping);
  return g_test_run();
}
