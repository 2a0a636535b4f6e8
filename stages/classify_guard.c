/* classify_guard.c: the literal guards of classify.c's patterns. Most
 * paragraphs and input lines are none of the news furniture classify.c
 * looks for, and a GRegex call costs far more than a look at a character or
 * two, so each pattern is guarded by a literal test that holds for every
 * string the pattern can match (a needed first character, literal or
 * ending): a string that fails it is rejected without the regex. They live
 * apart from the patterns because they are many small byte-level tests with
 * their own tables; keep each guard in step with its pattern in
 * classify.c (zs_class_guard_fails(), run by test_classify on the corpus,
 * finds a guard that rejects a match).
 */
#include "classify_guard.h"

#include "utf8.h"

#include <string.h>

/* A set of characters written as a string, for first_in(): decoded once
 * (decode_set()), so that a line's first character is compared with a few
 * numbers instead of searched for in the string with strstr(); `low` has
 * bit c % 64 set for each, so most characters are turned away at once. */
typedef struct {
  const char *chars;
  GOnce once;
  guint n;
  gunichar c[16];
  guint64 low;
} CharSet;
#define CHAR_SET(s) {s, G_ONCE_INIT, 0, {0}, 0}

static gpointer decode_set(gpointer data) {
  CharSet *set = data;
  const char *p = set->chars;
  while (*p) {
    g_assert(set->n < G_N_ELEMENTS(set->c));
    gunichar c = zs_utf8_next(&p);
    set->c[set->n++] = c;
    set->low |= G_GUINT64_CONSTANT(1) << (c % 64);
  }
  return set;
}

/* Is the first character of t one of the characters of `set`? */
G_ALWAYS_INLINE static inline gboolean first_in(const char *t, CharSet *set) {
  g_once(&set->once, decode_set, set);
  if (!*t)
    return FALSE;
  gunichar c = zs_utf8_at(t);
  if (!(set->low >> (c % 64) & 1))
    return FALSE;
  for (guint i = 0; i < set->n; i++)
    if (set->c[i] == c)
      return TRUE;
  return FALSE;
}

/* Is the code point c a line break under any PCRE2 newline convention?
 * `$` also matches before a final line break. */
static inline gboolean is_break(gunichar c) {
  return (c >= 0x0A && c <= 0x0D) || c == 0x85 || c == 0x2028 || c == 0x2029;
}

/* Can `$` after one of `ends` match in t[0, n)? FALSE only when t ends in
 * none of them and not in a line break. */
static gpointer ends_bits(gpointer data) {
  ZsEnds *ends = data;
  for (guint i = 0; i < ends->n; i++)
    ends->last |= G_GUINT64_CONSTANT(1) << ((guchar)ends->lits[i].s[ends->lits[i].n - 1] % 64);
  return ends;
}

gboolean zs_class_may_end_with(const char *t, gsize n, ZsEnds *ends) {
  if (!n)
    return FALSE;
  /* a line break's last byte is one of these (U+0085 is C2 85, U+2028 and
   * U+2029 are E2 80 A8 and E2 80 A9) */
  guchar last = (guchar)t[n - 1];
  if (((last >= 0x0A && last <= 0x0D) || last == 0x85 || last == 0xA8 || last == 0xA9) &&
      is_break(g_utf8_get_char(g_utf8_find_prev_char(t, t + n))))
    return TRUE;
  g_once(&ends->once, ends_bits, ends);
  if (!(ends->last >> (last % 64) & 1))
    return FALSE;
  for (guint i = 0; i < ends->n; i++) {
    const ZsLit *e = &ends->lits[i];
    if (n >= e->n && (guchar)e->s[e->n - 1] == last && memcmp(t + n - e->n, e->s, e->n) == 0)
      return TRUE;
  }
  return FALSE;
}

/* Does the literal `lit` start in the first `max` bytes of t[0, n)? (n is
 * strnlen(t, max + LIT_MAX - 1): a caller asking for two literals measures
 * t once.) memchr() finds each occurrence of its last byte, then the rest
 * is compared: cheaper than a general search over the whole (long) text. */
