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
  /* most lines start with none of them: told by the first byte */
  guchar b = len ? (guchar)s[0] : 0;
  if (b != '\t' && b != ' ' && b != 0xE3 && b != 0xC2)
    return 0;
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

/* Half columns of each character: one for each ASCII byte, two for each
 * lead byte of a longer character, one for NBSP (C2 A0) (the sum is
 * exact). */
static guint64 halves_of(const char *s, const char *z) {
  guint64 halves = 0;
  const guchar *p = (const guchar *)s, *e = (const guchar *)z;
  for (; e - p >= 8; p += 8) { /* eight bytes at a time: 1 or 2 in each byte, summed */
    guint64 w;
    memcpy(&w, p, 8);
    guint64 ascii = (~w >> 7) & G_GUINT64_CONSTANT(0x0101010101010101);
    guint64 lead = ((w & (w << 1)) >> 7) & G_GUINT64_CONSTANT(0x0101010101010101);
    halves += ((ascii + 2 * lead) * G_GUINT64_CONSTANT(0x0101010101010101)) >> 56;
  }
  for (; p < e; p++)
    halves += (*p < 0x80) + 2 * (*p >= 0xC0);
  for (const char *q = s; q < z && (q = memchr(q, 0xC2, z - q)) && q + 1 < z; q++)
    halves -= (guchar)q[1] == 0xA0;
  return halves;
}

/* Does s[0, len) end in a space zs_normtext_is_space() knows? Read off
 * its last bytes, without finding where the last character starts: NBSP
 * is C2 A0, U+2000-200A E2 80 80-8A, U+202F E2 80 AF, U+205F E2 81 9F,
 * U+3000 E3 80 80 (a lead byte is never a character's last). */
static gboolean ends_in_space(const guchar *s, gsize len) {
  guchar z = s[len - 1];
  if (z < 0x80)
    return zs_normtext_is_space(z);
  if (len >= 2 && s[len - 2] == 0xC2)
    return z == 0xA0;
  if (len < 3)
    return FALSE;
  guchar l = s[len - 3], m = s[len - 2];
  return (l == 0xE2 && m == 0x80 && (z <= 0x8A || z == 0xAF)) ||
         (l == 0xE2 && m == 0x81 && z == 0x9F) || (l == 0xE3 && m == 0x80 && z == 0x80);
}

/* The spaces at either end of s[0, len): [*a, *z) is what is between. */
static void trim(const char *s, gsize len, const char **a, const char **z) {
  *a = s, *z = s + len;
  for (guint k; *a < *z && (k = zs_normtext_space_len((const guchar *)*a, (const guchar *)*z));)
    *a += k;
  if (*a == *z || !ends_in_space((const guchar *)s, len)) /* most lines */
    return;
  while (*z > *a) {
    const char *q = *z - 1;
    while (q > *a && ((guchar)*q & 0xC0) == 0x80)
      q--;
    const char *t = q;
    if (!zs_normtext_is_space(zs_utf8_next(&t)))
      break;
    *z = q;
  }
}

/* The characters from the first to the last that is not a space, spaces
 * between included, counted in half columns. */
double zs_line_width(const char *s, gsize len) {
  const char *a, *z;
  trim(s, len, &a, &z);
  return halves_of(a, z) / 2.0;
}

/* The same, knowing the half columns of all s[0, len): those of the few
 * spaces at the ends are taken off. */
double zs_line_width_of(const char *s, gsize len, guint64 halves) {
  const char *a, *z;
  trim(s, len, &a, &z);
  if (a > s)
    halves -= halves_of(s, a);
  if (z < s + len)
    halves -= halves_of(z, s + len);
  return halves / 2.0;
}

gboolean zs_line_ends_sentence(const char *norm, gsize len) {
  ZsLineEnd e;
  zs_line_end_read(norm, len, &e);
  return zs_line_end_sentence(&e);
}

