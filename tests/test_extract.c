/* test_extract.c: the extract stage on real sentences.
 *
 * /extract/gold/sentences: every sentence of the gold standard (tests/gold/), grouped
 * into its articles, goes through numbers + rules + extract alone, with the
 * shipped rules; the rows are scored against the gold's (value, unit,
 * metric) for the same sentence. This isolates extraction from
 * segmentation, which the end-to-end test scores separately.
 * /extract/claim/many: a sentence of more figures and matches than claim()
 * keeps in its short forms.
 * /extract/clause-map/{corpus,random}: the clause map (filled sixteen bytes
 * at a time) against a byte-by-byte reference, on every corpus sentence
 * and on random strings of marks, their lead bytes and other text.
 * The other paths are small cases for single behaviours, with the rules in
 * tests/data/extract.rules.
 */
#include <stdio.h>
#include <string.h>

#include "csvread.h"
#include "extract.h"
#include "extract_int.h"
#include "numbers.h"
#include "period.h"
#include "testutil.h"

static ZsArticle *article_new(void) {
  ZsArticle *a = g_new0(ZsArticle, 1);
  a->headline = g_strdup("");
  a->sentences = g_ptr_array_new();
  return a;
}

static void article_add(ZsArticle *a, const char *text, ZsSentKind kind, guint para) {
  g_ptr_array_add(a->sentences, zs_sentence_new(text, strlen(text), 0, kind, para));
}

static void article_free(ZsArticle *a) {
  for (guint i = 0; i < a->sentences->len; i++)
    zs_sentence_free(a->sentences->pdata[i]);
  g_ptr_array_free(a->sentences, TRUE);
  g_free(a->headline);
  g_free(a);
}

/* Runs one sentence (one-sentence article) and returns its rows. */
static GPtrArray *run(const ZsRules *rules, const char *text, gboolean all) {
  ZsArticle *a = article_new();
  article_add(a, text, ZS_SENT_BODY, 0);
  ZsExtractOptions opts = {.all_quantities = all};
  GPtrArray *rows = zs_extract_article(rules, "t.txt", a, &opts, NULL);
  article_free(a);
  return rows;
}

static char *describe(GPtrArray *rows) {
  GString *s = g_string_new(NULL);
  for (guint i = 0; i < rows->len; i++) {
    ZsStat *st = rows->pdata[i];
    g_string_append_printf(s, "%s%s=%s%s/%s/%s", i ? " " : "", st->metric, st->value, st->unit,
                           zs_kind_name(st->kind), st->period);
  }
  return g_string_free(s, FALSE);
}

static void check(const char *text, const char *expected) {
  g_autoptr(ZsRules) rules = test_load_rules("tests/data/extract.rules");
  g_autoptr(GPtrArray) rows = run(rules, text, FALSE);
  g_autofree char *got = describe(rows);
  if (strcmp(got, expected) != 0)
    fprintf(stderr, "%s\n  expected: %s\n  got:      %s\n", text, expected, got);
  g_assert_cmpstr(got, ==, expected);
}

static void test_exact(void) {
  check("跨省异地就医直接结算1.29亿人次，减少参保群众垫付1536.74亿元。",
        "settlements=129000000人次/level/ advance_reduction=153674000000元/level/");
}

static void test_fenbie_levels(void) {
  check("2023年1—12月，跨省异地就医直接结算1.29亿人次，减少参保群众垫付1536.74亿元，"
        "分别较2022年增长238.67%、89.91%。",
        "settlements=129000000人次/level/2023 advance_reduction=153674000000元/level/2023 "
        "settlements=238.67%/change_pct/2023 advance_reduction=89.91%/change_pct/2023");
}

static void test_fenbie_phrases(void) {
  check("到2023年末，我国基本养老、基本医疗、工伤、失业保险参保人数分别达到10.7亿人、13.3亿人、"
        "3.0亿人、2.4亿人。",
        "pension_insured=1070000000人/level/2023-12-31 "
        "medical_insured=1330000000人/level/2023-12-31 "
        "injury_insured=300000000人/level/2023-12-31 "
        "unemployment_insured=240000000人/level/2023-12-31");
}

