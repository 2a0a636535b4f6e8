/* test_report.c: the HTML review page (stages/report.c).
 *
 * Pages are rendered to memory and read back. Marks are checked through a
 * "bracketed" view of a sentence's paragraph: each <mark class=C id=I ...>
 * becomes "[I:" and </mark> "]", so an expectation shows exactly which
 * bytes each highlight wraps. Rows come from the real extract stage (with
 * tests/data/extract.rules) or, for cases extract never makes (overlaps,
 * a wrong offset), are built by hand.
 */
#include <stdio.h>
#include <string.h>

#include "extract.h"
#include "report.h"
#include "testutil.h"

/* An article of one body sentence per string, on lines 1, 2, ... */
static ZsArticle *article(const char *headline, const char *const *sentences) {
  ZsArticle *a = g_new0(ZsArticle, 1);
  a->no = 1;
  a->headline = g_strdup(headline);
  a->dateline = g_strdup("本报讯");
  a->byline = g_strdup("");
  a->first_line = 1;
  a->sentences = g_ptr_array_new_with_free_func((GDestroyNotify)zs_sentence_free);
  for (guint i = 0; sentences[i]; i++) {
    a->last_line = i + 1;
    g_ptr_array_add(a->sentences, zs_sentence_new(sentences[i], strlen(sentences[i]), i + 1,
                                                  ZS_SENT_BODY, 0));
  }
  return a;
}

/* A row made by hand, in sentence `line` of an article() */
static ZsStat *stat(const char *metric, const char *value, const char *sentence, guint line,
                    const char *surface, gsize offset, const char *period) {
  ZsStat f = {
    .metric = (char *)metric, .value = (char *)value, .unit = "人",
    .sentence = (char *)sentence, .surface = (char *)surface, .offset = offset,
    .article = "", .file = "t.txt", .line = line, .period = (char *)period,
    .rule = *metric ? "/somewhere/t.rules:1" : "",
  };
  return zs_stat_new(&f);
}

static GPtrArray *rows_new(void) {
  return g_ptr_array_new_with_free_func((GDestroyNotify)zs_stat_free);
}

/* Renders articles (NULL-terminated, each with its rows) into a page. */
static char *render(const ZsRules *rules, gboolean unclaimed_in_csv, ZsArticle **arts,
                    GPtrArray **rows) {
  g_autoptr(GError) error = NULL;
  g_autoptr(ZsReport) r = zs_report_new(rules, unclaimed_in_csv, &error);
  g_assert_no_error(error);
  zs_report_file(r, "t.txt");
  for (guint i = 0; arts[i]; i++)
    zs_report_article(r, "t.txt", arts[i], rows[i]);
  char *page = NULL;
  size_t size = 0;
  FILE *fp = open_memstream(&page, &size);
  g_assert_true(zs_report_finish(r, fp, &error));
  g_assert_no_error(error);
  fclose(fp);
  g_assert_cmpuint(strlen(page), ==, size);
  return page;
}

/* One article through the real extract stage (all quantities), rendered. */
static char *render_extracted(const char *rules_path, gboolean unclaimed_in_csv,
                              const char *headline, const char *const *sentences) {
  g_autoptr(ZsRules) rules = test_load_rules(rules_path);
  g_autoptr(ZsArticle) a = article(headline, sentences);
  ZsExtractOptions opts = {.all_quantities = TRUE};
  g_autoptr(GPtrArray) rows = zs_extract_article(rules, "t.txt", a, &opts, NULL);
  ZsArticle *arts[] = {a, NULL};
  GPtrArray *all[] = {rows};
  return render(rules, unclaimed_in_csv, arts, all);
}

/* The bracketed view of the paragraph of the sentence on input `line`. */
static char *bracketed(const char *page, guint line) {
  g_autofree char *start = g_strdup_printf("<span class=\"ln\">%u</span><p>", line);
  const char *p = strstr(page, start);
  g_assert_nonnull(p);
  p += strlen(start);
  const char *end = strstr(p, "</p>");
  g_autofree char *para = g_strndup(p, end - p);
  g_autoptr(GRegex) open = g_regex_new("<mark class=\"[^\"]*\" id=\"([^\"]*)\"[^>]*>", 0, 0, NULL);
  g_autofree char *a = g_regex_replace(open, para, -1, 0, "[\\1:", 0, NULL);
  g_autoptr(GRegex) close = g_regex_new("</mark>", 0, 0, NULL);
  return g_regex_replace_literal(close, a, -1, 0, "]", 0, NULL);
}

static guint count(const char *hay, const char *needle) {
  guint n = 0;
  for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle))
    n++;
  return n;
}

static void test_escape_chars(void) {
  char *out = NULL;
  size_t size = 0;
  FILE *fp = open_memstream(&out, &size);
  zs_report_escape(fp, "<script>alert(1)</script> \"q\" & 'a' 人口", -1);
  zs_report_escape(fp, "<b>cut here", 2);
  fclose(fp);
  g_assert_cmpstr(out, ==, "&lt;script&gt;alert(1)&lt;/script&gt; &quot;q&quot; &amp; &#39;a&#39; "
                           "人口&lt;b");
  free(out);
}

