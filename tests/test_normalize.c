/* test_normalize.c: the normalize convention (stages/README.md), case by case.
 *
 * Character rules are a table in tests/data/normalize/text.tsv, one test per
 * row. Reflow is checked against the facts the gold NOTES state about the
 * two corpus pages, on generated wrapped pages, and for idempotence.
 */
#include "normalize.h"
#include "testutil.h"

#include <string.h>

/* ---- helpers ------------------------------------------------------------ */

static ZsDoc *norm_doc(const char *text, GPtrArray *warnings) {
  return zs_norm_document("t", text, strlen(text), warnings);
}

static ZsDoc *norm_file(const char *path) {
  g_autofree char *data = NULL;
  gsize len;
  g_assert_true(g_file_get_contents(path, &data, &len, NULL));
  return zs_norm_document(path, data, len, NULL);
}

/* Paragraph texts joined with `sep`. */
static char *join_paras(const ZsDoc *d, const char *sep) {
  GString *s = g_string_new(NULL);
  for (guint i = 0; i < d->paras->len; i++) {
    if (i)
      g_string_append(s, sep);
    g_string_append(s, ((ZsPara *)d->paras->pdata[i])->text);
  }
  return g_string_free(s, FALSE);
}

static gboolean has_para(const ZsDoc *d, const char *text) {
  for (guint i = 0; i < d->paras->len; i++)
    if (strcmp(((ZsPara *)d->paras->pdata[i])->text, text) == 0)
      return TRUE;
  return FALSE;
}

static const ZsPara *para_starting(const ZsDoc *d, const char *prefix) {
  for (guint i = 0; i < d->paras->len; i++) {
    const ZsPara *p = d->paras->pdata[i];
    if (g_str_has_prefix(p->text, prefix))
      return p;
  }
  return NULL;
}

/* ---- character rules, from the table ------------------------------------- */

typedef struct {
  char *input, *want;
} TextCase;

static void text_case_free(gpointer p) {
  TextCase *c = p;
  g_free(c->input);
  g_free(c->want);
  g_free(c);
}

static void test_text_case(gconstpointer data) {
  const TextCase *c = data;
  g_autofree char *got = zs_norm_text(c->input, -1);
  g_assert_cmpstr(got, ==, c->want);
  g_autofree char *again = zs_norm_text(got, -1);
  g_assert_cmpstr(again, ==, got); /* idempotent */
}

static GPtrArray *text_cases;

static void add_text_cases(void) {
  text_cases = g_ptr_array_new_with_free_func(text_case_free);
  g_autofree char *data = NULL;
  g_assert_true(g_file_get_contents("tests/data/normalize/text.tsv", &data, NULL, NULL));
  g_auto(GStrv) lines = g_strsplit(data, "\n", -1);
  for (guint i = 0; lines[i]; i++) {
    if (lines[i][0] == '#' || lines[i][0] == '\0')
      continue;
    g_auto(GStrv) f = g_strsplit(lines[i], "\t", 3);
    g_assert_cmpuint(g_strv_length(f), ==, 3);
    TextCase *c = g_new0(TextCase, 1);
    c->input = g_strcompress(f[1]);
    c->want = g_strcompress(f[2]);
    g_ptr_array_add(text_cases, c);
    g_autofree char *path = g_strconcat("/normalize/text/", f[0], NULL);
    g_test_add_data_func(path, c, test_text_case);
  }
}

/* Random strings over the characters the rules touch: normalizing twice
 * changes nothing, and the result is valid UTF-8 without NUL. */
static void test_idempotent_generated(void) {
  static const char *const alphabet[] = {
      "中", "国", "人", "1", "9", "a", "Z", "２", "Ｍ", "％", "＋", "－", "．",
      " ", "  ", "\u3000", "\t", ",", ";", ":", "?", "!", "(", ")", ".", "/",
      "，", "。", "（", "）", "“", "”", "——", "…", "\u00a0", "\u200b", "-"};
  GRand *r = g_rand_new_with_seed(42);
  for (guint n = 0; n < 20000; n++) {
    GString *s = g_string_new(NULL);
    test_append_pieces(r, s, alphabet, G_N_ELEMENTS(alphabet), 0, 12);
    g_autofree char *once = zs_norm_text(s->str, s->len);
    g_autofree char *twice = zs_norm_text(once, -1);
    if (strcmp(once, twice) != 0)
      g_test_message("not idempotent: [%s] -> [%s] -> [%s]", s->str, once, twice);
    g_assert_cmpstr(once, ==, twice);
    g_assert_true(g_utf8_validate(once, -1, NULL));
    g_string_free(s, TRUE);
  }
  g_rand_free(r);
}

