/* classify.c: what kind of paragraph a paragraph is (body, dateline,
 * headline-like short line, byline, marker, photo credit, ...), from its text
 * alone. The segmenter decides roles (headline, subtitle, subhead, body) from
 * these kinds and their order; the patterns of news furniture live here so
 * they can be read and extended in one place. Each pattern has a cheap
 * literal guard that runs first (classify_guard.c).
 */
#include "classify.h"

#include "classify_guard.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#define SHORT_MAX_CHARS 40

/* Does s[0, e) end a sentence? Read backwards in valid UTF-8 (without
 * NUL before e): a character starts at each byte that is not 10xxxxxx. */
static gboolean ends_sentence_n(const char *s, const char *e) {
  /* most body paragraphs end in 。 (E3 80 82; E3 only leads), a stop and
   * no closer: told by its bytes, not decoded */
  if (e - s >= 3 && (guchar)e[-1] == 0x82 && (guchar)e[-2] == 0x80 && (guchar)e[-3] == 0xE3)
    return TRUE;
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

static gpointer compile_patterns(gpointer unused) {
  static Patterns pt;
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

/* The guards (classify_guard.c), one per pattern: FALSE only when the
 * pattern cannot match t (NUL-terminated; n is its length where a guard
 * reads the end, else 0). */
typedef gboolean (*Guard)(const char *t, gsize n);

static const struct {
  gsize offset; /* of the GRegex * in Patterns */
  Guard may;
} guards[] = {
    {G_STRUCT_OFFSET(Patterns, dated), zs_class_may_be_dated},
    {G_STRUCT_OFFSET(Patterns, message), zs_class_may_be_message},
    {G_STRUCT_OFFSET(Patterns, meta), zs_class_may_be_meta},
    {G_STRUCT_OFFSET(Patterns, datetime), zs_class_may_be_datetime},
    {G_STRUCT_OFFSET(Patterns, endnote), zs_class_may_be_endnote},
    {G_STRUCT_OFFSET(Patterns, names), zs_class_may_be_names},
    {G_STRUCT_OFFSET(Patterns, byline), zs_class_may_be_byline},
    {G_STRUCT_OFFSET(Patterns, caption), zs_class_may_be_caption},
    {G_STRUCT_OFFSET(Patterns, rule), zs_class_may_be_rule},
    {G_STRUCT_OFFSET(Patterns, site), zs_class_may_be_site},
    {G_STRUCT_OFFSET(Patterns, lead), zs_class_may_be_lead},
    {G_STRUCT_OFFSET(Patterns, section), zs_class_may_be_section},
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
  /* zs_class_may_be_dated() and _message(), with the ORG test run once */
  gboolean bracket = zs_class_starts_with(s, "【");
  gboolean org = zs_class_may_start_with_org(s);
  if (!bracket && !org)
    return 0;
  if (org && zs_class_dated_literals(s))
    n = match_len(pt->dated, s);
  if (!n && (bracket || (org && zs_class_message_literals(s))))
    n = match_len(pt->message, s);
  return n;
}

static gsize datetime_len(const char *t) {
  return zs_class_may_be_datetime(t, 0) ? match_len(patterns()->datetime, t) : 0;
}

/* zs_class_is_meta() on a line t of len bytes known to be at most 80
 * characters. */
static gboolean is_short_meta(const char *t, gsize len) {
  const Patterns *pt = patterns();
  if ((zs_class_meta_start(t) || zs_class_may_be_breadcrumb(t, len)) && match_len(pt->meta, t))
    return TRUE;
  /* the page's own date and time, alone or with the source */
  return datetime_len(t) && !strstr(t, "，") && !strstr(t, "。");
}

static gboolean chars_at_most(const char *t, gsize len, glong *n, gsize max);

gboolean zs_class_is_meta(const char *t) {
  /* more than 320 bytes are over 80 characters of at most 4 bytes */
  gsize len = strnlen(t, 321);
  glong n = -1;
  return len <= 320 && chars_at_most(t, len, &n, 80) && is_short_meta(t, len);
}

gboolean zs_class_is_date(const char *t) {
  gsize n = datetime_len(t);
  return n && !t[n + strspn(t + n, " ")];
}

gboolean zs_class_is_lead(const char *t) {
  return zs_class_may_be_lead(t, 0) && g_regex_match(patterns()->lead, t, 0, NULL);
}

gsize zs_class_site_suffix(const char *t) {
  g_autoptr(GMatchInfo) mi = NULL;
  if (!zs_class_may_be_site(t, strlen(t)) || !g_regex_match(patterns()->site, t, 0, &mi))
    return 0;
  int start, end;
  if (!g_match_info_fetch_pos(mi, 0, &start, &end))
    return 0;
  /* a headline stays: at least four characters before it */
  return g_utf8_strlen(t, start) >= 4 ? (gsize)(end - start) : 0;
}

gboolean zs_class_is_endnote(const char *t, gsize len) {
  return zs_class_may_be_endnote(t, len) && match_len_n(patterns()->endnote, t, len) == len;
}

/* Length of a leading "（…）" of at most `max` characters, 0 if none. */
gsize zs_class_paren_len(const char *s, guint max) {
  if (!zs_class_starts_with(s, "（"))
    return 0;
  guint n = 0;
  for (const char *p = s + strlen("（"); *p && n < max;
       p = g_utf8_next_char(p), n++) {
    if (zs_class_starts_with(p, "（"))
      return 0;
    if (zs_class_starts_with(p, "）"))
      return (p - s) + strlen("）");
  }
  return 0;
}

gboolean zs_class_byline_paren(const char *s, gsize len) {
  /* searched in place (text holds no NUL), not in a copy */
  return memmem(s, len, "记者", strlen("记者")) || memmem(s, len, "通讯员", strlen("通讯员")) ||
         memmem(s, len, "特约", strlen("特约"));
}

gsize zs_class_continuation_len(const char *s) {
  if (!zs_class_starts_with(s, "（")) /* what the three words below start with */
    return 0;
  if (zs_class_starts_with(s, "（上接") || zs_class_starts_with(s, "（接上") ||
      zs_class_starts_with(s, "（紧接"))
    return zs_class_paren_len(s, 12);
  return 0;
}

/* A photo credit: 叶传增 徐锐摄影报道, 本报记者 张三摄, （新华社发）. */
/* t[0, n) ends in lit. */
static gboolean ends_in(const char *t, gsize n, const ZsLit *lit) {
  /* the last byte first, inline: most texts end otherwise */
  return n >= lit->n && t[n - 1] == lit->s[lit->n - 1] &&
         memcmp(t + n - lit->n, lit->s, lit->n) == 0;
}

static gboolean is_credit(const char *t, gsize n) {
  static const ZsLit ends[] = {ZS_LIT("摄"),   ZS_LIT("摄影"), ZS_LIT("摄影报道"),
                             ZS_LIT("供图"), ZS_LIT("制图"), ZS_LIT("新华社发")};
  static const ZsLit close = ZS_LIT("）");
  if (zs_class_starts_with(t, "（") && ends_in(t, n, &close)) /* （…摄）: the credit before ） */
    n -= close.n;
  for (guint i = 0; i < G_N_ELEMENTS(ends); i++)
    if (ends_in(t, n, &ends[i]))
      return TRUE;
  return FALSE;
}

/* A sentence, then a closing note: 。（完）, 。（记者 X）. */
static gboolean ends_with_note(const char *t, gsize n) {
  static const ZsLit close = ZS_LIT("）");
  if (!ends_in(t, n, &close)) /* else no "（…）" can end t */
    return FALSE;
  const char *lp = g_strrstr_len(t, n, "（");
  if (!lp || lp == t || zs_class_paren_len(lp, 40) != (gsize)(t + n - lp))
    return FALSE;
  return zs_class_ends_sentence_at(t, lp);
}

/* The characters of valid UTF-8 s[0, len): its bytes less its
 * continuation bytes (10xxxxxx, below 0xC0 as signed bytes are below -64).
 * With SSE2 sixteen bytes at a time: each byte of `acc` counts its lane
 * (a comparison gives -1 where it holds), and the lanes are summed
 * (psadbw) before one can pass 255, every 255 laps. Else eight at a time
 * in a 64-bit word, summed every 31 laps. */
static gsize utf8_chars(const char *s, gsize len) {
  gsize cont = 0, i = 0;
#ifdef __SSE2__
  const __m128i below = _mm_set1_epi8((char)0xC0), zero = _mm_setzero_si128();
  while (i + 16 <= len) {
    __m128i acc = zero;
    for (guint lap = 0; lap < 255 && i + 16 <= len; lap++, i += 16)
      acc = _mm_sub_epi8(acc, _mm_cmplt_epi8(_mm_loadu_si128((const __m128i *)(s + i)), below));
    __m128i sum = _mm_sad_epu8(acc, zero); /* two lane sums, in bits 0..15 and 64..79 */
    cont += (gsize)_mm_cvtsi128_si32(sum) + (gsize)_mm_cvtsi128_si32(_mm_srli_si128(sum, 8));
  }
  if (i < len && len >= 16) {
    /* the last bytes in the sixteen that end at len, those before i
     * shifted out, rather than one at a time */
    unsigned m = (unsigned)_mm_movemask_epi8(
        _mm_cmplt_epi8(_mm_loadu_si128((const __m128i *)(s + len - 16)), below));
    cont += (gsize)__builtin_popcount(m >> (16 - (len - i)));
    i = len;
  }
#else
  const guint64 high = G_GUINT64_CONSTANT(0x8080808080808080);
  const guint64 ones = G_GUINT64_CONSTANT(0x0101010101010101);
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
#endif
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
  return zs_class_para_len(p, zs_para_len(p), NULL);
}

ZsParaKind zs_class_para_len(const ZsPara *p, gsize len, gsize *dateline) {
  const char *t = p->text;
  glong n = -1; /* characters, counted only if a test needs them */
  gunichar c0 = zs_utf8_at(t);
  gsize d = 0;
  if (dateline)
    *dateline = 0;
  if (p->markdown_heading)
    return ZS_PK_HEADING;
  if (zs_class_dated_marks(t, MIN(len, ZS_CLASS_DATED_SCAN)) && (d = zs_class_dateline_len(t))) {
    if (dateline)
      *dateline = d;
    return ZS_PK_DATELINE;
  }
  if (zs_class_continuation_len(t))
    return ZS_PK_CONT;
  /* Most paragraphs start with an ideograph, and neither a rule nor an
   * endnote can (their guards ask for a mark first): asked once here. */
  gboolean ideograph0 = c0 >= 0x4E00 && c0 <= 0x9FFF;
  if (!ideograph0 && zs_class_may_be_rule(t, 0) && g_regex_match(patterns()->rule, t, 0, NULL))
    return ZS_PK_END;
  if ((c0 >= 0x25A0 && c0 <= 0x25FF) || c0 == 0x2605 || c0 == 0x2606)
    return ZS_PK_MARKER;
  if (!ideograph0 && zs_class_is_endnote(t, len))
    return ZS_PK_END;
  /* zs_class_is_meta() on at most 80 characters */
  if (chars_at_most(t, len, &n, 80) && is_short_meta(t, len))
    return ZS_PK_META;
  /* (the tests are pure: the cheap ending test goes before the searches) */
  if (chars_at_most(t, len, &n, 30) && is_credit(t, len) && !strstr(t, "。") && !strstr(t, "，"))
    return ZS_PK_CREDIT;
  /* a caption with its credit in one paragraph, or a 图为 caption */
  if (zs_class_may_be_caption(t, len) && chars_at_most(t, len, &n, 150) &&
      g_regex_match(patterns()->caption, t, 0, NULL))
    return ZS_PK_CAPTION;
  if (chars_at_most(t, len, &n, SHORT_MAX_CHARS) &&
      (zs_class_starts_with(t, "本报记者") || zs_class_starts_with(t, "本报通讯员") ||
       zs_class_starts_with(t, "本报特约")) &&
      !strstr(t, "。"))
    return ZS_PK_BYLINE;
  gsize pl = zs_class_paren_len(t, 60);
  if (pl && pl == len && zs_class_byline_paren(t, pl))
    return ZS_PK_BYLINE;
  /* three or more names, one space apart (the normalizer's form), or
   * names after a role: 记者 王海 李娜, 文/张明 */
  if ((zs_class_may_be_names(t, len) && match_len(patterns()->names, t)) ||
      (zs_class_may_be_byline(t, 0) && match_len(patterns()->byline, t)))
    return ZS_PK_BYLINE;
  gboolean ends = ends_sentence_n(t, t + len) || ends_with_note(t, len);
  gboolean short_line = !ends && chars_at_most(t, len, &n, SHORT_MAX_CHARS);
  if (short_line && zs_class_may_be_section(t, 0) && match_len(patterns()->section, t))
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
  /* the first and last characters, and the length, as the loop finds them */
  gunichar first = 0, last = 0;
  const char *p = t;
  while (*p) {
    gunichar c = zs_utf8_next(&p);
    if (c == 0xFFFD)
      return FALSE;
    if (!first)
      first = c;
    last = c;
    /* the ideographs of Unicode 1.1 are Han without asking GLib's tables */
    if (c >= 0x4E00 && c <= 0x9FA5)
      han++;
    else if (is_clause_punct(c))
      clause = TRUE;
    else if (han < 2) /* past two, only the count's test is left to ask */
      han += g_unichar_get_script(c) == G_UNICODE_SCRIPT_HAN;
  }
  if (han < 2)
    return FALSE;
  /* a quotation as a headline: 「节后不用远离家乡，父母娃娃都高兴」 (in valid
   * UTF-8, t starts with 「 exactly when its first character is 「, and
   * ends with 」 when its last is) */
  if ((first == 0x300C && last == 0x300D) || (first == 0x201C && last == 0x201D))
    return !strstr(t, "。") && !strstr(t, "」「") && !strstr(t, "”“");
  if (clause)
    return FALSE;
  if (zs_class_is_dash(first))
    return FALSE;
  if (p - t >= 3 && zs_class_is_dash(last))
    return FALSE;
  return TRUE;
}

gboolean zs_class_subtitle_like(ZsParaKind kind, const char *t) {
  return kind == ZS_PK_SHORT && zs_class_is_dash(zs_utf8_at(t));
}

const char *zs_class_strip_dashes(const char *t) {
  for (const char *p = t; *p && zs_class_is_dash(zs_utf8_next(&p));)
    t = p;
  return t;
}

gboolean zs_class_ends_dashes(const char *t) {
  gsize n = strlen(t);
  return n >= 3 && zs_class_is_dash(zs_utf8_at(zs_utf8_prev(t, t + n)));
}