static void test_escape_sentence(void) {
  const char *sents[] = {"测试<script>alert(1)</script>\"直引号\" A&B 跨省异地就医直接结算5人次。",
                         NULL};
  g_autofree char *page = render_extracted("tests/data/extract.rules", FALSE,
                                           "<b>标题</b>&amp;", sents);
  g_autofree char *lower = g_ascii_strdown(page, -1);
  g_assert_cmpuint(count(lower, "<script"), ==, 0);
  g_assert_cmpuint(count(page, "<b>标题"), ==, 0);
  g_assert_nonnull(strstr(page, "&lt;b&gt;标题&lt;/b&gt;&amp;amp;"));
  g_autofree char *b = bracketed(page, 1);
  g_assert_cmpstr(b, ==, "测试&lt;script&gt;alert(1)&lt;/script&gt;&quot;直引号&quot; A&amp;B "
                         "跨省异地就医直接结算[r1:5人次]。");
}

/* The offset decides which of two equal surfaces is the row's. */
static void test_highlight_offset(void) {
  const char *s = "甲有5人，乙有5人。";
  const char *sents[] = {s, NULL};
  g_autoptr(ZsArticle) a = article("", sents);
  g_autoptr(GPtrArray) rows = rows_new();
  g_ptr_array_add(rows, stat("people", "5", s, 1, "5人", strlen("甲有5人，乙有"), ""));
  ZsArticle *arts[] = {a, NULL};
  g_autofree char *page = render(NULL, FALSE, arts, &rows);
  g_autofree char *b = bracketed(page, 1);
  g_assert_cmpstr(b, ==, "甲有5人，乙有[r1:5人]。");
}

/* Rows from extract: every one marked where it stands, numbered as in the
 * CSV; the quantity no rule claimed marked apart, outside the numbering. */
static void test_highlight_extracted(void) {
  const char *sents[] = {"2023年1—12月，跨省异地就医直接结算1.29亿人次，减少参保群众垫付1536.74亿元，"
                         "分别较2022年增长238.67%、89.91%。",
                         "村里新种果树300棵，跨省异地就医直接结算5人次。", NULL};
  g_autofree char *page = render_extracted("tests/data/extract.rules", FALSE, "", sents);
  g_autofree char *b1 = bracketed(page, 1);
  g_assert_cmpstr(b1, ==, "2023年1—12月，跨省异地就医直接结算[r1:1.29亿人次]，减少参保群众垫付"
                          "[r2:1536.74亿元]，分别较2022年增长[r3:238.67%]、[r4:89.91%]。");
  g_autofree char *b2 = bracketed(page, 2);
  g_assert_cmpstr(b2, ==, "村里新种果树[u1:300棵]，跨省异地就医直接结算[r5:5人次]。");
  g_assert_nonnull(strstr(page, "<mark class=\"q u\" id=\"u1\" data-metric=\"\" data-value=\"300\" "
                                "data-unit=\"棵\""));
  g_assert_nonnull(strstr(page, "<mark class=\"q\" id=\"r2\" data-row=\"2\" style=\"--h:"));
  g_assert_nonnull(strstr(page, "data-metric=\"advance_reduction\" data-value=\"153674000000\" "
                                "data-unit=\"元\" data-kind=\"level\" data-qualifier=\"exact\" "
                                "data-period=\"2023\""));
  g_assert_nonnull(strstr(page, "<b>5</b> rows in <b>2</b> metrics"));
  g_assert_nonnull(strstr(page, "<b>1</b> unclaimed"));
}

/* Under --all-quantities the CSV holds the unclaimed rows: so do the
 * page's row numbers. */
static void test_numbering_unclaimed_in_csv(void) {
  const char *sents[] = {"村里新种果树300棵，跨省异地就医直接结算5人次。", NULL};
  g_autofree char *page = render_extracted("tests/data/extract.rules", TRUE, "", sents);
  g_autofree char *b = bracketed(page, 1);
  g_assert_cmpstr(b, ==, "村里新种果树[r1:300棵]，跨省异地就医直接结算[r2:5人次]。");
  g_assert_nonnull(strstr(page, "<mark class=\"q u\" id=\"r1\" data-row=\"1\""));
}

/* Rows that overlap, or whose surface is not at their offset nor anywhere
 * in the sentence, still get their element, beside the text. */