/* ---- bytes ------------------------------------------------------------- */

static void test_bytes_invalid_utf8(void) {
  g_autoptr(GPtrArray) w = g_ptr_array_new_with_free_func(g_free);
  g_autoptr(ZsDoc) d = norm_doc("第一行。\n坏\xff字节。\n", w);
  g_assert_cmpuint(d->paras->len, ==, 2);
  g_assert_cmpstr(((ZsPara *)d->paras->pdata[1])->text, ==, "坏\xEF\xBF\xBD字节。");
  g_assert_cmpuint(w->len, ==, 1);
  g_assert_cmpstr(w->pdata[0], ==, "t:2: invalid UTF-8 at byte 16");
}

static void test_bytes_nul(void) {
  g_autoptr(GPtrArray) w = g_ptr_array_new_with_free_func(g_free);
  static const char in[] = "空\0字节。\n";
  g_autoptr(ZsDoc) d = zs_norm_document("t", in, sizeof in - 1, w);
  g_assert_cmpuint(d->paras->len, ==, 1);
  g_assert_cmpstr(((ZsPara *)d->paras->pdata[0])->text, ==, "空字节。");
  g_assert_cmpuint(w->len, ==, 1);
  g_assert_true(g_str_has_prefix(w->pdata[0], "t:1: NUL byte"));
}

static void test_bytes_line_ends(void) {
  g_autoptr(ZsDoc) d = norm_doc("\xEF\xBB\xBF第一段。\r\n\r\n第二段。\r第三段。", NULL);
  g_autofree char *all = join_paras(d, "|");
  g_assert_cmpstr(all, ==, "第一段。|第二段。|第三段。");
  g_assert_cmpuint(((ZsPara *)d->paras->pdata[2])->line, ==, 4);
}

/* Any bytes, fed in any pieces: no crash, valid UTF-8 out. */
static void test_bytes_random(void) {
  GRand *r = g_rand_new_with_seed(7);
  for (guint n = 0; n < 300; n++) {
    guint len = g_rand_int_range(r, 0, 400);
    g_autofree guchar *buf = g_malloc(len + 1);
    for (guint k = 0; k < len; k++) {
      guint pick = g_rand_int_range(r, 0, 6);
      buf[k] = pick == 0 ? '\n' : pick == 1 ? 0xE4 : (guchar)g_rand_int(r);
    }
    g_autoptr(ZsNormalizer) nz = zs_norm_new("r");
    g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func((GDestroyNotify)zs_para_free);
    g_autoptr(GPtrArray) w = g_ptr_array_new_with_free_func(g_free);
    for (guint k = 0; k < len;) {
      guint want = (guint)g_rand_int_range(r, 1, 9); /* MIN evaluates twice */
      guint step = MIN(len - k, want);
      zs_norm_feed(nz, (char *)buf + k, step, out, w);
      k += step;
    }
    zs_norm_finish(nz, out, w);
    for (guint i = 0; i < out->len; i++) {
      const ZsPara *p = out->pdata[i];
      g_assert_true(g_utf8_validate(p->text, -1, NULL));
      g_assert_cmpuint(p->len, ==, strlen(p->text));
    }
  }
  g_rand_free(r);
}

/* A single long line is linear, and is cut into pieces at sentence ends
 * so memory does not grow with it: 8 MB (100 MB with -m slow). */
