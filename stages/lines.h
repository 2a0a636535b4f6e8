/* lines.h: the shape of one line of text, for the reflow in normalize.c
 * (lines.c). `norm` arguments are zs_norm_text() output; `raw` ones the
 * decoded line before it. Where a length is asked for, it is the text's
 * (the caller has it; the line is not measured again). */
#ifndef ZS_LINES_H
#define ZS_LINES_H

#include <glib.h>

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
 * reflow asks about the last characters of every line.) */
static inline gboolean zs_line_is_closer(gunichar c) {
  return c == 0x201D || c == 0x2019 || c == 0x300D || c == 0x300F || c == 0xFF09 ||
         c == 0x300B || c == 0x3011 || c == '"' || c == '\'' || c == ')';
}

/* 。！？ and ASCII ! ? */
static inline gboolean zs_line_is_stop(gunichar c) {
  return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == '!' || c == '?';
}

/* Ends a sentence: a stop, then closing marks. */
gboolean zs_line_ends_sentence(const char *norm, gsize len);
/* Ends in ……, a dash run, or a colon: the page closes paragraphs there. */
gboolean zs_line_ends_soft(const char *norm, gsize len);
/* Ends inside a clause (，、；“（《): a paragraph never ends there. */
gboolean zs_line_ends_open(const char *norm, gsize len);
/* A title cut after its colon: one or two characters after the last ：. */
gboolean zs_line_colon_fragment(const char *norm, gsize len);
/* Has any of ，。！？；：、…. */
gboolean zs_line_has_clause_punct(const char *norm);

/* Led by a dash run of two or more, without ，。: a subtitle. */
gboolean zs_line_starts_subtitle(const char *norm);
/* Always starts a paragraph: dateline, byline, continuation note, section
 * marker, subtitle. */
gboolean zs_line_starts_block(const char *norm);
/* FALSE only when zs_class_is_meta(norm) is FALSE: a cheap exact test
 * before it (lines.c says why). */
gboolean zs_line_may_be_meta(const char *norm);
/* Starts with an opening quote or book mark. */
gboolean zs_line_starts_quote(const char *norm);
/* Starts with a closing mark (no Chinese line does: it joins the last). */
gboolean zs_line_starts_closing(const char *norm);

/* A one-line paragraph that reads as a headline (<= 30 columns, no clause
 * punctuation): phrase spaces stay in it. */
gboolean zs_line_headline_like(const char *norm, double width);
/* A byline of names only (李 刚 黄惠萍 胡 靖) as names one space apart
 * (李刚 黄惠萍 胡靖), newly allocated; NULL when `raw` is not one. */
char *zs_line_names(const char *raw);
/* "## text": the heading's text without the markers (inside `s`), or
 * NULL. */
const char *zs_line_markdown_heading(const char *s);

#endif
