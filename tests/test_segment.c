/* test_segment.c: sentences and articles, against the gold and our own page.
 *
 * The end-to-end check runs normalize + segment on both corpus pages and
 * compares every article with tests/gold/articles.csv (headline, first 12
 * characters of the first body sentence, last 12 of the last); it fails on
 * more than one mismatch. A third page, made for these tests from our own
 * sentences, lives in tests/data/layouts/ with its expected articles.
 */
#include "classify.h"
#include "normalize.h"
#include "segment.h"
#include "testutil.h"

#include <csv.h>
#include <stdio.h>
#include <string.h>

/* ---- helpers ------------------------------------------------------------ */

static GPtrArray *segment_text(const char *file, const char *text) {
  g_autoptr(ZsDoc) doc = zs_norm_document(file, text, strlen(text), NULL);
  return zs_seg_document(doc);
}

static guint n_body(const ZsArticle *a) {
  guint n = 0;
  for (guint i = 0; i < a->sentences->len; i++)
    n += ((ZsSentence *)a->sentences->pdata[i])->kind == ZS_SENT_BODY;
  return n;
}

static GPtrArray *segment_file(const char *path) {
  g_autofree char *data = NULL;
  gsize len;
  g_autoptr(GError) err = NULL;
  g_assert_true(g_file_get_contents(path, &data, &len, &err));
  g_autofree char *base = g_path_get_basename(path);
  return segment_text(base, data);
}

static const ZsSentence *first_body(const ZsArticle *a) {
  for (guint i = 0; i < a->sentences->len; i++) {
    const ZsSentence *s = a->sentences->pdata[i];
    if (s->kind == ZS_SENT_BODY)
      return s;
  }
  return NULL;
}

static const ZsSentence *last_body(const ZsArticle *a) {
  for (guint i = a->sentences->len; i-- > 0;) {
    const ZsSentence *s = a->sentences->pdata[i];
    if (s->kind == ZS_SENT_BODY)
      return s;
  }
  return NULL;
}

/* First or last n characters of s, as the gold gives them. */
static char *chars_head(const char *s, glong n) {
  glong len = g_utf8_strlen(s, -1);
  return g_utf8_substring(s, 0, MIN(n, len));
}

static char *chars_tail(const char *s, glong n) {
  glong len = g_utf8_strlen(s, -1);
  return g_utf8_substring(s, len > n ? len - n : 0, len);
}

/* ---- CSV (libcsv) ------------------------------------------------------- */

typedef struct {
  GPtrArray *rows;  /* GPtrArray* of char* */
  GPtrArray *cur;
} CsvRead;

static void csv_field(void *s, size_t len, void *data) {
  CsvRead *r = data;
  if (!r->cur)
    r->cur = g_ptr_array_new_with_free_func(g_free);
  g_ptr_array_add(r->cur, g_strndup(s, len));
}

static void csv_row(int c, void *data) {
  CsvRead *r = data;
  g_ptr_array_add(r->rows, r->cur ? r->cur : g_ptr_array_new());
  r->cur = NULL;
}

/* Rows of a CSV file, header included. */
static GPtrArray *read_csv(const char *path) {
  g_autofree char *data = NULL;
  gsize len;
  g_assert_true(g_file_get_contents(path, &data, &len, NULL));
  struct csv_parser p;
  g_assert_cmpint(csv_init(&p, CSV_APPEND_NULL), ==, 0);
  CsvRead r = {g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref), NULL};
  g_assert_cmpuint(csv_parse(&p, data, len, csv_field, csv_row, &r), ==, len);
  csv_fini(&p, csv_field, csv_row, &r);
  csv_free(&p);
  if (r.cur)
    g_ptr_array_unref(r.cur);
  return r.rows;
}

static const char *col(GPtrArray *row, guint i) {
  return i < row->len ? row->pdata[i] : "";
}

/* ---- sentences ---------------------------------------------------------- */

typedef struct {
  const char *para;
  const char *want; /* sentences joined by " | " */
} SplitCase;