static void test_bytes_long_line(void) {
  gsize target = g_test_slow() ? 100u << 20 : 8u << 20;
  GString *s = g_string_sized_new(target + 64);
  while (s->len < target)
    g_string_append(s, "城乡统一的户口 登记制度全面建立，共有 1.5亿人。");
  gint64 t0 = g_get_monotonic_time();
  g_autoptr(ZsDoc) d = zs_norm_document("big", s->str, s->len, NULL);
  gint64 us = g_get_monotonic_time() - t0;
  g_test_message("%" G_GSIZE_FORMAT " bytes in %.2f s", s->len, us / 1e6);
  /* taken in pieces of about 1 MiB that end at sentence ends, all on line
   * 1, that together are the whole line */
  g_assert_cmpuint(d->paras->len, >=, target >> 20);
  g_autoptr(GString) all = g_string_new(NULL);
  for (guint i = 0; i < d->paras->len; i++) {
    const ZsPara *p = d->paras->pdata[i];
    g_assert_cmpuint(p->line, ==, 1);
    g_assert_cmpuint(strlen(p->text), <=, 2u << 20);
    g_assert_true(g_str_has_suffix(p->text, "。"));
    g_string_append(all, p->text);
  }
  g_autofree char *whole = zs_norm_text(s->str, s->len);
  g_assert_true(strcmp(all->str, whole) == 0);
  g_string_free(s, TRUE);
}

/* The peak resident memory of this process (VmHWM), in KiB, or 0. */
static guint64 peak_kib(void) {
  g_autofree char *st = NULL;
  if (!g_file_get_contents("/proc/self/status", &st, NULL, NULL))
    return 0;
  const char *h = strstr(st, "VmHWM:");
  return h ? g_ascii_strtoull(h + strlen("VmHWM:"), NULL, 10) : 0;
}

/* A 48 MB line fed in 64 KB chunks, its paragraphs freed as they come:
 * memory stays a few MB, far under the line (it was 3x the line). */
static void test_bytes_long_line_memory(void) {
  if (!peak_kib()) {
    g_test_skip("no /proc/self/status");
    return;
  }
#ifdef __SANITIZE_ADDRESS__
  g_test_skip("AddressSanitizer keeps freed memory in quarantine");
  return;
#endif
  GString *chunk = g_string_new(NULL);
  while (chunk->len < (64u << 10))
    g_string_append(chunk, "全国铁路累计发送旅客4.84亿人次，同比增长38.9%。");
  guint64 before = peak_kib();
  g_autoptr(ZsNormalizer) nz = zs_norm_new("big");
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func((GDestroyNotify)zs_para_free);
  guint64 fed = 0, paras = 0;
  while (fed < (48u << 20)) {
    zs_norm_feed(nz, chunk->str, chunk->len, out, NULL);
    fed += chunk->len;
    paras += out->len;
    g_ptr_array_set_size(out, 0);
  }
  zs_norm_finish(nz, out, NULL);
  paras += out->len;
  guint64 grew = peak_kib() - before;
  g_test_message("48 MB line: %" G_GUINT64_FORMAT " paragraphs, peak grew %"
                 G_GUINT64_FORMAT " KiB", paras, grew);
  g_assert_cmpuint(paras, >=, 40);
  g_assert_cmpuint(grew, <, 16u << 10);
  g_string_free(chunk, TRUE);
}

/* Web pages indent each paragraph with U+3000: an indented line starts a
 * paragraph even when the line before ends without a stop, and a deeper
 * indent starts one in a wrapped column. */
static void test_reflow_indent(void) {
  const char *web =
      "　　全市今年计划新建和改造城市道路42条，新增停车泊位1.2万个，打通断头路8条，道路通行能力明显提升\n"
      "　　下一步，将继续推进城市更新。\n";
  g_autoptr(ZsDoc) d = zs_norm_document("t", web, strlen(web), NULL);
  g_assert_cmpuint(d->paras->len, ==, 2);
  g_assert_true(g_str_has_prefix(((ZsPara *)d->paras->pdata[1])->text, "下一步"));
  /* without the indent, the long line continues (a line cut mid-sentence) */
  const char *flat =
      "全市今年计划新建和改造城市道路42条，新增停车泊位1.2万个，打通断头路8条，道路通行能力明显\n"
      "提升。\n";
  g_autoptr(ZsDoc) f = zs_norm_document("t", flat, strlen(flat), NULL);
  g_assert_cmpuint(f->paras->len, ==, 1);
}