static void test_change_abs(void) {
  check("截至2023年12月底，全国住院费用跨省联网定点医疗机构达8.23万家，较2022年底增加1.96万家。",
        "networked_institutions=82300家/level/2023-12-31 "
        "networked_institutions=19600家/change_abs/2023-12-31");
}

static void test_fall(void) {
  check("全市失业人数下降1.2万人。", "unemployed=-12000人/change_abs/");
}

static void test_growth_multiple(void) {
  check("跨省异地就医直接结算331万人次，较2022年增长12.34倍。",
        "settlements=3310000人次/level/ settlements=12.34倍/growth_multiple/");
}

static void test_series(void) {
  check("全国户籍人口城镇化率由2014年的35.93%提高到2023年的48.3%。",
        "urbanization_rate=35.93%/share/2014 urbanization_rate=48.3%/share/2023");
}

static void test_range(void) {
  check("我们提供3到6个月的房租减免。", "rent_waiver=3月/level/ rent_waiver=6月/level/");
}

static void test_period_semicolon(void) {
  check("2021年跨省异地就医直接结算1亿人次；全国建成综治中心58.3万余个。",
        "settlements=100000000人次/level/2021 centers=583000个/level/");
}

static void test_period_span(void) {
  check("2019至2023年，全国累计新开工改造城镇老旧小区22万个。",
        "renovation_started=220000个/level/2019/2023");
}

static void test_period_quarter(void) {
  check("2023年四季度，全国住院费用跨省直接结算317.93万人次。",
        "settlements=3179300人次/level/2023Q4");
}

static void test_period_comparison_base(void) {
  check("跨省异地就医直接结算1.29亿人次，较2022年增长238.67%。",
        "settlements=129000000人次/level/ settlements=238.67%/change_pct/");
}

static void test_claim_longest(void) {
  check("全国跨省异地就医直接结算5人次。", "settlements=5人次/level/");
  check("全省直接结算7人次。", "short_phrase=7人次/level/");
}

static void test_claim_first_defined(void) {
  check("全院门诊量120万人次。", "first_defined=1200000人次/level/");
}

static void test_claim_adjacent_before_after(void) {
  /* 8489个老旧小区: the figure right before a phrase is its own, even when
   * another figure follows the phrase. */
  check("共有8489个综治中心、3768个城市公园。", "centers=8489个/level/");
}

static void test_change_after_subject(void) {
  /* The change stands before the level, in the subject's clause; the level
   * follows in a clause that names no subject of its own. */
  check("全省城镇化率提高1.2个百分点，达到65.3%。",
        "urbanization_rate=1.2pp/change_abs/ urbanization_rate=65.3%/share/");
}

static void test_change_of_another_subject(void) {
  /* A change after a new subject (服务能力) is not the change of the figure
   * before it; a comparison base (较上年) is no subject. */
  check("全省综治中心3000个以上，较上年增加200个，服务能力同比增长14.1%。",
        "centers=3000个/level/ centers=200个/change_abs/");
}

static void test_part_is_not_the_whole(void) {
  /* 其中…: a change after 其中 belongs to the part, not the figure before. */
  check("全省综治中心3000个，其中新建中心增长15%。", "centers=3000个/level/");
}

static void test_sentence_limit(void) {
  /* A sentence past ZS_SENTENCE_LIMIT is matched in pieces cut at clause
   * breaks, with a warning naming file and line; no figure is lost. */
  g_autoptr(ZsRules) rules = test_load_rules("tests/data/extract.rules");
  GString *text = g_string_new("全省综治中心3000个");
  guint n = 1;
  while (text->len <= 3 * ZS_SENTENCE_LIMIT) {
    g_string_append(text, "，综治中心12个");
    n++;
  }
  ZsArticle *a = article_new();
  article_add(a, text->str, ZS_SENT_BODY, 0);
  ((ZsSentence *)a->sentences->pdata[0])->line = 7;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func(g_free);
  ZsExtractOptions opts = {.all_quantities = FALSE};
  g_autoptr(GPtrArray) rows = zs_extract_article(rules, "t.txt", a, &opts, warnings);
  g_assert_cmpuint(warnings->len, ==, 1);
  g_assert_true(g_str_has_prefix(warnings->pdata[0], "t.txt:7: sentence of "));
  g_assert_cmpuint(rows->len, ==, n);
  g_assert_cmpstr(((ZsStat *)rows->pdata[0])->value, ==, "3000");
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpuint(strlen(((ZsStat *)rows->pdata[i])->sentence), <=, ZS_SENTENCE_LIMIT);
  article_free(a);
  g_string_free(text, TRUE);
}

