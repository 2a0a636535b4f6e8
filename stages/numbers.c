/* numbers.c: finds the quantities in a sentence and reads them exactly.
 *
 * A quantity is: [qualifier] number [余|多] [scale] [余|多] unit [以上|左右…]
 * where the number is Arabic ("1,234.5"), Chinese ("一千五百") or mixed
 * ("3万5千", "1.7亿"), and the unit is a measure word from numwords.c's table
 * (or a person noun such as 老年人, which gives the unit 人). Values are kept
 * as exact decimals (decimal.h: a 64-bit mantissa and a power of ten): the
 * gold's `1125.48万` must be 11254800, never 11254799.999999. The sentence
 * is read as code points with byte offsets (numtext.h); the numeral itself
 * by numbers_numeral.c. A sentence that cannot yield a quantity is turned
 * away before it is decoded (numbers_reject.c).
 *
 * What is not a statistic is dropped here, by the gold README's rules, so
 * every later stage sees only real quantities: dates and times (2023年,
 * 7月15日, 10时), ordinals (第一), time anchors (4年来, 12年前), age
 * thresholds (60岁以上, 0—14岁), a lone 一/两 before a measure word, a small
 * Chinese numeral counting categories (三大类, 十个方面), numbers inside a
 * document title 《…》 or a short quoted name “…”, numbers glued to Latin
 * letters (PM2.5, 5G, D1846次), and the set phrases in numwords.c.
 */
#include "numbers.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "decimal.h"
#include "numbers_int.h"
#include "numtext.h"
#include "numwords.h"
#include "perthread.h"

/* ---- units and words, looked up in numwords' indexes --------------------- */

/* The first word of the list (in list order) that stands at i, or NULL. */
static const ZsWordEntry *index_match(const ZsWordIndex *x, const ZsNumText *t, glong i) {
  const ZsWordEntry *e, *end = zs_numwords_run(x, zs_nt_at(t, i), &e);
  if (e == end)
    return NULL;
  /* Every word of the run starts with the character at i (a run is
   * never found outside the text: 0 starts none), so each is compared
   * from the character after it, in place. */
  gsize first = t->off[i + 1] - t->off[i];
  const char *at = t->s + t->off[i + 1];
  for (; e < end; e++) {
    const char *w = e->word + first, *p = at;
    while (*w && *w == *p)
      w++, p++;
    if (!*w)
      return e;
  }
  return NULL;
}

static const ZsUnitDef *match_unit(const ZsNumWords *x, const ZsNumText *t, glong i, glong *len) {
  /* A not-unit (部门 after 三) outranks a unit; asked only where a unit
   * stands, since many figures are followed by neither. */
  const ZsWordEntry *e = index_match(&x->units, t, i);
  if (!e || index_match(&x->not_units, t, i))
    return NULL;
  *len = e->chars;
  return &zs_numwords_units[e->index];
}

static gboolean match_person(const ZsNumWords *x, const ZsNumText *t, glong i) {
  return index_match(&x->persons, t, i) != NULL;
}

/* Is position i covered by a set phrase? What marking every phrase of the
 * sentence would say, asked only where a numeral stands, and only of the
 * starts i - k where a phrase holding the character at i at its place k
 * would start (set_places). */
static gboolean in_set_phrase(const ZsNumWords *x, const ZsNumText *t, glong i) {
  /* i is a numeral's place, so every j here lies within the text. */
  for (guint32 places = x->set_places[t->c[i] % 1024]; places; places &= places - 1) {
    glong j = i - __builtin_ctz(places);
    if (j < 0)
      break;
    const ZsWordEntry *e, *end = zs_numwords_run(&x->set_phrases, t->c[j], &e);
    for (; e < end; e++)
      if (j + e->chars > i && zs_nt_starts(t, j, e->word))
        return TRUE;
  }
  return FALSE;
}

/* ---- qualifiers --------------------------------------------------------- */

/* Every qualifier word is of three-byte characters: its length in
 * characters is a third of its length in bytes, both known here instead
 * of counted at every figure. */
typedef struct {
  const char *word;
  guint8 bytes, chars;
  ZsQualifier q;
} QualDef;

#define QUAL(w, q) {w, sizeof w - 1, (sizeof w - 1) / 3, q}

