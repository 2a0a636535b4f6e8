/* test_numbers.c: the number reader, table-driven.
 *
 * Each line of tests/data/numbers.tsv is one case:
 *   TEXT <TAB> EXPECTED [<TAB> comment]
 * EXPECTED is "-" when TEXT holds no statistic, or the quantities in text
 * order separated by " | ", each "VALUE UNIT QUALIFIER SURFACE". Lines
 * starting with '#' and blank lines are skipped. Each case is its own test
 * path, /numbers/table/LINE, so a failure names the line to look at.
 */
#include "numbers.h"

#include <stdio.h>
#include <string.h>

#include "numbers_int.h"
#include "testutil.h"

typedef struct {
  guint line;
  char *text;
  char *expected;
} Case;

static void case_free(gpointer data) {
  Case *c = data;
  g_free(c->text);
  g_free(c->expected);
  g_free(c);
}

static char *describe(const char *text, GPtrArray *qs) {
  if (qs->len == 0)
    return g_strdup("-");
  GString *s = g_string_new(NULL);
  for (guint i = 0; i < qs->len; i++) {
    ZsQuantity *q = qs->pdata[i];
    g_autofree char *surface = g_strndup(text + q->start, q->end - q->start);
    g_string_append_printf(s, "%s%s %s %s %s", i ? " | " : "", q->value, q->unit,
                           zs_qualifier_name(q->qualifier), surface);
  }
  return g_string_free(s, FALSE);
}

static void run_case(gconstpointer data) {
  const Case *c = data;
  g_autoptr(GPtrArray) qs = zs_num_scan(c->text);
  g_autofree char *got = describe(c->text, qs);
  if (strcmp(got, c->expected) != 0) {
    /* stdio, not g_test_message: GLib would transliterate the Chinese. */
    fprintf(stderr, "tests/data/numbers.tsv:%u: %s\n  expected: %s\n  got:      %s\n",
            c->line, c->text, c->expected, got);
    g_test_fail();
  }
}

static void test_parse_exact(void) {
  static const char *cases[][2] = {
    {"1125.48万", "11254800"}, {"1.29亿", "129000000"},
    {"1536.74亿", "153674000000"}, {"0.07万", "700"},
    {"一千五百亿", "150000000000"}, {"3万5千", "35000"},
    {"1.5万亿", "1500000000000"}, {"一百零五", "105"}, {"十五", "15"},
    {"两千", "2000"}, {"三万五千", "35000"}, {"1,234.5", "1234.5"},
    {"16.60", "16.6"}, {"百万", "1000000"}, {"0.001", "0.001"},
  };
  for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
    g_autofree char *v = zs_num_parse(cases[i][0]);
    g_assert_cmpstr(v, ==, cases[i][1]);
  }
  g_autofree char *bad = zs_num_parse("12ab");
  g_assert_null(bad);
  g_autofree char *s1 = zs_num_shift("1125.48", 4);
  g_assert_cmpstr(s1, ==, "11254800");
  g_autofree char *s2 = zs_num_shift("5", -3);
  g_assert_cmpstr(s2, ==, "0.005");
  /* Trailing zeros stay in the exponent: a value the fuzzer found. */
  g_autofree char *s3 = zs_num_shift("99999990000000000000000", 4);
  g_assert_cmpstr(s3, ==, "999999900000000000000000000");
  g_autofree char *s4 = zs_num_shift("120.500", 0);
  g_assert_cmpstr(s4, ==, "120.5");
}

static void test_overflow(void) {
  /* Too large for exact 64-bit arithmetic: refused, never wrapped. */
  g_autofree char *v = zs_num_parse("99999999999999999999999万亿");
  g_assert_null(v);
  g_autoptr(GPtrArray) qs = zs_num_scan("共有99999999999999999999999万亿元资金。");
  g_assert_cmpuint(qs->len, ==, 0);
}

/* Does zs_num_scan_into()'s reject of s agree with the scan itself? What
 * it turns away must yield nothing. Returns whether it turned s away. */
