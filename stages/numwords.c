/* numwords.c: the word lists of the number reader and their indexes.
 *
 * The lists are data, kept apart from numbers.c's grammar so either can be
 * read alone; the index (numwords.h) lets a lookup visit only the words
 * that start with the character at hand. zs_num_is_unit() (numbers.h)
 * asks the list of units.
 */
#include "numwords.h"

#include <stdlib.h>
#include <string.h>

#include "numbers.h"


/* Longest forms first where one is a prefix of another. */
const ZsUnitDef zs_numwords_units[] = {
  {"个百分点", "pp"}, {"百分点", "pp"},
  {"微克/立方米", "微克/立方米"}, {"毫克/立方米", "毫克/立方米"},
  {"平方公里", "平方公里"}, {"平方千米", "平方公里"}, {"平方米", "平方米"},
  {"立方米", "立方米"}, {"公里", "公里"}, {"千米", "公里"}, {"厘米", "厘米"},
  {"毫米", "毫米"}, {"米", "米"}, {"公顷", "公顷"}, {"亩", "亩"},
  {"千瓦时", "千瓦时"}, {"千瓦", "千瓦"}, {"吨", "吨"}, {"千克", "千克"},
  {"公斤", "公斤"}, {"克", "克"}, {"斤", "斤"},
  {"人次", "人次"}, {"户次", "户次"}, {"车次", "车次"}, {"架次", "架次"},
  {"辆次", "辆次"}, {"场次", "场次"}, {"批次", "批次"}, {"艘次", "艘次"},
  {"班次", "班次"}, {"项次", "项次"}, {"标箱", "标箱"},
  {"元", "元"}, {"美元", "美元"}, {"港元", "港元"}, {"欧元", "欧元"},
  {"日元", "日元"}, {"块钱", "元"}, {"‰", "‰"},
  {"个月", "月"}, {"小时", "小时"}, {"分钟", "分钟"}, {"周岁", "岁"},
  {"岁", "岁"}, {"年", "年"}, {"天", "天"},
  {"%", "%"}, {"倍", "倍"}, {"成", "%"},
  {"人", "人"}, {"名", "名"}, {"位", "位"}, {"个", "个"}, {"家", "家"},
  {"户", "户"}, {"张", "张"}, {"项", "项"}, {"所", "所"}, {"种", "种"},
  {"批", "批"}, {"列", "列"}, {"条", "条"}, {"处", "处"}, {"部", "部"},
  {"次", "次"}, {"座", "座"}, {"辆", "辆"}, {"台", "台"}, {"套", "套"},
  {"件", "件"}, {"间", "间"}, {"床", "床"}, {"艘", "艘"}, {"架", "架"},
  {"只", "只"}, {"头", "头"}, {"棵", "棵"}, {"株", "株"}, {"场", "场"},
  {"起", "起"}, {"宗", "宗"}, {"支", "支"}, {"期", "期"}, {"块", "块"},
  {"栋", "栋"}, {"幢", "幢"}, {"例", "例"}, {"册", "册"}, {"羽", "羽"},
};

/* A measure word that is really the start of another word. */
static const char *const not_units[] = {
  "部门", "部分", "部署", "年级", "年代", "年度", "年龄", "个人", "名单",
  "名称", "名额", "家庭", "家人", "家长", "家乡", "人民", "人大", "人才",
  "台阶", "条件", "条例", "处理", "处于", "次要", "成为", "成立", "成功",
  "成果", "成效", "成本", "成员", "成绩", "成熟", "成长", "起来", "期间",
  "场所", "场景", "只有", "只是", "只要", "头脑", "间隔", "例如", "期待", "期盼",
  "期望", "块头",
};

/* Nouns for people, which give the unit 人 when no measure word is written
 * (8万余老年人, 14亿多中国人, 6098万贫困人员). */