/* tests/data/normalize/html.tsv: entities and line-break tags. */
static void test_html(void) {
  g_autofree char *data = NULL;
  g_assert_true(g_file_get_contents("tests/data/normalize/html.tsv", &data, NULL, NULL));
  g_auto(GStrv) rows = g_strsplit(data, "\n", -1);
  guint n = 0;
  for (guint i = 0; rows[i]; i++) {
    if (rows[i][0] == '#' || rows[i][0] == '\0')
      continue;
    g_auto(GStrv) f = g_strsplit(rows[i], "\t", 2);
    g_assert_nonnull(f[1]);
    g_autoptr(ZsDoc) d = zs_norm_document("t", f[0], strlen(f[0]), NULL);
    g_autofree char *got = join_paras(d, " | ");
    g_assert_cmpstr(got, ==, f[1]);
    n++;
  }
  g_assert_cmpuint(n, >=, 9);
}

/* A byline of names only keeps one space between names, the padding
 * inside a two-character name goes: 李 刚 黄惠萍 胡 靖. */
static void test_name_byline(void) {
  static const char *const cases[][2] = {
      {"李 刚 黄惠萍 胡 靖", "李刚 黄惠萍 胡靖"},
      {"何平 刘 洋", "何平 刘洋"},
      {"李刚 黄惠萍 胡靖", "李刚 黄惠萍 胡靖"},
      {"春运 返乡", "春运 返乡"},   /* no padded name: the headline rule */
      {"李 刚 黄惠萍 胡", "李刚 黄惠萍胡"}, /* a lone half: not a list */
  };
  for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
    g_autoptr(ZsDoc) d = zs_norm_document("t", cases[i][0], strlen(cases[i][0]), NULL);
    g_assert_cmpuint(d->paras->len, ==, 1);
    g_assert_cmpstr(((ZsPara *)d->paras->pdata[0])->text, ==, cases[i][1]);
  }
}

/* ---- reflow --------------------------------------------------------------- */

/* The facts the gold NOTES give about the PDF page. */
static void test_reflow_pdf_page(void) {
  g_autoptr(ZsDoc) d = norm_file("corpus/puyang-daily-page.txt");
  /* blank lines inside a sentence: 96\n\n家 */
  const ZsPara *p = para_starting(d, "据了解");
  g_assert_nonnull(p);
  g_assert_nonnull(strstr(p->text, "托管班96家，服务职工子女近3600人"));
  /* a byline broken over two lines */
  g_assert_nonnull(para_starting(d, "本报讯（记者管淑颖通讯员冯建丽）“托管班里"));
  /* headlines, subtitles and bylines are paragraphs of their own */
  g_assert_true(has_para(d, "我市开启工会“娘家人”帮忙带娃模式"));
  g_assert_true(has_para(d, "描绘最美“夕阳红”的幸福画卷"));
  g_assert_true(has_para(d, "———华龙区加快发展养老服务工作纪实"));
  /* a subhead cut after its colon (从户籍改革到基层治理：老 / 百姓…) */
  g_assert_true(has_para(d, "从户籍改革到基层治理：老百姓关心什么、期盼什么，改革就要抓住什么、推进什么"));
  g_assert_true(has_para(d, "从养老保障到异地就医：让改革发展成果更多更公平惠及全体人民"));
  g_assert_true(has_para(d, "从生态保护到生育支持：让人民群众奔着更好的日子去"));
  g_assert_true(has_para(d, "本报记者 杜鹏"));
  g_assert_true(has_para(d, "把舵定向开新篇"));
  g_assert_true(has_para(d, "退役军人最低1元可体检啦"));
  /* paragraphs that end without a sentence end */
  g_assert_nonnull(para_starting(d, "2014年6月，"));
  g_assert_nonnull(para_starting(d, "城乡统一的户口登记制度全面建立，"));
  g_assert_nonnull(para_starting(d, "江苏省新沂市"));
  g_assert_true(has_para(d, "一纸居住证，破解的是城乡二元结构，体现的是对新市民的接纳。"
                            "上虞区为新市民推出限价保障房、定点医疗机构跨省就医结算全覆盖、"
                            "全区65所中小学校“零门槛”入学……"));
  /* lines and the line map */
  p = para_starting(d, "本报讯（记者管淑颖");
  g_assert_cmpuint(p->line, ==, 2);
  g_assert_cmpuint(p->last_line, ==, 8);
  g_assert_cmpuint(p->n_lines, ==, 6);
  /* no paragraph glues a sentence end to a headline */
  for (guint i = 0; i < d->paras->len; i++)
    g_assert_null(strstr(((ZsPara *)d->paras->pdata[i])->text, "。我市开启"));
}

