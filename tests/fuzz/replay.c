/* replay.c: runs a fuzz harness over saved inputs, as a GLib test program.
 *
 * Linked with one harness (tests/fuzz/fuzz_NAME.c) by the normal build, so
 * `make test` replays, without clang, every input that once crashed
 * (tests/fuzz/regressions/NAME/) and the seed corpus (tests/fuzz/corpus/NAME/).
 * NAME comes from the program's own name, build/tests/fuzz/fuzz_NAME. Each
 * file is one test path: /fuzz/NAME/regressions/FILE.
 */
#include <string.h>

#include "fuzz.h"

static void replay_file(gconstpointer data) {
  const char *path = data;
  g_autofree char *bytes = NULL;
  gsize len;
  g_autoptr(GError) error = NULL;
  if (!g_file_get_contents(path, &bytes, &len, &error))
    g_error("%s", error->message);
  LLVMFuzzerTestOneInput((const uint8_t *)bytes, len);
}

static guint add_dir(const char *name, const char *kind) {
  g_autofree char *dir = g_build_filename("tests", "fuzz", kind, name, NULL);
  g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
  if (!d)
    return 0;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func(g_free);
  const char *f;
  while ((f = g_dir_read_name(d)))
    if (f[0] != '.')
      g_ptr_array_add(files, g_strdup(f));
  g_ptr_array_sort(files, (GCompareFunc)g_strcmp0);
  for (guint i = 0; i < files->len; i++) {
    g_autofree char *test = g_strdup_printf("/fuzz/%s/%s/%s", name, kind, (char *)files->pdata[i]);
    /* The path is kept for the whole run: GLib holds the pointer. */
    char *path = g_build_filename(dir, files->pdata[i], NULL);
    g_test_add_data_func_full(test, path, replay_file, g_free);
  }
  return files->len;
}

int main(int argc, char **argv) {
  g_test_init(&argc, &argv, NULL);
  g_autofree char *base = g_path_get_basename(argv[0]);
  const char *name = g_str_has_prefix(base, "fuzz_") ? base + 5 : base;
  guint n = add_dir(name, "regressions") + add_dir(name, "corpus");
  if (n == 0)
    g_error("no inputs in tests/fuzz/{regressions,corpus}/%s (run from the repo root)", name);
  return g_test_run();
}