static void test_period_local_year(void) {
  /* "2020年的17.95%" dates that figure only, not the ones after it. */
  check("城镇化率从2010年的16.60%提高到2020年的17.95%，综治中心由2000个增加到3000个。",
        "urbanization_rate=16.6%/share/2010 urbanization_rate=17.95%/share/2020 "
        "centers=2000个/level/ centers=3000个/level/");
}

static void test_period_relative_blocks_inherited(void) {
  /* 4年来 is the sentence's own (relative) time: it does not inherit. */
  g_autofree char *p = zs_period_of("4年来，开办托管班96家。", strlen("4年来，开办托管班"),
                                         "2020", 0);
  g_assert_null(p);
  g_autofree char *q = zs_period_of("开办托管班96家。", strlen("开办托管班"), "2020", 0);
  g_assert_cmpstr(q, ==, "2020");
}

static void test_period_relative(void) {
  static const char *cases[][3] = {
    /* sentence, period with year 2024, period without a year */
    {"今年一季度，结算约5128万人次。", "2024Q1", ""},
    {"去年全国结算1.29亿人次。", "2023", ""},
    {"截至今年5月，结算2亿人次。", "2024-05", ""},
    {"到去年底，结算2亿人次。", "2023-12-31", ""},
    {"目前，结算2亿人次。", "", ""},
    {"2023年全国结算1.29亿人次。", "2023", "2023"},
  };
  for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
    const char *s = cases[i][0];
    gsize at = (gsize)(strstr(s, "结算") - s) + strlen("结算");
    g_autofree char *with = zs_period_of(s, at, NULL, 2024);
    g_autofree char *without = zs_period_of(s, at, NULL, 0);
    g_assert_cmpstr(with ? with : "", ==, cases[i][1]);
    g_assert_cmpstr(without ? without : "", ==, cases[i][2]);
  }
}

static void test_all_quantities(void) {
  g_autoptr(ZsRules) rules = test_load_rules("tests/data/extract.rules");
  g_autoptr(GPtrArray) rows = run(rules, "村里新种果树300棵，跨省异地就医直接结算5人次。", TRUE);
  g_autofree char *got = describe(rows);
  g_assert_cmpstr(got, ==, "=300棵/level/ settlements=5人次/level/");
}