static const SplitCase split_cases[] = {
    {"夕阳无限好，人间重晚晴。", "夕阳无限好，人间重晚晴。"},
    {"“……机会。”华敬锋说。", "“……机会。” | 华敬锋说。"},
    {"“高级焊工吗？缺啊，缺得很哪……", "“高级焊工吗？ | 缺啊，缺得很哪……"},
    {"真的吗？！太好了。", "真的吗？！ | 太好了。"},
    {"入学……城乡二元——改革", "入学……城乡二元——改革"},
    {"他说：“好。”）然后", "他说：“好。”） | 然后"},
    {"书名《终章。》结束", "书名《终章。》 | 结束"},
    {"没有句号的段落", "没有句号的段落"},
    {"", ""},
};

/* The sentence rule read one character at a time, as zs_seg_split_sentences()
 * gives it (segment.h): after a stop, more stops and closers; the last
 * piece without its leading spaces. */
static GPtrArray *reference_split(const char *t) {
  GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
  const char *p = t, *start = t, *end = t + strlen(t);
  while (p < end) {
    const char *q = g_utf8_next_char(p);
    if (zs_class_is_stop(g_utf8_get_char(p))) {
      while (q < end && zs_class_is_stop(g_utf8_get_char(q)))
        q = g_utf8_next_char(q);
      while (q < end && zs_class_is_closer(g_utf8_get_char(q)))
        q = g_utf8_next_char(q);
      g_ptr_array_add(out, g_strndup(start, q - start));
      start = q;
    }
    p = q;
  }
  while (start < end && g_unichar_isspace(g_utf8_get_char(start)))
    start = g_utf8_next_char(start);
  if (start < end)
    g_ptr_array_add(out, g_strndup(start, end - start));
  return out;
}

/* Made-up paragraphs of stops, closers, their look-alikes (、 is E3 80 81,
 * ， EF BC 8C, 企 E4 BC 81; も E3 82 82 and ａ EF BD 81 have a stop's
 * first and last bytes) and other characters, at every length around the
 * splitter's sixteen- and thirty-two-byte steps. */
static void test_split_made_up(void) {
  static const char *const pieces[] = {"。", "！", "？", "”", "）", "」", "字", "a", " ",
                                        "，", "、", "“", "企", "适", "é", "𠀀", "。”", "も", "ａ"};
  GRand *r = g_rand_new_with_seed(5);
  for (guint round = 0; round < 5000; round++) {
    GString *t = g_string_new(NULL);
    test_append_pieces(r, t, pieces, G_N_ELEMENTS(pieces), 0, round % 4 ? 16 : 60);
    g_autoptr(GPtrArray) got = zs_seg_split_sentences(t->str);
    g_autoptr(GPtrArray) want = reference_split(t->str);
    g_assert_cmpuint(got->len, ==, want->len);
    for (guint i = 0; i < got->len; i++)
      g_assert_cmpstr(got->pdata[i], ==, want->pdata[i]);
    g_string_free(t, TRUE);
  }
  g_rand_free(r);
}

static void test_split(void) {
  for (guint i = 0; i < G_N_ELEMENTS(split_cases); i++) {
    g_autoptr(GPtrArray) s = zs_seg_split_sentences(split_cases[i].para);
    g_ptr_array_add(s, NULL);
    g_autofree char *got = g_strjoinv(" | ", (char **)s->pdata);
    g_assert_cmpstr(got, ==, split_cases[i].want);
  }
}

/* ---- the gold ----------------------------------------------------------- */

