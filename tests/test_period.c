/* test_period.c: the time-phrase scan of period.c.
 *
 * /period/guard: the pattern is tried only where period.c's guard says a
 * match can start, in the window before an anchor (年 月 前 今 在); on
 * every sentence of corpus/ and on sentences made to reach each
 * alternative of the pattern (after each comparison word, in long runs of
 * digits and numerals), the pattern must match nowhere the guard or the
 * windows turn away.
 * /period/windows: the scan of the windows finds what trying every
 * character finds, on those sentences and on 20,000 made of the pattern's
 * pieces in random order.
 * /period/quick: where the common phrases are read without PCRE2, PCRE2
 * reads the same, on those sentences (and on the random ones above).
 * /period/next-anchor: zs_period_next_anchor() finds the anchor a byte
 * at a time finds, from every place, on those sentences and on random ones
 * full of the characters that end like an anchor (才 木 圈 乴 湴 ...).
 * /period/many-phrases: more phrases than a ZsPeriods holds inline.
 * /period/carry: the carry that puts sentences aside (ZsPeriodCarry) must
 * hand each figure's sentence what scanning every sentence in turn hands
 * it, over the corpus's sentences run as one paragraph, with figures in
 * every second, third, ... sentence, and made-up runs that end in "；";
 * zs_period_carry_set_after() must hand on what zs_period_carry_set() of
 * zs_period_at() does, and zs_period_at_borrowed() say what it says.
 */
#include <string.h>

#include "normalize.h"
#include "period.h"
#include "period_int.h"
#include "segment.h"
#include "testutil.h"

static const char *made[] = {
  "2019至2023年，2019—2023年，2019-2023年，2019年～2023年，2019到2023年增长5%。",
  "2021年以来，2023年12月底，2023年底，2023年末，2023年第四季度，2023年三季度。",
  "2023年1—6月，2023年1-6月，2023年5月，2023年5月6日，2023年12月31日，2023年的5%。",
  "今年一季度，去年第2季度，前年5月，明年12月底，今年底，去年末，今年，去年。",
  "目前、如今、近年来、多年来、三年来、十几年来、20多年来、当前、现在、本月、上月、截至目前。",
  "较2022年增长5%，比2022年，同比2022年，与2022年，相比2022年，比上年同期，比去年增长。",
  "比上年2023年，比去年今年，较去年底，与目前，相比近年来，同比三年来。",
  "相比2019至2023年，同比2019—2023年，相比2019～2023年，相比截至目前，比去年2019到2023年。",
  "比上年十几年来，比去年123年来，相比一二三四五六七八九十几多年来，同比20多年来。",
  "123456789年来，1234567890123年，12345年，0000年，99999年以来。",
  "一二三四五六七八九十几多年来，多多多年来，几十年来，十年来，一年来。",
  "上升了5%，一些地方，统一部署，多个部门，本地，现场，当地，目标，如果，近期，截止。",
  "2023",
  "2023年",
  "年",
  "比",
  "",
};

static GPtrArray *sentences(void) {
  return test_corpus_sentences(made, G_N_ELEMENTS(made));
}

/* The period handed to sentence k when every k-th sentence (from `phase`)
 * has a figure, both ways. */
static void check_carry(GPtrArray *sents, guint every, guint phase, int year) {
  ZsPeriodCarry c;
  zs_period_carry_init(&c, year);
  char *eager = NULL;
  for (guint i = 0; i < sents->len; i++) {
    const char *s = sents->pdata[i];
    gsize len = strlen(s);
    if (i % every == phase) {
      g_assert_cmpstr(zs_period_carry_get(&c), ==, eager);
      ZsPeriods p;
      zs_period_scan_into(&p, s, len, year);
      /* Both ways of handing on a scanned sentence's period, in turn. */
      if (i / every % 2)
        zs_period_carry_set_after(&c, &p);
      else
        zs_period_carry_set(&c, zs_period_at(&p, len, zs_period_carry_get(&c)));
      zs_period_clear(&p);
    } else {
      zs_period_carry_defer(&c, s, len);
    }
    ZsPeriods p;
    zs_period_scan_into(&p, s, len, year);
    char *next = zs_period_at(&p, len, eager);
    g_assert_cmpstr(zs_period_at_borrowed(&p, len, eager), ==, next);
    zs_period_clear(&p);
    g_free(eager);
    eager = next;
  }
  g_assert_cmpstr(zs_period_carry_get(&c), ==, eager);
  g_free(eager);
  zs_period_carry_clear(&c);
}