/* Gold sentences through extract alone. */
static void test_gold_sentences(void) {
  g_autoptr(ZsRules) rules = test_load_rules("rules");
  g_autoptr(GPtrArray) gold = csvread_file("tests/gold/statistics.csv");
  g_autoptr(GPtrArray) arts = csvread_file("tests/gold/articles.csv");
  g_assert_nonnull(gold);
  g_assert_nonnull(arts);
  guint matched = 0, predicted = 0;
  GString *misses = g_string_new(NULL);
  for (guint i = 0; i < gold->len;) {
    const char *file = csvread_get(gold->pdata[i], "file");
    const char *no = csvread_get(gold->pdata[i], "article_no");
    const char *headline = "";
    for (guint k = 0; k < arts->len; k++)
      if (!strcmp(csvread_get(arts->pdata[k], "file"), file) &&
          !strcmp(csvread_get(arts->pdata[k], "article_no"), no))
        headline = csvread_get(arts->pdata[k], "headline");
    guint end = i;
    ZsArticle *a = article_new();
    while (end < gold->len && !strcmp(csvread_get(gold->pdata[end], "file"), file) &&
           !strcmp(csvread_get(gold->pdata[end], "article_no"), no)) {
      const char *sent = csvread_get(gold->pdata[end], "sentence");
      gboolean dup = FALSE;
      for (guint k = 0; k < a->sentences->len; k++)
        dup |= !strcmp(((ZsSentence *)a->sentences->pdata[k])->text, sent);
      if (!dup)
        article_add(a, sent, *headline && strstr(headline, sent) ? ZS_SENT_HEADLINE : ZS_SENT_BODY, 0);
      end++;
    }
    ZsExtractOptions opts = {.all_quantities = FALSE};
    g_autoptr(GPtrArray) rows = zs_extract_article(rules, file, a, &opts, NULL);
    predicted += rows->len;
    g_autofree gboolean *used = g_new0(gboolean, rows->len);
    for (guint g = i; g < end; g++) {
      GHashTable *gr = gold->pdata[g];
      gboolean hit = FALSE;
      for (guint r = 0; r < rows->len && !hit; r++) {
        ZsStat *st = rows->pdata[r];
        if (used[r] || strcmp(st->sentence, csvread_get(gr, "sentence")) ||
            strcmp(st->value, csvread_get(gr, "base_value")) ||
            strcmp(st->unit, csvread_get(gr, "unit")) || strcmp(st->metric, csvread_get(gr, "metric")))
          continue;
        used[r] = hit = TRUE;
      }
      matched += hit;
      if (!hit)
        g_string_append_printf(misses, "  - %s %s %s | %.60s\n", csvread_get(gr, "metric"),
                               csvread_get(gr, "surface"), csvread_get(gr, "unit"),
                               csvread_get(gr, "sentence"));
    }
    for (guint r = 0; r < rows->len; r++)
      if (!used[r]) {
        ZsStat *st = rows->pdata[r];
        g_string_append_printf(misses, "  + %s %s %s | %.60s\n", st->metric, st->surface,
                               st->unit, st->sentence);
      }
    article_free(a);
    i = end;
  }
  double recall = (double)matched / gold->len, precision = predicted ? (double)matched / predicted : 0;
  fprintf(stderr, "extract on gold sentences: recall %.3f precision %.3f (matched %u, gold %u, "
                  "predicted %u)\n%s",
          recall, precision, matched, gold->len, predicted,
          g_test_verbose() ? misses->str : "");
  g_string_free(misses, TRUE);
  g_assert_cmpfloat(recall, >=, 0.90);
  g_assert_cmpfloat(precision, >=, 0.90);
}

/* A sentence of 80 figures and 40 phrases: claim() keeps its figures in
 * bit sets of 64 and sorts more than 32 matches another way; each 张
 * figure goes to the phrase before it, no 个 figure to any (the rule
 * counts beds in 张). */
static void test_claim_many(void) {
  g_autoptr(ZsRules) rules = test_load_rules("rules");
  g_autoptr(GString) text = g_string_new(NULL);
  for (int i = 0; i < 40; i++)
    g_string_append_printf(text, "养老床位%d张，老旧小区%d个、", i + 1, i + 100);
  g_string_append(text, "。");
  g_autoptr(GPtrArray) rows = run(rules, text->str, TRUE);
  g_assert_cmpuint(rows->len, ==, 80);
  for (guint i = 0; i < rows->len; i++) {
    const ZsStat *st = rows->pdata[i];
    g_autofree char *value = g_strdup_printf("%u", i % 2 ? i / 2 + 100 : i / 2 + 1);
    g_assert_cmpstr(st->value, ==, value);
    g_assert_cmpstr(st->metric, ==, i % 2 ? "" : "elderly_care_beds");
  }
}

/* The clause map as its definition says: a mark belongs to the clause it
 * ends; compared mark by mark at every byte. */
static void clause_map_ref(const char *s, gsize n, ZsClause *map) {
  static const char *marks[] = {"，", "；", "。", "！", "？", "：", ",", ";"};
  guint c = 0;
  for (gsize i = 0; i < n;) {
    gsize l = 0;
    for (gsize k = 0; k < G_N_ELEMENTS(marks) && !l; k++)
      if (strncmp(s + i, marks[k], strlen(marks[k])) == 0)
        l = strlen(marks[k]);
    for (gsize e = i + MAX(l, 1); i < e; i++)
      map[i] = c;
    c += l > 0;
  }
  map[n] = c;
}