#define LIT_MAX 6
static gboolean starts_within(const char *t, gsize n, const ZsLit *lit, gsize max) {
  gsize k = lit->n;
  const char *end = t + MIN(n, max + k - 1);
  for (const char *p = t + k - 1; p < end; p++) {
    p = memchr(p, lit->s[k - 1], end - p);
    if (!p)
      return FALSE;
    if (memcmp(p - (k - 1), lit->s, k - 1) == 0)
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
/* zs_class_dated_marks() (classify.h) reads the last byte of 电 started
 * within DATED_BYTES, and of 息 in 消息 started within MESSAGE_BYTES. */
G_STATIC_ASSERT(ZS_CLASS_DATED_SCAN >= DATED_BYTES + 3 && ZS_CLASS_DATED_SCAN >= MESSAGE_BYTES + 6);

/* Both patterns but message's 【…】 form start with ORG: 本报, or up to
 * 12 ideographs or Latin letters and then 社 网 报 台 客(户端) 新(闻) or
 * 在(线). So one of those seven characters is among the first 13, with
 * only letters and ideographs before it; most body paragraphs fail this at
 * their first mark or digit, before the literals are searched. A character
 * counts as an ideograph unless it is ASCII or surely not one (general
 * punctuation, CJK marks 、。, full-width forms). */
gboolean zs_class_may_start_with_org(const char *t) {
  /* The seven characters' UTF-8 bytes (lead | mid << 8 | last << 16), by
   * the low six bits of mid ^ last, which differ for the seven: a table
   * look instead of a compare for each on every ideograph. An entry equals
   * a character's bytes only for those seven (0 elsewhere). */
#define ORG_SEQ(a, b, c) [((b) ^ (c)) & 63] = (a) | (b) << 8 | (c) << 16
  static const guint32 org_end[64] = {
      ORG_SEQ(0xE7, 0xA4, 0xBE), ORG_SEQ(0xE7, 0xBD, 0x91), ORG_SEQ(0xE6, 0x8A, 0xA5), /* 社网报 */
      ORG_SEQ(0xE5, 0x8F, 0xB0), ORG_SEQ(0xE5, 0xAE, 0xA2), ORG_SEQ(0xE6, 0x96, 0xB0), /* 台客新 */
      ORG_SEQ(0xE5, 0x9C, 0xA8),                                                       /* 在 */
  };
#undef ORG_SEQ
  const guchar *p = (const guchar *)t;
  for (guint i = 0; i < 13 && *p; i++) {
    /* leads E4..E9 are U+4000..U+9FFF: ideographs (or hexagram signs,
     * which also pass), and the seven are among them */
    if ((guint)(p[0] - 0xE4) <= 0xE9 - 0xE4) {
      /* the character's three bytes and the next (at most the NUL) */
      guint32 x;
      memcpy(&x, p, 4);
      x = GUINT32_FROM_LE(x);
      if (org_end[((x >> 8) ^ (x >> 16)) & 63] == (x & 0xFFFFFF))
        return TRUE;
      p += 3;
      continue;
    }
    const char *q = (const char *)p;
    gunichar c = zs_utf8_next(&q);
    p = (const guchar *)q;
    if (c < 0x80 ? !g_ascii_isalpha(c)
                 : (c >= 0x2000 && c <= 0x206F) || (c >= 0x3000 && c <= 0x3004) ||
                       (c >= 0xFF00 && c <= 0xFFEF))
      return FALSE;
  }
  return FALSE;
}

gboolean zs_class_dated_literals(const char *t) {
  static const ZsLit dian = ZS_LIT("电"), yue = ZS_LIT("月");
  gsize n = strnlen(t, DATED_BYTES + LIT_MAX - 1);
  return starts_within(t, n, &dian, DATED_BYTES) && starts_within(t, n, &yue, DATED_BYTES);
}

gboolean zs_class_message_literals(const char *t) {
  static const ZsLit xun = ZS_LIT("讯"), xiaoxi = ZS_LIT("消息");
  gsize n = strnlen(t, MESSAGE_BYTES + LIT_MAX - 1);
  return starts_within(t, n, &xun, MESSAGE_BYTES) || starts_within(t, n, &xiaoxi, MESSAGE_BYTES);
}

/* dated: ORG…月…日…电 */
gboolean zs_class_may_be_dated(const char *t, gsize n) {
  return zs_class_may_start_with_org(t) && zs_class_dated_literals(t);
}

/* message: 本报讯, ORG讯, ORG消息, 【…报道|讯|消息…】 */
gboolean zs_class_may_be_message(const char *t, gsize n) {
  return zs_class_starts_with(t, "【") ||
         (zs_class_may_start_with_org(t) && zs_class_message_literals(t));
}

/* meta: a breadcrumb (首页 > 新闻) has one of >＞»› somewhere (the arrow
 * at p?); the other branches start with 【 or [ (then a label), a bullet,
 * or one of the words below: the labels, notices, links and buttons of the
 * pattern, in its order (zs_class_meta_start()). */
static inline gboolean is_arrow(const guchar *p) {
  return p[0] == '>' || (p[0] == 0xC2 && p[1] == 0xBB) ||
         (p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0xBA) ||
         (p[0] == 0xEF && p[1] == 0xBC && p[2] == 0x9E);
}

/* The first characters of zs_class_meta_start()'s words, as one bit each
 * (classify.h; init_meta_first() fills it): a quick test before the
 * words. */
guint8 zs_class_meta_first_bits[(ZS_CLASS_META_FIRST_HI - ZS_CLASS_META_FIRST_LO) / 8 + 1];
gint zs_class_meta_first_ready;

/* May the character at p follow a word that the pattern follows with a
 * separator (byline's role words: ：:/／· or \s; meta's labels: \s* and
 * :：】])? None of those is an ideograph, an ASCII letter or digit, or
 * the end. */
static gboolean may_follow_word(const char *p) {
  if (!*p)
    return FALSE;
  gunichar c = zs_utf8_at(p);
  return c < 0x80 ? !g_ascii_isalnum(c) : !(c >= 0x3400 && c <= 0x9FFF);
}

/* zs_class_meta_start()'s words: the labels, notices, links and buttons of the
 * meta pattern, in its order. The first META_LABELS are the labels, which
 * the pattern follows with \s* and one of :：】], never an ideograph or an
 * ASCII letter or digit (分享 and 分享到 are buttons too, later). */
#define META_LABELS 43
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

/* One bit of 1024 for each word's head (a Bloom filter of one hash): a
 * line whose head's bit is clear starts with none of the words, so the
 * list is read only for the few lines whose bit is set. */
static guint64 meta_head_bits[16];

static inline guint head_bit(guint64 h) {
  return (guint)((h * G_GUINT64_CONSTANT(0x9E3779B97F4A7C15)) >> 54);
}

static gpointer init_meta_first(gpointer unused) {
  for (guint i = 0; i < G_N_ELEMENTS(meta_words); i++) {
    const char *p = meta_words[i];
    gunichar c = zs_utf8_next(&p);
    g_assert(c >= ZS_CLASS_META_FIRST_LO && c <= ZS_CLASS_META_FIRST_HI);
    c -= ZS_CLASS_META_FIRST_LO;
    zs_class_meta_first_bits[c / 8] |= (guint8)(1u << (c % 8));
  }
  for (guint i = 0; i < G_N_ELEMENTS(meta_words); i++) {
    g_assert(strlen(meta_words[i]) >= 6); /* two ideographs at least */
    meta_heads[i] = head6(meta_words[i]);
    meta_head_bits[head_bit(meta_heads[i]) >> 6] |= G_GUINT64_CONSTANT(1)
                                                    << (head_bit(meta_heads[i]) & 63);
  }
  return NULL;
}

/* 【 [ · • ▪ */
static gboolean is_meta_mark(gunichar c) {
  return c == 0x3010 || c == '[' || c == 0xB7 || c == 0x2022 || c == 0x25AA;
}

/* (zs_class_meta_start() reads meta_heads only after zs_class_meta_first()
 * said yes to an ideograph, so after this.) */
void zs_class_meta_first_init(void) {
  static GOnce once = G_ONCE_INIT;
  g_once(&once, init_meta_first, NULL);
  g_atomic_int_set(&zs_class_meta_first_ready, 1);
}

gboolean zs_class_meta_start(const char *t) {
  if (!*t)
    return FALSE;
  const char *p = t;
  gunichar c = zs_utf8_next(&p);
  if (is_meta_mark(c))
    return TRUE;
  /* every word starts with two ideographs (six bytes) */
  if (!zs_class_meta_first(c) || strnlen(t, 6) < 6)
    return FALSE;
  guint64 h = head6(t);
  if (!(meta_head_bits[head_bit(h) >> 6] >> (head_bit(h) & 63) & 1))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS(meta_words); i++)
    if (meta_heads[i] == h && zs_class_starts_with(t, meta_words[i]) &&
        (i >= META_LABELS || may_follow_word(t + strlen(meta_words[i]))))
      return TRUE;
  return FALSE;
}

/* Does t[0, n) end in one of ，。！？ (EF BC 8C, E3 80 82, EF BC 81,
 * EF BC 9F)? meta's breadcrumb branch ends a line in a character that is
 * none of them ([^，。！？]{1,30}$, and so no final line break either). */
static gboolean ends_in_clause_mark(const char *t, gsize n) {
  if (n < 3)
    return FALSE;
  const guchar *e = (const guchar *)t + n - 3;
  return (e[0] == 0xE3 && e[1] == 0x80 && e[2] == 0x82) ||
         (e[0] == 0xEF && e[1] == 0xBC && (e[2] == 0x8C || e[2] == 0x81 || e[2] == 0x9F));
}

gboolean zs_class_may_be_meta(const char *t, gsize n) {
  if (!ends_in_clause_mark(t, n))
    for (const char *p = t; *p; p = g_utf8_next_char(p))
      if (is_arrow((const guchar *)p))
        return TRUE;
  return zs_class_meta_start(t);
}

/* datetime: a year of four ASCII digits first, then 年 or one of - / .
 * and a digit (both of the pattern's dates); a paragraph that opens with
 * a number (72岁的…, 2023年的…) is turned away here, not by the regex */
gboolean zs_class_may_be_datetime(const char *t, gsize n) {
  if (!g_ascii_isdigit(t[0]) || !g_ascii_isdigit(t[1]) || !g_ascii_isdigit(t[2]) ||
      !g_ascii_isdigit(t[3]))
    return FALSE;
  const char *p = t + 4;
  if (*p == '-' || *p == '/' || *p == '.')
    p++;
  else if (zs_class_starts_with(p, "年"))
    p += strlen("年");
  else
    return FALSE;
  return g_ascii_isdigit(*p);
}

/* endnote: an opening bracket first, a closing one last */
gboolean zs_class_may_be_endnote(const char *t, gsize n) {
  static const ZsLit closers[] = {ZS_LIT("）"), ZS_LIT(")"), ZS_LIT("】"),
                                  ZS_LIT("]"),  ZS_LIT("］"), ZS_LIT("〕")};
  static ZsEnds ends = ZS_ENDS(closers);
  static CharSet openers = CHAR_SET("【（([［〔");
  return n && first_in(t, &openers) && zs_class_may_end_with(t, n, &ends);
}

/* names: a space after the first name, 2 or 3 ideographs of at most 4
 * bytes, so among the first 13 bytes (not anywhere in a long paragraph);
 * and at most 3 + 5 * (1 + 3) characters in all, at most 77 bytes (78
 * with a final line break), which a paragraph's known length n tells */
gboolean zs_class_may_be_names(const char *t, gsize n) {
  return n <= 78 && memchr(t, ' ', strnlen(t, 13)) != NULL;
}

/* byline: 本报, 新华社 or 本台 (or nothing), then a role word, then no
 * ideograph (a separator): 本报记者苏滨… (names run on into the text) and
 * 实施意见… are turned away here, not by the regex. Every prefix and role
 * is tried, as the regex would. */
gboolean zs_class_may_be_byline(const char *t, gsize n) {
  static CharSet firsts = CHAR_SET("本新特见记通实撰作文图摄");
  static const ZsLit prefixes[] = {ZS_LIT(""), ZS_LIT("本报"), ZS_LIT("新华社"),
                                   ZS_LIT("本台")};
  static const ZsLit roles[] = {
      ZS_LIT("特约记者"), ZS_LIT("见习记者"), ZS_LIT("记者"), ZS_LIT("通讯员"),
      ZS_LIT("实习生"),   ZS_LIT("撰文"),     ZS_LIT("作者"), ZS_LIT("文字"),
      ZS_LIT("文图"),     ZS_LIT("图文"),     ZS_LIT("文"),   ZS_LIT("图"),
      ZS_LIT("摄影"),     ZS_LIT("摄")};
  if (!first_in(t, &firsts))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS(prefixes); i++) {
    const ZsLit *pre = &prefixes[i];
    if (!zs_class_starts_with(t, pre->s))
      continue;
    const char *p = t + pre->n;
    for (guint r = 0; r < G_N_ELEMENTS(roles); r++)
      if (zs_class_starts_with(p, roles[r].s) && may_follow_word(p + roles[r].n))
        return TRUE;
  }
  return FALSE;
}

