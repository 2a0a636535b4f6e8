/* numbers_int.h: what numbers.c, numbers_numeral.c and numbers_reject.c share.
 *
 * numbers_numeral.c reads a numeral (its value and what it is made of);
 * numbers.c reads the quantity around it and decides whether it is one.
 * numbers_reject.c turns away the sentences that cannot hold one;
 * numbers_holds.c finds where a sentence first holds 不 《 “.
 * Not for other stages.
 */
#ifndef ZS_NUMBERS_INT_H
#define ZS_NUMBERS_INT_H

#include <string.h>

#include "decimal.h"
#include "numtext.h"
#include "numwords.h"

static inline gboolean is_adigit(gunichar c) { return c >= '0' && c <= '9'; }
static inline gboolean is_latin(gunichar c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* strcmp(a, b) == 0, the first bytes compared inline: a figure's unit is
 * asked about a dozen words, and nearly always differs at once. */
static inline gboolean str_is(const char *a, const char *b) {
  return a[0] == b[0] && strcmp(a, b) == 0;
}

/* Can a numeral start at c? What the scanner asks of every character: an
 * Arabic digit, or a Chinese digit or power (百分之 starts with 百, a
 * power): the character that numchars holds at its slot, a load and a
 * compare (no empty slot holds a character), where switches' branches
 * mispredict. */
static inline gboolean numeral_start(const ZsNumWords *x, gunichar c) {
  return (c - '0' < 10) | (x->numchars[c % 1024].c == c);
}

/* zs_numwords_digit() and zs_numwords_power() read off numchars: the
 * same answers (an empty slot, or another character's, says -1 and 0). */
static inline int cn_digit(const ZsNumWords *x, gunichar c) {
  return x->numchars[c % 1024].c == c ? x->numchars[c % 1024].digit : -1;
}
static inline int cn_power(const ZsNumWords *x, gunichar c) {
  return x->numchars[c % 1024].c == c ? x->numchars[c % 1024].power : 0;
}

/* What the numeral parser found. */
typedef struct {
  glong start, end;   /* code point span of the numeral (with 余/多 inside) */
  ZsDec value;
  gboolean chinese;   /* any Chinese numeral character */
  gboolean arabic;    /* any Arabic digit */
  gboolean has_power; /* 十百千万亿 appear */
  gboolean bare;      /* starts with a power (万人, 百万), no digit before */
  gboolean lone_yi;   /* exactly 一 or 两, nothing else */
  gboolean integer4;  /* four Arabic digits, no point: a possible year */
  gboolean digit_run; /* consecutive Chinese digits (二〇二三) */
  gboolean over;      /* 余, 多 or 几 inside (8万余, 3800多万, 十几) */
  int scale;          /* trailing 万/亿 power, for the range low bound */
} Numeral;

/* Chinese-style evaluation over digits and powers, Arabic numbers allowed as
 * digits: 一千五百亿, 3万5千, 1.5万亿, 百万, 十几. Reads the numeral of t
 * at i into *num (words is zs_numwords()), leaving num->end after the
 * last character that belongs to it; FALSE if there is none or its value
 * does not fit. */
gboolean zs_num_parse_numeral(const ZsNumWords *words, const ZsNumText *t, glong i, Numeral *num);

/* What drops a figure of the unit 年 when it follows the unit (4年来, 12年
 * 前), in the order they are tried; ZS_NUM_YEAR_ANCHOR_CHU, 初, only
 * with no qualifier (近10年初 stands). */
extern const char *const zs_num_year_anchors[];
extern const gsize zs_num_n_year_anchors;
#define ZS_NUM_YEAR_ANCHOR_CHU 12

/* What drops a figure of the unit 岁 when it follows the unit (60岁以上,
 * 0至14岁): an age threshold or group, not a statistic. */
extern const char *const zs_num_age_thresholds[];
extern const gsize zs_num_n_age_thresholds;

/* Where a sentence first holds what two look-arounds of every figure
 * look back for: 不 (which every bound word starts with), 《 and “. Found
 * on asking, and only as far as asked: the questions are all "is there
 * one before this figure?", most sentences hold none of them, and no
 * figure before the first needs to look. What keeps it exact: the bytes
 * are read in order from the start, so while a field is G_MAXSIZE none
 * of its kind starts before `upto`, and once set it is the first. */
typedef struct {
  gsize upto;             /* every place before it has been read */
  gsize bu, title, quote; /* byte offsets; G_MAXSIZE: none (yet) */
} Holds;

#define HOLDS_INIT {0, G_MAXSIZE, G_MAXSIZE, G_MAXSIZE}

/* Reads on from h->upto until it passes byte `at` of t or has seen all
 * three (numbers_holds.c). */
void zs_num_holds_read(const ZsNumText *t, Holds *h, gsize at);

/* zs_num_scan_into()'s two rejects (numbers_reject.c): the byte offset of
 * the first numeral start of s, or -1; whether s can yield a quantity from
 * there on (FALSE: it yields none), and if so in *start where the scan
 * may begin (`from`, or a later figure start: scanning from it finds the
 * same quantities). x is zs_numwords(); s has len bytes and its NUL. */
gssize zs_num_first_numeral(const ZsNumWords *x, const char *s, gsize len);
gboolean zs_num_may_yield(const ZsNumWords *x, const char *s, gsize len, gsize from,
                          gsize *start);

/* zs_num_scan_into() of a sentence from byte `first` (its first numeral
 * start, or a later start zs_num_may_yield() gives), without the rejects. */
void zs_num_scan_from(const char *sentence, gsize len, gsize first, GPtrArray *out);

#endif