static void test_highlight_overlap(void) {
  const char *s = "共12万人。";
  const char *sents[] = {s, NULL};
  g_autoptr(ZsArticle) a = article("", sents);
  g_autoptr(GPtrArray) rows = rows_new();
  g_ptr_array_add(rows, stat("a_metric", "120000", s, 1, "12万人", strlen("共"), ""));
  g_ptr_array_add(rows, stat("b_metric", "10000", s, 1, "万人", strlen("共12"), ""));
  g_ptr_array_add(rows, stat("c_metric", "7", s, 1, "7人", 99, ""));
  ZsArticle *arts[] = {a, NULL};
  g_autofree char *page = render(NULL, FALSE, arts, &rows);
  g_autofree char *b = bracketed(page, 1);
  g_assert_cmpstr(b, ==, "共[r1:12万人][r2:万人][r3:7人]。");
  g_assert_nonnull(strstr(page, "<mark class=\"q x\" id=\"r2\""));
  g_assert_nonnull(strstr(page, "<mark class=\"q x\" id=\"r3\""));
}

static void test_unmatched_rules(void) {
  g_autoptr(ZsRules) rules = test_load_rules("tests/data/extract.rules");
  guint total = zs_rules_count(rules);
  const char *sents[] = {"跨省异地就医直接结算5人次。", NULL};
  g_autofree char *page = render_extracted("tests/data/extract.rules", FALSE, "", sents);
  g_autofree char *head = g_strdup_printf("Rules that matched nothing: %u of %u</h2>", total - 1,
                                          total);
  g_assert_nonnull(strstr(page, head));
  /* listed with the file's name and the rule's line, not the directory */
  g_assert_nonnull(strstr(page, "<tr><td>advance_reduction</td><td></td><td>extract.rules:6</td>"));
  g_assert_null(strstr(page, "<tr><td>settlements</td>"));
  g_assert_null(strstr(page, "tests/data/extract.rules"));
}

/* A chart per series of more than one period of the same grain, the
 * extreme values written exactly. */
static void test_chart(void) {
  const char *sents[] = {"全国户籍人口城镇化率由2014年的35.93%提高到2023年的48.3%。", NULL};
  g_autofree char *page = render_extracted("tests/data/extract.rules", FALSE, "", sents);
  g_assert_cmpuint(count(page, "<svg"), ==, 1);
  g_assert_nonnull(strstr(page, ">urbanization_rate</a> · share · % · by year</figcaption>"));
  g_assert_nonnull(strstr(page, "text-anchor=\"end\">48.3</text>"));
  g_assert_nonnull(strstr(page, "text-anchor=\"end\">35.93</text>"));
  g_assert_nonnull(strstr(page, "<title>2014: 35.93 %</title>"));

  /* a year and a quarter are not one line; one period is no line at all */
  const char *s = "甲5人，乙6人，丙7人。";
  const char *sents2[] = {s, NULL};
  g_autoptr(ZsArticle) a = article("", sents2);
  g_autoptr(GPtrArray) rows = rows_new();
  g_ptr_array_add(rows, stat("m", "5", s, 1, "5人", strlen("甲"), "2023"));
  g_ptr_array_add(rows, stat("m", "6", s, 1, "6人", strlen("甲5人，乙"), "2023Q4"));
  g_ptr_array_add(rows, stat("n", "7", s, 1, "7人", strlen("甲5人，乙6人，丙"), "2022"));
  ZsArticle *arts[] = {a, NULL};
  g_autofree char *page2 = render(NULL, FALSE, arts, &rows);
  g_assert_cmpuint(count(page2, "<svg"), ==, 0);
}

static void test_deterministic(void) {
  const char *sents[] = {"2023年1—12月，跨省异地就医直接结算1.29亿人次，减少参保群众垫付1536.74亿元，"
                         "分别较2022年增长238.67%、89.91%。",
                         "全国户籍人口城镇化率由2014年的35.93%提高到2023年的48.3%。", NULL};
  g_autofree char *a = render_extracted("tests/data/extract.rules", FALSE, "标题", sents);
  g_autofree char *b = render_extracted("tests/data/extract.rules", FALSE, "标题", sents);
  g_assert_cmpstr(a, ==, b);
  /* the colour is a fixed function of the name (FNV-1a mod 360) */
  g_assert_cmpuint(zs_report_hue("total_population"), ==, 113);
  g_assert_cmpuint(zs_report_hue("settlements"), ==, 171);
  g_assert_nonnull(strstr(a, "id=\"r1\" data-row=\"1\" style=\"--h:171\""));
}

int main(int argc, char **argv) {
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/report/escape/chars", test_escape_chars);
  g_test_add_func("/report/escape/sentence", test_escape_sentence);
  g_test_add_func("/report/highlight/offset", test_highlight_offset);
  g_test_add_func("/report/highlight/extracted", test_highlight_extracted);
  g_test_add_func("/report/highlight/overlap", test_highlight_overlap);
  g_test_add_func("/report/numbering/unclaimed-in-csv", test_numbering_unclaimed_in_csv);
  g_test_add_func("/report/summary/unmatched-rules", test_unmatched_rules);
  g_test_add_func("/report/chart/periods", test_chart);
  g_test_add_func("/report/deterministic", test_deterministic);
  return g_test_run();
}