/* caption: 图为…, or a credit last (…摄, …摄影）, …供图) */
gboolean zs_class_may_be_caption(const char *t, gsize n) {
  static const ZsLit ends[] = {ZS_LIT("摄"),   ZS_LIT("摄影"),   ZS_LIT("供图"),
                             ZS_LIT("摄）"), ZS_LIT("摄影）"), ZS_LIT("供图）"),
                             ZS_LIT("摄)"),  ZS_LIT("摄影)"),  ZS_LIT("供图)")};
  static ZsEnds list = ZS_ENDS(ends);
  return zs_class_starts_with(t, "图为") || zs_class_may_end_with(t, n, &list);
}

/* A character of rule's class [-=*_~#—─━·•●◆◇■□★☆+<>\s], or one that may
 * be \s: any control or space of ASCII and every Unicode space (\h, \v
 * and Z*, whether or not the pattern reads \s by Unicode properties). */
static gboolean in_rule_class(gunichar c) {
  switch (c) {
  case '-': case '=': case '*': case '_': case '~': case '#': case '+': case '<': case '>':
  case 0x2014: case 0x2500: case 0x2501: case 0x00B7: case 0x2022: /* —─━·• */
  case 0x25CF: case 0x25C6: case 0x25C7: case 0x25A0: case 0x25A1: /* ●◆◇■□ */
  case 0x2605: case 0x2606:                                         /* ★☆ */
  case 0x85: case 0xA0: case 0x180E:
    return TRUE;
  default:
    /* no space comes after the ideographic space U+3000, so the
     * ideographs and full-width forms that start most lines are not
     * looked up (test_classify checks it of every code point) */
    return c <= 0x20 || (c <= 0x3000 && g_unichar_isspace(c));
  }
}

