/* test_classify.c: the kind of a paragraph (stages/classify.c), table
 * driven: each line of tests/data/classify/kinds.tsv is one case, a
 * paragraph and the kind (and dateline) it must get. */
#include "classify.h"
#include "normalize.h"

#include <string.h>

/* tests/data/classify/kinds.tsv: the kind of a paragraph, and its
 * dateline. */
static void test_kinds(void) {
  static const char *const names[] = {
      [ZS_PK_BODY] = "body",       [ZS_PK_DATELINE] = "dateline",
      [ZS_PK_CONT] = "cont",       [ZS_PK_HEADING] = "heading",
      [ZS_PK_SHORT] = "short",     [ZS_PK_BYLINE] = "byline",
      [ZS_PK_MARKER] = "marker",   [ZS_PK_CREDIT] = "credit",
      [ZS_PK_CAPTION] = "caption", [ZS_PK_META] = "meta",
      [ZS_PK_SECTION] = "section", [ZS_PK_END] = "end"};
  g_autofree char *data = NULL;
  g_assert_true(g_file_get_contents("tests/data/classify/kinds.tsv", &data, NULL, NULL));
  g_auto(GStrv) lines = g_strsplit(data, "\n", -1);
  guint cases = 0;
  for (guint i = 0; lines[i]; i++) {
    if (lines[i][0] == '#' || lines[i][0] == '\0')
      continue;
    g_auto(GStrv) f = g_strsplit(lines[i], "\t", -1);
    g_assert_cmpuint(g_strv_length(f), >=, 2);
    /* a paragraph as the normalizer makes it from this one line */
    g_autoptr(ZsDoc) doc = zs_norm_document("t", f[1], strlen(f[1]), NULL);
    g_assert_cmpuint(doc->paras->len, ==, 1);
    const ZsPara *p = doc->paras->pdata[0];
    const char *norm = p->text;
    ZsParaKind k = zs_class_para(p);
    if (g_test_verbose() || strcmp(names[k], f[0]) != 0)
      g_test_message("line %u: %s: %s, want %s", i + 1, f[1], names[k], f[0]);
    g_assert_cmpstr(names[k], ==, f[0]);
    if (f[2]) {
      g_autofree char *d = g_strndup(norm, zs_class_dateline_len(norm));
      g_assert_cmpstr(d, ==, f[2]);
    }
    cases++;
  }
  g_assert_cmpuint(cases, >=, 30);
}

int main(int argc, char **argv) {
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/classify/kinds", test_kinds);
  return g_test_run();
}
