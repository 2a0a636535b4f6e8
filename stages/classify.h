/* classify.h: the kind of a paragraph, from its text alone (classify.c).
 * Used by the segmenter; the roles (headline, subhead, body) are its. */
#ifndef ZS_CLASSIFY_H
#define ZS_CLASSIFY_H

#include "zhstats.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

typedef enum {
  ZS_PK_BODY,     /* body text */
  ZS_PK_DATELINE, /* starts with 本报讯, 本报北京1月30日电, 新华社…电 */
  ZS_PK_CONT,     /* starts with （上接第一版） */
  ZS_PK_HEADING,  /* a markdown heading */
  ZS_PK_SHORT,    /* a short line without a sentence end */
  ZS_PK_BYLINE,   /* 本报记者 X, （记者 X） */
  ZS_PK_MARKER,   /* ■ section marker */
  ZS_PK_CREDIT,   /* photo credit: …摄 */
  ZS_PK_CAPTION,  /* set by the segmenter: the paragraph before a credit */
  ZS_PK_META,     /* web page metadata and UI: 来源：…, 编辑：…, 【字号】 */
  ZS_PK_SECTION,  /* a numbered section head: 一、完善基础设施, （二）… */
  ZS_PK_END,      /* ends an article: （责任编辑：X）, （完）, a ------ rule */
} ZsParaKind;

ZsParaKind zs_class_para(const ZsPara *p);
/* zs_class_para() for a caller that has measured the text: len is
 * strlen(p->text). For a ZS_PK_DATELINE, *dateline (may be NULL) gets
 * zs_class_dateline_len() of the text, else 0. */
ZsParaKind zs_class_para_len(const ZsPara *p, gsize len, gsize *dateline);

/* —, ―, ─ (inline: the sentence splitter reads every character) */
static inline gboolean zs_class_is_dash(gunichar c) {
  return c == 0x2014 || c == 0x2015 || c == 0x2500;
}
/* Closing quotes and brackets that may follow a sentence end. */
static inline gboolean zs_class_is_closer(gunichar c) {
  return c == 0x201D || c == 0x2019 || c == 0x300D || c == 0x300F ||
         c == 0xFF09 || c == 0x300B;
}
/* 。！？ */
static inline gboolean zs_class_is_stop(gunichar c) {
  return c == 0x3002 || c == 0xFF01 || c == 0xFF1F;
}
/* Does t[0, end) end a sentence (a stop, then closers)? */
gboolean zs_class_ends_sentence_at(const char *t, const char *end);
/* Does t end in a dash run (a kicker: 公安部…开展定点帮扶——)? */
gboolean zs_class_ends_dashes(const char *t);
/* t after its leading dashes (a subtitle's text). */
const char *zs_class_strip_dashes(const char *t);

/* Length in bytes of a leading dateline, 0 if none: 本报讯, 本报北京1月30日电,
 * 新华社北京1月30日电, 中新网3月2日电, 人民网讯, 央视网消息（新闻联播）. */
gsize zs_class_dateline_len(const char *s);

/* Can zs_class_dateline_len(t) be nonzero? Its matches (and the guards in
 * classify_guard.c) start with 【, or have 电 (dated) or 讯 or 消息
 * (message) near their start. zs_class_dated_marks(t, len) is FALSE only
 * when t[0, len) neither starts with 【 nor holds one of 电 讯 息 (found by
 * their last bytes, B5 and AF, sixteen at a time): a pass costing less
 * than the classifier's own first test, which reads up to 13 characters
 * for an organization's name. The literals must start within the first
 * 39 (电) or 16 (讯, 消息) characters of at most four bytes
 * (classify_guard.c's DATED_BYTES and MESSAGE_BYTES), so the first
 * ZS_CLASS_DATED_SCAN bytes tell for the whole text: a long paragraph is
 * not read to its end. */
#define ZS_CLASS_DATED_SCAN (39 * 4 + 3)

/* Is p (two bytes or more before it readable) the last byte of 电, 讯 or
 * 息? */
static inline gboolean zs_class_ends_dated_word(const guchar *p) {
  return (p[0] == 0xB5 && p[-2] == 0xE7 && p[-1] == 0x94) ||
         (p[0] == 0xAF && ((p[-2] == 0xE8 && p[-1] == 0xAE) || (p[-2] == 0xE6 && p[-1] == 0x81)));
}

#ifdef __SSE2__
/* The bytes of s[0, 16) that are B5 or AF, as 0xFF. */
static inline __m128i zs_class_dated_last_bytes(const guchar *s) {
  __m128i v = _mm_loadu_si128((const __m128i *)s);
  return _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xB5)),
                      _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xAF)));
}
#endif

