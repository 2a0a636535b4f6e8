/* extract_kind.c: the clauses of a sentence and the kind of each figure.
 *
 * A figure's kind (level, share, change, ratio, multiple) comes from its
 * unit and from the words right before it (增长 -> a change); the clause
 * map says which clause every byte stands in, for the claiming rules of
 * extract_claim.c.
 */
#include <string.h>

#include "extract_int.h"

/* ---- clauses -------------------------------------------------------------- */

static gboolean clause_break_at(const char *s, gsize i, gsize *len) {
  static const char *marks[] = {"，", "；", "。", "！", "？", "：", ",", ";"};
  for (gsize k = 0; k < G_N_ELEMENTS(marks); k++) {
    if (s[i] != marks[k][0])
      continue; /* runs for every byte: skip the strlen and strncmp */
    gsize l = strlen(marks[k]);
    if (strncmp(s + i, marks[k], l) == 0) {
      *len = l;
      return TRUE;
    }
  }
  return FALSE;
}

/* Every clause mark starts with ',' or ';' or a lead byte 0xE3 or 0xEF,
 * which Chinese text otherwise rarely holds: strpbrk() finds the next of
 * them, and the bytes before it are one run of the same clause. */
void zs_extract_clause_map(const char *s, gsize n, guint *map) {
  guint c = 0;
  gsize i = 0;
  for (;;) {
    const char *hit = strpbrk(s + i, "\xE3\xEF,;");
    gsize at = hit ? (gsize)(hit - s) : n, l;
    for (; i + 4 <= at; i += 4) /* four at a time: one vector store */
      map[i] = map[i + 1] = map[i + 2] = map[i + 3] = c;
    for (; i < at; i++)
      map[i] = c;
    if (!hit)
      break;
    if (clause_break_at(s, at, &l)) {
      for (; i < at + l; i++)
        map[i] = c;
      c++;
    } else {
      map[i++] = c;
    }
  }
  map[n] = c;
}

/* ---- kinds ---------------------------------------------------------------- */

#define W(s) {s, sizeof s - 1}
static const Word rise_words[] = {W("增长"), W("增加"), W("提高"), W("上升"), W("提升"),
                                  W("上涨"), W("加快"), W("回升"), W("增"), W("多"),
                                  W("扩大")};
static const Word fall_words[] = {W("下降"), W("减少"), W("降低"), W("下滑"), W("回落"),
                                  W("缩小"), W("下跌"), W("放缓"), W("收窄"), W("降"),
                                  W("少")};
/* Words that may stand between the verb and the number: 增长了, 下降约. */
static const Word links[] = {W("了"), W("达"), W("约"), W("近"), W("超"), W("逾"),
                             W("超过"), W("将近"), W("接近"), W("不到")};
#undef W

/* Does text just before `end` (a byte offset) end with `w`? The last byte
 * first: it nearly always differs. */
static inline gboolean ends_at(const char *s, gsize end, const Word *w) {
  return end >= w->len && s[end - 1] == w->w[w->len - 1] &&
         memcmp(s + end - w->len, w->w, w->len) == 0;
}

/* Is the figure at `start` the amount of a change? Sets *fall. A verb
 * followed by 到/至 (提高到48.3%) names the new level, not the change. */
static gboolean change_before(const char *s, gsize start, gboolean *fall) {
  static const Word more = {"比去年多", sizeof "比去年多" - 1};
  static const Word less = {"比去年少", sizeof "比去年少" - 1};
  gsize end = start;
  for (gboolean again = TRUE; again;) {
    again = FALSE;
    for (gsize k = 0; k < G_N_ELEMENTS(links); k++)
      if (ends_at(s, end, &links[k])) {
        end -= links[k].len;
        again = TRUE;
        break;
      }
  }
  for (gsize k = 0; k < G_N_ELEMENTS(rise_words); k++)
    if (ends_at(s, end, &rise_words[k])) {
      /* 多 and 少 only as 增多/减少 after 比/较: "比去年多3个" */
      *fall = FALSE;
      return strcmp(rise_words[k].w, "多") != 0 || ends_at(s, end, &more);
    }
  for (gsize k = 0; k < G_N_ELEMENTS(fall_words); k++)
    if (ends_at(s, end, &fall_words[k])) {
      *fall = TRUE;
      return strcmp(fall_words[k].w, "少") != 0 || ends_at(s, end, &less);
    }
  return FALSE;
}

static ZsKind kind_of(const char *unit, gboolean change) {
  if (strcmp(unit, "%") == 0)
    return change ? ZS_KIND_CHANGE_PCT : ZS_KIND_SHARE;
  if (strcmp(unit, "倍") == 0)
    return change ? ZS_KIND_GROWTH_MULTIPLE : ZS_KIND_RATIO;
  return change ? ZS_KIND_CHANGE_ABS : ZS_KIND_LEVEL;
}

void zs_extract_classify(const char *s, GArray *items) {
  for (guint k = 0; k < items->len; k++) {
    Item *it = &g_array_index(items, Item, k);
    gboolean change = change_before(s, it->q->start, &it->fall);
    if (!change && k > 0) {
      Item *prev = &g_array_index(items, Item, k - 1);
      /* 增长238.67%、89.91%: a list after a verb shares its kind. */
      if (prev->kind != ZS_KIND_LEVEL && prev->kind != ZS_KIND_SHARE &&
          prev->kind != ZS_KIND_RATIO && list_gap(s, prev->q->end, it->q->start) &&
          strcmp(prev->q->unit, it->q->unit) == 0) {
        change = TRUE;
        it->fall = prev->fall;
      }
    }
    it->kind = kind_of(it->q->unit, change);
  }
}
