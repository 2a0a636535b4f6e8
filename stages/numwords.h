/* numwords.h: what the number reader knows by heart: the Chinese digits
 * and powers, the measure words, the words that only look like one, the
 * person nouns, the set phrases; and an index that finds the words of a
 * list standing at a character by that first character.
 *
 * Split out of numbers.c, which holds the grammar (how a quantity is read
 * and what is not a statistic); this is its vocabulary. The digit tests and
 * the index lookup run on every character of a sentence, so they are inline.
 */
#ifndef ZS_NUMWORDS_H
#define ZS_NUMWORDS_H

#include <glib.h>

/* The value of a Chinese digit (零 〇 一 二 两 ... 九), or -1. */
static inline int zs_numwords_digit(gunichar c) {
  switch (c) {
  case 0x96F6: case 0x3007: return 0; /* 零 〇 */
  case 0x4E00: return 1;              /* 一 */
  case 0x4E8C: case 0x4E24: return 2; /* 二 两 */
  case 0x4E09: return 3;              /* 三 */
  case 0x56DB: return 4;              /* 四 */
  case 0x4E94: return 5;              /* 五 */
  case 0x516D: return 6;              /* 六 */
  case 0x4E03: return 7;              /* 七 */
  case 0x516B: return 8;              /* 八 */
  case 0x4E5D: return 9;              /* 九 */
  default: return -1;
  }
}

/* 十 百 千 万 亿 as powers of ten, or 0. */
static inline int zs_numwords_power(gunichar c) {
  switch (c) {
  case 0x5341: return 1; /* 十 */
  case 0x767E: return 2; /* 百 */
  case 0x5343: return 3; /* 千 */
  case 0x4E07: return 4; /* 万 */
  case 0x4EBF: return 8; /* 亿 */
  default: return 0;
  }
}

/* ---- measure words ------------------------------------------------------ */

typedef struct {
  const char *written; /* as it stands after the number */
  const char *unit;    /* the base unit written in the CSV */
} ZsUnitDef;

/* In match order: longest forms first where one is a prefix of another. */
extern const ZsUnitDef zs_numwords_units[];
extern const gsize zs_numwords_n_units;

/* What numbers.c asks of a unit, as bits (ZsNumWords.unit_flags, by
 * place in zs_numwords_units), instead of comparing its strings. */
enum {
  ZS_UNIT_CHENG = 1 << 0,     /* written 成 */
  ZS_UNIT_CATEGORY = 1 << 1,  /* written as one of zs_numwords_category_units */
  ZS_UNIT_GE = 1 << 2,        /* written 个 */
  ZS_UNIT_YEAR = 1 << 3,      /* unit 年 */
  ZS_UNIT_MONTH_DAY = 1 << 4, /* unit 月 or 天 */
  ZS_UNIT_AGE = 1 << 5,       /* unit 岁 */
  ZS_UNIT_TIMES_PCT = 1 << 6, /* unit 倍 or % */
};

/* Chinese numerals under 100 before these count categories (三部门). */
extern const char *const zs_numwords_category_units[];
extern const gsize zs_numwords_n_category_units;

/* ---- the first-character index ------------------------------------------ */

/* A list's words sorted by (first character, place in the list): the words
 * that can start at a given character form one run, still in list order, so
 * a lookup visits only them and finds first what a scan of the whole list
 * would find first. Built once, read-only after: shared by all threads. */
typedef struct {
  gunichar first;
  guint16 index; /* place in the list */
  guint16 chars; /* length in characters */
  const char *word;
} ZsWordEntry;

/* Where the run of one first character lies in e[]: [from, to). */
typedef struct {
  gunichar first; /* 0: an empty slot */
  guint16 from, to;
} ZsWordRun;

typedef struct {
  ZsWordEntry *e;
  guint n;
  guint64 bloom[16]; /* bit (first % 1024) of each word: most characters start none */
  /* The runs, hashed by first character (open addressing, linear probing,
   * at most a quarter full): what passes the bloom finds its run in a
   * probe or two instead of a binary search of e[]. */
  ZsWordRun *runs;
  guint runs_mask;
} ZsWordIndex;

enum { ZS_NW_START = 1, ZS_NW_END = 2 };

typedef struct {
  ZsWordIndex units, not_units, persons, set_phrases;
  /* Bit k of slot c % 1024: some set phrase (of at most 32 characters)
   * holds a character of that
   * slot at its place k. A phrase covering place i of a text starts at
   * i - k for such a k of the character at i, so only those starts are
   * looked at (a slot shared by two characters only adds starts). */
  guint32 set_places[1024];
  /* 年 is the one unit that starts with 年 (its base unit 年), and no
   * person noun starts with 年: what lets numbers_reject.c pass over a
   * year (after_year()). */
  gboolean year_rule;
  /* Bit (c % 1024) of every Chinese digit and power (starts), and of those
   * and 余 多 几 (ends: what a numeral can end with). For a three-byte
   * character c % 1024 is (second byte & 0x0F, third byte & 0x3F): word,
   * bit. */
  guint64 start_bits[16], end_bits[16];
  /* The same two sets a byte a slot (ZS_NW_START, ZS_NW_END), for
   * numbers_reject.c's skip of five characters at a time, which reads the
   * five slots out of a vector register with no shift to make. */
  guint8 three_flags[1024];
  /* Every Chinese digit and power at slot c % 1024 (no two share one,
   * checked as it is built): its code point, zs_numwords_digit() and
   * zs_numwords_power(). An empty slot holds G_MAXUINT32 (no
   * character) and reads as no digit (-1) and no power (0). What the numeral reader asks of each character, a load
   * and a compare where the two switches' branches mispredicted. */
  const guint8 *unit_flags; /* ZS_UNIT_ bits of each unit, by its place */
  struct {
    gunichar c;
    gint8 digit;
    guint8 power;
  } numchars[1024];
} ZsNumWords;

/* The indexes of the lists, built on first use (thread-safe), never freed.
 * Inline: the number reader asks for them at every sentence, and once
 * they are built that is a load and a compare, not a call. */
extern GOnce zs_numwords_once;
gpointer zs_numwords_build(gpointer unused);
static inline const ZsNumWords *zs_numwords(void) {
  return g_once(&zs_numwords_once, zs_numwords_build, NULL);
}

/* The run of words starting with `c`: [*from, returned end). */
static inline const ZsWordEntry *zs_numwords_run(const ZsWordIndex *x, gunichar c, const ZsWordEntry **from) {
  *from = x->e;
  if (!(x->bloom[c / 64 % 16] & (G_GUINT64_CONSTANT(1) << (c % 64))))
    return x->e;
  for (guint h = c & x->runs_mask; x->runs[h].first; h = (h + 1) & x->runs_mask)
    if (x->runs[h].first == c) {
      *from = x->e + x->runs[h].from;
      return x->e + x->runs[h].to;
    }
  return x->e;
}

#endif