static void test_gold_articles(void) {
  g_autoptr(GPtrArray) rows = read_csv("tests/gold/articles.csv");
  g_assert_cmpuint(rows->len, >, 1);
  guint total = 0, match = 0;
  const char *files[] = {"puyang-daily-page.txt", "peoples-daily-2024-01-31.txt"};
  for (guint f = 0; f < G_N_ELEMENTS(files); f++) {
    g_autofree char *path = g_build_filename("corpus", files[f], NULL);
    g_autoptr(GPtrArray) arts = segment_file(path);
    for (guint r = 1; r < rows->len; r++) {
      GPtrArray *row = rows->pdata[r];
      if (strcmp(col(row, 0), files[f]) != 0)
        continue;
      total++;
      guint no = (guint)g_ascii_strtoull(col(row, 1), NULL, 10);
      const ZsArticle *a = NULL;
      for (guint k = 0; k < arts->len; k++)
        if (((ZsArticle *)arts->pdata[k])->no == no)
          a = arts->pdata[k];
      g_autofree char *start = NULL, *end = NULL;
      if (a && first_body(a)) {
        start = chars_head(first_body(a)->text, 12);
        end = chars_tail(last_body(a)->text, 12);
      }
      gboolean ok = a && start && strcmp(a->headline, col(row, 2)) == 0 &&
                    strcmp(start, col(row, 3)) == 0 && strcmp(end, col(row, 4)) == 0;
      if (ok)
        match++;
      else
        g_test_message("MISMATCH %s #%u: got [%s] [%s] [%s], want [%s] [%s] [%s]",
                       files[f], no, a ? a->headline : "(none)",
                       start ? start : "", end ? end : "", col(row, 2),
                       col(row, 3), col(row, 4));
    }
    guint want = 0;
    for (guint r = 1; r < rows->len; r++)
      want += strcmp(col(rows->pdata[r], 0), files[f]) == 0;
    if (arts->len != want)
      g_test_message("%s: %u articles found, %u in the gold", files[f],
                     arts->len, want);
  }
  printf("# articles: %u of %u match the gold exactly\n", match, total);
  g_assert_cmpuint(total, ==, rows->len - 1);
  g_assert_cmpuint(match + 1, >=, total);
}

/* Every statistics sentence of the gold is one whole sentence of ours. */
static void test_gold_sentences(void) {
  g_autoptr(GPtrArray) rows = read_csv("tests/gold/statistics.csv");
  const char *files[] = {"puyang-daily-page.txt", "peoples-daily-2024-01-31.txt"};
  guint missing = 0;
  for (guint f = 0; f < G_N_ELEMENTS(files); f++) {
    g_autofree char *path = g_build_filename("corpus", files[f], NULL);
    g_autoptr(GPtrArray) arts = segment_file(path);
    g_autoptr(GHashTable) have = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint k = 0; k < arts->len; k++) {
      ZsArticle *a = arts->pdata[k];
      for (guint i = 0; i < a->sentences->len; i++)
        g_hash_table_add(have, ((ZsSentence *)a->sentences->pdata[i])->text);
    }
    for (guint r = 1; r < rows->len; r++) {
      GPtrArray *row = rows->pdata[r];
      if (strcmp(col(row, 0), files[f]) != 0)
        continue;
      if (!g_hash_table_contains(have, col(row, 2))) {
        missing++;
        g_test_message("not a sentence: %s", col(row, 2));
      }
    }
  }
  g_assert_cmpuint(missing, ==, 0);
}

/* ---- our own layout ----------------------------------------------------- */

/* tests/data/layouts/NAME.txt against NAME.expected. */
static void test_layout(gconstpointer data) {
  const char *name = data;
  g_autofree char *txt = g_strdup_printf("tests/data/layouts/%s.txt", name);
  g_autofree char *want = g_strdup_printf("tests/data/layouts/%s.expected", name);
  g_autoptr(GPtrArray) arts = segment_file(txt);
  g_autofree char *exp = NULL;
  g_assert_true(g_file_get_contents(want, &exp, NULL, NULL));
  g_auto(GStrv) lines = g_strsplit(exp, "\n", -1);
  gint ai = -1;
  guint si = 0;
  for (guint i = 0; lines[i]; i++) {
    if (lines[i][0] == '#' || lines[i][0] == '\0')
      continue;
    g_auto(GStrv) f = g_strsplit(lines[i], "\t", -1);
    if (strcmp(f[0], "A") == 0) {
      if (ai >= 0) /* every sentence of the previous article was expected */
        g_assert_cmpuint(si, ==, n_body(arts->pdata[ai]));
      ai++;
      g_assert_cmpuint((guint)ai, <, arts->len);
      const ZsArticle *a = arts->pdata[ai];
      g_assert_cmpstr(a->headline, ==, f[1]);
      g_assert_cmpstr(a->dateline, ==, f[2]);
      g_assert_cmpstr(a->byline, ==, f[3]);
      si = 0;
      continue;
    }
    const ZsArticle *a = arts->pdata[ai];
    const ZsSentence *s = NULL;
    guint seen = 0;
    for (guint k = 0; k < a->sentences->len; k++) {
      const ZsSentence *t = a->sentences->pdata[k];
      if (t->kind == ZS_SENT_BODY && seen++ == si)
        s = t;
    }
    g_assert_nonnull(s);
    g_assert_cmpstr(s->text, ==, f[2]);
    g_assert_cmpuint(s->line, ==, (guint)g_ascii_strtoull(f[1], NULL, 10));
    si++;
  }
  g_assert_cmpuint(si, ==, n_body(arts->pdata[ai]));
  g_assert_cmpuint((guint)(ai + 1), ==, arts->len);
}