static guint later_starts; /* how many scans check_reject() saw start later */

static gboolean check_reject(const char *s) {
  gssize first = zs_num_first_numeral(zs_numwords(), s, strlen(s));
  /* The first numeral start, found one character at a time. */
  gssize slow = -1;
  for (const char *p = s; *p; p = g_utf8_next_char(p))
    if (numeral_start(zs_numwords(), g_utf8_get_char(p))) {
      slow = p - s;
      break;
    }
  g_assert_cmpint(first, ==, slow);
  g_autoptr(GPtrArray) qs = g_ptr_array_new_with_free_func((GDestroyNotify)zs_quantity_free);
  if (first >= 0)
    zs_num_scan_from(s, strlen(s), (gsize)first, qs);
  gsize start = G_MAXSIZE;
  gboolean rejected =
      first < 0 || !zs_num_may_yield(zs_numwords(), s, strlen(s), (gsize)first, &start);
  if (rejected && qs->len) {
    fprintf(stderr, "turned away, but yields %u: %s\n", qs->len, s);
    g_test_fail();
  }
  if (!rejected) {
    /* The scan from where zs_num_may_yield() says it may start finds the
     * same quantities as from the first numeral. */
    g_assert_cmpuint(start, >=, (gsize)first);
    g_assert_cmpuint(start, <, strlen(s));
    g_autoptr(GPtrArray) from = g_ptr_array_new_with_free_func((GDestroyNotify)zs_quantity_free);
    zs_num_scan_from(s, strlen(s), start, from);
    gboolean same = from->len == qs->len;
    for (guint k = 0; same && k < qs->len; k++) {
      const ZsQuantity *a = qs->pdata[k], *b = from->pdata[k];
      same = a->start == b->start && a->end == b->end && a->num_start == b->num_start &&
             a->num_end == b->num_end && strcmp(a->value, b->value) == 0 &&
             strcmp(a->unit, b->unit) == 0 && a->qualifier == b->qualifier &&
             a->is_chinese == b->is_chinese && a->range_low == b->range_low;
    }
    if (!same) {
      fprintf(stderr, "from byte %" G_GSIZE_FORMAT ", not the same: %s\n", start, s);
      g_test_fail();
    }
    if (start > (gsize)first)
      later_starts++;
  }
  return rejected;
}

/* The corpus's sentences and made-up ones at the edges of the reject. */
/* set_places (numwords.h) has the bit of every character of every set
 * phrase at its place: numbers.c looks for a phrase covering a figure
 * only at the starts these bits give. */
static void test_set_places(void) {
  const ZsNumWords *x = zs_numwords();
  g_assert_cmpuint(x->set_phrases.n, >, 0);
  for (guint k = 0; k < x->set_phrases.n; k++) {
    guint place = 0;
    for (const char *w = x->set_phrases.e[k].word; *w; w = g_utf8_next_char(w), place++)
      g_assert_true(x->set_places[g_utf8_get_char(w) % 1024] & (1u << place));
    g_assert_cmpuint(place, ==, x->set_phrases.e[k].chars);
  }
}

/* numchars (numwords.h) says what the switches say, of every character. */
static void test_numchars(void) {
  const ZsNumWords *x = zs_numwords();
  g_assert_cmpstr(zs_num_year_anchors[ZS_NUM_YEAR_ANCHOR_CHU], ==, "初");
  for (gunichar c = 0; c < 0x110000; c++) {
    g_assert_cmpint(cn_digit(x, c), ==, zs_numwords_digit(c));
    g_assert_cmpint(cn_power(x, c), ==, zs_numwords_power(c));
    gboolean start = is_adigit(c) || zs_numwords_digit(c) >= 0 || zs_numwords_power(c) > 0;
    g_assert_cmpint(numeral_start(x, c), ==, start);
    /* end_bits: what a numeral can end with (numbers_reject.c). */
    if (c >= 0x80 && (start || c == 0x4F59 || c == 0x591A || c == 0x51E0))
      g_assert_true(x->end_bits[c / 64 % 16] & (G_GUINT64_CONSTANT(1) << (c % 64)));
  }
  /* three_flags holds the two bit sets a byte a slot. */
  for (guint k = 0; k < 1024; k++) {
    gboolean start = x->start_bits[k / 64] >> (k % 64) & 1, end = x->end_bits[k / 64] >> (k % 64) & 1;
    g_assert_cmpint(!!(x->three_flags[k] & ZS_NW_START), ==, start);
    g_assert_cmpint(!!(x->three_flags[k] & ZS_NW_END), ==, end);
  }
}