/* rule: a run of at least three marks and spaces from the start, so the
 * first three characters are all of its class (most lines fail at the
 * first) */
gboolean zs_class_may_be_rule(const char *t, gsize n) {
  const char *p = t;
  for (guint i = 0; i < 3; i++)
    if (!*p || !in_rule_class(zs_utf8_next(&p)))
      return FALSE;
  return TRUE;
}

/* site: a site word last (…网, …频道, …客户端, …新闻), or its (domain) */
gboolean zs_class_may_be_site(const char *t, gsize n) {
  static const ZsLit ends[] = {ZS_LIT("网"), ZS_LIT("道"), ZS_LIT("端"), ZS_LIT("线"), ZS_LIT("报"),
                             ZS_LIT("闻"), ZS_LIT("台"), ZS_LIT(")"),  ZS_LIT("）")};
  static ZsEnds list = ZS_ENDS(ends);
  return zs_class_may_end_with(t, n, &list);
}

/* lead: 记者 or 本报记者 first */
gboolean zs_class_may_be_lead(const char *t, gsize n) {
  return zs_class_starts_with(t, "记者") || zs_class_starts_with(t, "本报记者");
}

/* section: a number and its mark (1. 一、), or a numeral in brackets or
 * after 第, first: the prefix each branch of the pattern needs */