/* ---- rules, one small page each ------------------------------------------ */

static const ZsArticle *art(GPtrArray *arts, guint i) {
  g_assert_cmpuint(i, <, arts->len);
  return arts->pdata[i];
}

/* A PDF page: body, then its headline; a subhead inside does not restate
 * the text before it and stays in the article. */
static void test_headline_after_body(void) {
  const char *page =
      "本报讯（记者 张三）昨日，新河县图书馆新馆\n"
      "正式开放，馆藏图书达到 12万册。\n"
      "读者纷纷前来借阅，新馆的阅览座位\n"
      "全部坐满。新馆设有电子阅览室、古\n"
      "\n"
      "籍修复室和多功能报告厅，全年开放\n"
      "时间比老馆延长了两个小时。\n"
      "\n"
      "书香满城\n"
      "\n"
      "图书馆还开设了少儿阅读区和自习室\n"
      "，每逢周末都有志愿者为孩子们讲故\n"
      "事。\n"
      "\n"
      "新河县图书馆新馆开放\n"
      "\n"
      "本报讯（记者 李四）今年夏粮收购工作\n"
      "启动以来，全县已收购小麦 3.2万吨\n"
      "，收购进度快于去年同期，农民售粮\n"
      "\n"
      "排队时间明显缩短。\n"
      "\n"
      "夏粮收购进展顺利\n";
  g_autoptr(GPtrArray) arts = segment_text("t", page);
  g_assert_cmpuint(arts->len, ==, 2);
  g_assert_cmpstr(art(arts, 0)->headline, ==, "新河县图书馆新馆开放");
  g_assert_cmpstr(last_body(art(arts, 0))->text, ==,
                  "图书馆还开设了少儿阅读区和自习室，每逢周末都有志愿者为孩子们讲故事。");
  g_assert_cmpuint(n_body(art(arts, 0)), ==, 4); /* the subhead is not body */
  g_assert_cmpstr(first_body(art(arts, 0))->text, ==,
                  "昨日，新河县图书馆新馆正式开放，馆藏图书达到12万册。");
  g_assert_cmpstr(art(arts, 1)->headline, ==, "夏粮收购进展顺利");
  g_assert_cmpstr(art(arts, 1)->byline, ==, "记者 李四");
  g_assert_cmpuint(art(arts, 0)->no, ==, 1);
  g_assert_cmpuint(art(arts, 1)->no, ==, 2);
}

static void test_dateline(void) {
  const char *page =
      "## 某市新建公园20个\n\n"
      "本报北京1月30日电（记者孙秀艳）某市今年新建公园20个。面积共计300公顷。\n\n"
      "## 另一条消息\n\n"
      "本报讯 全市春耕备耕有序推进。\n";
  g_autoptr(GPtrArray) arts = segment_text("t", page);
  g_assert_cmpuint(arts->len, ==, 2);
  g_assert_cmpstr(art(arts, 0)->dateline, ==, "本报北京1月30日电");
  g_assert_cmpstr(art(arts, 0)->byline, ==, "记者 孙秀艳");
  g_assert_cmpstr(first_body(art(arts, 0))->text, ==, "某市今年新建公园20个。");
  g_assert_cmpstr(art(arts, 1)->dateline, ==, "本报讯");
  g_assert_cmpstr(first_body(art(arts, 1))->text, ==, "全市春耕备耕有序推进。");
  /* headline sentences come first, as their own kind */
  const ZsSentence *h = art(arts, 0)->sentences->pdata[0];
  g_assert_cmpint(h->kind, ==, ZS_SENT_HEADLINE);
  g_assert_cmpstr(h->text, ==, "某市新建公园20个");
  g_assert_cmpuint(h->line, ==, 1);
}