static const QualDef prefix_quals[] = {
  QUAL("将近", ZS_QUAL_NEARLY), QUAL("接近", ZS_QUAL_NEARLY), QUAL("大约", ZS_QUAL_APPROX),
  QUAL("超过", ZS_QUAL_OVER),   QUAL("不低于", ZS_QUAL_OVER), QUAL("不少于", ZS_QUAL_OVER),
  QUAL("突破", ZS_QUAL_OVER),   QUAL("不到", ZS_QUAL_UNDER),  QUAL("不足", ZS_QUAL_UNDER),
  QUAL("近", ZS_QUAL_NEARLY),   QUAL("约", ZS_QUAL_APPROX),   QUAL("超", ZS_QUAL_OVER),
  QUAL("逾", ZS_QUAL_OVER),
};

static const QualDef suffix_quals[] = {
  QUAL("以上", ZS_QUAL_OVER),   QUAL("左右", ZS_QUAL_APPROX), QUAL("上下", ZS_QUAL_APPROX),
  QUAL("以下", ZS_QUAL_UNDER),  QUAL("以内", ZS_QUAL_UNDER),  QUAL("多", ZS_QUAL_OVER),
};

/* zs_nt_ends_with() of a qualifier word: its length in characters if it
 * ends at position i, else 0. Compared from the last byte, where words
 * that do not stand there nearly always differ. */
static glong ends_with_qual(const ZsNumText *t, glong i, const QualDef *d) {
  if (i < 0 || i > t->n || t->off[i] < d->bytes)
    return 0;
  const char *p = t->s + t->off[i] - d->bytes;
  for (gsize k = d->bytes; k-- > 0;)
    if (p[k] != d->word[k])
      return 0;
  return d->chars;
}

const char *zs_qualifier_name(ZsQualifier q) {
  static const char *names[] = {"exact", "approx", "nearly", "over", "under"};
  return q <= ZS_QUAL_UNDER ? names[q] : "exact";
}

/* The qualifier word attached before position i; its length in *len. */
static ZsQualifier prefix_qualifier(const ZsNumText *t, glong i, glong *len) {
  *len = 0;
  /* Each word above ends in one of these: most numerals follow none. */
  switch (zs_nt_at(t, i - 1)) {
  case 0x8FD1: case 0x7EA6: case 0x8FC7: case 0x4E8E: case 0x7834: /* 近 约 过 于 破 */
  case 0x5230: case 0x8DB3: case 0x8D85: case 0x903E:               /* 到 足 超 逾 */
    break;
  default:
    return ZS_QUAL_EXACT;
  }
  for (gsize k = 0; k < G_N_ELEMENTS(prefix_quals); k++) {
    glong l = ends_with_qual(t, i, &prefix_quals[k]);
    if (!l)
      continue;
    /* 最近, 附近, 临近: 近 is part of another word. */
    if (l == 1 && prefix_quals[k].q == ZS_QUAL_NEARLY &&
        (zs_nt_at(t, i - 2) == 0x6700 || zs_nt_at(t, i - 2) == 0x9644 ||
         zs_nt_at(t, i - 2) == 0x4E34))
      continue;
    *len = l;
    return prefix_quals[k].q;
  }
  return ZS_QUAL_EXACT;
}

/* Does a 不 (*field: h->bu), 《 or “ start before byte `at`? */
static inline gboolean holds_before(const ZsNumText *t, Holds *h, const gsize *field, gsize at) {
  if (*field == G_MAXSIZE && h->upto < at)
    zs_num_holds_read(t, h, at);
  return *field < at;
}

/* A bound stated earlier in the clause for the figure that follows it, with
 * no other figure between: 不低于当地最低生活保障标准的1.3倍 is "at least
 * 1.3倍". Only these explicit bound words count, never 近 or 约 at a
 * distance. */
static ZsQualifier detached_bound(const ZsNumWords *x, const ZsNumText *t, glong i, Holds *h) {
  if (!holds_before(t, h, &h->bu, t->off[i]))
    return ZS_QUAL_EXACT; /* no 不 before the figure */
  static const QualDef bounds[] = {
    QUAL("不低于", ZS_QUAL_OVER), QUAL("不少于", ZS_QUAL_OVER),
    QUAL("不高于", ZS_QUAL_UNDER), QUAL("不超过", ZS_QUAL_UNDER),
  };
  for (glong j = i - 1; j >= 0 && i - j <= 30; j--) {
    gunichar c = t->c[j];
    if (is_adigit(c) || cn_digit(x, c) >= 0 || c == 0xFF0C || c == 0xFF1B || c == 0x3002 ||
        c == 0xFF1A)
      return ZS_QUAL_EXACT; /* another figure, or the clause began */
    if (c != 0x4E0D) /* 不, which every bound word starts with */
      continue;
    for (gsize k = 0; k < G_N_ELEMENTS(bounds); k++)
      if (zs_nt_starts(t, j, bounds[k].word))
        return bounds[k].q;
  }
  return ZS_QUAL_EXACT;
}

