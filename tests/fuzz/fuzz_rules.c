/* fuzz_rules.c: the rules loader on arbitrary bytes, and the rules it
 * accepts run over a few sentences (hostile patterns meet the PCRE2 limits).
 *
 * zs_rules_load() reads paths, so the bytes go to an anonymous memory file
 * named through /proc/self/fd: no temporary file to clean.
 */
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "rules.h"

static const char *const sentences[] = {
  "全国城镇新增就业1244万人，城镇调查失业率平均值为5.2%。",
  "华龙区总人口60.7万人，常住人口城镇化率达到66.16%。",
  "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!",
  "",
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  g_autofree char *path = NULL;
  int fd = fuzz_memfd("fuzz.rules", data, size, &path);
  if (fd < 0)
    return 0;
  const char *paths[] = {path, NULL};
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func(g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZsRules) rules = zs_rules_load(paths, problems, &error);
  close(fd);
  FUZZ_CHECK((rules != NULL) == (error == NULL));
  FUZZ_CHECK(!rules || problems->len == 0);
  if (!rules)
    return 0;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func(g_free);
  for (gsize i = 0; i < G_N_ELEMENTS(sentences); i++) {
    g_autoptr(GArray) m = zs_rules_match(rules, sentences[i], warnings);
    gsize len = strlen(sentences[i]);
    for (guint j = 0; j < m->len; j++) {
      const ZsRuleMatch *r = &g_array_index(m, ZsRuleMatch, j);
      FUZZ_CHECK(r->start <= r->end && r->end <= len);
    }
  }
  return 0;
}