static void test_continuation(void) {
  const char *page =
      "正文的最后一句话在这里。\n\n"
      "上一篇的标题在这里\n\n"
      "（上接第一版）看病难、看病贵，长期以来困扰基层百姓。（下转第二版）\n\n"
      "（记者 齐中熙 熊丰）\n"
      "■ 拥军优属拥政爱民\n";
  g_autoptr(GPtrArray) arts = segment_text("t", page);
  g_assert_cmpuint(arts->len, ==, 2);
  const ZsArticle *a = art(arts, 1);
  g_assert_cmpstr(a->headline, ==, "");
  g_assert_cmpstr(first_body(a)->text, ==, "看病难、看病贵，长期以来困扰基层百姓。");
  g_assert_cmpstr(last_body(a)->text, ==, "看病难、看病贵，长期以来困扰基层百姓。");
  g_assert_cmpstr(a->byline, ==, "记者 齐中熙 熊丰"); /* one line: phrase spaces stay */
}

/* A markdown page whose last headline stands after its body; the body is
 * shared with the article before and split where the topic changes. */
static void test_markdown_headline_after_body(void) {
  const char *page =
      "## 小麦丰收农民喜笑颜开\n\n"
      "本报记者 王五\n\n"
      "今年小麦亩产达到600公斤，农民喜笑颜开。\n\n"
      "收割机在麦田里来回穿梭，小麦颗粒饱满。\n\n"
      "小麦收购价格稳定，农民收入增加。\n\n"
      "城市图书馆延长开放时间，读者可以夜读。\n\n"
      "图书馆新增自助借还设备，读者借书更方便。\n\n"
      "## 图书馆夜读受欢迎\n\n"
      "本报记者 赵六\n\n"
      "图为读者在图书馆阅读。\n\n"
      "赵六摄\n";
  g_autoptr(GPtrArray) arts = segment_text("t", page);
  g_assert_cmpuint(arts->len, ==, 2);
  g_assert_cmpstr(art(arts, 0)->headline, ==, "小麦丰收农民喜笑颜开");
  g_assert_cmpstr(last_body(art(arts, 0))->text, ==, "小麦收购价格稳定，农民收入增加。");
  g_assert_cmpstr(art(arts, 1)->headline, ==, "图书馆夜读受欢迎");
  g_assert_cmpstr(first_body(art(arts, 1))->text, ==, "城市图书馆延长开放时间，读者可以夜读。");
  g_assert_cmpstr(last_body(art(arts, 1))->text, ==, "图书馆新增自助借还设备，读者借书更方便。");
  g_assert_cmpstr(art(arts, 1)->byline, ==, "记者 赵六");
}

/* A markdown headline after its body, then the next article's headline:
 * with no byline between, the overlap with the body decides. */
static void test_markdown_headline_then_headline(void) {
  const char *page =
      "本报讯 小麦今年喜获丰收，亩产达到600公斤。农民收入明显增加。\n\n"
      "## 小麦喜获丰收\n\n"
      "## 图书馆延长开放时间\n\n"
      "本报讯 城市图书馆从本周起延长开放时间。\n";
  g_autoptr(GPtrArray) arts = segment_text("t", page);
  g_assert_cmpuint(arts->len, ==, 2);
  g_assert_cmpstr(art(arts, 0)->headline, ==, "小麦喜获丰收");
  g_assert_cmpstr(art(arts, 1)->headline, ==, "图书馆延长开放时间");
  g_assert_cmpstr(first_body(art(arts, 1))->text, ==, "城市图书馆从本周起延长开放时间。");
}

/* A kicker ending in dashes before a plain headline is not body text. */
static void test_kicker(void) {
  const char *page =
      "本报讯 安徽省印发实施意见。\n\n"
      "公安部用心用情开展定点帮扶——\n\n"
      "依托当地特有资源\n\n"
      "本报记者 苏滨\n\n"
      "“最近天干，施肥的时候要切记。”\n";
  g_autoptr(GPtrArray) arts = segment_text("t", page);
  g_assert_cmpuint(arts->len, ==, 2);
  g_assert_cmpstr(last_body(art(arts, 0))->text, ==, "安徽省印发实施意见。");
  g_assert_cmpstr(art(arts, 1)->headline, ==, "依托当地特有资源");
}

