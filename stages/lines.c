/* lines.c: what one line of text looks like, for the reflow of lines into
 * paragraphs in normalize.c: its width and indent, how it ends (a sentence,
 * a soft end, inside a clause) and how it starts (a dateline, a subtitle, a
 * closing mark), markdown heading markers, and the name-only byline form.
 * Pure functions of the text; the decisions that need the page (column
 * width, recent text) stay in normalize.c.
 */
#include "lines.h"

#include "classify.h"
#include "normtext.h"
#include "utf8.h"

#include <string.h>

/* The width of the leading spaces of s[0, len), in CJK columns: the
 * characters wholly inside it. */
double zs_line_indent(const char *s, gsize len) {
  double w = 0;
  for (const char *p = s, *end = s + len; p < end && *p;) {
    const char *q = p;
    gunichar c = zs_utf8_next(&q);
    if (q > end)
      break;
    if (c == '\t')
      w += 2;
    else if (c == 0x3000)
      w += 1;
    else if (c == ' ' || c == 0x00A0)
      w += 0.5;
    else
      break;
    p = q;
  }
  return w;
}

/* Counted in half columns: the sum is exact, whatever the order. */
double zs_line_width(const char *s, gsize len) {
  guint64 w = 0, trail = 0;
  gboolean started = FALSE;
  for (const char *p = s, *end = s + len; p < end;) {
    gunichar c = zs_utf8_next(&p);
    guint cw = (c < 0x80 || c == 0x00A0) ? 1 : 2;
    if (zs_normtext_is_space(c)) {
      if (started)
        trail += cw;
      continue;
    }
    started = TRUE;
    w += trail + cw;
    trail = 0;
  }
  return w / 2.0;
}

gboolean zs_line_is_closer(gunichar c) {
  return c == 0x201D || c == 0x2019 || c == 0x300D || c == 0x300F ||
         c == 0xFF09 || c == 0x300B || c == 0x3011 || c == '"' || c == '\'' ||
         c == ')';
}

gboolean zs_line_is_stop(gunichar c) {
  return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == '!' || c == '?';
}

static gboolean is_dash(gunichar c) {
  return c == 0x2014 || c == 0x2015 || c == 0x2500;
}

/* Last character of `s` before any closing quotes or brackets; *closers
 * tells whether there were some. */
static gunichar last_core(const char *s, gunichar *last) {
  const char *e = s + strlen(s);
  *last = 0;
  gunichar c = 0;
  while (e > s) {
    e = g_utf8_find_prev_char(s, e);
    c = g_utf8_get_char(e);
    if (!*last)
      *last = c;
    if (!zs_line_is_closer(c))
      return c;
  }
  return 0;
}

gboolean zs_line_ends_sentence(const char *norm) {
  gunichar last;
  return zs_line_is_stop(last_core(norm, &last));
}

/* Ends in ……, a dash run, or a colon: the page closes paragraphs there. */
gboolean zs_line_ends_soft(const char *norm) {
  gsize n = strlen(norm);
  if (n < 3)
    return FALSE;
  const char *e = g_utf8_find_prev_char(norm, norm + n);
  gunichar c = g_utf8_get_char(e);
  if (c == 0x2026 || c == 0xFF1A || c == ':')
    return TRUE;
  if (is_dash(c) && e > norm) {
    const char *e2 = g_utf8_find_prev_char(norm, e);
    return e2 && is_dash(g_utf8_get_char(e2));
  }
  return FALSE;
}

/* Ends inside a clause: a paragraph never ends on these. */
gboolean zs_line_ends_open(const char *norm) {
  gsize n = strlen(norm);
  if (!n)
    return FALSE;
  gunichar c = g_utf8_get_char(g_utf8_find_prev_char(norm, norm + n));
  return c == 0xFF0C || c == 0x3001 || c == 0xFF1B || c == 0x201C ||
         c == 0x2018 || c == 0xFF08 || c == 0x300A || c == 0x300C ||
         c == 0x300E || c == 0x3010;
}

static gboolean starts_with(const char *s, const char *prefix) {
  return strncmp(s, prefix, strlen(prefix)) == 0;
}

gboolean zs_line_starts_subtitle(const char *norm) {
  const char *p = norm;
  guint dashes = 0;
  while (*p && is_dash(g_utf8_get_char(p))) {
    dashes++;
    p = g_utf8_next_char(p);
  }
  return dashes >= 2 && !strstr(p, "，") && !strstr(p, "。");
}