static void test_reflow_markdown(void) {
  g_autoptr(ZsDoc) d = norm_file("corpus/peoples-daily-2024-01-31.txt");
  /* paragraphs cut in the middle of a sentence are rejoined */
  const ZsPara *p = para_starting(d, "“这是归东特有的野生刺葡萄");
  g_assert_nonnull(strstr(p->text, "村党组织想干事业却“叫不动人”。"));
  g_assert_cmpuint(p->line, ==, 51);
  g_assert_cmpuint(p->last_line, ==, 53);
  g_assert_nonnull(strstr(para_starting(d, "天空微亮")->text, "政府相关部门"));
  g_assert_nonnull(strstr(para_starting(d, "“我们设置了")->text, "为保障爱心返乡专列"));
  /* headings: markers removed, flagged, a phrase space kept */
  p = para_starting(d, "依托当地特有资源");
  g_assert_cmpstr(p->text, ==, "依托当地特有资源 拓宽群众增收渠道");
  g_assert_true(p->markdown_heading);
  g_assert_true(has_para(d, "2024春运一线"));
  g_assert_true(has_para(d, "公安部用心用情开展定点帮扶——"));
  g_assert_true(has_para(d, "惠及居民897万户"));
  g_assert_true(has_para(d, "春节将至，外出人员纷纷返乡。"));
}

static const char *const own_paras[] = {
    "昨日，青石镇举办第五届荷花文化节，吸引游客约2.6万人次。活动现场设有非遗展示、农产品集市等12个展区。",
    "“今年的荷花开得特别好，我们一家专程赶来。”来自市区的游客张女士说。",
    "据介绍，青石镇荷花种植面积已达3800亩，带动周边农户增收1200余万元，PM2.5浓度为25微克/立方米。",
    "清晨六点，城东菜市场已经人声鼎沸。今年以来，城东街道对菜市场进行提升改造，新增摊位86个，安装智能电子秤200台。",
    "改造后的菜市场干净整洁，商户和居民都很满意。“以前下雨天地上全是泥，现在干干净净的。”居民刘大爷笑着说。",
    "下一步，街道将在辖区内再改造3个农贸市场，并推行线上预约配送服务，让老年人足不出户也能买到新鲜蔬菜。",
    "7月19日，河西县首条城乡公交环线正式开通，全长46.5公里，沿途设站32个。该线路票价2元，每天发车40班次！",
};

/* Wraps our own paragraphs into a column 12-16 wide (a page has one column
 * width, as a PDF page does; digits count half) with blank lines and
 * ideographic spaces, many times over: the paragraphs come back whole. */