/* Kicker, column marker, subtitle and subheads in a markdown page. */
static void test_markdown_furniture(void) {
  const char *page =
      "## 2024 春运一线\n\n"
      "30日，广州开出首趟专列\n\n"
      "## 让务工人员平安返乡\n\n"
      "惠及务工人员3000人\n\n"
      "本报广州1月30日电（记者李刚）专列驶离广州南站。\n\n"
      "## 以服务促发展，旅客更满意\n\n"
      "车站开辟了绿色通道。\n";
  g_autoptr(GPtrArray) arts = segment_text("t", page);
  g_assert_cmpuint(arts->len, ==, 1);
  const ZsArticle *a = art(arts, 0);
  g_assert_cmpstr(a->headline, ==, "让务工人员平安返乡 ——惠及务工人员3000人");
  g_assert_cmpuint(n_body(a), ==, 2);
  g_assert_cmpstr(last_body(a)->text, ==, "车站开辟了绿色通道。");
  /* the subtitle is a headline sentence of its own */
  g_assert_cmpstr(((ZsSentence *)a->sentences->pdata[1])->text, ==, "惠及务工人员3000人");
}

/* A closing byline at the end of the last paragraph, （完）, a credit in
 * brackets. */
static void test_closing_marks(void) {
  const char *page =
      "## 标题一\n\n本报讯 正文第一句。正文第二句。（记者 张三）\n\n"
      "## 标题二\n\n本报讯 另一篇正文。（完）\n\n"
      "图为游客在观赏荷花。\n\n（本报记者 李四摄）\n";
  g_autoptr(GPtrArray) arts = segment_text("t", page);
  g_assert_cmpuint(arts->len, ==, 2);
  g_assert_cmpstr(last_body(art(arts, 0))->text, ==, "正文第二句。");
  g_assert_cmpstr(art(arts, 0)->byline, ==, "记者 张三");
  g_assert_cmpstr(last_body(art(arts, 1))->text, ==, "另一篇正文。");
}

/* Headline first, then a byline, then an undated body: a new article. */
static void test_headline_byline_before_body(void) {
  const char *page =
      "## 第一篇\n\n本报讯 第一篇的正文。\n\n"
      "第二篇的标题\n\n本报记者 王五\n\n第二篇的正文。\n";
  g_autoptr(GPtrArray) arts = segment_text("t", page);
  g_assert_cmpuint(arts->len, ==, 2);
  g_assert_cmpstr(art(arts, 1)->headline, ==, "第二篇的标题");
  g_assert_cmpstr(art(arts, 1)->byline, ==, "记者 王五");
  g_assert_cmpstr(first_body(art(arts, 1))->text, ==, "第二篇的正文。");
}

static void test_caption(void) {
  const char *page =
      "## 标题\n\n本报讯 正文第一句。正文第二句。\n\n"
      "春运期间，机械师细心检查列车。\n\n叶传增 徐锐摄影报道\n";
  g_autoptr(GPtrArray) arts = segment_text("t", page);
  g_assert_cmpuint(arts->len, ==, 1);
  g_assert_cmpstr(last_body(art(arts, 0))->text, ==, "正文第二句。");
}

/* Feeding the bytes one at a time and pushing each paragraph as it comes
 * gives the same articles, with the same lines. */
static void test_streaming(void) {
  g_autofree char *data = NULL;
  gsize len;
  g_assert_true(g_file_get_contents("corpus/puyang-daily-page.txt", &data, &len, NULL));
  g_autoptr(GPtrArray) whole = segment_text("puyang-daily-page.txt", data);
  g_autoptr(ZsNormalizer) n = zs_norm_new("puyang-daily-page.txt");
  g_autoptr(ZsSegmenter) sg = zs_seg_new("puyang-daily-page.txt");
  g_autoptr(GPtrArray) arts = g_ptr_array_new_with_free_func((GDestroyNotify)zs_article_free);
  g_autoptr(GPtrArray) paras = g_ptr_array_new();
  for (gsize i = 0; i <= len; i++) {
    if (i < len)
      zs_norm_feed(n, data + i, 1, paras, NULL);
    else
      zs_norm_finish(n, paras, NULL);
    for (guint k = 0; k < paras->len; k++)
      zs_seg_push(sg, paras->pdata[k], arts);
    g_ptr_array_set_size(paras, 0);
  }
  zs_seg_finish(sg, arts);
  g_assert_cmpuint(arts->len, ==, whole->len);
  for (guint i = 0; i < arts->len; i++) {
    const ZsArticle *a = arts->pdata[i], *b = whole->pdata[i];
    g_assert_cmpstr(a->headline, ==, b->headline);
    g_assert_cmpuint(a->sentences->len, ==, b->sentences->len);
    for (guint k = 0; k < a->sentences->len; k++) {
      const ZsSentence *x = a->sentences->pdata[k], *y = b->sentences->pdata[k];
      g_assert_cmpstr(x->text, ==, y->text);
      g_assert_cmpuint(x->line, ==, y->line);
    }
  }
}