/* ---- context checks ----------------------------------------------------- */

/* Is position i inside 《…》, or inside a short quoted name “…” (no sentence
 * punctuation, at most 12 characters), where numbers are part of a name? */
static gboolean inside_name(const ZsNumText *t, glong i, Holds *h) {
  /* Each loop below answers TRUE only at a 《 or a “ before i. A title is
   * short: look back a bounded distance, so a long sentence full of
   * numbers stays linear. */
  if (holds_before(t, h, &h->title, t->off[i]))
    for (glong j = i - 1; j >= 0 && i - j <= 64; j--) {
      gunichar c = t->c[j];
      if (c == 0x300B) break;       /* 》 */
      if (c == 0x300A) return TRUE; /* 《 */
    }
  if (!holds_before(t, h, &h->quote, t->off[i]))
    return FALSE;
  glong open = -1;
  for (glong j = i - 1; j >= 0 && i - j <= 12; j--) {
    gunichar c = t->c[j];
    if (c == 0x201D || c == 0xFF0C || c == 0x3002) break; /* ” ， 。 */
    if (c == 0x201C) { open = j; break; }                  /* “ */
  }
  if (open < 0)
    return FALSE;
  for (glong j = i; j < t->n && j - open <= 13; j++) {
    gunichar c = t->c[j];
    if (c == 0x201D) return TRUE;
    if (c == 0xFF0C || c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF1B)
      return FALSE;
  }
  return FALSE;
}

/* 到 至 — – - ~ ～: each one character. */
static gboolean is_range_sep(const ZsNumText *t, glong i, glong *len) {
  switch (zs_nt_at(t, i)) {
  case 0x5230: case 0x81F3: case 0x2014: case 0x2013: case '-': case '~': case 0xFF5E:
    *len = 1;
    return TRUE;
  default:
    return FALSE;
  }
}

/* ---- the scanner -------------------------------------------------------- */

const char *const zs_num_year_anchors[] = {"来", "前", "后", "以来", "以后", "以前", "之前",
                                           "之后", "间", "代", "底", "末", "初", "中",
                                           "内", "起", "开始", "度"};
const gsize zs_num_n_year_anchors = G_N_ELEMENTS(zs_num_year_anchors);
const char *const zs_num_age_thresholds[] = {"以上", "以下", "及以上", "及以下", "以内", "至",
                                             "到", "—", "-", "～", "~"};
const gsize zs_num_n_age_thresholds = G_N_ELEMENTS(zs_num_age_thresholds);


typedef struct {
  Numeral num;
  glong start, end;        /* surface, code points */
  const char *unit;        /* NULL: none; for a range low bound, filled later */
  ZsQualifier qual;
  gboolean dropped;        /* found but not a statistic */
  gboolean range_low;
  glong range_next;        /* where the high bound starts, for range_low */
} Found;

/* A quantity and its two strings live in one block, made at the rate of
 * figures and freed by the same thread at nearly the same rate (extract.c
 * empties its array at every sentence): blocks of the usual size are kept
 * on a list of the thread's for the next quantity, instead of a malloc()
 * and a free() for each. A header before the quantity says which kind
 * of block it is; the list is bounded, so a sentence with thousands of
 * figures leaves no more than POOL_MAX blocks behind it. (None is kept
 * under AddressSanitizer: ZS_POOLS.) */
#define POOL_BLOCK 128 /* bytes: the header, the struct and the two strings */
#define POOL_MAX 256

typedef union QBlock {
  union QBlock *next; /* on the list */
  gsize pooled;       /* in use: TRUE when of POOL_BLOCK bytes */
  max_align_t align;
} QBlock;

typedef struct {
  QBlock *head;
  guint n;
} Pool;

static _Thread_local Pool *my_pool;

static void pool_free(gpointer data) {
  Pool *pool = data;
  my_pool = NULL;
  while (pool->head) {
    QBlock *b = pool->head;
    pool->head = b->next;
    g_free(b);
  }
  g_free(pool);
}

