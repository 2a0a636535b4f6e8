/* test_pdf_pages.c: the articles of tests/data/fields/corpus.txt laid out
 * as PDF extractions (gen_pdf.py: hard breaks, stray blank lines and
 * indents, each headline after its body, the next body opening with a
 * dateline) must segment into the same articles as corpus.txt itself
 * (markdown, headline over body): same headlines, datelines, bylines and
 * body sentences, in order. Two pages from different seeds and column
 * widths (pdf-page.txt: seed 20240131, 14-17 columns; pdf-page-b.txt: seed
 * 5, 18-22 columns), so the rule is not tuned to one page.
 */
#include "normalize.h"
#include "segment.h"

#include <string.h>

static GPtrArray *segment_file(const char *path) {
  g_autofree char *data = NULL;
  gsize len;
  g_autoptr(GError) err = NULL;
  g_assert_true(g_file_get_contents(path, &data, &len, &err));
  g_autoptr(ZsDoc) doc = zs_norm_document(path, data, len, NULL);
  return zs_seg_document(doc);
}

/* The body sentences of `a`, joined by newlines. */
static char *bodies(const ZsArticle *a) {
  GString *s = g_string_new(NULL);
  for (guint i = 0; i < a->sentences->len; i++) {
    const ZsSentence *t = a->sentences->pdata[i];
    if (t->kind == ZS_SENT_BODY)
      g_string_append_printf(s, "%s\n", t->text);
  }
  return g_string_free(s, FALSE);
}

static const char *const headlines[] = {
    "国家统计局发布2023年经济数据", "全年粮食产量再创新高",   "全省财政收入稳步增长",
    "城市空气质量持续改善",         "春运首日铁路发送旅客超千万人次",
    "教育事业发展统计公报发布",     "卫生健康服务能力不断提升",
    "保障性住房建设加快推进",       "养老服务体系更加健全",   "稳就业政策持续发力",
    "社会保障网越织越密",
};

static void check_page(gconstpointer data) {
  g_autoptr(GPtrArray) ref = segment_file("tests/data/fields/corpus.txt");
  g_autoptr(GPtrArray) got = segment_file(data);
  g_assert_cmpuint(ref->len, ==, G_N_ELEMENTS(headlines));
  g_assert_cmpuint(got->len, ==, G_N_ELEMENTS(headlines));
  for (guint i = 0; i < got->len; i++) {
    const ZsArticle *r = ref->pdata[i], *g = got->pdata[i];
    g_assert_cmpstr(r->headline, ==, headlines[i]);
    g_assert_cmpstr(g->headline, ==, headlines[i]);
    /* every body opens with 本报…电（记者…） or 本报讯（记者…） */
    g_assert_true(g_str_has_prefix(g->dateline, "本报"));
    g_assert_cmpstr(g->dateline, ==, r->dateline);
    g_assert_true(g_str_has_prefix(g->byline, "记者"));
    g_assert_cmpstr(g->byline, ==, r->byline);
    g_autofree char *rb = bodies(r);
    g_autofree char *gb = bodies(g);
    g_assert_cmpstr(gb, ==, rb);
  }
}

int main(int argc, char **argv) {
  g_test_init(&argc, &argv, NULL);
  g_test_add_data_func("/pdf-pages/seed-20240131", "tests/data/fields/pdf-page.txt", check_page);
  g_test_add_data_func("/pdf-pages/seed-5-wide", "tests/data/fields/pdf-page-b.txt", check_page);
  return g_test_run();
}