/* ZsSentence.line is where the sentence starts, inside joined paragraphs. */
static void test_line_numbers(void) {
  g_autoptr(GPtrArray) arts = segment_file("corpus/puyang-daily-page.txt");
  const ZsArticle *a = art(arts, 0);
  g_assert_cmpuint(first_body(a)->line, ==, 3); /* after the dateline */
  gboolean found = FALSE;
  for (guint i = 0; i < a->sentences->len; i++) {
    const ZsSentence *s = a->sentences->pdata[i];
    if (g_str_has_prefix(s->text, "4年来")) {
      g_assert_cmpuint(s->line, ==, 20); /* "…工作 。 4" ends line 20 */
      found = TRUE;
    }
  }
  g_assert_true(found);
  g_assert_cmpuint(a->first_line, ==, 2);
  g_assert_cmpuint(a->last_line, ==, 27);
}

/* The PDF page's section subheads wrapped over two or three lines (lines
 * 405-407, 521-522, 641-644) are one paragraph each, and are no body
 * sentences: neither whole nor in pieces. */
static void test_wrapped_subheads(void) {
  g_autoptr(GPtrArray) arts = segment_file("corpus/puyang-daily-page.txt");
  static const char *const heads[] = {"从户籍改革到基层治理", "从生态保护到生育支持",
                                      "从养老保障到异地就医", "百姓关心什么",
                                      "人民群众奔着", "体人民"};
  for (guint i = 0; i < arts->len; i++) {
    const ZsArticle *a = arts->pdata[i];
    for (guint k = 0; k < a->sentences->len; k++) {
      const ZsSentence *s = a->sentences->pdata[k];
      for (guint h = 0; h < G_N_ELEMENTS(heads); h++)
        if (s->kind == ZS_SENT_BODY && g_str_has_prefix(s->text, heads[h]))
          g_error("subhead as a sentence, line %u: %s", s->line, s->text);
    }
  }
}

/* Inside an open article, a ## heading followed directly by body text is
 * the next article's headline when that body's lead restates it and starts
 * another topic; a subhead of the same topic stays in the article. */
static void test_markdown_heading_new_topic(void) {
  const char *page =
      "## 城东新建口袋公园12个\n\n本报讯 今年以来，城东区新建口袋公园12个，"
      "新增绿地面积4.6万平方米。\n\n## 口袋公园方便居民\n\n城东区的口袋公园"
      "大多位于老旧小区周边，居民步行5分钟即可到达。\n\n"
      "## 全市新能源汽车保有量突破20万辆\n\n截至2月底，全市新能源汽车保有量"
      "突破20万辆，同比增长35%。\n";
  g_autoptr(GPtrArray) arts = segment_text("t", page);
  g_assert_cmpuint(arts->len, ==, 2);
  g_assert_cmpuint(n_body(art(arts, 0)), ==, 2);
  g_assert_cmpstr(art(arts, 1)->headline, ==, "全市新能源汽车保有量突破20万辆");
  g_assert_cmpstr(first_body(art(arts, 1))->text, ==,
                  "截至2月底，全市新能源汽车保有量突破20万辆，同比增长35%。");
}

/* A date alone between body paragraphs (a page header in a copied page)
 * ends no article; other page metadata after body does. */
static void test_date_mid_article(void) {
  const char *page = "标题一\n\n本报讯 第一段正文，增长5%。\n\n2024年1月31日 星期三\n\n"
                     "第二段正文，增长6%。\n";
  g_autoptr(GPtrArray) arts = segment_text("t", page);
  g_assert_cmpuint(arts->len, ==, 1);
  g_assert_cmpuint(n_body(art(arts, 0)), ==, 2);
  const char *web = "标题一\n\n本报讯 第一段正文，增长5%。\n\n编辑：张三\n\n"
                    "第二段正文，增长6%。\n";
  g_autoptr(GPtrArray) two = segment_text("t", web);
  g_assert_cmpuint(two->len, ==, 2);
}