static const char *const person_nouns[] = {
  "农业转移人口", "贫困人员", "贫困人口", "老年人", "中国人", "人口",
  "农民工", "劳动力", "务工人员", "脱贫人口", "群众", "居民", "职工",
  "学生", "儿童", "老人", "患者", "游客", "党员", "劳动者", "新市民",
  "青年人", "毕业生", "大学生", "农民", "市民", "村民", "旅客", "乘客",
  "师生", "教师", "医生", "护士", "员工", "工人", "妇女", "残疾人",
  "困难群众", "低收入人口", "人才", "志愿者", "考生", "返乡人员", "外来人口",
};

/* Chinese numerals under 100 before these measure words count categories or
 * things already named (三部门, 十个方面, 这四张清单), never a statistic. */
const char *const zs_numwords_category_units[] = {
  "个", "张", "项", "种", "部", "批", "次", "位", "条", "处", "类", "级",
};

/* Set phrases with numerals in them; none of their numbers is a statistic. */
static const char *const set_phrases[] = {
  "三位一体", "一刻钟", "一站式", "千家万户", "亿万", "十四五", "九年义务教育",
  "365天24小时", "7×24小时", "五湖四海", "四面八方", "一带一路", "三令五申",
  "千方百计", "一张网", "一卡通", "一口热饭", "一把手", "三农", "两会",
  "百姓", "万众", "千万别", "千万不", "万一", "一万年", "二元结构", "城乡二元",
  "一元化", "二元化", "多元",
};

const gsize zs_numwords_n_units = G_N_ELEMENTS(zs_numwords_units);
const gsize zs_numwords_n_category_units = G_N_ELEMENTS(zs_numwords_category_units);

static gint cmp_entry(gconstpointer pa, gconstpointer pb) {
  const ZsWordEntry *a = pa, *b = pb;
  if (a->first != b->first)
    return a->first < b->first ? -1 : 1;
  return a->index < b->index ? -1 : a->index > b->index;
}

static void index_build(ZsWordIndex *x, const char *const *words, gsize n, gsize stride) {
  x->e = g_new(ZsWordEntry, n);
  x->n = (guint)n;
  memset(x->bloom, 0, sizeof x->bloom);
  for (gsize k = 0; k < n; k++) {
    const char *w = *(const char *const *)(const void *)((const char *)words + k * stride);
    x->e[k] = (ZsWordEntry){g_utf8_get_char(w), (guint16)k, (guint16)g_utf8_strlen(w, -1), w};
    x->bloom[x->e[k].first / 64 % 16] |= G_GUINT64_CONSTANT(1) << (x->e[k].first % 64);
  }
  qsort(x->e, n, sizeof *x->e, cmp_entry);
  guint size = 16;
  while (size < 4 * n)
    size *= 2;
  x->runs = g_new0(ZsWordRun, size);
  x->runs_mask = size - 1;
  for (gsize k = 0; k < n;) {
    gsize end = k;
    while (end < n && x->e[end].first == x->e[k].first)
      end++;
    guint h = x->e[k].first & x->runs_mask;
    while (x->runs[h].first)
      h = (h + 1) & x->runs_mask;
    x->runs[h] = (ZsWordRun){x->e[k].first, (guint16)k, (guint16)end};
    k = end;
  }
}