gboolean zs_line_ends_soft(const char *norm, gsize len) {
  ZsLineEnd e;
  zs_line_end_read(norm, len, &e);
  return zs_line_end_soft(norm, len, &e);
}

gboolean zs_line_ends_open(const char *norm, gsize len) {
  ZsLineEnd e;
  zs_line_end_read(norm, len, &e);
  return zs_line_end_open(&e);
}

static gboolean starts_with(const char *s, const char *prefix) {
  return strncmp(s, prefix, strlen(prefix)) == 0;
}

gboolean zs_line_starts_subtitle(const char *norm) {
  const char *p = norm;
  guint dashes = 0;
  while (*p && zs_line_is_dash(zs_utf8_at(p))) {
    dashes++;
    p = g_utf8_next_char(p);
  }
  return dashes >= 2 && !strstr(p, "，") && !strstr(p, "。");
}

gboolean zs_line_may_start_dated(const char *norm, gsize len) {
  return zs_class_dated_marks(norm, len);
}

gboolean zs_line_starts_block(const char *norm, gsize len, gunichar c) {
  if (zs_class_dated_marks(norm, MIN(len, ZS_CLASS_DATED_SCAN)) && zs_class_dateline_len(norm))
    return TRUE;
  /* continuation notes and bylines, all led by （ or 本 */
  if ((c == 0xFF08 || c == 0x672C) &&
      (starts_with(norm, "（上接") || starts_with(norm, "（接上") ||
       starts_with(norm, "本报记者") || starts_with(norm, "本报通讯员") ||
       starts_with(norm, "本报特约") || starts_with(norm, "（记者") ||
       starts_with(norm, "（本报记者")))
    return TRUE;
  /* section markers ■ □ ● ◆ ◇ ▲ △ ★ ☆ ▶ */
  if ((c >= 0x25A0 && c <= 0x25FF) || c == 0x2605 || c == 0x2606)
    return TRUE;
  return zs_line_is_dash(c) && zs_line_starts_subtitle(norm);
}

/* Can zs_class_is_meta(norm) be TRUE? FALSE only where it cannot, read
 * off classify.c's meta and datetime patterns: every branch of meta but
 * the breadcrumb starts with 【 [ · • ▪ or one of its words (so with one
 * of their first characters: zs_class_meta_first()); the breadcrumb
 * (^…[>＞»›]…$) has an arrow and no ，or 。 anywhere; the date form starts
 * with an ASCII digit and is asked only without ，and 。. So a line that
 * starts otherwise is no meta line when it has ，or 。, or has no arrow
 * and does not start with a digit, and classify.c's tests (arrow search,
 * word list, regular expressions) are spared. Nor is it one when it does
 * not start with a mark or a word at all: zs_class_meta_start() (the
 * first character first, as that is cheap), the very test classify.c
 * asks before the pattern when there is no arrow. */
/* (zs_line_may_be_meta_p() is inline, in lines.h.) */
gboolean zs_line_may_be_meta(const char *norm) {
  return zs_line_may_be_meta_p(norm, zs_utf8_at(norm), zs_line_punct(norm));
}

/* The marks, in the order of their bits (normtext.h). */
static const char *const punct_marks[] = {"，", "。", "！", "？", "；", "：", "、", "…"};

guint zs_line_punct(const char *norm) {
  guint bits = 0;
  for (guint i = 0; i < G_N_ELEMENTS(punct_marks); i++)
    if (strstr(norm, punct_marks[i]))
      bits |= 1u << i;
  if (strchr(norm, '>') || strstr(norm, "＞") || strstr(norm, "»") || strstr(norm, "›"))
    bits |= ZS_PUNCT_ARROW;
  return bits;
}


/* A title cut by the column after its colon: 从户籍改革到基层治理：老 /
 * 百姓关心什么…. One or two characters after a colon are no clause, so the
 * line does not end there. Read from the end: a ： second or third from the
 * end, not starting the line, and letters or digits after it. No letter or
 * digit is a ：, so that is the line's last ：, and nothing before it needs
 * reading. */