/* zs_dec_str_len() counts what zs_dec_str() writes: every digit count,
 * trailing zeros on either side of the point. */
static void test_dec_str_len(void) {
  GRand *r = g_rand_new_with_seed(8);
  for (int k = 0; k < 200000; k++) {
    ZsDec d = zs_dec_int(0);
    int digits = g_rand_int_range(r, 0, 21);
    guint64 m = 0;
    for (int i = 0; i < digits; i++) {
      guint64 next = m * 10 + (guint64)g_rand_int_range(r, 0, 10);
      if (next / 10 != m)
        break;
      m = next;
    }
    if (g_rand_boolean(r))
      m = G_MAXUINT64 - (guint64)g_rand_int_range(r, 0, 1000);
    d.m = m;
    d.e = g_rand_int_range(r, -25, 25);
    g_autofree char *s = zs_dec_str(d);
    g_assert_cmpuint(zs_dec_str_len(d), ==, strlen(s));
    /* And what it writes, against the mantissa's digits with the
     * exponent's zeros and point put in by hand. */
    GString *want = g_string_new(NULL);
    g_string_printf(want, "%" G_GUINT64_FORMAT, d.m);
    if (d.m == 0) {
      g_string_assign(want, "0");
    } else if (d.e >= 0) {
      for (int i = 0; i < d.e; i++)
        g_string_append_c(want, '0');
    } else {
      while (want->len < (gsize)-d.e + 1)
        g_string_prepend_c(want, '0');
      g_string_insert_c(want, (gssize)(want->len - (gsize)-d.e), '.');
      while (want->str[want->len - 1] == '0')
        g_string_truncate(want, want->len - 1);
      if (want->str[want->len - 1] == '.')
        g_string_truncate(want, want->len - 1);
    }
    g_assert_cmpstr(s, ==, want->str);
    g_string_free(want, TRUE);
  }
  g_rand_free(r);
}

/* What a figure looks back for (不 of a bound word, 《, “) is found
 * wherever it stands among the sixteen bytes the scan reads at a time,
 * after characters that end the way they do (渍 逊 怜 這 〜). */
static void test_holds(void) {
  static const char *const pads[] = {"a", "的", "渍", "逊", "怜", "這", "〜", "，", "1"};
  GRand *r = g_rand_new_with_seed(3);
  for (int n = 0; n < 3000; n++) {
    GString *pad = g_string_new(NULL);
    for (int k = g_rand_int_range(r, 0, 40); k > 0; k--)
      g_string_append(pad, pads[g_rand_int_range(r, 0, G_N_ELEMENTS(pads))]);
    g_string_append(pad, "。");
    g_autofree char *title = g_strconcat(pad->str, "《关于3万人的通知》", NULL);
    g_autofree char *plain = g_strconcat(pad->str, "关于3万人的通知", NULL);
    g_autofree char *quote = g_strconcat(pad->str, "“3个代表”", NULL);
    g_autofree char *bound = g_strconcat(pad->str, "不低于标准的1.3倍", NULL);
    g_autoptr(GPtrArray) qt = zs_num_scan(title), qp = zs_num_scan(plain);
    g_autoptr(GPtrArray) qq = zs_num_scan(quote), qb = zs_num_scan(bound);
    guint before = qp->len - 1; /* what the pad itself yields */
    g_assert_cmpuint(qt->len, ==, before);
    g_assert_cmpuint(qq->len, ==, before);
    g_assert_cmpuint(qb->len, ==, before + 1);
    g_assert_cmpint(((ZsQuantity *)qb->pdata[qb->len - 1])->qualifier, ==, ZS_QUAL_OVER);
    g_string_free(pad, TRUE);
  }
  g_rand_free(r);
}