static void test_carry(void) {
  g_autoptr(GPtrArray) sents = sentences();
  for (guint every = 1; every <= 7; every++)
    for (guint phase = 0; phase < every; phase += 2) {
      check_carry(sents, every, phase, 0);
      check_carry(sents, every, phase, 2024);
    }
  static const char *runs[][4] = {
    {"2023年，结算5亿人次。", "会议召开。", "其中，门诊增长。", "结算3亿人次。"},
    {"2023年，结算5亿人次。", "会议召开；其中，门诊增长。", "随后；会议结束。", "结算3亿人次。"},
    {"今年以来，结算5亿人次。", "2022年的数据。", "结算完成；", "结算3亿人次。"},
    {"去年底，结算5亿人次。", "", "截至目前，完成。", "结算3亿人次。"},
  };
  for (gsize r = 0; r < G_N_ELEMENTS(runs); r++) {
    g_autoptr(GPtrArray) run = g_ptr_array_new();
    for (int k = 0; k < 4; k++)
      g_ptr_array_add(run, (gpointer)runs[r][k]);
    for (guint every = 1; every <= 4; every++)
      for (guint phase = 0; phase < every; phase++) {
        check_carry(run, every, phase, 0);
        check_carry(run, every, phase, 2024);
      }
  }
}

static void test_guard(void) {
  g_autoptr(GPtrArray) sents = sentences();
  g_assert_cmpuint(sents->len, >, 200);
  for (guint i = 0; i < sents->len; i++) {
    const char *s = sents->pdata[i];
    gssize at = zs_period_guard_fails(s);
    if (at >= 0) {
      g_test_message("the pattern matches at byte %zd, where the guard says it cannot: %s", at, s);
      g_test_fail();
    }
  }
}

static void test_windows(void) {
  g_autoptr(GPtrArray) sents = sentences();
  for (guint i = 0; i < sents->len; i++)
    for (int year = 0; year <= 2024; year += 2024)
      if (!zs_period_windows_agree(sents->pdata[i], year)) {
        g_test_message("the windows find other phrases: %s", (const char *)sents->pdata[i]);
        g_test_fail();
      }
  /* Pieces of the pattern and of what stands near it, so that anchors
   * stand at every distance from where a match starts. */
  static const char *pieces[] = {
    "2019", "2023", "12", "5", "0", "年", "月", "日", "底", "末", "第", "季度", "至", "到",
    "—", "-", "～", "以来", "来", "较", "比", "同比", "与", "相比", "比上年", "比去年", "今",
    "去", "前", "明", "目前", "如今", "近年来", "多年来", "当前", "现在", "本月", "上月",
    "截至目前", "一", "二", "三", "四", "十", "几", "多", "，", "；", "的", "增长", "a", "é",
    "𠀀",
  };
  GRand *r = g_rand_new_with_seed(7);
  GString *s = g_string_new(NULL);
  for (int n = 0; n < 20000; n++) {
    g_string_truncate(s, 0);
    test_append_pieces(r, s, pieces, G_N_ELEMENTS(pieces), 1, 24);
    gssize at = zs_period_guard_fails(s->str);
    if (at < 0)
      at = zs_period_quick_fails(s->str, 2024);
    if (at < 0)
      at = zs_period_quick_fails(s->str, 0);
    if (at >= 0 || !zs_period_windows_agree(s->str, 2024)) {
      g_test_message("guard or windows wrong (at %zd): %s", at, s->str);
      g_test_fail();
      break;
    }
  }
  g_string_free(s, TRUE);
  g_rand_free(r);
}

static void test_quick(void) {
  g_autoptr(GPtrArray) sents = sentences();
  static const char *made_quick[] = {
    "2023年5月，2023年12月，2023年13月，2023年0月，2023年00月，2023年07月，2023年123月。",
    "2023年5月6日，2023年5月底，2023年5月末，2023年5月1—6月，2023年1-6月，2023年5月5。",
    "2023年，2023年以来，2023年以后，2023年底，2023年第一季度，2023年一季度，2023年1季度。",
    "2023年至2024年，2023年到2024年，2023年—2024年，2023年-2024年，2023年～2024年，2023年5。",
    "2023年", "2023年5月", "2023年5", "12023年", "202年", "2023年二", "2023年四季度",
    "2023年第5季度，2023年第一，2023年第一季，2023年4季度，2023年5季度，2023年12月底，2023年13月末。",
    "0000年5月底，2024年2月底，2023年2月末，2023年1—12月，2023年1-123月，2023年1至3月，2023年1～3月。",
    "较2022年，比2022年5月，同比2022年，相比2022年底，与2022年以来，比上年2023年，比去年同期。",
    "较目前，比今年，同比如今，今年，去年，前年，明年，今年一季度，去年第2季度，今年5月，今年底。",
    "目前，如今，近年来，多年来，多多年来，当前，现在，本月，上月，截至目前，截至，目标，当地。",
    "同", "相", "较", "今年", "2023年以", "2023年第", "比2023", "较2023年",
  };
  for (gsize k = 0; k < G_N_ELEMENTS(made_quick); k++)
    g_ptr_array_add(sents, g_strdup(made_quick[k]));
  for (guint i = 0; i < sents->len; i++) {
    gssize at = zs_period_quick_fails(sents->pdata[i], 2024);
    if (at < 0)
      at = zs_period_quick_fails(sents->pdata[i], 0);
    if (at >= 0) {
      g_test_message("read without PCRE2 at byte %zd, and PCRE2 reads otherwise: %s", at,
                     (const char *)sents->pdata[i]);
      g_test_fail();
    }
  }
}

