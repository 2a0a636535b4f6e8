/* classify.c: what kind of paragraph a paragraph is (body, dateline,
 * headline-like short line, byline, marker, photo credit, ...), from its text
 * alone. The segmenter decides roles (headline, subtitle, subhead, body) from
 * these kinds and their order; the patterns of news furniture live here so
 * they can be read and extended in one place.
 */
#include "classify.h"

#include "utf8.h"

#include <stdlib.h>
#include <string.h>

#define SHORT_MAX_CHARS 40

static gboolean starts_with(const char *s, const char *prefix) {
  return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* ---- prefilters ----------------------------------------------------------
 * Most paragraphs and input lines are none of the furniture below, and a
 * GRegex call costs far more than a look at a character or two, so each
 * pattern is guarded by a literal test that holds for every string the
 * pattern can match (a needed first character, literal or ending): a string
 * that fails it is rejected without the regex. Keep each guard in step with
 * its pattern; test_classify checks them on the corpus. */

/* A letter, digit or CJK ideograph: in none of the patterns' leading
 * classes, and neither a space (\s) nor a line break. */
static inline gboolean is_word(gunichar c) {
  return c < 0x80 ? g_ascii_isalnum(c) : c >= 0x4E00 && c <= 0x9FFF;
}

/* Is the first character of t one of the characters of `set`? (UTF-8 is
 * self-synchronizing: a whole character's bytes occur in `set` only as that
 * character.) */
static gboolean first_in(const char *t, const char *set) {
  if (!*t)
    return FALSE;
  char c[5] = {0};
  const char *p = t;
  zs_utf8_next(&p);
  memcpy(c, t, p - t);
  return strstr(set, c) != NULL;
}

/* Is the code point c a line break under any PCRE2 newline convention?
 * `$` also matches before a final line break. */
static inline gboolean is_break(gunichar c) {
  return (c >= 0x0A && c <= 0x0D) || c == 0x85 || c == 0x2028 || c == 0x2029;
}

/* A literal with its length, for the guards' lists of endings. */
typedef struct {
  const char *s;
  gsize n;
} Lit;
#define LIT(x) {x, sizeof(x) - 1}

/* Can `$` after one of `ends` match in t[0, n)? FALSE only when t ends in
 * none of them and not in a line break. */
static gboolean may_end_with(const char *t, gsize n, const Lit *ends, guint n_ends) {
  if (!n)
    return FALSE;
  /* a line break's last byte is one of these (U+0085 is C2 85, U+2028 and
   * U+2029 are E2 80 A8 and E2 80 A9) */
  guchar last = (guchar)t[n - 1];
  if (((last >= 0x0A && last <= 0x0D) || last == 0x85 || last == 0xA8 || last == 0xA9) &&
      is_break(g_utf8_get_char(g_utf8_find_prev_char(t, t + n))))
    return TRUE;
  for (guint i = 0; i < n_ends; i++) {
    gsize k = ends[i].n;
    if (n >= k && (guchar)ends[i].s[k - 1] == last && memcmp(t + n - k, ends[i].s, k) == 0)
      return TRUE;
  }
  return FALSE;
}

/* Does s[0, e) end a sentence? Read backwards in valid UTF-8 (without
 * NUL before e): a character starts at each byte that is not 10xxxxxx. */
static gboolean ends_sentence_n(const char *s, const char *e) {
  while (e > s) {
    do
      e--;
    while (e > s && ((guchar)*e & 0xC0) == 0x80);
    const char *p = e;
    gunichar c = zs_utf8_next(&p);
    if (!zs_class_is_closer(c))
      return zs_class_is_stop(c);
  }
  return FALSE;
}

gboolean zs_class_ends_sentence(const char *s) {
  return ends_sentence_n(s, s + strlen(s));
}

/* Does t[0, end) end a sentence? */
gboolean zs_class_ends_sentence_at(const char *t, const char *end) {
  return ends_sentence_n(t, end);
}

/* Clause punctuation: ，。！？；：、… */
static inline gboolean is_clause_punct(gunichar c) {
  return c == 0xFF0C || c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF1B ||
         c == 0xFF1A || c == 0x3001 || c == 0x2026;
}

/* The patterns of news furniture, on normalized text (no spaces between
 * Chinese characters, ASCII digits). Compiled once, read-only after. */
typedef struct {
  GRegex *dated;    /* 本报北京1月30日电, 新华社北京1月30日电, 中新网3月2日电 */
  GRegex *message;  /* 本报讯, 人民网讯, 央视网消息（新闻联播） */
  GRegex *meta;     /* 来源：…, 编辑：…, 原标题：…, 【字号 大 中 小】, 点击查看 */
  GRegex *datetime; /* 2024年03月06日08:12 |来源：… (the page's own date) */
  GRegex *endnote;  /* （责任编辑：王震、袁勃）, （完） */
  GRegex *names;    /* 李刚 黄惠萍 胡靖: a byline of names only */
  GRegex *byline;   /* 记者 王海 李娜, 记者：张三, 文/张明, 文·图/李四 */
  GRegex *caption;  /* 图为…。新华社记者 张三 摄: a photo caption with credit */
  GRegex *rule;     /* ------, ======, ***: a separator between articles */
  GRegex *site;     /* _新闻频道_央视网(cctv.com), -新华网: a page title's site */
  GRegex *lead;     /* 记者从…获悉: the opening of a news lead */
  GRegex *section;  /* 一、 （一） 第一部分 1. : a numbered section head */
} Patterns;

/* A news organization ends in one of these: 新华社 人民网 本报 央视网
 * 中央广播电视总台 …客户端. The place and the date follow it. */
#define ORG "(?:本报|[\\p{Han}A-Za-z]{0,12}?(?:社|网|报|台|客户端|新闻|在线))"
#define NUM "[0-9一二三四五六七八九十〇]{1,3}"

static void init_meta_first(void);

static gpointer compile_patterns(gpointer unused) {
  static Patterns pt;
  init_meta_first();
  GRegexCompileFlags f = zs_jit_enabled() ? G_REGEX_OPTIMIZE : 0;
  pt.dated = g_regex_new(
      "^" ORG "\\p{Han}{0,12}?" NUM "月" NUM "日(?:[0-9]{1,2}时)?电"
      "(?![力网话视影脑器池商子动站量费价源厂机气])",
      f, 0, NULL);
  pt.message = g_regex_new(
      "^(?:本报讯|" ORG "(?:讯|消息)(?:（[^（）]{1,20}）)?(?=[：（\\p{Han}]|$)"
      "|【[^【】，。]{2,24}(?:报道|讯|消息)[^【】，。]{0,16}】)",
      f, 0, NULL);
  pt.meta = g_regex_new(
      "^(?:[【\\[]?(?:来源|稿源|本文来源|文章来源|信息来源|出处|作者|文字|"
      "编辑|责任编辑|责编|编审|编校|审核|审校|审签|校对|终审|值班编辑|"
      "原标题|原题|发布时间|发布日期|发表时间|更新时间|时间|日期|字号|"
      "浏览次数|阅读次数|阅读量|点击数|点击量|点击率|浏览量|分享到|分享|"
      "标签|关键词|关键字|图片来源|视频来源|摄影)\\s*[:：】\\]]"
      "|【(?:字号|打印|关闭|纠错|收藏|我要纠错|打印本页|关闭窗口|大|中|小)"
      "|(?:小字号|大字号|默认字号|本文转自|转自|转载请注明|版权声明|免责声明|当前位置)"
      "|[^，。！？>＞»›]{1,20}\\s?[>＞»›]\\s?[^，。！？]{1,30}$"
      "|[·•▪]\\s*[^。！？]{0,40}$"
      "|(?:点击查看|点击进入|点击阅读|扫一扫|扫描二维码|打印本页|关闭窗口|"
      "返回顶部|返回首页|上一篇|下一篇|相关新闻|相关阅读|相关报道|推荐阅读|"
      "热点推荐|热门推荐|网友评论|我要评论|(?:分享|转发)到)"
      "|(?:打印|关闭|收藏|分享|纠错|举报)(?:\\s*\\|?\\s*(?:打印|关闭|收藏|分享|纠错|举报|微信|微博))+$)",
      f, 0, NULL);
  pt.datetime = g_regex_new(
      "^(?:[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日|[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2})"
      "(?:\\s*[0-9]{1,2}[:：][0-9]{2}(?:[:：][0-9]{2})?)?"
      "\\s?(?:星期[一二三四五六日天]|周[一二三四五六日])?"
      "(?=$|[\\s|｜丨]|来源|作者|编辑|浏览|字号)",
      f, 0, NULL);
  pt.endnote = g_regex_new(
      "^(?:【[^】]{1,8}】\\s*)*[（(【\\[［〔](?:完|全文完|责任编辑|责编|编辑|审核|校对|终审|值班编辑|编审|"
      "本文来源|来源|作者|文|图|撰稿|采写|编译)[^（）()【】\\[\\]［］〔〕。]{0,40}[）)】\\]］〕]$",
      f, 0, NULL);
  pt.names = g_regex_new("^\\p{Han}{2,3}(?: \\p{Han}{2,3}){2,5}$", f, 0, NULL);
  pt.byline = g_regex_new(
      "^(?:本报|新华社|本台)?(?:特约记者|见习记者|记者|通讯员|实习生|撰文|"
      "作者|文字|文图|图文|文|图|摄影|摄)(?:[：:/／· ]|\\s*[/／]\\s*)"
      "\\p{Han}{2,4}(?:[ 、，,]\\p{Han}{2,4}){0,5}$",
      f, 0, NULL);
  pt.caption = g_regex_new(
      "^图为|[。！？”][（(]?(?:[^。！？，]{0,24}(?:记者|通讯员))?[^。！？，]{0,16}"
      "(?:摄|摄影|供图)[）)]?$",
      f, 0, NULL);
  pt.rule = g_regex_new("^[-=*_~#—─━·•●◆◇■□★☆+<>\\s]{3,}$", f, 0, NULL);
  pt.site = g_regex_new(
      "(?:\\s?[_｜|\\-－—]\\s?[\\p{Han}A-Za-z0-9·]{1,14}?"
      "(?:网|频道|客户端|在线|日报|晚报|时报|新闻|电视台)"
      "(?:[(（][A-Za-z0-9.]{2,24}[)）])?)+$",
      f, 0, NULL);
  pt.lead = g_regex_new(
      "^(?:本报)?记者(?:[0-9]{1,2}日|近日|日前|今天|昨天|近期|今年以来)?"
      "(?:从|在|自)[^。，；]{1,30}?(?:获悉|了解到|获知)",
      f, 0, NULL);
  pt.section = g_regex_new(
      "^(?:[一二三四五六七八九十]{1,3}[、．.]|（[一二三四五六七八九十]{1,3}）|"
      "第[一二三四五六七八九十]{1,3}(?:章|节|部分)|[0-9]{1,2}[、．.](?![0-9]))",
      f, 0, NULL);
  /* constant patterns: one that does not compile is a bug, found by any
   * test run */
  GRegex **all = (GRegex **)(void *)&pt;
  for (gsize i = 0; i < sizeof pt / sizeof(GRegex *); i++)
    if (!all[i])
      g_error("classify.c: pattern %" G_GSIZE_FORMAT " does not compile", i);
  return &pt;
}

static const Patterns *patterns(void) {
  static GOnce once = G_ONCE_INIT;
  return g_once(&once, compile_patterns, NULL);
}

/* The guards (see "prefilters" above), one per pattern: FALSE only when the
 * pattern cannot match t (NUL-terminated; n is its length where a guard
 * reads the end, else 0). */
typedef gboolean (*Guard)(const char *t, gsize n);

/* Does the literal `lit` start in the first `max` bytes of t? memchr()
 * finds each occurrence of its last byte, then the rest is compared:
 * cheaper than a general search over the whole (long) text. */
static gboolean starts_within(const char *t, const char *lit, gsize max) {
  gsize k = strlen(lit);
  const char *end = t + strnlen(t, max + k - 1);
  for (const char *p = t + k - 1; p < end; p++) {
    p = memchr(p, lit[k - 1], end - p);
    if (!p)
      return FALSE;
    if (memcmp(p - (k - 1), lit, k - 1) == 0)
      return TRUE;
  }
  return FALSE;
}

/* A match of `dated` or `message` is anchored at the start and made of
 * characters of at most 4 bytes, so its literals start within a bounded
 * prefix; only that prefix of a long body paragraph is read. dated: ORG is
 * at most 15 characters (12 and 客户端), then at most 12 + 3 before 月 and
 * 1 + 3 + 1 + 3 more before 电: 月 and 电 are among the first 39
 * characters. message: 讯 or 消息 follows ORG (or is 本报讯's), among the
 * first 16 characters. */
#define DATED_BYTES (39 * 4)
#define MESSAGE_BYTES (16 * 4)

/* Both patterns but message's 【…】 form start with ORG: 本报, or up to
 * 12 ideographs or Latin letters and then 社 网 报 台 客(户端) 新(闻) or
 * 在(线). So one of those seven characters is among the first 13, with
 * only letters and ideographs before it; most body paragraphs fail this at
 * their first mark or digit, before the literals are searched. A character
 * counts as an ideograph unless it is ASCII or surely not one (general
 * punctuation, CJK marks 、。, full-width forms). */
static gboolean may_start_with_org(const char *t) {
  const char *p = t;
  for (guint i = 0; i < 13 && *p; i++) {
    gunichar c = zs_utf8_next(&p);
    if (c >= 0x4E00 && c <= 0x9FFF) {
      switch (c) {
      case 0x793E: case 0x7F51: case 0x62A5: case 0x53F0: /* 社网报台 */
      case 0x5BA2: case 0x65B0: case 0x5728:              /* 客新在 */
        return TRUE;
      default:
        continue;
      }
    }
    if (c < 0x80 ? !g_ascii_isalpha(c)
                 : (c >= 0x2000 && c <= 0x206F) || (c >= 0x3000 && c <= 0x3004) ||
                       (c >= 0xFF00 && c <= 0xFFEF))
      return FALSE;
  }
  return FALSE;
}

/* dated: ORG…月…日…电 */
static gboolean may_be_dated(const char *t, gsize n) {
  return may_start_with_org(t) && starts_within(t, "电", DATED_BYTES) &&
         starts_within(t, "月", DATED_BYTES);
}

/* message: 本报讯, ORG讯, ORG消息, 【…报道|讯|消息…】 */
static gboolean may_be_message(const char *t, gsize n) {
  return starts_with(t, "【") ||
         (may_start_with_org(t) &&
          (starts_within(t, "讯", MESSAGE_BYTES) || starts_within(t, "消息", MESSAGE_BYTES)));
}

/* meta: a breadcrumb (首页 > 新闻) has one of >＞»› somewhere (the arrow
 * at p?); the other branches start with 【 or [ (then a label), a bullet,
 * or one of the words below: the labels, notices, links and buttons of the
 * pattern, in its order (meta_start()). */
static inline gboolean is_arrow(const guchar *p) {
  return p[0] == '>' || (p[0] == 0xC2 && p[1] == 0xBB) ||
         (p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0xBA) ||
         (p[0] == 0xEF && p[1] == 0xBC && p[2] == 0x9E);
}

/* The first characters of meta_start()'s words, all CJK ideographs of
 * U+4E00..U+9FFF, as one bit each (compile_patterns() fills it): a quick
 * test before the words. */
#define META_FIRST_LO 0x4E00
#define META_FIRST_HI 0x9FFF
static guint8 meta_first[(META_FIRST_HI - META_FIRST_LO) / 8 + 1];

static inline gboolean is_meta_first(gunichar c) {
  if (c < META_FIRST_LO || c > META_FIRST_HI)
    return FALSE;
  c -= META_FIRST_LO;
  return meta_first[c / 8] >> (c % 8) & 1;
}

/* meta_start()'s words: the labels, notices, links and buttons of the
 * meta pattern, in its order. */
static const char *const meta_words[] = {
    "来源", "稿源", "本文来源", "文章来源", "信息来源", "出处", "作者", "文字", "编辑",
    "责任编辑", "责编", "编审", "编校", "审核", "审校", "审签", "校对", "终审", "值班编辑",
    "原标题", "原题", "发布时间", "发布日期", "发表时间", "更新时间", "时间", "日期", "字号",
    "浏览次数", "阅读次数", "阅读量", "点击数", "点击量", "点击率", "浏览量", "分享到",
    "分享", "标签", "关键词", "关键字", "图片来源", "视频来源", "摄影",
    "小字号", "大字号", "默认字号", "本文转自", "转自", "转载请注明", "版权声明",
    "免责声明", "当前位置",
    "点击查看", "点击进入", "点击阅读", "扫一扫", "扫描二维码", "打印本页", "关闭窗口",
    "返回顶部", "返回首页", "上一篇", "下一篇", "相关新闻", "相关阅读", "相关报道",
    "推荐阅读", "热点推荐", "热门推荐", "网友评论", "我要评论", "分享到", "转发到",
    "打印", "关闭", "收藏", "分享", "纠错", "举报"};

/* The first two characters (six bytes) of each word, as one number: a
 * line is compared with a word only where both start alike. */
static guint64 meta_heads[G_N_ELEMENTS(meta_words)];

static guint64 head6(const char *t) {
  guint64 h = 0;
  memcpy(&h, t, 6);
  return h;
}

static void init_meta_first(void) {
  static const char first[] =
      "来稿本文信出作编责审校终值原发更时日字浏阅点分标关图视摄"
      "小大默转版免当扫打返上下相推热网我收纠举";
  for (const char *p = first; *p;) {
    gunichar c = zs_utf8_next(&p);
    g_assert(c >= META_FIRST_LO && c <= META_FIRST_HI);
    c -= META_FIRST_LO;
    meta_first[c / 8] |= (guint8)(1u << (c % 8));
  }
  for (guint i = 0; i < G_N_ELEMENTS(meta_words); i++) {
    g_assert(strlen(meta_words[i]) >= 6); /* two ideographs at least */
    meta_heads[i] = head6(meta_words[i]);
  }
}

static gboolean meta_start(const char *t) {
  if (!*t)
    return FALSE;
  const char *p = t;
  gunichar c = zs_utf8_next(&p);
  /* 【 [ · • ▪ */
  if (c == 0x3010 || c == '[' || c == 0xB7 || c == 0x2022 || c == 0x25AA)
    return TRUE;
  patterns(); /* fills meta_first and meta_heads */
  /* every word starts with two ideographs (six bytes) */
  if (!is_meta_first(c) || strnlen(t, 6) < 6)
    return FALSE;
  guint64 h = head6(t);
  for (guint i = 0; i < G_N_ELEMENTS(meta_words); i++)
    if (meta_heads[i] == h && starts_with(t, meta_words[i]))
      return TRUE;
  return FALSE;
}

static gboolean may_be_meta(const char *t, gsize n) {
  for (const char *p = t; *p; p = g_utf8_next_char(p))
    if (is_arrow((const guchar *)p))
      return TRUE;
  return meta_start(t);
}

/* datetime: a year in ASCII digits first */
static gboolean may_be_datetime(const char *t, gsize n) {
  return g_ascii_isdigit(*t);
}

/* endnote: an opening bracket first, a closing one last */
static gboolean may_be_endnote(const char *t, gsize n) {
  static const Lit closers[] = {LIT("）"), LIT(")"), LIT("】"), LIT("]"), LIT("］"), LIT("〕")};
  return n && first_in(t, "【（([［〔") && may_end_with(t, n, closers, G_N_ELEMENTS(closers));
}

/* names: a space between them */
static gboolean may_be_names(const char *t, gsize n) {
  return strchr(t, ' ') != NULL;
}

/* byline: 本报, 新华社, 本台 or a role word first */
static gboolean may_be_byline(const char *t, gsize n) {
  return first_in(t, "本新特见记通实撰作文图摄");
}

/* caption: 图为…, or a credit last (…摄, …摄影）, …供图) */
static gboolean may_be_caption(const char *t, gsize n) {
  static const Lit ends[] = {LIT("摄"),   LIT("摄影"),   LIT("供图"),
                             LIT("摄）"), LIT("摄影）"), LIT("供图）"),
                             LIT("摄)"),  LIT("摄影)"),  LIT("供图)")};
  return starts_with(t, "图为") || may_end_with(t, n, ends, G_N_ELEMENTS(ends));
}

/* rule: a run of marks and spaces; no letter, digit or ideograph first */
static gboolean may_be_rule(const char *t, gsize n) {
  const char *p = t;
  return !*t || !is_word(zs_utf8_next(&p));
}

/* site: a site word last (…网, …频道, …客户端, …新闻), or its (domain) */
static gboolean may_be_site(const char *t, gsize n) {
  static const Lit ends[] = {LIT("网"), LIT("道"), LIT("端"), LIT("线"), LIT("报"),
                             LIT("闻"), LIT("台"), LIT(")"),  LIT("）")};
  return may_end_with(t, n, ends, G_N_ELEMENTS(ends));
}

/* lead: 记者 or 本报记者 first */
static gboolean may_be_lead(const char *t, gsize n) {
  return starts_with(t, "记者") || starts_with(t, "本报记者");
}

/* section: a numeral, （ or 第 first */
static gboolean may_be_section(const char *t, gsize n) {
  return g_ascii_isdigit(*t) || first_in(t, "一二三四五六七八九十（第");
}

static const struct {
  gsize offset; /* of the GRegex * in Patterns */
  Guard may;
} guards[] = {
    {G_STRUCT_OFFSET(Patterns, dated), may_be_dated},
    {G_STRUCT_OFFSET(Patterns, message), may_be_message},
    {G_STRUCT_OFFSET(Patterns, meta), may_be_meta},
    {G_STRUCT_OFFSET(Patterns, datetime), may_be_datetime},
    {G_STRUCT_OFFSET(Patterns, endnote), may_be_endnote},
    {G_STRUCT_OFFSET(Patterns, names), may_be_names},
    {G_STRUCT_OFFSET(Patterns, byline), may_be_byline},
    {G_STRUCT_OFFSET(Patterns, caption), may_be_caption},
    {G_STRUCT_OFFSET(Patterns, rule), may_be_rule},
    {G_STRUCT_OFFSET(Patterns, site), may_be_site},
    {G_STRUCT_OFFSET(Patterns, lead), may_be_lead},
    {G_STRUCT_OFFSET(Patterns, section), may_be_section},
};

int zs_class_guard_fails(const char *t) {
  const Patterns *pt = patterns();
  G_STATIC_ASSERT(G_N_ELEMENTS(guards) == sizeof(Patterns) / sizeof(GRegex *));
  for (guint i = 0; i < G_N_ELEMENTS(guards); i++) {
    const GRegex *re = *(GRegex *const *)(const void *)((const char *)pt + guards[i].offset);
    if (g_regex_match(re, t, 0, NULL) && !guards[i].may(t, strlen(t)))
      return (int)i;
  }
  return -1;
}

/* Length of the match of `re` at the start of s[0, len) (len -1: up to the
 * NUL), 0 if none. */
static gsize match_len_n(const GRegex *re, const char *s, gssize len) {
  g_autoptr(GMatchInfo) mi = NULL;
  if (!re || !g_regex_match_full(re, s, len, 0, 0, &mi, NULL))
    return 0;
  int start, end;
  if (!g_match_info_fetch_pos(mi, 0, &start, &end) || start != 0)
    return 0;
  return (gsize)end;
}

static gsize match_len(const GRegex *re, const char *s) {
  return match_len_n(re, s, -1);
}

/* Length of a leading dateline, 0 if none: 本报讯, 本报北京1月30日电,
 * 新华社北京1月30日电, 中新网3月2日电, 央视网消息（新闻联播）. No
 * punctuation comes before it, so the scan stops at the first clause
 * mark. */
gsize zs_class_dateline_len(const char *s) {
  const Patterns *pt = patterns();
  gsize n = 0;
  if (!starts_with(s, "【") && !may_start_with_org(s))
    return 0; /* the guards below, but the ORG test once */
  if (may_be_dated(s, 0))
    n = match_len(pt->dated, s);
  if (!n && may_be_message(s, 0))
    n = match_len(pt->message, s);
  return n;
}

static gsize datetime_len(const char *t) {
  return may_be_datetime(t, 0) ? match_len(patterns()->datetime, t) : 0;
}

/* In meta's breadcrumb branch the arrow follows 1 to 20 characters and an
 * optional space: it starts among the first 22 characters, in the first
 * 84 bytes, so its last byte is among the first 88. */
#define ARROW_LAST_BYTES 88

/* Has t one of may_be_meta()'s arrows where the breadcrumb branch can
 * have it? strpbrk() finds their last bytes (> » › ＞ end in 3E BB BA 9E),
 * then the bytes before are compared. */
static gboolean has_arrow(const char *t) {
  for (const char *p = t; (p = strpbrk(p, ">\xBB\xBA\x9E")) && p - t < ARROW_LAST_BYTES; p++) {
    gsize at = (gsize)(p - t);
    guchar b = (guchar)*p;
    if (b == '>' || (b == 0xBB && at >= 1 && is_arrow((const guchar *)p - 1)) ||
        (b != 0xBB && at >= 2 && is_arrow((const guchar *)p - 2)))
      return TRUE;
  }
  return FALSE;
}

/* zs_class_is_meta() on a line known to be at most 80 characters. */
static gboolean is_short_meta(const char *t) {
  const Patterns *pt = patterns();
  if ((meta_start(t) || has_arrow(t)) && match_len(pt->meta, t))
    return TRUE;
  /* the page's own date and time, alone or with the source */
  return datetime_len(t) && !strstr(t, "，") && !strstr(t, "。");
}

gboolean zs_class_is_meta(const char *t) {
  gsize len = strnlen(t, 321);
  if (len > 320) /* over 80 characters of at most 4 bytes */
    return FALSE;
  if (len > 80) { /* else at most 80 characters without counting */
    glong chars = 0;
    for (const char *p = t; *p; p = g_utf8_next_char(p))
      if (++chars > 80)
        return FALSE;
  }
  return is_short_meta(t);
}

gboolean zs_class_is_date(const char *t) {
  gsize n = datetime_len(t);
  return n && !t[n + strspn(t + n, " ")];
}

gboolean zs_class_is_lead(const char *t) {
  return may_be_lead(t, 0) && g_regex_match(patterns()->lead, t, 0, NULL);
}

gsize zs_class_site_suffix(const char *t) {
  g_autoptr(GMatchInfo) mi = NULL;
  if (!may_be_site(t, strlen(t)) || !g_regex_match(patterns()->site, t, 0, &mi))
    return 0;
  int start, end;
  if (!g_match_info_fetch_pos(mi, 0, &start, &end))
    return 0;
  /* a headline stays: at least four characters before it */
  return g_utf8_strlen(t, start) >= 4 ? (gsize)(end - start) : 0;
}

gboolean zs_class_is_endnote(const char *t, gsize len) {
  return may_be_endnote(t, len) && match_len_n(patterns()->endnote, t, len) == len;
}

/* Length of a leading "（…）" of at most `max` characters, 0 if none. */
gsize zs_class_paren_len(const char *s, guint max) {
  if (!starts_with(s, "（"))
    return 0;
  guint n = 0;
  for (const char *p = s + strlen("（"); *p && n < max;
       p = g_utf8_next_char(p), n++) {
    if (starts_with(p, "（"))
      return 0;
    if (starts_with(p, "）"))
      return (p - s) + strlen("）");
  }
  return 0;
}

gboolean zs_class_byline_paren(const char *s, gsize len) {
  g_autofree char *t = g_strndup(s, len);
  return strstr(t, "记者") || strstr(t, "通讯员") || strstr(t, "特约");
}

gsize zs_class_continuation_len(const char *s) {
  if (!starts_with(s, "（")) /* what the three words below start with */
    return 0;
  if (starts_with(s, "（上接") || starts_with(s, "（接上") ||
      starts_with(s, "（紧接"))
    return zs_class_paren_len(s, 12);
  return 0;
}

/* A photo credit: 叶传增 徐锐摄影报道, 本报记者 张三摄, （新华社发）. */
/* t[0, n) ends in lit. */
static gboolean ends_in(const char *t, gsize n, const Lit *lit) {
  return n >= lit->n && memcmp(t + n - lit->n, lit->s, lit->n) == 0;
}

static gboolean is_credit(const char *t, gsize n) {
  static const Lit ends[] = {LIT("摄"),   LIT("摄影"), LIT("摄影报道"),
                             LIT("供图"), LIT("制图"), LIT("新华社发")};
  static const Lit close = LIT("）");
  if (starts_with(t, "（") && ends_in(t, n, &close)) /* （…摄）: the credit before ） */
    n -= close.n;
  for (guint i = 0; i < G_N_ELEMENTS(ends); i++)
    if (ends_in(t, n, &ends[i]))
      return TRUE;
  return FALSE;
}

/* A sentence, then a closing note: 。（完）, 。（记者 X）. */
static gboolean ends_with_note(const char *t, gsize n) {
  static const Lit close = LIT("）");
  if (!ends_in(t, n, &close)) /* else no "（…）" can end t */
    return FALSE;
  const char *lp = g_strrstr_len(t, n, "（");
  if (!lp || lp == t || zs_class_paren_len(lp, 40) != (gsize)(t + n - lp))
    return FALSE;
  return zs_class_ends_sentence_at(t, lp);
}

/* The characters of valid UTF-8 s[0, len): its bytes less its
 * continuation bytes (10xxxxxx), eight bytes at a time: each byte of `acc`
 * counts its lane, and the lanes are summed (by a multiply, into the top
 * byte) before their sum can reach 256, every 31 laps. */
static gsize utf8_chars(const char *s, gsize len) {
  const guint64 high = G_GUINT64_CONSTANT(0x8080808080808080);
  const guint64 ones = G_GUINT64_CONSTANT(0x0101010101010101);
  gsize cont = 0, i = 0;
  guint64 acc = 0;
  for (guint lap = 0; i + 8 <= len; i += 8) {
    guint64 x;
    memcpy(&x, s + i, 8);
    /* bit 7 of a byte set, bit 6 (shifted up into bit 7) clear */
    acc += (x & ~(x << 1) & high) >> 7;
    if (++lap == 31) {
      cont += (gsize)((acc * ones) >> 56);
      acc = 0;
      lap = 0;
    }
  }
  cont += (gsize)((acc * ones) >> 56);
  for (; i < len; i++)
    cont += ((guchar)s[i] & 0xC0) == 0x80;
  return len - cont;
}

/* Has t[0, len) at most `max` characters? A character takes 1 to 4
 * bytes, so the length alone tells outside [max, 4 * max]; else the
 * characters are counted, once: *n holds the count, -1 until then. */
static gboolean chars_at_most(const char *t, gsize len, glong *n, gsize max) {
  if (len <= max)
    return TRUE;
  if (len > 4 * max)
    return FALSE;
  if (*n < 0)
    *n = (glong)utf8_chars(t, len);
  return *n <= (glong)max;
}

ZsParaKind zs_class_para(const ZsPara *p) {
  const char *t = p->text;
  gsize len = strlen(t);
  glong n = -1; /* characters, counted only if a test needs them */
  gunichar c0 = zs_utf8_at(t);
  if (p->markdown_heading)
    return ZS_PK_HEADING;
  if (zs_class_dateline_len(t))
    return ZS_PK_DATELINE;
  if (zs_class_continuation_len(t))
    return ZS_PK_CONT;
  if (may_be_rule(t, 0) && g_regex_match(patterns()->rule, t, 0, NULL))
    return ZS_PK_END;
  if ((c0 >= 0x25A0 && c0 <= 0x25FF) || c0 == 0x2605 || c0 == 0x2606)
    return ZS_PK_MARKER;
  if (zs_class_is_endnote(t, len))
    return ZS_PK_END;
  /* zs_class_is_meta() on at most 80 characters */
  if (chars_at_most(t, len, &n, 80) && is_short_meta(t))
    return ZS_PK_META;
  if (chars_at_most(t, len, &n, 30) && !strstr(t, "。") && !strstr(t, "，") && is_credit(t, len))
    return ZS_PK_CREDIT;
  /* a caption with its credit in one paragraph, or a 图为 caption */
  if (may_be_caption(t, len) && chars_at_most(t, len, &n, 150) &&
      g_regex_match(patterns()->caption, t, 0, NULL))
    return ZS_PK_CAPTION;
  if (chars_at_most(t, len, &n, SHORT_MAX_CHARS) && !strstr(t, "。") &&
      (starts_with(t, "本报记者") || starts_with(t, "本报通讯员") ||
       starts_with(t, "本报特约")))
    return ZS_PK_BYLINE;
  gsize pl = zs_class_paren_len(t, 60);
  if (pl && pl == len && zs_class_byline_paren(t, pl))
    return ZS_PK_BYLINE;
  /* three or more names, one space apart (the normalizer's form), or
   * names after a role: 记者 王海 李娜, 文/张明 */
  if ((may_be_names(t, 0) && match_len(patterns()->names, t)) ||
      (may_be_byline(t, 0) && match_len(patterns()->byline, t)))
    return ZS_PK_BYLINE;
  gboolean ends = ends_sentence_n(t, t + len) || ends_with_note(t, len);
  gboolean short_line = !ends && chars_at_most(t, len, &n, SHORT_MAX_CHARS);
  if (short_line && may_be_section(t, 0) && match_len(patterns()->section, t))
    return ZS_PK_SECTION;
  if (short_line)
    return ZS_PK_SHORT;
  return ZS_PK_BODY;
}

/* A short line that can be (part of) a headline: no punctuation but quotes
 * and book-title marks, not a dash-led subtitle, not a dash-ended kicker. */
gboolean zs_class_headline_like(ZsParaKind kind, const char *t) {
  if (kind != ZS_PK_SHORT)
    return FALSE;
  /* A headline is written in words: at least two Chinese characters, and
   * never the U+FFFD of bytes that could not be read. */
  guint han = 0;
  /* the loop also finds clause punctuation (one of clause_punct[]): in
   * valid UTF-8 a character's bytes occur only as that character, so this
   * is what a strstr() for each would find */
  gboolean clause = FALSE;
  for (const char *p = t; *p;) {
    gunichar c = zs_utf8_next(&p);
    if (c == 0xFFFD)
      return FALSE;
    /* the ideographs of Unicode 1.1 are Han without asking GLib's tables */
    if (c >= 0x4E00 && c <= 0x9FA5)
      han++;
    else if (is_clause_punct(c))
      clause = TRUE;
    else
      han += g_unichar_get_script(c) == G_UNICODE_SCRIPT_HAN;
  }
  if (han < 2)
    return FALSE;
  /* a quotation as a headline: 「节后不用远离家乡，父母娃娃都高兴」 */
  if ((g_str_has_prefix(t, "「") && g_str_has_suffix(t, "」")) ||
      (g_str_has_prefix(t, "“") && g_str_has_suffix(t, "”")))
    return !strstr(t, "。") && !strstr(t, "」「") && !strstr(t, "”“");
  if (clause)
    return FALSE;
  if (zs_class_is_dash(g_utf8_get_char(t)))
    return FALSE;
  gsize n = strlen(t);
  if (n >= 3 && zs_class_is_dash(g_utf8_get_char(g_utf8_find_prev_char(t, t + n))))
    return FALSE;
  return TRUE;
}

gboolean zs_class_subtitle_like(ZsParaKind kind, const char *t) {
  return kind == ZS_PK_SHORT && zs_class_is_dash(g_utf8_get_char(t));
}

const char *zs_class_strip_dashes(const char *t) {
  while (*t && zs_class_is_dash(g_utf8_get_char(t)))
    t = g_utf8_next_char(t);
  return t;
}

gboolean zs_class_ends_dashes(const char *t) {
  gsize n = strlen(t);
  return n >= 3 && zs_class_is_dash(g_utf8_get_char(g_utf8_find_prev_char(t, t + n)));
}