static void test_reject_corpus(void) {
  static const char *const made[] = {
    "进一步推进统一大市场", "一个人", "多一个人", "三多一个人", "十一个", "第一个",
    "一倍", "两成", "一%", "翻了一倍", "百分之一", "百分之三十", "一千米", "一农民",
    "2023年", "5万多人", "三十几个", "1,234元", "1.5亿元", "百万人", "近万人",
    "一至三个", "一到两个", "两三个", "一两个", "二〇二三年", "8万余老年人",
    "3800多万户", "50余个", "十几个", "这三家企业", "万一", "一些", "十分",
    "增长一成", "一名民警", "两大袋", "1 234人", "12 000人", "（一）个", "“一”个",
    "一百分点", "两个百分点", "一‰", "3‰", "5 %", "5%", "千家万户", "一.5个",
    "一5个", "5一个", "一,5个", "两千克", "两千瓦时", "几个人", "多种", "一届一次",
    "十2014年", "二百2014年", "3万2014年", "1.2014年", "1,2014年", "12014年", "12 2014年",
    "约2014年", "2014年底", "2014年级", "2013—2014年", "2014—2016年", "余2014年",
    "更多人", "这几年", "多个", "余人", "几位农民", "千家万户", "近万人", "超百万人", "上万人",
    "逾千人", "突破万人", "百万人", "万余人", "近千万元", "三至万人", "万至十万人", "12年前",
    "多年来", "10年初", "近10年初", "约10年初", "3至12年前", "二十年间", "5年以来", "5年开始",
    "近5年来", "5年左右", "5年多前", "一年前", "两年后", "百年来", "千年", "万年前",
    "3岁以下", "3岁至6岁", "3至6岁", "60岁以上老人", "60岁及以上", "5岁", "5岁～10岁",
    "5岁-10岁", "约60岁以上", "一岁以内", "5岁左右", "3岁儿童",
    /* dropped_figure() (numbers_reject.c): ordinals, 这 + a digit, set
     * phrases, categories, and their edges. */
    "第三次", "第12名", "第十八次", "第二十一次", "第三十三次会议", "第3至5名", "第三至五名",
    "第1.5个", "第12,000人", "第12 000人", "第三多名", "第十十个", "第三名额", "第一百名",
    "第5%", "第三%", "第十万人", "第百分之五", "第2023年", "第二〇二三年", "第零十个",
    "这四张", "这十张", "这三十张", "那五个", "该两项", "此一项", "这3张", "这近三张",
    "三位一体", "城乡二元", "二元结构", "一元化", "亿万人口", "亿万农业转移人口", "老百姓",
    "三个子女", "三个人", "三部门", "三大类", "十个方面", "二十个", "十五个", "三十个人",
    "十个人", "十成", "三成", "百个", "万个", ",三个", ".三十个", "1,三个", "1.三个",
    "二至三个", "2至三个", "三至5个", "这三至五个", "余三个", "三多个", "十几个", "二十多个",
    /* scan_may_start() (numbers_reject.c): figures before the first word. */
    "2023年有3个", "第3名的5人", "3岁至5岁", "3岁-5岁", "3岁～5岁", "3岁到5岁", "3至5岁",
    "1,234人", "1.5人", "12 000人", "3个百分点", "3平方千米", "3个百分点5人", "3平方千米5人",
    "2023年3平方千米", "年3个百分点", "十年3人", "第三年—5人", "3年—5人", "3年–5人",
    "3年~5人", "一年百分之五", "三年5%", "a3人", "（3）5人", "3天4人", "2014年—2016年5人",
  };
  g_autoptr(GPtrArray) sents = test_corpus_sentences(made, G_N_ELEMENTS(made));
  guint rejected = 0, decoded = 0;
  for (guint i = 0; i < sents->len; i++) {
    const char *s = sents->pdata[i];
    gboolean r = check_reject(s);
    if (zs_num_first_numeral(zs_numwords(), s, strlen(s)) >= 0) {
      decoded += !r;
      rejected += r;
    }
  }
  /* The reject is worth having: it turns away many sentences with a numeral. */
  g_assert_cmpuint(rejected, >, 0);
  g_assert_cmpuint(decoded, >, 0);
  g_assert_cmpuint(later_starts, >, 0);
  /* What dropped_figure() lets the reject turn away. */
  static const char *const dropped[] = {
    "第三次会议", "荣获第12名。", "第二十一次会议", "第三十三次会议", "这四张清单",
    "“三位一体”养老", "城乡二元结构", "生育三个子女", "十个方面", "亿万农业转移人口",
  };
  for (gsize k = 0; k < G_N_ELEMENTS(dropped); k++)
    if (!check_reject(dropped[k])) {
      fprintf(stderr, "not turned away: %s\n", dropped[k]);
      g_test_fail();
    }
}