gboolean zs_line_starts_block(const char *norm) {
  gunichar c = g_utf8_get_char(norm);
  if (zs_class_dateline_len(norm) || starts_with(norm, "（上接") ||
      starts_with(norm, "（接上") || starts_with(norm, "本报记者") ||
      starts_with(norm, "本报通讯员") || starts_with(norm, "本报特约") ||
      starts_with(norm, "（记者") || starts_with(norm, "（本报记者"))
    return TRUE;
  /* section markers ■ □ ● ◆ ◇ ▲ △ ★ ☆ ▶ */
  if ((c >= 0x25A0 && c <= 0x25FF) || c == 0x2605 || c == 0x2606)
    return TRUE;
  return zs_line_starts_subtitle(norm);
}

gboolean zs_line_starts_quote(const char *norm) {
  gunichar c = g_utf8_get_char(norm);
  return c == 0x201C || c == 0x2018 || c == 0x300C || c == 0x300E ||
         c == 0x300A || c == '"';
}

gboolean zs_line_starts_closing(const char *norm) {
  gunichar c = g_utf8_get_char(norm);
  return zs_line_is_closer(c) || zs_line_is_stop(c) || c == 0xFF0C || c == 0x3001 ||
         c == 0xFF1B || c == 0xFF1A || c == 0x2026;
}

gboolean zs_line_has_clause_punct(const char *norm) {
  static const char *const punct[] = {"，", "。", "！", "？", "；", "：", "、", "…"};
  for (guint i = 0; i < G_N_ELEMENTS(punct); i++)
    if (strstr(norm, punct[i]))
      return TRUE;
  return FALSE;
}

/* A title cut by the column after its colon: 从户籍改革到基层治理：老 /
 * 百姓关心什么…. One or two characters after a colon are no clause, so the
 * line does not end there. */
gboolean zs_line_colon_fragment(const char *norm) {
  const char *c = g_strrstr(norm, "：");
  if (!c || c == norm)
    return FALSE;
  guint n = 0;
  for (const char *p = c + strlen("："); *p; p = g_utf8_next_char(p), n++)
    if (!g_unichar_isalnum(g_utf8_get_char(p)))
      return FALSE;
  return n >= 1 && n <= 2;
}

/* A one-line paragraph that reads as a headline: phrase spaces stay. */
gboolean zs_line_headline_like(const char *norm, double width) {
  static const char *const punct[] = {"，", "。", "！", "？", "；", "：", "、"};
  if (width > 30)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS(punct); i++)
    if (strstr(norm, punct[i]))
      return FALSE;
  return TRUE;
}

/* A byline of names only, 李 刚 黄惠萍 胡 靖: the page pads a two-character
 * name with a space to the width of a three-character one. Returns the
 * names one space apart (李刚 黄惠萍 胡靖), or NULL when the line is not
 * such a list (tokens of 1-3 ideographs, one-character tokens in pairs, at
 * least one such pair). */
char *zs_line_names(const char *raw) {
  g_autoptr(GPtrArray) toks = g_ptr_array_new_with_free_func(g_free);
  GString *tok = g_string_new(NULL);
  for (const char *p = raw;; p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char(p);
    if (c && !zs_normtext_is_space(c)) {
      if (!((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF)) ||
          g_utf8_strlen(tok->str, -1) >= 3) {
        g_string_free(tok, TRUE);
        return NULL;
      }
      g_string_append_unichar(tok, c);
      continue;
    }
    if (tok->len)
      g_ptr_array_add(toks, g_string_free(g_steal_pointer(&tok), FALSE));
    if (!tok)
      tok = g_string_new(NULL);
    if (!c)
      break;
  }
  g_string_free(tok, TRUE);
  g_autoptr(GString) o = g_string_new(NULL);
  guint names = 0, pairs = 0;
  for (guint i = 0; i < toks->len; i++) {
    const char *t = toks->pdata[i];
    if (o->len)
      g_string_append_c(o, ' ');
    g_string_append(o, t);
    if (g_utf8_strlen(t, -1) == 1) {
      if (i + 1 >= toks->len || g_utf8_strlen(toks->pdata[i + 1], -1) != 1)
        return NULL;
      g_string_append(o, toks->pdata[++i]);
      pairs++;
    }
    names++;
  }
  return names >= 2 && pairs ? g_strdup(o->str) : NULL;
}

/* "## text": the heading's text without the markers, or NULL. */
const char *zs_line_markdown_heading(const char *s) {
  while (*s == ' ' || *s == '\t')
    s++;
  guint k = 0;
  while (s[k] == '#')
    k++;
  if (k < 1 || k > 6 || (s[k] != ' ' && s[k] != '\t'))
    return NULL;
  return s + k;
}

