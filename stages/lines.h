/* lines.h: the shape of one line of text, for the reflow in normalize.c
 * (lines.c). `norm` arguments are zs_norm_text() output; `raw` ones the
 * decoded line before it. Where a length is asked for, it is the text's
 * (the caller has it; the line is not measured again). */
#ifndef ZS_LINES_H
#define ZS_LINES_H

#include <glib.h>

#include "classify.h"
#include "normtext.h"
#include "utf8.h"

/* Leading spaces of s[0, len), in CJK columns (U+3000 is 1, a space 0.5,
 * a tab 2). */
double zs_line_indent(const char *s, gsize len);
/* Display width of s[0, len) (valid UTF-8) in CJK columns, ASCII half,
 * leading and trailing spaces not counted. */
double zs_line_width(const char *s, gsize len);
/* The same, given `halves`, the width of all s[0, len) in half columns
 * counted that way (zs_normtext_clean() counts it): only the ends are
 * read. */
double zs_line_width_of(const char *s, gsize len, guint64 halves);

/* Closing quotes and brackets, full-width and ASCII. (Inline: the
 * reflow asks about the last characters of every line. This test and the
 * ones below first turn away U+3012..FF00, which holds none of their
 * marks but the ideographs, most characters asked about, with one
 * compare instead of the whole list.) */
static inline gboolean zs_line_is_closer(gunichar c) {
  if (c - 0x3012u <= 0xFF00u - 0x3012u)
    return FALSE;
  return c == 0x201D || c == 0x2019 || c == 0x300D || c == 0x300F || c == 0xFF09 ||
         c == 0x300B || c == 0x3011 || c == '"' || c == '\'' || c == ')';
}

/* 。！？ and ASCII ! ? */
static inline gboolean zs_line_is_stop(gunichar c) {
  if (c - 0x3012u <= 0xFF00u - 0x3012u)
    return FALSE;
  return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == '!' || c == '?';
}

static inline gboolean zs_line_is_dash(gunichar c) {
  if (c - 0x2014u > 0x2500u - 0x2014u)
    return FALSE;
  return c == 0x2014 || c == 0x2015 || c == 0x2500;
}

/* Ends a sentence: a stop, then closing marks. */
gboolean zs_line_ends_sentence(const char *norm, gsize len);
/* Ends in ……, a dash run, or a colon: the page closes paragraphs there. */
gboolean zs_line_ends_soft(const char *norm, gsize len);
/* Ends inside a clause (，、；“（《): a paragraph never ends there. */
gboolean zs_line_ends_open(const char *norm, gsize len);
/* A title cut after its colon: one or two characters after the last ：. */
gboolean zs_line_colon_fragment(const char *norm, gsize len);

/* The end of a line, read once for the questions above (the reflow asks
 * most of them about most lines): zs_line_end_read() fills it, and
 * zs_line_end_sentence() and the rest answer as the functions above do on
 * the same text, reading no further back than they must. */
typedef struct {
  gunichar last; /* the last character, 0 when there is none */
  gunichar core; /* the last before any closing marks, or 0 */
  gsize at;      /* where the last character starts */
} ZsLineEnd;

static inline void zs_line_end_read(const char *norm, gsize len, ZsLineEnd *e) {
  *e = (ZsLineEnd){0};
  if (!len)
    return;
  /* a lead of three bytes three from the end starts the last character
   * (most lines end in Chinese text): read without stepping back */
  const char *p;
  if (len >= 3 && ((guchar)norm[len - 3] & 0xF0) == 0xE0) {
    p = norm + len - 3;
    const guchar *b = (const guchar *)p;
    e->last = ((gunichar)(b[0] & 0x0F) << 12) | ((gunichar)(b[1] & 0x3F) << 6) | (b[2] & 0x3F);
  } else {
    p = zs_utf8_prev(norm, norm + len);
    e->last = zs_utf8_at(p);
  }
  e->at = (gsize)(p - norm);
  e->core = e->last;
  while (zs_line_is_closer(e->core)) { /* rare: back over the closing marks */
    p = zs_utf8_prev(norm, p);
    e->core = p ? zs_utf8_at(p) : 0;
  }
}

static inline gboolean zs_line_end_sentence(const ZsLineEnd *e) {
  return zs_line_is_stop(e->core);
}

