/* fuzz_pipeline.c: the whole pipeline on a text, with the shipped rules.
 *
 * normalize -> segment -> extract -> write, as pipeline.c chains them, into
 * /dev/null. The rules are loaded once (ZS_DEFAULT_RULES, the project's
 * rules/) and kept for the process.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "pipeline.h"

static ZsRules *shipped_rules(void) {
  static ZsRules *rules;
  if (!rules) {
    const char *paths[] = {ZS_DEFAULT_RULES, NULL};
    g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(GError) error = NULL;
    rules = zs_rules_load(paths, problems, &error);
    if (!rules)
      g_error("cannot load %s: %s", ZS_DEFAULT_RULES, error->message);
  }
  return rules;
}

static void quiet(const char *msg) {}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static FILE *sink;
  if (!sink) {
    sink = fopen("/dev/null", "w");
    /* The driver prints each input warning; thousands a second drown
     * libFuzzer's own log and slow it down. */
    g_set_printerr_handler(quiet);
  }
  g_autofree char *path = NULL;
  int fd = fuzz_memfd("fuzz.txt", data, size, &path);
  if (fd < 0 || !sink)
    return 0;
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func(g_free);
  g_ptr_array_add(inputs, g_strdup(path));
  ZsRunOptions opts = {0};
  opts.extract.all_quantities = (size & 1) != 0;
  opts.write = (ZsWriteOptions){TRUE, FALSE, FALSE, TRUE};
  ZsRunStats stats;
  g_autoptr(GError) error = NULL;
  gboolean ok = zs_pipeline_run(shipped_rules(), inputs, sink, sink, &opts, &stats, &error);
  close(fd);
  FUZZ_CHECK(ok);
  FUZZ_CHECK(stats.files == 1);
  return 0;
}