static void test_reflow_generated(void) {
  GRand *r = g_rand_new_with_seed(3);
  for (guint round = 0; round < 40; round++) {
    GString *page = g_string_new(NULL), *want = g_string_new(NULL);
    double column = g_rand_int_range(r, 12, 17);
    for (guint i = 0; i < G_N_ELEMENTS(own_paras); i++) {
      const char *t = own_paras[g_rand_int_range(r, 0, G_N_ELEMENTS(own_paras))];
      g_string_append(want, t);
      double w = 0, target = column;
      for (const char *q = t; *q; q = g_utf8_next_char(q)) {
        gunichar c = g_utf8_get_char(q);
        g_string_append_unichar(page, c);
        w += c < 0x80 ? 0.5 : 1;
        if (c == 0xFF0C && g_rand_int_range(r, 0, 4) == 0) {
          g_string_append(page, "\u3000");
          w += 1;
        }
        if (w >= target && *g_utf8_next_char(q)) {
          g_string_append(page, g_rand_int_range(r, 0, 4) ? "\n" : "\n\n");
          w = 0;
        }
      }
      g_string_append(page, g_rand_boolean(r) ? "\n\n" : "\n");
    }
    g_autoptr(ZsDoc) d = norm_doc(page->str, NULL);
    g_autofree char *got = join_paras(d, "");
    if (strcmp(got, want->str) != 0)
      g_test_message("page:\n%s", page->str);
    g_assert_cmpstr(got, ==, want->str);
    /* every paragraph ends a sentence: none glued, none cut */
    for (guint i = 0; i < d->paras->len; i++) {
      const char *t = ((ZsPara *)d->paras->pdata[i])->text;
      g_assert_true(g_str_has_suffix(t, "。") || g_str_has_suffix(t, "！") ||
                    g_str_has_suffix(t, "”"));
    }
    g_string_free(page, TRUE);
    g_string_free(want, TRUE);
  }
  g_rand_free(r);
}

/* Normalized paragraphs, written one per line or with blank lines between,
 * normalize to themselves. */
static void idempotent_file(const char *path) {
  g_autoptr(ZsDoc) d = norm_file(path);
  const char *seps[] = {"\n", "\n\n"};
  for (guint s = 0; s < G_N_ELEMENTS(seps); s++) {
    g_autofree char *once = join_paras(d, seps[s]);
    g_autoptr(ZsDoc) d2 = norm_doc(once, NULL);
    g_autofree char *twice = join_paras(d2, seps[s]);
    g_assert_cmpstr(twice, ==, once);
  }
  for (guint i = 0; i < d->paras->len; i++) {
    const char *t = ((ZsPara *)d->paras->pdata[i])->text;
    g_autofree char *again = zs_norm_text(t, -1);
    if (!strchr(t, ' ')) /* phrase spaces are a paragraph-level rule */
      g_assert_cmpstr(again, ==, t);
  }
}

static void test_idempotent_corpus(void) {
  idempotent_file("corpus/puyang-daily-page.txt");
  idempotent_file("corpus/peoples-daily-2024-01-31.txt");
  idempotent_file("tests/data/layouts/wrapped-columns.txt");
  idempotent_file("tests/data/layouts/markdown-page.txt");
}

/* Feeding one byte at a time gives the same paragraphs as one buffer. */
static void test_stream_any_split(void) {
  g_autofree char *data = NULL;
  gsize len;
  g_assert_true(g_file_get_contents("corpus/puyang-daily-page.txt", &data, &len, NULL));
  g_autoptr(ZsDoc) whole = zs_norm_document("p", data, len, NULL);
  g_autoptr(ZsNormalizer) n = zs_norm_new("p");
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func((GDestroyNotify)zs_para_free);
  for (gsize i = 0; i < len; i++)
    zs_norm_feed(n, data + i, 1, out, NULL);
  zs_norm_finish(n, out, NULL);
  g_assert_cmpuint(out->len, ==, whole->paras->len);
  for (guint i = 0; i < out->len; i++) {
    const ZsPara *a = out->pdata[i], *b = whole->paras->pdata[i];
    g_assert_cmpstr(a->text, ==, b->text);
    g_assert_cmpuint(a->line, ==, b->line);
    g_assert_cmpuint(a->last_line, ==, b->last_line);
  }
}

/* A freed normalizer is kept for the next one on its thread
 * (normalize.c): one freed halfway through a page, lines held back and a
 * paragraph open, reads the next page as a new one does. */