static inline gboolean zs_line_end_open(const ZsLineEnd *e) {
  gunichar c = e->last;
  if (c - 0x3012u <= 0xFF00u - 0x3012u)
    return FALSE;
  return c == 0xFF0C || c == 0x3001 || c == 0xFF1B || c == 0x201C || c == 0x2018 ||
         c == 0xFF08 || c == 0x300A || c == 0x300C || c == 0x300E || c == 0x3010;
}

/* These two may read the characters before the last: `norm` is the text
 * `e` was read from. (The first is asked of every line that a next one
 * follows, and mostly answered by its last character: inline.) */
static inline gboolean zs_line_end_soft(const char *norm, gsize len, const ZsLineEnd *e) {
  if (len < 3)
    return FALSE;
  gunichar c = e->last;
  if (c == 0x2026 || c == 0xFF1A || c == ':')
    return TRUE;
  return zs_line_is_dash(c) && e->at > 0 &&
         zs_line_is_dash(zs_utf8_at(zs_utf8_prev(norm, norm + e->at)));
}
gboolean zs_line_end_colon_fragment(const char *norm, const ZsLineEnd *e);

/* The ZS_PUNCT_ bits of `norm` (，。！？；：、… and the arrows), found
 * with strstr() (the normalizer has them from zs_normtext_into()). */
guint zs_line_punct(const char *norm);

/* Led by a dash run of two or more, without ，。: a subtitle. */
gboolean zs_line_starts_subtitle(const char *norm);
/* Always starts a paragraph: dateline, byline, continuation note, section
 * marker, subtitle. `first` is its first character (the reflow has it
 * decoded). */
gboolean zs_line_starts_block(const char *norm, gsize len, gunichar first);
/* FALSE only when zs_class_dateline_len(norm) is 0: the line neither
 * starts with 【 nor has 电, 讯 or 息 anywhere (zs_class_dated_marks(),
 * classify.h, says why). */
gboolean zs_line_may_start_dated(const char *norm, gsize len);
/* FALSE only when zs_class_is_meta(norm) is FALSE: a cheap exact test
 * before it (lines.c says why). */
gboolean zs_line_may_be_meta(const char *norm);
/* The same, given norm's first character and its ZS_PUNCT_ marks
 * (zs_normtext_into() reports them) instead of reading them again. Inline:
 * the reflow asks it of most lines, and it is mostly answered by the
 * marks and the first character. */
static inline gboolean zs_line_may_be_meta_p(const char *norm, gunichar first, guint punct) {
  return (!(punct & (ZS_PUNCT_COMMA | ZS_PUNCT_STOP)) &&
          ((punct & ZS_PUNCT_ARROW) || g_ascii_isdigit(*norm))) ||
         (zs_class_meta_first(first) && zs_class_meta_start(norm));
}
/* A line whose first character is `first` starts with an opening quote or
 * book mark. */
static inline gboolean zs_line_starts_quote(gunichar first) {
  return first == 0x201C || first == 0x2018 || first == 0x300C || first == 0x300E ||
         first == 0x300A || first == '"';
}

/* ... starts with a closing mark (no Chinese line does: it joins the
 * last). */
static inline gboolean zs_line_starts_closing(gunichar first) {
  if (first - 0x3012u <= 0xFF00u - 0x3012u)
    return FALSE;
  return zs_line_is_closer(first) || zs_line_is_stop(first) || first == 0xFF0C ||
         first == 0x3001 || first == 0xFF1B || first == 0xFF1A || first == 0x2026;
}

/* A one-line paragraph that reads as a headline (<= 30 columns, no clause
 * punctuation): phrase spaces stay in it. */
gboolean zs_line_headline_like(const char *norm, double width);
/* The same, given the line's ZS_PUNCT_ marks. */
gboolean zs_line_headline_like_p(guint punct, double width);
/* A byline of names only (李 刚 黄惠萍 胡 靖) as names one space apart
 * (李刚 黄惠萍 胡靖), newly allocated; NULL when `raw` is not one. */
char *zs_line_names(const char *raw);
/* "## text": the heading's text without the markers (inside `s`), or
 * NULL. */
const char *zs_line_markdown_heading(const char *s);

#endif