gpointer zs_numwords_build(gpointer unused) {
  static ZsNumWords x;
  index_build(&x.units, &zs_numwords_units[0].written, zs_numwords_n_units,
              sizeof zs_numwords_units[0]);
  index_build(&x.not_units, not_units, G_N_ELEMENTS(not_units), sizeof not_units[0]);
  index_build(&x.persons, person_nouns, G_N_ELEMENTS(person_nouns), sizeof person_nouns[0]);
  index_build(&x.set_phrases, set_phrases, G_N_ELEMENTS(set_phrases), sizeof set_phrases[0]);
  for (guint k = 0; k < x.set_phrases.n; k++) {
    guint place = 0;
    for (const char *w = x.set_phrases.e[k].word; *w; w = g_utf8_next_char(w), place++) {
      g_assert(place < 32);
      x.set_places[g_utf8_get_char(w) % 1024] |= 1u << place;
    }
  }
  const ZsWordEntry *e, *end = zs_numwords_run(&x.units, 0x5E74 /* 年 */, &e);
  x.year_rule = end - e == 1 && strcmp(e->word, "年") == 0 &&
                strcmp(zs_numwords_units[e->index].unit, "年") == 0 &&
                zs_numwords_run(&x.persons, 0x5E74, &e) == e;
  guint8 *flags = g_new0(guint8, zs_numwords_n_units);
  for (gsize k = 0; k < zs_numwords_n_units; k++) {
    const ZsUnitDef *u = &zs_numwords_units[k];
    flags[k] = (strcmp(u->written, "成") == 0 ? ZS_UNIT_CHENG : 0) |
               (strcmp(u->written, "个") == 0 ? ZS_UNIT_GE : 0) |
               (strcmp(u->unit, "年") == 0 ? ZS_UNIT_YEAR : 0) |
               (strcmp(u->unit, "月") == 0 || strcmp(u->unit, "天") == 0 ? ZS_UNIT_MONTH_DAY : 0) |
               (strcmp(u->unit, "岁") == 0 ? ZS_UNIT_AGE : 0) |
               (strcmp(u->unit, "倍") == 0 || strcmp(u->unit, "%") == 0 ? ZS_UNIT_TIMES_PCT : 0);
    for (gsize m = 0; m < zs_numwords_n_category_units; m++)
      if (strcmp(u->written, zs_numwords_category_units[m]) == 0)
        flags[k] |= ZS_UNIT_CATEGORY;
  }
  x.unit_flags = flags;
  for (guint k = 0; k < G_N_ELEMENTS(x.numchars); k++) {
    x.numchars[k].c = G_MAXUINT32;
    x.numchars[k].digit = -1;
  }
  /* The characters of the two switches (numwords.h), listed so that the
   * build does not ask them of every character; test_numbers
   * /numbers/numchars checks the table against the switches everywhere. */
  static const gunichar numerals[] = {
    0x96F6, 0x3007, 0x4E00, 0x4E8C, 0x4E24, 0x4E09, 0x56DB, 0x4E94, 0x516D, /* 零〇一二两三四五六 */
    0x4E03, 0x516B, 0x4E5D, 0x5341, 0x767E, 0x5343, 0x4E07, 0x4EBF,         /* 七八九十百千万亿 */
  };
  for (gsize k = 0; k < G_N_ELEMENTS(numerals); k++) {
    gunichar c = numerals[k];
    x.start_bits[c / 64 % 16] |= G_GUINT64_CONSTANT(1) << (c % 64);
    x.end_bits[c / 64 % 16] |= G_GUINT64_CONSTANT(1) << (c % 64);
    x.three_flags[c % 1024] |= ZS_NW_START | ZS_NW_END;
    g_assert(x.numchars[c % 1024].c == G_MAXUINT32 && (zs_numwords_digit(c) >= 0 || zs_numwords_power(c) > 0));
    x.numchars[c % 1024].c = c;
    x.numchars[c % 1024].digit = (gint8)zs_numwords_digit(c);
    x.numchars[c % 1024].power = (guint8)zs_numwords_power(c);
  }
  static const gunichar over[] = {0x4F59, 0x591A, 0x51E0}; /* 余 多 几 */
  for (gsize k = 0; k < G_N_ELEMENTS(over); k++) {
    x.end_bits[over[k] / 64 % 16] |= G_GUINT64_CONSTANT(1) << (over[k] % 64);
    x.three_flags[over[k] % 1024] |= ZS_NW_END;
  }
  return &x;
}

GOnce zs_numwords_once = G_ONCE_INIT;

gboolean zs_num_is_unit(const char *unit) {
  /* The first two bytes compared inline: most units differ there (asked
   * of every rule's units as the rules load). No unit is empty, so an
   * equal first byte is not the NUL and both have a second. */
  for (gsize k = 0; k < zs_numwords_n_units; k++) {
    const char *u = zs_numwords_units[k].unit;
    if (u[0] == unit[0] && u[1] == unit[1] && strcmp(u, unit) == 0)
      return TRUE;
  }
  return FALSE;
}