static void test_many_phrases(void) {
  GString *s = g_string_new(NULL);
  for (int y = 2001; y <= 2020; y++)
    g_string_append_printf(s, "%d年，", y);
  g_string_append(s, "结算5亿人次。");
  ZsPeriods p;
  zs_period_scan_into(&p, s->str, s->len, 0);
  g_assert_cmpuint(p.n, ==, 20);
  for (guint i = 0; i < p.n; i++) {
    g_autofree char *want = g_strdup_printf("%u", 2001 + i);
    g_assert_cmpstr(p.phrases[i].period, ==, want);
  }
  g_autofree char *at = zs_period_at(&p, s->len, NULL);
  g_assert_cmpstr(at, ==, "2020");
  zs_period_clear(&p);
  g_string_free(s, TRUE);
}

/* zs_period_next_anchor() from every place of s against the first anchor
 * at or after it, found a byte at a time (from the end back). */
static void check_next_anchor(const char *s) {
  static const char *const anchors[] = {"年", "月", "前", "今", "在"};
  gsize len = strlen(s), next = len;
  for (gsize from = len + 1; from-- > 0;) {
    for (gsize k = 0; k < G_N_ELEMENTS(anchors); k++)
      if (from + 3 <= len && memcmp(s + from, anchors[k], 3) == 0)
        next = from;
    g_assert_cmpuint(zs_period_next_anchor((const guchar *)s, len, from), ==, next);
  }
}

static void test_next_anchor(void) {
  g_autoptr(GPtrArray) sents = sentences();
  for (guint i = 0; i < sents->len; i++)
    check_next_anchor(sents->pdata[i]);
  static const char *const pieces[] = {"年", "月", "前", "今", "在", "才", "木", "圈", "廊",
                                       "乴", "湴", "蹴", "鹴", "的", "a", "1", "。", "😀"};
  GRand *r = g_rand_new_with_seed(5);
  for (int n = 0; n < 20000; n++) {
    GString *t = g_string_new(NULL);
    for (int k = g_rand_int_range(r, 0, 40); k > 0; k--)
      g_string_append(t, pieces[g_rand_int_range(r, 0, G_N_ELEMENTS(pieces))]);
    check_next_anchor(t->str);
    g_string_free(t, TRUE);
  }
  g_rand_free(r);
}

/* zs_period_at() reads a sentence's "；" once and keeps them: on random
 * sentences of time phrases, figures and semicolons (more than it keeps,
 * too), at every character, it answers as with them read anew each time
 * (n_semis set to MANY). */
static void test_semicolons(void) {
  static const char *const pieces[] = {"2023年", "去年", "，", "；", "；其中", "增长", "3%",
                                       "的", "目前", "2019年的", "12", "亿元", "；其"};
  GRand *r = g_rand_new_with_seed(1124);
  for (guint i = 0; i < 3000; i++) {
    GString *s = g_string_new(NULL);
    for (gint k = g_rand_int_range(r, 0, 14); k > 0; k--)
      g_string_append(s, pieces[g_rand_int_range(r, 0, G_N_ELEMENTS(pieces))]);
    ZsPeriods kept, anew;
    zs_period_scan_into(&kept, s->str, s->len, 2024);
    zs_period_scan_into(&anew, s->str, s->len, 2024);
    for (gsize off = 0; off <= s->len; off++) {
      if ((s->str[off] & 0xC0) == 0x80)
        continue;
      anew.n_semis = ZS_PERIOD_SEMIS_MANY;
      g_autofree char *a = zs_period_at(&kept, off, "2020");
      g_autofree char *b = zs_period_at(&anew, off, "2020");
      g_assert_cmpstr(a, ==, b);
    }
    zs_period_clear(&kept);
    zs_period_clear(&anew);
    g_string_free(s, TRUE);
  }
  g_rand_free(r);
}

int main(int argc, char **argv) {
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/period/guard", test_guard);
  g_test_add_func("/period/windows", test_windows);
  g_test_add_func("/period/quick", test_quick);
  g_test_add_func("/period/next-anchor", test_next_anchor);
  g_test_add_func("/period/many-phrases", test_many_phrases);
  g_test_add_func("/period/carry", test_carry);
  g_test_add_func("/period/semicolons", test_semicolons);
  return g_test_run();
}