/* A web page's headline over 40 characters is known by the metadata under
 * it. */
static void test_long_web_headline(void) {
  const char *page =
      "市政府新闻办举行新闻发布会介绍全市一季度国民经济运行情况和全年各项目标任务稳步推进的进展\n"
      "来源：河西日报\n"
      "　　市统计局局长在发布会上介绍，一季度全市地区生产总值同比增长5.6%。\n";
  g_autoptr(GPtrArray) arts = segment_text("t", page);
  g_assert_cmpuint(arts->len, ==, 1);
  g_assert_cmpstr(art(arts, 0)->headline, ==,
                  "市政府新闻办举行新闻发布会介绍全市一季度国民经济运行情况和全年各项目标任务稳步推进的进展");
  g_assert_cmpuint(n_body(art(arts, 0)), ==, 1);
}

/* 记者从…获悉 opens a lead: the plain line before it is the next article's
 * headline even when the lead does not restate it. */
static void test_lead_opens(void) {
  const char *page =
      "城东新建口袋公园\n\n本报讯 今年以来，城东区新建口袋公园12个。\n\n"
      "春耕备耕有序推进\n\n记者从市农业农村局获悉，全市已备足化肥3.2万吨。\n";
  g_autoptr(GPtrArray) arts = segment_text("t", page);
  g_assert_cmpuint(arts->len, ==, 2);
  g_assert_cmpstr(art(arts, 1)->headline, ==, "春耕备耕有序推进");
  g_assert_cmpstr(first_body(art(arts, 1))->text, ==,
                  "记者从市农业农村局获悉，全市已备足化肥3.2万吨。");
}

int main(int argc, char **argv) {
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/segment/sentences/split", test_split);
  g_test_add_func("/segment/sentences/made-up", test_split_made_up);
  g_test_add_func("/segment/gold/articles", test_gold_articles);
  g_test_add_func("/segment/gold/sentences", test_gold_sentences);
  g_test_add_data_func("/segment/layout/wrapped-columns", "wrapped-columns", test_layout);
  g_test_add_data_func("/segment/layout/markdown-page", "markdown-page", test_layout);
  g_test_add_data_func("/segment/layout/web-scrape", "web-scrape", test_layout);
  g_test_add_data_func("/segment/layout/web-lines", "web-lines", test_layout);
  g_test_add_data_func("/segment/layout/web-mixed", "web-mixed", test_layout);
  g_test_add_data_func("/segment/layout/headline-series", "headline-series", test_layout);
  g_test_add_data_func("/segment/layout/notice", "notice", test_layout);
  g_test_add_data_func("/segment/layout/wrapped-indented", "wrapped-indented", test_layout);
  g_test_add_data_func("/segment/layout/page-titles", "page-titles", test_layout);
  g_test_add_data_func("/segment/layout/open-ends", "open-ends", test_layout);
  g_test_add_func("/segment/date-mid-article", test_date_mid_article);
  g_test_add_func("/segment/long-web-headline", test_long_web_headline);
  g_test_add_func("/segment/lead-opens", test_lead_opens);
  g_test_add_func("/segment/wrapped-subheads", test_wrapped_subheads);
  g_test_add_func("/segment/markdown/heading-new-topic", test_markdown_heading_new_topic);
  g_test_add_func("/segment/headline-after-body", test_headline_after_body);
  g_test_add_func("/segment/dateline", test_dateline);
  g_test_add_func("/segment/continuation", test_continuation);
  g_test_add_func("/segment/markdown/headline-after-body", test_markdown_headline_after_body);
  g_test_add_func("/segment/markdown/furniture", test_markdown_furniture);
  g_test_add_func("/segment/markdown/headline-then-headline", test_markdown_headline_then_headline);
  g_test_add_func("/segment/kicker", test_kicker);
  g_test_add_func("/segment/caption", test_caption);
  g_test_add_func("/segment/closing-marks", test_closing_marks);
  g_test_add_func("/segment/headline-byline-before-body", test_headline_byline_before_body);
  g_test_add_func("/segment/streaming", test_streaming);
  g_test_add_func("/segment/line-numbers", test_line_numbers);
  return g_test_run();
}