gboolean zs_class_may_be_section(const char *t, gsize n) {
  static CharSet numerals = CHAR_SET("一二三四五六七八九十");
  /* 1. 12、: one or two digits, then the mark */
  if (g_ascii_isdigit(*t)) {
    const char *p = t + 1 + g_ascii_isdigit(t[1]);
    return *p == '.' || zs_class_starts_with(p, "、") || zs_class_starts_with(p, "．");
  }
  /* （一） 第一章: a numeral after the bracket or 第 */
  if (zs_class_starts_with(t, "（") || zs_class_starts_with(t, "第"))
    return first_in(t + strlen("（"), &numerals); /* 第 is three bytes too */
  /* 一、 十二．: one to three numerals (each three bytes), then the mark;
   * 三位一体… is turned away here, not by the regex */
  const char *p = t;
  for (guint k = 0; k < 3 && first_in(p, &numerals); k++)
    p += 3;
  return p > t && (*p == '.' || zs_class_starts_with(p, "、") || zs_class_starts_with(p, "．"));
}

/* In meta's breadcrumb branch the arrow follows 1 to 20 characters and an
 * optional space: it starts among the first 22 characters, in the first
 * 84 bytes, so its last byte is among the first 88. */
#define ARROW_LAST_BYTES 88

/* 16 bytes at a time (GCC and Clang vector extensions: SSE2 on x86-64,
 * plain code elsewhere); a comparison gives 0xFF where it holds. */