static void test_stream_kept(void) {
  g_autofree char *first = NULL, *data = NULL;
  gsize first_len, len;
  g_assert_true(g_file_get_contents("corpus/peoples-daily-2024-01-31.txt", &first,
                                    &first_len, NULL));
  g_assert_true(g_file_get_contents("corpus/puyang-daily-page.txt", &data, &len, NULL));
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func((GDestroyNotify)zs_para_free);
  g_autoptr(GPtrArray) fresh_out =
      g_ptr_array_new_with_free_func((GDestroyNotify)zs_para_free);
  {
    g_autoptr(ZsNormalizer) a = zs_norm_new("a");
    zs_norm_feed(a, first, first_len / 2, out, NULL);
  }
  g_ptr_array_set_size(out, 0);
  g_autoptr(ZsNormalizer) kept = zs_norm_new("p");  /* the one freed above */
  g_autoptr(ZsNormalizer) fresh = zs_norm_new("p"); /* none is kept now */
  zs_norm_feed(kept, data, len, out, NULL);
  zs_norm_finish(kept, out, NULL);
  zs_norm_feed(fresh, data, len, fresh_out, NULL);
  zs_norm_finish(fresh, fresh_out, NULL);
  g_assert_cmpuint(out->len, ==, fresh_out->len);
  for (guint i = 0; i < out->len; i++) {
    const ZsPara *a = out->pdata[i], *b = fresh_out->pdata[i];
    g_assert_cmpstr(a->text, ==, b->text);
    g_assert_cmpuint(a->line, ==, b->line);
    g_assert_cmpuint(a->last_line, ==, b->last_line);
    g_assert_cmpuint(a->n_lines, ==, b->n_lines);
    g_assert_cmpint(a->markdown_heading, ==, b->markdown_heading);
    for (guint k = 0; a->line_offsets && k < a->n_lines; k++) {
      g_assert_cmpuint(a->line_offsets[k], ==, b->line_offsets[k]);
      g_assert_cmpuint(a->line_numbers[k], ==, b->line_numbers[k]);
    }
  }
}

/* A column page where a continuation line carries an indent (U+3000) in
 * the middle of a number: the indent goes with the line break. */
static void test_reflow_indent_mid_number(void) {
  GString *page = g_string_new(NULL);
  for (int i = 0; i < 12; i++)
    g_string_append(page, "这是一段用来确定栏宽的正文内容文\n");
  g_string_append(page, "全国医疗卫生机构总数达到107.\n\u3000\u30001万个，床位1017.4万张。\n");
  g_autoptr(ZsDoc) d = zs_norm_document("t", page->str, page->len, NULL);
  g_string_free(page, TRUE);
  gboolean found = FALSE;
  for (guint i = 0; i < d->paras->len; i++)
    found |= strstr(((ZsPara *)d->paras->pdata[i])->text, "总数达到107.1万个，床位") != NULL;
  g_assert_true(found);
}

int main(int argc, char **argv) {
  g_test_init(&argc, &argv, NULL);
  add_text_cases();
  g_test_add_func("/normalize/idempotent/generated", test_idempotent_generated);
  g_test_add_func("/normalize/reflow/indent-mid-number", test_reflow_indent_mid_number);
  g_test_add_func("/normalize/idempotent/corpus", test_idempotent_corpus);
  g_test_add_func("/normalize/bytes/invalid-utf8", test_bytes_invalid_utf8);
  g_test_add_func("/normalize/bytes/nul", test_bytes_nul);
  g_test_add_func("/normalize/bytes/line-ends-bom", test_bytes_line_ends);
  g_test_add_func("/normalize/bytes/random", test_bytes_random);
  g_test_add_func("/normalize/bytes/long-line", test_bytes_long_line);
  g_test_add_func("/normalize/name-byline", test_name_byline);
  g_test_add_func("/normalize/reflow/indent", test_reflow_indent);
  g_test_add_func("/normalize/bytes/long-line-memory", test_bytes_long_line_memory);
  g_test_add_func("/normalize/html", test_html);
  g_test_add_func("/normalize/reflow/pdf-page", test_reflow_pdf_page);
  g_test_add_func("/normalize/reflow/markdown", test_reflow_markdown);
  g_test_add_func("/normalize/reflow/generated", test_reflow_generated);
  g_test_add_func("/normalize/stream/any-split", test_stream_any_split);
  g_test_add_func("/normalize/stream/kept", test_stream_kept);
  int rc = g_test_run();
  g_ptr_array_unref(text_cases);
  return rc;
}