/* The thread's pool, at every figure made and freed (perthread.h). */
static GPrivate thread_pool = G_PRIVATE_INIT(pool_free);

static inline Pool *pool_get(void) {
  return ZS_THREAD_OWN(my_pool, &thread_pool, g_new0(Pool, 1));
}

void zs_quantity_free(ZsQuantity *q) {
  if (!q)
    return;
  QBlock *b = (QBlock *)q - 1;
  Pool *pool;
  if (b->pooled && (pool = pool_get())->n < POOL_MAX) {
    b->next = pool->head;
    pool->head = b;
    pool->n++;
  } else {
    g_free(b);
  }
}

/* A quantity with its value and unit (of ulen bytes). */
static ZsQuantity *quantity_new(ZsDec value, const char *unit, gsize ulen) {
  ZsDecText vt = zs_dec_text(value);
  gsize vlen = vt.size;
  gsize size = sizeof(QBlock) + sizeof(ZsQuantity) + vlen + 1 + ulen + 1;
  QBlock *b;
  if (ZS_POOLS && size <= POOL_BLOCK) {
    Pool *pool = pool_get();
    if (pool->head) {
      b = pool->head;
      pool->head = b->next;
      pool->n--;
    } else {
      b = g_malloc(POOL_BLOCK);
    }
    b->pooled = TRUE;
  } else {
    b = g_malloc(size);
    b->pooled = FALSE;
  }
  ZsQuantity *q = (ZsQuantity *)(b + 1);
  memset(q, 0, sizeof *q);
  q->value = zs_dec_text_to(vt, (char *)(q + 1));
  q->unit = memcpy(q->value + vlen + 1, unit, ulen + 1);
  return q;
}

/* Reads one quantity at i (a numeral start). Returns FALSE when no numeral
 * stands there; f->dropped says whether it is a statistic. */
