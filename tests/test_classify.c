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
    gsize dl;
    g_assert_cmpint(zs_class_para_len(p, strlen(norm), &dl), ==, k);
    g_assert_cmpuint(dl, ==, k == ZS_PK_DATELINE ? zs_class_dateline_len(norm) : 0);
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

/* Each pattern's guard (classify.c) may only reject what the pattern cannot
 * match: checked on every line and paragraph of the corpus and the test
 * texts, and on furniture that each pattern matches. */
static void check_guards(const char *t) {
  int i = zs_class_guard_fails(t);
  if (i >= 0)
    g_test_message("pattern %d matches, its guard rejects: %s", i, t);
  g_assert_cmpint(i, ==, -1);
}

static void test_guards(void) {
  static const char *const files[] = {
      "corpus/peoples-daily-2024-01-31.txt", "corpus/puyang-daily-page.txt",
      "tests/data/fields/corpus.txt",        "tests/data/fields/pdf-page.txt",
      "tests/data/layouts/web-scrape.txt",   "tests/data/layouts/web-lines.txt",
      "tests/data/layouts/web-mixed.txt",    "tests/data/layouts/notice.txt",
      "tests/data/layouts/page-titles.txt",  "tests/data/layouts/markdown-page.txt",
      "tests/data/classify/kinds.tsv",       "tests/data/normalize/text.tsv"};
  static const char *const furniture[] = {
      "本报北京1月30日电", "新华社北京1月30日电（记者 王海）", "本报讯", "人民网讯",
      "央视网消息（新闻联播）：", "【新华社北京电讯报道】", "来源：新华社", "【编辑：张三】",
      "[作者] 李四", "【字号 大 中 小】", "首页 > 新闻 > 正文", "· 相关链接",
      "分享到", "打印 | 关闭", "2024年03月06日08:12 | 来源：人民网", "2024-01-10",
      "（责任编辑：王震、袁勃）", "【图】（完）", "（完）\n", "李刚 黄惠萍 胡靖",
      /* names at their longest: six of three four-byte ideographs */
      "𠀀𠀀𠀀 𠀀𠀀𠀀 𠀀𠀀𠀀 𠀀𠀀𠀀 𠀀𠀀𠀀 𠀀𠀀𠀀", "𠀀𠀀𠀀 𠀀𠀀𠀀 𠀀𠀀𠀀 𠀀𠀀𠀀 𠀀𠀀𠀀 𠀀𠀀𠀀\n",
      "记者 王海 李娜", "文/张明", "本报记者 孙秀艳", "图为工人在作业。",
      "会场一角。新华社记者 张三 摄", "会场。（李四摄）", "------", "  ***  ",
      "春运首日_新闻频道_央视网(cctv.com)", "河西新闻-新华网", "河西新闻-新华网\n",
      "记者从市交通运输局获悉，", "本报记者日前从省统计局了解到", "一、完善基础设施",
      "（二）加强保障", "第三部分", "1. 概况",
      /* each branch of the guards that read past the first character */
      "2024/1/10", "2024.01.10 08:12", "2024年1月10日", "12、概况", "3．加强", "十二、完善",
      "三．加强", "第十章", "（十一）保障", "文字：张三", "摄影 李四", "通讯员/王五",
      "新华社记者 张三", "本台记者：赵六 钱七", "撰文 ／ 孙八", "特约记者·周九", "图文/吴十",
      "记者\t李娜 王海", "本报特约记者 郑一 王二", "来源 ：新华社", "作者:李四", "分享到：",
      "分享 | 打印", "时间　：2024年1月10日"};
  guint n = 0;
  for (guint f = 0; f < G_N_ELEMENTS(files); f++) {
    g_autofree char *data = NULL;
    gsize len;
    g_assert_true(g_file_get_contents(files[f], &data, &len, NULL));
    g_auto(GStrv) lines = g_strsplit(data, "\n", -1);
    for (guint i = 0; lines[i]; i++, n++)
      if (g_utf8_validate(lines[i], -1, NULL))
        check_guards(lines[i]);
    g_autoptr(ZsDoc) doc = zs_norm_document("t", data, len, NULL);
    for (guint i = 0; i < doc->paras->len; i++, n++)
      check_guards(((ZsPara *)doc->paras->pdata[i])->text);
  }
  for (guint i = 0; i < G_N_ELEMENTS(furniture); i++) {
    check_guards(furniture[i]);
    g_autoptr(ZsDoc) doc = zs_norm_document("t", furniture[i], strlen(furniture[i]), NULL);
    for (guint k = 0; k < doc->paras->len; k++)
      check_guards(((ZsPara *)doc->paras->pdata[k])->text);
  }
  g_assert_cmpuint(n, >=, 500);
}

/* A line without a stop is short up to 40 characters, however many bytes
 * they take: lines of 1- to 4-byte characters around that length (so
 * classify.c counts them, sixteen bytes at a time and the tail in the
 * sixteen that end the text). */
static void test_short_by_characters(void) {
  static const char *const pieces[] = {"a", "é", "字", "𠀀", "Z", "ж", "文"};
  GRand *r = g_rand_new_with_seed(11);
  for (guint round = 0; round < 2000; round++) {
    guint chars = (guint)g_rand_int_range(r, 30, 52);
    GString *s = g_string_new("字"); /* no furniture starts so */
    for (guint i = 1; i < chars; i++)
      g_string_append(s, pieces[g_rand_int_range(r, 0, G_N_ELEMENTS(pieces))]);
    ZsPara p = {.text = s->str};
    g_assert_cmpuint(g_utf8_strlen(s->str, -1), ==, chars);
    g_assert_cmpint(zs_class_para(&p), ==, chars <= 40 ? ZS_PK_SHORT : ZS_PK_BODY);
    g_assert_cmpint(zs_class_para_len(&p, s->len, NULL), ==, zs_class_para(&p));
    g_string_free(s, TRUE);
  }
  g_rand_free(r);
}

/* classify_guard.c's rule guard asks GLib whether a character is a space
 * only up to the ideographic space U+3000 */
static void test_no_space_above_3000(void) {
  for (gunichar c = 0x3001; c <= 0x10FFFF; c++)
    if (g_unichar_isspace(c))
      g_error("U+%04X is a space", c);
}

/* classify.c counts U+4E00..U+9FA5 as Han without g_unichar_get_script() */
static void test_han_range(void) {
  for (gunichar c = 0x4E00; c <= 0x9FA5; c++)
    g_assert_cmpint(g_unichar_get_script(c), ==, G_UNICODE_SCRIPT_HAN);
}

int main(int argc, char **argv) {
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/classify/kinds", test_kinds);
  g_test_add_func("/classify/guards", test_guards);
  g_test_add_func("/classify/han-range", test_han_range);
  g_test_add_func("/classify/no-space-above-3000", test_no_space_above_3000);
  g_test_add_func("/classify/short-by-characters", test_short_by_characters);
  return g_test_run();
}
