/* classify.c: what kind of paragraph a paragraph is (body, dateline,
 * headline-like short line, byline, marker, photo credit, ...), from its text
 * alone. The segmenter decides roles (headline, subtitle, subhead, body) from
 * these kinds and their order; the patterns of news furniture live here so
 * they can be read and extended in one place.
 */
#include "classify.h"

#include <string.h>

#define SHORT_MAX_CHARS 40

static gboolean starts_with(const char *s, const char *prefix) {
  return strncmp(s, prefix, strlen(prefix)) == 0;
}

gboolean zs_class_is_dash(gunichar c) {
  return c == 0x2014 || c == 0x2015 || c == 0x2500;
}

gboolean zs_class_is_closer(gunichar c) {
  return c == 0x201D || c == 0x2019 || c == 0x300D || c == 0x300F ||
         c == 0xFF09 || c == 0x300B;
}

gboolean zs_class_is_stop(gunichar c) {
  return c == 0x3002 || c == 0xFF01 || c == 0xFF1F;
}

gboolean zs_class_ends_sentence(const char *s) {
  const char *e = s + strlen(s);
  while (e > s) {
    e = g_utf8_find_prev_char(s, e);
    gunichar c = g_utf8_get_char(e);
    if (!zs_class_is_closer(c))
      return zs_class_is_stop(c);
  }
  return FALSE;
}

/* Does t[0, end) end a sentence? */
gboolean zs_class_ends_sentence_at(const char *t, const char *end) {
  g_autofree char *head = g_strndup(t, end - t);
  return zs_class_ends_sentence(head);
}

static gboolean has_any(const char *s, const char *const *list, guint n) {
  for (guint i = 0; i < n; i++)
    if (strstr(s, list[i]))
      return TRUE;
  return FALSE;
}

static const char *const clause_punct[] = {"，", "。", "！", "？", "；", "：",
                                           "、", "…"};

/* Length of a leading dateline (本报讯 / 本报X月X日电), 0 if none. */
gsize zs_class_dateline_len(const char *s) {
  if (starts_with(s, "本报讯"))
    return strlen("本报讯");
  if (!starts_with(s, "本报") && !starts_with(s, "新华社") &&
      !starts_with(s, "中新社") && !starts_with(s, "新华网"))
    return 0;
  guint n = 0;
  for (const char *p = s; *p && n < 24; p = g_utf8_next_char(p), n++) {
    if (starts_with(p, "日电"))
      return (p - s) + strlen("日电");
    gunichar c = g_utf8_get_char(p);
    if (c == 0xFF0C || c == 0x3002 || c == 0xFF08)
      return 0;
  }
  return 0;
}

/* Length of a leading "（…）" of at most `max` characters, 0 if none. */
gsize zs_class_paren_len(const char *s, guint max) {
  if (!starts_with(s, "（"))
    return 0;
  guint n = 0;
  for (const char *p = s + strlen("（"); *p && n < max;
       p = g_utf8_next_char(p), n++) {
    if (starts_with(p, "（"))
      return 0;
    if (starts_with(p, "）"))
      return (p - s) + strlen("）");
  }
  return 0;
}

gboolean zs_class_byline_paren(const char *s, gsize len) {
  g_autofree char *t = g_strndup(s, len);
  return strstr(t, "记者") || strstr(t, "通讯员") || strstr(t, "特约");
}

gsize zs_class_continuation_len(const char *s) {
  if (starts_with(s, "（上接") || starts_with(s, "（接上") ||
      starts_with(s, "（紧接"))
    return zs_class_paren_len(s, 12);
  return 0;
}

/* A photo credit: 叶传增 徐锐摄影报道, 本报记者 张三摄, （新华社发）. */
static gboolean is_credit(const char *t) {
  static const char *const ends[] = {"摄", "摄影", "摄影报道", "供图", "制图", "新华社发"};
  g_autofree char *core = g_strdup(t);
  if (g_str_has_prefix(core, "（") && g_str_has_suffix(core, "）")) {
    core[strlen(core) - strlen("）")] = '\0';
  }
  for (guint i = 0; i < G_N_ELEMENTS(ends); i++)
    if (g_str_has_suffix(core, ends[i]))
      return TRUE;
  return FALSE;
}

ZsParaKind zs_class_para(const ZsPara *p) {
  const char *t = p->text;
  glong n = g_utf8_strlen(t, -1);
  gunichar c0 = g_utf8_get_char(t);
  if (p->markdown_heading)
    return ZS_PK_HEADING;
  if (zs_class_dateline_len(t))
    return ZS_PK_DATELINE;
  if (zs_class_continuation_len(t))
    return ZS_PK_CONT;
  if ((c0 >= 0x25A0 && c0 <= 0x25FF) || c0 == 0x2605 || c0 == 0x2606)
    return ZS_PK_MARKER;
  if (n <= 30 && !strstr(t, "。") && !strstr(t, "，") && is_credit(t))
    return ZS_PK_CREDIT;
  if (n <= SHORT_MAX_CHARS && !strstr(t, "。") &&
      (starts_with(t, "本报记者") || starts_with(t, "本报通讯员") ||
       starts_with(t, "本报特约")))
    return ZS_PK_BYLINE;
  gsize pl = zs_class_paren_len(t, 60);
  if (pl && pl == strlen(t) && zs_class_byline_paren(t, pl))
    return ZS_PK_BYLINE;
  if (n <= SHORT_MAX_CHARS && !zs_class_ends_sentence(t))
    return ZS_PK_SHORT;
  return ZS_PK_BODY;
}

/* A short line that can be (part of) a headline: no punctuation but quotes
 * and book-title marks, not a dash-led subtitle, not a dash-ended kicker. */
gboolean zs_class_headline_like(ZsParaKind kind, const char *t) {
  if (kind != ZS_PK_SHORT)
    return FALSE;
  /* a quotation as a headline: 「节后不用远离家乡，父母娃娃都高兴」 */
  if ((g_str_has_prefix(t, "「") && g_str_has_suffix(t, "」")) ||
      (g_str_has_prefix(t, "“") && g_str_has_suffix(t, "”")))
    return !strstr(t, "。") && !strstr(t, "」「") && !strstr(t, "”“");
  if (has_any(t, clause_punct, G_N_ELEMENTS(clause_punct)))
    return FALSE;
  if (zs_class_is_dash(g_utf8_get_char(t)))
    return FALSE;
  gsize n = strlen(t);
  if (n >= 3 && zs_class_is_dash(g_utf8_get_char(g_utf8_find_prev_char(t, t + n))))
    return FALSE;
  return TRUE;
}

gboolean zs_class_subtitle_like(ZsParaKind kind, const char *t) {
  return kind == ZS_PK_SHORT && zs_class_is_dash(g_utf8_get_char(t));
}

const char *zs_class_strip_dashes(const char *t) {
  while (*t && zs_class_is_dash(g_utf8_get_char(t)))
    t = g_utf8_next_char(t);
  return t;
}

gboolean zs_class_ends_dashes(const char *t) {
  gsize n = strlen(t);
  return n >= 3 && zs_class_is_dash(g_utf8_get_char(g_utf8_find_prev_char(t, t + n)));
}