static gboolean read_quantity(const ZsNumWords *x, const ZsNumText *t, glong i, Found *f,
                              Holds *h) {
  /* Field by field: zs_num_parse_numeral() clears f->num itself, and a
   * memset of the whole was a rep stos at every numeral start. */
  f->start = f->end = f->range_next = 0;
  f->unit = NULL;
  f->qual = ZS_QUAL_EXACT;
  f->dropped = f->range_low = FALSE;
  gboolean percent_words = zs_nt_starts(t, i, "百分之");
  glong ni = percent_words ? i + 3 : i;
  if (!zs_num_parse_numeral(x, t, ni, &f->num))
    return FALSE;
  Numeral *n = &f->num;
  glong j = n->end;
  f->start = i;
  glong qlen;
  f->qual = prefix_qualifier(t, i, &qlen);
  f->start -= qlen;
  if (n->over)
    f->qual = ZS_QUAL_OVER;

  /* The unit, or a person noun. */
  glong ulen_ = 0;
  const ZsUnitDef *u = percent_words ? NULL : match_unit(x, t, j, &ulen_);
  if (percent_words) {
    f->unit = "%";
  } else if (u) {
    f->unit = u->unit;
    if (x->unit_flags[u - zs_numwords_units] & ZS_UNIT_CHENG) {
      if (n->arabic || n->has_power)
        u = NULL, f->unit = NULL; /* 建成, 达成: only 三成, 七成 are shares */
      else
        n->value = zs_dec_scale(n->value, 1);
    }
    if (u)
      j += ulen_;
  }
  glong unit_end = j;
  /* What the tests below ask of the unit (numwords' unit_flags). */
  guint uf = u ? x->unit_flags[u - zs_numwords_units] : 0;
  if (!f->unit && match_person(x, t, j))
    f->unit = "人";

  /* A trailing qualifier after the unit: 以上, 左右, 上下, 以下, 以内, 多
   * (三年多). */
  gboolean suffix = FALSE;
  gunichar after = zs_nt_at(t, j); /* the first character of each word */
  if (f->unit && u && (after == 0x4EE5 || after == 0x5DE6 || after == 0x4E0A || after == 0x591A)) {
    for (gsize k = 0; k < G_N_ELEMENTS(suffix_quals) && !suffix; k++)
      if (zs_nt_starts(t, j, suffix_quals[k].word)) {
        f->qual = suffix_quals[k].q;
        j += suffix_quals[k].chars;
        suffix = TRUE;
      }
  }
  f->end = f->unit && u ? j : n->end;
  if (percent_words)
    f->end = n->end;

  /* A range: this number is the low bound when a separator and a number
   * follow it directly. */
  glong seplen;
  if (is_range_sep(t, f->unit ? unit_end : n->end, &seplen)) {
    glong k = (f->unit ? unit_end : n->end) + seplen;
    gunichar c = zs_nt_at(t, k);
    if (is_adigit(c) || zs_numwords_digit(c) >= 0) {
      f->range_low = TRUE;
      f->range_next = k;
      if (!f->unit || !u) {
        f->end = n->end;
        f->unit = NULL;
      }
    }
  }

  /* What is not a statistic. Each test below can only drop the figure,
   * so a figure with neither a unit nor a range, dropped whatever they
   * say, skips them all, a list stops at the first word that drops it,
   * and the two that look around the most (set phrases, names) run last,
   * for a figure still standing. */
  if (!f->unit && !f->range_low) {
    f->dropped = TRUE;
    return TRUE;
  }
  /* A bound stated earlier counts unless a qualifier stands at the figure
   * (before it, in it, or after its unit). Looked for once the figure is
   * known to stand, since a dropped figure's qualifier is never read:
   * only the year anchor 初 below asks for it before. */
  gboolean bound_pending = !suffix && f->qual == ZS_QUAL_EXACT;
  gunichar before = zs_nt_at(t, f->start - 1);
  if (before == 0x7B2C /* 第 */ || is_latin(before) || is_latin(zs_nt_at(t, n->end)) ||
      before == '.' || is_adigit(before))
    f->dropped = TRUE;
  if (n->bare && !qlen) {
    /* 百万, 千万 and 上万 stand for numbers; 万亩, 千家 are words. */
    gboolean big = (zs_nt_at(t, ni) == 0x767E || zs_nt_at(t, ni) == 0x5343) &&
                   (zs_nt_at(t, ni + 1) == 0x4E07 || zs_nt_at(t, ni + 1) == 0x4EBF);
    if (!big)
      f->dropped = TRUE;
  }
  /* 一名民警, 两大袋: a lone 一/两 means "a"; but 两倍, 一成 are figures. */
  if ((n->lone_yi && !(uf & ZS_UNIT_TIMES_PCT)) ||
      n->digit_run)
    f->dropped = TRUE;
  /* 这三家企业, 该两项: a Chinese numeral after a demonstrative refers back. */
  if (n->chinese && !n->arabic && !n->has_power &&
      (before == 0x8FD9 || before == 0x90A3 || before == 0x8BE5 || before == 0x6B64))
    f->dropped = TRUE; /* 这 那 该 此 */
  if (n->chinese && !n->arabic && !n->has_power && n->value.m < 100 && (uf & ZS_UNIT_CATEGORY))
    f->dropped = TRUE;
  if (n->chinese && !n->arabic && n->has_power && !n->bare && n->value.e == 0 &&
      n->value.m < 100 && (uf & ZS_UNIT_GE))
    f->dropped = TRUE; /* 十个方面 */
  if (uf & ZS_UNIT_YEAR) {
    if (n->integer4 || n->digit_run)
      f->dropped = TRUE; /* a year */
    for (gsize k = 0; k < zs_num_n_year_anchors && !f->dropped; k++)
      if (zs_nt_starts(t, unit_end, zs_num_year_anchors[k])) {
        gboolean chu = k == ZS_NUM_YEAR_ANCHOR_CHU;
        if (chu && bound_pending) {
          f->qual = detached_bound(x, t, f->start, h);
          bound_pending = FALSE;
        }
        if (!(chu && f->qual != ZS_QUAL_EXACT))
          f->dropped = TRUE;
      }
  }
  if (uf & ZS_UNIT_MONTH_DAY) {
    if (zs_nt_starts(t, unit_end, "后") || zs_nt_starts(t, unit_end, "前") ||
        zs_nt_starts(t, unit_end, "来"))
      f->dropped = TRUE;
  }
  if (uf & ZS_UNIT_AGE) {
    for (gsize k = 0; k < zs_num_n_age_thresholds && !f->dropped; k++)
      if (zs_nt_starts(t, unit_end, zs_num_age_thresholds[k]))
        f->dropped = TRUE;
    glong sl;
    gunichar c2 = zs_nt_at(t, f->start - 2);
    if (f->start >= 2 && is_range_sep(t, f->start - 1, &sl) &&
        (is_adigit(c2) || zs_numwords_digit(c2) >= 0))
      f->dropped = TRUE; /* 0—14岁: an age group */
  }
  if (!f->dropped && (in_set_phrase(x, t, ni) || inside_name(t, ni, h)))
    f->dropped = TRUE;
  if (!f->dropped && bound_pending)
    f->qual = detached_bound(x, t, f->start, h);
  return TRUE;
}