G_ALWAYS_INLINE static inline gboolean zs_class_dated_marks(const char *t, gsize len) {
  const guchar *s = (const guchar *)t;
  if (len >= 3 && s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x90) /* 【 */
    return TRUE;
#ifdef __SSE2__
  if (len >= 18) {
    /* from byte 2 on, thirty-two at a time, one branch for both halves
     * (most texts have none of the bytes); then sixteen at a time, the
     * last sixteen overlapping the chunk before rather than being read
     * one at a time */
    gsize i = 2;
    for (; i + 32 <= len; i += 32) {
      __m128i a = zs_class_dated_last_bytes(s + i), b = zs_class_dated_last_bytes(s + i + 16);
      if (!_mm_movemask_epi8(_mm_or_si128(a, b)))
        continue;
      unsigned bits = (unsigned)_mm_movemask_epi8(a) | (unsigned)_mm_movemask_epi8(b) << 16;
      for (; bits; bits &= bits - 1)
        if (zs_class_ends_dated_word(s + i + __builtin_ctz(bits)))
          return TRUE;
    }
    for (;; i += 16) {
      if (i + 16 > len)
        i = len - 16;
      unsigned bits = (unsigned)_mm_movemask_epi8(zs_class_dated_last_bytes(s + i));
      for (; bits; bits &= bits - 1)
        if (zs_class_ends_dated_word(s + i + __builtin_ctz(bits)))
          return TRUE;
      if (i + 16 == len)
        return FALSE;
    }
  }
#endif
  for (gsize i = 2; i < len; i++)
    if ((s[i] == 0xB5 || s[i] == 0xAF) && zs_class_ends_dated_word(s + i))
      return TRUE;
  return FALSE;
}
/* Web page metadata or UI text, not news text: 来源：新华社, 作者：X,
 * 编辑：X, 原标题：…, 2024年03月06日08:12 | 来源：…, 【字号 大 中 小】,
 * 点击查看, 分享到. */
gboolean zs_class_is_meta(const char *t);
/* Can a meta line start with c, breadcrumbs aside? (【 [ · • ▪ or the first
 * character of one of meta's words: its labels, notices and buttons.)
 * Inline, as the normalizer asks it of every line: the words' first
 * characters, all ideographs of U+4E00..U+9FFF, are a bit each in
 * zs_class_meta_first_bits, which zs_class_meta_first_init()
 * (classify_guard.c) fills on first use and then sets
 * zs_class_meta_first_ready; no bit is read before that. */
#define ZS_CLASS_META_FIRST_LO 0x4E00u
#define ZS_CLASS_META_FIRST_HI 0x9FFFu
extern guint8 zs_class_meta_first_bits[(ZS_CLASS_META_FIRST_HI - ZS_CLASS_META_FIRST_LO) / 8 + 1];
extern gint zs_class_meta_first_ready;
void zs_class_meta_first_init(void);
static inline gboolean zs_class_meta_first(gunichar c) {
  /* most lines start with an ideograph, and no mark is one */
  if (c - ZS_CLASS_META_FIRST_LO <= ZS_CLASS_META_FIRST_HI - ZS_CLASS_META_FIRST_LO) {
    if (G_UNLIKELY(!g_atomic_int_get(&zs_class_meta_first_ready)))
      zs_class_meta_first_init();
    c -= ZS_CLASS_META_FIRST_LO;
    return zs_class_meta_first_bits[c / 8] >> (c % 8) & 1;
  }
  /* 【 [ · • ▪ */
  return c == 0x3010 || c == '[' || c == 0xB7 || c == 0x2022 || c == 0x25AA;
}
/* Does t start with 【, [, a bullet or one of meta's words (来源, 编辑,
 * 点击查看, ...), a label not run on into the text (作者耐心… is not): every
 * branch of meta but the breadcrumb? FALSE only where those branches cannot
 * match. (The normalizer asks it before zs_class_is_meta(), as classify.c
 * does.) */
gboolean zs_class_meta_start(const char *t);
/* Is t a date (and time) alone: 2024年1月10日, 2024-01-10 08:12? */
gboolean zs_class_is_date(const char *t);
/* Does t open a news lead (记者从市交通运输局获悉, 记者日前从…了解到)? Only
 * the first paragraph of an article reads so. */
gboolean zs_class_is_lead(const char *t);
/* Bytes of a site name ending a page title (…_新闻频道_央视网(cctv.com),
 * …-新华网), 0 if none. */
gsize zs_class_site_suffix(const char *t);
/* Is t[0, len) an editor's note that closes an article: （完）,
 * （责任编辑：王震、袁勃）, 【编辑：X】? */
gboolean zs_class_is_endnote(const char *t, gsize len);
/* Length of a leading "（…）" of at most `max` characters, 0 if none. */
gsize zs_class_paren_len(const char *s, guint max);
/* Is the bracket s[0, len) a byline (记者, 通讯员, 特约)? */
gboolean zs_class_byline_paren(const char *s, gsize len);
/* Length of a leading continuation note （上接第一版）, 0 if none. */
gsize zs_class_continuation_len(const char *s);

/* A short line that can be (part of) a headline: no punctuation but quotes
 * and book-title marks, not a dash-led subtitle, not a dash-ended kicker. */
gboolean zs_class_headline_like(ZsParaKind kind, const char *t);
/* A short line led by a dash run. */
gboolean zs_class_subtitle_like(ZsParaKind kind, const char *t);

/* For tests: each pattern above has a cheap guard that skips it where it
 * cannot match. Returns the index of a pattern that matches t although its
 * guard rejects t (a bug), or -1. */
int zs_class_guard_fails(const char *t);

#endif