static void check_clause_map(const char *s) {
  gsize n = strlen(s);
  g_autofree ZsClause *got = g_new(ZsClause, n + 1), *want = g_new(ZsClause, n + 1);
  zs_extract_clause_map(s, n, got);
  clause_map_ref(s, n, want);
  for (gsize i = 0; i <= n; i++)
    if (got[i] != want[i])
      g_error("clause map of \"%s\" at byte %zu: %u, want %u", s, i, got[i], want[i]);
}

static void test_clause_map_corpus(void) {
  g_autoptr(GPtrArray) sentences = test_corpus_sentences(NULL, 0);
  g_assert_cmpuint(sentences->len, >, 100);
  for (guint i = 0; i < sentences->len; i++)
    check_clause_map(sentences->pdata[i]);
}

static void test_clause_map_random(void) {
  static const char *pieces[] = {"，", "；", "。", "！", "？", "：", ",", ";", "、", "《",
                                 "\xEF\xBC\x88" /* （ */, "\xE3\x80\x81", "a", "年", "增长",
                                 "12.5%", " "};
  g_autoptr(GRand) r = g_rand_new_with_seed(11);
  for (int t = 0; t < 3000; t++) {
    g_autoptr(GString) s = g_string_new(NULL);
    gint32 n = g_rand_int_range(r, 0, 60);
    for (gint32 k = 0; k < n; k++) {
      /* Runs of plain text between marks, of any length around 16 bytes. */
      if (g_rand_boolean(r))
        g_string_append(s, pieces[g_rand_int_range(r, 0, G_N_ELEMENTS(pieces))]);
      else
        g_string_append(s, pieces[g_rand_int_range(r, 12, G_N_ELEMENTS(pieces))]);
    }
    check_clause_map(s->str);
  }
}

int main(int argc, char **argv) {
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/extract/value/exact", test_exact);
  g_test_add_func("/extract/fenbie/levels", test_fenbie_levels);
  g_test_add_func("/extract/fenbie/phrases", test_fenbie_phrases);
  g_test_add_func("/extract/kind/change-abs", test_change_abs);
  g_test_add_func("/extract/kind/fall-is-negative", test_fall);
  g_test_add_func("/extract/kind/growth-multiple", test_growth_multiple);
  g_test_add_func("/extract/series/continued", test_series);
  g_test_add_func("/extract/range/both-bounds", test_range);
  g_test_add_func("/extract/period/semicolon", test_period_semicolon);
  g_test_add_func("/extract/period/span", test_period_span);
  g_test_add_func("/extract/period/quarter", test_period_quarter);
  g_test_add_func("/extract/period/comparison-base", test_period_comparison_base);
  g_test_add_func("/extract/all-quantities", test_all_quantities);
  g_test_add_func("/extract/period/relative-date", test_period_relative);
  g_test_add_func("/extract/period/local-year", test_period_local_year);
  g_test_add_func("/extract/limit/long-sentence", test_sentence_limit);
  g_test_add_func("/extract/kind/change-after-subject", test_change_after_subject);
  g_test_add_func("/extract/series/part-is-not-whole", test_part_is_not_the_whole);
  g_test_add_func("/extract/series/another-subject", test_change_of_another_subject);
  g_test_add_func("/extract/period/relative-no-inherit", test_period_relative_blocks_inherited);
  g_test_add_func("/extract/claim/longest", test_claim_longest);
  g_test_add_func("/extract/claim/first-defined", test_claim_first_defined);
  g_test_add_func("/extract/claim/adjacent-before", test_claim_adjacent_before_after);
  g_test_add_func("/extract/gold/sentences", test_gold_sentences);
  g_test_add_func("/extract/claim/many", test_claim_many);
  g_test_add_func("/extract/clause-map/corpus", test_clause_map_corpus);
  g_test_add_func("/extract/clause-map/random", test_clause_map_random);
  return g_test_run();
}