/* The reject against the scan on the fuzzers' seeds and the test data:
 * every file whole and line by line, made valid UTF-8 without NUL as
 * fuzz_text() makes it. */
static void check_reject_dir(const char *dir) {
  g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
  g_assert_nonnull(d);
  const char *name;
  while ((name = g_dir_read_name(d))) {
    g_autofree char *path = g_build_filename(dir, name, NULL), *raw = NULL;
    gsize len;
    if (!g_file_test(path, G_FILE_TEST_IS_REGULAR) || !g_file_get_contents(path, &raw, &len, NULL))
      continue;
    gsize n = 0;
    for (gsize i = 0; i < len; i++)
      if (raw[i])
        raw[n++] = raw[i];
    g_autofree char *text = g_utf8_make_valid(raw, (gssize)n);
    check_reject(text);
    g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
    for (guint i = 0; lines[i]; i++)
      check_reject(lines[i]);
  }
}

static void test_reject_files(void) {
  static const char *const dirs[] = {"tests/fuzz/corpus/numbers", "tests/fuzz/corpus/pipeline",
                                     "tests/fuzz/corpus/normalize", "tests/fuzz/corpus/rules", "tests/data",
                                     "tests/data/normalize", "tests/data/layouts", "corpus"};
  for (gsize k = 0; k < G_N_ELEMENTS(dirs); k++)
    check_reject_dir(dirs[k]);
}

/* Random strings of numerals, measure words, person nouns and their
 * neighbours: whatever the reject turns away yields nothing. */
static void test_reject_random(void) {
  static const char *const pieces[] = {
    "一", "两", "二", "三", "十", "百", "千", "万", "亿", "零", "〇", "余", "多", "几",
    "0", "1", "5", "2023", "1.5", ",", ".", " ", "%", "‰", "倍", "成", "个", "人",
    "年", "月", "天", "岁", "元", "米", "克", "瓦", "次", "家", "名", "项", "分", "之",
    "百分之", "百分点", "个百分点", "千米", "千克", "老年人", "农民", "人口", "群众",
    "部门", "第", "这", "近", "约", "超过", "不低于", "至", "到", "—", "-", "～", "以上",
    "，", "。", "《", "》", "“", "”", "的", "是", "a", "G", "é", "😀", "以来",
    "2014", "年级", "年代", "年来", "—", "第", "前", "后", "初", "中", "开始", "以后", "更",
    "逾", "突破", "于", "约", "以下", "及以上", "以内", "～",
    "那", "该", "此", "四", "九", "张", "类", "大类", "位", "一体", "二元", "结构", "城乡",
    "子女", "方面", "名额", "姓", "亿万", "农业转移人口", "二十", "十个", "部",
  };
  GRand *rand = g_rand_new_with_seed(20261124);
  guint rejected = 0, decoded = 0;
  for (guint i = 0; i < 100000; i++) {
    GString *s = g_string_new(NULL);
    for (gint k = g_rand_int_range(rand, 1, 10); k > 0; k--)
      g_string_append(s, pieces[g_rand_int_range(rand, 0, G_N_ELEMENTS(pieces))]);
    gboolean r = check_reject(s->str);
    if (zs_num_first_numeral(zs_numwords(), s->str, s->len) >= 0) {
      decoded += !r;
      rejected += r;
    }
    g_string_free(s, TRUE);
  }
  g_rand_free(rand);
  g_assert_cmpuint(rejected, >, 1000);
  g_assert_cmpuint(decoded, >, 1000);
}

