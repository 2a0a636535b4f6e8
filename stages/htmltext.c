/* htmltext.c: text scraped from web pages keeps some of its HTML: entities
 * (&nbsp; between words, &amp; in names) and the tags that broke its lines
 * (<br>, </p>). An entity stands for one character (in a line that was
 * escaped: no bare &), and a break tag for a line end, so the reflow sees the page's lines and the sentences their
 * characters. Any other markup is not ours to guess at and stays.
 */
#include "htmltext.h"

#include "zhstats.h"

#include <string.h>

/* One entity at `p` (after the &): its character, and its length up to
 * and with the ; in *len; 0 when it is not one. */
static gunichar entity(const char *p, gsize *len) {
  static const struct {
    const char *name;
    gunichar c;
  } named[] = {{"nbsp;", 0x00A0}, {"amp;", '&'},   {"lt;", '<'},
               {"gt;", '>'},      {"quot;", '"'},  {"apos;", '\''},
               {"ensp;", 0x2002}, {"emsp;", 0x2003}, {"middot;", 0x00B7},
               {"mdash;", 0x2014}, {"hellip;", 0x2026}, {"ldquo;", 0x201C},
               {"rdquo;", 0x201D}};
  for (guint i = 0; i < G_N_ELEMENTS(named); i++) {
    gsize n = strlen(named[i].name);
    if (g_ascii_strncasecmp(p, named[i].name, n) == 0) {
      *len = n;
      return named[i].c;
    }
  }
  if (*p != '#')
    return 0;
  gboolean hex = p[1] == 'x' || p[1] == 'X';
  const char *q = p + 1 + hex;
  char *e = NULL;
  guint64 v = g_ascii_strtoull(q, &e, hex ? 16 : 10);
  if (e == q || *e != ';' || e - q > 7 || v == 0 || !g_unichar_validate((gunichar)v))
    return 0;
  *len = (gsize)(e - p) + 1;
  return (gunichar)v;
}

/* Text escaped for HTML has every & escaped: one bare & (A&B) and the
 * text was never escaped, so &amp; in it is what its author wrote. */
static gboolean escaped(const char *s) {
  for (const char *p = strchr(s, '&'); p; p = strchr(p + 1, '&')) {
    gsize len;
    if (!entity(p + 1, &len))
      return FALSE;
  }
  return TRUE;
}

static char *decode(const char *s, gsize n, gboolean entities) {
  GString *o = g_string_sized_new(n);
  const char *p = s, *end = s + n;
  while (p < end) {
    if (!entities) {
      g_string_append_len(o, p, end - p);
      break;
    }
    gsize len = 0;
    gunichar c = *p == '&' ? entity(p + 1, &len) : 0;
    if (c && p + 1 + len <= end) {
      g_string_append_unichar(o, c);
      p += 1 + len;
    } else {
      g_string_append_c(o, *p++);
    }
  }
  return g_string_free(o, FALSE);
}

GStrv zs_html_pieces(const char *raw) {
  if (!strchr(raw, '&') && !strchr(raw, '<'))
    return NULL;
  static GRegex *brk;
  static gsize once;
  if (g_once_init_enter(&once)) {
    brk = g_regex_new("<\\s*(?:br|/?p|/?div)(?:\\s[^<>]*)?/?\\s*>",
                      G_REGEX_CASELESS | (zs_jit_enabled() ? G_REGEX_OPTIMIZE : 0), 0, NULL);
    g_assert(brk); /* a constant pattern */
    g_once_init_leave(&once, 1);
  }
  gboolean ent = escaped(raw);
  g_autoptr(GMatchInfo) mi = NULL;
  GPtrArray *out = g_ptr_array_new();
  const char *from = raw;
  g_regex_match(brk, raw, 0, &mi);
  while (g_match_info_matches(mi)) {
    gint s, e;
    g_match_info_fetch_pos(mi, 0, &s, &e);
    g_ptr_array_add(out, decode(from, raw + s - from, ent));
    from = raw + e;
    g_match_info_next(mi, NULL);
  }
  g_ptr_array_add(out, decode(from, strlen(from), ent));
  g_ptr_array_add(out, NULL);
  return (GStrv)g_ptr_array_free(out, FALSE);
}