static inline gboolean is_colon(const char *p) { /* ： is EF BC 9A */
  return (guchar)p[0] == 0xEF && (guchar)p[1] == 0xBC && (guchar)p[2] == 0x9A;
}

gboolean zs_line_end_colon_fragment(const char *norm, const ZsLineEnd *e) {
  /* c0 the last character, c1 and c2 the two before it */
  const char *c0 = norm + e->at;
  if (c0 == norm)
    return FALSE;
  if (c0 - norm >= 3 && is_colon(c0 - 3)) /* c1 is ： */
    return c0 - 3 != norm && g_unichar_isalnum(e->last);
  const char *c1 = zs_utf8_prev(norm, c0);
  return c1 - norm >= 4 && is_colon(c1 - 3) && g_unichar_isalnum(zs_utf8_at(c1)) &&
         g_unichar_isalnum(e->last);
}

gboolean zs_line_colon_fragment(const char *norm, gsize len) {
  ZsLineEnd e;
  zs_line_end_read(norm, len, &e);
  return zs_line_end_colon_fragment(norm, &e);
}

/* A one-line paragraph that reads as a headline: phrase spaces stay. */
gboolean zs_line_headline_like(const char *norm, double width) {
  return zs_line_headline_like_p(width > 30 ? 0 : zs_line_punct(norm), width);
}

/* ，。！？；：、 (an ellipsis is no stop to a headline) */
gboolean zs_line_headline_like_p(guint punct, double width) {
  return width <= 30 && !(punct & ZS_PUNCT_CLAUSE & ~(guint)ZS_PUNCT_ELLIPSIS);
}

/* The next token of `raw` (a run of characters other than spaces) from
 * *p: its bytes [*a, *z), *p moved past it. Returns its characters, 0 at
 * the end, or -1 when it is no name (a character other than an ideograph,
 * or more than three). */
static int name_token(const char **p, const char **a, const char **z) {
  const char *q = *p;
  while (*q) {
    const char *r = q;
    if (!zs_normtext_is_space(zs_utf8_next(&r)))
      break;
    q = r;
  }
  *a = q;
  int n = 0;
  while (*q) {
    const char *r = q;
    gunichar c = zs_utf8_next(&r);
    if (zs_normtext_is_space(c))
      break;
    if (!((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF)) || n >= 3)
      return -1;
    n++;
    q = r;
  }
  *z = *p = q;
  return n;
}

/* A byline of names only, 李 刚 黄惠萍 胡 靖: the page pads a two-character
 * name with a space to the width of a three-character one. Returns the
 * names one space apart (李刚 黄惠萍 胡靖), or NULL when the line is not
 * such a list (tokens of 1-3 ideographs, one-character tokens in pairs, at
 * least one such pair). */
char *zs_line_names(const char *raw) {
  /* the shape first, without allocating: most lines are no such list */
  guint names = 0, pairs = 0;
  gboolean pair_open = FALSE; /* the last token was the first of a pair */
  const char *p = raw, *a, *z;
  for (int k; (k = name_token(&p, &a, &z)) != 0;) {
    if (k < 0 || (pair_open && k != 1))
      return NULL;
    if (pair_open) {
      pairs++;
      pair_open = FALSE;
    } else {
      names++;
      pair_open = k == 1;
    }
  }
  if (pair_open || names < 2 || !pairs)
    return NULL;
  /* then the names one space apart, a pair's two tokens as one name */
  GString *o = g_string_sized_new(strlen(raw));
  pair_open = FALSE;
  p = raw;
  for (int k; (k = name_token(&p, &a, &z)) > 0;) {
    if (o->len && !pair_open)
      g_string_append_c(o, ' ');
    g_string_append_len(o, a, z - a);
    pair_open = k == 1 && !pair_open;
  }
  return g_string_free(o, FALSE);
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