GPtrArray *zs_num_scan(const char *sentence) {
  GPtrArray *out = g_ptr_array_new_with_free_func((GDestroyNotify)zs_quantity_free);
  g_return_val_if_fail(sentence != NULL, out);
  zs_num_scan_into(sentence, strlen(sentence), out);
  return out;
}

void zs_num_scan_into(const char *sentence, gsize len, GPtrArray *out) {
  const ZsNumWords *x = zs_numwords();
  gssize first = zs_num_first_numeral(x, sentence, len);
  gsize start;
  if (first >= 0 && zs_num_may_yield(x, sentence, len, (gsize)first, &start))
    zs_num_scan_from(sentence, len, start, out);
}

void zs_num_scan_from(const char *sentence, gsize len, gsize first, GPtrArray *out) {
  const ZsNumWords *x = zs_numwords();
  ZsNumText t;
  zs_nt_init(&t, sentence, len);
  /* Most sentences hold a few numerals: kept on the stack until more. */
  Found local[16], *found = local;
  Holds holds = HOLDS_INIT;
  guint n_found = 0, cap = G_N_ELEMENTS(local);

  /* The character at byte `first`: off[] ascends. Halved with no
   * branch on the compare (a cmov), which mispredicts half the time. */
  glong i = 0;
  for (glong n = t.n + 1; n > 1;) {
    glong half = n / 2;
    i = t.off[i + half - 1] < (gsize)first ? i + half : i;
    n -= half;
  }
  for (;;) {
    /* To the next numeral start in a loop of its own: most characters
     * are none, and here the text stays in registers (read_quantity()
     * takes its address). */
    const gunichar *c = t.c;
    glong n = t.n;
    while (i < n && !numeral_start(x, c[i]))
      i++;
    if (i >= n)
      break;
    /* Never start inside a word-like run of Arabic digits or letters. */
    if (i > 0 && (is_adigit(c[i - 1]) || c[i - 1] == '.' || c[i - 1] == ',')) {
      i++;
      continue;
    }
    /* Read in place into the next free slot (a Found is some 120 bytes). */
    if (n_found == cap) {
      Found *more = g_new(Found, cap * 2);
      memcpy(more, found, cap * sizeof *found);
      if (found != local)
        g_free(found);
      found = more;
      cap *= 2;
    }
    Found *f = &found[n_found];
    if (!read_quantity(x, &t, i, f, &holds)) {
      i++;
      continue;
    }
    n_found++;
    i = MAX(f->num.end, i + 1);
  }

  /* Range low bounds take the unit (and scale) of their high bound, and are
   * dropped with it. */
  for (guint k = n_found; k-- > 0;) {
    Found *f = &found[k];
    if (!f->range_low)
      continue;
    Found *hi = NULL;
    for (guint m = k + 1; m < n_found; m++) {
      Found *g = &found[m];
      if (g->num.start <= f->range_next && g->num.end > f->range_next) {
        hi = g;
        break;
      }
    }
    if (!hi || hi->dropped || !hi->unit) {
      f->dropped = TRUE;
      continue;
    }
    if (!f->unit) {
      f->unit = hi->unit;
      if (!f->num.has_power && hi->num.scale > 0 && hi->num.arabic)
        f->num.value = zs_dec_scale(f->num.value, hi->num.scale);
    }
    if (str_is(hi->unit, "岁"))
      f->dropped = hi->dropped = TRUE;
  }

  for (guint k = 0; k < n_found; k++) {
    Found *f = &found[k];
    if (f->dropped || !f->unit)
      continue;
    ZsQuantity *q = quantity_new(f->num.value, f->unit, strlen(f->unit));
    q->start = t.off[f->start];
    q->end = t.off[f->end];
    q->num_start = t.off[f->num.start];
    q->num_end = t.off[f->num.end];
    q->qualifier = f->qual;
    q->is_chinese = f->num.chinese && !f->num.arabic;
    q->range_low = f->range_low;
    g_ptr_array_add(out, q);
  }
  if (found != local)
    g_free(found);
  zs_nt_clear(&t);
}