/* zs_nt_init() decodes four three-byte characters at a time: on random
 * texts of characters of every length, short and over ZS_NT_INLINE bytes,
 * its characters and offsets are g_utf8's. */
static void test_nt_decode(void) {
  static const char *const chars[] = {"一", "，", "a", "7", " ", "é", "😀", "〇", "\xEF\xBF\xBD",
                                      "\xE0\xA0\x80", "\xED\x9F\xBF", "\xEF\xBF\xBF"};
  GRand *rand = g_rand_new_with_seed(20261124);
  for (guint i = 0; i < 3000; i++) {
    GString *s = g_string_new(NULL);
    /* Mostly three-byte characters, in runs, as Chinese text is. */
    gint n = g_rand_int_range(rand, 0, i % 10 == 0 ? 600 : 40);
    for (gint k = 0; k < n; k++) {
      gint r = g_rand_int_range(rand, 0, 3 * G_N_ELEMENTS(chars));
      g_string_append(s, chars[r < (gint)G_N_ELEMENTS(chars) ? r : r % 2 == 0 ? 0 : 1]);
    }
    ZsNumText t;
    zs_nt_init(&t, s->str, s->len);
    glong m = 0;
    for (const char *p = s->str; *p; p = g_utf8_next_char(p), m++) {
      g_assert_cmpint(m, <, t.n);
      g_assert_cmpuint(t.c[m], ==, g_utf8_get_char(p));
      g_assert_cmpuint(t.off[m], ==, (gsize)(p - s->str));
    }
    g_assert_cmpint(m, ==, t.n);
    g_assert_cmpuint(t.off[t.n], ==, s->len);
    zs_nt_clear(&t);
    g_string_free(s, TRUE);
  }
  g_rand_free(rand);
}

int main(int argc, char **argv) {
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/numbers/parse/exact", test_parse_exact);
  g_test_add_func("/numbers/parse/overflow", test_overflow);
  g_test_add_func("/numbers/numchars", test_numchars);
  g_test_add_func("/numbers/set-places", test_set_places);
  g_test_add_func("/numbers/dec-str-len", test_dec_str_len);
  g_test_add_func("/numbers/holds", test_holds);
  g_test_add_func("/numbers/reject/corpus", test_reject_corpus);
  g_test_add_func("/numbers/reject/random", test_reject_random);
  g_test_add_func("/numbers/reject/files", test_reject_files);
  g_test_add_func("/numbers/nt-decode", test_nt_decode);

  const char *path = "tests/data/numbers.tsv";
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  if (!g_file_get_contents(path, &data, NULL, &error)) {
    g_printerr("%s\n", error->message);
    return 1;
  }
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func(case_free);
  g_auto(GStrv) lines = g_strsplit(data, "\n", -1);
  for (guint i = 0; lines[i]; i++) {
    if (!lines[i][0] || lines[i][0] == '#')
      continue;
    g_auto(GStrv) cols = g_strsplit(lines[i], "\t", 3);
    if (!cols[0] || !cols[1]) {
      g_printerr("%s:%u: expected TEXT<TAB>EXPECTED\n", path, i + 1);
      return 1;
    }
    Case *c = g_new0(Case, 1);
    c->line = i + 1;
    c->text = g_strdup(cols[0]);
    c->expected = g_strdup(cols[1]);
    g_ptr_array_add(cases, c);
    g_autofree char *name = g_strdup_printf("/numbers/table/%u", i + 1);
    g_test_add_data_func(name, c, run_case);
  }
  return g_test_run();
}