typedef guint8 Bytes16 __attribute__((vector_size(16)));

static inline Bytes16 bytes16(const guchar *p) {
  Bytes16 v;
  memcpy(&v, p, sizeof v);
  return v;
}

/* Has t one of zs_class_may_be_meta()'s arrows where the breadcrumb
 * branch can have it? The four arrows' whole byte sequences (> » › ＞ are
 * 3E, C2 BB, E2 80 BA, EF BC 9E) are looked for at every byte of the first
 * 88, in one pass over a copy padded with NULs: a sequence found in the
 * copy lies wholly in t's first 88 bytes, as its last byte must. (Their
 * last bytes alone also occur inside many Chinese characters.) */
gboolean zs_class_has_arrow(const char *t) {
  /* starts 0..95, each reading up to two bytes on */
  guchar buf[96 + 2] = {0};
  gsize n = strnlen(t, ARROW_LAST_BYTES);
  memcpy(buf, t, n);
  Bytes16 any = {0};
  for (guint o = 0; o < n; o += 16) {
    Bytes16 a = bytes16(buf + o), b = bytes16(buf + o + 1), c = bytes16(buf + o + 2);
    any |= (Bytes16)(a == '>') | ((Bytes16)(a == 0xC2) & (Bytes16)(b == 0xBB)) |
           ((Bytes16)(a == 0xE2) & (Bytes16)(b == 0x80) & (Bytes16)(c == 0xBA)) |
           ((Bytes16)(a == 0xEF) & (Bytes16)(b == 0xBC) & (Bytes16)(c == 0x9E));
  }
  guint64 w[2];
  memcpy(w, &any, sizeof w);
  return (w[0] | w[1]) != 0;
}

/* Half the short lines of news (short body paragraphs) end in 。 and so
 * are no breadcrumb: their arrows are not looked for. */
gboolean zs_class_may_be_breadcrumb(const char *t, gsize n) {
  return !ends_in_clause_mark(t, n) && zs_class_has_arrow(t);
}
